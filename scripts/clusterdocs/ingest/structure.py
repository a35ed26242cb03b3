"""From repaired lines to chapters: paragraphs, headings with stable ids, tables, front matter, notes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from clusterdocs.errors import SourceError
from clusterdocs.ingest import normalise as fold
from clusterdocs.ingest.layout import Measure, detect_measure, ends_paragraph
from clusterdocs.ingest.manifest import ChapterSpec, EditorialNote, Manifest
from clusterdocs.ingest.model import Block, Chapter, FrontItem, Heading, Paragraph, Table
from clusterdocs.ingest.numbering import list_items, numbered
from clusterdocs.ingest.repairs import Applied, Item, Line, RawTable, apply_repairs, raw_lines

_TERMINAL = set("。！？；：”」』）…;:.!?)")
_CONTINUES = set("，,、（(“《")


def _ends_paragraph(
    line: Line, following: Line | None, layout: str, first: Line, measure: Measure | None = None
) -> bool:
    if line.hard_end is not None:
        return line.hard_end
    body = line.text.rstrip()
    if layout == "measured":
        assert measure is not None, "the measured layout is read with its measure"
        return ends_paragraph(line.text, following.text if following else None, first.text, measure)
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


_ABSTRACT = re.compile(r"^(【摘要】|内容摘要[:：]|摘要[:：]|Abstract:)")
_KEYWORDS = re.compile(r"^关键词[:：]")


@dataclass
class _Piece:
    """A paragraph-sized piece of a chapter before headings are recognised, with its first source line."""

    text: str
    table: Table | None = None
    line: int = 0


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


def paragraph_lines(items: list[Item], m: Manifest, measure: Measure | None) -> list[list[Line] | RawTable]:
    """The repaired items grouped into paragraphs (the lines of each, as in the source) and tables."""
    groups: list[list[Line] | RawTable] = []
    buffer: list[Line] = []
    for i, item in enumerate(items):
        if isinstance(item, RawTable):
            if buffer:
                groups.append(buffer)
                buffer = []
            groups.append(item)
            continue
        buffer.append(item)
        after = items[i + 1] if i + 1 < len(items) else None
        following = after if isinstance(after, Line) else None
        if _ends_paragraph(item, following, m.layout, buffer[0], measure):
            groups.append(buffer)
            buffer = []
    if buffer:
        groups.append(buffer)
    return groups


def _pieces(items: list[Item], m: Manifest, stats: Counter[str], measure: Measure | None) -> list[_Piece]:
    name = f"seeds/{m.path.name}"
    pieces = []
    for group in paragraph_lines(items, m, measure):
        if isinstance(group, RawTable):
            pieces.append(_Piece("", _table(group, m.stray_spaces, stats, name), group.lines[0].number))
        else:
            text = fold.normalise(_join(group, stats), m.stray_spaces, stats)
            pieces.append(_Piece(text, line=group[0].number))
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


_AFFILIATION_MARKS = re.compile(r"(?<=[^\d\s,，、;；*＊†‡])\d{1,2}(?:[,，]\d{1,2})*[*＊†‡]*|[*＊†‡]+")
"""The affiliation digits and corresponding-author stars after names in a byline (`陈静1,2，李明2*`)."""


_BYLINE_LABEL = re.compile(r"^(?:作\s*者|署\s*名)\s*[:：]\s*")


def unmarked_byline(text: str) -> str:
    """A printed byline without its label and affiliation marks: `作者：陈静1，李明2*` -> `陈静，李明`."""
    return _AFFILIATION_MARKS.sub("", _BYLINE_LABEL.sub("", text))


def same_byline(printed: str, declared: str) -> bool:
    """Whether a printed byline names the declared people: label, marks, spaces and separators aside."""

    def names(text: str) -> str:
        return re.sub(r"[\s,，、;；]", "", unmarked_byline(text))

    return names(printed) == names(declared)


@dataclass
class _Front:
    """The front matter of one chapter taken from declared spans."""

    abstract: list[tuple[str, str]]
    keywords: str | None
    items: list[FrontItem]


def _front_text(kind: str, lines: list[Line], stray: bool, stats: Counter[str]) -> str:
    """A front-matter span's text; key words and classification lines keep one space where they had any
    (`关键词 新材料 集群`, `中图分类号：F264 文献标识码：A`), which the normaliser would drop in Chinese."""
    text = _join(lines, stats)
    if kind in ("keywords", "classification"):
        return " ".join(fold.normalise(part, stray, stats) for part in text.split())
    return fold.normalise(text, stray, stats)


def _front(spans: list[tuple[int, str, str]], name: str) -> _Front:
    """Sort declared front-matter spans (index in `front`, kind, normalised text) into their places."""
    front = _Front([], None, [])
    for i, kind, text in spans:
        if kind == "abstract":
            front.abstract.append(("zh", text))
        elif kind == "keywords":
            if front.keywords is not None:
                raise SourceError(name, f"front[{i}].kind", "a chapter has one line of key words")
            front.keywords = text
        else:
            front.items.append(FrontItem(kind, text))
    return front


def _build_chapter(
    spec: ChapterSpec,
    index: int,
    pieces: list[_Piece],
    m: Manifest,
    notes: list[str],
    repairs: list[Applied],
    stats: Counter[str],
    front: _Front,
) -> Chapter:
    name, place = f"seeds/{m.path.name}", f"chapters[{index}]"
    pieces = list(pieces)
    title = spec.title_zh
    if spec.title_in_source:
        first = pieces.pop(0).text if pieces else ""
        if _unspaced(first) != _unspaced(spec.title_zh):
            raise SourceError(name, f"{place}.title.zh", f"the source's title reads {first!r}")
    byline, printed = spec.byline, None
    if spec.byline_in_source:
        line = pieces.pop(0).text if pieces else ""
        if line != spec.byline:
            if not same_byline(line, spec.byline or ""):
                raise SourceError(name, f"{place}.byline", f"the source's byline reads {line!r}")
            printed = line
    abstract, keywords = list(front.abstract), front.keywords
    declared = {h.text: h for h in spec.headings}
    used_declared: set[str] = set()
    blocks: list[Block] = []

    def excluded(text: str) -> bool:
        return any(s in text for s in spec.not_headings)

    texts = [None if p.table else p.text for p in pieces]
    items = list_items(texts)
    heading_numbers = {
        i: n
        for i, text in enumerate(texts)
        if text is not None and i not in items and not excluded(text) and (n := numbered(text))
    }
    # Each numbering style present nests one deeper, in the fixed order of RANK; ids nest by that depth,
    # while the HTML level stops at 6.
    depth_of = {rank: 2 + i for i, rank in enumerate(sorted({n.rank for n in heading_numbers.values()}))}
    stack: list[tuple[int, str]] = []
    counters: Counter[str] = Counter()
    seen_ids: dict[str, str] = {}

    def section() -> str:
        return stack[-1][1] if stack else ""

    for i, piece in enumerate(pieces):
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
        number = heading_numbers.get(i)
        if text in declared or number:
            if text in declared:
                h = declared[text]
                used_declared.add(text)
                depth, printed_number, title_text, new_id = h.level, "", text, h.id
            elif number:
                depth = depth_of[number.rank]
                while stack and stack[-1][0] >= depth:
                    stack.pop()
                printed_number, title_text = number.number, number.title
                new_id = f"{section()}-{number.token}" if stack else f"s{number.token}"
            while stack and stack[-1][0] >= depth:
                stack.pop()
            if new_id in seen_ids:
                raise SourceError(
                    name,
                    place,
                    f"two sections get the id {new_id!r} ({seen_ids[new_id]!r} and {text!r}): if one is "
                    "not a heading, add its text to `not_headings`; if both are, give one its own id in "
                    "`headings`",
                )
            seen_ids[new_id] = text
            stack.append((depth, new_id))
            blocks.append(Heading(new_id, min(depth, 6), printed_number, title_text, piece.line))
            continue
        key = section()
        counters[key] += 1
        blocks.append(Paragraph(f"{key}-p{counters[key]}" if key else f"p{counters[key]}", text, piece.line))
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
    labels = _labels(spec, blocks, name, place)
    return Chapter(
        spec,
        m.source,
        title,
        byline,
        notes,
        abstract,
        keywords,
        blocks,
        attached,
        repairs,
        stats,
        front=front.items,
        byline_printed=printed,
        labels=labels,
    )


def _labels(spec: ChapterSpec, blocks: list[Block], name: str, place: str) -> dict[str, str]:
    """The editors' labels by block id: those declared, and `preamble` on text before the first heading."""
    labels: dict[str, str] = {}
    for i, label in enumerate(spec.labels):
        hits = [b for b in blocks if not isinstance(b, Heading) and label.at in b.text]
        if len(hits) != 1:
            raise SourceError(
                name, f"{place}.labels[{i}]", f"text matches {len(hits)} blocks, expected one: {label.at!r}"
            )
        if hits[0].id in labels:
            raise SourceError(name, f"{place}.labels[{i}]", f"{hits[0].id} already has a label")
        labels[hits[0].id] = label.kind
    if blocks and not isinstance(blocks[0], Heading) and blocks[0].id not in labels:
        if "preamble" in labels.values():
            raise SourceError(name, f"{place}.labels", "the opening text needs a label of its own")
        labels[blocks[0].id] = "preamble"
    return labels


