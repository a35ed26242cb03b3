"""Static SVG charts written at build time: horizontal bars (optionally grouped) and lines; no JavaScript."""

from __future__ import annotations

from decimal import Decimal

from clusterdocs.escape import html_text, ident

WIDTH = 640
LABEL_WIDTH = 200
BAR = 18
GAP = 10


def _value(text: str) -> float:
    return float(Decimal(text.replace(",", "")))


def bar_chart(chart_id: str, title: str, desc: str, rows: list[tuple[str, str, str]], unit: str) -> str:
    """Horizontal bars: rows of (label, series, value as printed); several series per label are grouped."""
    chart_id = ident(chart_id)
    labels = list(dict.fromkeys(r[0] for r in rows))
    series = list(dict.fromkeys(r[1] for r in rows))
    values = {(r[0], r[1]): r[2] for r in rows}
    top = max(_value(v) for v in values.values()) or 1.0
    band = len(series) * BAR + GAP
    legend = 24 if len(series) > 1 else 0
    height = legend + len(labels) * band + 10
    scale = (WIDTH - LABEL_WIDTH - 70) / top
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{html_text(title)}</title>',
        f'<desc id="{chart_id}-desc">{html_text(desc)}</desc>',
    ]
    for k, name in enumerate(series if len(series) > 1 else []):
        x = LABEL_WIDTH + k * 140
        parts.append(
            f'<rect class="series-{k}" x="{x}" y="4" width="14" height="14"/>'
            f'<text x="{x + 20}" y="16">{html_text(name)}</text>'
        )
    for i, label in enumerate(labels):
        y0 = legend + i * band
        parts.append(
            f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y0 + len(series) * BAR / 2 + 5}" '
            f'text-anchor="end">{html_text(label)}</text>'
        )
        for k, name in enumerate(series):
            value = values.get((label, name))
            if value is None:
                continue
            y = y0 + k * BAR
            w = max(_value(value) * scale, 1)
            parts.append(
                f'<rect class="series-{k}" x="{LABEL_WIDTH}" y="{y}" width="{w:.1f}" height="{BAR - 3}"/>'
                f'<text class="value" x="{LABEL_WIDTH + w + 5:.1f}" y="{y + BAR - 7}">'
                f"{html_text(value)}{html_text(unit)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(chart_id: str, title: str, desc: str, points: list[tuple[str, str]], unit: str) -> str:
    """A line through (x label, value as printed) points, each point labelled with its printed value."""
    chart_id = ident(chart_id)
    height, left, right, top_pad, bottom = 260, 60, 30, 30, 40
    top = max(_value(v) for _, v in points) or 1.0
    step = (WIDTH - left - right) / max(len(points) - 1, 1)
    coords = [
        (left + i * step, top_pad + (1 - _value(v) / top) * (height - top_pad - bottom))
        for i, (_, v) in enumerate(points)
    ]
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{html_text(title)}</title>',
        f'<desc id="{chart_id}-desc">{html_text(desc)}</desc>',
        f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{WIDTH - right}" '
        f'y2="{height - bottom}"/>',
        '<polyline class="series-0" fill="none" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        + '"/>',
    ]
    for (label, value), (x, y) in zip(points, coords, strict=False):
        parts.append(
            f'<circle class="series-0" cx="{x:.1f}" cy="{y:.1f}" r="4"/>'
            f'<text class="value" x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle">'
            f"{html_text(value)}{html_text(unit)}</text>"
            f'<text class="label" x="{x:.1f}" y="{height - bottom + 20}" text-anchor="middle">'
            f"{html_text(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
