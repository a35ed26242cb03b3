"""Quality gates in Chromium on every page type, both languages: axe-core, phone width, screenshots; and vnu."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

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
    "not-found": "404.html",
}


def _paths() -> list[tuple[str, str]]:
    out = []
    for kind, path in PAGE_TYPES.items():
        out.append((f"{kind}-zh", "/" + path))
        if kind != "not-found":
            out.append((f"{kind}-en", "/en/" + path))
    return out


@pytest.mark.parametrize(("name", "path"), _paths(), ids=[n for n, _ in _paths()])
def test_no_serious_or_critical_accessibility_findings(visit, name: str, path: str) -> None:
    assert AXE.is_file(), "axe-core is missing: run `make test` (it installs tests/node_modules)"
    visit.goto(path)
    visit.page.add_script_tag(path=str(AXE))
    result = visit.page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    bad = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], "\n".join(bad)
    visit.shot(name, full_page=False)
    assert visit.foreign == []
    assert visit.missing == []


@pytest.mark.parametrize(("name", "path"), _paths(), ids=[n for n, _ in _paths()])
def test_no_horizontal_scrolling_on_a_phone(phone, name: str, path: str) -> None:
    phone.goto(path)
    overflow = phone.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a 375px screen"
    phone.shot(f"phone-{name}")


def test_a_chapter_prints_without_navigation_and_with_originals_open(visit) -> None:
    visit.goto("/en/chapters/zhuzhou/")
    visit.page.emulate_media(media="print")
    assert not visit.page.locator(".md-header").is_visible()
    assert not visit.page.locator(".md-sidebar--primary").is_visible()
    first_original = visit.page.locator("details.original p.para").first
    assert first_original.is_visible()
    pdf = ROOT / "tests" / "artifacts" / "chapter-en.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    visit.page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 10_000


# Findings of the Nu HTML checker that come from the theme's own templates, not from our pages.
THEME_FINDINGS = {
    # Material's hidden drawer/search/palette toggles are checkbox and radio inputs with autocomplete="off"
    # (a Firefox workaround in the theme's base.html and palette.html); harmless, not ours to change.
    "Attribute “autocomplete” is only allowed when the input type is",
    # Material's nav.html writes tabindex="" on section labels when they are not focusable; browsers ignore it.
    "Bad value “” for attribute “tabindex” on element “label”",
}


def test_html_validates_with_the_nu_checker(site: Path) -> None:
    assert VNU.is_file(), "vnu.jar is missing: run `make test` (it installs tests/node_modules)"
    java = shutil.which("java")
    assert java, "a Java runtime is needed for the Nu HTML checker (apt-get install default-jre-headless)"
    pages = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *pages],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    unexplained = [m for m in messages if not any(k in m.get("message", "") for k in THEME_FINDINGS)]
    summary = sorted({m["message"] for m in unexplained})
    assert unexplained == [], "\n".join(summary[:20])
