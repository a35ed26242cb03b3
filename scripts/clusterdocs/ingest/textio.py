"""Reading seeds strictly: UTF-8 only, BOM and CRLF accepted; empty, binary and symlinked files refused."""

from __future__ import annotations

from pathlib import Path

from clusterdocs.errors import SourceError
from clusterdocs.yamlio import BOM, decode_text, read_bytes

__all__ = ["BOM", "MAX_SEED_BYTES", "decode_seed", "read_seed", "read_seed_bytes"]

MAX_SEED_BYTES = 2 * 1024 * 1024
"""The largest seed accepted: ten times a long journal article. The seeds are 20-80 KB; a 50 MB text
would build for a quarter of an hour into search indexes fifty times their budget."""


def decode_seed(data: bytes, name: str) -> str:
    """Decode a seed's bytes to text with LF line ends, or raise SourceError naming the place."""
    if not data.strip():
        raise SourceError(name, "", "the file is empty")
    if len(data) > MAX_SEED_BYTES:
        size = f"{len(data) / 1024 / 1024:.1f} MB"
        advice = "split the text into several seeds"
        raise SourceError(name, "", f"{size} is more than a seed may hold (2 MB): {advice}")
    text = decode_text(data, name)
    if not text.strip():
        raise SourceError(name, "", "the file is empty")
    return text


def read_seed_bytes(path: Path) -> bytes:
    """The raw bytes of one seed (read once per version of the file; a symlink is refused)."""
    return read_bytes(path, f"seeds/{path.name}")


def read_seed(path: Path) -> str:
    """Read and decode one seed file."""
    return decode_seed(read_seed_bytes(path), f"seeds/{path.name}")
