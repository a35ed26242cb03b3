"""Charts and tables on a phone (issue 12: F07, F08, F10, F20, F25, F26).

Every chart fits a 360 px screen and a desktop without clipping a label or a value; the series colours reach
3:1 in the dark scheme; the Chinese and English charts of a data set show the same categories; wide tables
show that they scroll; English data pages offer an English CSV.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from clusterdocs.site.charts import text_width, wrap
from screens import Screen

OUTSIDE_JS = """() => [...document.querySelectorAll('svg.chart')].flatMap(svg => {
    const box = svg.getBoundingClientRect();
    const out = [];
    if (box.right > window.innerWidth + 0.5 || box.left < -0.5) out.push(['svg', box.left, box.right]);
    for (const t of svg.querySelectorAll('text')) {
        const r = t.getBoundingClientRect();
        const inside = r.left >= box.left - 0.5 && r.right <= box.right + 0.5
            && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
        if (!inside) out.push([t.textContent, r.left, r.right, box.left, box.right]);
    }
    const figure = svg.closest('figure');
    if (figure && figure.scrollWidth > figure.clientWidth + 1) out.push(['scrolls', figure.scrollWidth]);
    return out;
})"""
"""Every chart text that sticks out of its drawing, a drawing wider than the screen, a figure that scrolls."""


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two CSS `rgb(…)` colours."""
    la, lb = (_luminance(tuple(int(v) for v in re.findall(r"\d+", c)[:3])) for c in (a, b))  # type: ignore[arg-type]
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


@pytest.fixture(params=["phone", "desktop"])
def screen(request: pytest.FixtureRequest, browser: object, server: str) -> Iterator[Screen]:
    s = Screen(browser, server, request.param)
    yield s
    s.close()


@pytest.fixture
def dark(browser: object, server: str) -> Iterator[Screen]:
    s = Screen(browser, server, "phone", color_scheme="dark")
    yield s
    s.close()


@pytest.fixture(scope="module")
def chart_pages(site: Path) -> list[str]:
    """Every data and case page of the built site that draws a chart (read from the build, since a fresh
    clone has no generated docs/ before it)."""
    return sorted(
        f"{page.parent.relative_to(site).as_posix()}/"
        for kind in ("data", "cases")
        for page in (site / kind).glob("*/index.html")
        if 'class="chart' in page.read_text(encoding="utf-8")
    )


def test_chart_pages_are_found(chart_pages: list[str]) -> None:
    assert "data/zhuzhou-agglomeration/" in chart_pages and "cases/datang-socks/" in chart_pages


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_fits_the_screen_with_every_label_and_value(
    screen: Screen, lang: str, chart_pages: list[str]
) -> None:
    prefix = "" if lang == "zh" else "en/"
    widths = [360, 390] if screen.kind == "phone" else [1280]
    charts = 0
    for width in widths:
        screen.page.set_viewport_size({"width": width, "height": 844 if screen.kind == "phone" else 900})
        for path in chart_pages:
            screen.goto(f"/{prefix}{path}")
            charts += screen.page.locator("svg.chart").count()
            assert screen.page.evaluate(OUTSIDE_JS) == [], f"{prefix}{path} at {width}px"
            if screen.kind == "phone":  # legible: chart text at least 11 px on the screen
                sizes = screen.page.evaluate(
                    "() => [...document.querySelectorAll('svg.chart text')]"
                    ".map(t => t.getBoundingClientRect().height)"
                )
                assert min(sizes, default=99) >= 11, (path, min(sizes))
    assert charts >= 18 * len(widths)
    for path, name in (
        ("data/zhuzhou-agglomeration/", "zhuzhou"),
        ("data/zhejiang-product-shares/", "zhejiang"),
    ):
        screen.goto(f"/{prefix}{path}")
        screen.page.locator("figure.chart").scroll_into_view_if_needed()
        screen.shot(f"chart-{name}-{lang}-{screen.kind}")


