"""Case studies and the other clusters the texts mention: a registry, every mention found, links both ways."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from clusterdocs.config import ROOT
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Chapter, Heading, Link, Paragraph, Table
from clusterdocs.yamlio import read_yaml

CASES = ROOT / "content" / "cases.yml"
CLUSTERS = ROOT / "content" / "clusters.yml"


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
    data: dict
    mentions: list[Mention] = field(default_factory=list)


def _entries(path: Path, required: set[str]) -> list[Entry]:
    name = f"content/{path.name}"
    if not path.exists():
        return []
    items = read_yaml(path, name)
    if not isinstance(items, list):
        raise SourceError(name, "", "expected a list of entries")
    entries, seen = [], set()
    for i, item in enumerate(items):
        where = f"[{i}]"
        if not isinstance(item, dict):
            raise SourceError(name, where, "expected a mapping")
        missing = sorted(required - set(item))
        if missing:
            raise SourceError(name, f"{where}.{missing[0]}", "missing required key")
        ident = item["id"]
        if ident in seen:
            raise SourceError(name, f"{where}.id", f"id {ident!r} used twice")
        seen.add(ident)
        names = item["name"]
        aliases = tuple(a for a in item.get("aliases_zh") or [] if a)
        if not aliases:
            raise SourceError(name, f"{where}.aliases_zh", "expected at least one Chinese alias")
        entries.append(
            Entry(ident, names["zh"], names["en"], aliases, tuple(item.get("exclude_zh") or []), item)
        )
    return entries


def load_cases(path: Path = CASES) -> list[Entry]:
    """The four case studies."""
    return _entries(path, {"id", "name", "aliases_zh", "summary", "arguments", "timeline"})


def load_clusters(path: Path = CLUSTERS) -> list[Entry]:
    """The other clusters and districts the texts mention."""
    return _entries(path, {"id", "name", "aliases_zh"})


def _blocks_with_sections(chapter: Chapter):
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
                if not isinstance(block, (Paragraph, Heading, Table)):
                    continue
                alias = _names(block.text, entry)
                if alias:
                    entry.mentions.append(Mention(chapter.slug, block.id, section, block.text, alias))


def link_cases(cases: list[Entry], chapters: list[Chapter]) -> None:
    """Under the first paragraph of each section that mentions a case, a link to the case page."""
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
