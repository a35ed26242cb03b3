"""The policy-context box: each chapter's date, genre and terms in both languages, with references."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from clusterdocs.content.english import load_english
from clusterdocs.errors import SourceError
from clusterdocs.generate import render_site
from clusterdocs.ingest.corpus import load_corpus
from clusterdocs.ingest.model import Chapter

FACTS = "date: {zh: 年, en: Y}, genre: {zh: 文, en: G}, "
ENGLISH = Path(__file__).resolve().parents[1] / "content" / "en"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """Every generated page of the real corpus (rendering adds links, so on a corpus of its own)."""
    chapters, _ = load_corpus()
    return {name: data.decode("utf-8") for name, data in render_site(chapters, {}).files.items()}


def _with_context(tmp_path: Path, context: str) -> Path:
    text = (ENGLISH / "zhuzhou.yml").read_text(encoding="utf-8")
    head = text.split("\ncontext:", 1)[0]
    (tmp_path / "zhuzhou.yml").write_text(head + "\n" + context, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("context", "place"),
    [
        (f"context: {{{FACTS}en: E, zh: 中, sources: []}}\n", "context.sources"),
        (f"context: {{{FACTS}en: E}}\n", "context.zh"),
        ("context: {en: E, zh: 中}\n", "context.date"),
        ("context: {date: {zh: 年}, genre: {zh: 文, en: G}, en: E, zh: 中}\n", "context.date.en"),
        (
            f"context: {{{FACTS}en: E, zh: 中, references: [{{title: T, url: 'javascript:alert(1)'}}]}}\n",
            "context.references[0].url",
        ),
        (
            f"context: {{{FACTS}en: E, zh: 中, references: [{{url: 'https://example.org/'}}]}}\n",
            "context.references[0].title",
        ),
    ],
)
def test_a_bad_context_is_refused_with_its_place(tmp_path: Path, context: str, place: str) -> None:
    with pytest.raises(SourceError) as caught:
        load_english("zhuzhou", _with_context(tmp_path, context))
    assert (caught.value.path, caught.value.place) == ("content/en/zhuzhou.yml", place)


def test_every_chapter_has_its_context_in_both_languages(chapters: list[Chapter]) -> None:
    for chapter in chapters:
        english = load_english(chapter.slug)
        assert english is not None and english.context is not None, chapter.slug
        assert english.context.en and english.context.zh, chapter.slug
        assert all(english.context.date) and all(english.context.genre), chapter.slug


@pytest.mark.parametrize(("lang", "suffix", "html_lang"), [("zh", ".md", "zh-Hans"), ("en", ".en.md", "en")])
def test_the_box_is_on_both_chapter_pages_with_its_references(
    pages: dict[str, str], chapters: list[Chapter], lang: str, suffix: str, html_lang: str
) -> None:
    for chapter in chapters:
        english = load_english(chapter.slug)
        assert english is not None and english.context is not None
        page = pages[f"chapters/{chapter.slug}/index{suffix}"]
        start = page.index('<aside class="abstract context" id="context"')
        box = page[start : page.index("</aside>", start)]
        assert f'lang="{html_lang}"' in box.split(">", 1)[0]
        first = (english.context.zh if lang == "zh" else english.context.en).split("\n")[0]
        assert first[:40] in html.unescape(re.sub(r"<[^>]+>", "", box)), chapter.slug
        for reference in english.context.references:
            assert f'href="{html.escape(reference.url, quote=True)}"' in box, (chapter.slug, reference.url)
        assert page.index('id="context"') < page.index("{ #objectives }"), chapter.slug
