"""Making the books: both languages as PDF and EPUB, remade only when their inputs change."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from clusterdocs.atomic import write_atomically
from clusterdocs.config import CONTENT, LANGS, ROOT, SEEDS
from clusterdocs.errors import SourceError

CACHE = ROOT / ".cache" / "books"
MANIFEST = "books.json"
KINDS = ("pdf", "epub")
CODE = Path(__file__).resolve().parents[1]
"""The clusterdocs package: its code is part of every book's fingerprint."""
KEEP = 2
"""Made sets kept in the cache (the published address and a preview's differ)."""


@dataclass(frozen=True)
class BookFile:
    """One made book: its file name, language, kind (pdf, epub), size in bytes and pages (PDF only)."""

    name: str
    lang: str
    kind: str
    size: int
    pages: int | None


def file_name(lang: str, kind: str) -> str:
    """The name a book is published under, in /downloads/."""
    return f"industrial-clusters-reader-{lang}.{kind}"


def fingerprint(seeds: Path, content: Path, site_url: str) -> str:
    """A digest of everything the books are made from: inputs, code, tools, font and the site's address."""
    digest = hashlib.sha256()
    for folder in (seeds, content, CODE):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    from clusterdocs.book.epub import FONT_FILE

    font = FONT_FILE.stat() if FONT_FILE.exists() else None
    tools = [version(p) for p in ("weasyprint", "ebooklib", "fonttools")]
    digest.update(json.dumps([site_url, tools, font and [font.st_size, font.st_mtime_ns]]).encode())
    return digest.hexdigest()[:20]


def read_manifest(path: Path) -> list[BookFile]:
    """The books a manifest lists (written next to them when they are made)."""
    return [BookFile(**entry) for entry in json.loads(path.read_text(encoding="utf-8"))]


def make_books(
    site_url: str, seeds: Path = SEEDS, content: Path = CONTENT, cache: Path = CACHE
) -> tuple[Path, list[BookFile], float | None]:
    """The folder holding the four books and their manifest, and the seconds making them took (None: the
    cache had them for these inputs)."""
    started = time.perf_counter()
    folder = cache / fingerprint(seeds, content, site_url)
    if (folder / MANIFEST).is_file():
        folder.touch()
        return folder, read_manifest(folder / MANIFEST), None
    from clusterdocs.book.content import load_sources
    from clusterdocs.book.epub import FONT_FILE
    from clusterdocs.ingest.corpus import load_corpus

    if not FONT_FILE.is_file():
        raise SourceError(str(FONT_FILE), "", "the books need Noto CJK: apt-get install fonts-noto-cjk")
    load_sources(load_corpus(seeds)[0], content)  # bad input stops here, with its one line
    made: list[BookFile] = []
    staging = cache / f".making-{folder.name}"
    shutil.rmtree(staging, ignore_errors=True)
    jobs = [(lang, site_url, seeds, content) for lang in LANGS]
    with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
        for lang, books in zip(LANGS, pool.map(_language, jobs), strict=True):
            for kind, data, count in books:
                name = file_name(lang, kind)
                write_atomically(staging / name, data)
                made.append(BookFile(name, lang, kind, len(data), count))
    write_atomically(staging / MANIFEST, json.dumps([asdict(b) for b in made], indent=1).encode())
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    _prune(cache)
    return folder, made, time.perf_counter() - started


def _language(job: tuple[str, str, Path, Path]) -> list[tuple[str, bytes, int | None]]:
    """One language's PDF (with its page count) and EPUB: the languages are made side by side, one process
    each (WeasyPrint and the font subsetting are single-threaded)."""
    from clusterdocs.book.content import load_sources, make_book
    from clusterdocs.book.epub import epub_bytes
    from clusterdocs.book.pdf import pdf_bytes
    from clusterdocs.ingest.corpus import load_corpus

    lang, site_url, seeds, content = job
    sources = load_sources(load_corpus(seeds)[0], content)
    pdf, pages = pdf_bytes(make_book(sources, lang, site_url, epub=False))
    return [("pdf", pdf, pages), ("epub", epub_bytes(make_book(sources, lang, site_url, epub=True)), None)]


def _prune(cache: Path) -> None:
    """Drop all but the KEEP most recently used sets of books."""
    sets = sorted((p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")), key=_used)
    for old in sets[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)


def _used(folder: Path) -> int:
    return folder.stat().st_mtime_ns


def copy_books(folder: Path, books: list[BookFile], dest: Path) -> None:
    """Copy the made books into `dest` (the site's downloads folder)."""
    dest.mkdir(parents=True, exist_ok=True)
    for book in books:
        shutil.copyfile(folder / book.name, dest / book.name)


def describe(books: list[BookFile], seconds: float | None) -> str:
    """One line per book for the console, and how long making them took (None: taken from the cache)."""
    lines = [
        f"  {b.name:40} {b.size / 1e6:5.2f} MB" + (f"  {b.pages} pages" if b.pages else "") for b in books
    ]
    head = f"books made in {seconds:.1f} s" if seconds is not None else "books unchanged (from .cache/books)"
    return "\n".join([head, *lines])
