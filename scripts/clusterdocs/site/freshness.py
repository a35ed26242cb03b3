"""When each page last changed: the date of the last commit touching its inputs, from one `git log` per build.

A page whose inputs are untracked or edited since the last commit gets no date (nothing rather than a wrong
one), and so does every page outside a git repository or in a shallow clone.
"""

from __future__ import annotations

import datetime
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from clusterdocs.config import GENERATED_DIRS
from clusterdocs.ingest.manifest import Manifest
from clusterdocs.numbers import MONTHS


@dataclass(frozen=True)
class History:
    """What git says about the project's files: each committed file's last commit date, and the files that
    differ from their last commit (edited, added, untracked)."""

    root: Path
    dates: dict[str, datetime.date] = field(default_factory=dict)
    dirty: frozenset[str] = frozenset()

    def last_changed(self, inputs: Iterable[Path]) -> datetime.date | None:
        """The latest commit date of the inputs that exist; None if any is not committed as it is now."""
        latest: datetime.date | None = None
        for path in inputs:
            if not path.exists():
                continue
            try:
                rel = path.resolve().relative_to(self.root).as_posix()
            except ValueError:
                return None  # outside the repository
            date = self.dates.get(rel)
            if date is None or rel in self.dirty:
                return None
            latest = date if latest is None or date > latest else latest
        return latest


def _git(root: Path, *args: str) -> str | None:
    """The output of one git command in `root`, or None if git is missing or fails (not a repository)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8", check=False
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def read_history(root: Path) -> History:
    """Every committed file's last commit date (one `git log` walk) and the files that differ from it."""
    top = _git(root, "rev-parse", "--show-toplevel", "--is-shallow-repository")
    if top is None or top.split()[-1] != "false":
        return History(root.resolve())
    repo = Path(top.splitlines()[0]).resolve()
    # -c: a merge lists the files it changed from every parent, which `git log -- <file>` shows it for.
    log = _git(repo, "log", "-c", "--format=%x00%x01%cs", "--name-only", "--no-renames", "-z")
    status = _git(repo, "status", "--porcelain", "-z", "--untracked-files=all", "--no-renames")
    if log is None or status is None:
        return History(repo)
    dates: dict[str, datetime.date] = {}
    date: datetime.date | None = None
    for item in log.split("\x00"):
        name = item.lstrip("\n")  # a commit's first name follows its format line's newline
        if name.startswith("\x01"):
            date = datetime.date.fromisoformat(name[1:])
        elif name and date is not None:
            dates.setdefault(name, date)  # newest commit first: the first date seen is the last change
    dirty = frozenset(entry[3:] for entry in status.split("\x00") if len(entry) > 3 and entry[2] == " ")
    return History(repo, dates, dirty)


def page_inputs(
    src_uri: str, docs: Path, seeds: Path, content: Path, manifests: list[Manifest]
) -> list[Path]:
    """The files a page is made from: a hand-written page's Markdown; a generated page's seeds and content."""
    path = PurePosixPath(src_uri)
    top = path.parts[0] if len(path.parts) > 1 else ""
    if top not in GENERATED_DIRS:
        return [docs / src_uri]
    folder = path.parts[1] if len(path.parts) > 2 else ""
    if top == "chapters" and folder:
        for m in manifests:
            if any(c.slug == folder for c in m.chapters):
                return [
                    seeds / m.source,
                    m.path,
                    content / "en" / f"{folder}.yml",
                    content / "translation" / f"{folder}.yml",
                ]
        return []
    if top == "chapters":
        return [m.path for m in manifests]
    if top == "sources":
        return [
            p
            for m in manifests
            if m.source.removesuffix(".txt") == folder
            for p in (seeds / m.source, m.path)
        ]
    if top == "cases":
        return [content / ("clusters.yml" if folder == "clusters" else "cases.yml")]
    if top == "data" and folder:
        return [content / "data" / f"{folder}.yml", content / "data" / f"{folder}.csv"]
    if top == "data":
        return sorted((content / "data").glob("*"))
    return [content / "glossary.yml"]


def date_text(date: datetime.date, lang: str) -> str:
    """A date as the page's language writes it: 2026年11月23日, 23 November 2026."""
    if lang == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
