"""Tracing every figure in the English summaries back to the Chinese section it summarises."""

from __future__ import annotations

from clusterdocs.content.english import EnglishChapter
from clusterdocs.ingest.model import Chapter, Heading, sections
from clusterdocs.numbers import conversions, numbers_in


def _section_texts(chapter: Chapter) -> dict[str, str]:
    """Each section's Chinese text including its subsections."""
    texts: dict[str, str] = {}
    stack: list[Heading] = []
    for heading, blocks in sections(chapter):
        body = "".join(b.text for b in blocks)
        if heading is None:
            continue
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
        for h in stack:
            texts[h.id] = texts.get(h.id, "") + heading.text + body
    return texts


def untraceable(chapter: Chapter, english: EnglishChapter) -> list[str]:
    """Figures in the English that the Chinese section does not print, and wrong conversions."""
    found = []
    whole = "".join(chapter.texts())
    targets = [("summary", english.summary, whole)]
    section_text = _section_texts(chapter)
    targets += [(sid, text, section_text.get(sid, "")) for sid, text in english.sections.items()]
    for place, text, chinese in targets:
        errors, covered = conversions(text)
        found += [f"{chapter.slug} {place}: {e}" for e in errors]
        printed = numbers_in(chinese)
        for n in sorted(numbers_in(text) - covered - printed):
            found.append(f"{chapter.slug} {place}: {n} is not printed in the Chinese section")
    return found
