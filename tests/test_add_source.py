"""`make add-source`: the drafter reads ordinary journal articles, the diagnostic asks about what it cannot
tell, and the command copies, names, records and refuses as README "Add a text" says.

The articles in tests/fixtures/articles/ are synthetic, typeset from the `.truth.yml` beside each (what the
article says) into hard-wrapped text with page numbers, running heads and first-page notes. The drafted
manifest and the diagnostic are golden files (tests/golden/articles/); the reading is checked against the
truth.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from clusterdocs.config import CONTENT, SEEDS
from clusterdocs.generate import generate
from clusterdocs.ingest.add import SUMS, check_sums, seed_name
from clusterdocs.ingest.corpus import load_corpus
from clusterdocs.ingest.diagnose import diagnose
from clusterdocs.ingest.draft import draft
from clusterdocs.ingest.manifest import load_manifest
from clusterdocs.ingest.model import Chapter, Heading, Paragraph
from clusterdocs.ingest.normalise import normalise
from clusterdocs.ingest.structure import build_chapters
from clusterdocs.ingest.textio import read_seed
from golden import GOLDEN, Golden

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
EXPECTED = GOLDEN / "articles"
NAMES = sorted(p.stem for p in ARTICLES.glob("*.txt"))
SOURCE = "005_0123456789abcdef.txt"
"""The seed name the drafts are made for (add-source would take the next number and the text's SHA-256)."""
ROOT = Path(__file__).resolve().parents[1]


def _seed(folder: Path, name: str, manifest: str) -> Path:
    """The article and a manifest written into `folder` as a seed; the manifest's path."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ARTICLES / f"{name}.txt", folder / SOURCE)
    path = folder / SOURCE.replace(".txt", ".yml")
    path.write_text(manifest, encoding="utf-8")
    return path


def _text(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_the_drafted_manifest_and_its_diagnostic_match_their_golden_files(
    name: str, golden: Golden, tmp_path: Path
) -> None:
    manifest = draft(_text(name), SOURCE, set())
    golden.check(EXPECTED / f"{name}.yml", manifest)
    path = _seed(tmp_path / "seeds", name, manifest)
    golden.check(EXPECTED / f"{name}.diagnostic.txt", diagnose(path, tmp_path / "content"))


def test_every_golden_article_file_has_its_article(golden: Golden) -> None:
    golden.check_folder(EXPECTED, {f"{n}{suffix}" for n in NAMES for suffix in (".yml", ".diagnostic.txt")})


def _reading(chapter: Chapter) -> dict[str, Any]:
    """What the normaliser read, in the shape of a truth file."""
    return {
        "title": chapter.title_zh,
        "byline": chapter.byline,
        "keywords": list(chapter.spec.keywords_zh),
        "keywords_en": list(chapter.spec.keywords_en),
        "abstract": [text for _, text in chapter.abstract],
        "keywords_line": chapter.keywords_line,
        "front": [[item.kind, item.text] for item in chapter.front],
        "author_notes": chapter.author_notes,
        "blocks": [f"# {b.text}" if isinstance(b, Heading) else b.text for b in chapter.blocks],
    }


def _expected(truth: dict[str, Any]) -> dict[str, Any]:
    """The truth with the character normaliser applied (spaces in Chinese text, full-width forms); key words
    and classification lines are written in the truth as they should read (one space between parts)."""

    def fold(text: str) -> str:
        return normalise(text, False, Counter())

    def block(text: str) -> str:
        return "# " + fold(text[2:]) if text.startswith("# ") else fold(text)

    return {
        **truth,
        "abstract": [fold(t) for t in truth["abstract"]],
        "front": [[k, t if k == "classification" else fold(t)] for k, t in truth["front"]],
        "author_notes": [fold(t) for t in truth["author_notes"]],
        "blocks": [block(t) for t in truth["blocks"]],
    }


@pytest.mark.parametrize("name", NAMES)
def test_the_draft_with_the_breaks_its_diagnostic_asks_about_reads_the_article_as_written(
    name: str, tmp_path: Path
) -> None:
    """The person's minute, simulated: each line the diagnostic asks about is answered from what the article
    says (a break where a truth paragraph ends there); then the reading is exactly the article."""
    truth = yaml.safe_load((ARTICLES / f"{name}.truth.yml").read_text(encoding="utf-8"))
    expected = _expected(truth)
    manifest = draft(_text(name), SOURCE, set())
    path = _seed(tmp_path, name, manifest)
    asked = re.findall(r"add to breaks: '(.+)'$", diagnose(path, tmp_path / "content"), re.MULTILINE)
    paragraphs = [p for p in expected["blocks"] if not p.startswith("# ")]
    ending = [s for s in asked if any(p.endswith(normalise(s, False, Counter())) for p in paragraphs)]
    answered = manifest.replace("breaks: []", f"breaks: [{', '.join(json.dumps(s) for s in ending)}]")
    path.write_text(answered, encoding="utf-8")
    [chapter] = build_chapters(load_manifest(path), _text(name))
    assert _reading(chapter) == expected


def test_a_full_line_that_ends_a_paragraph_is_asked_about_not_guessed(tmp_path: Path) -> None:
    """In new-materials the first paragraph's last line is full and ends with 。, and the next paragraph is
    not indented: the layout cannot tell, so the draft reads one paragraph and the diagnostic asks."""
    path = _seed(tmp_path, "new-materials", draft(_text("new-materials"), SOURCE, set()))
    report = diagnose(path, tmp_path / "content")
    assert "line 18 is full and ends a sentence" in report
    assert "add to breaks: '务收入超过2860亿元。'" in report


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")), ids=lambda n: n[:3])
def test_a_draft_for_each_real_seed_builds_as_it_is(seed: str) -> None:
    """The five received texts differ in every way (two columns, one paragraph per line, a compilation): the
    draft for each still builds, and reads at least one paragraph."""
    text = read_seed(SEEDS / seed)
    [chapter] = _build(draft(text, SOURCE, set()), text)
    assert any(isinstance(b, Paragraph) for b in chapter.blocks)


def _build(manifest: str, text: str) -> list[Chapter]:
    from clusterdocs.ingest.draft import check_draft

    return check_draft(manifest, text, SOURCE)


def test_a_new_seed_is_named_by_number_and_checksum() -> None:
    data = "新材料".encode()
    assert seed_name(5, data) == f"005_{hashlib.sha256(data).hexdigest()[:16]}.txt"
    assert seed_name(12, data).startswith("012_")


def test_the_checksum_list_names_every_seed_unchanged() -> None:
    listed = check_sums(SEEDS)
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
    assert listed == found
    assert len(found) == len(list(SEEDS.glob("*.yml")))


def _copy_seeds(folder: Path) -> Path:
    seeds = folder / "seeds"
    seeds.mkdir()
    for path in SEEDS.iterdir():
        if path.is_file():
            shutil.copy(path, seeds / path.name)
    return seeds


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _add(seeds: Path, file: Path | str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "clusterdocs", "--seeds", str(seeds), "add-source", str(file)]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, timeout=300)


def test_add_source_copies_names_records_drafts_and_the_chapter_is_generated(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    article = ARTICLES / "new-materials.txt"
    data = article.read_bytes()
    before = len(list(seeds.glob("*.txt")))
    result = _add(seeds, article)
    assert result.returncode == 0, result.stderr
    name = seed_name(before, data)
    assert (seeds / name).read_bytes() == data
    assert f"{hashlib.sha256(data).hexdigest()}  {name}\n" in (seeds / SUMS).read_text(encoding="utf-8")
    assert f"Added {article} as seeds/{name}" in result.stdout
    assert "Worth a second look" in result.stdout
    chapters, _ = load_corpus(seeds)
    [new] = [c for c in chapters if c.source == name]
    site = generate(tmp_path / "docs", seeds, CONTENT)
    page = site.files[f"chapters/{new.slug}/index.md"].decode("utf-8")
    assert "## 一、引言 { #s1 }" in page
    assert '<p id="s1-p1" class="para">新材料产业是战略性新兴产业' in page
    assert "新材料产业；产业集群；空间演化；协同创新；长株潭" in page  # the keywords
    assert "<p>摘要：本文利用2012—2022年长株潭新材料企业的微观数据" in page  # the abstract
    assert '<p lang="en">Key words: new materials industry;' in page  # the English block
    assert "稳健性检验方面，本文替换了被解释变量" in page  # the page number inside it removed
    body = page.split("{ #about-this-text }")[0]  # "About this text" lists what was removed
    assert "·11" not in body and "区域经济研究" not in body and "陈静等：" not in body
    for suffix, count, mark in (
        ("md", "六份原始文本共整理为十章", "（英文导读编写中）"),
        ("en.md", "The six source texts make ten chapters", "(English in preparation)"),
    ):
        index = site.files[f"chapters/index.{suffix}"].decode("utf-8")
        assert count in index
        [entry] = [e for e in index.split("\n- ") if f"chapters/{new.slug}/" in e]
        assert entry.rstrip().endswith(f"*{mark}*")
        assert index.count(mark) == 1
    check = subprocess.run(
        [sys.executable, "-m", "clusterdocs", "--seeds", str(seeds), "check"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert f"chapter {new.slug} has no English yet (content/en/{new.slug}.yml)" in check.stdout


def test_add_source_again_prints_the_diagnostic_of_the_current_manifest_and_writes_nothing(
    tmp_path: Path,
) -> None:
    seeds = _copy_seeds(tmp_path)
    article = ARTICLES / "thesis-style.txt"
    assert _add(seeds, article).returncode == 0
    added = _tree(seeds)
    [name] = [n for n in added if n.endswith(".txt") and n not in {p.name for p in SEEDS.glob("*.txt")}]
    for again in (article, seeds / name):
        result = _add(seeds, again)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"seeds/{name} read with seeds/{name[:-4]}.yml")
        assert _tree(seeds) == added


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("missing", "cannot read the file"),
        ("empty", "the file is empty"),
        ("latin-1", "UTF-8"),
        ("edited seed", "changed since it was added"),
        ("unlisted seed", "not listed in seeds/SHA256SUMS"),
    ],
)
def test_add_source_refuses_with_one_line_and_writes_nothing(case: str, message: str, tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    file = tmp_path / "article.txt"
    shutil.copy(ARTICLES / "new-materials.txt", file)
    if case == "missing":
        file.unlink()
    elif case == "empty":
        file.write_bytes(b"")
    elif case == "latin-1":
        file.write_bytes("产业集群".encode("gb18030"))
    elif case == "edited seed":
        first = min(seeds.glob("*.txt"))
        first.write_bytes(first.read_bytes() + b"\n")
    else:
        (seeds / SUMS).write_text("".join((seeds / SUMS).read_text().splitlines(keepends=True)[1:]))
    before = _tree(seeds)
    result = _add(seeds, file)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert _tree(seeds) == before
