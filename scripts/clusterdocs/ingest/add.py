"""Adding a text to seeds/: the naming rule, the checksum list, the drafted manifest, the diagnostic.

A new seed is named `NNN_<first 16 hex digits of the SHA-256 of its bytes>.txt`, NNN the next free
three-digit number; `seeds/SHA256SUMS` lists the SHA-256 of every seed (`sha256sum -c` reads it), so a seed
edited by mistake is caught. The first five seeds keep the names they were received under.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from clusterdocs.atomic import write_atomically
from clusterdocs.config import CONTENT, SEEDS
from clusterdocs.errors import SourceError
from clusterdocs.ingest.corpus import load_corpus, manifests
from clusterdocs.ingest.diagnose import diagnose
from clusterdocs.ingest.draft import draft
from clusterdocs.ingest.textio import decode_seed
from clusterdocs.yamlio import read_bytes

SUMS = "SHA256SUMS"
"""The checksum list in the seeds folder, one `<sha256>  <file>` line per seed."""
_SEED_NAME = re.compile(r"^(\d{3})_[0-9a-f]{16}\.txt$")
_SUM_LINE = re.compile(r"^([0-9a-f]{64})  (\S+\.txt)$")


def seed_name(number: int, data: bytes) -> str:
    """The file name of the seed numbered `number` holding `data`."""
    return f"{number:03d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"


def read_sums(seeds: Path = SEEDS) -> dict[str, str]:
    """The checksum list: file name -> SHA-256 (hex)."""
    name = f"seeds/{SUMS}"
    sums: dict[str, str] = {}
    text = decode_seed(read_bytes(seeds / SUMS, name), name)
    for number, line in enumerate(text.strip("\n").split("\n"), start=1):
        match = _SUM_LINE.match(line)
        if not match:
            raise SourceError(name, f"line {number}", "expected `<64 hex digits>  <file>.txt`")
        if match.group(2) in sums:
            raise SourceError(name, f"line {number}", f"{match.group(2)} is listed twice")
        sums[match.group(2)] = match.group(1)
    return sums


def check_sums(seeds: Path = SEEDS) -> dict[str, str]:
    """The checksum list, after checking that it lists every seed and every seed is unchanged."""
    sums = read_sums(seeds)
    found = {p.name for p in seeds.glob("*.txt")}
    for missing in sorted(set(sums) - found):
        raise SourceError(f"seeds/{SUMS}", missing, "listed but not in seeds/")
    for name in sorted(found):
        if name not in sums:
            raise SourceError(
                f"seeds/{name}", "", f"not listed in seeds/{SUMS} (add texts with make add-source)"
            )
        digest = hashlib.sha256(read_bytes(seeds / name, f"seeds/{name}")).hexdigest()
        if digest != sums[name]:
            raise SourceError(
                f"seeds/{name}", "", f"changed since it was added (SHA-256 differs from {SUMS})"
            )
    return sums


def _sums_text(sums: dict[str, str]) -> bytes:
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items())).encode("ascii")


def add_source(file: Path, seeds: Path = SEEDS, content: Path = CONTENT) -> str:
    """Copy `file` into the seeds folder, draft its manifest and return the diagnostic.

    A file that is already a seed (or the same bytes as one) gets the diagnostic of its current manifest, so
    running it again after editing the manifest shows the result. Nothing is written if anything fails.
    """
    shown = str(file)
    data = read_bytes(file, shown)
    text = decode_seed(data, shown)
    sums = check_sums(seeds)
    digest = hashlib.sha256(data).hexdigest()
    existing = next((name for name, d in sums.items() if d == digest), None)
    if existing is not None:
        return diagnose(seeds / Path(existing).with_suffix(".yml"), content)
    numbers = [int(m.group(1)) for name in sums if (m := _SEED_NAME.match(name))]
    name = seed_name(max(numbers, default=-1) + 1, data)
    taken = {c.slug for m in manifests(seeds) for c in m.chapters}
    manifest = draft(text, name, taken).encode("utf-8")
    seed, yml = seeds / name, (seeds / name).with_suffix(".yml")
    written: list[Path] = []
    old_sums = (seeds / SUMS).read_bytes()
    try:
        for path, payload in (
            (seed, data),
            (yml, manifest),
            (seeds / SUMS, _sums_text({**sums, name: digest})),
        ):
            write_atomically(path, payload, prefix=".adding-")
            written.append(path)
        load_corpus(seeds)
    except BaseException:
        for path in (seed, yml):
            if path in written:
                path.unlink(missing_ok=True)
        if seeds / SUMS in written:
            write_atomically(seeds / SUMS, old_sums, prefix=".adding-")
        raise
    head = (
        f"Added {shown} as seeds/{name}; drafted seeds/{yml.name}; recorded its SHA-256 in seeds/{SUMS}.\n\n"
    )
    return head + diagnose(yml, content)