def build_chapters(m: Manifest, text: str) -> list[Chapter]:
    """Normalise one source into its chapters."""
    lines = raw_lines(text)
    measure = detect_measure([x.text for x in lines], m.measure) if m.layout == "measured" else None
    repaired = apply_repairs(m, lines)
    parts = _split_chapters(repaired.items, m)
    ranges = [(min(ns), max(ns)) for ns in (_line_numbers(p) for p in parts)]
    owned: list[list[Applied]] = [[] for _ in parts]
    for a in repaired.applied:
        owned[_owner(a, ranges)].append(a)
    chapters = []
    for i, (spec, part) in enumerate(zip(m.chapters, parts, strict=True)):
        stats: Counter[str] = Counter()
        pieces = _pieces(part, m, stats, measure)
        notes = [
            fold.normalise(_join(lines, stats), m.stray_spaces, stats)
            for lines in repaired.author_notes
            if _owner(Applied("", "", (lines[0].number,), ""), ranges) == i
        ]
        spans = [
            (k, kind, _front_text(kind, lines, m.stray_spaces, stats))
            for k, (kind, lines) in enumerate(repaired.front)
            if _owner(Applied("", "", (lines[0].number,), ""), ranges) == i
        ]
        front = _front(spans, f"seeds/{m.path.name}")
        chapters.append(_build_chapter(spec, i, pieces, m, notes, owned[i], stats, front))
    return chapters
