"""Tidy data sets (content/data/<id>.csv + <id>.yml): validation, provenance, consistency checks."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from clusterdocs.config import ROOT
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Chapter
from clusterdocs.numbers import numbers_in
from clusterdocs.yamlio import read_yaml

DATA = ROOT / "content" / "data"
KINDS = {"category", "number", "text", "year"}


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
    spec: dict
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
    chart: dict | None
    quotes: list[str]
    anchors: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    raw_checks: list[dict] = field(default_factory=list)
    csv_text: str = ""


def _need(data: dict, key: str, kind: type, name: str, where: str = ""):
    place = f"{where}.{key}" if where else key
    if key not in data:
        raise SourceError(name, place, "missing required key")
    value = data[key]
    if not isinstance(value, kind):
        raise SourceError(name, place, f"expected {kind.__name__}")
    return value


def _pair(data: dict, key: str, name: str, where: str = "") -> tuple[str, str]:
    value = _need(data, key, dict, name, where)
    zh, en = value.get("zh"), value.get("en")
    if not isinstance(zh, str) or not isinstance(en, str) or not zh or not en:
        raise SourceError(name, f"{where}.{key}" if where else key, "expected `zh` and `en` text")
    return zh, en


def load_dataset(meta_path: Path) -> Dataset:
    """Read one data set, checking the CSV against its metadata; errors name the file, row and column."""
    name = f"content/data/{meta_path.name}"
    meta = read_yaml(meta_path, name)
    if not isinstance(meta, dict):
        raise SourceError(name, "", "expected a mapping")
    ident = _need(meta, "id", str, name)
    if ident != meta_path.stem:
        raise SourceError(name, "id", f"expected {meta_path.stem!r} (the file name)")
    columns = []
    for i, c in enumerate(_need(meta, "columns", list, name)):
        where = f"columns[{i}]"
        if not isinstance(c, dict):
            raise SourceError(name, where, "expected a mapping")
        label_zh, label_en = _pair(c, "label", name, where)
        kind = _need(c, "kind", str, name, where)
        if kind not in KINDS:
            raise SourceError(name, f"{where}.kind", f"must be one of {', '.join(sorted(KINDS))}")
        values = c.get("values_en") or {}
        columns.append(
            Column(
                _need(c, "name", str, name, where),
                label_zh,
                label_en,
                kind,
                str(c.get("unit") or ""),
                {str(k): str(v) for k, v in values.items()},
            )
        )
    csv_path = meta_path.with_suffix(".csv")
    csv_name = f"content/data/{csv_path.name}"
    try:
        text = csv_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourceError(csv_name, "", "missing: every metadata file needs its CSV") from None
    except UnicodeDecodeError as err:
        raise SourceError(csv_name, "", f"not UTF-8 (byte offset {err.start})") from None
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
        row = dict(zip(expected, cells))
        for c in columns:
            value = row[c.name]
            if c.kind in {"number", "year"} and value and not re.fullmatch(r"-?\d[\d,]*(\.\d+)?", value):
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
    title_zh, title_en = _pair(meta, "title", name)
    notes = meta.get("notes") or {}
    quotes = _need(meta, "sources", list, name)
    if not quotes or not all(isinstance(q, str) and q for q in quotes):
        raise SourceError(name, "sources", "expected one or more quotes")
    return Dataset(
        id=ident,
        title_zh=title_zh,
        title_en=title_en,
        chapter=_need(meta, "chapter", str, name),
        source_file=_need(meta, "source_file", str, name),
        columns=columns,
        rows=rows,
        notes_zh=str(notes.get("zh", "")),
        notes_en=str(notes.get("en", "")),
        chart=meta.get("chart"),
        quotes=quotes,
        raw_checks=list(meta.get("checks") or []),
        csv_text=text,
    )


def _decimal(value: str) -> Decimal:
    return Decimal(value.replace(",", ""))


def _places(value: str) -> int:
    return len(value.split(".")[1]) if "." in value else 0


def _rows(ds: Dataset, spec: dict) -> list[dict[str, str]]:
    where = spec.get("where") or {}
    return [r for r in ds.rows if all(r.get(k) == str(v) for k, v in where.items())]


def run_check(ds: Dataset, spec: dict, index: int) -> Check:
    """Compute one declared check from the figures as printed."""
    name = f"content/data/{ds.id}.yml"
    kind = spec.get("type")
    try:
        if kind == "sum":
            col = spec["column"]
            values = [r[col] for r in _rows(ds, spec) if r[col]]
            total = sum((_decimal(v) for v in values), Decimal(0))
            printed = str(spec["stated"])
            computed = f"{total:.{max(map(_places, values + [printed]))}f}"
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
    ds.checks = [run_check(ds, spec, i) for i, spec in enumerate(ds.raw_checks)]


def load_all(chapters: list[Chapter], folder: Path = DATA) -> list[Dataset]:
    """Every data set, attached to its chapter's paragraphs, in file order."""
    by_slug = {c.slug: c for c in chapters}
    found = []
    for meta in sorted(folder.glob("*.yml")):
        ds = load_dataset(meta)
        attach(ds, by_slug)
        found.append(ds)
    return found
