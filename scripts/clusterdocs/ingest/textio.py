"""Reading seed files strictly: UTF-8 only, BOM and CRLF accepted, empty and binary refused."""

from __future__ import annotations

from pathlib import Path

from clusterdocs.errors import SourceError

BOM = "\ufeff"


def decode_seed(data: bytes, name: str) -> str:
    """Decode a seed's bytes to text with LF line ends, or raise SourceError naming the place."""
    if not data.strip():
        raise SourceError(name, "", "the file is empty")
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
    if text.startswith(BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = [c for c in text if ord(c) < 32 and c not in "\n\t"]
    if controls:
        offset = text.index(controls[0])
        line = text[:offset].count("\n") + 1
        raise SourceError(name, f"line {line}", f"control character U+{ord(controls[0]):04X}: not plain text")
    return text


def read_seed(path: Path) -> str:
    """Read and decode one seed file."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(str(path), "", f"cannot read the file ({err.strerror})") from None
    return decode_seed(data, f"seeds/{path.name}")
