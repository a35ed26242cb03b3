"""Search as a reader uses it: Chinese words inside sentences, English words and plurals, each in its language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from search_harness import search

pytestmark = pytest.mark.browser
SUITE = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


def test_the_suite_is_large_enough() -> None:
    assert len(SUITE["zh"]) >= 25 and len(SUITE["en"]) >= 15


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_query_finds_its_page_in_the_first_five(visit, lang: str) -> None:
    start = "/" if lang == "zh" else "/en/"
    misses = []
    for case in SUITE[lang]:
        pages = search(visit.page, visit.base, start, case["q"])
        if case["page"] not in pages[:5]:
            misses.append(f"{case['q']!r}: expected {case['page']}, got {pages[:5]}")
    assert misses == [], "\n".join(misses)
    assert visit.foreign == []


def test_results_stay_in_the_readers_language(visit) -> None:
    zh = search(visit.page, visit.base, "/", "产业集群")
    en = search(visit.page, visit.base, "/en/", "cluster")
    assert zh and all(not p.startswith("en/") for p in zh)
    assert en and all(p.startswith("en/") for p in en)
