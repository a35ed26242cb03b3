"""Pages for the data sets: a table rendered with pandas, its CSV, chart, provenance and consistency notes."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
from markupsafe import Markup

from clusterdocs import config
from clusterdocs.content.datasets import Check, Column, Dataset
from clusterdocs.escape import html_text, ident, md_text
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.charts import bar_chart, line_chart
from clusterdocs.site.cite import Work, citation_html
from clusterdocs.site.lang import UNITS_EN, messages, pick
from clusterdocs.site.page import front_matter_text
from clusterdocs.site.templates import render

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, "CSV injection")."""
NUMBER = re.compile(r"-?\d[\d,]*(\.\d+)?")
"""A figure as printed: what a `number` or `year` column holds, negative numbers included."""


def csv_cell(value: str, kind: str) -> str:
    """A cell for the CSV download: a cell a spreadsheet would run as a formula gets a leading apostrophe;
    figures in number and year columns keep their sign."""
    if kind in {"number", "year"} and NUMBER.fullmatch(value):
        return value
    return "'" + value if value.startswith(FORMULA_START) else value


def published_csv(ds: Dataset, lang: str = "zh") -> str:
    """The CSV download: the data set's rows, formula cells neutralised (else the input, byte for byte); in
    English (`lang="en"`, for /en/) with the English column headers and categories of the English page."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if lang == "en":
        frame = table_frame(ds, "en")
        writer.writerow(list(frame.columns))
        cells = frame.to_numpy().tolist()
        writer.writerows([csv_cell(v, c.kind) for v, c in zip(row, ds.columns, strict=True)] for row in cells)
        return out.getvalue()
    writer.writerow([c.name for c in ds.columns])
    writer.writerows([csv_cell(row[c.name], c.kind) for c in ds.columns] for row in ds.rows)
    return out.getvalue()


def _header(col: Column, lang: str) -> str:
    """A column's header: its label and the unit as printed (on English pages with the unit in English)."""
    label = pick(lang, col.label_zh, col.label_en)
    if not col.unit:
        return label
    english = UNITS_EN.get(col.unit) if lang == "en" else None
    if english == "":  # a plain count: the label says what is counted
        return label
    unit = col.unit if english in (None, col.unit) else f"{col.unit}: {english}"
    return messages(lang).unit_header.format(label=label, unit=unit)


def table_frame(ds: Dataset, lang: str) -> pd.DataFrame:
    """The data set as printed: every cell a string, categories translated on English pages."""
    frame = pd.read_csv(io.StringIO(ds.csv_text), dtype=str, keep_default_na=False)
    if lang == "en":
        for col in ds.columns:
            if col.kind == "category" or (col.values_en and col.kind == "text"):
                frame[col.name] = frame[col.name].map(lambda v, c=col: c.values_en.get(v, v))
    return frame.rename(columns={c.name: _header(c, lang) for c in ds.columns})


def chart_and_table(ds: Dataset, lang: str) -> list[Markup]:
    """Page fragments: the declared chart, if any, in a figure that fits any screen; the table."""
    chart = chart_svg(ds, lang)
    # Out of the search index (data-search-exclude): the table below has the same words and figures, and the
    # chart's labels would run together in result snippets.
    figure = [Markup(f'<figure class="chart" data-search-exclude>{chart}</figure>')] if chart else []
    return [*figure, Markup(table_html(ds, lang))]


def table_html(ds: Dataset, lang: str) -> str:
    """The table as HTML (escaped, no index, no reformatting of numbers)."""
    html = table_frame(ds, lang).to_html(index=False, escape=True, border=0, na_rep="")
    html = html.replace('<table class="dataframe">', "<table>").replace(' style="text-align: right;"', "")
    caption = html_text(pick(lang, ds.title_zh, ds.title_en))
    return (
        f'<div class="table-wrap">{html.replace("<table>", f"<table><caption>{caption}</caption>", 1)}</div>'
    )


