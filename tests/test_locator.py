"""The front door's locator map, its list of places and the chapter cards; the small locators of the case
pages and the other-clusters page. Built-page checks on the session's strict build, then Chromium at a phone's
390×844 (touch) and a desktop's 1280×900, in both languages."""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from clusterdocs.bench import copy_project
from clusterdocs.content.cases import load_cases, load_clusters
from clusterdocs.content.english import load_all_english
from clusterdocs.content.places import PROVINCES, Place, check_pages, load_places
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Chapter
from clusterdocs.site.locator import check_inside
from conftest import ROOT, strict_build
from screens import Screen

HOMES = {"zh": "", "en": "en/"}
PLACES = ROOT / "content" / "places.yml"


class _Map(HTMLParser):
    """The locator's parts of a page: provinces drawn, markers (place -> href, name), listed places, cards."""

    def __init__(self) -> None:
        super().__init__()
        self.provinces: list[str] = []
        self.paths: list[dict[str, str]] = []
        self.markers: dict[str, tuple[str, str]] = {}
        self.listed: list[str] = []
        self.ids: set[str] = set()
        self.urls: list[str] = []
        self.cards: dict[str, dict[str, str]] = {}
        self._svg = 0
        self._card = ""
        self._fact = ""
        self._in_dd = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "svg" and "locator-map" in a.get("class", ""):
            self._svg += 1
        if self._svg:
            if tag == "path":
                self.paths.append(a)
                if "province" in a.get("class", "").split():
                    self.provinces.append(a.get("data-province", ""))
            for key in ("href", "src", "xlink:href"):
                if key in a:
                    self.urls.append(a[key])
            if tag == "a":
                self.markers[a["data-place"]] = (a["href"], a["aria-label"])
        if tag == "span" and a.get("class") == "place-name":
            self.listed.append(a["id"].removeprefix("place-"))
        if tag == "li" and a.get("class") == "chapter-card":
            self._card = a["data-chapter"]
            self.cards[self._card] = {}
        if self._card and tag == "div" and a.get("class") == "card-fact":
            self._fact = a["data-fact"]
        if self._fact and tag == "dd":
            self._in_dd = True
            self.cards[self._card][self._fact] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self._svg:
            self._svg -= 1
        if tag == "dd":
            self._in_dd = False
        if tag == "li":
            self._card = ""

    def handle_data(self, data: str) -> None:
        if self._in_dd:
            self.cards[self._card][self._fact] += data


def _parse(path: Path) -> _Map:
    found = _Map()
    found.feed(path.read_text(encoding="utf-8"))
    return found


