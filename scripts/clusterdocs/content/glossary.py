"""The bilingual glossary (content/glossary.yml) and the marking of first uses in running text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from clusterdocs.config import CONTENT
from clusterdocs.content.references import Reference, reference
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Chapter
from clusterdocs.schema import entries, unique
from clusterdocs.yamlio import read_text, read_yaml

GLOSSARY = CONTENT / "glossary.yml"
EXTRA_TERMS = CONTENT / "search" / "extra-terms.txt"
FIELDS = ("id", "zh", "pinyin", "en", "def_zh", "def_en")
_EXTRA_TERM = re.compile(r"[^\s<>&]+(?: [0-9]+(?: [A-Za-z]+)?)?")
"""A line of jieba's user dictionary: a word, optionally its frequency, then optionally its part of speech."""


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    id: str
    zh: str
    pinyin: str
    en: str
    def_zh: str
    def_en: str
    variants_zh: tuple[str, ...] = ()
    reference: Reference | None = None
    """A public page for what the definition says beyond the sources (dates, thresholds)."""


def load_glossary(path: Path = GLOSSARY) -> list[Term]:
    """Every term (at least one), validated: ids, Chinese forms and English names unique."""
    name = f"content/{path.name}"
    terms = []
    for r in entries(name, read_yaml(path, name), (*FIELDS, "variants_zh", "reference")):
        terms.append(
            Term(
                id=r.ident("id"),
                zh=r.text("zh", line=True).strip(),
                pinyin=r.text("pinyin", line=True).strip(),
                en=r.text("en", line=True).strip(),
                def_zh=r.text("def_zh").strip(),
                def_en=r.text("def_en").strip(),
                variants_zh=tuple(v.strip() for v in r.texts("variants_zh")),
                reference=reference(r),
            )
        )
    unique(name, ((f"[{i}].id", t.id) for i, t in enumerate(terms)))
    unique(name, ((f"[{i}].en", t.en.lower()) for i, t in enumerate(terms)), "English name")
    forms = [(f"[{i}].zh", t.zh) for i, t in enumerate(terms)]
    forms += [
        (f"[{i}].variants_zh[{k}]", v) for i, t in enumerate(terms) for k, v in enumerate(t.variants_zh)
    ]
    unique(name, forms, "Chinese form")
    return terms


def load_extra_terms(path: Path = EXTRA_TERMS) -> list[str]:
    """The extra words for the search dictionary (one a line, as jieba reads them; blank lines skipped)."""
    name = f"content/search/{path.name}"
    words = []
    for n, line in enumerate(read_text(path, name).split("\n"), start=1):
        word = line.strip()
        if word and not _EXTRA_TERM.fullmatch(word):
            raise SourceError(name, f"line {n}", f"expected a word, optionally a count and a tag: {word!r}")
        if word:
            words.append(word)
    return words


def uses(terms: list[Term], chapters: list[Chapter]) -> dict[str, list[Chapter]]:
    """For each term, the chapters whose text uses it."""
    found = {}
    for t in terms:
        found[t.id] = [c for c in chapters if any(f in "".join(c.texts()) for f in (t.zh, *t.variants_zh))]
    return found
