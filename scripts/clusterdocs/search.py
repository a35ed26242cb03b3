"""Search scoped to the reader's language: the merged index split into one index per language."""

from __future__ import annotations

import json
from pathlib import Path

ENGLISH = "en/"


def split_search_index(site: Path) -> bool:
    """Split static-i18n's merged index into site/search (Chinese) and site/en/search (English).

    Returns False when there is nothing to split (no index, or already split).
    """
    merged = site / "search" / "search_index.json"
    if not merged.exists():
        return False
    index = json.loads(merged.read_text(encoding="utf-8"))
    english = [d for d in index["docs"] if d["location"].startswith(ENGLISH)]
    if not english:
        return False
    chinese = [d for d in index["docs"] if not d["location"].startswith(ENGLISH)]
    for d in english:
        d["location"] = d["location"][len(ENGLISH):]
    target = site / "en" / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    _write(target, {**index, "docs": english})
    _write(merged, {**index, "docs": chinese})
    return True


def _write(path: Path, index: dict) -> None:
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
