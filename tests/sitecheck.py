"""Reading a built site: pages, their ids and links, resource references to other hosts, visible text."""

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
    return bool(re.match(r"^(https?:)?//", url.strip(), re.IGNORECASE))


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


HIDDEN = {"script", "style", "code", "pre", "template", "noscript"}
"""Elements whose text is not running text (code is shown as typed; scripts and styles are not shown)."""

BLOCKS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "desc", "details"),
        *("dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2"),
        *("h3", "h4", "h5", "h6", "head", "header", "hr", "label", "li", "main", "nav", "ol", "option"),
        *("p", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul"),
    }
)
"""Elements that start a new line of visible text."""


class _VisibleText(HTMLParser):
    """The text a reader sees, one line per block element (and per line break inside one)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_lines(html: str) -> list[str]:
    """The visible text of an HTML page or fragment, line by line, blank lines dropped (code excluded)."""
    parser = _VisibleText()
    parser.feed(html)
    return [line for line in "".join(parser.parts).split("\n") if line.strip()]


def article(html: str) -> str:
    """The page's own content (Material's <article>), without the theme's header, navigation and footer."""
    match = re.search(r'<article class="md-content__inner[^"]*">(.*)</article>', html, re.DOTALL)
    return match.group(1) if match else ""
