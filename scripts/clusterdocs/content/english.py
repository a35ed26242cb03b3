"""Hand-written English and teaching apparatus per chapter (content/en/<slug>.yml), validated on load."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from clusterdocs.config import CONTENT
from clusterdocs.content.perchapter import read_chapter_file, refuse_orphans
from clusterdocs.content.references import Reference, check_url
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Chapter, Heading
from clusterdocs.schema import Reader

ENGLISH = CONTENT / "en"
KEYS = (
    "slug",
    "byline_en",
    "abstract_zh",
    "summary",
    "headings",
    "sections",
    "objectives",
    "questions",
    "key_terms",
    "context",
)
TEACHING_ITEMS = (3, 5)
"""How many learning objectives and discussion questions a chapter has, in each language."""


@dataclass(frozen=True)
class Bilingual:
    """The same list in both languages, in the same order."""

    en: tuple[str, ...]
    zh: tuple[str, ...]


@dataclass(frozen=True)
class Context:
    """The editors' policy context for a chapter, in both languages: date, genre, issuer, policy terms."""

    date: tuple[str, str]
    """The text's likely date, (zh, en): one line each, the evidence in the text."""
    genre: tuple[str, str]
    """What kind of text it is and who issued it, (zh, en)."""
    en: str
    zh: str
    references: tuple[Reference, ...]
    """Public pages for every fact from outside the sources."""


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
    context: Context | None = None


def _context(r: Reader) -> Context | None:
    """The optional `context: {date: {zh, en}, genre: {zh, en}, en, zh, references: [{title, url}]}`."""
    sub = r.optional_sub("context", ("date", "genre", "en", "zh", "references"))
    if sub is None:
        return None
    references = []
    for item in sub.items("references", ("title", "url")):
        url = check_url(item.text("url", line=True).strip(), r.name, item.place("url"))
        references.append(Reference(item.text("title", line=True).strip(), url))
    date, genre = sub.pair("date", line=True), sub.pair("genre", line=True)
    return Context(
        date=(date[0].strip(), date[1].strip()),
        genre=(genre[0].strip(), genre[1].strip()),
        en=sub.text("en").strip(),
        zh=sub.text("zh").strip(),
        references=tuple(references),
    )


def _bilingual(r: Reader, key: str) -> Bilingual:
    both = r.sub(key, ("en", "zh"))
    en, zh = both.texts("en", required=True), both.texts("zh", required=True)
    low, high = TEACHING_ITEMS
    if len(en) != len(zh) or not low <= len(en) <= high:
        raise SourceError(
            r.name, r.place(key), f"expected {low} to {high} items in each language, the same number in both"
        )
    return Bilingual(en, zh)


def load_english(
    slug: str, folder: Path = ENGLISH, section_ids: Iterable[str] | None = None
) -> EnglishChapter | None:
    """The chapter's hand-written English, or None if it has not been written yet.

    With `section_ids` (the chapter's), `headings` and `sections` may name only those ids.
    """
    r = read_chapter_file(folder, slug, "content/en", KEYS)
    if r is None:
        return None
    name = r.name
    headings = r.text_map("headings", line=True, id_keys=True)
    sections = r.text_map("sections", id_keys=True)
    if section_ids is not None:
        known = set(section_ids)
        for key, mapping in (("headings", headings), ("sections", sections)):
            for section in mapping:
                if section not in known:
                    raise SourceError(name, f"{key}.{section}", f"chapter {slug} has no section {section!r}")
    return EnglishChapter(
        slug=slug,
        byline_en=r.text("byline_en", line=True).strip(),
        abstract_zh=(r.optional_text("abstract_zh") or "").strip() or None,
        summary=r.text("summary").strip(),
        headings={k: v.strip() for k, v in headings.items()},
        sections={k: v.strip() for k, v in sections.items()},
        objectives=_bilingual(r, "objectives"),
        questions=_bilingual(r, "questions"),
        key_terms=r.texts("key_terms"),
        context=_context(r),
    )


def load_all_english(chapters: list[Chapter], folder: Path = ENGLISH) -> dict[str, EnglishChapter | None]:
    """Each chapter's English (None where not yet written), ids checked; a file needs its chapter."""
    refuse_orphans(folder, {c.slug for c in chapters}, "content/en")
    return {
        c.slug: load_english(c.slug, folder, [b.id for b in c.blocks if isinstance(b, Heading)])
        for c in chapters
    }
