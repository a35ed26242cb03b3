"""Case studies in the built site: every mention linked from the chapter, every quoted passage real, ids checked."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from clusterdocs.bench import copy_project
from clusterdocs.ingest.corpus import manifests

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((ROOT / "content" / "cases.yml").read_text(encoding="utf-8"))
SLUGS = [c.slug for m in manifests() for c in m.chapters]
HEADING = re.compile(r'<h[1-6] id="([^"]+)"')
BLOCK = re.compile(r'<(p|h[2-6]|div) id="([^"]+)"[^>]*>(.*?)</\1>', re.S)


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment, without the ¶ permalink and heading anchors."""
    fragment = re.sub(r'<a class="(?:para-link|headerlink)"[^>]*>.*?</a>', "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def _names(text: str, case: dict) -> bool:
    for phrase in case.get("exclude_zh") or []:
        text = text.replace(phrase, "□" * len(phrase))
    return any(alias in text for alias in case["aliases_zh"])


def _sections(page: str) -> list[str]:
    """The page cut at every heading that has an id (the innermost section each piece belongs to)."""
    cuts = [m.start() for m in HEADING.finditer(page)]
    return [page[a:b] for a, b in zip([0, *cuts], [*cuts, len(page)])]


def _mentioning_blocks(page: str, case: dict) -> dict[str, str]:
    return {bid: _text(body) for _, bid, body in BLOCK.findall(page) if _names(_text(body), case)}


def test_the_registry_has_the_four_cases_and_the_chapters_are_known() -> None:
    assert len(SLUGS) == 9
    assert [c["id"] for c in CASES] == [
        "silicon-valley",
        "suzhou-industrial-park",
        "datang-socks",
        "xiqiao-textiles",
    ]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_section_that_names_the_case_links_to_it(site: Path, case: dict, lang: str) -> None:
    sections_with_mentions = 0
    unlinked = []
    for slug in SLUGS:
        page = (site / ("" if lang == "zh" else "en") / "chapters" / slug / "index.html").read_text(
            encoding="utf-8"
        )
        for piece in _sections(page):
            if not _mentioning_blocks(piece, case):
                continue
            sections_with_mentions += 1
            if not re.search(rf'class="case-link" href="[./]*(?:en/)?cases/{case["id"]}/"', piece):
                unlinked.append(f"{slug}: {HEADING.search(piece)[1] if HEADING.search(piece) else 'intro'}")
    assert sections_with_mentions > 0, f"no chapter names {case['id']}"
    assert unlinked == []


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_case_page_quotes_every_mention_and_nothing_else(site: Path, case: dict, lang: str) -> None:
    page = (site / ("" if lang == "zh" else "en") / "cases" / case["id"] / "index.html").read_text(
        encoding="utf-8"
    )
    listed = re.findall(
        r'<p class="mention" lang="zh">(.*?)<a href="[./]*chapters/([^/]+)/#([^"]+)"', page, re.S
    )
    expected = {}
    for slug in SLUGS:
        chapter = (site / "chapters" / slug / "index.html").read_text(encoding="utf-8")
        expected |= {(slug, bid): text for bid, text in _mentioning_blocks(chapter, case).items()}
    for quote, slug, bid in listed:
        assert _names(_text(quote), case), f"{case['id']} quotes {slug}#{bid} without naming the case"
        assert (slug, bid) in expected, f"{case['id']} lists {slug}#{bid}, which does not name the case"
    assert {(slug, bid) for _, slug, bid in listed} == set(expected)


def test_the_home_page_lists_every_case_in_both_languages(site: Path) -> None:
    for home in (site / "index.html", site / "en" / "index.html"):
        text = home.read_text(encoding="utf-8")
        for case in CASES:
            assert f'href="cases/{case["id"]}/"' in text, (home, case["id"])


def test_an_unknown_case_id_in_a_page_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "reading.md").write_text(
        "# 阅读\n\n见 <!-- md:case no-such-case -->。\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    assert "reading.md: unknown case 'no-such-case'" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
