"""The terminology: one English rendering per Chinese term, used by the English summaries and the glossary."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from clusterdocs.checks.parity import report as parity_report
from clusterdocs.checks.terminology import glossary_mismatches, rejected, report, untranslated
from clusterdocs.content.english import EnglishChapter, load_english
from clusterdocs.content.glossary import load_glossary
from clusterdocs.content.terminology import Rendering, load_terminology
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Chapter, Heading, sections


def _english(chapter: Chapter) -> EnglishChapter:
    english = load_english(chapter.slug)
    assert english is not None
    return english


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "terminology.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_terminology_loads_with_each_chinese_form_once() -> None:
    terms = load_terminology()
    forms = [f for t in terms for f in t.chinese]
    assert len(forms) == len(set(forms))
    by_zh = {t.zh: t for t in terms}
    assert by_zh["规模以上"].en == "above designated size"
    assert by_zh["源头产业"].en == "upstream raw-material industries"
    assert by_zh["中联重科"].en == "Zoomlion"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("- {zh: 配套, en: supporting industries, kind: term, colour: red}\n", "[0].colour"),
        ("- {zh: 配套, en: supporting industries, kind: word}\n", "[0].kind"),
        ("- {zh: 配套, en: a, kind: term}\n- {zh: 配套, en: b, kind: term}\n", "[1].zh"),
        ("- {zh: 配套, en: a, kind: term, variants_zh: [配套]}\n", "[0].variants_zh[0]"),
        ("- {zh: 配套, en: supporting firms, kind: term, avoid: [supporting]}\n", "[0].avoid[0]"),
        ("- {zh: 配套, en: a, kind: term, min: 0}\n", "[0].min"),
    ],
)
def test_a_bad_entry_is_refused_with_its_place(tmp_path: Path, text: str, place: str) -> None:
    with pytest.raises(SourceError) as caught:
        load_terminology(_write(tmp_path, text))
    assert caught.value.path == "content/terminology.yml"
    assert caught.value.place == place


def test_english_forms_match_whole_words_with_any_joiner() -> None:
    term = Rendering(zh="长株潭", en="Changsha\u2013Zhuzhou\u2013Xiangtan", kind="place", forms=("CZT",))
    assert term.used_in("the Changsha-Zhuzhou-Xiangtan city cluster")
    assert term.used_in("in CZT.")
    assert not term.used_in("CZTs and Changsha")
    smes = Rendering(zh="中小企业", en="small and medium-sized enterprises", kind="term", forms=("SME",))
    assert not smes.used_in("SMEs")  # a plural needs its own form


def test_chinese_forms_are_counted_without_overlap() -> None:
    term = Rendering(zh="龙头企业", en="leading enterprise", kind="term", variants_zh=("龙头",))
    assert term.count("龙头企业带动，龙头环节") == 2


def test_a_required_term_missing_from_its_section_summary_is_listed(chapters: list[Chapter]) -> None:
    chapter = next(c for c in chapters if c.slug == "zhuzhou")
    terms = [Rendering(zh="新型工业化", en="new-type industrialisation", kind="policy", required=True)]
    heading, _ = next(
        (h, b)
        for h, b in sections(chapter)
        if h and terms[0].count(h.title + "".join(x.text for x in b)) >= 2
    )
    assert isinstance(heading, Heading)
    english = _english(chapter)
    kept = replace(english, sections={**english.sections, heading.id: "The new-type industrialisation."})
    assert not [line for line in untranslated(chapter, kept, terms) if f" {heading.id}:" in line]
    dropped = replace(
        english,
        headings={**english.headings, heading.id: "A heading"},
        sections={**english.sections, heading.id: "A summary without the term."},
    )
    [line] = [line for line in untranslated(chapter, dropped, terms) if f" {heading.id}:" in line]
    assert line.startswith(f"zhuzhou {heading.id}: 新型工业化 occurs ")
    assert '"new-type industrialisation"' in line


def test_a_term_used_once_in_passing_is_not_required(chapters: list[Chapter]) -> None:
    chapter = next(c for c in chapters if c.slug == "zhuzhou")
    english = replace(_english(chapter), sections=dict.fromkeys(_english(chapter).sections, "Nothing."))
    rare = Rendering(zh="炎帝神龙城", en="Yandi Shennong City", kind="place", required=True)
    assert untranslated(chapter, english, [rare]) == []
    once = replace(rare, min=1)
    assert len(untranslated(chapter, english, [once])) == 1


def test_a_rejected_rendering_is_listed_unless_quoted_as_an_alternative() -> None:
    term = Rendering(
        zh="源头产业", en="upstream raw-material industries", kind="term", avoid=("primary industries",)
    )
    texts = [("sections.s3", "large shares of primary industries")]
    [line] = rejected("content/en/zhuzhou.yml", texts, [term])
    assert line == (
        'content/en/zhuzhou.yml sections.s3: "primary industries" for 源头产业; '
        'write "upstream raw-material industries"'
    )
    quoted = [("x.def_en", 'not "primary industries", which means agriculture')]
    assert rejected("content/glossary.yml", quoted, [term], quoted_ok=True) == []


def test_every_glossary_term_has_the_terminology_rendering() -> None:
    glossary, terms = load_glossary(), load_terminology()
    assert glossary_mismatches(glossary, terms) == []
    wrong = [replace(glossary[0], en="something else")]
    [line] = glossary_mismatches(wrong, terms)
    assert f"content/glossary.yml {glossary[0].id}:" in line


def test_the_english_passes_the_terminology_check(chapters: list[Chapter]) -> None:
    assert report(chapters) == []


def test_the_parity_report_lists_a_rejected_rendering_in_a_content_copy(
    tmp_path: Path, chapters: list[Chapter]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", content)
    english = content / "en" / "zhuzhou.yml"
    text = english.read_text(encoding="utf-8")
    doctored = text.replace("summary: |\n", "summary: |\n  Zhuzhou's primary industries.\n", 1)
    english.write_text(doctored, encoding="utf-8")
    lines = parity_report(chapters, content)
    assert 'content/en/zhuzhou.yml summary: "primary industries" for 源头产业; ' in "\n".join(lines)
