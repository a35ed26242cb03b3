"""The golden-file helper itself: a mismatch fails with a diff, --update-golden rewrites and prunes."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import Golden


def test_a_mismatch_fails_with_a_unified_diff(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text("# 标题\n\n第一段。\n", encoding="utf-8")
    Golden(update=False).check(path, "# 标题\n\n第一段。\n")
    with pytest.raises(pytest.fail.Exception) as failure:
        Golden(update=False).check(path, "# 标题\n\n第二段。\n")
    assert "-第一段。\n+第二段。" in str(failure.value)
    assert "--update-golden" in str(failure.value)


def test_a_missing_golden_file_fails(tmp_path: Path) -> None:
    with pytest.raises(pytest.fail.Exception, match="does not exist"):
        Golden(update=False).check(tmp_path / "absent.md", "text\n")


def test_updating_writes_the_output_and_removes_stale_files(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text("old\n", encoding="utf-8")
    Golden(update=True).check(tmp_path / "sub" / "new.md", "new\n")
    assert (tmp_path / "sub" / "new.md").read_text(encoding="utf-8") == "new\n"
    with pytest.raises(AssertionError, match=r"old\.md"):
        Golden(update=False).check_folder(tmp_path, {"sub/new.md"})
    Golden(update=True).check_folder(tmp_path, {"sub/new.md"})
    assert not (tmp_path / "old.md").exists()
