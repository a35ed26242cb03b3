"""A reading page per raw source: the text as extracted, in a wrapping <pre>, served as UTF-8 HTML (a bare
.txt is served by some hosts without a charset and read as windows-1252), with a link to the file itself."""

from __future__ import annotations

from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.lang import messages, pick
from clusterdocs.site.page import front_matter_text
from clusterdocs.site.templates import render


def source_page(name: str, text: str, chapters: list[Chapter], lang: str) -> str:
    """The reading page of the raw source `name` in `lang`, naming the chapters made from it."""
    page = urls.source_page(name)
    made = [
        {"title": pick(lang, c.title_zh, c.spec.title_en), "href": urls.link(page, urls.chapter(c.slug))}
        for c in chapters
        if c.source == name
    ]
    front = front_matter_text(
        messages(lang).source_page_title.format(name=name), f"seeds/{name}", search=False
    )
    return render(
        "source.md.j2",
        lang,
        front=front,
        name=name,
        text=text,
        chapters=made,
        file_md=urls.md_link(page, urls.source(name)),  # a Markdown link: MkDocs leads it to the one file
    )
