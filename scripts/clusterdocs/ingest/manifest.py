"""Per-source manifests (seeds/<name>.yml): how a raw file splits into chapters and which repairs it needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clusterdocs.errors import SourceError
from clusterdocs.yamlio import read_yaml


@dataclass(frozen=True)
class Removal:
    """Text taken out of the source: a whole line (by number) or a substring of the one line containing it."""

    text: str
    reason: str
    line: int | None = None


@dataclass(frozen=True)
class Split:
    """Split the one line containing `before` so that a new line starts there."""

    before: str
    reason: str


@dataclass(frozen=True)
class Move:
    """Move the lines from the one containing `first` to the one containing `last` after the line containing `after`."""

    first: str
    last: str
    after: str
    reason: str


@dataclass(frozen=True)
class AuthorNote:
    """Lines from `first` to `last` that are an author or funding note, taken out of the running text."""

    first: str
    last: str
    reason: str


@dataclass(frozen=True)
class TableSpec:
    """A table the extraction flattened into lines: caption lines, header line groups, then one line per row."""

    id: str
    first: str
    last: str
    caption_lines: int
    header_groups: tuple[int, ...]
    header_span: int
    columns: int


@dataclass(frozen=True)
class DeclaredHeading:
    """A heading the source prints without numbering: its exact normalised text, id and level (2-6)."""

    text: str
    id: str
    level: int


@dataclass(frozen=True)
class EditorialNote:
    """A note on a doubtful passage; `at` is normalised text found in exactly one block of the chapter."""

    at: str
    zh: str
    en: str


@dataclass(frozen=True)
class ChapterSpec:
    """One chapter cut from a source."""

    slug: str
    title_zh: str
    title_en: str
    title_in_source: bool
    byline: str | None
    byline_in_source: bool
    start: str | None
    keywords_zh: tuple[str, ...]
    keywords_en: tuple[str, ...]
    headings: tuple[DeclaredHeading, ...] = ()
    not_headings: tuple[str, ...] = ()
    notes: tuple[EditorialNote, ...] = ()
    description_zh: str = ""
    description_en: str = ""


@dataclass(frozen=True)
class Manifest:
    """Everything declared about one raw source file."""

    path: Path
    source: str
    layout: str
    stray_spaces: bool
    description_zh: str
    description_en: str
    splits: tuple[Split, ...] = ()
    removals: tuple[Removal, ...] = ()
    moves: tuple[Move, ...] = ()
    author_notes: tuple[AuthorNote, ...] = ()
    joins: tuple[str, ...] = ()
    breaks: tuple[str, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    chapters: tuple[ChapterSpec, ...] = field(default_factory=tuple)


class _Reader:
    """Typed access to one YAML mapping with errors that name the manifest and the key path."""

    def __init__(self, name: str, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise SourceError(name, where or "top level", "expected a mapping")
        self.name, self.data, self.where = name, data, where

    def _place(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str, kind: type, default: Any = ...) -> Any:
        if key not in self.data:
            if default is ...:
                raise SourceError(self.name, self._place(key), "missing required key")
            return default
        value = self.data[key]
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, kind):
            raise SourceError(
                self.name, self._place(key), f"expected {kind.__name__}, got {type(value).__name__}"
            )
        return value

    def items(self, key: str) -> list[_Reader]:
        return [
            _Reader(self.name, item, f"{self._place(key)}[{i}]")
            for i, item in enumerate(self.get(key, list, []))
        ]

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, [])
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value:
                raise SourceError(self.name, f"{self._place(key)}[{i}]", "expected a non-empty string")
        return tuple(values)

    def sub(self, key: str) -> _Reader:
        return _Reader(self.name, self.get(key, dict), self._place(key))

    def check_keys(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.data) - allowed)
        if unknown:
            raise SourceError(self.name, self._place(unknown[0]), "unknown key")


def _chapter(r: _Reader) -> ChapterSpec:
    r.check_keys(
        {
            "slug",
            "title",
            "title_in_source",
            "byline",
            "byline_in_source",
            "start",
            "keywords",
            "headings",
            "not_headings",
            "notes",
            "description",
        }
    )
    title, keywords = r.sub("title"), r.sub("keywords")
    description = r.sub("description")
    headings = []
    for h in r.items("headings"):
        h.check_keys({"text", "id", "level"})
        level = h.get("level", int)
        if not 2 <= level <= 6:
            raise SourceError(h.name, h._place("level"), "level must be 2 to 6")
        headings.append(DeclaredHeading(h.get("text", str), h.get("id", str), level))
    notes = []
    for n in r.items("notes"):
        n.check_keys({"at", "zh", "en"})
        notes.append(EditorialNote(n.get("at", str), n.get("zh", str), n.get("en", str)))
    return ChapterSpec(
        slug=r.get("slug", str),
        title_zh=title.get("zh", str),
        title_en=title.get("en", str),
        title_in_source=r.get("title_in_source", bool),
        byline=r.get("byline", str, None),
        byline_in_source=r.get("byline_in_source", bool, False),
        start=r.get("start", str, None),
        keywords_zh=keywords.strings("zh"),
        keywords_en=keywords.strings("en"),
        headings=tuple(headings),
        not_headings=r.strings("not_headings"),
        notes=tuple(notes),
        description_zh=description.get("zh", str),
        description_en=description.get("en", str),
    )


def load_manifest(path: Path) -> Manifest:
    """Load and validate one manifest file."""
    name = f"seeds/{path.name}"
    data = read_yaml(path, name)
    r = _Reader(name, data, "")
    r.check_keys(
        {
            "source",
            "layout",
            "stray_spaces",
            "description",
            "splits",
            "removals",
            "moves",
            "author_notes",
            "joins",
            "breaks",
            "tables",
            "chapters",
        }
    )
    layout = r.get("layout", str)
    if layout not in {"wrapped", "lines"}:
        raise SourceError(name, "layout", "must be 'wrapped' or 'lines'")
    description = r.sub("description")
    splits = tuple(Split(s.get("before", str), s.get("reason", str)) for s in r.items("splits"))
    removals = tuple(
        Removal(x.get("text", str), x.get("reason", str), x.get("line", int, None))
        for x in r.items("removals")
    )
    moves = tuple(
        Move(m.get("first", str), m.get("last", str), m.get("after", str), m.get("reason", str))
        for m in r.items("moves")
    )
    notes = tuple(
        AuthorNote(a.get("first", str), a.get("last", str), a.get("reason", str))
        for a in r.items("author_notes")
    )
    tables = tuple(
        TableSpec(
            id=t.get("id", str),
            first=t.get("first", str),
            last=t.get("last", str),
            caption_lines=t.get("caption_lines", int),
            header_groups=tuple(t.get("header_groups", list)),
            header_span=t.get("header_span", int),
            columns=t.get("columns", int),
        )
        for t in r.items("tables")
    )
    chapters = tuple(_chapter(c) for c in r.items("chapters"))
    if not chapters:
        raise SourceError(name, "chapters", "a manifest needs at least one chapter")
    for i, chapter in enumerate(chapters):
        if (chapter.start is None) != (i == 0):
            raise SourceError(
                name, f"chapters[{i}].start", "every chapter but the first needs `start`, the first none"
            )
    return Manifest(
        path=path,
        source=r.get("source", str),
        layout=layout,
        stray_spaces=r.get("stray_spaces", bool, False),
        description_zh=description.get("zh", str),
        description_en=description.get("en", str),
        splits=splits,
        removals=removals,
        moves=moves,
        author_notes=notes,
        joins=r.strings("joins"),
        breaks=r.strings("breaks"),
        tables=tables,
        chapters=chapters,
    )
