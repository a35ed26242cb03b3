"""Golden files: output compared with its expected file in tests/golden/, or rewritten by --update-golden."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
"""The expected outputs; every file here is written by `pytest --update-golden` and reviewed in the diff."""

DIFF_LINES = 60
"""How many lines of the unified diff a failure shows."""


class Golden:
    """Compares text with a golden file, or (when updating) writes the text there."""

    def __init__(self, update: bool) -> None:
        self.update = update

    def check(self, path: Path, actual: str) -> None:
        """Fail with a unified diff unless `path` holds exactly `actual`; rewrite it instead when updating."""
        rel = path.relative_to(GOLDEN.parents[1]).as_posix() if path.is_relative_to(GOLDEN) else str(path)
        expected = path.read_text(encoding="utf-8") if path.is_file() else None
        if self.update:
            if expected != actual:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(actual, encoding="utf-8")
            return
        if expected is None:
            pytest.fail(f"{rel} does not exist: run `pytest --update-golden` and review it", pytrace=False)
        if expected == actual:
            return
        diff = list(
            difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), f"{rel} (expected)", "actual", lineterm=""
            )
        )
        shown = "\n".join(diff[:DIFF_LINES])
        more = f"\n… {len(diff) - DIFF_LINES} more diff lines" if len(diff) > DIFF_LINES else ""
        pytest.fail(
            f"{rel} differs from the output:\n{shown}{more}\n"
            "If the change is intended, run `pytest --update-golden` and commit the reviewed diff.",
            pytrace=False,
        )

    def check_folder(self, folder: Path, names: set[str]) -> None:
        """Fail if `folder` holds golden files (`names` are paths relative to it) that no test compares;
        delete them instead when updating."""
        found = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        stale = sorted(found - names)
        if self.update:
            for name in stale:
                (folder / name).unlink()
            return
        assert stale == [], f"golden files no test compares (run `pytest --update-golden`): {stale}"
