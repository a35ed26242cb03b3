"""Static SVG charts written at build time: horizontal bars (optionally grouped) and lines; no JavaScript.

The drawing is narrow (WIDTH units) and scales to its figure (viewBox, width 100%), so the same SVG fits a
360 px phone and a desktop column without clipping: each bar's label sits on its own line(s) above the bar,
wrapped to the drawing's width, and the bars leave room for the longest printed value.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from clusterdocs.escape import html_text, ident

WIDTH = 400
FONT = 14
"""Font size in drawing units (the stylesheet sets the same); about 12.5 px on a 360 px phone."""
LINE = 18
BAR = 16
GAP = 12
PAD = 6


def _value(text: str) -> float:
    return float(Decimal(text.replace(",", "")))


def text_width(text: str, size: float = FONT) -> float:
    """An upper estimate of a text's width: wide (CJK) characters and % one em, others 0.7 em."""
    return sum(
        size if unicodedata.east_asian_width(ch) in "WF" or ch in "%@MW" else size * 0.7 for ch in text
    )


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """The text in lines no wider than `width`: Latin text breaks between words, CJK between characters."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        if line and text_width(line + token, size) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _tokens(text: str) -> list[str]:
    """Words (with their following space) and single wide characters: the places a line may break."""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            if word:
                tokens.append(word)
                word = ""
            tokens.append(ch)
        else:
            word += ch
            if ch == " ":
                tokens.append(word)
                word = ""
    if word:
        tokens.append(word)
    return tokens


def _svg_open(chart_id: str, title: str, desc: str, height: float) -> list[str]:
    return [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height:.0f}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{html_text(title)}</title>',
        f'<desc id="{chart_id}-desc">{html_text(desc)}</desc>',
    ]


def _legend(series: list[str]) -> tuple[list[str], float]:
    """The legend's swatches, wrapped onto as many rows as the drawing's width needs, and its height."""
    parts: list[str] = []
    x, y = 0.0, 4.0  # room above for the tall ascent of CJK fonts
    for k, name in enumerate(series):
        width = 20 + text_width(name) + 16
        if x and x + width > WIDTH:
            x, y = 0.0, y + LINE + 4
        parts.append(
            f'<rect class="series-{k}" x="{x:.1f}" y="{y + 3:.1f}" width="14" height="14"/>'
            f'<text class="legend" x="{x + 20:.1f}" y="{y + 15:.1f}">{html_text(name)}</text>'
        )
        x += width
    return parts, y + LINE + 10


def bar_chart(
    chart_id: str,
    title: str,
    desc: str,
    rows: list[tuple[str, str, str]],
    unit: str,
    names: dict[str, str] | None = None,
) -> str:
    """Horizontal bars: rows of (category, series, value as printed); several series per category are grouped.

    `names` gives the label shown for a category (default: the category itself).
    """
    chart_id = ident(chart_id)
    labels = list(dict.fromkeys(r[0] for r in rows))
    series = list(dict.fromkeys(r[1] for r in rows))
    values = {(r[0], r[1]): r[2] for r in rows}
    top = max(_value(v) for v in values.values()) or 1.0
    value_room = max(text_width(f"{v}{unit}") for v in values.values()) + 2 * PAD
    scale = (WIDTH - value_room - 1) / top
    legend, y = _legend(series) if len(series) > 1 else ([], 0.0)
    y += 4  # room above the first label for the tall ascent of CJK fonts
    body: list[str] = []
    for label in labels:
        lines = wrap((names or {}).get(label, label), WIDTH - 4)
        body.append(
            f'<text class="label" x="2" y="{y + FONT:.1f}">'  # x=2: room for glyphs that overhang
            + "".join(
                f'<tspan x="2" dy="{0 if i == 0 else LINE}">{html_text(line)}</tspan>'
                for i, line in enumerate(lines)
            )
            + "</text>"
        )
        y += len(lines) * LINE + 2
        for k, name in enumerate(series):
            value = values.get((label, name))
            if value is None:
                continue
            w = max(_value(value) * scale, 1)
            body.append(
                f'<rect class="series-{k}" x="0" y="{y:.1f}" width="{w:.1f}" height="{BAR}"/>'
                f'<text class="value" x="{w + PAD:.1f}" y="{y + BAR - 3:.1f}">'
                f"{html_text(value)}{html_text(unit)}</text>"
            )
            y += BAR + 2
        y += GAP
    return "".join([*_svg_open(chart_id, title, desc, y), *legend, *body, "</svg>"])


def line_chart(chart_id: str, title: str, desc: str, points: list[tuple[str, str]], unit: str) -> str:
    """A line through (x label, value as printed) points, each point labelled with its printed value."""
    chart_id = ident(chart_id)
    label_lines = [wrap(label, (WIDTH - 40) / max(len(points), 1)) for label, _ in points]
    bottom = 14 + LINE * max(len(lines) for lines in label_lines)
    half = max(text_width(f"{v}{unit}") for _, v in points) / 2
    height, left, right, top_pad = 240, max(half, 20) + 4, max(half, 20) + 4, 30
    top = max(_value(v) for _, v in points) or 1.0
    step = (WIDTH - left - right) / max(len(points) - 1, 1)
    coords = [
        (left + i * step, top_pad + (1 - _value(v) / top) * (height - top_pad - bottom))
        for i, (_, v) in enumerate(points)
    ]
    parts = [
        *_svg_open(chart_id, title, desc, height),
        f'<line class="axis" x1="0" y1="{height - bottom}" x2="{WIDTH}" y2="{height - bottom}"/>',
        '<polyline class="series-0" fill="none" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        + '"/>',
    ]
    for (_, value), lines, (x, y) in zip(points, label_lines, coords, strict=True):
        parts.append(
            f'<circle class="series-0" cx="{x:.1f}" cy="{y:.1f}" r="4"/>'
            f'<text class="value" x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle">'
            f"{html_text(value)}{html_text(unit)}</text>"
            f'<text class="label" x="{x:.1f}" y="{height - bottom + 20}" text-anchor="middle">'
            + "".join(
                f'<tspan x="{x:.1f}" dy="{0 if i == 0 else LINE}">{html_text(line)}</tspan>'
                for i, line in enumerate(lines)
            )
            + "</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
