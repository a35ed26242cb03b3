"""Case studies and the other clusters the texts mention: a registry, every mention found, links both ways."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clusterdocs.config import CONTENT
from clusterdocs.content.references import check_url, reference
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Block, Chapter, Heading, Link
from clusterdocs.schema import Reader, entries, unique
from clusterdocs.yamlio import read_yaml

CASES = CONTENT / "cases.yml"
CLUSTERS = CONTENT / "clusters.yml"
CASE_FACTS = ("location", "industry", "period", "origin", "stage", "government_role", "scale")
"""A case's short facts, each `{zh, en}` on one line: listed on the case page, tabulated in the comparison."""
RESERVED_CASE_IDS = frozenset({"compare", "clusters"})
"""Pages of their own under cases/: no case may take their address."""


@dataclass(frozen=True)
class Mention:
    """One block of one chapter that names a case or cluster."""

    chapter: str
    block_id: str
    section_id: str
    text: str
    alias: str


@dataclass
class Entry:
    """A case or another cluster: names, aliases to find it by, and whatever the registry says about it."""

    id: str
    name_zh: str
    name_en: str
    aliases_zh: tuple[str, ...]
    exclude_zh: tuple[str, ...]
    data: dict[str, Any]
    mentions: list[Mention] = field(default_factory=list)


def _entry(r: Reader, data: dict[str, Any]) -> Entry:
    """The names and aliases every entry has; the rest stays in `data` (validated by the caller)."""
    name_zh, name_en = r.pair("name", line=True)
    return Entry(
        r.ident("id"),
        name_zh.strip(),
        name_en.strip(),
        r.texts("aliases_zh", required=True),
        r.texts("exclude_zh"),
        data,
    )


def _registry(path: Path, keys: tuple[str, ...], check: Callable[[Reader], None]) -> list[Entry]:
    name = f"content/{path.name}"
    data = read_yaml(path, name)
    found = []
    for r in entries(name, data, keys):
        check(r)
        found.append(_entry(r, r.data))
    unique(name, ((f"[{i}].id", e.id) for i, e in enumerate(found)))
    return found


def _source(r: Reader, key: str) -> None:
    """A fact's source: a chapter paragraph `{chapter, block}` or a public reference `{title, url}`."""
    sub = r.sub(key, ("chapter", "block", "title", "url"))
    if sub.has("url") or sub.has("title"):
        if sub.has("chapter") or sub.has("block"):
            raise SourceError(r.name, r.place(key), "a chapter paragraph or a public reference, not both")
        sub.text("title", line=True)
        check_url(sub.text("url", line=True).strip(), r.name, sub.place("url"))
    else:
        sub.ident("chapter")
        sub.ident("block")


def _year(row: Reader) -> None:
    """A timeline row's year: one text, or `{zh, en}` when the languages write it differently."""
    if isinstance(row.data.get("year"), dict):
        row.pair("year", line=True)
    else:
        row.text("year", line=True)


def _case(r: Reader) -> None:
    """Check what a case has beyond its names: facts, summary, timeline rows (each with its source), the
    authors' claims the editors correct (each with a note), and arguments (table cells)."""
    if r.ident("id") in RESERVED_CASE_IDS:
        raise SourceError(
            r.name, r.place("id"), f"{r.data['id']!r} is the address of another page under cases/"
        )
    for key in CASE_FACTS:
        r.optional_pair(key, line=True)
    r.texts("related_zh")
    r.pair("summary")
    for row in r.items("timeline", ("year", "zh", "en", "source")):
        _year(row)
        for key in ("zh", "en"):
            row.text(key, line=True)
        _source(row, "source")
    for claim in r.items("claims", ("chapter", "block", "zh", "en", "note", "reference")):
        claim.ident("chapter")
        claim.ident("block")
        for key in ("zh", "en"):
            claim.text(key, line=True)
        claim.pair("note")
        reference(claim)
    for argument in r.items("arguments", ("chapter", "zh", "en"), required=True):
        argument.ident("chapter")
        for key in ("zh", "en"):
            argument.text(key, line=True)


def _cluster(r: Reader) -> None:
    """Check what a cluster has beyond its names: where it is and its industry."""
    r.optional_pair("place", line=True)
    r.optional_pair("industry", line=True)


