"""The real strict build: page tree in both languages, lang attributes, links and anchors, no other hosts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitecheck import article, css_references, is_external, pages, resolve, visible_lines

ROOT = Path(__file__).resolve().parents[1]
SECTION_PAGES = [
    "index.html",
    "chapters/index.html",
    "cases/index.html",
    "cases/compare/index.html",
    "cases/clusters/index.html",
    "data/index.html",
    "glossary/index.html",
]


@pytest.fixture(scope="module")
def case_ids() -> list[str]:
    """The case studies' ids, from content/cases.yml."""
    from clusterdocs.content.cases import load_cases

    return [c.id for c in load_cases()]


def test_every_page_exists_in_both_languages(site: Path, slugs: list[str], case_ids: list[str]) -> None:
    expected = SECTION_PAGES + [f"chapters/{s}/index.html" for s in slugs]
    expected += [f"cases/{c}/index.html" for c in case_ids]
    missing = [p for page in expected for p in (page, f"en/{page}") if not (site / p).is_file()]
    assert missing == []


def test_no_english_page_is_a_fallback_copy_of_the_chinese(site: Path) -> None:
    """static-i18n fills a missing English page with the Chinese one; its content would then read the same."""
    chinese = [p for p in site.rglob("index.html") if p.relative_to(site).parts[0] != "en"]
    assert len(chinese) > 20, "the Chinese site was not built"
    copies, missing = [], []
    for zh in chinese:
        rel = zh.relative_to(site)
        en = site / "en" / rel
        if not en.is_file():
            missing.append(str(rel))
            continue
        zh_text = visible_lines(article(zh.read_text(encoding="utf-8")))
        if zh_text and zh_text == visible_lines(article(en.read_text(encoding="utf-8"))):
            copies.append(str(rel))
    assert (missing, copies) == ([], [])


def test_lang_attribute_matches_the_language_of_every_page(site: Path) -> None:
    for rel, page in pages(site).items():
        if rel.startswith("en/"):
            assert page.lang == "en", rel
        else:
            assert page.lang.startswith("zh"), f"{rel}: lang={page.lang!r}"


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    offenders = [(rel, r) for rel, page in pages(site).items() for r in page.resources if is_external(r)]
    offenders += [(rel, r) for rel, refs in css_references(site).items() for r in refs if is_external(r)]
    assert offenders == []


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    all_pages = pages(site)
    ids = {path.resolve(): page.ids for path, page in ((site / rel, page) for rel, page in all_pages.items())}
    broken = []
    for rel, page in all_pages.items():
        for href in page.links + page.resources:
            if is_external(href) or href.startswith(("mailto:", "data:", "javascript:")):
                continue
            target, fragment = resolve(site, rel, href)
            if target is None:
                broken.append((rel, href, "no such file"))
            elif fragment and target.suffix == ".html" and fragment not in ids.get(target, set()):
                broken.append((rel, href, "no such anchor"))
    assert broken == []


def test_section_ids_are_identical_in_both_languages(site: Path, slugs: list[str]) -> None:
    built = pages(site)
    for slug in slugs:
        zh = built[f"chapters/{slug}/index.html"].heading_ids
        en = built[f"en/chapters/{slug}/index.html"].heading_ids
        assert len(zh) > 2, slug
        assert zh == en, f"{slug}: only Chinese {sorted(zh - en)}, only English {sorted(en - zh)}"


def test_sitemap_lists_every_page_at_the_configured_site_url(site: Path, site_url: str) -> None:
    locations = re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    built = [p.relative_to(site).as_posix() for p in site.rglob("index.html")]
    assert sorted(locations) == sorted(site_url + rel.removesuffix("index.html") for rel in built)


def test_raw_sources_are_published_byte_for_byte(site: Path) -> None:
    for seed in (ROOT / "seeds").glob("*.txt"):
        assert (site / "sources" / seed.name).read_bytes() == seed.read_bytes()
