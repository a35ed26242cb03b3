"""The English uses the terminology: required terms in the summaries, rejected renderings nowhere."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from clusterdocs.config import CONTENT
from clusterdocs.content.english import EnglishChapter
from clusterdocs.content.glossary import Term
from clusterdocs.content.terminology import Rendering, by_chinese
from clusterdocs.ingest.model import Chapter, sections

CHAPTER_MIN = 5
"""How often a required term must occur in a chapter's body before the whole-piece summary must carry it."""


def _accepted(term: Rendering) -> str:
    return ", ".join(f'"{f}"' for f in term.english)


def untranslated(chapter: Chapter, english: EnglishChapter, terms: list[Rendering]) -> list[str]:
    """Each required term used often in a section (or chapter) whose English summary lacks all its forms."""
    required = [t for t in terms if t.required]
    found = []
    for heading, blocks in sections(chapter):
        if heading is None:
            continue
        chinese = heading.title + "".join(b.text for b in blocks)
        summary = english.headings.get(heading.id, "") + "\n" + english.sections.get(heading.id, "")
        for t in required:
            n = t.count(chinese)
            if n >= t.min and not t.used_in(summary):
                found.append(
                    f"{chapter.slug} {heading.id}: {t.zh} occurs {n}× but sections.{heading.id} "
                    f"uses none of {_accepted(t)}"
                )
    body = "".join(b.text for b in chapter.blocks)
    for t in required:
        n = t.count(body)
        if n >= CHAPTER_MIN and not t.used_in(english.summary):
            found.append(f"{chapter.slug}: {t.zh} occurs {n}× but the summary uses none of {_accepted(t)}")
    return found


_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')


def rejected(
    place: str, texts: Iterable[tuple[str, str]], terms: list[Rendering], quoted_ok: bool = False
) -> list[str]:
    """Each rejected rendering used in `texts` ((key, English text) pairs of the file `place`).

    With `quoted_ok` a rendering in double quotes is mentioned, not used (a glossary naming an alternative).
    """
    found = []
    for key, text in texts:
        used = _QUOTED.sub(" ", text) if quoted_ok else text
        for t in terms:
            for bad in t.avoided_in(used):
                found.append(f'{place} {key}: "{bad}" for {t.zh}; write "{t.en}"')
    return found


def english_texts(english: EnglishChapter) -> list[tuple[str, str]]:
    """Every English text of a chapter file, with its key."""
    texts = [("byline_en", english.byline_en), ("summary", english.summary)]
    texts += [(f"headings.{k}", v) for k, v in english.headings.items()]
    texts += [(f"sections.{k}", v) for k, v in english.sections.items()]
    texts += [(f"objectives.en[{i}]", v) for i, v in enumerate(english.objectives.en)]
    texts += [(f"questions.en[{i}]", v) for i, v in enumerate(english.questions.en)]
    if english.context is not None:
        texts.append(("context.en", english.context.en))
    return texts


def glossary_mismatches(glossary: list[Term], terms: list[Rendering]) -> list[str]:
    """Each glossary entry without a terminology entry of the same Chinese, or with another English."""
    index = by_chinese(terms)
    found = []
    for g in glossary:
        t = index.get(g.zh)
        if t is None:
            found.append(f"content/glossary.yml {g.id}: {g.zh} is not in content/terminology.yml")
        elif g.en != t.en:
            found.append(f'content/glossary.yml {g.id}: "{g.en}" for {g.zh}; the terminology has "{t.en}"')
    return found


def report(chapters: list[Chapter], content: Path = CONTENT) -> list[str]:
    """Every terminology problem of the chapters' English, the glossary and the registries, one line each."""
    from clusterdocs.content.cases import english_texts as registry_texts
    from clusterdocs.content.english import load_all_english
    from clusterdocs.content.glossary import load_glossary
    from clusterdocs.content.terminology import load_terminology

    terms = load_terminology(content / "terminology.yml")
    glossary = load_glossary(content / "glossary.yml")
    lines = []
    for slug, english in load_all_english(chapters, content / "en").items():
        if english is None:
            continue
        chapter = next(c for c in chapters if c.slug == slug)
        lines += untranslated(chapter, english, terms)
        lines += rejected(f"content/en/{slug}.yml", english_texts(english), terms)
    glossary_texts = [(f"{g.id}.{k}", v) for g in glossary for k, v in (("en", g.en), ("def_en", g.def_en))]
    lines += rejected("content/glossary.yml", glossary_texts, terms, quoted_ok=True)
    for place, texts in registry_texts(content):
        lines += rejected(place, texts, terms)
    lines += glossary_mismatches(glossary, terms)
    return lines
