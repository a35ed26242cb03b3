"""Pages for the data sets: a table rendered with pandas, its CSV, chart, provenance and consistency notes."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from clusterdocs.content.datasets import Check, Dataset
from clusterdocs.escape import html_text, ident, md_text
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.chapter import file_link
from clusterdocs.site.charts import bar_chart, line_chart
from clusterdocs.site.page import front_matter

UNITS_EN = {
    "亿元": "100 million yuan",
    "万亿元": "trillion yuan",
    "万元": "10,000 yuan",
    "元": "yuan",
    "万美元": "10,000 US dollars",
    "万人": "10,000 people",
    "万家": "10,000 firms",
    "万锭": "10,000 spindles",
    "%": "%",
    "家": "",
    "个": "",
    "台": "",
    "种": "",
    "类": "",
}
"""English for the printed units; an empty string marks a plain count, which the column label names."""


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, "CSV injection")."""
NUMBER = re.compile(r"-?\d[\d,]*(\.\d+)?")
"""A figure as printed: what a `number` or `year` column holds, negative numbers included."""


def csv_cell(value: str, kind: str) -> str:
    """A cell for the CSV download: one a spreadsheet would run as a formula gets a leading apostrophe; figures in
    number and year columns are left as they are."""
    if kind in {"number", "year"} and NUMBER.fullmatch(value):
        return value
    return "'" + value if value.startswith(FORMULA_START) else value


