"""Where things are: the project's folders, docs/'s generated folders, the languages, the site's address."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("CLUSTERDOCS_SEEDS", ROOT / "seeds"))
"""The seeds folder; CLUSTERDOCS_SEEDS points a build at another one."""
CONTENT = ROOT / "content"

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
"""The site's languages: Chinese at /, English at /en/."""

GENERATED_DIRS = ("chapters", "sources", "data", "cases", "glossary")
"""Folders of docs/ that belong to the generator; everything else in docs/ is hand-written."""


def site_url() -> str:
    """The published site's address, as mkdocs.yml reads it (SITE_URL, else the local preview)."""
    return os.environ.get("SITE_URL") or "http://127.0.0.1:8000/"
