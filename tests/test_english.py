"""The English side: parity with the Chinese, and every figure traceable to the section it summarises."""

from __future__ import annotations

import pytest
from clusterdocs.checks.figures import untraceable
from clusterdocs.checks.parity import report
from clusterdocs.content.english import load_english
from clusterdocs.ingest.corpus import load_corpus
from clusterdocs.numbers import conversions

CHAPTERS, _ = load_corpus()


def test_every_chapter_has_its_english_with_every_section_id_table_and_teaching_block() -> None:
    assert report(CHAPTERS) == []


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.slug for c in CHAPTERS])
def test_every_figure_in_the_english_is_printed_in_the_chinese_section(chapter) -> None:
    english = load_english(chapter.slug)
    assert english is not None, chapter.slug
    assert untraceable(chapter, english) == []


def test_conversions_are_checked_arithmetically() -> None:
    assert conversions("68.13亿元 (6.813 billion yuan)") == ([], {"6.813"})
    assert conversions("19.7万人 (197,000 people)") == ([], {"197000"})
    errors, _ = conversions("2.3亿元 (2.4 billion yuan)")
    assert len(errors) == 1 and "2.3亿" in errors[0]


def test_a_figure_the_chinese_does_not_print_is_reported() -> None:
    chapter = next(c for c in CHAPTERS if c.slug == "hunan-small-towns")
    english = load_english(chapter.slug)
    assert english is not None
    doctored = type(english)(
        **{**english.__dict__, "sections": {**english.sections, "s4-2": "Sales reached 999 yuan."}}
    )
    assert any("999" in line for line in untraceable(chapter, doctored))


def test_key_terms_are_glossary_terms_used_in_the_chapter() -> None:
    from clusterdocs.content.glossary import load_glossary

    forms = {f for t in load_glossary() for f in (t.zh, *t.variants_zh)}
    problems = []
    for chapter in CHAPTERS:
        english = load_english(chapter.slug)
        text = "".join(chapter.texts())
        for term in english.key_terms if english else ():
            if term not in forms or term not in text:
                problems.append(f"{chapter.slug}: {term}")
    assert problems == []


@pytest.mark.parametrize("chapter", CHAPTERS, ids=[c.slug for c in CHAPTERS])
def test_the_summary_of_the_whole_piece_is_150_to_300_words(chapter) -> None:
    english = load_english(chapter.slug)
    assert english is not None
    assert 150 <= len(english.summary.split()) <= 300