def chart_svg(ds: Dataset, lang: str) -> str:
    """The declared chart, or nothing."""
    if not ds.chart:
        return ""
    cols = {c.name: c for c in ds.columns}
    x, y, group = cols[ds.chart["x"]], cols[ds.chart["y"]], cols.get(ds.chart.get("group", ""))

    def shown(col: Column | None, value: str) -> str:
        return col.values_en.get(value, value) if lang == "en" and col else value

    title = pick(lang, ds.title_zh, ds.title_en)
    desc = messages(lang).chart_desc
    unit = y.unit if y.unit == "%" else ""
    if ds.chart["type"] == "line":
        points = [(shown(x, r[x.name]), r[y.name]) for r in ds.rows if r[y.name]]
        return line_chart(f"chart-{ident(ds.id)}", title, desc, points, unit)
    rows = [
        (r[x.name], shown(group, r[group.name]) if group else "", r[y.name]) for r in ds.rows if r[y.name]
    ]
    return bar_chart(f"chart-{ident(ds.id)}", title, desc, rows, unit, category_names(x, lang))


def category_names(col: Column, lang: str) -> dict[str, str]:
    """Each category's label on a chart in `lang`: categories the source keeps apart stay apart in English
    too (two printed names with one English rendering show the printed name after it)."""
    if lang != "en":
        return {}
    names = {value: col.values_en.get(value, value) for value in col.values_en}
    shared = {name for name in names.values() if list(names.values()).count(name) > 1}
    return {value: f"{name} ({value})" if name in shared else name for value, name in names.items()}


def check_text(check: Check, lang: str) -> str:
    """One consistency check in words, with the printed and the computed figure."""
    msg = messages(lang)
    kind = check.kind if check.kind in {"sum", "share_sum", "cagr"} else "share"
    template = getattr(msg, f"check_{kind}_{'ok' if check.agrees else 'bad'}")
    return str(template.format(p=check.printed, c=check.computed, **check.spec))


def dataset_page(ds: Dataset, chapter: Chapter, lang: str, site_url: str | None = None) -> str:
    """One data set's page (cited at `site_url`, by default the configured SITE_URL)."""
    page = urls.dataset(ds.id)
    title = pick(lang, ds.title_zh, ds.title_en)
    links = ", ".join(
        f"[¶ {md_text(a)}]({urls.md_link(page, urls.chapter(chapter.slug), a)})" for a in ds.anchors
    )
    text = render(
        "dataset.md.j2",
        lang,
        front=front_matter_text(title, f"content/data/{ds.id}.yml and .csv"),
        title=title,
        chapter_title=pick(lang, chapter.title_zh, chapter.spec.title_en),
        links=Markup(links),
        source=Markup(f"<code>{md_text(ds.source_file)}</code>"),
        csv_name=f"{ds.id}.csv",
        csv_href=urls.md_link(page, urls.csv_file(ds.id)),
        fragments=chart_and_table(ds, lang),
        notes=pick(lang, ds.notes_zh, ds.notes_en),
        checks=[{"agrees": check.agrees, "text": check_text(check, lang)} for check in ds.checks],
        cite=citation_html(
            Work(key=f"data-{ds.id}", path=page, title_zh=ds.title_zh, title_en=ds.title_en),
            lang,
            site_url or config.site_url(),
        ),
    )
    return text.rstrip() + "\n"


def data_index(datasets: list[Dataset], chapters: dict[str, Chapter], lang: str) -> str:
    """The list of every data set."""
    items = [
        {
            "name": pick(lang, ds.title_zh, ds.title_en),
            "source": pick(lang, chapters[ds.chapter].title_zh, chapters[ds.chapter].spec.title_en),
            "href": urls.md_link(urls.DATA, urls.dataset(ds.id)),
            "rows": len(ds.rows),
            "disagree": any(not c.agrees for c in ds.checks),
        }
        for ds in datasets
    ]
    front = front_matter_text(messages(lang).data, "content/data/*.yml")
    return render("data.md.j2", lang, front=front, datasets=items)
