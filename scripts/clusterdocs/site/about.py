"""The about page's generated parts: each source with its bibliographic data from the manifests (and the
editors' dating from content/en), and the citation of the whole reader."""

from __future__ import annotations

from markupsafe import Markup

from clusterdocs.content.english import EnglishChapter
from clusterdocs.ingest.manifest import Manifest
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.chapter import chapter_work, display_title
from clusterdocs.site.cite import Work, citation_html
from clusterdocs.site.lang import messages, pick
from clusterdocs.site.templates import render


def source_list(
    manifests: list[Manifest],
    chapters: list[Chapter],
    english_of: dict[str, EnglishChapter | None],
    lang: str,
    prefix: str,
) -> str:
    """Markdown: every source file, what it is, and the chapters made from it with their titles, authors
    and the editors' dating; `prefix` leads from the page to docs/."""
    by_slug = {c.slug: c for c in chapters}
    sources = []
    for m in manifests:
        items = []
        for spec in m.chapters:
            chapter, english = by_slug[spec.slug], english_of.get(spec.slug)
            work = chapter_work(chapter, english)
            context = english.context if english else None
            items.append(
                {
                    "title": display_title(chapter, lang),
                    "other": display_title(chapter, pick(lang, "en", "zh")),
                    "href": prefix + urls.md_link(urls.HOME, urls.chapter(spec.slug)),
                    "authors": messages(lang).list_sep.join(pick(lang, work.authors_zh, work.authors_en)),
                    "date": pick(lang, *context.date) if context else "",
                    "genre": pick(lang, *context.genre) if context else "",
                }
            )
        sources.append(
            {
                "name": m.source,
                "href": prefix + urls.md_link(urls.HOME, urls.source_page(m.source)),
                "description": pick(lang, m.description_zh, m.description_en),
                "chapters": items,
            }
        )
    return render("about_sources.md.j2", lang, sources=sources).rstrip("\n")


def reader_citation(lang: str, site_url: str) -> Markup:
    """How to cite the whole reader: GB/T 7714, APA and BibTeX, each with a copy button."""
    zh, en = messages("zh"), messages("en")
    work = Work(
        key="reader",
        path="",
        title_zh=zh.site_name,
        title_en=en.site_name,
        authors_zh=(zh.about_reader_editors,),
        authors_en=(en.about_reader_editors,),
        in_reader=False,
    )
    return citation_html(work, lang, site_url, every_format=True)
