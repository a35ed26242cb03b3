"""Public references: the page that supports a fact from outside the sources."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clusterdocs.errors import SourceError
from clusterdocs.schema import Reader

_URL = re.compile(r"https?://[^\s<>\"']+")


@dataclass(frozen=True)
class Reference:
    """A public reference: what it is, and its address."""

    title: str
    url: str


def check_url(url: str, name: str, place: str) -> str:
    """`url` if it is an http(s) address without spaces or quotes, else a SourceError at `place`."""
    if not _URL.fullmatch(url):
        raise SourceError(name, place, f"expected an http:// or https:// address, got {url!r}")
    return url


def reference(r: Reader, key: str = "reference") -> Reference | None:
    """The optional `{title, url}` under `key`."""
    sub = r.optional_sub(key, ("title", "url"))
    if sub is None:
        return None
    url = check_url(sub.text("url", line=True).strip(), r.name, sub.place("url"))
    return Reference(sub.text("title", line=True).strip(), url)
