"""Index pages and lists that several pages share: the chapter list and the glossary, in both languages."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from clusterdocs.content.glossary import Term
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.chapter import display_title
from clusterdocs.site.lang import messages, pick
from clusterdocs.site.page import front_matter_text
from clusterdocs.site.templates import render


def _chapters(
    chapters: list[Chapter], lang: str, href: Callable[[Chapter], str], pending: Collection[str] = ()
) -> list[dict[str, Any]]:
    return [
        {
            "title": display_title(c, lang),
            "other": display_title(c, pick(lang, "en", "zh")),
            "description": pick(lang, c.spec.description_zh, c.spec.description_en),
            "href": href(c),
            "pending": c.slug in pending,
        }
        for c in chapters
    ]


_SMALL = {
    "zh": list("一二三四五六七八九十"),
    "en": ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"],
}


def _count(n: int, lang: str) -> str:
    """A count as prose writes it: 五 / five up to ten, digits beyond."""
    return _SMALL[lang][n - 1] if 1 <= n <= 10 else str(n)


def chapter_list(chapters: list[Chapter], lang: str, prefix: str) -> str:
    """A Markdown list of chapters, each linked (`prefix` leads from the page to docs/) and described."""
    items = _chapters(chapters, lang, lambda c: prefix + urls.md_link(urls.HOME, urls.chapter(c.slug)))
    return render("chapter_list.md.j2", lang, chapters=items).rstrip("\n")


def chapters_index(chapters: list[Chapter], lang: str, pending: Collection[str] = ()) -> str:
    """The chapters index page: how many sources make how many chapters (from the manifests), each chapter
    listed, those in `pending` (slugs) marked as waiting for their English."""
    items = _chapters(chapters, lang, lambda c: urls.md_link(urls.CHAPTERS, urls.chapter(c.slug)), pending)
    front = front_matter_text(messages(lang).chapters, "seeds/*.yml")
    sources, count = _count(len({c.source for c in chapters}), lang), _count(len(chapters), lang)
    return render("chapters.md.j2", lang, front=front, chapters=items, sources=sources, count=count)


def glossary_page(terms: list[Term], used: dict[str, list[Chapter]], lang: str) -> str:
    """The glossary in one language: each term with pinyin, the other language, a definition, its chapters."""
    rows = [
        (
            term,
            [
                {
                    "href": urls.link(urls.GLOSSARY, urls.chapter(c.slug)),
                    "title": pick(lang, c.title_zh, c.spec.title_en),
                }
                for c in used[term.id]
            ],
        )
        for term in sorted(terms, key=lambda t: pick(lang, t.pinyin, t.en.lower()))
    ]
    front = front_matter_text(messages(lang).glossary, "content/glossary.yml")
    return render("glossary.md.j2", lang, front=front, terms=rows)
