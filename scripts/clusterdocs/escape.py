"""Escaping input text for every place it reaches, so that markup in any input is shown as text, never run."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_NOT_ID = re.compile(r"[^A-Za-z0-9_-]")


def one_line(text: str) -> str:
    """The text with every line break turned into a space (for places a line break would end)."""
    return _LINE_BREAK.sub(" ", text)


def html_text(text: str) -> str:
    """Text for an HTML element or a quoted attribute value."""
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Text for a Markdown inline context (heading, list item, table cell, link label), kept on one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(one_line(text), quote=False))


def ident(text: str) -> str:
    """An id for `id=`, a `#fragment` or an attr_list `{ #… }`: letters, digits, `-` and `_` pass, anything
    else becomes `_` and its code point in hex (validated ids pass unchanged: this is the second defence)."""
    return _NOT_ID.sub(lambda m: f"_{ord(m.group()):x}", text) or "_"


def url_part(text: str) -> str:
    """One path segment of a relative URL (a slug, an id, a file name), percent-encoded so that it cannot
    end the URL, leave its folder or start a scheme."""
    return quote(text, safe="") if text not in {".", ".."} else quote(text.replace(".", "%2E"), safe="%")


def title_text(text: str) -> str:
    """A page title for the front matter: MkDocs and the theme print it without escaping (nav, header,
    `<title>`), so it is HTML-escaped here and kept on one line."""
    return html.escape(one_line(text), quote=False)
