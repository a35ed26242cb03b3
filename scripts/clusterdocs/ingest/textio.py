"""Reading seeds strictly: UTF-8 only, BOM and CRLF accepted; empty, binary and symlinked files refused."""

from __future__ import annotations

from pathlib import Path

from clusterdocs.errors import SourceError
from clusterdocs.yamlio import BOM, decode_text, read_bytes

__all__ = ["BOM", "decode_seed", "read_seed", "read_seed_bytes"]


def decode_seed(data: bytes, name: str) -> str:
    """Decode a seed's bytes to text with LF line ends, or raise SourceError naming the place."""
    if not data.strip():
        raise SourceError(name, "", "the file is empty")
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