def _built(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The built file a relative link from `page_url` (site-relative, ending in /) leads to; its anchor."""
    target = urlsplit(urljoin("http://x/" + page_url, href))
    assert target.netloc == "x", href
    return site / target.path.lstrip("/") / "index.html", target.fragment


@pytest.fixture(scope="module")
def places() -> list[Place]:
    return load_places(PLACES)


@pytest.mark.parametrize("lang", sorted(HOMES))
def test_a_marker_for_each_mapped_place_leads_to_a_page_that_exists(
    site: Path, places: list[Place], lang: str
) -> None:
    home = _parse(site / HOMES[lang] / "index.html")
    expected = {p.id for p in places if p.province is not None}
    assert set(home.markers) == expected
    for place_id, (href, name) in home.markers.items():
        page, anchor = _built(site, HOMES[lang], href)
        assert page.is_file(), (place_id, href)
        if anchor:
            assert anchor in _parse(page).ids, (place_id, href)
        place = next(p for p in places if p.id == place_id)
        assert name.startswith(place.name_zh if lang == "zh" else place.name_en), name


@pytest.mark.parametrize("lang", sorted(HOMES))
def test_the_list_beside_the_map_names_every_place_and_links_every_page(
    site: Path, places: list[Place], lang: str
) -> None:
    home = _parse(site / HOMES[lang] / "index.html")
    assert home.listed == [p.id for p in places]
    html = (site / HOMES[lang] / "index.html").read_text(encoding="utf-8")
    for place in places:
        item = re.search(rf'id="place-{place.id}">(.*?)</li>', html, re.DOTALL)
        assert item, place.id
        assert len(re.findall(r"<a href=", item.group(1))) == len(place.pages), place.id
    outside = [p for p in places if p.province is None]
    assert "silicon-valley" in [p.id for p in outside]
    assert all(p.id not in home.markers for p in outside)


@pytest.mark.parametrize("lang", sorted(HOMES))
def test_the_map_draws_only_the_five_provinces_and_refers_to_nothing_outside_the_site(
    site: Path, lang: str
) -> None:
    home = _parse(site / HOMES[lang] / "index.html")
    assert sorted(home.provinces) == sorted(PROVINCES)
    others = [p for p in home.paths if "province" not in p.get("class", "").split()]
    assert all(p.get("class") in ("locator-leader", "locator-target") for p in others), others
    assert all(not urlsplit(u).scheme and not u.startswith("//") for u in home.urls), home.urls


def test_case_pages_and_the_clusters_page_have_a_locator_with_their_places(
    site: Path, places: list[Place]
) -> None:
    for case in load_cases():
        mapped = {
            p.id for p in places if p.marker and any(r.kind == "case" and r.id == case.id for r in p.pages)
        }
        for lang, root in HOMES.items():
            page = _parse(site / root / "cases" / case.id / "index.html")
            assert set(page.markers) == mapped, (case.id, lang)
            for href, _ in page.markers.values():
                target, anchor = _built(site, f"{root}cases/{case.id}/", href)
                assert target.is_file() and anchor in _parse(target).ids, href
            assert len(page.provinces) == (len(PROVINCES) if mapped else 0)
    clusters = {p.id for p in places if p.marker and any(r.kind == "cluster" for r in p.pages)}
    for root in HOMES.values():
        page = _parse(site / root / "cases" / "clusters" / "index.html")
        assert set(page.markers) == clusters
        for href, _ in page.markers.values():
            assert href.startswith("#") and href[1:] in page.ids, href


@pytest.mark.parametrize("lang", sorted(HOMES))
def test_each_chapter_card_shows_place_genre_date_and_length_from_the_data(
    site: Path, chapters: list[Chapter], places: list[Place], lang: str
) -> None:
    cards = _parse(site / HOMES[lang] / "index.html").cards
    assert list(cards) == [c.slug for c in chapters]
    english = load_all_english(chapters, ROOT / "content" / "en")
    i = 0 if lang == "zh" else 1
    for chapter in chapters:
        card = cards[chapter.slug]
        names = [
            p.name_zh if lang == "zh" else p.name_en
            for p in places
            if ("chapter", chapter.slug) in {(r.kind, r.id) for r in p.pages}
        ]
        assert all(n in card["place"] for n in names) and names, chapter.slug
        context = english[chapter.slug].context  # type: ignore[union-attr]
        assert context is not None
        assert card["genre"] and context.genre[i].startswith(card["genre"]), chapter.slug
        for opening, closing in ("（）", "()"):  # never cut inside a bracket
            assert card["genre"].count(opening) == card["genre"].count(closing), (chapter.slug, card["genre"])
        assert card["date"] and context.date[i].startswith(card["date"]), chapter.slug
        characters = sum(len(re.sub(r"\s", "", b.text)) for b in chapter.blocks)
        shown = int(re.match(r"[\d,]+", card["length"]).group().replace(",", ""))  # type: ignore[union-attr]
        assert shown == characters, chapter.slug


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- {id: x, name: {zh: 甲, en: X}, province: anhui, lat: 31, lon: 117, pages: [chapter/zhuzhou]}",
            "[0].province: expected one of hunan",
        ),
        (
            "- {id: x, name: {zh: 甲, en: X}, province: hunan, lat: 91, lon: 112, "
            "reference: {title: t, url: 'https://example.org/'}, pages: [chapter/zhuzhou]}",
            "[0].lat: must be from",
        ),
        (
            "- {id: x, name: {zh: 甲, en: X}, province: hunan, pages: [essay/zhuzhou]}",
            "[0].pages[0]: expected",
        ),
        (
            "- {id: x, name: {zh: 甲, en: X}, outside: {zh: 外, en: out}, lat: 1, pages: [chapter/zhuzhou]}",
            "[0].lat: a place outside",
        ),
        (
            "- {id: x, name: {zh: 甲, en: X}, province: hunan, colour: red, pages: [chapter/zhuzhou]}",
            "[0].colour: unknown key",
        ),
    ],
)
def test_a_bad_places_file_is_refused_with_the_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "places.yml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        load_places(path)
    assert message in str(err.value) and "content/places.yml" in str(err.value)


def test_a_place_naming_a_page_the_site_lacks_is_refused(tmp_path: Path, slugs: list[str]) -> None:
    path = tmp_path / "places.yml"
    path.write_text(
        "- {id: x, name: {zh: 甲, en: X}, province: hunan, pages: [case/no-such-case]}\n", "utf-8"
    )
    with pytest.raises(SourceError) as err:
        check_pages(load_places(path), set(slugs), load_cases(), load_clusters())
    assert "[0].pages[0]" in str(err.value) and "no-such-case" in str(err.value)


def test_a_marker_outside_its_province_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "places.yml"
    path.write_text(  # Suzhou's coordinates, said to be in Hunan
        "- {id: x, name: {zh: 甲, en: X}, province: hunan, lat: 31.3, lon: 120.6, "
        "reference: {title: t, url: 'https://example.org/'}, pages: [chapter/zhuzhou]}\n",
        "utf-8",
    )
    with pytest.raises(SourceError) as err:
        check_inside(load_places(path))
    assert "content/places.yml:[0].lat" in str(err.value) and "not inside hunan" in str(err.value)


def test_the_map_shortcode_below_the_top_of_docs_stops_the_build(tmp_path: Path) -> None:
    """The map's links are written for a page at the top of docs/: anywhere else the build says so."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "more").mkdir()
    (project / "docs" / "more" / "map.md").write_text("# 地图\n\n<!-- md:map -->\n", encoding="utf-8")
    result = strict_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert (
        "more/map.md: <!-- md:map --> belongs on a page at the top of docs/" in result.stderr + result.stdout
    )
    assert "Traceback" not in result.stderr


# In Chromium: keyboard, touch, size of the tap targets, requests, axe.


@pytest.fixture(params=["phone", "desktop"])
def screen(request: pytest.FixtureRequest, browser: object, server: str):  # type: ignore[no-untyped-def]
    s = Screen(browser, server, request.param)
    yield s
    s.close()


@pytest.mark.parametrize("lang", sorted(HOMES))
def test_tab_reaches_every_marker_and_enter_follows_it(screen: Screen, lang: str) -> None:
    screen.goto("/" + HOMES[lang])
    markers = screen.page.eval_on_selector_all("svg.locator-map a", "els => els.map(e => e.dataset.place)")
    assert markers
    reached: list[str] = []
    for _ in range(400):
        screen.page.keyboard.press("Tab")
        place = screen.page.evaluate(
            "() => document.activeElement && document.activeElement.closest('svg.locator-map') ? "
            "document.activeElement.dataset.place : null"
        )
        if place:
            reached.append(place)
        elif reached:
            break
    assert reached == markers
    screen.page.focus(f'svg.locator-map a[data-place="{markers[0]}"]')
    href = screen.page.get_attribute(f'svg.locator-map a[data-place="{markers[0]}"]', "href")
    with screen.page.expect_navigation():
        screen.page.keyboard.press("Enter")
    assert screen.page.url == urljoin(screen.base + "/" + HOMES[lang], href)
    assert screen.foreign == [] and screen.missing == []


CENTRE_MAP = "() => document.querySelector('svg.locator-map').scrollIntoView({block: 'center'})"
DOTS = """() => [...document.querySelectorAll('svg.locator-map a')]
  .filter(a => a.querySelector('.locator-dot'))
  .map(a => { const r = a.querySelector('.locator-dot').getBoundingClientRect();
    const x = r.x + r.width / 2, y = r.y + r.height / 2;
    const t = a.querySelector('.locator-target').getBoundingClientRect();
    const hit = document.elementFromPoint(x, y);
    return {place: a.dataset.place, x, y, size: Math.min(t.width, t.height),
            hit: hit && hit.closest('a') ? hit.closest('a').dataset.place : null}; })"""


@pytest.mark.parametrize("lang", sorted(HOMES))
def test_a_tap_or_click_on_a_marker_opens_its_page(screen: Screen, lang: str) -> None:
    screen.goto("/" + HOMES[lang])
    screen.page.evaluate(CENTRE_MAP)
    href = screen.page.get_attribute('svg.locator-map a[data-place="zhuzhou"]', "href")
    dot = next(d for d in screen.page.evaluate(DOTS) if d["place"] == "zhuzhou")
    with screen.page.expect_navigation():
        if screen.kind == "phone":
            screen.page.touchscreen.tap(dot["x"], dot["y"])
        else:
            screen.page.mouse.click(dot["x"], dot["y"])
    assert screen.page.url == urljoin(screen.base + "/" + HOMES[lang], href)
    assert screen.foreign == [] and screen.missing == []


def test_each_marker_owns_the_point_under_its_dot_and_free_markers_have_24_pixel_targets(
    screen: Screen,
) -> None:
    """A tap on a dot goes to that marker, never a neighbour; a marker with no neighbour within 24 pixels
    has a target at least 24 pixels across (closer ones share the space between them, split halfway)."""
    for path in [*HOMES.values(), "cases/clusters/", "en/cases/datang-socks/"]:
        screen.goto("/" + path)
        screen.page.evaluate(CENTRE_MAP)
        dots = screen.page.evaluate(DOTS)
        assert dots
        assert [d["hit"] for d in dots] == [d["place"] for d in dots], path
        for d in dots:
            nearest = min(
                (math.dist((d["x"], d["y"]), (e["x"], e["y"])) for e in dots if e is not d), default=math.inf
            )
            if nearest >= 24:
                assert d["size"] >= 24, (path, d)


@pytest.mark.parametrize("lang", sorted(HOMES))
def test_the_front_door_has_no_serious_axe_finding_and_no_foreign_request(screen: Screen, lang: str) -> None:
    from test_quality import serious_axe_findings

    screen.goto("/" + HOMES[lang])
    width = screen.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= screen.page.viewport_size["width"]
    assert serious_axe_findings(screen.page) == []
    assert screen.foreign == [] and screen.missing == [] and screen.errors == []
    screen.shot(f"front-door-{lang}-{screen.kind}", full_page=True)
