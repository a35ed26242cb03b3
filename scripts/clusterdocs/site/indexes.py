"""Index pages and lists that several pages share: the chapter list and the glossary, in both languages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clusterdocs.content.glossary import Term
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.lang import messages, pick
from clusterdocs.site.page import front_matter_text
from clusterdocs.site.templates import render


def _chapters(chapters: list[Chapter], lang: str, href: Callable[[Chapter], str]) -> list[dict[str, Any]]:
    return [
        {
            "title": pick(lang, c.title_zh, c.spec.title_en),
            "other": pick(lang, c.spec.title_en, c.title_zh),
            "description": pick(lang, c.spec.description_zh, c.spec.description_en),
            "href": href(c),
        }
        for c in chapters
    ]


def chapter_list(chapters: list[Chapter], lang: str, prefix: str) -> str:
    """A Markdown list of chapters, each linked (`prefix` leads from the page to docs/) and described."""
    items = _chapters(chapters, lang, lambda c: prefix + urls.md_link(urls.HOME, urls.chapter(c.slug)))
    return render("chapter_list.md.j2", lang, chapters=items).rstrip("\n")


def chapters_index(chapters: list[Chapter], lang: str) -> str:
    """The chapters index page."""
    items = _chapters(chapters, lang, lambda c: urls.md_link(urls.CHAPTERS, urls.chapter(c.slug)))
    front = front_matter_text(messages(lang).chapters, "seeds/*.yml")
    return render("chapters.md.j2", lang, front=front, chapters=items)


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
