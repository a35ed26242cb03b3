"""Quality gates in Chromium on every page type, both languages: axe-core, phone width, screenshots; vnu."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "tests" / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "tests" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

PAGE_TYPES = {
    "home": "",
    "chapter-index": "chapters/",
    "chapter": "chapters/zhuzhou/",
    "chapter-long": "chapters/hunan-small-towns/",
    "case": "cases/datang-socks/",
    "case-compare": "cases/compare/",
    "other-clusters": "cases/clusters/",
    "data-index": "data/",
    "data-set": "data/xiqiao-firms/",
    "glossary": "glossary/",
    "downloads": "downloads/",
    "not-found": "404.html",
}


def _paths() -> list[tuple[str, str]]:
    out = []
    for kind, path in PAGE_TYPES.items():
        out.append((f"{kind}-zh", "/" + path))
        if kind != "not-found":
            out.append((f"{kind}-en", "/en/" + path))
    return out


AXE_RUN = (
    "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
)
PHONE = {"width": 375, "height": 812}


def serious_axe_findings(page: Any) -> list[str]:
    """axe-core's serious and critical WCAG 2 A/AA findings on the page (evaluated, not a <script>: the page's
    CSP stays on)."""
    assert AXE.is_file(), "axe-core is missing: run `make test` (it installs tests/node_modules)"
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(AXE_RUN)
    return [
        f"axe {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def nu_findings(pages: list[str]) -> list[str]:
    """The Nu HTML checker's errors on the pages, apart from the theme's own known findings."""
    assert VNU.is_file(), "vnu.jar is missing: run `make test` (it installs tests/node_modules)"
    java = shutil.which("java")
    assert java, "a Java runtime is needed for the Nu HTML checker (apt-get install default-jre-headless)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *pages],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    return [m["message"] for m in messages if not any(k in m.get("message", "") for k in THEME_FINDINGS)]


@pytest.mark.parametrize(("name", "path"), _paths(), ids=[n for n, _ in _paths()])
def test_accessible_on_a_desktop_and_no_sideways_scrolling_on_a_phone(visit, name: str, path: str) -> None:
    """One visit per page: axe-core at desktop width, then the same page narrowed to a phone's width."""
    visit.goto(path)
    problems = serious_axe_findings(visit.page)
    visit.shot(name, full_page=False)
    visit.page.set_viewport_size(PHONE)
    width, screen = visit.page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert screen == PHONE["width"], f"the page did not narrow to a phone's width ({screen}px)"
    if width > screen:
        problems.append(f"{width - screen}px wider than a {screen}px screen")
    visit.shot(f"phone-{name}")
    assert problems == [], "\n".join(problems)
    assert visit.foreign == []
    assert visit.missing == []


def test_a_chapter_prints_without_navigation_and_in_the_chosen_reading_mode(visit) -> None:
    visit.goto("/en/chapters/zhuzhou/")
    visit.page.emulate_media(media="print")
    assert not visit.page.locator(".md-header").is_visible()
    assert not visit.page.locator(".md-sidebar--primary").is_visible()
    assert not visit.page.locator(".reading-modes").is_visible()
    first_original = visit.page.locator(".pair-zh p.para").first
    assert first_original.is_visible()  # the default: English with the Chinese under each paragraph
    visit.page.emulate_media(media="screen")
    visit.page.click('button[data-reading-mode="en"]')
    visit.page.emulate_media(media="print")
    assert not first_original.is_visible() and visit.page.locator(".pair-en").first.is_visible()
    visit.page.emulate_media(media="screen")
    visit.page.click('button[data-reading-mode="stacked"]')
    visit.page.emulate_media(media="print")
    pdf = ROOT / "tests" / "artifacts" / "chapter-en.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    visit.page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 10_000


# Findings of the Nu HTML checker that come from the theme's own templates, not from our pages.
THEME_FINDINGS = {
    # Material's hidden drawer/search/palette toggles are checkbox and radio inputs with autocomplete="off"
    # (a Firefox workaround in the theme's base.html and palette.html); harmless, not ours to change.
    "Attribute “autocomplete” is only allowed when the input type is",
    # Material's nav.html writes tabindex="" on section labels that are not focusable; browsers ignore it.
    "Bad value “” for attribute “tabindex” on element “label”",
}


def test_html_validates_with_the_nu_checker(site: Path) -> None:
    unexplained = nu_findings(sorted(str(p) for p in site.rglob("*.html")))
    assert unexplained == [], "\n".join(sorted(set(unexplained))[:20])
