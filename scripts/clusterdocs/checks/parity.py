"""Parity between the languages: each chapter has its English, each section id and table is on both pages."""

from __future__ import annotations

from pathlib import Path

from clusterdocs.config import CONTENT
from clusterdocs.content.english import EnglishChapter, load_all_english
from clusterdocs.ingest.model import Chapter, Heading, Table

PAGE_SUFFIX = (("zh", ".md"), ("en", ".en.md"))
"""Each language and the suffix of its generated page."""


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


def report(chapters: list[Chapter], content: Path = CONTENT) -> list[str]:
    """Parity problems of every chapter (in the pages as published), English figures the Chinese lacks, and
    the terminology's problems (checks/terminology.py)."""
    from clusterdocs.checks import terminology
    from clusterdocs.checks.figures import untraceable
    from clusterdocs.generate import render_site

    english_of = load_all_english(chapters, content / "en")
    files = render_site(chapters, {}, content).files
    lines = []
    for c in chapters:
        english = english_of[c.slug]
        pages = {
            lang: files[f"chapters/{c.slug}/index{suffix}"].decode("utf-8") for lang, suffix in PAGE_SUFFIX
        }
        lines += problems(c, english, pages)
        if english is not None:
            lines += untraceable(c, english)
    return lines + terminology.report(chapters, content) + translation_report(chapters, content, drafts=False)


def translation_report(chapters: list[Chapter], content: Path = CONTENT, drafts: bool = True) -> list[str]:
    """Alignment problems of the translations: read-back ones always, drafts if asked."""
    from clusterdocs.checks.alignment import misaligned
    from clusterdocs.content.terminology import load_terminology
    from clusterdocs.content.translation import load_all_translations

    terms = load_terminology(content / "terminology.yml")
    translations = load_all_translations(chapters, content / "translation")
    lines = []
    for c in chapters:
        translation = translations[c.slug]
        if translation is not None and (drafts or translation.status != "draft"):
            lines += misaligned(c, translation, terms)
    return lines
