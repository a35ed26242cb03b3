"""A book as one HTML document (for the PDF) and its title page and contents (shared with the EPUB)."""

from __future__ import annotations

from clusterdocs.book.content import Book
from clusterdocs.escape import html_text
from clusterdocs.site.lang import messages


def title_page(book: Book) -> str:
    """The title page: the reader's name, the edition, the editors and the website's address."""
    url = html_text(book.site_url)
    return (
        f'<section class="title-page"><h1 class="book-title">{html_text(book.title)}</h1>'
        f'<p class="edition">{html_text(book.msg.edition)}</p>'
        f'<p class="editors">{html_text(book.msg.editors)}</p>'
        f'<p class="site"><a class="url" href="{url}">{url}</a></p></section>'
    )


def about_page(book: Book) -> str:
    """What the edition contains, after the title page."""
    url = html_text(book.site_url)
    link = f'<a class="url" href="{url}">{url}</a>'
    paras = "".join(
        f"<p>{link.join(html_text(part) for part in p.split('{url}'))}</p>" for p in book.msg.about
    )
    title = f'<h2 class="about-title">{html_text(book.msg.about_title)}</h2>'
    return f'<section class="about">{title}{paras}</section>'


def contents(book: Book, href_of: dict[str, str] | None = None) -> str:
    """The table of contents: each chapter's title linking to it (the PDF's stylesheet adds page numbers)."""
    hrefs = [(href_of or {}).get(c.slug, "") + "#" + c.anchor for c in book.chapters]
    items = "".join(
        f'<li><a href="{html_text(href)}">{html_text(c.title)}</a></li>'
        for c, href in zip(book.chapters, hrefs, strict=True)
    )
    return f'<nav class="toc"><h2 class="toc-title">{html_text(book.msg.contents)}</h2><ol>{items}</ol></nav>'


def document(book: Book, stylesheet: str) -> str:
    """The whole book as one HTML document, its stylesheet inline."""
    chapters = "".join(f'<section class="chapter">{c.body}</section>' for c in book.chapters)
    return (
        f'<!DOCTYPE html><html lang="{messages(book.lang).html_lang}"><head><meta charset="utf-8"/>'
        f"<title>{html_text(book.title)}</title>"
        f'<meta name="author" content="{html_text(book.msg.editors)}"/>'
        f'<meta name="description" content="{html_text(book.msg.edition)}"/>'
        f"<style>{stylesheet}</style></head><body>"
        f"{title_page(book)}{about_page(book)}{contents(book)}{chapters}</body></html>"
    )
