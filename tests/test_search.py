"""Search as a reader uses it: Chinese words inside sentences, English words and plurals, per language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from search_harness import search

SUITE = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


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


def test_glossary_terms_and_case_names_are_whole_words_in_the_chinese_index(site: Path) -> None:
    """jieba's user dictionary is loaded: a compound such as 集群招商 is one indexed word, not 集群 + 招商."""
    root = Path(__file__).resolve().parents[1]
    terms = [t["zh"] for t in yaml.safe_load((root / "content" / "glossary.yml").read_text(encoding="utf-8"))]
    cases = yaml.safe_load((root / "content" / "cases.yml").read_text(encoding="utf-8"))
    words = [w for w in terms + [a for c in cases for a in c["aliases_zh"]] if len(w) >= 3]
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = "\u200b".join(d["title"] + "\u200b" + d["text"] for d in docs)
    boundary = r"[\s\u200b，。、；：（）“”<>]"
    split = [
        w
        for w in words
        if w in text.replace("\u200b", "")
        and not re.search(rf"(?:^|{boundary}){re.escape(w)}(?:$|{boundary})", text)
    ]
    assert len(words) >= 30
    assert split == []
