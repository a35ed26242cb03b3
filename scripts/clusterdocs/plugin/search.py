"""Search scoped to the reader's language: the merged index split into one index per language."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from clusterdocs.content.cases import Entry
from clusterdocs.content.glossary import Term
from clusterdocs.site import urls

ENGLISH = urls.LANG_ROOTS["en"]
TOKEN = re.compile("\u200b([^\u200b<>]{3,})(?=\u200b)")


def user_dictionary(terms: list[Term], entries: list[Entry], extra: list[str]) -> str:
    """jieba's user dictionary: every glossary form, case and cluster alias, and the extra words, one a line.

    Long compounds such as 集群招商 must be single words for jieba, or the index splits them and a search for
    the compound matches pages that only have its parts.
    """
    words = [f for t in terms for f in (t.zh, *t.variants_zh)]
    words += [a for e in entries for a in (e.name_zh, *e.aliases_zh)]
    words += [w.strip() for w in extra if w.strip()]
    return "".join(f"{w}\n" for w in sorted(set(words)))


def with_compound_parts(text: str, compounds: set[str]) -> str:
    """The indexed text with the parts of each dictionary compound added after it, hidden from the reader.

    jieba keeps 集群招商 as one word, and Lunr only matches the start of a word, so without this a search for
    招商 would miss every page that has only the compound.
    """
    import jieba

    def parts(match: re.Match[str]) -> str:
        word = match.group(1)
        if word not in compounds:
            return match.group(0)
        inner = [p for p in jieba.cut_for_search(word) if p != word and len(p) > 1]
        if not inner:
            return match.group(0)
        hidden = "".join(f"\u200b{p}" for p in inner)
        return f"\u200b{word}<span hidden>{hidden}</span>"

    return TOKEN.sub(parts, text)


def add_compound_parts(site: Path, compounds: set[str]) -> None:
    """Rewrite the Chinese search index so that the parts of compound terms are found too."""
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        doc["text"] = with_compound_parts(doc["text"], compounds)
    _write(path, index)


def split_search_index(site: Path) -> bool:
    """Split static-i18n's merged index into site/search (Chinese) and site/en/search (English).

    Returns False when there is nothing to split (no index, or already split).
    """
    merged = site / "search" / "search_index.json"
    if not merged.exists():
        return False
    index = json.loads(merged.read_text(encoding="utf-8"))
    english = [d for d in index["docs"] if d["location"].startswith(ENGLISH)]
    if not english:
        return False
    chinese = [d for d in index["docs"] if not d["location"].startswith(ENGLISH)]
    for d in english:
        d["location"] = d["location"][len(ENGLISH) :]
    target = site / "en" / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    _write(target, {**index, "docs": english})
    _write(merged, {**index, "docs": chinese})
    return True


def _write(path: Path, index: dict[str, Any]) -> None:
    """Write a search index as compact JSON."""
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
