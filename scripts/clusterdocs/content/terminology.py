"""The terminology (content/terminology.yml): the one English rendering of each Chinese term, firm, place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from clusterdocs.config import CONTENT
from clusterdocs.errors import SourceError
from clusterdocs.schema import entries, unique
from clusterdocs.yamlio import read_yaml

TERMINOLOGY = CONTENT / "terminology.yml"
KINDS = ("term", "policy", "firm", "place", "organisation")
FIELDS = ("zh", "variants_zh", "en", "forms", "kind", "required", "min", "avoid", "note")
SECTION_MIN = 2
"""How often a required term must occur in a section's Chinese before its English summary must carry it."""
_JOINERS = re.compile(r"[\s\-\u2010\u2011\u2013\u2014]+")
"""Spaces, hyphens and dashes between words: all match one another."""


def normalise_english(text: str) -> str:
    """`text` lower-cased, with every run of spaces, hyphens and dashes made one space."""
    return _JOINERS.sub(" ", text.lower())


def _phrase(text: str) -> re.Pattern[str]:
    """A pattern that finds `text` as whole words in normalised English."""
    return re.compile(r"(?<!\w)" + re.escape(normalise_english(text).strip()) + r"(?!\w)")


@dataclass(frozen=True)
class Rendering:
    """One entry: a Chinese term (and its other forms) and its accepted English."""

    zh: str
    en: str
    kind: str
    variants_zh: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    required: bool = False
    min: int = SECTION_MIN
    avoid: tuple[str, ...] = ()
    note: str | None = None

    @property
    def chinese(self) -> tuple[str, ...]:
        """Every Chinese form, longest first."""
        return tuple(sorted((self.zh, *self.variants_zh), key=len, reverse=True))

    @property
    def english(self) -> tuple[str, ...]:
        """Every accepted English form: the rendering first."""
        return (self.en, *self.forms)

    def count(self, chinese_text: str) -> int:
        """How often any Chinese form occurs in `chinese_text` (occurrences do not overlap)."""
        return len(re.findall("|".join(re.escape(f) for f in self.chinese), chinese_text))

    def used_in(self, english_text: str) -> bool:
        """Whether `english_text` uses an accepted English form."""
        text = normalise_english(english_text)
        return any(_phrase(f).search(text) for f in self.english)

    def avoided_in(self, english_text: str) -> list[str]:
        """The rejected renderings that `english_text` uses."""
        text = normalise_english(english_text)
        return [a for a in self.avoid if _phrase(a).search(text)]


def load_terminology(path: Path = TERMINOLOGY) -> list[Rendering]:
    """Every entry (at least one), validated: each Chinese form once, no accepted form also avoided."""
    name = f"content/{path.name}"
    out = []
    for r in entries(name, read_yaml(path, name), FIELDS):
        kind = r.text("kind", line=True).strip()
        if kind not in KINDS:
            raise SourceError(name, r.place("kind"), f"expected one of {', '.join(KINDS)}, got {kind!r}")
        entry = Rendering(
            zh=r.text("zh", line=True).strip(),
            en=r.text("en", line=True).strip(),
            kind=kind,
            variants_zh=tuple(v.strip() for v in r.texts("variants_zh")),
            forms=tuple(v.strip() for v in r.texts("forms")),
            required=r.flag("required", default=False),
            min=r.optional_integer("min", 1) or SECTION_MIN,
            avoid=tuple(v.strip() for v in r.texts("avoid")),
            note=(r.optional_text("note") or "").strip() or None,
        )
        for k, bad in enumerate(entry.avoid):
            if any(_phrase(bad).search(normalise_english(f)) for f in entry.english):
                raise SourceError(name, r.place(f"avoid[{k}]"), f"{bad!r} is part of an accepted form")
        out.append(entry)
    forms = [(f"[{i}].zh", t.zh) for i, t in enumerate(out)]
    forms += [(f"[{i}].variants_zh[{k}]", v) for i, t in enumerate(out) for k, v in enumerate(t.variants_zh)]
    unique(name, forms, "Chinese form")
    return out


def by_chinese(terms: list[Rendering]) -> dict[str, Rendering]:
    """Each Chinese form (the term and its variants) to its entry."""
    return {form: t for t in terms for form in t.chinese}
