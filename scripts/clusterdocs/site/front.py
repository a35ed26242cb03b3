"""The front door's generated parts (the locator map with its list of places, the chapter cards) and the
small locators of the case pages and the other-clusters page."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from markupsafe import Markup

from clusterdocs.content.cases import Entry
from clusterdocs.content.english import EnglishChapter
from clusterdocs.content.places import PageRef, Place
from clusterdocs.escape import html_text, md_text
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.chapter import display_title
from clusterdocs.site.lang import messages, pick
from clusterdocs.site.locator import locator_svg

READING_SPEED = 300
"""Characters of Chinese a minute: the reading time on the chapter cards assumes a careful reader of
academic prose (the estimate is said on the page)."""
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Site:
    """What the map and the cards name: chapters, cases and clusters by id, and the places."""

    chapters: dict[str, Chapter]
    cases: dict[str, Entry]
    clusters: dict[str, Entry]
    places: list[Place]


def target(ref: PageRef) -> tuple[str, str]:
    """The page a reference leads to and the anchor on it."""
    if ref.kind == "chapter":
        return urls.chapter(ref.id), ""
    if ref.kind == "case":
        return urls.case(ref.id), ""
    return urls.CLUSTERS, ref.id


def title(ref: PageRef, site: Site, lang: str) -> str:
    """The referenced page's title (for a cluster, its name on the other-clusters page)."""
    if ref.kind == "chapter":
        return display_title(site.chapters[ref.id], lang)
    entry = site.cases[ref.id] if ref.kind == "case" else site.clusters[ref.id]
    return pick(lang, entry.name_zh, entry.name_en)


def _name(place: Place, lang: str) -> str:
    return pick(lang, place.name_zh, place.name_en)


def accessible_name(site: Site, lang: str) -> Callable[[Place], str]:
    """A marker's name for screen readers: the place, where its link leads, how many pages the list adds."""
    msg = messages(lang)

    def name(place: Place) -> str:
        first = place.pages[0]
        text = (
            f"{_name(place, lang)}{msg.link_colon}{msg.page_kinds[first.kind]} · {title(first, site, lang)}"
        )
        more = len(place.pages) - 1
        return text + (msg.map_more_pages.format(n=more) if more else "")

    return name


def _href(page: str) -> Callable[[Place], str]:
    def href(place: Place) -> str:
        to, anchor = target(place.pages[0])
        return f"#{anchor}" if to == page and anchor else urls.link(page, to, anchor)

    return href


def place_list(site: Site, lang: str, page: str, places: list[Place]) -> str:
    """The map's text alternative: every place with every page it is discussed on, as a Markdown list."""
    msg = messages(lang)
    lines = []
    for place in places:
        links = []
        for ref in place.pages:
            page_target, anchor = target(ref)
            link = urls.md_link(page, page_target, anchor)
            links.append(
                f"{msg.page_kinds[ref.kind]}{msg.link_colon}[{md_text(title(ref, site, lang))}]({link})"
            )
        note = ""
        if place.whole_province:
            note = msg.map_whole_province
        elif not place.marker:
            outside = pick(lang, place.outside_zh, place.outside_en)
            note = f"（{msg.map_outside}：{outside}）" if lang == "zh" else f" ({msg.map_outside}: {outside})"
        name = (
            f'<span class="place-name" id="place-{html_text(place.id)}">{md_text(_name(place, lang))}</span>'
        )
        lines.append(f"- {name}{md_text(note)} — " + msg.list_sep.join(links))
    return "\n".join(lines)


def front_map(site: Site, lang: str) -> str:
    """The front door's map, its caption and the list of places (Markdown with the SVG as an HTML block)."""
    msg = messages(lang)
    svg = locator_svg(site.places, lang, _href(urls.HOME), accessible_name(site, lang))
    caption = f'<p class="locator-caption">{html_text(msg.map_caption)}</p>'
    heading = f"### {md_text(msg.map_places)} {{ #places }}"
    return f"{svg}\n\n{caption}\n\n{heading}\n\n{place_list(site, lang, urls.HOME, site.places)}"