def load_cases(path: Path = CASES) -> list[Entry]:
    """The case studies: names, aliases, facts, summary, timeline and what each chapter argues with them."""
    keys = (
        "id",
        "name",
        "aliases_zh",
        "exclude_zh",
        "related_zh",
        *CASE_FACTS,
        "summary",
        "timeline",
        "claims",
        "arguments",
    )
    return _registry(path, keys, _case)


def load_clusters(path: Path = CLUSTERS) -> list[Entry]:
    """The other clusters and districts the texts mention."""
    return _registry(path, ("id", "name", "aliases_zh", "exclude_zh", "place", "industry"), _cluster)


def check_chapters(cases: list[Entry], chapters: list[Chapter], name: str = "content/cases.yml") -> None:
    """Refuse a case whose arguments, timeline sources or claims name a chapter or block the corpus lacks."""
    blocks = {c.slug: {b.id for b in c.blocks} for c in chapters}
    for i, entry in enumerate(cases):
        arguments = entry.data.get("arguments") or []
        places = [(f"[{i}].arguments[{k}]", a, False) for k, a in enumerate(arguments)]
        places += [
            (f"[{i}].timeline[{k}].source", row["source"], True)
            for k, row in enumerate(entry.data.get("timeline") or [])
            if "chapter" in row["source"]
        ]
        places += [(f"[{i}].claims[{k}]", c, True) for k, c in enumerate(entry.data.get("claims") or [])]
        for place, where, with_block in places:
            if where["chapter"] not in blocks:
                raise SourceError(name, f"{place}.chapter", f"no chapter has the slug {where['chapter']!r}")
            if with_block and where["block"] not in blocks[where["chapter"]]:
                raise SourceError(
                    name, f"{place}.block", f"chapter {where['chapter']} has no block {where['block']!r}"
                )


def _blocks_with_sections(chapter: Chapter) -> Iterator[tuple[str, Block]]:
    section = ""
    for block in chapter.blocks:
        if isinstance(block, Heading):
            section = block.id
        yield section, block


def _names(text: str, entry: Entry) -> str | None:
    """The alias this text names the entry by, ignoring the entry's false friends; None if it does not."""
    masked = text
    for phrase in entry.exclude_zh:
        masked = masked.replace(phrase, "□" * len(phrase))
    for alias in sorted(entry.aliases_zh, key=len, reverse=True):
        if alias in masked:
            return alias
    return None


def find_mentions(entries: list[Entry], chapters: list[Chapter]) -> None:
    """Fill each entry's mentions: every paragraph, heading or table of every chapter that names it."""
    for entry in entries:
        entry.mentions = []
        for chapter in chapters:
            for section, block in _blocks_with_sections(chapter):
                alias = _names(block.text, entry)
                if alias:
                    entry.mentions.append(Mention(chapter.slug, block.id, section, block.text, alias))


def link_cases(cases: list[Entry], chapters: list[Chapter]) -> None:
    """Under the first paragraph of each section that mentions a case, a link to the case page.

    The cases' `arguments` must name chapters of the corpus (checked here, where both are known).
    """
    check_chapters(cases, chapters)
    by_slug = {c.slug: c for c in chapters}
    for case in cases:
        seen: set[tuple[str, str]] = set()
        for m in case.mentions:
            if (m.chapter, m.section_id) in seen:
                continue
            seen.add((m.chapter, m.section_id))
            by_slug[m.chapter].links.setdefault(m.block_id, []).append(
                Link("case", f"cases/{case.id}/", case.name_zh, case.name_en)
            )


def _english_of(value: Any, key: str) -> Iterator[tuple[str, str]]:
    """Every English text in a registry value: the `en` of each `{zh, en}` pair, in lists and mappings."""
    if isinstance(value, dict):
        for k, v in value.items():
            place = f"{key}.{k}" if key else str(k)
            if k == "en" and isinstance(v, str):
                yield place, v
            else:
                yield from _english_of(v, place)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _english_of(v, f"{key}[{i}]")


def english_texts(content: Path = CONTENT) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each registry file and its English texts (key path, text), as loaded and validated."""
    out = []
    for path, load in ((content / CASES.name, load_cases), (content / CLUSTERS.name, load_clusters)):
        entries = load(path)
        out.append((f"content/{path.name}", [t for e in entries for t in _english_of(e.data, e.id)]))
    return out
