"""The real strict build: page tree in both languages, lang attributes, links and anchors, no other hosts."""

from __future__ import annotations

from pathlib import Path

from sitecheck import css_references, is_external, pages, resolve

ROOT = Path(__file__).resolve().parents[1]
SLUGS = [
    "zhuzhou",
    "hunan-two-oriented-society",
    "jingzhou-industrial-parks",
    "science-parks",
    "jingjiang-transformation",
    "changsha-policy-opinions",
    "sunan-industrial-parks",
    "hunan-small-towns",
    "hubei-county-clusters",
]
CASES = ["silicon-valley", "suzhou-industrial-park", "datang-socks", "xiqiao-textiles"]
PAGES = (
    [
        "index.html",
        "chapters/index.html",
        "cases/index.html",
        "cases/compare/index.html",
        "cases/clusters/index.html",
        "data/index.html",
        "glossary/index.html",
    ]
    + [f"chapters/{s}/index.html" for s in SLUGS]
    + [f"cases/{c}/index.html" for c in CASES]
)


def test_every_page_exists_in_both_languages(site: Path) -> None:
    for page in PAGES:
        assert (site / page).is_file(), page
        assert (site / "en" / page).is_file(), f"en/{page}"


def test_no_page_is_a_silent_fallback_copy() -> None:
    docs = ROOT / "docs"
    for zh in docs.rglob("*.md"):
        if zh.name.endswith(".en.md"):
            continue
        partner = zh.with_name(zh.name[:-3] + ".en.md")
        assert partner.is_file(), f"{zh.relative_to(docs)} has no English page"


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


def test_no_web_fonts_are_requested(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


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


def test_section_ids_are_identical_in_both_languages(site: Path) -> None:
    built = pages(site)
    for slug in SLUGS:
        zh = built[f"chapters/{slug}/index.html"].heading_ids
        en = built[f"en/chapters/{slug}/index.html"].heading_ids
        assert len(zh) > 2, slug
        assert zh == en, f"{slug}: only Chinese {sorted(zh - en)}, only English {sorted(en - zh)}"


def test_sitemap_uses_the_configured_site_url(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "None" not in sitemap
    assert "<loc>http" in sitemap


def test_raw_sources_are_published_byte_for_byte(site: Path) -> None:
    for seed in (ROOT / "seeds").glob("*.txt"):
        assert (site / "sources" / seed.name).read_bytes() == seed.read_bytes()