def published_csv(ds: Dataset) -> str:
    """The CSV download: the data set's rows, formula cells neutralised (otherwise byte for byte the input)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in ds.columns])
    writer.writerows([csv_cell(row[c.name], c.kind) for c in ds.columns] for row in ds.rows)
    return out.getvalue()


def _header(col, lang: str) -> str:
    label = col.label_zh if lang == "zh" else col.label_en
    if not col.unit:
        return label
    if lang == "zh":
        return f"{label}（{col.unit}）"
    english = UNITS_EN.get(col.unit)
    if english is None or english == col.unit:
        return f"{label} ({col.unit})"
    return f"{label} ({col.unit}: {english})" if english else label


def table_frame(ds: Dataset, lang: str) -> pd.DataFrame:
    """The data set as printed: every cell a string, categories translated on English pages."""
    frame = pd.read_csv(io.StringIO(ds.csv_text), dtype=str, keep_default_na=False)
    if lang == "en":
        for col in ds.columns:
            if col.kind == "category" or (col.values_en and col.kind == "text"):
                frame[col.name] = frame[col.name].map(lambda v, c=col: c.values_en.get(v, v))
    return frame.rename(columns={c.name: _header(c, lang) for c in ds.columns})


def chart_and_table(ds: Dataset, lang: str) -> list[str]:
    """Markdown lines: the chart, if one is declared, in a figure that scrolls on a narrow screen; the table."""
    chart = chart_svg(ds, lang)
    # tabindex: a region that may scroll must be reachable from the keyboard.
    figure = [f'<figure class="chart" tabindex="0">{chart}</figure>', ""] if chart else []
    return [*figure, table_html(ds, lang), ""]


def table_html(ds: Dataset, lang: str) -> str:
    """The table as HTML (escaped, no index, no reformatting of numbers)."""
    html = table_frame(ds, lang).to_html(index=False, escape=True, border=0, na_rep="")
    html = html.replace('<table class="dataframe">', "<table>").replace(' style="text-align: right;"', "")
    caption = html_text(ds.title_zh if lang == "zh" else ds.title_en)
    return (
        f'<div class="table-wrap">{html.replace("<table>", f"<table><caption>{caption}</caption>", 1)}</div>'
    )


def chart_svg(ds: Dataset, lang: str) -> str:
    """The declared chart, or nothing."""
    if not ds.chart:
        return ""
    cols = {c.name: c for c in ds.columns}
    x, y, group = cols[ds.chart["x"]], cols[ds.chart["y"]], cols.get(ds.chart.get("group", ""))

    def shown(col, value: str) -> str:
        return col.values_en.get(value, value) if lang == "en" and col else value

    title = ds.title_zh if lang == "zh" else ds.title_en
    desc = "图中数字与下表相同。" if lang == "zh" else "The figures are the same as in the table below."
    unit = y.unit if y.unit == "%" else ""
    if ds.chart["type"] == "line":
        points = [(shown(x, r[x.name]), r[y.name]) for r in ds.rows if r[y.name]]
        return line_chart(f"chart-{ident(ds.id)}", title, desc, points, unit)
    rows = [
        (shown(x, r[x.name]), shown(group, r[group.name]) if group else "", r[y.name])
        for r in ds.rows
        if r[y.name]
    ]
    return bar_chart(f"chart-{ident(ds.id)}", title, desc, rows, unit)


def check_text(check: Check, lang: str) -> str:
    """One consistency check in words, with the printed and the computed figure."""
    zh = lang == "zh"
    p, c = check.printed, check.computed
    if check.kind == "sum":
        if check.agrees:
            return (
                f"各项之和为 {c}，与文中合计 {p} 相符。"
                if zh
                else f"The items add up to {c}, the total the text prints."
            )
        return (
            f"各项之和为 {c}，而文中合计为 {p}，二者不符。照录原文。"
            if zh
            else f"The items add up to {c}, but the text prints a total of {p}. Kept as printed."
        )
    if check.kind == "share_sum":
        if check.agrees:
            return f"各项比重之和为 {c}%。" if zh else f"The shares add up to {c}%."
        return (
            f"各项比重之和为 {c}%，不等于 100%。照录原文。"
            if zh
            else f"The shares add up to {c}%, not 100%. Kept as printed."
        )
    if check.kind == "cagr":
        s = check.spec
        if check.agrees:
            return (
                f"由 {s['start']} 增至 {s['end']}（{s['years']} 年），年均增长 {c}%，与文中 {p}% 相符。"
                if zh
                else f"From {s['start']} to {s['end']} over {s['years']} years is {c}% a year, as printed."
            )
        return (
            f"由 {s['start']} 增至 {s['end']}（{s['years']} 年），按复合增长计算年均约为 {c}%，而文中为 {p}%，"
            f"二者不符。照录原文。"
            if zh
            else f"From {s['start']} to {s['end']} over {s['years']} years is a compound growth of about {c}% a year, "
            f"but the text prints {p}%. Kept as printed."
        )
    s = check.spec
    if check.agrees:
        return (
            f"{s['part']} 占 {s['whole']} 的 {c}%，与文中 {p}% 相符。"
            if zh
            else f"{s['part']} is {c}% of {s['whole']}, as printed."
        )
    return (
        f"{s['part']} 占 {s['whole']} 的 {c}%，而文中为 {p}%，二者不符。照录原文。"
        if zh
        else f"{s['part']} is {c}% of {s['whole']}, but the text prints {p}%. Kept as printed."
    )


def dataset_page(ds: Dataset, chapter: Chapter, lang: str) -> str:
    """One data set's page."""
    zh = lang == "zh"
    title = ds.title_zh if zh else ds.title_en
    page = urls.dataset(ds.id)
    lines = [
        *front_matter(title, f"content/data/{ds.id}.yml and .csv"),
        f"# {md_text(title)} {{ #title }}",
        "",
    ]
    chapter_title = chapter.title_zh if zh else chapter.spec.title_en
    links = ", ".join(
        f"[¶ {md_text(a)}]({urls.md_link(page, urls.chapter(chapter.slug), a)})" for a in ds.anchors
    )
    source = f"<code>{md_text(ds.source_file)}</code>"
    if zh:
        lines += [
            f'<p class="provenance">来源：《{html_text(chapter_title)}》</p>',
            "",
            f"数据所在段落：{links}（原始文本 {source}）",
            "",
        ]
    else:
        lines += [
            f'<p class="provenance">Source: <em>{html_text(chapter_title)}</em></p>',
            "",
            f"Taken from: {links} (raw text {source})",
            "",
        ]
    label = "下载 CSV" if zh else "Download CSV"
    note = (
        "电子表格会当作公式读取的单元格，开头加了一个撇号（'）。"
        if zh
        else "Cells that a spreadsheet would read as a formula are prefixed with an apostrophe."
    )
    lines += [file_link(f"{ds.id}.csv", urls.md_link(page, urls.csv_file(ds.id)), f"{label}: "), "", note, ""]
    lines += chart_and_table(ds, lang)
    notes = ds.notes_zh if zh else ds.notes_en
    if notes:
        lines += [f"<p>{html_text(notes)}</p>", ""]
    if ds.checks:
        lines += [f"## {'核对' if zh else 'Checks'} {{ #checks }}", ""]
        for check in ds.checks:
            text = html_text(check_text(check, lang))
            if check.agrees:
                lines += [f'<p class="check-ok">{text}</p>', ""]
            else:
                label = "编者注" if zh else "Editorial note"
                lines += [
                    f'<div class="admonition warning editorial"><p class="admonition-title">{label}</p>'
                    f"<p>{text}</p></div>",
                    "",
                ]
    return "\n".join(lines).rstrip() + "\n"


def data_index(datasets: list[Dataset], chapters: dict[str, Chapter], lang: str) -> str:
    """The list of every data set."""
    zh = lang == "zh"
    title = "数据" if zh else "Data"
    lines = [*front_matter(title, "content/data/*.yml"), f"# {title}", ""]
    lines += (
        ["各章文字中的数字整理成的数据表，每张表都可下载 CSV，并链接到数据所在的原文段落。", ""]
        if zh
        else [
            "Figures from the chapters gathered into tables. Each table has a CSV download and links back to the "
            "paragraph its figures come from.",
            "",
        ]
    )
    for ds in datasets:
        chapter = chapters[ds.chapter]
        name = ds.title_zh if zh else ds.title_en
        source = chapter.title_zh if zh else chapter.spec.title_en
        rows = f"{len(ds.rows)} 行" if zh else f"{len(ds.rows)} rows"
        flag = ""
        if any(not c.agrees for c in ds.checks):
            flag = " — 含编者注：数字不符" if zh else " — editorial note: figures disagree"
        lines.append(
            f"- [{md_text(name)}]({urls.md_link(urls.DATA, urls.dataset(ds.id))}) — *{md_text(source)}*, {rows}{flag}"
        )
    return "\n".join(lines) + "\n"
