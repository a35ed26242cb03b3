"""Declared repairs applied to a source's lines: splits, removals, replacements, author notes, front matter,
moves, joins, breaks, tables.

Every repair names its target by text; it must match exactly one line, or the manifest is in error.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from clusterdocs.errors import SourceError
from clusterdocs.ingest.manifest import Manifest, TableSpec


@dataclass(frozen=True)
class Line:
    """One non-blank raw line; `hard_end` overrides the layout's guess of whether a paragraph ends here."""

    number: int
    text: str
    hard_end: bool | None = None


@dataclass(frozen=True)
class RawTable:
    """The lines of a flattened table, lifted out of the running text at its position."""

    spec: TableSpec
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Applied:
    """A repair as carried out: for the "about this text" block and the fidelity tests."""

    kind: str
    reason: str
    lines: tuple[int, ...]
    text: str


Item = Line | RawTable


def raw_lines(text: str) -> list[Line]:
    """The non-blank lines of a source, numbered as in the file."""
    return [Line(n, t) for n, t in enumerate(text.split("\n"), start=1) if t.strip()]


class _Repairer:
    """Applies one manifest's repairs in a fixed order, recording each."""

    def __init__(self, manifest: Manifest, lines: list[Line]) -> None:
        self.m = manifest
        self.name = f"seeds/{manifest.path.name}"
        self.lines = lines
        self.applied: list[Applied] = []

    def find(self, snippet: str, place: str) -> int:
        hits = [i for i, line in enumerate(self.lines) if snippet in line.text]
        if not hits:
            raise SourceError(self.name, place, f"text not found in {self.m.source}: {snippet!r}")
        if len(hits) > 1:
            numbers = ", ".join(str(self.lines[i].number) for i in hits[:5])
            raise SourceError(
                self.name, place, f"text matches {len(hits)} lines ({numbers}), expected one: {snippet!r}"
            )
        if self.lines[hits[0]].text.count(snippet) > 1:
            raise SourceError(
                self.name, place, f"text occurs twice in line {self.lines[hits[0]].number}: {snippet!r}"
            )
        return hits[0]

    def span(self, first: str, last: str, place: str) -> tuple[int, int]:
        start, end = self.find(first, f"{place}.first"), self.find(last, f"{place}.last")
        if end < start:
            raise SourceError(self.name, place, "`last` comes before `first`")
        return start, end

    def split(self) -> None:
        for i, s in enumerate(self.m.splits):
            at = self.find(s.context + s.before, f"splits[{i}]")
            line = self.lines[at]
            cut = line.text.index(s.context + s.before) + len(s.context)
            if not line.text[:cut].strip():
                raise SourceError(
                    self.name, f"splits[{i}]", f"nothing before the split point in line {line.number}"
                )
            head = replace(line, text=line.text[:cut], hard_end=True)
            tail = replace(line, text=line.text[cut:], hard_end=False if s.join_next else line.hard_end)
            self.lines[at : at + 1] = [head, tail]
            self.applied.append(Applied("split", s.reason, (line.number,), s.before))

    def remove(self) -> None:
        for i, r in enumerate(self.m.removals):
            place = f"removals[{i}]"
            if r.line is not None:
                hits = [k for k, line in enumerate(self.lines) if line.number == r.line]
                if not hits or self.lines[hits[0]].text.strip() != r.text:
                    raise SourceError(self.name, place, f"line {r.line} of {self.m.source} is not {r.text!r}")
                at = hits[0]
                del self.lines[at]
                self.applied.append(Applied("removal", r.reason, (r.line,), r.text))
                continue
            at = self.find(r.text, place)
            line = self.lines[at]
            rest = line.text.replace(r.text, "", 1)
            if rest.strip():
                self.lines[at] = replace(line, text=rest)
            else:
                del self.lines[at]
            self.applied.append(Applied("removal", r.reason, (line.number,), r.text))

    def replace_text(self) -> None:
        for i, x in enumerate(self.m.replacements):
            at = self.find(x.text, f"replacements[{i}]")
            line = self.lines[at]
            self.lines[at] = replace(line, text=line.text.replace(x.text, x.by, 1))
            self.applied.append(Applied("replacement", x.reason, (line.number,), f"{x.text} → {x.by}"))

    def take_author_notes(self) -> list[list[Line]]:
        notes = []
        for i, a in enumerate(self.m.author_notes):
            start, end = self.span(a.first, a.last, f"author_notes[{i}]")
            notes.append(self.lines[start : end + 1])
            self.applied.append(
                Applied(
                    "author-note", a.reason, tuple(x.number for x in self.lines[start : end + 1]), a.first
                )
            )
            del self.lines[start : end + 1]
        return notes

    def take_front(self) -> list[tuple[str, list[Line]]]:
        spans = []
        for i, f in enumerate(self.m.front):
            start, end = self.span(f.first, f.last, f"front[{i}]")
            spans.append((f.kind, self.lines[start : end + 1]))
            del self.lines[start : end + 1]
        return spans

    def move(self) -> None:
        for i, mv in enumerate(self.m.moves):
            start, end = self.span(mv.first, mv.last, f"moves[{i}]")
            block = self.lines[start : end + 1]
            anchor = self.find(mv.after, f"moves[{i}].after")
            if start <= anchor <= end:
                raise SourceError(
                    self.name, f"moves[{i}].after", "the anchor lies inside the block being moved"
                )
            del self.lines[start : end + 1]
            anchor = self.find(mv.after, f"moves[{i}].after")
            self.lines[anchor + 1 : anchor + 1] = block
            self.applied.append(Applied("move", mv.reason, tuple(x.number for x in block), mv.first))

    def mark_ends(self) -> None:
        for key, snippets, value in (("joins", self.m.joins, False), ("breaks", self.m.breaks, True)):
            for i, snippet in enumerate(snippets):
                at = self.find(snippet, f"{key}[{i}]")
                self.lines[at] = replace(self.lines[at], hard_end=value)
                self.applied.append(Applied(key[:-1], "", (self.lines[at].number,), snippet))

    def lift_tables(self) -> list[Item]:
        items: list[Item] = list(self.lines)
        for i, spec in enumerate(self.m.tables):
            start, end = self.span(spec.first, spec.last, f"tables[{i}]")
            spec.check_lines(end - start + 1, self.name)
            start_item = items.index(self.lines[start])
            end_item = items.index(self.lines[end])
            table = RawTable(spec, tuple(self.lines[start : end + 1]))
            items[start_item : end_item + 1] = [table]
            self.applied.append(Applied("table", spec.id, tuple(x.number for x in table.lines), spec.first))
        return items


@dataclass(frozen=True)
class Repaired:
    """A source after its repairs: items in reading order, author notes, front-matter spans, the log."""

    items: list[Item]
    author_notes: list[list[Line]]
    front: list[tuple[str, list[Line]]]
    applied: list[Applied]


def apply_repairs(manifest: Manifest, lines: list[Line]) -> Repaired:
    """Apply a manifest's repairs in their fixed order: splits, removals, replacements, author notes, front
    matter, moves, joins and breaks, tables."""
    r = _Repairer(manifest, list(lines))
    r.split()
    r.remove()
    r.replace_text()
    notes = r.take_author_notes()
    front = r.take_front()
    r.move()
    r.mark_ends()
    items = r.lift_tables()
    return Repaired(items, notes, front, r.applied)
