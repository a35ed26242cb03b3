"""Escaping source text so that markup in a source is always shown as text, never run."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def html_text(text: str) -> str:
    """Text for an HTML element or attribute."""
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Text for a Markdown inline context (headings, list items, link labels)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
