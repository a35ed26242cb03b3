"""Reading input files strictly and once: regular files only, UTF-8 only, YAML without duplicate keys.

Every input (seed, manifest, content file, CSV) goes through `read_bytes`; a file is read and parsed once per
build however many callers ask, and read again only when its size or modification time changes. Every problem
is a `SourceError` naming the file (and the line, where there is one).
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from clusterdocs.errors import SourceError

BOM = "\ufeff"
RACY_NS = 2_000_000_000
"""A file modified this recently (ns) when it was cached may change again within the same timestamp tick, so
its cached bytes are compared with the file rather than trusted on size and time alone (as git does)."""

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML was built with it


def _construct_mapping(self: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    """The safe loader's mappings, refusing a key given twice in one mapping."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = self.construct_object(key_node, deep=True)
        try:
            duplicate = key in seen
            seen.add(key)
        except TypeError:  # an unhashable key: the base class reports it
            continue
        if duplicate:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
    mapping: dict[Any, Any] = yaml.constructor.SafeConstructor.construct_mapping(self, node, deep=deep)
    return mapping


_StrictLoader = cast(
    "type[yaml.SafeLoader]", type("_StrictLoader", (_BASE,), {"construct_mapping": _construct_mapping})
)
"""The safe loader (libyaml's where available) with duplicate keys refused."""


@dataclass
class _Cached:
    """One file as last read: its stat key, its bytes, and what was parsed from them."""

    key: tuple[int, int, int, int]
    data: bytes
    racy: bool
    parsed: dict[str, Any]


_cache: dict[Path, _Cached] = {}


def _stat_key(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _fault(name: str, err: OSError) -> SourceError:
    return SourceError(name, "", f"cannot read the file ({err.strerror or err})")


def _entry(path: Path, name: str) -> _Cached:
    """The cache entry for `path`, refreshed if the file changed; symlinks and non-regular files refused."""
    try:
        st = path.lstat()
    except OSError as err:
        raise _fault(name, err) from None
    if stat.S_ISLNK(st.st_mode):
        raise SourceError(name, "", "is a symbolic link; inputs must be regular files")
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(name, "", "not a regular file")
    key = _stat_key(st)
    cached = _cache.get(path)
    if cached is not None and cached.key == key and not cached.racy:
        return cached
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as f:
            key = _stat_key(os.fstat(f.fileno()))
            data = f.read()
    except OSError as err:
        raise _fault(name, err) from None
    racy = time.time_ns() - key[2] < RACY_NS
    if cached is not None and cached.data == data:
        cached.key, cached.racy = key, racy
        return cached
    _cache[path] = fresh = _Cached(key, data, racy, {})
    return fresh


def read_bytes(path: Path, name: str) -> bytes:
    """The bytes of one input file; `name` is how errors refer to it (e.g. `seeds/000_….txt`)."""
    return _entry(path, name).data


def decode_text(data: bytes, name: str) -> str:
    """Bytes to text with LF line ends: UTF-8 only (a BOM is dropped), no NUL or other control characters."""
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError(name, f"line {line}", "binary data (NUL byte): not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SourceError(
            name, f"line {line}", f"not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None
    text = text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")
    for offset, char in enumerate(text):
        if (ord(char) < 32 and char not in "\n\t") or ord(char) == 127:
            line = text[:offset].count("\n") + 1
            raise SourceError(name, f"line {line}", f"control character U+{ord(char):04X}: not plain text")
    return text


def read_text(path: Path, name: str) -> str:
    """One input file as text (see `decode_text`), decoded once per version of the file."""
    entry = _entry(path, name)
    if "text" not in entry.parsed:
        entry.parsed["text"] = decode_text(entry.data, name)
    text: str = entry.parsed["text"]
    return text


def _copy(value: Any) -> Any:
    """A copy of parsed YAML that shares nothing mutable with the cache."""
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, set):
        return set(value)
    return value


def _parse(text: str, name: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        place = f"line {mark.line + 1}" if mark else ""
        problem = getattr(err, "problem", None) or "syntax error"
        raise SourceError(name, place, f"invalid YAML ({' '.join(str(problem).split())})") from None


def read_yaml(path: Path, name: str) -> Any:
    """Parse one YAML input (parsed once per version of the file); the caller gets its own copy."""
    entry = _entry(path, name)
    if "yaml" not in entry.parsed:
        entry.parsed["yaml"] = _parse(read_text(path, name), name)
    return _copy(entry.parsed["yaml"])
