"""Glossary links in running text: a term's first use in each section links to its entry and carries the
entry's fields (site.js shows them in place); Han runs inside English text are marked as Chinese."""

from __future__ import annotations

import re

from clusterdocs.content.glossary import Term
from clusterdocs.escape import html_text, ident

HAN_RUN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]*"
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60]*"
)
"""A run of Chinese characters (with the full-width punctuation inside or around it) in English text."""


def english_html(text: str) -> str:
    """Escaped HTML of English text, each Han run in a `<span lang="zh-Hans">` (voiced as Chinese)."""
    out, last = [], 0
    for m in HAN_RUN.finditer(text):
        out.append(html_text(text[last : m.start()]))
        out.append(f'<span lang="zh-Hans">{html_text(m.group())}</span>')
        last = m.end()
    out.append(html_text(text[last:]))
    return "".join(out)


def term_attributes(term: Term, lang: str) -> str:
    """The data attributes a term link carries for the definition shown in place (escaped, never markup)."""
    fields = {
        "zh": term.zh,
        "pinyin": term.pinyin,
        "en": term.en,
        "def": term.def_zh if lang == "zh" else term.def_en,
    }
    return " ".join(f'data-term-{name}="{html_text(value)}"' for name, value in fields.items())


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
        self.pattern: re.Pattern[str] | None = None
        if forms:
            pattern = "|".join(re.escape(f) for f, _ in forms)
            if lang != "zh":
                pattern = rf"\b(?:{pattern})(?:s|es)?\b"
            self.pattern = re.compile(pattern, 0 if lang == "zh" else re.IGNORECASE)
        self.by_form = {f.lower(): t for f, t in forms}
        self.used: set[str] = set()

    def new_section(self) -> None:
        """Start a section: every term links again at its next use."""
        self.used = set()

    def _term(self, matched: str) -> Term | None:
        key = matched.lower()
        for candidate in (key, key[:-2], key[:-1]):
            if candidate in self.by_form:
                return self.by_form[candidate]
        return None

    def mark(self, text: str) -> str:
        """Escaped HTML of `text` with first uses linked (in English text, Han runs marked as Chinese)."""
        plain = english_html if self.lang == "en" else html_text
        if self.pattern is None:
            return plain(text)
        out, last = [], 0
        for m in self.pattern.finditer(text):
            term = self._term(m.group())
            if term is None or term.id in self.used:
                continue
            self.used.add(term.id)
            out.append(plain(text[last : m.start()]))
            href = html_text(f"{self.href}#{ident(term.id)}")
            data = term_attributes(term, self.lang)
            out.append(f'<a class="term" href="{href}" {data}>{plain(m.group())}</a>')
            last = m.end()
        out.append(plain(text[last:]))
        return "".join(out)
