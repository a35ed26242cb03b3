"""The translation keeps step with the Chinese: every block, no stale ids, every figure, every term."""

from __future__ import annotations

import re

from clusterdocs.content.terminology import Rendering
from clusterdocs.content.translation import TranslatedTable, Translation
from clusterdocs.ingest.model import Block, Chapter, Heading, Table
from clusterdocs.numbers import MONTHS, conversions, numbers_in

KIND: dict[type, str] = {Heading: "heading", Table: "table"}


def figures_missing(chinese: str, english: str) -> list[str]:
    """The figures of `chinese` that `english` does not print, as sorted strings.

    A month (2月), a century (20世纪) or a decade (90年代) counts as printed when the English names it the
    English way: "February", "the 20th century" or "the 1990s".
    """
    missing = numbers_in(chinese) - numbers_in(english)
    for m in re.finditer(r"(?<!\d)(\d{1,2})月", chinese):
        if 1 <= int(m[1]) <= 12 and MONTHS[int(m[1]) - 1] in english:
            missing.discard(m[1])
    for m in re.finditer(r"(?<!\d)(\d{1,2})世纪", chinese):
        century = int(m[1])
        if re.search(rf"\b{century}(?:st|nd|rd|th)[ -]century|\b{century - 1}\d0s\b", english):
            missing.discard(m[1])
    for m in re.finditer(r"(?<!\d)(\d)0年代", chinese):
        if re.search(rf"\b(?:1[89]|20)?{m[1]}0s\b", english):
            missing.discard(f"{m[1]}0")
    return sorted(missing)


def _masked(chinese: str, term: Rendering) -> str:
    """`chinese` with every form of the term blanked out: a shorter term inside it is not counted again."""
    for form in term.chinese:
        chinese = chinese.replace(form, "□" * len(form))
    return chinese


def _chinese(block: Block) -> str:
    return block.text


def _english(entry: str | TranslatedTable) -> str:
    return entry.text if isinstance(entry, TranslatedTable) else entry


def misaligned(chapter: Chapter, translation: Translation, terms: list[Rendering]) -> list[str]:
    """One line per problem: a block without English, a stale id, a figure or term lost, a bad conversion."""
    where = f"content/translation/{chapter.slug}.yml"
    blocks = {b.id: b for b in chapter.blocks}
    found = [
        f"{where}: blocks.{key}: no block {key!r} in the chapter (stale id)"
        for key in translation.blocks
        if key not in blocks
    ]
    for block in chapter.blocks:
        entry = translation.blocks.get(block.id)
        kind = (
            "heading" if isinstance(block, Heading) else "table" if isinstance(block, Table) else "paragraph"
        )
        if entry is None:
            found.append(f"{where}: blocks.{block.id}: the {kind} has no English")
            continue
        if isinstance(block, Table) != isinstance(entry, TranslatedTable):
            found.append(
                f"{where}: blocks.{block.id}: a {kind} needs {'a table' if kind == 'table' else 'text'}"
            )
            continue
        english = _english(entry)
        errors, _ = conversions(english)
        found += [f"{where}: blocks.{block.id}: conversion {e}" for e in errors]
        for n in figures_missing(_chinese(block), english):
            found.append(f"{where}: blocks.{block.id}: the figure {n} is missing from the English")
        chinese = _chinese(block)
        for t in sorted(terms, key=lambda t: -len(t.chinese[0])):  # 本地配套率 before the 配套 inside it
            if not t.count(chinese):
                continue
            if not t.used_in(english):
                accepted = ", ".join(f'"{f}"' for f in t.english)
                found.append(f"{where}: blocks.{block.id}: {t.zh} is rendered by none of {accepted}")
            chinese = _masked(chinese, t)
        for t in terms:
            for rejected in t.avoided_in(english):
                found.append(f"{where}: blocks.{block.id}: {rejected!r} is a rejected rendering of {t.zh}")
    return found
