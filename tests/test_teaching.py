"""The lecturer's page (docs/teaching.md and docs/teaching.en.md): the same structure in both languages,
every chapter in the comparison grid and in a week, every failed figure check in the audit exercise, every
link resolving in the real strict build, and readable at phone width."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, Visit

PAGES = {"zh": ROOT / "docs" / "teaching.md", "en": ROOT / "docs" / "teaching.en.md"}
BUILT = {"zh": Path("teaching/index.html"), "en": Path("en/teaching/index.html")}
NAV_LABEL = {"zh": "教学指南", "en": "Teaching guide"}
HEADING = re.compile(r"^(#{1,6}) (.+?)(?: \{ #([a-z0-9-]+) \})?$", re.MULTILINE)
CHAPTER_LINK = re.compile(r"\]\(chapters/([a-z0-9-]+)/index\.md(?:#[a-z0-9-]+)?\)")
DATA_LINK = re.compile(r"\]\(data/([a-z0-9-]+)/index\.md\)")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
CELL_LIMIT = 80
"""The longest a grid cell may be (link text only, in characters), so the grid stays readable on a phone."""


def source(lang: str) -> str:
    """The hand-written Markdown of the page in one language."""
    return PAGES[lang].read_text(encoding="utf-8")


def section(text: str, anchor: str) -> str:
    """The Markdown from the heading with this id to the next heading of the same or a higher level."""
    headings = list(HEADING.finditer(text))
    for i, h in enumerate(headings):
        if h.group(3) == anchor:
            level = len(h.group(1))
            end = next((n.start() for n in headings[i + 1 :] if len(n.group(1)) <= level), len(text))
            return text[h.end() : end]
    raise AssertionError(f"no heading with id {anchor!r}")


def grid_rows(text: str) -> list[list[str]]:
    """The body rows of the comparison grid, as lists of cells."""
    lines = [ln for ln in section(text, "grid").splitlines() if ln.startswith("|")]
    assert len(lines) > 2, "the grid has no body rows"
    return [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines[2:]]


def week_anchors(text: str) -> list[str]:
    """The ids of the week headings, in order."""
    return [h.group(3) for h in HEADING.finditer(text) if (h.group(3) or "").startswith("week-")]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_every_heading_has_an_explicit_id(lang: str) -> None:
    """Lecturers link to sections: every heading has an id written in the source, not made from its text."""
    missing = [h.group(2) for h in HEADING.finditer(source(lang)) if not h.group(3)]
    assert missing == []


def test_both_languages_have_the_same_heading_ids() -> None:
    """The same anchors, in the same order and at the same levels, so one link works in either language."""
    zh, en = (
        [(len(h.group(1)), h.group(3)) for h in HEADING.finditer(source(lang))] for lang in ("zh", "en")
    )
    assert zh == en
    weeks = week_anchors(source("zh"))
    assert 4 <= len(weeks) <= 6, f"a sequence of four to six weeks, found {weeks}"


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_every_chapter_is_in_the_grid_once(lang: str, slugs: list[str]) -> None:
    """One grid row per chapter of the manifests, each row linking its chapter in the first cell."""
    rows = grid_rows(source(lang))
    linked = [CHAPTER_LINK.findall(row[0]) for row in rows]
    assert all(len(found) == 1 for found in linked), linked
    assert sorted(found[0] for found in linked) == sorted(slugs)
    widths = {len(row) for row in rows}
    assert len(widths) == 1, f"rows with different numbers of cells: {widths}"


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_grid_cells_stay_short(lang: str) -> None:
    """Short cells keep the seven-column grid usable on a phone."""
    long = [
        cell for row in grid_rows(source(lang)) for cell in row if len(MD_LINK.sub(r"\1", cell)) > CELL_LIMIT
    ]
    assert long == []


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_every_chapter_is_read_in_some_week(lang: str, slugs: list[str]) -> None:
    """Each chapter of the manifests is assigned reading in at least one week of the sequence."""
    text = source(lang)
    read = {slug for week in week_anchors(text) for slug in CHAPTER_LINK.findall(section(text, week))}
    assert sorted(set(slugs) - read) == []


def failed_checks(site: Path) -> set[str]:
    """The data sets whose consistency checks found a disagreement, read from their built pages."""
    failed = set()
    for page in sorted((site / "data").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        checks = html.split('id="checks"', 1)
        if len(checks) == 2 and "editorial" in checks[1].split('id="cite"', 1)[0]:
            failed.add(page.parent.name)
    return failed


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_audit_covers_every_disagreeing_figure(lang: str, site: Path) -> None:
    """Every data page whose check flags a disagreement has an item in the audit exercise."""
    failed = failed_checks(site)
    assert failed, "no data page reports a failed check: the detection above no longer matches the pages"
    audited = set(DATA_LINK.findall(section(source(lang), "audit")))
    assert sorted(failed - audited) == []


class _Page(HTMLParser):
    """The ids of a built page, and the hrefs inside its article (not the theme's navigation)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self._article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "article":
            self._article += 1
        elif tag == "a" and self._article and values.get("href"):
            self.hrefs.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article -= 1


def parse(path: Path) -> _Page:
    """A built page, parsed."""
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_every_link_resolves_in_the_strict_build(lang: str, site: Path) -> None:
    """Every internal link of the built page reaches an existing page of the same language and, if it names an
    anchor, an element with that id; every outside reference is https."""
    built = site / BUILT[lang]
    page = parse(built)
    assert page.hrefs, "no links in the page's article"
    problems = []
    for href in page.hrefs:
        parts = urlsplit(href)
        if parts.scheme:
            if parts.scheme != "https":
                problems.append(f"{href}: not https")
            continue
        target = (built.parent / unquote(parts.path)).resolve() if parts.path else built
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            problems.append(f"{href}: no such page")
            continue
        in_english = target.relative_to(site.resolve()).parts[0] == "en"
        if in_english != (lang == "en") and target.suffix == ".html":
            problems.append(f"{href}: leads to the other language")
        if parts.fragment and parts.fragment not in parse(target).ids:
            problems.append(f"{href}: no element with id {parts.fragment!r}")
    assert problems == []


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_navigation_lists_the_page(lang: str, site: Path) -> None:
    """The nav of the home page offers the teaching guide under its label in the page's language."""
    home = site / ("en/index.html" if lang == "en" else "index.html")
    html = home.read_text(encoding="utf-8")
    link = re.search(r'<a href="[^"]*teaching/"[^>]*>(.*?)</a>', html, re.DOTALL)
    assert link, "the home page's navigation has no link to the teaching guide"
    assert NAV_LABEL[lang] in re.sub(r"<[^>]+>", "", link.group(1))


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_page_fits_a_phone(lang: str, browser: object, server: str) -> None:
    """At phone width the page does not scroll sideways (the grid scrolls in its own container), and it makes
    no request to another host."""
    visit = Visit(browser, server, {"width": 390, "height": 844})
    try:
        visit.goto("/" + str(BUILT[lang].parent) + "/")
        overflow = visit.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than the phone"
        grid = visit.page.locator("#grid ~ .md-typeset__scrollwrap table, #grid ~ * table").first
        assert grid.count() == 1
        scroller = grid.evaluate(
            "t => { for (let e = t.parentElement; e; e = e.parentElement) {"
            " if (getComputedStyle(e).overflowX === 'auto') return e.clientWidth; } return null; }"
        )
        assert scroller is not None and scroller <= 390, "the grid is not inside a scrolling container"
        grid.scroll_into_view_if_needed()
        visit.shot(f"teaching-{lang}-phone-grid")
        visit.goto("/" + str(BUILT[lang].parent) + "/")
        visit.shot(f"teaching-{lang}-phone")
        assert visit.foreign == []
        assert visit.missing == []
    finally:
        visit.close()


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_page_passes_axe(lang: str, visit: Visit) -> None:
    """No serious or critical WCAG 2 A/AA finding from axe-core on the page, reference links included."""
    from test_quality import serious_axe_findings

    visit.goto("/" + str(BUILT[lang].parent) + "/")
    assert serious_axe_findings(visit.page) == []


def test_pages_validate_with_the_nu_checker(site: Path) -> None:
    """Both built pages are valid HTML, apart from the theme's own known findings."""
    from test_quality import nu_findings

    assert nu_findings([str(site / BUILT[lang]) for lang in sorted(PAGES)]) == []
