"""The downloads page's list of books (the `<!-- md:downloads -->` shortcode), sizes once they are made."""

from __future__ import annotations

import os
from pathlib import Path

from clusterdocs.book.build import KINDS, BookFile, file_name, read_manifest
from clusterdocs.config import LANGS
from clusterdocs.escape import html_text
from clusterdocs.site.lang import book_messages, messages
from clusterdocs.site.terms import english_html

MEDIA_TYPES = {"pdf": "application/pdf", "epub": "application/epub+zip"}


def made_books() -> list[BookFile] | None:
    """The books `clusterdocs build` made for this build (CLUSTERDOCS_BOOKS names their manifest); None in a
    preview, which does not make them."""
    manifest = os.environ.get("CLUSTERDOCS_BOOKS")
    return read_manifest(Path(manifest)) if manifest and Path(manifest).is_file() else None


def size_text(size: int) -> str:
    """A file size for readers: megabytes with one decimal (kilobytes under one megabyte)."""
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{round(size / 1e3)} kB"


def downloads_html(lang: str, books: list[BookFile] | None) -> str:
    """The list of the four books for the downloads page in `lang` (at /downloads/ or /en/downloads/)."""
    msg = book_messages(lang)
    text = english_html if lang == "en" else html_text
    to_folder = "" if lang == "zh" else "../../downloads/"
    made = {(b.lang, b.kind): b for b in books or []}
    editions = []
    for edition in LANGS:
        items = []
        for kind in KINDS:
            name = file_name(edition, kind)
            book = made.get((edition, kind))
            if book is None:
                facts = msg.downloads_pending
            elif book.pages:
                facts = msg.size_pages.format(size=size_text(book.size), pages=book.pages)
            else:
                facts = msg.size_only.format(size=size_text(book.size))
            link = (
                f'<a href="{html_text(to_folder + name)}" type="{MEDIA_TYPES[kind]}" '
                f'hreflang="{messages(edition).html_lang}" download>{html_text(msg.formats[kind])}</a>'
            )
            items.append(f"<li>{link} · {html_text(facts)}</li>")
        editions.append(f"<li><p>{text(msg.editions[edition])}</p><ul>{''.join(items)}</ul></li>")
    return f'<p>{text(msg.downloads_intro)}</p><ul class="downloads">{"".join(editions)}</ul>'
