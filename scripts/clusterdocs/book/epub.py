"""A book as EPUB 3 (EbookLib): title page, navigation, one file per chapter, the CJK font subset embedded."""

from __future__ import annotations

import io
import re
import unicodedata
import uuid
from pathlib import Path

from ebooklib import epub
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

from clusterdocs.book.content import Book
from clusterdocs.book.document import about_page, contents, title_page
from clusterdocs.escape import html_text
from clusterdocs.site.lang import messages

FONT_FILE = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
"""Debian's fonts-noto-cjk: the serif face whose Simplified Chinese member the EPUB embeds."""
FONT_FAMILY = "Noto Serif CJK SC"
FONT_NAME = "fonts/reader-cjk.otf"
STYLESHEET = Path(__file__).with_name("epub.css")
_TAGS = re.compile(r"<[^>]*>")


def _font_of(family: str, collection: Path = FONT_FILE) -> TTFont:
    """The member of a font collection whose family name is `family`."""
    for font in TTCollection(str(collection)).fonts:
        if font["name"].getDebugName(1) == family:
            return font
    raise LookupError(f"{collection}: no font named {family!r}")


def font_subset(text: str) -> bytes:
    """The CJK serif face cut down to the characters of `text` (OpenType, CFF outlines)."""
    font = _font_of(FONT_FAMILY)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _text_of(markup: str) -> str:
    """Every character a fragment of markup may show (tags dropped; entities left as their letters)."""
    return _TAGS.sub("", markup)


def _page(title: str, name: str, body: str, lang: str, svg: bool = False) -> epub.EpubItem:
    """One XHTML content document, written as made (EbookLib's own pages pass through an HTML parser,
    which would lower-case SVG's `viewBox`)."""
    document = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'lang="{lang}" xml:lang="{lang}"><head><meta charset="utf-8"/><title>{html_text(title)}</title>'
        f'<link rel="stylesheet" type="text/css" href="style.css"/></head><body>{body}</body></html>'
    )
    page = epub.EpubItem(
        uid=name.removesuffix(".xhtml"), file_name=name, media_type="application/xhtml+xml", content=document
    )
    page.properties = ["svg"] if svg else []
    return page


def epub_bytes(book: Book) -> bytes:
    """The book as an EPUB 3 file: metadata, title page, about, contents, chapters, nav and the font."""
    lang = messages(book.lang).html_lang
    out = epub.EpubBook()
    out.set_identifier(f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, book.site_url + '#book-' + book.lang)}")
    out.set_title(book.title)
    out.set_language(lang)
    out.add_author(book.msg.editors)
    out.add_metadata("DC", "description", book.msg.edition)
    out.add_metadata("DC", "source", book.site_url)
    front = _page(book.title, "title.xhtml", title_page(book) + about_page(book), lang)
    toc = _page(
        book.msg.contents,
        "contents.xhtml",
        contents(book, {c.slug: f"{c.slug}.xhtml" for c in book.chapters}),
        lang,
    )
    chapters = [_page(c.title, f"{c.slug}.xhtml", c.body, lang, c.has_svg) for c in book.chapters]
    text = "".join(_text_of(p.content) for p in (front, toc, *chapters)) + book.title + book.msg.contents
    if book.lang == "en":  # English text is set in the reader's own serif: only the Chinese needs the font
        text = "".join(ch for ch in set(text) if unicodedata.east_asian_width(ch) in "WF")
    css = STYLESHEET.read_text(encoding="utf-8")
    out.add_item(
        epub.EpubItem(uid="font", file_name=FONT_NAME, media_type="font/otf", content=font_subset(text))
    )
    out.add_item(epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=css))
    for page in (front, toc, *chapters):
        out.add_item(page)
    out.toc = [
        epub.Link("title.xhtml", book.title, "title"),
        *(epub.Link(f"{c.slug}.xhtml", c.title, c.anchor) for c in book.chapters),
    ]
    nav = epub.EpubNav()
    out.add_item(nav)
    out.add_item(epub.EpubNcx())
    out.spine = [front, toc, *chapters, nav]
    buffer = io.BytesIO()
    epub.write_epub(buffer, out, {"epub3_pages": False})
    return buffer.getvalue()
