"""The Content-Security-Policy of every page, as a meta tag: scripts from the site itself and the theme's own
inline scripts (by hash), nothing from another host, no plugins, no `<base>` or form target elsewhere."""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path

import material

THEME_SCRIPTS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
"""The theme's partials that write inline scripts (Material's `partials/javascripts/*.html`)."""

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

STYLE_SRC = "'self'"
"""Stylesheets from the site only: the pages hold no `style` attribute or element, and Material's JavaScript
sets styles through the CSSOM (`element.style`), which a policy does not restrict."""


@functools.cache
def theme_scripts() -> tuple[re.Pattern[str], ...]:
    """A pattern for each inline script the theme writes; template variables (the page's relative base URL)
    match a relative path only."""
    patterns = []
    for partial in sorted(THEME_SCRIPTS.glob("*.html")):
        for match in _SCRIPT.finditer(partial.read_text(encoding="utf-8")):
            parts = _JINJA.split(match.group("body"))
            patterns.append(re.compile(r"[A-Za-z0-9._/-]*".join(re.escape(p) for p in parts)))
    return tuple(patterns)


def _runs(attrs: str) -> bool:
    """Whether a `<script>` with these attributes runs inline code (not `src=`, not a data block)."""
    if re.search(r"\ssrc\s*=", attrs, re.IGNORECASE):
        return False
    kind = re.search(r"""\stype\s*=\s*["']?([^"'\s>]*)""", attrs, re.IGNORECASE)
    return (kind.group(1).lower() if kind else "") in _JS_TYPES


def script_hashes(html: str) -> list[str]:
    """The CSP hashes of the page's inline scripts that the theme wrote; any other inline script is left out,
    so that a script which reached the page some other way does not run."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        body = match.group("body")
        if _runs(match.group("attrs")) and any(p.fullmatch(body) for p in theme_scripts()):
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
            hashes.append(f"'sha256-{digest}'")
    return list(dict.fromkeys(hashes))


def policy(html: str) -> str:
    """The policy for one page."""
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *script_hashes(html)]),
            f"style-src {STYLE_SRC}",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_csp(html: str) -> str:
    """The page with its Content-Security-Policy meta tag first in `<head>` (after the charset)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    charset = re.search(r"<meta charset=[\"']?utf-8[\"']?>", html, re.IGNORECASE)
    head = charset or re.search(r"<head(?:\s[^>]*)?>", html, re.IGNORECASE)
    if head is None:
        return html
    return f"{html[: head.end()]}\n      {meta}{html[head.end() :]}"
