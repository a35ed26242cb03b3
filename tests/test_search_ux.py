"""Search that forgives and a light first visit (issue 12: F11 to F15, F17, F22).

No page downloads the search index (or the search worker) until the reader starts to search; English plurals
find their stems; a pasted query searches; a result group's top link opens the section that matched with the
term highlighted; a query with no results offers the other language's search; chart text stays out of the
index; the search dialog has an accessible name.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from screens import Screen
from search_harness import search
from test_charts import contrast

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
SEARCH_FILES = ("search_index.json", "/workers/search.")
BOX = "input.md-search__input"


@pytest.fixture(params=["phone", "desktop"])
def screen(request: pytest.FixtureRequest, browser: object, server: str) -> Iterator[Screen]:
    s = Screen(browser, server, request.param)
    yield s
    s.close()


def _search_requests(screen: Screen) -> list[str]:
    return [u for u in screen.requests if any(name in u for name in SEARCH_FILES)]


def _open_search(screen: Screen) -> None:
    """Start a search as a reader does: the search icon on a phone, the "/" key on a desktop."""
    if screen.kind == "phone":
        screen.page.tap("label.md-header__button[for='__search']")
    else:
        screen.page.keyboard.press("/")
    screen.page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/初始化|Initializing/.test(m.textContent); }"
    )


def _results(screen: Screen) -> int:
    """Wait for the results line to answer the query in the box; the number of result groups."""
    screen.page.wait_for_function(
        "() => /符合条件的结果|matching document|没有找到|No matching/.test("
        "document.querySelector('.md-search-result__meta').textContent)"
    )
    return screen.page.locator(".md-search-result__list > .md-search-result__item").count()


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/", "袜业"),
        ("/chapters/hunan-small-towns/", "孵化器"),
        ("/data/zhuzhou-agglomeration/", "轨道交通"),
        ("/en/", "socks"),
        ("/en/chapters/hunan-small-towns/", "incubators"),
        ("/en/data/zhuzhou-agglomeration/", "Zhuzhou"),
    ],
)
def test_the_search_index_loads_only_when_the_reader_starts_to_search(
    screen: Screen, path: str, query: str
) -> None:
    screen.goto(path)
    screen.page.wait_for_load_state("networkidle")
    assert _search_requests(screen) == []
    screen.page.mouse.wheel(0, 600)  # reading and scrolling do not start it either
    screen.page.wait_for_load_state("networkidle")
    assert _search_requests(screen) == []
    _open_search(screen)
    requested = _search_requests(screen)
    assert any("search_index.json" in u for u in requested) and any("/workers/" in u for u in requested)
    screen.page.fill(BOX, query)
    assert _results(screen) > 0
    screen.shot(f"search-lazy-{path.strip('/').replace('/', '-') or 'home'}-{screen.kind}")
    assert screen.errors == [] and screen.missing == []


def test_english_plurals_find_what_their_stems_find(visit) -> None:
    for plural, stem in (("socks", "sock"), ("incubators", "incubator"), ("industries", "industry")):
        found = set(search(visit.page, visit.base, "/en/", plural))
        assert found >= set(search(visit.page, visit.base, "/en/", stem)), plural
        assert found
    assert "en/data/datang-value-chain/" in search(visit.page, visit.base, "/en/", "socks")


@pytest.mark.parametrize(("start", "query"), [("/", "根植性"), ("/en/", "embeddedness")])
def test_a_pasted_query_searches_and_the_top_link_opens_the_matching_section(
    screen: Screen, start: str, query: str
) -> None:
    screen.goto(start)
    _open_search(screen)
    screen.page.fill(BOX, query)  # what a paste does: an input event, no key
    assert _results(screen) > 0
    screen.shot(f"search-pasted-{'en' if start == '/en/' else 'zh'}-{screen.kind}")
    for href in screen.page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
    ):
        parts = urlsplit(href)
        assert parse_qs(parts.query).get("h"), href  # the term to highlight
    top = screen.page.locator(".md-search-result__item > a.md-search-result__link").first
    top_href = top.get_attribute("href")
    assert urlsplit(top_href).fragment, top_href  # a section, not the top of a long chapter
    top.click()
    screen.page.wait_for_load_state("load")
    screen.page.wait_for_function("() => document.querySelectorAll('article mark').length > 0")
    assert screen.page.evaluate("window.scrollY") > 0
    screen.shot(f"search-opened-{'en' if start == '/en/' else 'zh'}-{screen.kind}")


@pytest.mark.parametrize(("start", "query", "other"), [("/en/", "qwxzv", "/"), ("/", "龘龘", "/en/")])
def test_a_query_with_no_results_offers_the_other_language(
    screen: Screen, start: str, query: str, other: str
) -> None:
    screen.goto(start)
    _open_search(screen)
    screen.page.fill(BOX, query)
    assert _results(screen) == 0
    offer = screen.page.locator(".search-other-language a")
    assert offer.is_visible()
    colour, background = screen.page.evaluate(
        """() => [getComputedStyle(document.querySelector('.search-other-language a')).color,
                  getComputedStyle(document.querySelector('.md-search__scrollwrap')).backgroundColor]"""
    )
    assert contrast(colour, background) >= 4.5, (colour, background)
    screen.shot(f"search-none-{'en' if start == '/en/' else 'zh'}-{screen.kind}")
    href = offer.get_attribute("href")
    assert urlsplit(href).path == other and parse_qs(urlsplit(href).query) == {"q": [query]}
    offer.click()
    screen.page.wait_for_load_state("load")
    screen.page.wait_for_function(
        "q => document.querySelector('input.md-search__input').value === q", arg=query
    )
    assert urlsplit(screen.page.url).path == other
    screen.page.fill(BOX, "")  # a new query hides the offer until it too finds nothing
    screen.page.fill(BOX, "集群" if other == "/" else "cluster")
    assert _results(screen) > 0
    assert screen.page.locator(".search-other-language").is_hidden()


@pytest.mark.parametrize("start", ["/", "/en/"])
def test_the_search_dialog_has_an_accessible_name(screen: Screen, start: str) -> None:
    screen.goto(start)
    _open_search(screen)
    assert screen.page.get_attribute(".md-search[role='dialog']", "aria-label") == (
        "查找" if start == "/" else "Search"
    )
    screen.page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluated, not a <script>: the CSP stays on
    result = screen.page.evaluate("() => axe.run(document, {runOnly: ['aria-dialog-name']})")
    assert result["violations"] == [] and result["passes"], result["violations"]


def test_the_search_partial_is_the_vendor_file_with_its_two_additions() -> None:
    import material

    vendor = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(
        encoding="utf-8"
    )
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    vendor_lines = vendor.splitlines()[3:]  # without its "automatically generated" comment
    our_lines = ours.splitlines()[4:]  # without ours, which says what was added
    dialog = '<div class="md-search" data-md-component="search" role="dialog">'
    named = dialog[:-1] + """ aria-label="{{ lang.t('search') }}">"""
    start = next(i for i, line in enumerate(our_lines) if "Shown by site.js" in line)
    end = our_lines.index("        {% endif %}", start) + 1
    offer = our_lines[start:end]
    assert [named if line == dialog else line for line in vendor_lines] == our_lines[:start] + our_lines[end:]
    assert sum("search-other-language" in line for line in offer) == 2 and len(offer) == 6


def test_chart_text_is_not_in_the_search_index(site: Path) -> None:
    for index in (site / "search" / "search_index.json", site / "en" / "search" / "search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        page = next(d for d in docs if d["location"] == "data/xiqiao-firms/")
        assert "纺织厂\u200b1636\u200b染整" not in page["text"]
        assert "1636" in page["text"]  # the table keeps its figures
        assert not any(
            "图中数字与下表相同" in d["text"] or "same as in the table below" in d["text"] for d in docs
        )
