"""Hand-written English and teaching apparatus per chapter (content/en/<slug>.yml), validated on load."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from clusterdocs.config import ROOT
from clusterdocs.errors import SourceError
from clusterdocs.yamlio import read_yaml

CONTENT = ROOT / "content"


@dataclass(frozen=True)
class Bilingual:
    """The same list in both languages, in the same order."""

    en: tuple[str, ...]
    zh: tuple[str, ...]


@dataclass(frozen=True)
class EnglishChapter:
    """Everything written by hand for one chapter's English page (and the teaching blocks of both pages)."""

    slug: str
    byline_en: str
    abstract_zh: str | None
    summary: str
    headings: dict[str, str]
    sections: dict[str, str]
    objectives: Bilingual
    questions: Bilingual
    key_terms: tuple[str, ...]


def _text(data: dict, key: str, name: str, required: bool = True) -> str | None:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise SourceError(name, key, "expected non-empty text")
    return value.strip()


def _mapping(data: dict, key: str, name: str) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise SourceError(name, key, "expected a mapping of section id to text")
    for k, v in value.items():
        if not isinstance(v, str) or not v.strip():
            raise SourceError(name, f"{key}.{k}", "expected non-empty text")
    return {str(k): v.strip() for k, v in value.items()}


def _bilingual(data: dict, key: str, name: str) -> Bilingual:
    value = data.get(key)
    if not isinstance(value, dict) or set(value) != {"en", "zh"}:
        raise SourceError(name, key, "expected `en` and `zh` lists")
    en, zh = value["en"], value["zh"]
    if not (isinstance(en, list) and isinstance(zh, list)) or len(en) != len(zh) or not 3 <= len(en) <= 5:
        raise SourceError(name, key, "expected 3 to 5 items in each language, the same number in both")
    return Bilingual(tuple(str(x).strip() for x in en), tuple(str(x).strip() for x in zh))


def load_english(slug: str, folder: Path = CONTENT / "en") -> EnglishChapter | None:
    """The chapter's hand-written English, or None if it has not been written yet."""
    path = folder / f"{slug}.yml"
    if not path.exists():
        return None
    name = f"content/en/{path.name}"
    data = read_yaml(path, name)
    if not isinstance(data, dict) or data.get("slug") != slug:
        raise SourceError(name, "slug", f"expected slug {slug!r}")
    terms = data.get("key_terms", [])
    if not isinstance(terms, list) or not all(isinstance(t, str) and t for t in terms):
        raise SourceError(name, "key_terms", "expected a list of Chinese terms")
    return EnglishChapter(
        slug=slug,
        byline_en=_text(data, "byline_en", name),
        abstract_zh=_text(data, "abstract_zh", name, required=False),
        summary=_text(data, "summary", name),
        headings=_mapping(data, "headings", name),
        sections=_mapping(data, "sections", name),
        objectives=_bilingual(data, "objectives", name),
        questions=_bilingual(data, "questions", name),
        key_terms=tuple(terms),
    )
