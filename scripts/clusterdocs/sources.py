"""Where the inputs live and how to load every source with its manifest."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import SourceError
from .manifest import Manifest, load_manifest
from .structure import Chapter, build_chapters
from .textio import read_seed

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("CLUSTERDOCS_SEEDS", ROOT / "seeds"))
"""The seeds folder; CLUSTERDOCS_SEEDS points a build at another one (the bad-input tests use this)."""


def site_url() -> str:
    """The published site's address, as mkdocs.yml reads it (SITE_URL, else the local preview)."""
    return os.environ.get("SITE_URL") or "http://127.0.0.1:8000/"


def manifests(seeds: Path = SEEDS) -> list[Manifest]:
    """Every manifest in the seeds folder, in file order; each must name a seed that exists."""
    found = []
    for path in sorted(seeds.glob("*.yml")):
        m = load_manifest(path)
        if m.source != path.with_suffix(".txt").name:
            raise SourceError(f"seeds/{path.name}", "source", f"expected {path.with_suffix('.txt').name}")
        found.append(m)
    return found


def chapters_of(m: Manifest, seeds: Path = SEEDS) -> list[Chapter]:
    """Read one manifest's seed and normalise it into chapters."""
    return build_chapters(m, read_seed(seeds / m.source))


def all_chapters(seeds: Path = SEEDS) -> list[Chapter]:
    """Every chapter of every source, in source order."""
    return [c for m in manifests(seeds) for c in chapters_of(m, seeds)]
