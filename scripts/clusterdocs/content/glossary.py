"""The bilingual glossary (content/glossary.yml) and the marking of first uses in running text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from clusterdocs.config import ROOT
from clusterdocs.errors import SourceError
from clusterdocs.escape import html_text
from clusterdocs.yamlio import read_yaml

GLOSSARY = ROOT / "content" / "glossary.yml"
FIELDS = ("id", "zh", "pinyin", "en", "def_zh", "def_en")


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

    def tooltip(self, lang: str) -> str:
        if lang == "zh":
            return f"{self.zh}（{self.pinyin}）{self.en}：{self.def_zh}"
        return f"{self.en} — {self.zh} ({self.pinyin}): {self.def_en}"


def load_glossary(path: Path = GLOSSARY) -> list[Term]:
    """Every term, validated: all fields present, ids and Chinese forms unique."""
    name = f"content/{path.name}"
    if not path.exists():
        return []
    items = read_yaml(path, name)
    terms, ids, forms = [], set(), set()
    for i, item in enumerate(items or []):
        for key in FIELDS:
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise SourceError(name, f"[{i}].{key}", "expected non-empty text")
        if item["id"] in ids:
            raise SourceError(name, f"[{i}].id", f"id {item['id']!r} used twice")
        variants = tuple(item.get("variants_zh") or ())
        for form in (item["zh"], *variants):
            if form in forms:
                raise SourceError(name, f"[{i}].zh", f"{form!r} belongs to two terms")
            forms.add(form)
        ids.add(item["id"])
        terms.append(Term(*(item[k].strip() for k in FIELDS), variants_zh=variants))
    return terms


class Marker:
    """Links the first use of each term in a section to its glossary entry, leaving the text unchanged."""

    def __init__(self, terms: list[Term], lang: str, href: str) -> None:
        self.lang = lang
        self.href = href
        forms = []
        for t in terms:
            if lang == "zh":
                forms += [(f, t) for f in (t.zh, *t.variants_zh)]
            else:
                forms.append((t.en, t))
        forms.sort(key=lambda ft: len(ft[0]), reverse=True)
        self.forms = forms
        flags = 0 if lang == "zh" else re.IGNORECASE
        if forms:
            pattern = "|".join(re.escape(f) for f, _ in forms)
            if lang != "zh":
                pattern = rf"\b(?:{pattern})(?:s|es)?\b"
            self.pattern = re.compile(pattern, flags)
        else:
            self.pattern = None
        self.by_form = {f.lower(): t for f, t in forms}
        self.used: set[str] = set()

    def new_section(self) -> None:
        self.used = set()

    def _term(self, matched: str) -> Term | None:
        key = matched.lower()
        for candidate in (key, key[:-2], key[:-1]):
            if candidate in self.by_form:
                return self.by_form[candidate]
        return None

    def mark(self, text: str) -> str:
        """Escaped HTML of `text` with first uses linked."""
        if self.pattern is None:
            return html_text(text)
        out, last = [], 0
        for m in self.pattern.finditer(text):
            term = self._term(m.group())
            if term is None or term.id in self.used:
                continue
            self.used.add(term.id)
            out.append(html_text(text[last : m.start()]))
            out.append(
                f'<a class="term" href="{self.href}#{term.id}" title="{html_text(term.tooltip(self.lang))}">'
                f"{html_text(m.group())}</a>"
            )
            last = m.end()
        out.append(html_text(text[last:]))
        return "".join(out)


def uses(terms: list[Term], chapters) -> dict[str, list]:
    """For each term, the chapters whose text uses it."""
    found = {}
    for t in terms:
        found[t.id] = [c for c in chapters if any(f in "".join(c.texts()) for f in (t.zh, *t.variants_zh))]
    return found
