"""Generation writes only what changed, atomically, inside the generated folders, and once per build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clusterdocs.errors import SourceError
from clusterdocs.generate import write_changed


def _tree(docs: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(docs).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in docs.rglob("*")
        if p.is_file()
    }


def test_unchanged_files_keep_their_mtime_and_stale_files_go(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "index.md").parent.mkdir(parents=True)
    (docs / "index.md").write_text("hand-written")
    first = write_changed(
        docs, {"chapters/a/index.md": b"A", "chapters/b/index.md": b"B", "data/x.csv": b"x"}
    )
    assert sorted(first.written) == ["chapters/a/index.md", "chapters/b/index.md", "data/x.csv"]
    old = {rel: mtime - 10**9 for rel, (_, mtime) in _tree(docs).items()}
    for rel, mtime in old.items():  # age every file by a second, so a rewrite would show
        os.utime(docs / rel, ns=(mtime, mtime))
    second = write_changed(docs, {"chapters/a/index.md": b"A", "chapters/b/index.md": b"B2"})
    assert second.written == ["chapters/b/index.md"]
    assert second.removed == ["data/x.csv"]
    after = _tree(docs)
    assert after["chapters/a/index.md"] == (b"A", old["chapters/a/index.md"])
    assert after["chapters/b/index.md"][0] == b"B2"
    assert after["index.md"][0] == b"hand-written"  # outside the generated folders: never touched
    assert not (docs / "data").exists()  # emptied generated folders are removed
    assert not list(docs.rglob(".generating-*"))


@pytest.mark.parametrize(
    "rel",
    ["../outside.md", "chapters/../../outside.md", "/etc/x", "chapters", "notgenerated/x.md", "chapters/.x"],
)
def test_paths_outside_the_generated_folders_are_refused(tmp_path: Path, rel: str) -> None:
    docs = tmp_path / "docs"
    with pytest.raises(SourceError, match="outside the generated folders"):
        write_changed(docs, {rel: b"x"})
    assert not (tmp_path / "outside.md").exists()


def test_a_file_system_error_is_one_line_naming_the_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_changed(docs, {"chapters/a/index.md": b"A"})
    (docs / "cases").write_text("a file where a folder must go")  # fails even for root, unlike chmod
    with pytest.raises(SourceError, match=r"^docs/cases/x/index.md: cannot write \(Not a directory\)$"):
        write_changed(docs, {"chapters/a/index.md": b"A", "cases/x/index.md": b"X"})
    assert (docs / "chapters" / "a" / "index.md").read_bytes() == b"A"


def test_a_seed_too_large_to_build_is_refused_in_one_line() -> None:
    from clusterdocs.ingest.textio import MAX_SEED_BYTES, decode_seed

    big = ("产业集群。\n" * (MAX_SEED_BYTES // 16 + 1)).encode("utf-8")
    with pytest.raises(SourceError, match=r"^seeds/x.txt: 2.0 MB is more than a seed may hold \(2 MB\)"):
        decode_seed(big, "seeds/x.txt")
    assert decode_seed(big[: MAX_SEED_BYTES // 2], "seeds/x.txt")  # half the limit is read as usual


def test_the_built_site_is_swapped_in_one_step(tmp_path: Path) -> None:
    from clusterdocs.cli import _exchange

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("old")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "index.html").write_text("new")
    assert _exchange(tmp_path / "new", tmp_path / "site")  # Linux: renameat2 with RENAME_EXCHANGE
    assert (tmp_path / "site" / "index.html").read_text() == "new"
    assert (tmp_path / "new" / "index.html").read_text() == "old"
