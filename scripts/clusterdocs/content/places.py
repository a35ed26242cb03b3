"""The places of the locator map: content/places.yml, each with where it is and the pages that discuss it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from clusterdocs.config import CONTENT
from clusterdocs.content.cases import Entry
from clusterdocs.content.references import check_url
from clusterdocs.errors import SourceError
from clusterdocs.schema import Reader, check_id, entries, unique
from clusterdocs.yamlio import read_yaml

PLACES = CONTENT / "places.yml"
PROVINCES = ("hunan", "hubei", "jiangsu", "zhejiang", "guangdong")
"""The provinces the texts discuss: the only ones the map draws."""
PAGE_KINDS = ("chapter", "case", "cluster")
LABEL_SIDES = ("left", "right", "above", "below", "east", "south")


@dataclass(frozen=True)
class PageRef:
    """One page a place is discussed on: a chapter, a case, or an entry of the other-clusters page."""

    kind: str
    id: str


@dataclass(frozen=True)
class Place:
    """A place: names, the province it is in (None if outside them) and its point (None if province-wide)."""

    id: str
    name_zh: str
    name_en: str
    pages: tuple[PageRef, ...]
    province: str | None = None
    lat: float | None = None
    lon: float | None = None
    reference_title: str = ""
    reference_url: str = ""
    label: str = "right"
    outside_zh: str = ""
    outside_en: str = ""

    @property
    def marker(self) -> bool:
        """Whether the map shows this place as a marker (a point in a mapped province)."""
        return self.province is not None and self.lat is not None

    @property
    def whole_province(self) -> bool:
        """Whether the place is a whole province, linked from the province's name on the map."""
        return self.province is not None and self.lat is None


def _pages(r: Reader) -> tuple[PageRef, ...]:
    refs = []
    for i, text in enumerate(r.texts("pages", required=True)):
        place = f"{r.place('pages')}[{i}]"
        kind, _, ident = text.partition("/")
        if kind not in PAGE_KINDS or not ident:
            raise SourceError(
                r.name, place, f"expected chapter/<slug>, case/<id> or cluster/<id>, got {text!r}"
            )
        refs.append(PageRef(kind, check_id(ident, r.name, place)))
    return tuple(refs)


def _place(r: Reader) -> Place:
    name_zh, name_en = r.pair("name", line=True)
    named = Place(r.ident("id"), name_zh, name_en, _pages(r))
    if r.has("outside"):
        for key in ("province", "lat", "lon", "reference", "label"):
            if r.has(key):
                raise SourceError(r.name, r.place(key), "a place outside the mapped provinces has no " + key)
        zh, en = r.pair("outside", line=True)
        return replace(named, outside_zh=zh, outside_en=en)
    province = r.text("province", line=True)
    if province not in PROVINCES:
        raise SourceError(
            r.name, r.place("province"), f"expected one of {', '.join(PROVINCES)}, got {province!r}"
        )
    if not r.has("lat") and not r.has("lon"):
        for key in ("reference", "label"):
            if r.has(key):
                raise SourceError(r.name, r.place(key), "a whole province (no lat, lon) has no " + key)
        return replace(named, province=province)
    reference = r.sub("reference", ("title", "url"))
    url = reference.text("url", line=True).strip()
    check_url(url, r.name, reference.place("url"))
    label = r.optional_text("label", line=True) or "right"
    if label not in LABEL_SIDES:
        raise SourceError(
            r.name, r.place("label"), f"expected one of {', '.join(LABEL_SIDES)}, got {label!r}"
        )
    return replace(
        named,
        province=province,
        lat=r.number("lat", 18, 36),
        lon=r.number("lon", 107, 124),
        reference_title=reference.text("title", line=True),
        reference_url=url,
        label=label,
    )


def load_places(path: Path = PLACES) -> list[Place]:
    """The places, validated: ids unique, points inside the map's frame, each with at least one page."""
    name = f"content/{path.name}"
    keys = ("id", "name", "province", "lat", "lon", "reference", "label", "outside", "pages")
    places = [_place(r) for r in entries(name, read_yaml(path, name), keys)]
    unique(name, ((f"[{i}].id", p.id) for i, p in enumerate(places)))
    return places


def check_pages(
    places: list[Place],
    chapters: set[str],
    cases: list[Entry],
    clusters: list[Entry],
    name: str = "content/places.yml",
) -> None:
    """Refuse a place whose pages name a chapter, case or cluster the site does not have."""
    known = {"chapter": chapters, "case": {c.id for c in cases}, "cluster": {c.id for c in clusters}}
    for i, place in enumerate(places):
        for k, ref in enumerate(place.pages):
            if ref.id not in known[ref.kind]:
                raise SourceError(name, f"[{i}].pages[{k}]", f"no {ref.kind} has the id {ref.id!r}")
