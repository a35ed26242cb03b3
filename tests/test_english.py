"""The English side: parity with the Chinese, and every figure traceable to the section it summarises."""

from __future__ import annotations

from dataclasses import replace

from clusterdocs.checks.figures import untraceable
from clusterdocs.checks.parity import problems
from clusterdocs.content.english import EnglishChapter, load_english
from clusterdocs.content.glossary import load_glossary
from clusterdocs.ingest.model import Chapter
from clusterdocs.numbers import conversions


def _english(chapter: Chapter) -> EnglishChapter:
    english = load_english(chapter.slug)
    assert english is not None, f"{chapter.slug}: no content/en/{chapter.slug}.yml"
    return english


def test_every_chapter_has_its_english_for_every_section_id(chapters: list[Chapter]) -> None:
    assert [line for c in chapters for line in problems(c, load_english(c.slug))] == []


def test_a_section_the_english_leaves_out_is_reported(chapters: list[Chapter]) -> None:
    chapter = next(c for c in chapters if c.slug == "zhuzhou")
    english = _english(chapter)
    doctored = replace(english, sections={k: v for k, v in english.sections.items() if k != "s3"})
    [line] = problems(chapter, doctored)
    assert "sections" in line and line.endswith(" s3")


def test_every_figure_in_the_english_is_printed_in_the_chinese_section(chapters: list[Chapter]) -> None:
    assert [line for c in chapters for line in untraceable(c, _english(c))] == []


def test_conversions_are_checked_arithmetically() -> None:
    assert conversions("68.13亿元 (6.813 billion yuan)") == ([], {"6.813"})
    assert conversions("19.7万人 (197,000 people)") == ([], {"197000"})
    errors, _ = conversions("2.3亿元 (2.4 billion yuan)")
    assert len(errors) == 1 and "2.3亿" in errors[0]


def test_a_figure_the_chinese_does_not_print_is_reported(chapters: list[Chapter]) -> None:
    chapter = next(c for c in chapters if c.slug == "hunan-small-towns")
    english = _english(chapter)
    doctored = replace(english, sections={**english.sections, "s4-2": "Sales reached 999 yuan."})
    assert any("999" in line for line in untraceable(chapter, doctored))


def test_key_terms_are_glossary_terms_used_in_the_chapter(chapters: list[Chapter]) -> None:
    forms = {f for t in load_glossary() for f in (t.zh, *t.variants_zh)}
    problems = []
    for chapter in chapters:
        text = "".join(chapter.texts())
        problems += [
            f"{chapter.slug}: {t}" for t in _english(chapter).key_terms if t not in forms or t not in text
        ]
    assert problems == []


def test_the_summary_of_the_whole_piece_is_150_to_300_words(chapters: list[Chapter]) -> None:
    counts = {c.slug: len(_english(c).summary.split()) for c in chapters}
    assert {slug: n for slug, n in counts.items() if not 150 <= n <= 300} == {}
