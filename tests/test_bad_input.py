"""Bad input stops with one line naming the file and place, exit code 1, no traceback, nothing overwritten."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = "004_db9e5c3568965ac3"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "clusterdocs", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in (ROOT / "seeds").iterdir():  # all of them: data sets and cases refer to every chapter
        shutil.copy(path, folder)
    return folder


@pytest.fixture
def docs(tmp_path: Path, seeds: Path) -> Path:
    """A docs folder with pages generated from good seeds."""
    folder = tmp_path / "docs"
    result = _cli("--seeds", str(seeds), "--docs", str(folder), "generate")
    assert result.returncode == 0, result.stderr
    return folder


def _assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_gbk_bytes_are_refused_with_file_and_line(seeds: Path, docs: Path) -> None:
    before = _tree_digest(docs)
    text = (seeds / f"{SEED}.txt").read_text(encoding="utf-8")
    (seeds / f"{SEED}.txt").write_bytes(text.encode("gbk", errors="replace"))
    result = _cli("--seeds", str(seeds), "--docs", str(docs), "generate")
    _assert_one_line_error(result, f"{SEED}.txt", "line 1", "not UTF-8")
    assert _tree_digest(docs) == before


def test_an_empty_seed_is_refused(seeds: Path, docs: Path) -> None:
    before = _tree_digest(docs)
    (seeds / f"{SEED}.txt").write_bytes(b"")
    _assert_one_line_error(
        _cli("--seeds", str(seeds), "--docs", str(docs), "generate"), f"{SEED}.txt", "empty"
    )
    assert _tree_digest(docs) == before


def test_a_binary_seed_is_refused(seeds: Path, docs: Path) -> None:
    before = _tree_digest(docs)
    (seeds / f"{SEED}.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _assert_one_line_error(
        _cli("--seeds", str(seeds), "--docs", str(docs), "generate"), f"{SEED}.txt", "binary"
    )
    assert _tree_digest(docs) == before


def test_bom_and_crlf_are_accepted_and_give_the_same_pages(seeds: Path, docs: Path, tmp_path: Path) -> None:
    text = (seeds / f"{SEED}.txt").read_text(encoding="utf-8")
    (seeds / f"{SEED}.txt").write_bytes("\ufeff".encode() + text.replace("\n", "\r\n").encode("utf-8"))
    other = tmp_path / "docs-crlf"
    result = _cli("--seeds", str(seeds), "--docs", str(other), "generate")
    assert result.returncode == 0, result.stderr
    chapter = "chapters/hubei-county-clusters/index.md"
    assert (other / chapter).read_text(encoding="utf-8") == (docs / chapter).read_text(encoding="utf-8")


def test_a_manifest_naming_text_that_is_not_there_is_refused(seeds: Path, docs: Path) -> None:
    before = _tree_digest(docs)
    manifest = seeds / f"{SEED}.yml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "layout: wrapped", 'layout: wrapped\nremovals:\n  - {text: "这句话不在原文里", reason: test}'
        ),
        encoding="utf-8",
    )
    result = _cli("--seeds", str(seeds), "--docs", str(docs), "generate")
    _assert_one_line_error(result, f"seeds/{SEED}.yml", "removals[0]", "not found")
    assert _tree_digest(docs) == before


def test_a_repair_matching_two_lines_is_refused(seeds: Path, docs: Path) -> None:
    manifest = seeds / f"{SEED}.yml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "layout: wrapped", 'layout: wrapped\nsplits:\n  - {before: "产业集群", reason: test}'
        ),
        encoding="utf-8",
    )
    result = _cli("--seeds", str(seeds), "--docs", str(docs), "generate")
    _assert_one_line_error(result, f"seeds/{SEED}.yml", "splits[0]", "expected one")


def test_invalid_yaml_is_refused_with_its_line(seeds: Path, docs: Path) -> None:
    (seeds / f"{SEED}.yml").write_text("source: [unclosed\n", encoding="utf-8")
    _assert_one_line_error(
        _cli("--seeds", str(seeds), "--docs", str(docs), "generate"), f"seeds/{SEED}.yml", "line"
    )


def test_a_failed_build_leaves_the_built_site_as_it_was(seeds: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    (seeds / f"{SEED}.txt").write_bytes(b"")
    docs_before = _tree_digest(ROOT / "docs")
    result = _cli("--seeds", str(seeds), "--site", str(site), "build")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert f"{SEED}.txt" in result.stderr + result.stdout
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert _tree_digest(ROOT / "docs") == docs_before
    assert not list(tmp_path.glob("site.*"))
