"""Paragraph ends in hard-wrapped text without trailing spaces (layout `measured`): the text's measure,
closing punctuation and indentation."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from clusterdocs.ingest.numbering import numbered

CLOSING = "。！？；：…」』”\u2019）)》.!?;:"
"""Characters a paragraph's last line ends with (a closing quote or bracket after the full stop too)."""
CONTINUING = "，,、（(“\u2018《—\u2013-"
"""A line ending with one of these always goes on: a sentence is not over."""
_REFERENCE = re.compile(r"\s*\[\d{1,3}\]")
"""The start of a reference-list entry, `[12]`."""
FRONT_LABEL = re.compile(
    r"\s*【?\s*(?:摘\s*要|内容摘要|内容提要|关\s*键\s*词|中图分类号|中图法分类号|文献标识码|文章编号|DOI|doi"
    r"|收稿日期|基金项目|作者简介|通讯作者|通信作者|参考文献|Abstract|ABSTRACT|Key\s*words|KEY\s*WORDS|Keywords)"
)
"""The labels journals start their front matter, first-page notes and reference list with."""


def width(text: str) -> int:
    """The printed width of `text` in columns: a Chinese character or full-width sign takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def indent(text: str) -> int:
    """The width of a line's leading spaces (an ideographic space takes two columns)."""
    return width(text[: len(text) - len(text.lstrip())])


@dataclass(frozen=True)
class Measure:
    """The width of a full line of running text, and the indentation most lines have."""

    columns: int
    base_indent: int

    @property
    def slack(self) -> int:
        """How much narrower than the measure a line may be and still count as full (justification,
        a Latin word carried over, punctuation set in half width)."""
        return max(4, self.columns // 10)

    def full(self, text: str) -> bool:
        """Whether the line reaches the measure (a first-line indent counts as part of the line)."""
        return width(text.rstrip()) - self.base_indent >= self.columns - self.slack

    def indented(self, text: str) -> bool:
        """Whether the line starts further in than most lines (a first-line indent)."""
        return indent(text) >= self.base_indent + 2


def detect_measure(lines: list[str], columns: int | None = None) -> Measure:
    """The measure of a text: the densest four-column band of widths among its longer half of lines (each
    line's width counted from the indentation most lines have)."""
    texts = [t.rstrip() for t in lines if t.strip()]
    base = Counter(indent(t) for t in texts).most_common(1)[0][0] if texts else 0
    if columns is not None:
        return Measure(columns, base)
    widths = sorted(width(t) - base for t in texts)
    if not widths:
        return Measure(0, base)
    longer = widths[len(widths) // 2 :]
    counts = Counter(longer)
    best = max(set(longer), key=lambda w: (sum(counts[w - k] for k in range(4)), w))
    return Measure(best, base)


def latin_end(text: str) -> bool:
    """Whether a line ends in Latin text (no Chinese in its last twelve characters)."""
    return not any(width(ch) == 2 for ch in text[-12:])


def ends_paragraph(line: str, following: str | None, first: str, measure: Measure) -> bool:
    """Whether a paragraph of hard-wrapped text ends after `line` (`first` is its paragraph's first line).

    A line ending mid-sentence (`，`, `、`, an opening bracket) never ends one. Otherwise it ends before an
    indented line, a front-matter label (`关键词`, `Abstract`…) or the next entry of a reference list (`[3]`);
    Latin text goes on into Latin text; a line short of the measure ends one, and so does a full line that
    closes a sentence when the next line starts a numbered heading or item.
    """
    body = line.rstrip()
    if following is None:
        return True
    if body.endswith(tuple(CONTINUING)):
        return False
    nxt = following.strip()
    if (
        measure.indented(following)
        or FRONT_LABEL.match(nxt)
        or (_REFERENCE.match(nxt) and _REFERENCE.match(first))
    ):
        return True
    if latin_end(body) and nxt[:1].isascii() and nxt[:1].isalnum():
        return False  # Latin text wraps by words, short of the measure
    if not measure.full(body):
        return True
    return body[-1] in CLOSING and numbered(re.sub(r"\s+", "", nxt)) is not None
