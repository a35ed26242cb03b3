"""What the normaliser makes of one source, for a person to check in a minute: what was removed, what went
to the front matter, every heading and paragraph, and the places worth a second look — each with the manifest
key that changes it."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from clusterdocs.config import CONTENT
from clusterdocs.ingest.draft import TODO
from clusterdocs.ingest.layout import CLOSING, detect_measure, width
from clusterdocs.ingest.manifest import Manifest, load_manifest
from clusterdocs.ingest.model import Chapter, Heading, Paragraph, Table
from clusterdocs.ingest.numbering import numbered
from clusterdocs.ingest.repairs import Line, RawTable, apply_repairs, raw_lines
from clusterdocs.ingest.structure import build_chapters, paragraph_lines
from clusterdocs.ingest.textio import read_seed

SHOWN = 24
"""How many characters of a paragraph or front-matter text the diagnostic shows."""
_SENTENCE_END = "。！？"
INDENTED = 3
"""A text with this many indented lines marks its paragraphs by indentation: a line that is not indented goes
on with the paragraph above it, whatever that line ends with."""
_LEFT_PAGE_NUMBER = re.compile(r"[·•]\s*\d{1,4}\s*[·•]")


def _short(text: str, size: int = SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _lines(numbers: list[int]) -> str:
    low, high = min(numbers), max(numbers)
    return f"line {low}" if low == high else f"lines {low}-{high}"


def _pad(text: str, columns: int) -> str:
    """`text` padded with spaces to `columns` printed columns (a Chinese character takes two)."""
    return text + " " * max(1, columns - width(text))


def _row(where: str, what: str, text: str, key: str) -> str:
    return f"  {_pad(where, 13)}{_pad(what, 16)}{text}    [{key}]"


class _Report:
    """The diagnostic's lines, and the places to check."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.checks: list[str] = []

    def section(self, title: str) -> None:
        self.out += ["", title]

    def check(self, text: str) -> None:
        self.checks.append(f"  ! {text}")


def _layout(r: _Report, m: Manifest, text: str) -> None:
    r.section("Layout    [layout, measure]")
    if m.layout == "measured":
        measure = detect_measure([x.text for x in raw_lines(text)], m.measure)
        how = "given in the manifest" if m.measure else "measured from the text"
        r.out.append(
            f"  measured: hard-wrapped; a full line is {measure.columns} columns, about "
            f"{measure.columns // 2} characters ({how}). A paragraph ends at a shorter line, before an "
            "indented line, a numbered heading or item, or a label such as 关键词."
        )
    elif m.layout == "lines":
        r.out.append("  lines: one paragraph per line (a line without a full stop stands alone).")
    else:
        r.out.append("  wrapped: hard-wrapped; a line ending in a space ends a paragraph.")


def _repairs(r: _Report, m: Manifest, text: str) -> None:
    repaired = apply_repairs(m, raw_lines(text))
    removals = [a for a in repaired.applied if a.kind == "removal"]
    if removals:
        r.section("Removed from the text    [removals]")
        for i, a in enumerate(removals):
            r.out.append(
                _row(_lines(list(a.lines)), a.reason.split(" (")[0], _short(a.text), f"removals[{i}]")
            )
    if m.author_notes:
        r.section("Moved into the note on the byline    [author_notes]")
        for i, (note, lines) in enumerate(zip(m.author_notes, repaired.author_notes, strict=True)):
            what = note.reason.split(" (")[0]
            r.out.append(
                _row(_lines([x.number for x in lines]), what, _short(lines[0].text), f"author_notes[{i}]")
            )
    if m.front:
        r.section("Front matter kept beside the abstract    [front]")
        for i, (kind, lines) in enumerate(repaired.front):
            r.out.append(_row(_lines([x.number for x in lines]), kind, _short(lines[0].text), f"front[{i}]"))
    for key, kind in (("joins", "join"), ("breaks", "break")):
        done = [a for a in repaired.applied if a.kind == kind]
        if done:
            r.section(f"Paragraph ends set by hand    [{key}]")
            for i, a in enumerate(done):
                what = "goes on after" if kind == "join" else "ends after"
                r.out.append(_row(_lines(list(a.lines)), what, _short(a.text), f"{key}[{i}]"))


