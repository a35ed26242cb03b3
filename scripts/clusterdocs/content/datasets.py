"""Tidy data sets (content/data/<id>.csv + <id>.yml): validation, provenance, consistency checks."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from clusterdocs.config import CONTENT
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Chapter
from clusterdocs.numbers import numbers_in
from clusterdocs.schema import Reader, unique
from clusterdocs.yamlio import read_text, read_yaml

DATA = CONTENT / "data"
KINDS = {"category", "number", "text", "year"}
CHART_TYPES = ("bar", "grouped-bar", "line")
"""The charts site/data.py draws: horizontal bars, bars grouped by a second column, a line."""
CHECK_TYPES = ("sum", "share_sum", "cagr", "share")
META_KEYS = ("id", "title", "chapter", "source_file", "sources", "columns", "checks", "chart", "notes")
COLUMN_KEYS = ("name", "label", "kind", "unit", "values_en")


@dataclass(frozen=True)
class Column:
    """One column: its CSV name, labels in both languages, kind, unit as printed, English for categories."""

    name: str
    label_zh: str
    label_en: str
    kind: str
    unit: str
    values_en: dict[str, str]


@dataclass(frozen=True)
class Check:
    """A consistency check declared in the metadata, with what the source prints and what the figures give."""

    kind: str
    spec: dict[str, Any]
    printed: str
    computed: str
    agrees: bool


@dataclass
class Dataset:
    """A data set with its rows as printed (strings), provenance and check results."""

    id: str
    title_zh: str
    title_en: str
    chapter: str
    source_file: str
    columns: list[Column]
    rows: list[dict[str, str]]
    notes_zh: str
    notes_en: str
    chart: dict[str, str] | None
    quotes: list[str]
    anchors: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    raw_checks: list[dict[str, Any]] = field(default_factory=list)
    csv_text: str = ""


_NUMBER = re.compile(r"-?\d[\d,]*(\.\d+)?")
"""A figure as the sources print it: digits, thousands commas, a decimal part."""
_STATED = re.compile(r"-?\d[\d,]*(\.\d+)?%?")
"""A figure a check compares with: as printed, possibly a percentage."""
_CHECK_KEYS = {
    "sum": {"column", "stated"},
    "share_sum": {"column"},
    "cagr": {"start", "end", "years", "stated"},
    "share": {"part", "whole", "stated"},
}
"""The keys each kind of consistency check needs; any may also have `where` (sum, share_sum) and `quote`."""
_CHECK_OPTIONAL = {"sum": {"where"}, "share_sum": {"where"}, "cagr": set(), "share": set()}


def _figure(r: Reader, key: str) -> str:
    value = r.text(key, line=True)
    if not _STATED.fullmatch(value):
        raise SourceError(r.name, r.place(key), f"{value!r} is not a figure")
    return value


def _column(r: Reader) -> Column:
    kind = r.text("kind", line=True)
    if kind not in KINDS:
        raise SourceError(r.name, r.place("kind"), f"must be one of {', '.join(sorted(KINDS))}, got {kind!r}")
    values: dict[str, str] = {}
    if r.has("values_en"):
        if kind not in {"category", "text"}:
            raise SourceError(
                r.name, r.place("values_en"), "only a category or text column has English values"
            )
        values = r.text_map("values_en", line=True)
    elif kind == "category":
        raise SourceError(r.name, r.place("values_en"), "a category column needs the English of each value")
    label_zh, label_en = r.pair("label", line=True)
    return Column(
        r.text("name", line=True), label_zh, label_en, kind, r.optional_text("unit", line=True) or "", values
    )


def _check(r: Reader, columns: dict[str, Column]) -> dict[str, Any]:
    kind = r.text("type", line=True)
    if kind not in _CHECK_KEYS:
        raise SourceError(r.name, r.place("type"), f"must be one of {', '.join(CHECK_TYPES)}, got {kind!r}")
    allowed = {"type", "quote"} | _CHECK_KEYS[kind] | _CHECK_OPTIONAL[kind]
    for key in r.data:
        if key not in allowed:
            raise SourceError(r.name, r.place(str(key)), f"not a key of a {kind} check")
    for key in sorted(_CHECK_KEYS[kind]):
        if key == "column":
            column = r.text("column", line=True)
            if column not in columns or columns[column].kind != "number":
                raise SourceError(
                    r.name, r.place("column"), f"{column!r} is not a number column of the data set"
                )
        elif key == "years":
            r.integer("years", 1)
        else:
            _figure(r, key)
    if r.has("where"):
        for column in r.text_map("where", line=True):
            if column not in columns:
                raise SourceError(r.name, f"{r.place('where')}.{column}", "not a column of the data set")
    r.optional_text("quote", line=True)
    return dict(r.data)


def _chart(r: Reader, columns: dict[str, Column]) -> dict[str, str]:
    kind = r.text("type", line=True)
    if kind not in CHART_TYPES:
        raise SourceError(r.name, r.place("type"), f"must be one of {', '.join(CHART_TYPES)}, got {kind!r}")
    chart = {"type": kind}
    for key in ("x", "y", "group"):
        if key == "group" and not r.has(key):
            continue
        column = r.text(key, line=True)
        if column not in columns:
            raise SourceError(r.name, r.place(key), f"{column!r} is not a column of the data set")
        chart[key] = column
    if columns[chart["y"]].kind != "number":
        raise SourceError(r.name, r.place("y"), f"{chart['y']!r} is not a number column")
    if ("group" in chart) != (kind == "grouped-bar"):
        raise SourceError(r.name, r.place("group"), "a grouped-bar chart needs `group`, other charts none")
    return chart


def _read_csv(csv_path: Path, columns: list[Column], name: str) -> tuple[str, list[dict[str, str]]]:
    """The CSV's text (BOM dropped, LF line ends) and its rows, checked against the metadata columns."""
    csv_name = f"content/data/{csv_path.name}"
    if not csv_path.exists() and not csv_path.is_symlink():
        raise SourceError(csv_name, "", "missing: every metadata file needs its CSV")
    text = read_text(csv_path, csv_name)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise SourceError(csv_name, "row 1", "the file is empty") from None
    expected = [c.name for c in columns]
    if header != expected:
        raise SourceError(
            csv_name, "row 1", f"header {header} does not match the metadata columns {expected}"
        )
    rows = []
    for n, cells in enumerate(reader, start=2):
        if not any(cells):
            continue
        if len(cells) != len(columns):
            raise SourceError(csv_name, f"row {n}", f"{len(cells)} cells, expected {len(columns)}")
        row = dict(zip(expected, cells, strict=True))
        for c in columns:
            value = row[c.name]
            if c.kind in {"number", "year"} and value and not _NUMBER.fullmatch(value):
                raise SourceError(
                    csv_name, f"row {n}, column {c.name}", f"{value!r} is not a number as printed"
                )
            if c.kind == "category" and value and value not in c.values_en:
                raise SourceError(
                    name, f"columns.{c.name}.values_en", f"no English for {value!r} (CSV row {n})"
                )
        rows.append(row)
    if not rows:
        raise SourceError(csv_name, "", "no data rows")
    return text, rows


