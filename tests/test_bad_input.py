"""Bad input stops with one line naming the file and place, exit code 1, no traceback, nothing overwritten.

The command line runs in-process on copies of the seeds and content; one test runs it as a program.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clusterdocs import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = "004_db9e5c3568965ac3"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of all the seeds (data sets and cases refer to every chapter) and of the content."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _main(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """Run the command line in-process on the project copy: exit code and the lines it wrote to stderr."""
    folders = ["--seeds", str(project / "seeds"), "--content", str(project / "content")]
    code = cli.main([*folders, "--docs", str(project / "docs"), *args])
    return code, capsys.readouterr().err.splitlines()


def _tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


@pytest.fixture
def docs(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A docs folder with pages generated from good inputs."""
    code, err = _main(project, capsys, "generate")
    assert (code, err) == (0, [])
    return project / "docs"


def _refused(project: Path, capsys: pytest.CaptureFixture[str], docs: Path, expected: str) -> None:
    """`generate` stops with exactly `error: <expected>`, exit code 1, and leaves docs/ as it was."""
    before = _tree_digest(docs)
    assert _main(project, capsys, "generate") == (1, [f"error: {expected}"])
    assert _tree_digest(docs) == before


def test_gbk_bytes_are_refused_with_file_and_line(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _tree_digest(docs)
    seed = project / "seeds" / f"{SEED}.txt"
    seed.write_bytes(seed.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    code, err = _main(project, capsys, "generate")
    assert code == 1 and len(err) == 1
    assert err[0].startswith(f"error: seeds/{SEED}.txt:line 1: not UTF-8 (byte 0x"), err
    assert _tree_digest(docs) == before


def test_an_empty_seed_is_refused(project: Path, docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "seeds" / f"{SEED}.txt").write_bytes(b"")
    _refused(project, capsys, docs, f"seeds/{SEED}.txt: the file is empty")


def test_a_binary_seed_is_refused(project: Path, docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "seeds" / f"{SEED}.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _refused(project, capsys, docs, f"seeds/{SEED}.txt:line 3: binary data (NUL byte): not a text file")


def test_bom_and_crlf_are_accepted_and_give_the_same_pages(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chapter = docs / "chapters/hubei-county-clusters/index.md"
    expected = chapter.read_text(encoding="utf-8")
    seed = project / "seeds" / f"{SEED}.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_bytes("\ufeff".encode() + text.replace("\n", "\r\n").encode("utf-8"))
    assert _main(project, capsys, "generate")[0] == 0
    assert chapter.read_text(encoding="utf-8") == expected


def test_a_manifest_naming_text_that_is_not_there_is_refused(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = project / "seeds" / f"{SEED}.yml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "layout: wrapped", 'layout: wrapped\nremovals:\n  - {text: "这句话不在原文里", reason: test}'
        ),
        encoding="utf-8",
    )
    _refused(
        project,
        capsys,
        docs,
        f"seeds/{SEED}.yml:removals[0]: text not found in {SEED}.txt: '这句话不在原文里'",
    )


def test_a_repair_matching_two_lines_is_refused(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = project / "seeds" / f"{SEED}.yml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "layout: wrapped", 'layout: wrapped\nsplits:\n  - {before: "产业集群", reason: test}'
        ),
        encoding="utf-8",
    )
    code, err = _main(project, capsys, "generate")
    assert code == 1 and len(err) == 1
    assert err[0].startswith(f"error: seeds/{SEED}.yml:splits[0]: text matches "), err
    assert err[0].endswith(", expected one: '产业集群'"), err


def test_invalid_yaml_is_refused_with_its_line(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "seeds" / f"{SEED}.yml").write_text("source: [unclosed\n", encoding="utf-8")
    code, err = _main(project, capsys, "generate")
    assert code == 1 and len(err) == 1
    assert err[0].startswith(f"error: seeds/{SEED}.yml:line 2: invalid YAML ("), err


def test_a_duplicate_key_is_refused(project: Path, docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = project / "seeds" / f"{SEED}.yml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("layout: wrapped\n", "layout: wrapped\nlayout: lines\n"),
        encoding="utf-8",
    )
    _refused(project, capsys, docs, f"seeds/{SEED}.yml:line 4: invalid YAML (duplicate key 'layout')")


@pytest.mark.parametrize("slug", ["../../../pwned-slug-outside", "", "hubei county clusters"])
def test_a_bad_slug_writes_nothing_anywhere(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str], slug: str
) -> None:
    manifest = project / "seeds" / f"{SEED}.yml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "slug: hubei-county-clusters", f"slug: {slug!r}".replace("'", '"')
        ),
        encoding="utf-8",
    )
    outside, before = sorted(project.parent.iterdir()), _tree_digest(docs)
    expected = "expected non-empty text" if not slug else f"{slug!r} is not an id"
    code, err = _main(project, capsys, "generate")
    assert code == 1 and len(err) == 1
    assert err[0].startswith(f"error: seeds/{SEED}.yml:chapters[0].slug: {expected}"), err
    assert sorted(project.parent.iterdir()) == outside
    assert _tree_digest(docs) == before


