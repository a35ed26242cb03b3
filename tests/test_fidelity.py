"""Nothing lost, nothing invented: every source's characters and numbers survive, minus declared removals."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from clusterdocs.config import SEEDS
from clusterdocs.ingest.manifest import Manifest, load_manifest
from clusterdocs.ingest.model import Chapter
from clusterdocs.ingest.normalise import fold_fullwidth
from clusterdocs.ingest.structure import build_chapters
from clusterdocs.ingest.textio import read_seed

IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
MANIFEST_FILES = [p.name for p in sorted(SEEDS.glob("*.yml"))]
"""Named at collection, loaded in the test: a bad manifest fails its tests instead of stopping collection."""


@pytest.fixture(params=MANIFEST_FILES, ids=[name[:3] for name in MANIFEST_FILES])
def m(request: pytest.FixtureRequest) -> Manifest:
    """One manifest of seeds/."""
    return load_manifest(SEEDS / request.param)


def _ideographs(texts: list[str]) -> Counter[str]:
    return Counter(ch for t in texts for ch in IDEOGRAPH.findall(t))


def _numbers(texts: list[str]) -> Counter[str]:
    """Numbers after folding full-width digits and deleting all whitespace (which line wraps put anywhere)."""
    return Counter(n for t in texts for n in NUMBER.findall(re.sub(r"\s+", "", fold_fullwidth(t)[0])))


def test_every_ideograph_survives_except_declared_removals(m: Manifest) -> None:
    raw = read_seed(SEEDS / m.source)
    kept = [t for c in build_chapters(m, raw) for t in c.texts()]
    removed = [r.text for r in m.removals]
    assert _ideographs([raw]) == _ideographs(kept) + _ideographs(removed)


def test_every_number_survives_except_declared_removals(m: Manifest) -> None:
    raw = read_seed(SEEDS / m.source)
    kept = _numbers([t for c in build_chapters(m, raw) for t in c.texts()])
    expected = _numbers([raw]) - _numbers([r.text for r in m.removals])
    missing = expected - kept
    assert not missing, f"numbers lost: {dict(missing)}"


def test_every_declared_repair_is_applied_exactly_once(m: Manifest) -> None:
    applied = Counter(a.kind for c in build_chapters(m, read_seed(SEEDS / m.source)) for a in c.repairs)
    declared = Counter(
        {
            "removal": len(m.removals),
            "replacement": len(m.replacements),
            "split": len(m.splits),
            "move": len(m.moves),
            "author-note": len(m.author_notes),
            "join": len(m.joins),
            "break": len(m.breaks),
            "table": len(m.tables),
        }
    )
    assert +applied == +declared


def test_every_seed_makes_the_chapters_its_manifest_declares(chapters: list[Chapter]) -> None:
    declared = [
        (m.source, c.slug) for m in map(load_manifest, sorted(SEEDS.glob("*.yml"))) for c in m.chapters
    ]
    assert [(c.source, c.slug) for c in chapters] == declared
    assert {source for source, _ in declared} == {p.name for p in SEEDS.glob("*.txt")}


def test_every_2024_in_the_compilation_carries_an_editorial_note(chapters: list[Chapter]) -> None:
    for c in chapters:
        for block in c.blocks:
            if "2024" in block.text:
                assert block.id in c.notes, f"{c.slug} {block.id}: 2024 without an editorial note"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_generation_is_byte_for_byte_the_same_under_two_hash_seeds(tmp_path: Path, slugs: list[str]) -> None:
    """Two processes with different string hashing generate into two folders: no set order can leak out."""
    runs = []
    for seed in ("1", "2"):
        docs = tmp_path / f"hash-seed-{seed}" / "docs"
        command = [sys.executable, "-m", "clusterdocs", "--docs", str(docs), "generate"]
        env = {**os.environ, "PYTHONHASHSEED": seed}
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        runs.append((docs, process))
    for _, process in runs:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    first, second = (_tree(docs) for docs, _ in runs)
    assert {f"chapters/{s}/index.md" for s in slugs} <= first.keys()
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_the_flattened_table_is_rebuilt_with_its_printed_precision(chapters: list[Chapter]) -> None:
    zhuzhou = next(c for c in chapters if c.slug == "zhuzhou")
    [table] = [b for b in zhuzhou.blocks if b.id == "table-1"]
    assert len(table.rows) == 11
    assert table.rows[0] == ("有色金属冶炼", "18.7", "轨道交通", "22.5")
    assert ("材料", "8.2", "陶瓷", "9.0") in table.rows  # 9.0 keeps its trailing zero
    assert [h for h, _ in table.header] == [
        "2000年株洲前10位集聚程度高产业",
        "2010年株洲前10位集聚程度高产业",
    ]


def test_interleaved_columns_are_back_in_reading_order(chapters: list[Chapter]) -> None:
    zhuzhou = next(c for c in chapters if c.slug == "zhuzhou")
    text = "".join(b.text for b in zhuzhou.blocks)
    assert "企业信息资源的重复利用严重，企业信息孤岛现象屡见不鲜[9]" in text
    assert "并要着眼培育壮大新材料、电子信息技术、生物制药等新兴产业" in text
    order = [
        text.index(s)
        for s in (
            "②区位优势",
            "③人才优势",
            "②2010年湖南省",
            "⑥环境能源压力巨大",
            "4.株洲新型工业化产业集群发展策略",
            "1)发展工业园区",
        )
    ]
    assert order == sorted(order)
