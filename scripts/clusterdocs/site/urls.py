"""Every URL between the site's pages: where each page type lives, and relative links between pages.

A page is named by its folder under a language's root (`chapters/zhuzhou/`); the Chinese pages live at the
site's root and the English ones under `en/`, so a link between two pages of one language is the same in both.
"""

from __future__ import annotations

from clusterdocs.escape import ident, url_part

LANG_ROOTS = {"zh": "", "en": "en/"}
"""Where each language's pages live under the site's root."""

HOME = ""
CHAPTERS = "chapters/"
GLOSSARY = "glossary/"
CASES = "cases/"
COMPARISON = "cases/compare/"
CLUSTERS = "cases/clusters/"
DATA = "data/"


def published(site_url: str, lang: str, page: str) -> str:
    """A page's published address in `lang` (`site_url` + the language's root + the page)."""
    return site_url.rstrip("/") + "/" + LANG_ROOTS[lang] + page


def chapter(slug: str) -> str:
    """A chapter page."""
    return f"{CHAPTERS}{url_part(slug)}/"


def case(case_id: str) -> str:
    """A case study's page."""
    return f"{CASES}{url_part(case_id)}/"


def dataset(dataset_id: str) -> str:
    """A data set's page."""
    return f"{DATA}{url_part(dataset_id)}/"


def csv_file(dataset_id: str) -> str:
    """A data set's CSV download."""
    return f"{DATA}{url_part(dataset_id)}.csv"


def source(name: str) -> str:
    """A raw source text."""
    return f"sources/{url_part(name)}"


def source_page(name: str) -> str:
    """The reading page of a raw source text (`003_….txt` -> `sources/003_…/`)."""
    return f"sources/{url_part(name.removesuffix('.txt'))}/"


def up(page: str) -> str:
    """From a page to the root of its language."""
    return "../" * page.count("/")


def _fragment(anchor: str) -> str:
    return f"#{ident(anchor)}" if anchor else ""


def link(page: str, target: str, anchor: str = "") -> str:
    """A relative URL from `page` to `target` of the same language, for HTML (`href="…"`, to be escaped)."""
    return up(page) + target + _fragment(anchor)


def md_link(page: str, target: str, anchor: str = "") -> str:
    """A relative link from `page`'s Markdown file to `target`'s, for a Markdown link (MkDocs checks it)."""
    file = f"{target}index.md" if target.endswith("/") or not target else target
    return up(page) + file + _fragment(anchor)


def other_language(page: str, lang: str, anchor: str = "") -> str:
    """A relative URL from `page` in `lang` to the same page in the other language."""
    if lang == "zh":
        return f"{up(page)}en/{page}{_fragment(anchor)}"
    return f"{up(page)}../{page}{_fragment(anchor)}"
