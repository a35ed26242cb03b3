"""Small sources through the whole normaliser, compared with hand-written expected Markdown."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from clusterdocs.ingest.manifest import load_manifest
from clusterdocs.ingest.structure import build_chapters
from clusterdocs.ingest.textio import read_seed
from clusterdocs.site.chapter import body_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "normaliser"


def _chapter(name: str):
    m = load_manifest(FIXTURES / f"{name}.yml")
    [chapter] = build_chapters(m, read_seed(FIXTURES / m.source))
    return chapter


@pytest.mark.parametrize("name", ["page-break", "lines"])
def test_fixture_renders_the_expected_markdown(name: str) -> None:
    expected = (FIXTURES / f"{name}.expected.md").read_text(encoding="utf-8")
    assert body_markdown(_chapter(name)) == expected


def test_page_number_and_author_note_leave_the_sentence_they_interrupted() -> None:
    chapter = _chapter("page-break")
    assert chapter.title_zh == "示例标题"
    assert chapter.byline == "张三"
    assert chapter.author_notes == ["＊作者简介：张三，某大学教授。"]
    kinds = sorted(a.kind for a in chapter.repairs)
    assert kinds == ["author-note", "removal"]


def test_markup_in_a_source_is_text_after_markdown_conversion() -> None:
    html = markdown.markdown(body_markdown(_chapter("lines")), extensions=["attr_list", "md_in_html"])
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
