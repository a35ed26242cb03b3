"""A book as tagged PDF (WeasyPrint): title page, contents with page numbers, running heads, footnotes,
bookmarks."""

from __future__ import annotations

import logging
from pathlib import Path

from clusterdocs.book.content import Book
from clusterdocs.book.document import document
from clusterdocs.errors import SourceError

STYLESHEET = Path(__file__).with_name("print.css")


def pdf_bytes(book: Book) -> tuple[bytes, int]:
    """The book as PDF, and its number of pages."""
    try:
        import weasyprint
    except OSError as err:  # Pango is a system library: WeasyPrint cannot load without it
        raise SourceError(
            "weasyprint",
            "",
            f"cannot load Pango ({err}); install it: apt-get install libpango-1.0-0 libpangoft2-1.0-0",
        ) from None
    logging.getLogger("weasyprint").setLevel(
        logging.ERROR
    )  # CSS it skips (such as hyphens on CJK) is expected
    html = document(book, STYLESHEET.read_text(encoding="utf-8"))
    rendered = weasyprint.HTML(string=html).render()
    data = rendered.write_pdf(pdf_tags=True)  # a tagged PDF: headings, paragraphs, tables for screen readers
    assert data is not None
    return data, len(rendered.pages)
