"""The chapter page keeps the editors' apparatus and the author's text apart, labels the author's opening
text, marks an editors' title and carries every author the text names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clusterdocs.ingest.model import Chapter, Heading

ZH_NAMES = ["许克振", "刘进文", "葛天平", "李新玲", "万望发", "邹进华", "储成定", "李嵩"]
EN_NAMES = [
    "Xu Kezhen",
    "Liu Jinwen",
    "Ge Tianping",
    "Li Xinling",
    "Wan Wangfa",
    "Zou Jinhua",
    "Chu Chengding",
]


@pytest.fixture(scope="module")
def generated() -> Iterator[dict[str, str | bytes]]:
    """Every generated file, rendered in-process from a fresh load of the real corpus."""
    from clusterdocs.generate import render_site
    from clusterdocs.ingest.corpus import load_corpus

    yield render_site(*load_corpus()).files


def _page(generated: dict[str, str | bytes], slug: str, lang: str) -> str:
    page = generated[f"chapters/{slug}/index{'.en' if lang == 'en' else ''}.md"]
    return page.decode("utf-8") if isinstance(page, bytes) else page


def _sections(markdown: str) -> list[tuple[str, str]]:
    """The page cut at its Markdown headings: (heading line, what follows up to the next heading)."""
    parts = re.split(r"^(#{1,6} .*)$", markdown, flags=re.MULTILINE)
    return list(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_author_text_sits_in_the_editors_apparatus(
    generated: dict[str, str | bytes], slugs: list[str], lang: str
) -> None:
    for slug in slugs:
        for heading, body in _sections(_page(generated, slug, lang)):
            if re.search(r"\{ #(summary|objectives|key-terms) \}", heading):
                assert 'class="para"' not in body, f"{slug} ({lang}): author's text under {heading!r}"
                assert '<details class="original"' not in body or "#summary" in heading, (
                    f"{slug} ({lang}): the original under {heading!r}"
                )


def test_the_opening_text_of_every_chapter_has_its_own_label(
    chapters: list[Chapter], generated: dict[str, str | bytes]
) -> None:
    for chapter in chapters:
        first = chapter.blocks[0]
        if isinstance(first, Heading):
            continue
        kind = chapter.labels.get(first.id)
        assert kind, f"{chapter.slug}: the opening {first.id} has no label"
        sections = _sections(_page(generated, chapter.slug, "zh"))
        [(heading, body)] = [(h, b) for h, b in sections if f'id="{first.id}"' in b]
        assert f"#text-{kind} .text-label" in heading, f"{chapter.slug}: {first.id} sits under {heading!r}"
        assert body.index(f'id="{first.id}"') < body.index('class="para"') + 20


def test_the_text_is_ruled_off_from_the_apparatus_before_and_after(
    generated: dict[str, str | bytes], slugs: list[str]
) -> None:
    for slug in slugs:
        for lang in ("zh", "en"):
            page = _page(generated, slug, lang)
            start, end = page.index('<p class="text-start"'), page.index('<p class="text-end"')
            assert page.index("{ #key-terms }") < start < end < page.index("{ #cite }")
            body = page[start:end]
            assert page.count('class="para"') == body.count('class="para"'), f"{slug} ({lang})"


def test_the_labels_the_review_asked_for_are_on_their_blocks(chapters: list[Chapter]) -> None:
    labels = {c.slug: c.labels for c in chapters}
    assert labels["hubei-county-clusters"] == {"p1": "editors-note", "p2": "preamble", "s8-p4": "signature"}
    assert labels["sunan-industrial-parks"]["p1"] == "classification"
    assert labels["hunan-two-oriented-society"]["s3-2-p5"] == "conclusion"
    assert labels["changsha-policy-opinions"]["s4-p5"] == "closing"
    assert labels["jingzhou-industrial-parks"]["s5-p3"] == "provenance"


def test_an_editors_title_is_marked_on_the_page_and_in_the_chapter_index(
    chapters: list[Chapter], generated: dict[str, str | bytes]
) -> None:
    marks = {"zh": "〔编者拟题〕", "en": " [title supplied by the editors]"}
    for lang, index_path in (("zh", "chapters/index.md"), ("en", "chapters/index.en.md")):
        index = generated[index_path]
        listed = (index.decode("utf-8") if isinstance(index, bytes) else index).replace("\\", "")
        for chapter in chapters:
            [h1] = [
                line
                for line in _page(generated, chapter.slug, lang).splitlines()
                if line.endswith("{ #title }")
            ]
            assert (marks[lang] in h1.replace("\\", "")) == chapter.title_is_editors, (
                f"{chapter.slug} ({lang}): {h1}"
            )
            for title_lang, title in (("zh", chapter.title_zh), ("en", chapter.spec.title_en)):
                marked = f"{title}{marks[title_lang]}" in listed
                assert marked == chapter.title_is_editors, f"{chapter.slug}: {title} in {index_path}"


class _Meta(HTMLParser):
    """The text of a page's chapter-meta block."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or (tag == "div" and "chapter-meta" in (dict(attrs).get("class") or "")):
            self.depth += tag == "div"

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "div":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def _meta(path: Path) -> str:
    parser = _Meta()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.text)


def test_the_built_byline_names_the_body_and_all_eight_authors(site: Path) -> None:
    zh = _meta(site / "chapters" / "hubei-county-clusters" / "index.html")
    en = _meta(site / "en" / "chapters" / "hubei-county-clusters" / "index.html")
    assert "湖北省经委“产业集群发展研究”课题组" in zh
    assert [n for n in ZH_NAMES if n not in zh] == []
    assert "湖北省经委主任" in zh and "湖北省经委县域经济处" in zh
    assert [n for n in EN_NAMES if n not in en] == []
    assert [n for n in ZH_NAMES if n not in en] == []