def load_dataset(meta_path: Path) -> Dataset:
    """Read one data set, checking the CSV against its metadata; errors name the file, row and column."""
    name = f"content/data/{meta_path.name}"
    r = Reader(name, read_yaml(meta_path, name), "", META_KEYS)
    ident = r.ident("id")
    if ident != meta_path.stem:
        raise SourceError(name, "id", f"expected {meta_path.stem!r} (the file name)")
    title_zh, title_en = r.pair("title", line=True)
    columns = [_column(c) for c in r.items("columns", COLUMN_KEYS, required=True)]
    unique(name, ((f"columns[{i}].name", c.name) for i, c in enumerate(columns)), "column")
    by_name = {c.name: c for c in columns}
    check_keys = {"type", "quote"}.union(*_CHECK_KEYS.values(), *_CHECK_OPTIONAL.values())
    raw_checks = [_check(c, by_name) for c in r.items("checks", check_keys)]
    chart_reader = r.optional_sub("chart", ("type", "x", "y", "group"))
    chart = _chart(chart_reader, by_name) if chart_reader else None
    notes = r.optional_pair("notes") or ("", "")
    quotes = list(r.texts("sources", required=True))
    chapter, source_file = r.ident("chapter"), r.text("source_file", line=True)
    text, rows = _read_csv(meta_path.with_suffix(".csv"), columns, name)
    return Dataset(
        id=ident,
        title_zh=title_zh,
        title_en=title_en,
        chapter=chapter,
        source_file=source_file,
        columns=columns,
        rows=rows,
        notes_zh=notes[0],
        notes_en=notes[1],
        chart=chart,
        quotes=quotes,
        raw_checks=raw_checks,
        csv_text=text,
    )


def _decimal(value: str) -> Decimal:
    return Decimal(value.replace(",", ""))


def _places(value: str) -> int:
    return len(value.split(".")[1]) if "." in value else 0