def _chapter(r: _Report, c: Chapter, index: int) -> None:
    place = f"chapters[{index}]"
    spec = c.spec
    r.section(f"Chapter {c.slug}    [{place}]")
    title = "in the source" if spec.title_in_source else "not in the source (given in the manifest)"
    r.out.append(_row("", "title", f"{c.title_zh} ({title})", f"{place}.title"))
    r.out.append(_row("", "English title", spec.title_en, f"{place}.title.en"))
    if c.byline:
        printed = f" (printed {c.byline_printed})" if c.byline_printed else ""
        r.out.append(_row("", "byline", f"{c.byline}{printed}", f"{place}.byline"))
    for lang, text in c.abstract:
        r.out.append(_row("", f"abstract ({lang})", _short(text, 40), "front"))
    r.out.append(_row("", "keywords", "；".join(spec.keywords_zh), f"{place}.keywords.zh"))
    r.out.append(_row("", "keywords (en)", "; ".join(spec.keywords_en) or "(none)", f"{place}.keywords.en"))
    r.out.append("")
    r.out.append("  Headings and paragraphs (the line each starts on in the source)")
    for block in c.blocks:
        where = f"line {block.line}" if not isinstance(block, Table) and block.line else ""
        if isinstance(block, Heading):
            mark = "#" * block.level
            r.out.append(f"  {_pad(where, 11)}{mark} {block.id}  {block.text}")
            if len(block.title) > 25:
                r.check(
                    f"{block.id} ({_short(block.text)}) is a long heading: if it is running text, "
                    f"add its text to {place}.not_headings"
                )
        elif isinstance(block, Paragraph):
            item = " (list item)" if numbered(block.text) else ""
            r.out.append(
                f"  {_pad(where, 11)}   {block.id}  {_short(block.text)} ({len(block.text)} 字){item}"
            )
            _paragraph_checks(r, c, block, place)
        else:
            r.out.append(f"  {_pad('', 11)}   table {block.id}  {_short(block.caption_zh)}")


def _paragraph_checks(r: _Report, c: Chapter, block: Paragraph, place: str) -> None:
    text = block.text
    if _LEFT_PAGE_NUMBER.search(text):
        found = _LEFT_PAGE_NUMBER.search(text)
        assert found is not None
        r.check(f"{block.id} holds {found.group()!r}, a page number? add it to removals")
    if text[-1] not in CLOSING and len(text) > 30 and not numbered(text):
        r.check(
            f"{block.id} ends without closing punctuation ({_short(text[-SHOWN:])}): cut by a page break or "
            "a heading? if it goes on in the next paragraph, add its last line's text to joins"
        )
    if c.blocks.index(block) == 0 and len(text) < 80:
        r.check(
            f"{block.id} comes before any heading ({_short(text)}): front matter? add it to front or "
            "author_notes, or remove it"
        )


def _line_end_checks(r: _Report, m: Manifest, text: str) -> None:
    """Full lines that end a sentence inside a paragraph: unless the text indents its paragraphs, the layout
    cannot tell whether a paragraph ends there."""
    if m.layout != "measured":
        return
    lines = raw_lines(text)
    measure = detect_measure([x.text for x in lines], m.measure)
    if sum(measure.indented(x.text) for x in lines) >= INDENTED:
        return
    repaired = apply_repairs(m, lines)
    set_by_hand = {n for a in repaired.applied if a.kind in ("join", "break") for n in a.lines}
    for group in paragraph_lines(repaired.items, m, measure):
        if isinstance(group, RawTable):
            continue
        for line, after in pairwise(group):
            body = line.text.rstrip()
            if body.endswith(tuple(_SENTENCE_END)) and line.number not in set_by_hand:
                r.check(
                    f"line {line.number} is full and ends a sentence (…{body[-8:]}); the paragraph is read "
                    f"as going on at line {after.number} ({_short(after.text, 12)}). If a new paragraph "
                    f"starts there, add to breaks: {_snippet(line, lines)!r}"
                )


def _snippet(line: Line, lines: list[Line]) -> str:
    text = line.text.strip()
    for size in range(min(12, len(text)), len(text) + 1):
        piece = text[-size:]
        if sum(piece in x.text for x in lines) == 1 and line.text.count(piece) == 1:
            return piece
    return text


def _todo_checks(r: _Report, path: Path) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if TODO in line and not line.lstrip().startswith("#"):
            r.check(f"{path.name} line {number} is still to be written: {line.strip()}")


def _english_checks(r: _Report, chapters: list[Chapter], content: Path) -> None:
    for c in chapters:
        if not (content / "en" / f"{c.slug}.yml").exists():
            r.check(
                f"{c.slug} has no English page yet (content/en/{c.slug}.yml): it builds, its English page "
                "says the summary is in preparation, and the chapter index marks it"
            )


def diagnose(path: Path, content: Path = CONTENT) -> str:
    """The diagnostic of the manifest at `path` (in a seeds folder, beside its text)."""
    m = load_manifest(path)
    text = read_seed(path.with_name(m.source))
    chapters = build_chapters(m, text)
    r = _Report()
    r.out.append(f"seeds/{m.source} read with seeds/{path.name}: {len(chapters)} chapter(s)")
    _layout(r, m, text)
    _repairs(r, m, text)
    for i, c in enumerate(chapters):
        _chapter(r, c, i)
    _line_end_checks(r, m, text)
    _todo_checks(r, path)
    _english_checks(r, chapters, content)
    r.section(f"Worth a second look ({len(r.checks)})")
    r.out += r.checks or ["  nothing"]
    r.out += [
        "",
        f'To correct anything, edit seeds/{path.name} (the key is in brackets; README "Add a text" explains',
        f"each), run `make add-source FILE=seeds/{m.source}` again to see the result, then `make build`.",
    ]
    return "\n".join(r.out).lstrip("\n") + "\n"
