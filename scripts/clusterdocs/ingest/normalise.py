"""Character-level normalisation of extracted Chinese text: pure functions, each returning (text, changes)."""

from __future__ import annotations

import re
from collections import Counter

WIDE = (
    "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\u2014\u2015\u2018\u2019\u201c\u201d\u2026\u2030\u2192\u25a1\u2022"
    "\u2460-\u24ff"
)
"""Characters of Chinese typesetting: ideographs, CJK and full-width punctuation, Chinese quotes."""

IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

_FULLWIDTH_ALNUM = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
}
_FULLWIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULLWIDTH_NUMERIC_PUNCT = re.compile("(?<=\\d)(?:．(?=\\d)|[ \t\u3000]*％)")


def fold_fullwidth(text: str) -> tuple[str, int]:
    """Full-width digits and Latin letters to ASCII, and `．` `％` after a digit; other punctuation stays."""
    count = len(_FULLWIDTH_RE.findall(text))
    text = _FULLWIDTH_RE.sub(lambda m: _FULLWIDTH_ALNUM[m.group()], text)

    text, n = _FULLWIDTH_NUMERIC_PUNCT.subn(lambda m: "." if m.group() == "．" else "%", text)
    return text, count + n


# `68 .13` (space before the point) is always a split decimal; `9. 3` only when few digits follow,
# because `表 1. 2000 年` is a numbered caption followed by a year.
_SPLIT_DECIMAL = re.compile(r"(?<=\d)[ \t\u3000]+\.[ \t\u3000]*(?=\d)|(?<=\d)\.[ \t\u3000]+(?=\d{1,3}(?!\d))")
_SPACE_BEFORE_PERCENT = re.compile(r"(?<=\d)[ \t\u3000]+(?=[%‰])")
_DIGIT_GAP = re.compile(r"(?<![A-Za-z\d])(\d+)[ \t\u3000]+(\d+)(?![A-Za-z\d])")


def join_split_numbers(text: str, stray_spaces: bool = False) -> tuple[str, int]:
    """Join numbers that stray spaces split: `68 .13` -> `68.13`, `70 %` -> `70%`, `1 000` -> `1000`.

    Digits on both sides of a space are joined only as a thousands group (`1 000`), unless the source is
    declared to have stray spaces from line wraps (then `1 00` -> `100` too); two four-digit numbers
    (`2000 2010`) always stay apart.
    """
    count = 0

    def decimal(match: re.Match[str]) -> str:
        nonlocal count
        if match.group() != ".":
            count += 1
        return "."

    text = _SPLIT_DECIMAL.sub(decimal, text)
    text, n = _SPACE_BEFORE_PERCENT.subn("", text)
    count += n

    def digits(match: re.Match[str]) -> str:
        nonlocal count
        left, right = match.group(1), match.group(2)
        thousands = len(right) == 3 and len(left) <= 3
        separate = len(left) >= 4 and len(right) >= 4
        if separate or not (thousands or stray_spaces):
            return match.group()
        count += 1
        return left + right

    previous = None
    while previous != text:
        previous = text
        text = _DIGIT_GAP.sub(digits, text)
    return text, count


_CITATION = re.compile(r"\[\s+(\d+)\s*\]|\[(\d+)\s+\]")


def tidy_citations(text: str) -> tuple[str, int]:
    """Citation markers without inner spaces: `[ 1]` -> `[1]`."""
    return _CITATION.subn(lambda m: f"[{m.group(1) or m.group(2)}]", text)


_SPACE_NEXT_TO_WIDE = re.compile(rf"[ \t\u3000]+(?=[{WIDE}])|(?<=[{WIDE}])[ \t\u3000]+")


def remove_stray_spaces(text: str) -> tuple[str, int]:
    """Drop spaces that touch Chinese text (extraction artefacts); keep spaces between Latin words."""
    text = text.strip(" \t\u3000")
    return _SPACE_NEXT_TO_WIDE.subn("", text)


_ASCII_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PUNCT_BEFORE_CHINESE = re.compile(rf"[,;:?!](?=[ \t]*[{IDEOGRAPH}“《（])")
_PUNCT_BETWEEN_IDEOGRAPH_AND_DIGIT = re.compile(rf"(?<=[{IDEOGRAPH}])[,;](?=[ \t]*\d)")
_PERIOD_BETWEEN_IDEOGRAPHS = re.compile(rf"(?<=[{IDEOGRAPH}])\.(?=[{IDEOGRAPH}])")


def widen_punctuation(text: str) -> tuple[str, int]:
    """Widen ASCII `, ; : ? !` before Chinese, `, ;` between Chinese and a digit, `.` between ideographs."""
    text, n = _PUNCT_BEFORE_CHINESE.subn(lambda m: _ASCII_PUNCT[m.group()], text)
    text, k = _PUNCT_BETWEEN_IDEOGRAPH_AND_DIGIT.subn(lambda m: _ASCII_PUNCT[m.group()], text)
    text, m = _PERIOD_BETWEEN_IDEOGRAPHS.subn("。", text)
    return text, n + k + m


def join_lines(left: str, right: str) -> str:
    """Join two wrapped lines of a paragraph: no space inside Chinese text, one space between Latin words."""
    left, right = left.rstrip(" \t\u3000"), right.lstrip(" \t\u3000")
    if not left or not right:
        return left + right
    if re.match(rf"[{WIDE}]", left[-1]) or re.match(rf"[{WIDE}]", right[0]):
        return left + right
    return f"{left} {right}"


def normalise(text: str, stray_spaces: bool, stats: Counter[str]) -> str:
    """Apply every character-level rule to one piece of text, counting changes."""
    text, n = fold_fullwidth(text)
    stats["fullwidth"] += n
    text, n = join_split_numbers(text, stray_spaces)
    stats["numbers"] += n
    text, n = tidy_citations(text)
    stats["citations"] += n
    text, n = widen_punctuation(text)
    stats["punctuation"] += n
    text, n = remove_stray_spaces(text)
    stats["spaces"] += n
    return text
