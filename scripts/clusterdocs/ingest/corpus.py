"""Every source with its manifest, normalised into chapters: the one loader of the corpus."""

from __future__ import annotations

from pathlib import Path

from clusterdocs.config import SEEDS
from clusterdocs.errors import SourceError
from clusterdocs.ingest.manifest import Manifest, load_manifest
from clusterdocs.ingest.model import Block, Chapter, Heading, Paragraph, Table
from clusterdocs.ingest.structure import build_chapters
from clusterdocs.ingest.textio import decode_seed, read_seed_bytes

_KINDS = {Heading: "section", Paragraph: "paragraph", Table: "table"}


def manifests(seeds: Path = SEEDS) -> list[Manifest]:
    """Every manifest in the seeds folder, in file order: each names its seed, and every seed has one."""
    if not seeds.is_dir():
        raise SourceError(str(seeds), "", "no such folder of seeds")
    found = []
    for path in sorted(seeds.glob("*.yml")):
        m = load_manifest(path)
        if m.source != path.with_suffix(".txt").name:
            raise SourceError(f"seeds/{path.name}", "source", f"expected {path.with_suffix('.txt').name}")
        found.append(m)
    for path in sorted(seeds.glob("*.txt")):
        if not path.with_suffix(".yml").exists():
            raise SourceError(
                f"seeds/{path.name}", "", f"no manifest: every seed needs {path.with_suffix('.yml').name}"
            )
    if not found:
        raise SourceError(str(seeds), "", "no manifests (*.yml) in the seeds folder")
    return found


def _check_ids(chapter: Chapter, m: Manifest, index: int) -> None:
    """Every block id of a chapter once; a clash is blamed on the table or declared heading that made it."""
    declared = {t.id: f"{t.place}.id" for t in m.tables}
    for j, h in enumerate(chapter.spec.headings):
        declared.setdefault(h.id, f"chapters[{index}].headings[{j}].id")
    seen: dict[str, Block] = {}
    for block in chapter.blocks:
        other = seen.setdefault(block.id, block)
        if other is not block:
            raise SourceError(
                f"seeds/{m.path.name}",
                declared.get(block.id, f"chapters[{index}]"),
                f"id {block.id!r} names both a {_KINDS[type(other)]} and a {_KINDS[type(block)]} "
                f"of {chapter.slug}",
            )


def load_corpus(seeds: Path = SEEDS) -> tuple[list[Chapter], dict[str, bytes]]:
    """Every chapter, and the raw bytes of every seed (for the source links)."""
    chapters: list[Chapter] = []
    raw: dict[str, bytes] = {}
    slugs: dict[str, str] = {}
    for m in manifests(seeds):
        name = f"seeds/{m.source}"
        raw[m.source] = read_seed_bytes(seeds / m.source)
        for i, chapter in enumerate(build_chapters(m, decode_seed(raw[m.source], name))):
            if chapter.slug in slugs:
                raise SourceError(
                    f"seeds/{m.path.name}",
                    f"chapters[{i}].slug",
                    f"slug {chapter.slug!r} used twice (also in {slugs[chapter.slug]})",
                )
            slugs[chapter.slug] = f"seeds/{m.path.name}"
            _check_ids(chapter, m, i)
            chapters.append(chapter)
    return chapters, raw
