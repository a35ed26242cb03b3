"""Page skeletons: Jinja templates in site/templates/, autoescape on, filters for each place text goes.

Every value a template prints is HTML-escaped unless a filter says how it is escaped instead:
`h` (HTML text or attribute, as the rest of the site writes it), `md` (Markdown inline text, on one line),
`id` (an id or `#fragment`). Fragments Python has already escaped arrive as `Markup`; the interface words of
`site/lang.py` are trusted and reach templates as `t`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from clusterdocs.escape import html_text, ident, md_text
from clusterdocs.site.lang import Messages, messages

TEMPLATES = Path(__file__).parent / "templates"


class Trusted:
    """The catalogue of one language, its texts marked safe (they are the site's own words)."""

    def __init__(self, msg: Messages) -> None:
        self._msg = msg

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._msg, name)
        if isinstance(value, str):
            return Markup(value)
        if isinstance(value, dict):
            return {k: Markup(v) for k, v in value.items()}
        return tuple(Markup(v) for v in value) if isinstance(value, tuple) else value


@functools.cache
def environment() -> Environment:
    """The one Jinja environment of the site."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["h"] = lambda text: Markup(html_text(str(text)))
    env.filters["md"] = lambda text: Markup(md_text(str(text)))
    env.filters["id"] = lambda text: Markup(ident(str(text)))
    return env


def render(template: str, lang: str, /, **context: Any) -> str:
    """The template filled in for a page in `lang`."""
    return environment().get_template(template).render(t=Trusted(messages(lang)), lang=lang, **context)
