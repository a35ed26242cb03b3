"""Files kept one per chapter (content/en, content/translation): found by slug, each naming its chapter."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from clusterdocs.errors import SourceError
from clusterdocs.schema import Reader
from clusterdocs.yamlio import read_yaml


def read_chapter_file(folder: Path, slug: str, shown: str, keys: Iterable[str]) -> Reader | None:
    """The mapping in `<folder>/<slug>.yml` (`<shown>/<slug>.yml` in errors), or None where there is none.

    The file must give `slug`, and it must be the file's name.
    """
    path = folder / f"{slug}.yml"
    if not path.exists() and not path.is_symlink():
        return None
    name = f"{shown}/{path.name}"
    r = Reader(name, read_yaml(path, name), "", keys)
    if r.ident("slug") != slug:
        raise SourceError(name, "slug", f"expected {slug!r} (the file name)")
    return r


def refuse_orphans(folder: Path, slugs: set[str], shown: str) -> None:
    """A file in `folder` whose name is no chapter's slug is an error (it would vanish without a word)."""
    if folder.is_dir():
        for path in sorted(folder.glob("*.yml")):
            if path.stem not in slugs:
                raise SourceError(
                    f"{shown}/{path.name}", "", f"no chapter has the slug {path.stem!r} (seeds/*.yml)"
                )
