"""Typing a query into the site's search box in Chromium and reading the results as a reader sees them."""

from __future__ import annotations

from urllib.parse import urlsplit

RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href)"""


def search(page, base: str, start: str, query: str) -> list[str]:
    """Pages (paths from the site root) in the order the results list shows them."""
    if not page.url.startswith(base + start) or urlsplit(page.url).path != start:
        page.goto(base + start)
        page.wait_for_load_state("load")
    box = page.locator("input.md-search__input")
    box.click()
    # Until the worker has loaded the index, the results line says it is initialising and a query finds nothing.
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent && !/初始化|Initializing/.test(m.textContent); }"
    )
    box.fill("")
    page.keyboard.insert_text(query)
    page.keyboard.press("End")  # CJK text is inserted without key events; End makes Material search
    page.wait_for_function(
        "q => document.querySelector('input.md-search__input').value === q && "
        "/结果|matching/i.test(document.querySelector('.md-search-result__meta').textContent)",
        arg=query,
    )
    page.wait_for_timeout(150)
    seen: list[str] = []
    for href in page.evaluate(RESULTS_JS):
        path = urlsplit(href).path.lstrip("/")
        if path not in seen:
            seen.append(path)
    return seen
