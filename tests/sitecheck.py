"""Reading a built site: pages, their ids and links, and resource references to other hosts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

RESOURCE_ATTRS = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("source", "srcset"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("track", "src"),
    ("input", "src"),
    ("video", "poster"),
}
NOT_FETCHED_RELS = {"canonical", "alternate"}


@dataclass
class Page:
    """What the checks need from one HTML file."""

    path: Path
    lang: str = ""
    ids: set[str] = field(default_factory=set)
    heading_ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page.lang = a.get("lang", "")
        if "id" in a:
            self.page.ids.add(a["id"])
            if re.fullmatch(r"h[1-6]", tag):
                self.page.heading_ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag == "a" and "href" in a:
            self.page.links.append(a["href"])
        if tag == "link" and "href" in a:
            rels = set(a.get("rel", "").split())
            (self.page.links if rels & NOT_FETCHED_RELS else self.page.resources).append(a["href"])
        for element, attr in RESOURCE_ATTRS:
            if tag == element and attr in a:
                self.page.resources.append(a[attr])
        if "style" in a:
            self.page.resources += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])


def read_page(path: Path) -> Page:
    """Parse one built page."""
    page = Page(path)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


def pages(site: Path) -> dict[str, Page]:
    """Every HTML page of the site, keyed by its path relative to the site root."""
    return {p.relative_to(site).as_posix(): read_page(p) for p in sorted(site.rglob("*.html"))}


def is_external(url: str) -> bool:
    """True for a URL that names another host (http, https or protocol-relative)."""
    return bool(re.match(r"^(https?:)?//", url.strip(), re.I))


def css_references(site: Path) -> dict[str, list[str]]:
    """url(...) and @import targets of every stylesheet."""
    found = {}
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        refs = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        found[css.relative_to(site).as_posix()] = refs
    return found


def resolve(site: Path, page_rel: str, href: str) -> tuple[Path | None, str]:
    """The file an internal link points to (None if it points nowhere) and its fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    base = (
        site if parts.path.startswith("/") else (site / page_rel).parent
    )  # the test build's site_url path is /
    path = unquote(parts.path).lstrip("/")
    target = (base / path).resolve() if parts.path else (site / page_rel).resolve()
    if target.is_dir():
        target = target / "index.html"
    return (target if target.exists() else None), unquote(parts.fragment)