def test_a_symlinked_seed_is_refused_and_not_published(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = project / "seeds" / f"{SEED}.txt"
    seed.rename(project / "elsewhere.txt")
    seed.symlink_to(project / "elsewhere.txt")
    _refused(project, capsys, docs, f"seeds/{SEED}.txt: is a symbolic link; inputs must be regular files")


def test_a_seed_without_a_manifest_is_refused(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "seeds" / "005_orphan.txt").write_bytes(b"\x00\x01 binary too")
    _refused(project, capsys, docs, "seeds/005_orphan.txt: no manifest: every seed needs 005_orphan.yml")


def test_a_content_file_with_a_traceback_bug_is_one_line(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = project / "content" / "cases.yml"
    text = cases.read_text(encoding="utf-8")
    cases.write_text(text.replace("name: {zh: 硅谷, en: Silicon Valley}", "name: 硅谷"), encoding="utf-8")
    _refused(project, capsys, docs, "content/cases.yml:[0].name: expected a mapping, got text")


def test_a_file_system_error_is_one_line(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault no input causes (disk full, read-only, EXDEV) reaches the command line as one line, exit 1."""

    def no_space(args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(project / "docs" / "index.md"))

    monkeypatch.setattr(cli, "cmd_generate", no_space)
    assert _main(project, capsys, "generate") == (
        1,
        [f"error: {project}/docs/index.md: No space left on device"],
    )


def test_a_failed_build_leaves_the_built_site_as_it_was(
    project: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    (project / "seeds" / f"{SEED}.txt").write_bytes(b"")
    docs_before = _tree_digest(ROOT / "docs")
    code = cli.main(["--seeds", str(project / "seeds"), "--site", str(site), "build"])
    out, err = capfd.readouterr()
    assert code != 0
    assert "Traceback" not in out + err
    assert f"{SEED}.txt" in out + err
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert _tree_digest(ROOT / "docs") == docs_before
    assert not list(tmp_path.glob("site.*"))


def test_the_program_prints_one_line_and_exits_1(project: Path) -> None:
    """End to end, as a reader runs it: `python -m clusterdocs generate` on a bad seed."""
    (project / "seeds" / f"{SEED}.txt").write_bytes(b"")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "clusterdocs",
            "--seeds",
            str(project / "seeds"),
            "--content",
            str(project / "content"),
            "--docs",
            str(project / "docs"),
            "generate",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"error: seeds/{SEED}.txt: the file is empty\n",
    )
    assert not (project / "docs").exists()


def test_a_place_on_a_page_that_does_not_exist_stops_generation(
    project: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """content/places.yml naming a chapter the corpus lacks: one line with the key path, docs/ unchanged."""
    places = project / "content" / "places.yml"
    text = places.read_text(encoding="utf-8")
    places.write_text(
        text.replace("pages: [chapter/zhuzhou]", "pages: [chapter/no-such-chapter]", 1), "utf-8"
    )
    index = next(i for i, line in enumerate(text.split("\n- id: ")[1:]) if line.startswith("zhuzhou"))
    expected = f"content/places.yml:[{index}].pages[0]: no chapter has the id 'no-such-chapter'"
    _refused(project, capsys, docs, expected)
