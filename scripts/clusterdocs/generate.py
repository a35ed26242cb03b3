"""Generation: every page rendered in memory, then only the changed files written under docs/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from clusterdocs.atomic import write_atomically
from clusterdocs.config import CONTENT, GENERATED_DIRS, SEEDS, site_url
from clusterdocs.content.cases import Entry, find_mentions, link_cases, load_cases, load_clusters
from clusterdocs.content.datasets import Dataset, load_all
from clusterdocs.content.english import load_all_english
from clusterdocs.content.glossary import load_glossary, uses
from clusterdocs.content.places import check_pages, load_places
from clusterdocs.content.translation import load_all_translations
from clusterdocs.errors import SourceError
from clusterdocs.ingest.corpus import load_corpus
from clusterdocs.ingest.model import Chapter, Link
from clusterdocs.ingest.pending import without_english
from clusterdocs.site import urls
from clusterdocs.site.cases import case_page, cases_index, clusters_page, comparison_page
from clusterdocs.site.chapter import chapter_en, chapter_zh
from clusterdocs.site.data import data_index, dataset_page, published_csv
from clusterdocs.site.front import Site, case_locator, chapter_cards, clusters_locator, front_map
from clusterdocs.site.indexes import chapters_index, glossary_page
from clusterdocs.site.locator import check_inside
from clusterdocs.site.sources import source_page


@dataclass
class Generated:
    """What one generation produced: the chapters, the cases with their mentions, every file under docs/."""

    chapters: list[Chapter]
    cases: list[Entry]
    files: dict[str, bytes] = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)
    """The front door's generated parts by shortcode and language (`map.zh`, `chapter-cards.en`)."""


