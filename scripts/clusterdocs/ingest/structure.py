"""From repaired lines to chapters: paragraphs, headings with stable ids, tables, front matter, notes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from clusterdocs.errors import SourceError
from clusterdocs.ingest import normalise as fold
from clusterdocs.ingest.manifest import ChapterSpec, EditorialNote, Manifest
from clusterdocs.ingest.model import Block, Chapter, Heading, Paragraph, Table
from clusterdocs.ingest.repairs import Applied, Item, Line, RawTable, apply_repairs, raw_lines

_TERMINAL = set("。！？；：”」』）…;:.!?)")
_CONTINUES = set("，,、（(“《")


def _ends_paragraph(line: Line, following: Line | None, layout: str) -> bool:
    if line.hard_end is not None:
        return line.hard_end
    body = line.text.rstrip()
    if layout == "wrapped":
        if not re.search(rf"[{fold.WIDE}]", body[-12:]) and not body[-1].isdigit():
            # In Latin text the line-end space only separates words; the paragraph ends where Chinese starts.
            return following is None or bool(re.match(rf"\s*[{fold.WIDE}]", following.text))
        trailing_space = len(body) < len(line.text)
        return trailing_space and body[-1] not in _CONTINUES and not body[-1].isdigit()
    # A line that already holds a full stop but ends mid-sentence was cut by a page; titles,
    # bylines and headings hold no full stop and always end where they stand.
    return body[-1] in _TERMINAL or "。" not in body


def _join(lines: list[Line], stats: Counter[str]) -> str:
    text = lines[0].text
    for line in lines[1:]:
        text = fold.join_lines(text, line.text)
    stats["line_breaks"] += len(lines) - 1
    return text


_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十", start=0)}


def _cn_number(numeral: str) -> int:
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


_NUMBERING = [
    ("chapter", re.compile(r"^(第([一二三四五六七八九十]+)章)")),
    ("paren-cn", re.compile(r"^([（(]([一二三四五六七八九十]+)[）)][.．、]?)")),
    ("cn", re.compile(r"^(([一二三四五六七八九十]+)[、．.])")),
    ("paren-digit", re.compile(r"^((\d{1,2})[)）])")),
    ("decimal", re.compile(r"^((\d{1,2}(?:\.\d{1,2}){0,3})(?:[.．、](?!\d)|(?=[\u4e00-\u9fff])))")),
    ("circled", re.compile(r"^(([\u2460-\u2473]))")),
]
_MAX_HEADING = 40


def _numbered(text: str) -> tuple[str, str, str, str] | None:
    """(style, printed number, token, title) if `text` looks like a numbered heading."""
    for style, pattern in _NUMBERING:
        m = pattern.match(text)
        if not m:
            continue
        title = text[m.end() :]
        if not title or len(title) > _MAX_HEADING or "。" in title[:-1]:
            return None
        value = m.group(2)
        kind = style
        if style in {"chapter", "paren-cn", "cn"}:
            token = str(_cn_number(value))
        elif style == "circled":
            token = str(ord(value) - 0x2460 + 1)
        elif style == "decimal":
            token = value.split(".")[-1]
            kind = f"decimal{value.count('.') + 1}"
        else:
            token = value
        return kind, m.group(1), token, title
    return None


_RANK = {
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
_ABSTRACT = re.compile(r"^(【摘要】|内容摘要[:：]|摘要[:：]|Abstract:)")
_KEYWORDS = re.compile(r"^关键词[:：]")


@dataclass
class _Piece:
    """A paragraph-sized piece of a chapter before headings are recognised."""

    text: str
    table: Table | None = None


def _table(raw: RawTable, stray: bool, stats: Counter[str], name: str) -> Table:
    spec, lines = raw.spec, list(raw.lines)
    caption_zh = fold.normalise(lines[0].text, stray, stats)
    caption_en = (
        fold.normalise(_join(lines[1 : spec.caption_lines], stats), stray, stats)
        if spec.caption_lines > 1
        else ""
    )
    at = spec.caption_lines
    header = []
    for size in spec.header_groups:
        header.append((fold.normalise(_join(lines[at : at + size], stats), stray, stats), spec.header_span))
        at += size
    rows = []
    for line in lines[at:]:
        cells = tuple(fold.normalise(cell, stray, stats) for cell in line.text.split())
        if len(cells) != spec.columns:
            raise SourceError(
                name,
                f"tables[{spec.id}]",
                f"line {line.number} has {len(cells)} cells, expected {spec.columns}",
            )
        rows.append(cells)
    return Table(spec.id, caption_zh, caption_en, tuple(header), tuple(rows))


def _pieces(items: list[Item], m: Manifest, stats: Counter[str]) -> list[_Piece]:
    name = f"seeds/{m.path.name}"
    pieces: list[_Piece] = []
    buffer: list[Line] = []

    def flush() -> None:
        if buffer:
            pieces.append(_Piece(fold.normalise(_join(buffer, stats), m.stray_spaces, stats)))
            buffer.clear()

    for i, item in enumerate(items):
        if isinstance(item, RawTable):
            flush()
            pieces.append(_Piece("", _table(item, m.stray_spaces, stats, name)))
            continue
        buffer.append(item)
        after = items[i + 1] if i + 1 < len(items) else None
        following = after if isinstance(after, Line) else None
        if _ends_paragraph(item, following, m.layout):
            flush()
    flush()
    return [p for p in pieces if p.text or p.table]


def _split_chapters(items: list[Item], m: Manifest) -> list[list[Item]]:
    name = f"seeds/{m.path.name}"
    starts = [0]
    for i, spec in enumerate(m.chapters[1:], start=1):
        start = spec.start
        assert start is not None, "the manifest's schema requires `start` on every chapter but the first"
        hits = [k for k, item in enumerate(items) if isinstance(item, Line) and start in item.text]
        if len(hits) != 1:
            raise SourceError(
                name, f"chapters[{i}].start", f"text matches {len(hits)} lines, expected one: {spec.start!r}"
            )
        if hits[0] <= starts[-1]:
            raise SourceError(name, f"chapters[{i}].start", "chapters must start in reading order")
        starts.append(hits[0])
    return [items[a:b] for a, b in pairwise([*starts, len(items)])]


def _line_numbers(items: list[Item]) -> list[int]:
    numbers = []
    for item in items:
        numbers += [x.number for x in item.lines] if isinstance(item, RawTable) else [item.number]
    return numbers


def _owner(applied: Applied, ranges: list[tuple[int, int]]) -> int:
    first = min(applied.lines)
    for i, (low, high) in enumerate(ranges):
        if low <= first <= high:
            return i
    later = [i for i, (low, _) in enumerate(ranges) if low > first]
    return later[0] if later else len(ranges) - 1


def _unspaced(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _build_chapter(
    spec: ChapterSpec,
    index: int,
    pieces: list[_Piece],
    m: Manifest,
    notes: list[str],
    repairs: list[Applied],
    stats: Counter[str],
) -> Chapter:
    name, place = f"seeds/{m.path.name}", f"chapters[{index}]"
    pieces = list(pieces)
    title = spec.title_zh
    if spec.title_in_source:
        first = pieces.pop(0).text if pieces else ""
        if _unspaced(first) != _unspaced(spec.title_zh):
            raise SourceError(name, f"{place}.title.zh", f"the source's title reads {first!r}")
    byline = spec.byline
    if spec.byline_in_source:
        line = pieces.pop(0).text if pieces else ""
        if line != spec.byline:
            raise SourceError(name, f"{place}.byline", f"the source's byline reads {line!r}")
    abstract, keywords = [], None
    declared = {h.text: h for h in spec.headings}
    used_declared: set[str] = set()
    blocks: list[Block] = []
    ranks = sorted(
        {
            _RANK[n[0]]
            for p in pieces
            if not p.table and (n := _numbered(p.text)) and not any(s in p.text for s in spec.not_headings)
        }
    )
    level_of = {rank: min(2 + i, 6) for i, rank in enumerate(ranks)}
    stack: list[tuple[int, str]] = []
    counters: Counter[str] = Counter()
    seen_ids: set[str] = set()

    def section() -> str:
        return stack[-1][1] if stack else ""

    for piece in pieces:
        if piece.table:
            blocks.append(piece.table)
            continue
        text = piece.text
        if not blocks and not stack:
            if _ABSTRACT.match(text):
                abstract.append(("en" if text.startswith("Abstract") else "zh", text))
                continue
            if _KEYWORDS.match(text):
                keywords = text
                continue
        numbered = None if any(s in text for s in spec.not_headings) else _numbered(text)
        if text in declared or numbered:
            if text in declared:
                h = declared[text]
                used_declared.add(text)
                level, number, title_text, new_id = h.level, "", text, h.id
            elif numbered:
                style, number, token, title_text = numbered
                level = level_of[_RANK[style]]
                while stack and stack[-1][0] >= level:
                    stack.pop()
                new_id = f"{section()}-{token}" if stack else f"s{token}"
            while stack and stack[-1][0] >= level:
                stack.pop()
            if new_id in seen_ids:
                raise SourceError(
                    name,
                    place,
                    f"two sections get the id {new_id!r} (at {text!r}); declare ids in `headings`",
                )
            seen_ids.add(new_id)
            stack.append((level, new_id))
            blocks.append(Heading(new_id, level, number, title_text))
            continue
        key = section()
        counters[key] += 1
        blocks.append(Paragraph(f"{key}-p{counters[key]}" if key else f"p{counters[key]}", text))
    missing = set(declared) - used_declared
    if missing:
        raise SourceError(
            name, f"{place}.headings", f"heading text not found as a paragraph: {min(missing)!r}"
        )
    attached: dict[str, list[EditorialNote]] = {}
    for i, note in enumerate(spec.notes):
        hits = [b for b in blocks if note.at in b.text]
        if len(hits) != 1:
            raise SourceError(
                name, f"{place}.notes[{i}]", f"text matches {len(hits)} blocks, expected one: {note.at!r}"
            )
        attached.setdefault(hits[0].id, []).append(note)
    return Chapter(spec, m.source, title, byline, notes, abstract, keywords, blocks, attached, repairs, stats)


def build_chapters(m: Manifest, text: str) -> list[Chapter]:
    """Normalise one source into its chapters."""
    items, note_lines, applied = apply_repairs(m, raw_lines(text))
    parts = _split_chapters(items, m)
    ranges = [(min(ns), max(ns)) for ns in (_line_numbers(p) for p in parts)]
    owned: list[list[Applied]] = [[] for _ in parts]
    for a in applied:
        owned[_owner(a, ranges)].append(a)
    chapters = []
    for i, (spec, part) in enumerate(zip(m.chapters, parts, strict=True)):
        stats: Counter[str] = Counter()
        pieces = _pieces(part, m, stats)
        notes = [
            fold.normalise(_join(lines, stats), m.stray_spaces, stats)
            for lines in note_lines
            if _owner(Applied("", "", (lines[0].number,), ""), ranges) == i
        ]
        chapters.append(_build_chapter(spec, i, pieces, m, notes, owned[i], stats))
    return chapters
