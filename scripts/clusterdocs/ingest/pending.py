"""Chapters still waiting for their English (content/en/<slug>.yml): marked on the chapter index, warned of
in a build, listed by `check`."""

from __future__ import annotations

from pathlib import Path

from clusterdocs.config import CONTENT
from clusterdocs.ingest.model import Chapter


def without_english(chapters: list[Chapter], content: Path = CONTENT) -> list[Chapter]:
    """The chapters that have no `content/en/<slug>.yml` yet, in reading order."""
    folder = content / "en"
    return [
        c
        for c in chapters
        if not (folder / f"{c.slug}.yml").exists() and not (folder / f"{c.slug}.yml").is_symlink()
    ]


def pending_message(chapter: Chapter) -> str:
    """One line saying that `chapter` has no English yet and what its pages show meanwhile."""
    return (
        f"chapter {chapter.slug} has no English yet (content/en/{chapter.slug}.yml): its English page shows "
        "the Chinese under 'in preparation' and the chapter index marks it"
    )