@dataclass
class Written:
    """What writing changed under docs/: files written (new or different) and stale files removed."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def link_datasets(chapters: list[Chapter], datasets: list[Dataset]) -> None:
    """Under each paragraph a data set comes from, a link to the data set."""
    by_slug = {c.slug: c for c in chapters}
    for ds in datasets:
        for anchor in ds.anchors:
            by_slug[ds.chapter].links.setdefault(anchor, []).append(
                Link("data", f"data/{ds.id}/", ds.title_zh, ds.title_en)
            )


def render_site(chapters: list[Chapter], raw: dict[str, bytes], content: Path = CONTENT) -> Generated:
    """Every generated file (as bytes, keyed by its path under docs/), with the chapters and cases it used."""
    datasets = load_all(chapters, content / "data")
    link_datasets(chapters, datasets)
    cases, clusters = load_cases(content / "cases.yml"), load_clusters(content / "clusters.yml")
    find_mentions(cases + clusters, chapters)
    link_cases(cases, chapters)
    by_slug = {c.slug: c for c in chapters}
    pending = {c.slug for c in without_english(chapters, content)}
    files: dict[str, str | bytes] = {
        "data/index.md": data_index(datasets, by_slug, "zh"),
        "data/index.en.md": data_index(datasets, by_slug, "en"),
        "chapters/index.md": chapters_index(chapters, "zh", pending),
        "chapters/index.en.md": chapters_index(chapters, "en", pending),
    }
    url = site_url()
    terms = load_glossary(content / "glossary.yml")
    used = uses(terms, chapters)
    files["glossary/index.md"] = glossary_page(terms, used, "zh")
    files["glossary/index.en.md"] = glossary_page(terms, used, "en")
    english_of = load_all_english(chapters, content / "en")
    places = load_places(content / "places.yml")
    listed = [c for c in clusters if c.mentions]  # the other-clusters page lists only these
    check_pages(places, set(by_slug), cases, listed)
    check_inside(places)
    site = Site(by_slug, {c.id: c for c in cases}, {c.id: c for c in listed}, places)
    fragments = {}
    for lang in ("zh", "en"):
        fragments[f"map.{lang}"] = front_map(site, lang)
        fragments[f"chapter-cards.{lang}"] = chapter_cards(site, english_of, lang)
    translation_of = load_all_translations(chapters, content / "translation")
    for n, c in enumerate(chapters, start=1):  # reading order, as the manifests list the chapters
        english, translation = english_of[c.slug], translation_of[c.slug]
        place = (n, len(chapters))
        files[f"chapters/{c.slug}/index.md"] = chapter_zh(c, english, url, terms, place, translation)
        files[f"chapters/{c.slug}/index.en.md"] = chapter_en(c, english, url, terms, place, translation)
    for name, data in raw.items():
        files[f"sources/{name}"] = data
        text = data.decode("utf-8-sig")
        files[f"{urls.source_page(name)}index.md"] = source_page(name, text, chapters, "zh")
        files[f"{urls.source_page(name)}index.en.md"] = source_page(name, text, chapters, "en")
    for lang, suffix in (("zh", "md"), ("en", "en.md")):
        files[f"cases/index.{suffix}"] = cases_index(cases, clusters, lang)
        files[f"cases/compare/index.{suffix}"] = comparison_page(cases, by_slug, lang)
        files[f"cases/clusters/index.{suffix}"] = clusters_page(
            clusters, by_slug, lang, clusters_locator(site, lang)
        )
        for case in cases:
            files[f"cases/{case.id}/index.{suffix}"] = case_page(
                case, by_slug, datasets, lang, locator=case_locator(site, lang, case.id)
            )
    for ds in datasets:
        files[f"data/{ds.id}.csv"] = published_csv(ds).encode("utf-8")
        files[f"data/{ds.id}.en.csv"] = published_csv(ds, "en").encode("utf-8")  # served at /en/data/
        files[f"data/{ds.id}/index.md"] = dataset_page(ds, by_slug[ds.chapter], "zh")
        files[f"data/{ds.id}/index.en.md"] = dataset_page(ds, by_slug[ds.chapter], "en")
    encoded = {_checked(rel): v if isinstance(v, bytes) else v.encode("utf-8") for rel, v in files.items()}
    return Generated(chapters, cases, encoded, fragments)


def _checked(rel: str) -> str:
    """`rel` if it is a plain relative path inside one of the generated folders; else a one-line error."""
    path = PurePosixPath(rel)
    parts = path.parts
    if (
        path.is_absolute()
        or len(parts) < 2
        or parts[0] not in GENERATED_DIRS
        or any(p in ("", ".", "..") or p.startswith(".") or "\\" in p for p in parts)
    ):
        raise SourceError(f"docs/{rel}", "", "a generated file would fall outside the generated folders")
    return rel


def _owned_files(docs: Path) -> set[str]:
    """Every file now under the generated folders of `docs`, as a path relative to `docs`."""
    found = set()
    for top in GENERATED_DIRS:
        folder = docs / top
        if folder.is_dir():
            found |= {
                p.relative_to(docs).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()
            }
    return found


def write_changed(docs: Path, files: dict[str, bytes]) -> Written:
    """Write the files whose bytes differ from what `docs` holds and remove stale ones; others keep mtimes."""
    done = Written()
    rel = ""
    try:
        docs.mkdir(parents=True, exist_ok=True)
        for rel in sorted(_owned_files(docs) - set(files)):
            (docs / rel).unlink()
            done.removed.append(rel)
        for rel, data in files.items():
            path = docs / _checked(rel)
            if path.is_symlink() or not path.is_file() or path.read_bytes() != data:
                if path.is_symlink():
                    path.unlink()
                write_atomically(path, data, prefix=".generating-")
                done.written.append(rel)
        for top in GENERATED_DIRS:
            if (docs / top).is_dir():
                for folder in [*sorted((docs / top).rglob("*"), reverse=True), docs / top]:
                    if folder.is_dir() and not any(folder.iterdir()):
                        folder.rmdir()
    except OSError as err:
        where = f"docs/{rel}" if rel else "docs"
        raise SourceError(where, "", f"cannot write ({err.strerror or err})") from None
    return done


def generate(docs: Path, seeds: Path = SEEDS, content: Path = CONTENT) -> Generated:
    """Normalise the sources, render every page, write what changed; nothing is written if an input is bad."""
    chapters, raw = load_corpus(seeds)
    site = render_site(chapters, raw, content)
    write_changed(docs, site.files)
    return site
