"""Typing a query into the site's search box in Chromium and reading the results as a reader sees them."""

from __future__ import annotations

from urllib.parse import urlsplit

META = ".md-search-result__meta"
ITEMS = ".md-search-result__list > .md-search-result__item"
RESULTS_JS = f"""() => [...document.querySelectorAll('{ITEMS} > a')].map(a => a.href)"""
PLACEHOLDER = "/键入以开始搜索|Type to start searching/"
"""Material's results line for an empty query (zh, en)."""
SHOWN_JS = f"""q => {{
    const box = document.querySelector('input.md-search__input');
    const meta = document.querySelector('{META}').textContent;
    if (box.value !== q || !/符合条件的结果|matching document/.test(meta)) return false;
    const count = Number((meta.match(/\\d+/) || ['0'])[0]);
    return document.querySelectorAll('{ITEMS}').length >= Math.min(count, 10);
}}"""
"""True once the results line answers query `q` and its first page of results (at most 10) is in the list."""


def search(page, base: str, start: str, query: str) -> list[str]:
    """Pages (paths from the site root) in the order the results list shows them."""
    if not page.url.startswith(base + start) or urlsplit(page.url).path != start:
        page.goto(base + start)
        page.wait_for_load_state("load")
    box = page.locator("input.md-search__input")
    box.click()
    # Until the worker has loaded the index, the results line says it is initialising; a query finds nothing.
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent && !/初始化|Initializing/.test(m.textContent); }"
    )
    # Empty the box and wait for the empty state: the next results line can then only be this query's.
    box.fill("")
    page.keyboard.press("End")
    page.wait_for_function(f"() => {PLACEHOLDER}.test(document.querySelector('{META}').textContent)")
    page.keyboard.insert_text(query)
    page.keyboard.press("End")  # CJK text is inserted without key events; End makes Material search
    page.wait_for_function(SHOWN_JS, arg=query)
    seen: list[str] = []
    for href in page.evaluate(RESULTS_JS):
        path = urlsplit(href).path.lstrip("/")
        if path not in seen:
            seen.append(path)
    return seen