def test_the_longest_labels_wrap_to_the_drawing() -> None:
    label = "Shanxiahu (Zhuji) freshwater pearls (share of national output)"
    lines = wrap(label, 200)
    assert " ".join(lines) == label and len(lines) > 1
    assert all(text_width(line) <= 200 for line in lines)
    assert (
        "".join(wrap("诸暨山下湖镇淡水珍珠占全国产量的比重", 100)) == "诸暨山下湖镇淡水珍珠占全国产量的比重"
    )


def test_series_colours_reach_3_to_1_against_the_dark_background(dark: Screen) -> None:
    for path in ("data/zhuzhou-agglomeration/", "data/jingzhou-output-targets/", "data/xiqiao-sales/"):
        for prefix in ("", "en/"):
            dark.goto(f"/{prefix}{path}")
            assert dark.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
            background = dark.page.evaluate("getComputedStyle(document.body).backgroundColor")
            fills = dark.page.evaluate(
                """() => [...document.querySelectorAll('svg.chart rect[class^=series], svg.chart polyline')]
                    .map(e => [e.getAttribute('class'),
                               getComputedStyle(e)[e.tagName === 'polyline' ? 'stroke' : 'fill']])"""
            )
            assert fills, path
            for name, colour in fills:
                assert contrast(colour, background) >= 3, (path, name, colour, background)
    dark.goto("/data/zhuzhou-agglomeration/")
    dark.page.locator("figure.chart").scroll_into_view_if_needed()
    dark.shot("chart-zhuzhou-zh-phone-dark")


def test_the_chinese_and_english_charts_show_the_same_categories(site: Path, chart_pages: list[str]) -> None:
    label = re.compile(r'<text class="label"[^>]*>(.*?)</text>')
    compared = 0
    for path in chart_pages:
        zh = (site / path / "index.html").read_text(encoding="utf-8")
        en = (site / "en" / path / "index.html").read_text(encoding="utf-8")
        zh_labels, en_labels = label.findall(zh), label.findall(en)
        assert len(zh_labels) == len(en_labels), path
        assert len(set(en_labels)) == len(en_labels), (path, en_labels)  # none merged or repeated
        compared += bool(zh_labels)
    assert compared >= 15


def test_english_data_pages_offer_an_english_csv(screen: Screen) -> None:
    screen.goto("/en/data/zhuzhou-agglomeration/")
    href = screen.page.locator("a[href$='.csv']").first.get_attribute("href")
    text = screen.page.evaluate("async href => (await fetch(href)).text()", href)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Year", "Industry", "Degree of agglomeration"]
    assert ["2000", "Non-ferrous metal smelting", "18.7"] in rows
    assert not re.search(r"[\u4e00-\u9fff]", "".join(r[1] for r in rows)), rows
    screen.goto("/data/zhuzhou-agglomeration/")
    href = screen.page.locator("a[href$='.csv']").first.get_attribute("href")
    chinese = screen.page.evaluate("async href => (await fetch(href)).text()", href)
    assert chinese.splitlines()[0] == "year,industry,agglomeration" and "有色金属冶炼" in chinese


@pytest.mark.parametrize("path", ["cases/compare/", "en/cases/compare/", "data/liuyang-fireworks/"])
def test_a_wide_table_on_a_phone_shows_that_it_scrolls(browser: object, server: str, path: str) -> None:
    phone = Screen(browser, server, "phone")
    try:
        phone.goto(f"/{path}")
        wraps = phone.page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset__scrollwrap, .table-wrap')]
                .filter(w => w.scrollWidth > w.clientWidth + 1)
                .map(w => [getComputedStyle(w).backgroundImage, getComputedStyle(w).backgroundAttachment])"""
        )
        assert wraps, f"{path}: no table wider than the phone"
        for image, attachment in wraps:
            assert image.count("radial-gradient") == 2 and "scroll" in attachment and "local" in attachment
        phone.page.locator("table").first.scroll_into_view_if_needed()
        phone.shot(f"table-scroll-{path.strip('/').replace('/', '-')}-phone")
    finally:
        phone.close()
