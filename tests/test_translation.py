"""The translation's alignment with the Chinese is data, and the check finds every kind of drift."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clusterdocs.checks.alignment import figures_missing, misaligned
from clusterdocs.content.terminology import Rendering
from clusterdocs.content.translation import Translation, load_all_translations, load_translation
from clusterdocs.errors import SourceError
from clusterdocs.ingest.manifest import load_manifest
from clusterdocs.ingest.model import Chapter
from clusterdocs.ingest.structure import build_chapters

FIXTURES = Path(__file__).parent / "fixtures" / "translation"
TERMS = [
    Rendering(
        "产业集群",
        "industrial cluster",
        "concept",
        forms=("industrial clusters",),
        avoid=("cluster of industry",),
    ),
    Rendering("规模以上", "above designated size", "concept"),
]


@pytest.fixture
def chapter() -> Chapter:
    manifest = load_manifest(FIXTURES / "aligned.yml")
    return build_chapters(manifest, (FIXTURES / "aligned.txt").read_text(encoding="utf-8"))[0]


def _translation(tmp_path: Path, fixture: str) -> Translation | None:
    shutil.copy(FIXTURES / fixture, tmp_path / "aligned.yml")
    return load_translation("aligned", tmp_path)


def test_the_fixture_chapter_has_the_blocks_the_translations_name(chapter: Chapter) -> None:
    assert [b.id for b in chapter.blocks] == ["s1", "s1-p1", "s1-p2", "s2", "s2-p1"]


def test_a_complete_translation_is_aligned(chapter: Chapter, tmp_path: Path) -> None:
    translation = _translation(tmp_path, "aligned.en.yml")
    assert translation is not None and translation.status == "read-back"
    assert misaligned(chapter, translation, TERMS) == []


def test_every_kind_of_drift_is_one_line(chapter: Chapter, tmp_path: Path) -> None:
    translation = _translation(tmp_path, "broken.en.yml")
    assert translation is not None and translation.status == "draft"  # no status given: a draft
    where = "content/translation/aligned.yml: blocks."
    assert misaligned(chapter, translation, TERMS) == [
        f"{where}s9-p1: no block 's9-p1' in the chapter (stale id)",
        f"{where}s1-p1: conversion '23.5亿元 (23.5 billion': 23.5亿 is 2,350,000,000.0 not 23,500,000,000.0",
        f"{where}s1-p1: the figure 15 is missing from the English",
        f'{where}s1-p2: 产业集群 is rendered by none of "industrial cluster", "industrial clusters"',
        f"{where}s2-p1: the paragraph has no English",
    ]


def test_a_translation_of_no_chapter_and_a_bad_status_are_refused(chapter: Chapter, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "aligned.en.yml", tmp_path / "no-such-chapter.yml")
    with pytest.raises(
        SourceError, match=r"^content/translation/no-such-chapter.yml: no chapter has the slug"
    ):
        load_all_translations([chapter], tmp_path)
    text = (FIXTURES / "aligned.en.yml").read_text(encoding="utf-8").replace("read-back", "finished")
    (tmp_path / "aligned.yml").write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match=r"aligned.yml:about.status: expected one of draft, read-back"):
        load_translation("aligned", tmp_path)


@pytest.mark.parametrize(
    ("chinese", "english", "missing"),
    [
        ("2005年2月25日", "on 25 February 2005", []),
        ("2005年2月25日", "on 25 Feb. 2005", ["2"]),
        ("20世纪90年代以来", "since the 1990s", []),
        ("21世纪", "the 21st century", []),
        ("20世纪80年代", "the eighties", ["20", "80"]),
        ("增长15%，达到68.13亿元", "up 15%, to 68.13亿元 (6.813 billion yuan)", []),
        ("30,679台", "30679 looms", []),
    ],
)
def test_figures_are_matched_the_way_english_writes_dates(
    chinese: str, english: str, missing: list[str]
) -> None:
    assert figures_missing(chinese, english) == missing


def test_a_term_inside_a_longer_term_is_covered_by_the_longer_terms_english(
    chapter: Chapter, tmp_path: Path
) -> None:
    terms = [*TERMS, Rendering("产业集群是重点", "the focus on clusters", "phrase")]  # holds 产业集群
    translation = _translation(tmp_path, "aligned.en.yml")
    assert translation is not None
    english = {**translation.blocks, "s1-p2": "The focus on clusters."}
    lines = misaligned(chapter, Translation(**{**translation.__dict__, "blocks": english}), terms)
    assert lines == []  # 产业集群 inside the longer term is rendered by the longer term's English
    english["s1-p1"] = f"{translation.blocks['s1-p1']} It is a cluster of industry."
    rejected = "'cluster of industry' is a rejected rendering of 产业集群"
    assert misaligned(chapter, Translation(**{**translation.__dict__, "blocks": english}), terms) == [
        f"content/translation/aligned.yml: blocks.s1-p1: {rejected}"
    ]
    english["s1-p1"] = str(translation.blocks["s1-p1"])
    english["s1-p2"] = "It matters."
    lines = misaligned(chapter, Translation(**{**translation.__dict__, "blocks": english}), terms)
    where = "content/translation/aligned.yml: blocks.s1-p2"
    assert lines == [
        f'{where}: 产业集群是重点 is rendered by none of "the focus on clusters"'
    ]  # once, not twice
