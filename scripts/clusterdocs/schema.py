"""One schema mechanism for every hand-written input: typed keys, unknown keys refused, one id pattern.

A `Reader` wraps one YAML mapping and the key path that leads to it; every accessor checks the value's type
and shape, and every error is a `SourceError(file, key.path[0].like, message)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from clusterdocs.errors import SourceError

ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"
"""Every id and slug: chapter slugs, section, table, glossary, case, cluster and data set ids."""
_ID = re.compile(ID_PATTERN)

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")

_NAMES = {
    "str": "text",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "list": "a list",
    "dict": "a mapping",
    "NoneType": "nothing",
}


def what(value: Any) -> str:
    """How an error describes the kind of a value: `text`, `a list`, `a mapping`…"""
    name = type(value).__name__
    return _NAMES.get(name, name)


def check_id(value: str, name: str, place: str) -> str:
    """`value` if it matches ID_PATTERN, else a SourceError at `place`."""
    if not _ID.fullmatch(value):
        raise SourceError(
            name, place, f"{value!r} is not an id (lower-case letters, digits and hyphens: {ID_PATTERN})"
        )
    return value


def check_text(value: Any, name: str, place: str, line: bool = False) -> str:
    """`value` as non-empty text (a number is taken as its digits); `line` refuses line breaks and tabs."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise SourceError(name, place, f"expected text, got {what(value)}")
    if not value.strip():
        raise SourceError(name, place, "expected non-empty text")
    bad = (_LINE_BREAK if line else _CONTROL).search(value)
    if bad:
        kind = "must be one line" if line and bad.group() in "\n\r\x85\u2028\u2029" else "must be plain text"
        raise SourceError(name, place, f"{kind} (found U+{ord(bad.group()):04X})")
    return value


