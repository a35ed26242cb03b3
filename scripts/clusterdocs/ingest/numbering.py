"""Section numbers as Chinese texts print them (第一章 一、 （一） 1. 1.1 1) （1） ①), and list items."""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)}


def cn_number(numeral: str) -> int:
    """The value of a Chinese numeral from 一 to 九十九."""
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + _CN_DIGITS[numeral[1]]
    if numeral.endswith("十"):
        return _CN_DIGITS[numeral[0]] * 10
    if "十" in numeral:
        tens, ones = numeral.split("十")
        return _CN_DIGITS[tens] * 10 + _CN_DIGITS[ones]
    return _CN_DIGITS[numeral]


_PATTERNS = [
    ("chapter", re.compile(r"^(第([一二三四五六七八九十]+)章)")),
    ("paren-cn", re.compile(r"^([（(]([一二三四五六七八九十]+)[）)][.．、]?)")),
    ("cn", re.compile(r"^(([一二三四五六七八九十]+)[、．.])")),
    ("paren-digit", re.compile(r"^([（(](\d{1,2})[）)]|(\d{1,2})[)）])")),
    ("decimal", re.compile(r"^((\d{1,2}(?:\.\d{1,2}){0,3})(?:[.．、](?!\d)|(?=[\u4e00-\u9fff])))")),
    ("circled", re.compile(r"^(([\u2460-\u2473]))")),
]
MAX_HEADING = 40
"""A numbered piece whose title is longer than this is running text, not a heading."""

RANK = {
    "chapter": 0,
    "cn": 1,
    "paren-cn": 2,
    "decimal1": 3,
    "decimal2": 4,
    "decimal3": 5,
    "decimal4": 6,
    "paren-digit": 7,
    "circled": 8,
}
"""How the numbering styles nest, outermost first: 第一章 > 一、 > （一） > 1. > 1.1 > 1.1.1 > （1） > ①."""

ITEM_ENDS = "；;"
"""A numbered piece ending with one of these is a list item: no heading ends with a semicolon."""
SENTENCE_ENDS = "。！？!?"
"""A numbered piece ending a sentence is a list item when a sibling of the same style stands next to it."""


@dataclass(frozen=True)
class Numbered:
    """A piece that starts with a section number: its style, the number as printed, its token and title."""

    style: str
    number: str
    token: str
    title: str

    @property
    def rank(self) -> int:
        """How deep the style nests (0 outermost)."""
        return RANK[self.style]


def numbered(text: str) -> Numbered | None:
    """The number `text` starts with, if the text is short enough for a heading and has no inner full stop."""
    for style, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        title = text[m.end() :]
        if not title or len(title) > MAX_HEADING or "。" in title[:-1]:
            return None
        value = next(g for g in m.groups()[1:] if g is not None)
        kind = style
        if style in {"chapter", "paren-cn", "cn"}:
            token = str(cn_number(value))
        elif style == "circled":
            token = str(ord(value) - 0x2460 + 1)
        elif style == "decimal":
            token = value.split(".")[-1]
            kind = f"decimal{value.count('.') + 1}"
        else:
            token = value
        return Numbered(kind, m.group(1), token, title)
    return None


def list_items(texts: list[str | None]) -> set[int]:
    """Indices of numbered pieces that are list items, not headings (None stands for a table).

    An item ends with a semicolon, or ends a sentence next to a sibling of the same style with nothing between
    them (headings have text between them; the items of a list follow one another).
    """
    found = [numbered(t) if t is not None else None for t in texts]
    items = set()
    for i, (text, n) in enumerate(zip(texts, found, strict=True)):
        if n is None or text is None:
            continue
        if text[-1] in ITEM_ENDS:
            items.add(i)
        elif text[-1] in SENTENCE_ENDS:
            neighbours = [found[j] for j in (i - 1, i + 1) if 0 <= j < len(found)]
            if any(m is not None and m.style == n.style for m in neighbours):
                items.add(i)
    return items
