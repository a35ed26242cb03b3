"""The paragraph-aligned English translation of a chapter (content/translation/<slug>.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clusterdocs.config import CONTENT
from clusterdocs.content.perchapter import read_chapter_file, refuse_orphans
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Chapter
from clusterdocs.schema import Reader, check_id, check_text

TRANSLATIONS = CONTENT / "translation"
KEYS = ("slug", "about", "front", "blocks")
ABOUT_KEYS = ("status", "translated_by", "checked", "uncertain")
STATUSES = ("draft", "read-back")
"""A draft is being written; a read-back translation was checked against the Chinese by a second reader."""
FRONT_KEYS = ("title", "byline", "abstract", "keywords", "author_notes")
TABLE_KEYS = ("caption", "header", "rows")


@dataclass(frozen=True)
class TranslatedTable:
    """A table's English: caption, header cells and rows, in the Chinese table's order."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        """Every cell, for the figure check."""
        return " ".join([self.caption, *self.header, *(c for row in self.rows for c in row)])


@dataclass(frozen=True)
class Translation:
    """A chapter's English, block by block, keyed by the Chinese block id, with who made and checked it."""

    slug: str
    status: str
    translated_by: str
    checked: str
    uncertain: tuple[str, ...]
    front: dict[str, str | tuple[str, ...]]
    blocks: dict[str, str | TranslatedTable]


def _table(r: Reader, key: str) -> TranslatedTable:
    t = r.sub(key, TABLE_KEYS)
    rows_value: Any = t.data.get("rows")
    if not isinstance(rows_value, list) or not rows_value:
        raise SourceError(r.name, t.place("rows"), "expected a list of rows, each a list of cells")
    rows = []
    for i, row in enumerate(rows_value):
        place = f"{t.place('rows')}[{i}]"
        if not isinstance(row, list):
            raise SourceError(r.name, place, "expected a list of cells")
        rows.append(tuple(check_text(c, r.name, f"{place}[{j}]", line=True) for j, c in enumerate(row)))
    return TranslatedTable(t.text("caption", line=True), t.texts("header", required=True), tuple(rows))


def load_translation(slug: str, folder: Path = TRANSLATIONS) -> Translation | None:
    """The chapter's translation, or None where there is none yet."""
    r = read_chapter_file(folder, slug, "content/translation", KEYS)
    if r is None:
        return None
    name = r.name
    about = r.sub("about", ABOUT_KEYS)
    front: dict[str, str | tuple[str, ...]] = {}
    f = r.optional_sub("front", FRONT_KEYS)
    if f is not None:
        for key in ("title", "byline", "keywords"):
            if f.has(key):
                front[key] = f.text(key, line=True).strip()
        for key in ("abstract", "author_notes"):
            if f.has(key):
                front[key] = tuple(t.strip() for t in f.texts(key, required=True, line=False))
    blocks_value: Any = r.data.get("blocks")
    if not isinstance(blocks_value, dict) or not blocks_value:
        raise SourceError(name, "blocks", "expected a mapping of block ids to their English")
    blocks: dict[str, str | TranslatedTable] = {}
    for key, value in blocks_value.items():
        place = f"blocks.{key}"
        check_id(check_text(key, name, place, line=True), name, place)
        if isinstance(value, dict):
            blocks[str(key)] = _table(Reader(name, blocks_value, "blocks", blocks_value.keys()), str(key))
        else:
            blocks[str(key)] = check_text(value, name, place).strip()
    status = about.optional_text("status", line=True) or "draft"
    if status not in STATUSES:
        raise SourceError(name, "about.status", f"expected one of {', '.join(STATUSES)}, got {status!r}")
    return Translation(
        slug=slug,
        status=status,
        translated_by=about.text("translated_by", line=True),
        checked=about.text("checked", line=True),
        uncertain=about.texts("uncertain"),
        front=front,
        blocks=blocks,
    )


def load_all_translations(
    chapters: list[Chapter], folder: Path = TRANSLATIONS
) -> dict[str, Translation | None]:
    """Each chapter's translation (None where not yet made); a file needs its chapter."""
    refuse_orphans(folder, {c.slug for c in chapters}, "content/translation")
    return {c.slug: load_translation(c.slug, folder) for c in chapters}