class Reader:
    """Typed access to one mapping; `keys` are all the keys it may have (any other is an error)."""

    def __init__(self, name: str, data: Any, where: str, keys: Iterable[str]) -> None:
        if not isinstance(data, dict):
            raise SourceError(name, where or "top level", f"expected a mapping, got {what(data)}")
        allowed = set(keys)
        for key in data:
            if key not in allowed:
                place = f"{where}.{key}" if where else str(key)
                raise SourceError(name, place, f"unknown key (expected one of: {', '.join(sorted(allowed))})")
        self.name, self.data, self.where = name, data, where

    def place(self, key: str) -> str:
        """The key path of `key` in this mapping."""
        return f"{self.where}.{key}" if self.where else key

    def has(self, key: str) -> bool:
        """Whether the key is given (a key given as null counts as absent)."""
        return self.data.get(key) is not None

    def _value(self, key: str) -> Any:
        if key not in self.data:
            raise SourceError(self.name, self.place(key), "missing required key")
        if self.data[key] is None:
            raise SourceError(self.name, self.place(key), "no value given")
        return self.data[key]

    def _typed(self, key: str, kind: type) -> Any:
        value = self._value(key)
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            expected = _NAMES.get(kind.__name__, kind.__name__)
            raise SourceError(self.name, self.place(key), f"expected {expected}, got {what(value)}")
        return value

    def text(self, key: str, line: bool = False) -> str:
        """Required non-empty text; `line` for titles, names, bylines and labels (no line breaks)."""
        return check_text(self._value(key), self.name, self.place(key), line)

    def optional_text(self, key: str, line: bool = False) -> str | None:
        """Like `text`, or None when the key is absent."""
        return self.text(key, line) if self.has(key) else None

    def ident(self, key: str) -> str:
        """A required id or slug (ID_PATTERN)."""
        return check_id(self.text(key, line=True), self.name, self.place(key))

    def integer(self, key: str, low: int, high: int | None = None) -> int:
        """A required integer from `low` to `high` (inclusive; no upper bound if None)."""
        value: int = self._typed(key, int)
        if value < low or (high is not None and value > high):
            bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise SourceError(self.name, self.place(key), f"must be {bounds}, got {value}")
        return value

    def number(self, key: str, low: float, high: float) -> float:
        """A required number (integer or decimal) from `low` to `high` inclusive."""
        value = self._value(key)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise SourceError(self.name, self.place(key), f"expected a number, got {what(value)}")
        if not low <= value <= high:
            raise SourceError(self.name, self.place(key), f"must be from {low} to {high}, got {value}")
        return float(value)

    def optional_integer(self, key: str, low: int, high: int | None = None) -> int | None:
        """Like `integer`, or None when the key is absent."""
        return self.integer(key, low, high) if self.has(key) else None

    def integers(self, key: str, low: int) -> tuple[int, ...]:
        """A required list of integers, each at least `low` (the list may be empty)."""
        values: list[Any] = self._typed(key, list)
        for i, v in enumerate(values):
            if not isinstance(v, int) or isinstance(v, bool) or v < low:
                raise SourceError(
                    self.name, f"{self.place(key)}[{i}]", f"expected an integer of at least {low}, got {v!r}"
                )
        return tuple(values)

    def flag(self, key: str, default: bool | None = None) -> bool:
        """true or false; required when there is no default."""
        if default is not None and not self.has(key):
            return default
        value: bool = self._typed(key, bool)
        return value

    def texts(self, key: str, required: bool = False, line: bool = True) -> tuple[str, ...]:
        """A list of non-empty texts (one line each unless `line` is False); `required` means at least one."""
        if not self.has(key) and not required:
            return ()
        values: list[Any] = self._typed(key, list)
        if required and not values:
            raise SourceError(self.name, self.place(key), "expected at least one item")
        return tuple(check_text(v, self.name, f"{self.place(key)}[{i}]", line) for i, v in enumerate(values))

    def sub(self, key: str, keys: Iterable[str]) -> Reader:
        """The required mapping under `key`."""
        return Reader(self.name, self._value(key), self.place(key), keys)

    def optional_sub(self, key: str, keys: Iterable[str]) -> Reader | None:
        """The mapping under `key`, or None when the key is absent."""
        return self.sub(key, keys) if self.has(key) else None

    def items(self, key: str, keys: Iterable[str], required: bool = False) -> list[Reader]:
        """The list of mappings under `key` (empty when absent, unless `required`)."""
        if not self.has(key) and not required:
            return []
        values: list[Any] = self._typed(key, list)
        if required and not values:
            raise SourceError(self.name, self.place(key), "expected at least one item")
        keys = tuple(keys)
        return [Reader(self.name, v, f"{self.place(key)}[{i}]", keys) for i, v in enumerate(values)]

    def pair(self, key: str, line: bool = False) -> tuple[str, str]:
        """The required `{zh: …, en: …}` texts under `key`, as (zh, en)."""
        both = self.sub(key, ("zh", "en"))
        return both.text("zh", line), both.text("en", line)

    def optional_pair(self, key: str, line: bool = False) -> tuple[str, str] | None:
        """Like `pair`, or None when the key is absent."""
        return self.pair(key, line) if self.has(key) else None

    def text_map(self, key: str, line: bool = False, id_keys: bool = False) -> dict[str, str]:
        """A required mapping of free keys to non-empty text (keys are ids if `id_keys`)."""
        value: dict[Any, Any] = self._typed(key, dict)
        out = {}
        for k, v in value.items():
            place = f"{self.place(key)}.{k}"
            if id_keys:
                check_id(check_text(k, self.name, place, line=True), self.name, place)
            out[str(k)] = check_text(v, self.name, place, line)
        return out


def entries(name: str, data: Any, keys: Iterable[str], required: bool = True) -> list[Reader]:
    """The mappings of a file whose top level is a list; `required` means at least one."""
    if data is None and not required:
        return []
    if not isinstance(data, list):
        raise SourceError(name, "top level", f"expected a list, got {what(data)}")
    if required and not data:
        raise SourceError(name, "top level", "expected at least one entry")
    keys = tuple(keys)
    return [Reader(name, item, f"[{i}]", keys) for i, item in enumerate(data)]


def unique(name: str, values: Iterable[tuple[str, str]], noun: str = "id") -> None:
    """Refuse a value given twice: `values` are (place, value) pairs in file order."""
    seen: dict[str, str] = {}
    for place, value in values:
        if value in seen:
            raise SourceError(name, place, f"{noun} {value!r} used twice (first at {seen[value]})")
        seen[value] = place
