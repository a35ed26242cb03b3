"""Small synthetic sources through the whole normaliser, one per rule family, compared with golden dumps.

Each fixture is `tests/fixtures/normaliser/<name>.txt` with its manifest `<name>.yml`; the expected chapters
are `tests/golden/normaliser/<name>.txt`, a dump of what the normaliser made (front matter, repairs as
applied, every block with its id, notes, character-level changes). `tests/fixtures/normaliser/errors/` holds
manifests that must be refused; their golden file is the one-line error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest

from clusterdocs.errors import SourceError
from clusterdocs.ingest.corpus import load_corpus
from clusterdocs.ingest.manifest import load_manifest
from clusterdocs.ingest.model import Chapter, Heading, Paragraph, Table
from clusterdocs.ingest.structure import build_chapters
from clusterdocs.ingest.textio import read_seed
from clusterdocs.site.chapter import body_markdown
from golden import GOLDEN, Golden

FIXTURES = Path(__file__).parent / "fixtures" / "normaliser"
ERRORS = FIXTURES / "errors"
EXPECTED = GOLDEN / "normaliser"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.yml"))
ERROR_NAMES = sorted(p.stem for p in ERRORS.glob("*.yml"))


def _chapters(name: str) -> list[Chapter]:
    m = load_manifest(FIXTURES / f"{name}.yml")
    return build_chapters(m, read_seed(FIXTURES / m.source))


def _lines(numbers: tuple[int, ...]) -> str:
    """Source line numbers as runs: `line 3`, `lines 5-14`, `lines 2, 7-8`."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    text = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
    return f"line {text}" if len(numbers) == 1 else f"lines {text}"


def _block(block: Heading | Paragraph | Table) -> list[str]:
    if isinstance(block, Heading):
        number = f"[{block.number}] " if block.number else ""
        return [f"{'#' * block.level} {block.id}  {number}{block.title}"]
    if isinstance(block, Paragraph):
        return [f"{block.id}  {block.text}"]
    lines = [f"table {block.id}", f"  caption: {block.caption_zh}"]
    if block.caption_en:
        lines.append(f"  caption en: {block.caption_en}")
    lines.append("  header: " + " | ".join(f"{text} (span {span})" for text, span in block.header))
    lines += ["  row: " + " | ".join(row) for row in block.rows]
    return lines


def dump(chapters: list[Chapter]) -> str:
    """What the normaliser made of a source, one fact per line, in reading order."""
    out: list[str] = []
    for c in chapters:
        out += [""] if out else []
        out += [f"=== chapter {c.slug}", f"title: {c.title_zh}"]
        out += [f"byline: {c.byline}"] if c.byline else []
        out += [f"byline as printed: {c.byline_printed}"] if c.byline_printed else []
        out += [f"author note: {note}" for note in c.author_notes]
        out += [f"abstract {lang}: {text}" for lang, text in c.abstract]
        out += [f"keywords: {c.keywords_line}"] if c.keywords_line else []
        out += [f"front {item.kind}: {item.text}" for item in c.front]
        out.append("repairs:")
        out += [f"  {a.kind} ({_lines(a.lines)}): {a.text!r} {a.reason}".rstrip() for a in c.repairs]
        out.append("blocks:")
        out += [f"  {line}" for block in c.blocks for line in _block(block)]
        out += [f"label on {block_id}: {kind}" for block_id, kind in c.labels.items()]
        for block_id, notes in c.notes.items():
            out += [f"note on {block_id} at {n.at!r}: {n.zh} / {n.en}" for n in notes]
        changes = ", ".join(f"{k} {v}" for k, v in sorted(c.stats.items()) if v)
        out.append(f"character changes: {changes or 'none'}")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("name", NAMES)
def test_fixture_normalises_to_its_golden_dump(name: str, golden: Golden) -> None:
    golden.check(EXPECTED / f"{name}.txt", dump(_chapters(name)))


@pytest.mark.parametrize("name", ERROR_NAMES)
def test_a_manifest_with_clashing_ids_is_refused_with_one_line(
    name: str, golden: Golden, tmp_path: Path
) -> None:
    for suffix in (".yml", ".txt"):
        shutil.copy(ERRORS / f"{name}{suffix}", tmp_path)
    with pytest.raises(SourceError) as err:
        load_corpus(tmp_path)
    message = str(err.value)
    assert "\n" not in message
    golden.check(EXPECTED / "errors" / f"{name}.txt", message + "\n")


def test_every_golden_dump_has_its_fixture(golden: Golden) -> None:
    golden.check_folder(EXPECTED, {f"{n}.txt" for n in NAMES} | {f"errors/{n}.txt" for n in ERROR_NAMES})


def test_markup_in_a_source_is_text_after_markdown_conversion() -> None:
    [chapter] = _chapters("lines")
    html = markdown.markdown(body_markdown(chapter), extensions=["attr_list", "md_in_html"])
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
