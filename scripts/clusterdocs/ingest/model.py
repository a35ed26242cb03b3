"""The chapter model: headings, paragraphs, tables and links, in reading order."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from clusterdocs.ingest.manifest import ChapterSpec, EditorialNote
from clusterdocs.ingest.repairs import Applied


@dataclass(frozen=True)
class Heading:
    """A section heading from the document's own numbering (or declared in the manifest)."""

    id: str
    level: int
    number: str
    title: str
    line: int = field(default=0, compare=False)
    """The source line it starts on (0 when not known)."""

    @property
    def text(self) -> str:
        """The heading as the source prints it: its number, then its title."""
        return self.number + self.title


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text with its stable anchor."""

    id: str
    text: str
    line: int = field(default=0, compare=False)
    """The source line it starts on (0 when not known)."""


@dataclass(frozen=True)
class Table:
    """A table rebuilt from flattened lines; header cells carry their column span."""

    id: str
    caption_zh: str
    caption_en: str
    header: tuple[tuple[str, int], ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        """The table's text run together: captions, header cells, body cells."""
        cells = [
            self.caption_zh,
            self.caption_en,
            *(h for h, _ in self.header),
            *(c for r in self.rows for c in r),
        ]
        return "".join(cells)


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class FrontItem:
    """Front matter kept as printed by the abstract: a classification line, a part of the English block."""

    kind: str
    text: str

    @property
    def lang(self) -> str:
        """The language it is printed in: `en` for the English block, else `zh`."""
        return "en" if self.kind.endswith("_en") else "zh"


@dataclass(frozen=True)
class Link:
    """A pointer shown under a block to another page of the site (a data set, a case study)."""

    kind: str
    path: str
    label_zh: str
    label_en: str


@dataclass
class Chapter:
    """A normalised chapter: front matter, blocks in reading order, notes and what normalisation changed."""

    spec: ChapterSpec
    source: str
    title_zh: str
    byline: str | None
    author_notes: list[str]
    abstract: list[tuple[str, str]]
    keywords_line: str | None
    blocks: list[Block]
    notes: dict[str, list[EditorialNote]]
    repairs: list[Applied]
    stats: Counter[str] = field(default_factory=Counter)
    links: dict[str, list[Link]] = field(default_factory=dict)
    front: list[FrontItem] = field(default_factory=list)
    """Declared front matter other than the abstract and key words, in source order."""
    byline_printed: str | None = None
    """The byline as printed when it carries affiliation marks (`陈静1，李明2*`); `byline` is without them."""
    labels: dict[str, str] = field(default_factory=dict)
    """Editors' labels on the author's text: block id -> a kind of manifest.LABEL_KINDS (`preamble` …)."""

    @property
    def title_is_editors(self) -> bool:
        """Whether the title is one the editors supplied (the source prints none)."""
        return not self.spec.title_in_source

    @property
    def slug(self) -> str:
        """The chapter's slug, from its manifest."""
        return self.spec.slug

    def texts(self) -> list[str]:
        """Every piece of source text the chapter keeps, in order."""
        front = [self.title_zh] if self.spec.title_in_source else []
        if self.byline and self.spec.byline_in_source:
            front.append(self.byline_printed or self.byline)
        front += [text for _, text in self.abstract]
        front += [self.keywords_line] if self.keywords_line else []
        front += [item.text for item in self.front]
        return front + self.author_notes + [b.text for b in self.blocks]


def sections(chapter: Chapter) -> list[tuple[Heading | None, list[Block]]]:
    """The chapter cut at every heading: (heading, the blocks up to the next heading)."""
    out: list[tuple[Heading | None, list[Block]]] = [(None, [])]
    for block in chapter.blocks:
        if isinstance(block, Heading):
            out.append((block, []))
        else:
            out[-1][1].append(block)
    return [s for s in out if s[0] is not None or s[1]]
