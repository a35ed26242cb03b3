"""Every source with its manifest, normalised into chapters: the one loader of the corpus."""

from __future__ import annotations

from pathlib import Path

from clusterdocs.config import SEEDS
from clusterdocs.errors import SourceError
from clusterdocs.ingest.manifest import Manifest, load_manifest
from clusterdocs.ingest.model import Chapter
from clusterdocs.ingest.structure import build_chapters
from clusterdocs.ingest.textio import read_seed


def manifests(seeds: Path = SEEDS) -> list[Manifest]:
    """Every manifest in the seeds folder, in file order; each must name a seed that exists."""
    found = []
    for path in sorted(seeds.glob("*.yml")):
        m = load_manifest(path)
        if m.source != path.with_suffix(".txt").name:
            raise SourceError(f"seeds/{path.name}", "source", f"expected {path.with_suffix('.txt').name}")
        found.append(m)
    return found


def load_corpus(seeds: Path = SEEDS) -> tuple[list[Chapter], dict[str, bytes]]:
    """Every chapter, and the raw bytes of every seed (for the source links)."""
    chapters: list[Chapter] = []
    raw: dict[str, bytes] = {}
    for m in manifests(seeds):
        path = seeds / m.source
        text = read_seed(path)
        raw[m.source] = path.read_bytes()
        chapters += build_chapters(m, text)
    seen: set[str] = set()
    for c in chapters:
        if c.slug in seen:
            raise SourceError("seeds/*.yml", "chapters", f"slug used twice: {c.slug}")
        seen.add(c.slug)
    return chapters, raw