def case_locator(site: Site, lang: str, case_id: str) -> Markup | None:
    """A small locator for a case page: the case's place highlighted, leading to it in the front door's list
    of places; None if it has no marker."""
    page = urls.case(case_id)
    places = [p for p in site.places if p.marker and any(r == PageRef("case", case_id) for r in p.pages)]
    if not places:
        return None
    msg = messages(lang)

    def href(place: Place) -> str:
        return urls.link(page, urls.HOME, f"place-{place.id}")

    def name(place: Place) -> str:
        return msg.map_on_front.format(place=_name(place, lang))

    return locator_svg(places, lang, href, name, [p.id for p in places], "small")


def clusters_locator(site: Site, lang: str) -> Markup:
    """A small locator for the other-clusters page: each cluster's marker leads to its entry on the page."""
    page = urls.CLUSTERS
    places = [p for p in site.places if p.marker and any(r.kind == "cluster" for r in p.pages)]

    def first_cluster(place: Place) -> Place:
        return replace(place, pages=tuple(r for r in place.pages if r.kind == "cluster"))

    shown = [first_cluster(p) for p in places]
    return locator_svg(shown, lang, _href(page), accessible_name(site, lang), [p.id for p in shown], "small")


def chinese_length(chapter: Chapter) -> int:
    """The characters of the chapter's Chinese text (its blocks), white space not counted."""
    return sum(len(_SPACE.sub("", block.text)) for block in chapter.blocks)


def _short(text: str, stops: str) -> str:
    """The text up to the first of `stops` outside brackets (the context box's date or genre without its
    explanation); a stop inside （…） or (…) does not cut."""
    depth = 0
    for i, char in enumerate(text):
        if i > 0 and depth == 0 and char in stops:
            return text[:i].strip()
        depth += (char in "（(") - (char in "）)")
    return text.strip()


def chapter_cards(site: Site, english_of: dict[str, EnglishChapter | None], lang: str) -> str:
    """Each chapter as a card (for the front door): title, place, date and kind of text from the context box,
    length in characters of Chinese and an estimated reading time; a field the data lacks is left out."""
    msg = messages(lang)
    cards = []
    for slug, chapter in site.chapters.items():
        facts = []
        places = [p for p in site.places if PageRef("chapter", slug) in p.pages]
        if places:
            names = msg.list_sep.join(_name(p, lang) for p in places)
            facts.append((msg.card_place, names, "place"))
        english = english_of.get(slug)
        if english is not None and english.context is not None:
            index = 0 if lang == "zh" else 1
            genre = _short(english.context.genre[index], "；，" if lang == "zh" else ";")
            facts.append((msg.context_genre, genre, "genre"))
            facts.append((msg.context_date, _short(english.context.date[index], "（("), "date"))
        chars = chinese_length(chapter)
        minutes = max(1, round(chars / READING_SPEED))
        length = msg.card_length_value.format(
            chars=f"{chars:,}" if lang == "en" else str(chars), minutes=minutes
        )
        facts.append((msg.card_length, length, "length"))
        rows = "".join(
            f'<div class="card-fact" data-fact="{kind}"><dt>{label}</dt><dd>{html_text(value)}</dd></div>'
            for label, value, kind in facts
        )
        other, other_title = pick(lang, "en", "zh-Hans"), display_title(chapter, pick(lang, "en", "zh"))
        cards.append(
            f'<li class="chapter-card" data-chapter="{html_text(slug)}">'
            f'<h3 class="chapter-card-title"><a href="{html_text(urls.link(urls.HOME, urls.chapter(slug)))}">'
            f"{html_text(display_title(chapter, lang))}</a></h3>"
            f'<p class="chapter-card-other" lang="{other}">{html_text(other_title)}</p>'
            f'<dl class="chapter-card-facts">{rows}</dl></li>'
        )
    note = f'<p class="chapter-cards-note">{html_text(msg.card_reading_note.format(speed=READING_SPEED))}</p>'
    return f'<ul class="chapter-cards">{"".join(cards)}</ul>\n\n{note}'