def _rows(ds: Dataset, spec: dict[str, Any]) -> list[dict[str, str]]:
    where = spec.get("where") or {}
    return [r for r in ds.rows if all(r.get(k) == str(v) for k, v in where.items())]


def run_check(ds: Dataset, spec: dict[str, Any], index: int) -> Check:
    """Compute one declared check from the figures as printed."""
    name = f"content/data/{ds.id}.yml"
    kind = spec.get("type")
    try:
        if kind == "sum":
            col = spec["column"]
            values = [r[col] for r in _rows(ds, spec) if r[col]]
            total = sum((_decimal(v) for v in values), Decimal(0))
            printed = str(spec["stated"])
            computed = f"{total:.{max(map(_places, [*values, printed]))}f}"
            return Check(kind, spec, printed, computed, _decimal(printed) == total)
        if kind == "share_sum":
            col = spec["column"]
            values = [r[col] for r in _rows(ds, spec) if r[col]]
            total = sum((_decimal(v) for v in values), Decimal(0))
            computed = f"{total:.{max(map(_places, values))}f}"
            return Check(kind, spec, "100", computed, abs(total - 100) <= Decimal("0.1") * len(values) / 2)
        if kind == "cagr":
            start, end, years = _decimal(str(spec["start"])), _decimal(str(spec["end"])), int(spec["years"])
            printed = str(spec["stated"]).rstrip("%")
            rate = (float(end / start) ** (1 / years) - 1) * 100
            places = _places(printed)
            computed = f"{rate:.{places}f}"
            return Check(
                kind, spec, printed, computed, abs(rate - float(printed)) <= 0.5 * 10**-places + 1e-9
            )
        if kind == "share":
            part, whole = _decimal(str(spec["part"])), _decimal(str(spec["whole"]))
            printed = str(spec["stated"]).rstrip("%")
            share = float(part / whole) * 100
            places = _places(printed)
            computed = f"{share:.{places}f}"
            return Check(
                kind, spec, printed, computed, abs(share - float(printed)) <= 0.5 * 10**-places + 1e-9
            )
    except (KeyError, InvalidOperation, ValueError, ZeroDivisionError) as err:
        raise SourceError(name, f"checks[{index}]", f"cannot compute: {err}") from None
    raise SourceError(name, f"checks[{index}].type", f"unknown check type {kind!r}")


def attach(ds: Dataset, chapters: dict[str, Chapter]) -> None:
    """Find the paragraphs the quotes point to, trace every figure to them, run the checks."""
    name = f"content/data/{ds.id}.yml"
    chapter = chapters.get(ds.chapter)
    if chapter is None:
        raise SourceError(name, "chapter", f"no chapter {ds.chapter!r}")
    if chapter.source != ds.source_file:
        raise SourceError(name, "source_file", f"chapter {ds.chapter} comes from {chapter.source}")
    passages = []
    for i, quote in enumerate(ds.quotes):
        hits = [b for b in chapter.blocks if quote in b.text]
        if len(hits) != 1:
            raise SourceError(
                name, f"sources[{i}]", f"quote found in {len(hits)} blocks of {ds.chapter}, expected one"
            )
        ds.anchors.append(hits[0].id)
        passages.append(hits[0].text)
    printed = numbers_in("".join(passages))
    for n, row in enumerate(ds.rows, start=2):
        for c in ds.columns:
            value = row[c.name]
            if c.kind in {"number", "year"} and value and value.replace(",", "") not in printed:
                raise SourceError(
                    f"content/data/{ds.id}.csv",
                    f"row {n}, column {c.name}",
                    f"{value} is not printed in the source passage",
                )
    for i, spec in enumerate(ds.raw_checks):
        if "quote" in spec and not any(spec["quote"] in p for p in passages):
            raise SourceError(name, f"checks[{i}].quote", "not found in the passages the data set quotes")
    ds.checks = [run_check(ds, spec, i) for i, spec in enumerate(ds.raw_checks)]


def load_all(chapters: list[Chapter], folder: Path = DATA) -> list[Dataset]:
    """Every data set, attached to its chapter's paragraphs, in file order; a CSV needs its metadata."""
    for csv_path in sorted(folder.glob("*.csv")):
        if not csv_path.with_suffix(".yml").exists():
            raise SourceError(
                f"content/data/{csv_path.name}", "", f"no metadata: every CSV needs {csv_path.stem}.yml"
            )
    by_slug = {c.slug: c for c in chapters}
    found = []
    for meta in sorted(folder.glob("*.yml")):
        ds = load_dataset(meta)
        attach(ds, by_slug)
        found.append(ds)
    return found
