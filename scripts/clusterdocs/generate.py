"""Write every generated page under docs/, all or nothing: build in a temporary tree, then swap it in."""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
from pathlib import Path

from clusterdocs.config import GENERATED_DIRS, SEEDS, site_url
from clusterdocs.content.cases import find_mentions, link_cases, load_cases, load_clusters
from clusterdocs.content.datasets import Dataset, load_all
from clusterdocs.content.english import load_english
from clusterdocs.content.glossary import load_glossary, uses
from clusterdocs.ingest.corpus import load_corpus
from clusterdocs.ingest.model import Chapter, Link
from clusterdocs.site.cases import case_page, cases_index, clusters_page, comparison_page
from clusterdocs.site.chapter import chapter_en, chapter_zh
from clusterdocs.site.data import data_index, dataset_page
from clusterdocs.site.indexes import chapters_index, glossary_page


def link_datasets(chapters: list[Chapter], datasets: list[Dataset]) -> None:
    """Under each paragraph a data set comes from, a link to the data set."""
    by_slug = {c.slug: c for c in chapters}
    for ds in datasets:
        for anchor in ds.anchors:
            by_slug[ds.chapter].links.setdefault(anchor, []).append(
                Link("data", f"data/{ds.id}/", ds.title_zh, ds.title_en)
            )


def render_files(chapters: list[Chapter], raw: dict[str, bytes]) -> dict[str, str | bytes]:
    """Every generated file, keyed by its path under docs/."""
    datasets = load_all(chapters)
    link_datasets(chapters, datasets)
    cases, clusters = load_cases(), load_clusters()
    find_mentions(cases + clusters, chapters)
    link_cases(cases, chapters)
    by_slug = {c.slug: c for c in chapters}
    files: dict[str, str | bytes] = {
        "data/index.md": data_index(datasets, by_slug, "zh"),
        "data/index.en.md": data_index(datasets, by_slug, "en"),
        "chapters/index.md": chapters_index(chapters, "zh"),
        "chapters/index.en.md": chapters_index(chapters, "en"),
    }
    url = site_url()
    terms = load_glossary()
    used = uses(terms, chapters)
    files["glossary/index.md"] = glossary_page(terms, used, "zh")
    files["glossary/index.en.md"] = glossary_page(terms, used, "en")
    for c in chapters:
        english = load_english(c.slug)
        files[f"chapters/{c.slug}/index.md"] = chapter_zh(c, english, url, terms)
        files[f"chapters/{c.slug}/index.en.md"] = chapter_en(c, english, url, terms)
    for name, data in raw.items():
        files[f"sources/{name}"] = data
    for lang, suffix in (("zh", "md"), ("en", "en.md")):
        files[f"cases/index.{suffix}"] = cases_index(cases, clusters, lang)
        files[f"cases/compare/index.{suffix}"] = comparison_page(cases, by_slug, lang)
        files[f"cases/clusters/index.{suffix}"] = clusters_page(clusters, by_slug, lang)
        for case in cases:
            files[f"cases/{case.id}/index.{suffix}"] = case_page(case, by_slug, datasets, lang)
    for ds in datasets:
        files[f"data/{ds.id}.csv"] = ds.csv_text.encode("utf-8")
        files[f"data/{ds.id}/index.md"] = dataset_page(ds, by_slug[ds.chapter], "zh")
        files[f"data/{ds.id}/index.en.md"] = dataset_page(ds, by_slug[ds.chapter], "en")
    return files


def _same_tree(a: Path, b: Path) -> bool:
    if not a.is_dir() or not b.is_dir():
        return False
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors and all(_same_tree(a / d, b / d) for d in cmp.common_dirs)


def write_tree(docs: Path, files: dict[str, str | bytes]) -> list[str]:
    """Swap the generated folders of `docs` for `files`; return the folders that changed."""
    docs.mkdir(parents=True, exist_ok=True)
    changed = []
    # Staged beside docs/ so that the final renames stay on one file system.
    with tempfile.TemporaryDirectory(dir=docs.parent, prefix=".generating-") as tmp:
        staging = Path(tmp)
        for rel, content in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        for top in GENERATED_DIRS:
            new, old = staging / top, docs / top
            if _same_tree(new, old):
                continue
            changed.append(top)
            retired = staging / f".retired-{top}"
            if old.exists():
                os.replace(old, retired)
            os.replace(new, old)
            shutil.rmtree(retired, ignore_errors=True)
    return changed


def generate(docs: Path, seeds: Path = SEEDS) -> list[Chapter]:
    """Normalise every source and write the generated pages; nothing is written if any input is bad."""
    chapters, raw = load_corpus(seeds)
    write_tree(docs, render_files(chapters, raw))
    return chapters
