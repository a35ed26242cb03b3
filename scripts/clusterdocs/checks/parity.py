"""Parity between the languages: each chapter has its English, each section id and table is on both pages."""

from __future__ import annotations

from clusterdocs.content.english import EnglishChapter, load_english
from clusterdocs.ingest.model import Chapter, Heading, Table


def section_ids(chapter: Chapter) -> list[str]:
    """The chapter's section ids in reading order."""
    return [b.id for b in chapter.blocks if isinstance(b, Heading)]


def problems(
    chapter: Chapter, english: EnglishChapter | None, pages: dict[str, str] | None = None
) -> list[str]:
    """What is missing or extra for this chapter, one line each; empty when the two languages match."""
    if english is None:
        return [f"{chapter.slug}: no English page content (content/en/{chapter.slug}.yml)"]
    found = []
    ids = section_ids(chapter)
    for key, mapping in (("headings", english.headings), ("sections", english.sections)):
        missing = [i for i in ids if i not in mapping]
        extra = [i for i in mapping if i not in ids]
        if missing:
            found.append(f"{chapter.slug}: {key} lack section ids {', '.join(missing)}")
        if extra:
            found.append(f"{chapter.slug}: {key} name ids the chapter does not have: {', '.join(extra)}")
    if not chapter.abstract and not english.abstract_zh:
        found.append(f"{chapter.slug}: no Chinese abstract (the source has none; write abstract_zh)")
    if pages:
        anchors = ids + [b.id for b in chapter.blocks if isinstance(b, Table)]
        anchors += ["summary", "objectives", "key-terms", "questions", "cite", "about-this-text"]
        for lang, text in pages.items():
            absent = [a for a in anchors if f'id="{a}"' not in text and f"#{a} " not in text]
            if absent:
                found.append(f"{chapter.slug}: the {lang} page lacks {', '.join(absent)}")
    return found


def report(chapters: list[Chapter]) -> list[str]:
    """Parity problems of every chapter, and figures in the English that the Chinese section lacks."""
    from clusterdocs.checks.figures import untraceable
    from clusterdocs.config import site_url
    from clusterdocs.site.chapter import chapter_en, chapter_zh

    lines = []
    for c in chapters:
        english = load_english(c.slug)
        pages = {"zh": chapter_zh(c, english, site_url()), "en": chapter_en(c, english, site_url())}
        lines += problems(c, english, pages)
        if english is not None:
            lines += untraceable(c, english)
    return lines
