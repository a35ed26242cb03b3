"""The Content-Security-Policy: on every page, strict, and the site still works under it in Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from search_harness import search

CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
PAGES = [
    "/",
    "/en/",
    "/chapters/zhuzhou/",
    "/en/chapters/zhuzhou/",
    "/data/xiqiao-looms/",
    "/en/data/xiqiao-looms/",
]
"""Home, a chapter and a data page, in both languages."""


def _policy(html: str) -> dict[str, list[str]]:
    metas = CSP_META.findall(html)
    assert len(metas) == 1, metas
    directives = [d.split() for d in metas[0].split(";")]
    return {d[0]: d[1:] for d in directives if d}


def test_every_page_has_a_strict_policy_before_anything_it_governs(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert (site / "404.html") in pages and (site / "en" / "404.html") in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = _policy(html)
        head = html[html.index("<head>") : html.index(CSP_META.search(html).group(0))]
        assert re.sub(r"\s", "", head) in ("<head>", '<head><metacharset="utf-8">'), (page, head)
        assert policy["default-src"] == ["'self'"], page
        assert policy["object-src"] == ["'none'"], page
        assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"], page
        assert policy["img-src"] == ["'self'", "data:"], page
        assert policy["style-src"] == ["'self'"], page  # no inline styles either
        assert policy["script-src"][0] == "'self'", page
        assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", h) for h in policy["script-src"][1:]), page
        # No other host, and no way around the hashes.
        for sources in policy.values():
            assert not any(s.startswith(("http", "*", "'unsafe-eval'", "'strict-dynamic'")) for s in sources)
        assert "'unsafe-inline'" not in policy["script-src"]


def _watch(visit) -> list[str]:
    """CSP violations reported in any page the visit opens (events and console messages)."""
    found: list[str] = []
    visit.context.expose_function("__cspViolation", lambda v: found.append(v))  # noqa: PLW0108 - Playwright wants a function, not a builtin method
    visit.context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => {"
        " const v = `${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`;"
        " window.__csp.push(v); window.__cspViolation(v); })"
    )
    visit.page.on(
        "console",
        lambda m: found.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return found


@pytest.mark.parametrize("path", PAGES)
def test_the_page_runs_without_a_violation_and_search_works(visit, path: str) -> None:
    violations = _watch(visit)
    visit.goto(path)
    # The theme's inline scripts ran (allowed by hash): the palette toggle reads what they define.
    assert visit.page.evaluate("typeof __md_get") == "function"
    query = "cluster" if path.startswith("/en/") else "产业集群"
    results = search(visit.page, visit.base, path, query)
    assert results, f"no search results for {query!r} on {path}"
    visit.page.keyboard.press("Escape")
    toggle = visit.page.locator("form[data-md-component=palette] label:visible").first
    toggle.click()
    assert visit.page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert violations == []
    assert visit.foreign == []


@pytest.mark.parametrize(
    ("start", "lang", "end"),
    [
        ("/chapters/zhuzhou/", "en", "/en/chapters/zhuzhou/"),
        ("/en/data/xiqiao-looms/", "zh", "/data/xiqiao-looms/"),
    ],
)
def test_the_language_switch_works_under_the_policy(visit, start: str, lang: str, end: str) -> None:
    violations = _watch(visit)
    visit.goto(start)
    visit.page.hover(".md-header__option .md-select")
    visit.page.click(f".md-select__link[hreflang='{lang}']")
    visit.page.wait_for_load_state("load")
    assert visit.page.url == visit.base + end
    assert visit.page.locator("html").get_attribute("lang").split("-")[0] == lang  # zh-Hans for Chinese
    assert violations == []


def test_an_inline_script_the_theme_did_not_write_is_blocked(visit, site: Path) -> None:
    violations = _watch(visit)
    html = (site / "chapters" / "zhuzhou" / "index.html").read_text(encoding="utf-8")
    injected = html.replace("</body>", "<script>window.__injected = 1</script></body>")
    assert injected != html
    # The page's own HTML, served at its own address with one extra script.
    url = visit.base + "/chapters/zhuzhou/"
    visit.page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=injected))
    visit.goto("/chapters/zhuzhou/")
    assert visit.page.evaluate("typeof __md_get") == "function"  # the theme's scripts still run
    assert visit.page.evaluate("window.__injected") is None
    assert any("script-src" in v for v in violations), violations
    # An event handler attribute and a javascript: URL are blocked too.
    visit.page.evaluate(
        'document.body.insertAdjacentHTML(\'beforeend\', \'<img src="data:," onerror="window.__handler = 1">'
        '<a id="js" href="javascript:window.__url = 1">x</a>\')'
    )
    visit.page.wait_for_function("() => window.__csp.some(v => v.includes('script-src-attr'))")
    visit.page.evaluate("document.getElementById('js').click()")
    visit.page.wait_for_function("() => window.__csp.filter(v => v.includes('script-src')).length >= 3")
    assert visit.page.evaluate("[window.__handler, window.__url]") == [None, None]
