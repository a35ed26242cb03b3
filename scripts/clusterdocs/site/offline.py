"""Offline reading, written into the built site: the web app manifests, the app icons, one offline
manifest per language (its pages and the assets they need, each with a content hash) and the service worker
at the site's root, whose cache is named after the build's hash so that a changed site
replaces what readers keep."""

from __future__ import annotations

import hashlib
import json
import struct
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import numpy as np

from clusterdocs.errors import SourceError
from clusterdocs.site import urls
from clusterdocs.site.edition import THEME_COLOUR
from clusterdocs.site.lang import messages
from clusterdocs.site.templates import environment

ICON_SIZES = (192, 512)
"""PNG icons for the installed app (Android asks for 192 and 512 px; iOS takes the 192 as its touch icon)."""
SVG = "{http://www.w3.org/2000/svg}"
WEB_MANIFEST = "manifest.webmanifest"
"""Each language's web app manifest, at its root."""
ASSET_SKIP = (".map",)


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _colour(value: str, where: str) -> tuple[float, float, float]:
    """An SVG fill of the form #rrggbb or #rgb, as floats from 0 to 1."""
    text = value.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    try:
        red, green, blue = (int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:
        raise SourceError(
            where, "fill", f"the icon maker reads #rrggbb colours only, not {value!r}"
        ) from None
    return red, green, blue


def icon_png(svg: bytes, size: int, where: str = "overrides/assets/favicon.svg") -> bytes:
    """The favicon drawn at `size` px as a PNG: its `<rect>` (with `rx`) and `<circle>`s, anti-aliased.

    The favicon is made of these shapes only; any other element is refused with one line, not guessed at.
    """
    root = ET.fromstring(svg)
    x0, y0, width, height = (float(v) for v in root.get("viewBox", "0 0 64 64").split())
    scale = size / max(width, height)
    ys, xs = np.mgrid[0:size, 0:size].astype(float)
    px, py = (xs + 0.5) / scale + x0, (ys + 0.5) / scale + y0
    image = np.zeros((size, size, 4))

    def paint(distance: np.ndarray, fill: str) -> None:
        coverage = np.clip(0.5 - distance * scale, 0.0, 1.0)
        inside = coverage > 0  # blend only the pixels the shape covers
        part = coverage[inside][:, None]
        colour = np.array([*_colour(fill, where), 1.0])
        image[inside] = image[inside] * (1 - part) + colour * part

    def walk(element: ET.Element, fill: str) -> None:
        fill = element.get("fill", fill)
        tag = element.tag.removeprefix(SVG)
        if tag == "rect":
            w, h = float(element.get("width", 0)), float(element.get("height", 0))
            x, y, r = float(element.get("x", 0)), float(element.get("y", 0)), float(element.get("rx", 0))
            qx = np.abs(px - (x + w / 2)) - (w / 2 - r)
            qy = np.abs(py - (y + h / 2)) - (h / 2 - r)
            outside = np.hypot(np.maximum(qx, 0), np.maximum(qy, 0))
            paint(outside + np.minimum(np.maximum(qx, qy), 0) - r, fill)
        elif tag == "circle":
            cx, cy, r = (float(element.get(k, 0)) for k in ("cx", "cy", "r"))
            paint(np.hypot(px - cx, py - cy) - r, fill)
        elif tag not in ("svg", "g"):
            raise SourceError(where, f"<{tag}>", "the icon maker draws <rect>, <circle> and <g> only")
        for child in element:
            walk(child, fill)

    walk(root, "#000000")
    pixels = np.round(image * 255).astype(np.uint8)
    rows = b"".join(b"\x00" + pixels[row].tobytes() for row in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def web_manifest(lang: str) -> dict[str, object]:
    """The web app manifest of one language (served at the language's root, so its URLs are relative)."""
    up = "../" if urls.LANG_ROOTS[lang] else ""
    icons: list[dict[str, str]] = [
        {"src": f"{up}assets/favicon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
    ]
    icons += [
        {"src": f"{up}assets/icon-{n}.png", "sizes": f"{n}x{n}", "type": "image/png", "purpose": "any"}
        for n in ICON_SIZES
    ]
    return {
        "name": messages(lang).site_name,
        "short_name": messages(lang).site_name,
        "lang": "zh-Hans" if lang == "zh" else "en",
        "dir": "ltr",
        "start_url": "./",
        "scope": up or "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }


def _search_scripts(site: Path) -> set[str]:
    """The lunr files the search worker imports for the search languages (as Material's worker picks them)."""
    langs: set[str] = set()
    for index in (site / "search" / "search_index.json", site / "en" / "search" / "search_index.json"):
        if index.is_file():
            langs |= set(json.loads(index.read_bytes())["config"]["lang"])
    scripts = {f"assets/javascripts/lunr/min/lunr.{lang}.min.js" for lang in langs - {"en"}}
    if "ja" in langs:
        scripts.add("assets/javascripts/lunr/tinyseg.js")
    if langs & {"hi", "th"}:
        scripts.add("assets/javascripts/lunr/wordcut.js")
    if len(langs) > 1:
        scripts.add("assets/javascripts/lunr/min/lunr.multi.min.js")
    if scripts:
        scripts.add("assets/javascripts/lunr/min/lunr.stemmer.support.min.js")
    return scripts


def search_worker_files(site: Path) -> list[str]:
    """What the search worker loads inside itself (its script and lunr files), which the page's own list of
    loaded resources does not show: kept with the search index when a reader searches before the service
    worker is in charge."""
    workers = (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    return sorted(_search_scripts(site) | {p.relative_to(site).as_posix() for p in workers})


def _files(site: Path, paths: list[Path]) -> dict[str, str]:
    """Each file's URL under the site's root with its content hash (a page by its folder: `chapters/x/`)."""
    out = {}
    for path in sorted(paths):
        rel = path.relative_to(site).as_posix()
        url = rel.removesuffix("index.html") if path.name == "index.html" else rel
        out[url] = _hash(path.read_bytes())
    return out


def offline_manifests(site: Path) -> dict[str, dict[str, object]]:
    """Per language: its pages, and the assets and search index its pages need, each with a content hash."""
    lunr = _search_scripts(site)
    assets = [
        p
        for p in (site / "assets").rglob("*")
        if p.is_file()
        and not p.name.endswith(ASSET_SKIP)
        and ("/lunr/" not in p.as_posix() or p.relative_to(site).as_posix() in lunr)
    ]
    shared = _files(site, assets)
    out: dict[str, dict[str, object]] = {}
    for lang, prefix in urls.LANG_ROOTS.items():
        root = site / prefix if prefix else site
        pages = [
            p
            for p in root.rglob("index.html")
            if lang == "en" or not p.relative_to(site).as_posix().startswith(urls.LANG_ROOTS["en"])
        ]
        extra = [root / WEB_MANIFEST, root / "search" / "search_index.json"]
        out[lang] = {
            "lang": lang,
            "pages": _files(site, pages),
            "assets": {**shared, **_files(site, [p for p in extra if p.is_file()])},
        }
    build = _hash(json.dumps(out, sort_keys=True).encode("utf-8"))
    for manifest in out.values():
        manifest["build"] = build
    return out


def service_worker(build: str, search_files: list[str]) -> str:
    """The service worker's script, its cache named after the build."""
    template = environment().get_template("sw.js.j2")
    return template.render(
        build=build,
        search_files=search_files,
        missing={
            lang: [
                messages(lang).offline_missing_title,
                messages(lang).offline_missing_text,
                messages(lang).site_name,
            ]
            for lang in urls.LANG_ROOTS
        },
    )


def write_offline(site: Path, favicon: str = "assets/favicon.svg") -> str:
    """Write the app icons and manifests, the offline manifests and `sw.js` into a built site; return the
    build's hash.

    `favicon` is the site's icon, relative to the built site's root (mkdocs.yml's `theme.favicon`).
    """
    svg = (site / favicon).read_bytes()
    for size in ICON_SIZES:
        (site / "assets" / f"icon-{size}.png").write_bytes(icon_png(svg, size))
    for lang, prefix in urls.LANG_ROOTS.items():
        text = json.dumps(web_manifest(lang), ensure_ascii=False, indent=1)
        (site / prefix / WEB_MANIFEST).write_text(text + "\n", encoding="utf-8")
    manifests = offline_manifests(site)
    for lang, prefix in urls.LANG_ROOTS.items():
        text = json.dumps(manifests[lang], ensure_ascii=False, sort_keys=True)
        (site / prefix / "offline.json").write_text(text + "\n", encoding="utf-8")
    build = str(manifests["zh"]["build"])
    (site / "sw.js").write_text(service_worker(build, search_worker_files(site)), encoding="utf-8")
    return build
