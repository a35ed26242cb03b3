"""The reader as books: both PDFs and EPUBs in the session build's downloads/, checked with epubcheck, pypdf
and poppler's pdffonts and pdftotext; the downloads page links to them."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import Destination

from clusterdocs.book.build import file_name
from clusterdocs.book.content import chapter_url
from clusterdocs.escape import html_text
from clusterdocs.ingest.model import Chapter
from clusterdocs.site.chapter import display_title
from conftest import SITE_URL

EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
LANGS = ("zh", "en")
FRONT_PAGES = 3
"""Title page, "about this edition" and contents, before the first chapter."""
CHARS_PER_PAGE = {"zh": 2500, "en": 4500}
"""More characters than a page of either edition holds (A4, 10.5 pt): a lower bound for the page count."""


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: run `make test-deps` (Debian package poppler-utils)"
    return path


def _flat(text: str) -> str:
    """Text without any white space: a PDF breaks lines (and so titles, URLs) where it likes."""
    return re.sub(r"\s+", "", text)


def _outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            elif isinstance(item, Destination):
                titles.append(str(item.title))

    walk(list(reader.outline))
    return titles


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        [_tool("pdftotext"), "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.parametrize("lang", LANGS)
def test_the_epub_passes_epubcheck(site: Path, lang: str) -> None:
    assert EPUBCHECK.is_file() and shutil.which("java"), "epubcheck is missing: run `make test-deps`"
    book = site / "downloads" / file_name(lang, "epub")
    result = subprocess.run(
        ["java", "-jar", str(EPUBCHECK), str(book)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors or warnings detected" in result.stdout + result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_the_epub_embeds_a_cjk_font_and_says_its_language(
    site: Path, chapters: list[Chapter], lang: str
) -> None:
    with zipfile.ZipFile(site / "downloads" / file_name(lang, "epub")) as book:
        names = book.namelist()
        opf = book.read(next(n for n in names if n.endswith(".opf"))).decode()
        fonts = [n for n in names if n.endswith(".otf")]
        pages = "".join(book.read(n).decode() for n in names if n.endswith(".xhtml"))
    assert f"<dc:language>{'zh-Hans' if lang == 'zh' else 'en'}</dc:language>" in opf
    assert fonts, "no font embedded"
    with zipfile.ZipFile(site / "downloads" / file_name(lang, "epub")) as book:
        font = TTFont(book.open(fonts[0]))
    cmap = font.getBestCmap()
    han = {ch for ch in re.sub(r"<[^>]*>", "", pages) if "\u4e00" <= ch <= "\u9fff"}
    assert han, "no Chinese text in the book"
    assert not [ch for ch in han if ord(ch) not in cmap], "characters the embedded font lacks"
    for c in chapters:
        assert html_text(display_title(c, lang)) in pages


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_has_every_chapter_in_its_outline_text_and_urls(
    site: Path, chapters: list[Chapter], lang: str
) -> None:
    path = site / "downloads" / file_name(lang, "pdf")
    reader = PdfReader(path)
    chars = sum(len(t) for c in chapters for t in c.texts())
    least = max(FRONT_PAGES + len(chapters), chars // CHARS_PER_PAGE[lang])
    assert len(reader.pages) > least
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"], "not a tagged PDF"
    assert catalog["/Lang"] == ("zh-Hans" if lang == "zh" else "en")
    outline = _outline_titles(reader)
    text = _flat(_pdf_text(path))
    for c in chapters:
        title = display_title(c, lang)
        assert title in outline, f"{c.slug}: not in the PDF's bookmarks"
        assert _flat(title) in text, f"{c.slug}: title not in the text"
        assert _flat(chapter_url(SITE_URL, c.slug, lang)) in text, f"{c.slug}: its web address is missing"


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_embeds_its_fonts_the_chinese_one_a_cjk_font(site: Path, lang: str) -> None:
    out = subprocess.run(
        [_tool("pdffonts"), str(site / "downloads" / file_name(lang, "pdf"))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    # Columns: name, type (one or two words), encoding, emb, sub, uni, object, id; emb is 4th from the end.
    assert all(row[-4] == "yes" for row in rows), out
    if lang == "zh":
        assert any("CJK" in row[0] for row in rows), out


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href") or ""
        if tag == "a" and href.endswith((".pdf", ".epub")):
            self.hrefs.append(href)


@pytest.mark.parametrize("page", ["downloads/index.html", "en/downloads/index.html"])
def test_the_downloads_page_links_to_the_four_books_with_their_page_counts(site: Path, page: str) -> None:
    html = (site / page).read_text(encoding="utf-8")
    links = _Links()
    links.feed(html)
    targets = {normpath(str(Path(page).parent / href)) for href in links.hrefs}
    assert targets == {f"downloads/{file_name(lang, kind)}" for lang in LANGS for kind in ("pdf", "epub")}
    assert all((site / target).is_file() for target in targets)
    for lang in LANGS:
        pages = len(PdfReader(site / "downloads" / file_name(lang, "pdf")).pages)
        assert re.search(rf"\b{pages} (页|pages)", html), f"the {lang} PDF's page count is not shown"
