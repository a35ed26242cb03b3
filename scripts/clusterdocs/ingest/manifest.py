"""Per-source manifests (seeds/<name>.yml): how a raw file splits into chapters and which repairs it needs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from clusterdocs.errors import SourceError
from clusterdocs.schema import Reader, unique
from clusterdocs.yamlio import read_yaml


@dataclass(frozen=True)
class Removal:
    """Text taken out of the source: a whole line (by number) or a substring of the one line containing it."""

    text: str
    reason: str
    line: int | None = None


@dataclass(frozen=True)
class Split:
    """Split the one line containing `context` + `before` so that a new line starts at `before`; with
    `join_next` the new line runs on into the next (a heading that swallowed its paragraph's start)."""

    before: str
    reason: str
    context: str = ""
    join_next: bool = False


@dataclass(frozen=True)
class Replacement:
    """A typographic repair: `text`, in the one line containing it, printed as `by`. It may change
    punctuation, spaces and Latin letters only: ideographs and digits stay as printed."""

    text: str
    by: str
    reason: str


@dataclass(frozen=True)
class Move:
    """Move the lines from the one with `first` to the one with `last` after the line containing `after`."""

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


FRONT_KINDS = {
    "abstract": "摘要 (the Chinese abstract)",
    "keywords": "关键词 (the Chinese key words)",
    "classification": "中图分类号, 文献标识码, 文章编号, DOI",
    "title_en": "the English title",
    "authors_en": "the English authors",
    "affiliations_en": "the English affiliations",
    "abstract_en": "Abstract",
    "keywords_en": "Key words",
}
"""What a front-matter span may be, and what each is."""


@dataclass(frozen=True)
class FrontSpan:
    """Lines from `first` to `last` that are front matter of a kind in FRONT_KINDS, kept beside the text."""

    kind: str
    first: str
    last: str


@dataclass(frozen=True)
class TableSpec:
    """A table the extraction flattened into lines: caption lines, header line groups, then a line per row."""

    id: str
    first: str
    last: str
    caption_lines: int
    header_groups: tuple[int, ...]
    header_span: int
    columns: int
    place: str = "tables[0]"
    """Where the manifest declares it (its key path), for errors found later."""

    def check_lines(self, count: int, name: str) -> None:
        """Refuse a table whose caption and header lines leave no line for a row of its `count` lines."""
        needed = self.caption_lines + sum(self.header_groups)
        if needed >= count:
            raise SourceError(
                name,
                f"{self.place}.caption_lines",
                f"{self.caption_lines} caption and {sum(self.header_groups)} header lines leave no row "
                f"in the table's {count} lines",
            )


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


LABEL_KINDS = (
    "preamble",
    "editors-note",
    "classification",
    "conclusion",
    "closing",
    "signature",
    "provenance",
)
"""What the editors may label a block of the author's text as (site/lang.py words them); `text-<kind>` is the
label's id on the page. A chapter's opening text before its first heading is `preamble` unless declared."""


@dataclass(frozen=True)
class TextLabel:
    """An editors' label set before the one block whose text contains `at`."""

    at: str
    kind: str


@dataclass(frozen=True)
class Person:
    """An author the text names (beyond its byline), with the office it gives them."""

    name_zh: str
    name_en: str
    role_zh: str = ""
    role_en: str = ""


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
    labels: tuple[TextLabel, ...] = ()
    authors: tuple[Person, ...] = ()
    """Every person the text names as an author, in its order (the byline may name only their body)."""


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
    replacements: tuple[Replacement, ...] = ()
    moves: tuple[Move, ...] = ()
    author_notes: tuple[AuthorNote, ...] = ()
    front: tuple[FrontSpan, ...] = ()
    joins: tuple[str, ...] = ()
    breaks: tuple[str, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    chapters: tuple[ChapterSpec, ...] = field(default_factory=tuple)
    measure: int | None = None
    """The width of a full line in columns (layout `measured`); None: measured from the text."""


PAGE_ANCHORS = frozenset(
    {"title", "summary", "objectives", "key-terms", "text", "questions", "cite", "about-this-text"}
    | {f"text-{kind}" for kind in LABEL_KINDS}
)
"""Ids a chapter page gives its own blocks (site/chapter.py); no section or table may take one."""
_PARAGRAPH_ID = re.compile(r"(?:.+-)?p[0-9]+")
"""The shape of a paragraph id (`p3`, `s2-1-p4`): the structure numbers paragraphs this way."""

_CHAPTER_KEYS = (
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
    "labels",
    "authors",
)
_MANIFEST_KEYS = (
    "source",
    "layout",
    "measure",
    "stray_spaces",
    "description",
    "splits",
    "removals",
    "replacements",
    "moves",
    "author_notes",
    "front",
    "joins",
    "breaks",
    "tables",
    "chapters",
)
LAYOUTS = ("wrapped", "lines", "measured")
"""`wrapped`: hard-wrapped, a trailing space ends a paragraph; `lines`: a paragraph per line; `measured`:
hard-wrapped without trailing spaces, paragraph ends read from the measure, punctuation and indentation."""


def _block_id(r: Reader, key: str = "id") -> str:
    """A declared section or table id: an id that is neither a paragraph's nor one of the page's own."""
    value = r.ident(key)
    if _PARAGRAPH_ID.fullmatch(value):
        raise SourceError(r.name, r.place(key), f"{value!r} has the form of a paragraph id (…p<number>)")
    if value in PAGE_ANCHORS:
        raise SourceError(r.name, r.place(key), f"{value!r} is an id the chapter page uses itself")
    return value


def _chapter(r: Reader) -> ChapterSpec:
    title_zh, title_en = r.pair("title", line=True)
    keywords = r.sub("keywords", ("zh", "en"))
    description_zh, description_en = r.pair("description", line=True)
    headings = []
    for h in r.items("headings", ("text", "id", "level")):
        headings.append(DeclaredHeading(h.text("text", line=True), _block_id(h), h.integer("level", 2, 6)))
    unique(r.name, ((f"{r.place('headings')}[{i}].id", h.id) for i, h in enumerate(headings)))
    unique(r.name, ((f"{r.place('headings')}[{i}].text", h.text) for i, h in enumerate(headings)), "text")
    notes = [
        EditorialNote(n.text("at", line=True), n.text("zh"), n.text("en"))
        for n in r.items("notes", ("at", "zh", "en"))
    ]
    labels = []
    for item in r.items("labels", ("at", "kind")):
        kind = item.text("kind", line=True)
        if kind not in LABEL_KINDS:
            raise SourceError(
                r.name, item.place("kind"), f"must be one of {', '.join(LABEL_KINDS)}, got {kind!r}"
            )
        labels.append(TextLabel(item.text("at", line=True), kind))
    unique(r.name, ((f"{r.place('labels')}[{i}].kind", x.kind) for i, x in enumerate(labels)), "kind")
    authors = []
    for a in r.items("authors", ("name", "role")):
        name_zh, name_en = a.pair("name", line=True)
        role = a.optional_pair("role", line=True) or ("", "")
        authors.append(Person(name_zh, name_en, *role))
    byline = r.optional_text("byline", line=True)
    byline_in_source = r.flag("byline_in_source", False)
    if byline_in_source and byline is None:
        raise SourceError(r.name, r.place("byline"), "`byline_in_source` is true but no byline is given")
    return ChapterSpec(
        slug=r.ident("slug"),
        title_zh=title_zh,
        title_en=title_en,
        title_in_source=r.flag("title_in_source"),
        byline=byline,
        byline_in_source=byline_in_source,
        start=r.optional_text("start", line=True),
        keywords_zh=keywords.texts("zh"),
        keywords_en=keywords.texts("en"),
        headings=tuple(headings),
        not_headings=r.texts("not_headings"),
        notes=tuple(notes),
        description_zh=description_zh,
        description_en=description_en,
        labels=tuple(labels),
        authors=tuple(authors),
    )


_KEPT = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff0-9\uff10-\uff19]")
"""What a replacement may not change: ideographs and digits (full-width digits count as their ASCII)."""


def _kept(text: str) -> list[str]:
    return [chr(ord(c) - 0xFF10 + 48) if "\uff10" <= c <= "\uff19" else c for c in _KEPT.findall(text)]


def _replacements(r: Reader) -> tuple[Replacement, ...]:
    out = []
    for x in r.items("replacements", ("text", "by", "reason")):
        rep = Replacement(x.text("text", line=True), x.text("by", line=True), x.text("reason"))
        if _kept(rep.text) != _kept(rep.by):
            raise SourceError(r.name, x.place("by"), "a replacement may not change ideographs or digits")
        out.append(rep)
    return tuple(out)


def _split(s: Reader) -> Split:
    return Split(
        s.text("before", line=True),
        s.text("reason"),
        s.optional_text("context", line=True) or "",
        s.flag("join_next", False),
    )


def _table(t: Reader) -> TableSpec:
    return TableSpec(
        id=_block_id(t),
        first=t.text("first", line=True),
        last=t.text("last", line=True),
        caption_lines=t.integer("caption_lines", 1),
        header_groups=t.integers("header_groups", 1),
        header_span=t.integer("header_span", 1),
        columns=t.integer("columns", 1),
        place=t.where,
    )


def _moves(r: Reader) -> tuple[Move, ...]:
    moves = tuple(
        Move(
            m.text("first", line=True),
            m.text("last", line=True),
            m.text("after", line=True),
            m.text("reason"),
        )
        for m in r.items("moves", ("first", "last", "after", "reason"))
    )
    unique(r.name, ((f"moves[{i}].first", m.first) for i, m in enumerate(moves)), "a block starting at")
    unique(r.name, ((f"moves[{i}].last", m.last) for i, m in enumerate(moves)), "a block ending at")
    return moves


def load_manifest(path: Path) -> Manifest:
    """Load and validate one manifest file."""
    name = f"seeds/{path.name}"
    r = Reader(name, read_yaml(path, name), "", _MANIFEST_KEYS)
    layout = r.text("layout", line=True)
    if layout not in LAYOUTS:
        raise SourceError(name, "layout", f"must be one of {', '.join(LAYOUTS)}, got {layout!r}")
    description_zh, description_en = r.pair("description", line=True)
    splits = tuple(_split(s) for s in r.items("splits", ("before", "reason", "context", "join_next")))
    removals = tuple(
        Removal(x.text("text", line=True), x.text("reason"), x.optional_integer("line", 1))
        for x in r.items("removals", ("text", "reason", "line"))
    )
    notes = tuple(
        AuthorNote(a.text("first", line=True), a.text("last", line=True), a.text("reason"))
        for a in r.items("author_notes", ("first", "last", "reason"))
    )
    front = []
    for f in r.items("front", ("kind", "first", "last")):
        kind = f.text("kind", line=True)
        if kind not in FRONT_KINDS:
            raise SourceError(name, f.place("kind"), f"must be one of {', '.join(FRONT_KINDS)}, got {kind!r}")
        first = f.text("first", line=True)
        front.append(FrontSpan(kind, first, f.optional_text("last", line=True) or first))
    measure = r.optional_integer("measure", 10)
    if measure is not None and layout != "measured":
        raise SourceError(name, "measure", "only the `measured` layout has a measure")
    table_keys = ("id", "first", "last", "caption_lines", "header_groups", "header_span", "columns")
    tables = tuple(_table(t) for t in r.items("tables", table_keys))
    unique(name, ((f"{t.place}.id", t.id) for t in tables))
    chapters = tuple(_chapter(c) for c in r.items("chapters", _CHAPTER_KEYS, required=True))
    unique(name, ((f"chapters[{i}].slug", c.slug) for i, c in enumerate(chapters)), "slug")
    declared = {h.id: f"chapters[{i}].headings" for i, c in enumerate(chapters) for h in c.headings}
    for t in tables:
        if t.id in declared:
            raise SourceError(name, f"{t.place}.id", f"{t.id!r} is also a section id ({declared[t.id]})")
    for i, chapter in enumerate(chapters):
        if (chapter.start is None) != (i == 0):
            raise SourceError(
                name, f"chapters[{i}].start", "every chapter but the first needs `start`, the first none"
            )
    return Manifest(
        path=path,
        source=r.text("source", line=True),
        layout=layout,
        stray_spaces=r.flag("stray_spaces", False),
        description_zh=description_zh,
        description_en=description_en,
        splits=splits,
        removals=removals,
        replacements=_replacements(r),
        moves=_moves(r),
        author_notes=notes,
        front=tuple(front),
        joins=r.texts("joins"),
        breaks=r.texts("breaks"),
        tables=tables,
        chapters=chapters,
        measure=measure,
    )
