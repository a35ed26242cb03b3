"""A generated page of each type in both languages, from the real corpus, compared exactly with a golden copy.

The golden copies are `tests/golden/pages/<path under docs/>`; `pytest --update-golden` rewrites them from the
current output, and the diff is what a reviewer reads.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from golden import GOLDEN, Golden

PAGES = "pages"
PAGE_TYPES = {
    "chapter": "chapters/zhuzhou/index",
    "chapter-index": "chapters/index",
    "case": "cases/datang-socks/index",
    "comparison": "cases/compare/index",
    "other-clusters": "cases/clusters/index",
    "data-index": "data/index",
    "data-set": "data/xiqiao-firms/index",
    "glossary": "glossary/index",
}
"""A representative page of every type: the Zhuzhou chapter has a rebuilt table, editorial notes and moves."""
FILES = {
    f"{kind}-{lang}": f"{stem}{suffix}"
    for kind, stem in PAGE_TYPES.items()
    for lang, suffix in (("zh", ".md"), ("en", ".en.md"))
}
SITE_URL = "https://clusterdocs.example/"
"""The published address the golden pages are rendered with (it appears in the citation block)."""


@pytest.fixture(scope="module")
def generated() -> Iterator[dict[str, str | bytes]]:
    """Every generated file, rendered in-process from a fresh load of the real corpus."""
    from clusterdocs.generate import render_site
    from clusterdocs.ingest.corpus import load_corpus

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", SITE_URL)
        yield render_site(*load_corpus()).files


@pytest.mark.parametrize("name", FILES)
def test_the_page_is_its_golden_copy(name: str, generated: dict[str, str | bytes], golden: Golden) -> None:
    path = FILES[name]
    assert path in generated, f"{path} is no longer generated"
    page = generated[path]
    golden.check(GOLDEN / PAGES / path, page.decode("utf-8") if isinstance(page, bytes) else page)


def test_every_golden_page_is_compared(golden: Golden) -> None:
    golden.check_folder(GOLDEN / PAGES, set(FILES.values()))
