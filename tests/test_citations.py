"""Citations lecturers can paste (issue 12, F05): the published URL, standard formats with working copy
buttons, the access date filled in, a citation for one paragraph, citations on case and data pages; a build
for publishing refuses a local site address. Browser tests on a phone (390×844, touch) and a desktop."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clusterdocs.cli import local_address
from clusterdocs.numbers import MONTHS
from clusterdocs.site.cite import Work, authors, bibtex_text, gbt7714
from screens import Screen

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(params=["phone", "desktop"])
def screen(request: pytest.FixtureRequest, browser: object, server: str) -> Iterator[Screen]:
    s = Screen(browser, server, request.param)
    yield s
    s.close()


def _today(screen: Screen) -> tuple[int, int, int]:
    """The browser's date (year, month, day): what the access date must say."""
    y, m, d = screen.page.evaluate(
        "() => { const t = new Date(); return [t.getFullYear(), t.getMonth() + 1, t.getDate()]; }"
    )
    return y, m, d


def _copy(screen: Screen, fmt: str) -> str:
    """Press the copy button of one format and return what reached the clipboard."""
    screen.page.evaluate("() => navigator.clipboard.writeText('')")
    screen.tap(f".citation-{fmt} button.cite-copy")
    screen.page.wait_for_function("() => document.querySelector('.cite-status').textContent !== ''")
    return screen.clipboard()


def _assert_fits(screen: Screen) -> None:
    """The citation block wraps inside the screen: nothing scrolls sideways, nothing sticks out."""
    widths = screen.page.evaluate(
        """() => [...document.querySelectorAll('.citations, .citation-text')].map(e => {
            const r = e.getBoundingClientRect();
            return [e.scrollWidth - e.clientWidth, r.right, window.innerWidth];
        })"""
    )
    for overflow, right, width in widths:
        assert overflow <= 1 and right <= width, widths


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_chapter_citation_wraps_gives_the_published_url_and_today_and_copies(
    screen: Screen, site_url: str, lang: str
) -> None:
    prefix = "" if lang == "zh" else "en/"
    screen.goto(f"/{prefix}chapters/hunan-small-towns/#cite")
    url = f"{site_url}{prefix}chapters/hunan-small-towns/"
    _assert_fits(screen)
    screen.page.locator("#cite").scroll_into_view_if_needed()
    screen.shot(f"cite-{lang}-{screen.kind}")
    y, m, d = _today(screen)
    if lang == "zh":
        copied = _copy(screen, "gbt7714")
        assert copied == f"佚名. 湖南小城镇优化研究[EB/OL]//产业集群读本. [{y}-{m:02}-{d:02}]. {url}."
    else:
        copied = _copy(screen, "apa")
        assert copied.startswith(
            "Optimising Hunan's Small Towns through Industrial Clusters [湖南小城镇优化研究]. (n.d.). "
        )
        assert copied.endswith(f"Retrieved {MONTHS[m - 1]} {d}, {y}, from {url}")
        assert "not stated" not in copied.lower()
    bib = _copy(screen, "bibtex")
    assert bib.startswith("@misc{clusterdocs-hunan-small-towns")
    assert f"  url = {{{url}}}," in bib and f"  urldate = {{{y}-{m:02}-{d:02}}}," in bib
    for text in (copied, bib):
        assert "127.0.0.1" not in text and ".txt" not in text and not re.search(r"[0-9a-f]{16}", text)
    assert screen.errors == [] and screen.foreign == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_paragraph_can_be_cited_from_its_pilcrow(screen: Screen, site_url: str, lang: str) -> None:
    prefix = "" if lang == "zh" else "en/"
    screen.goto(f"/{prefix}chapters/zhuzhou/")
    para = "s2-p1"
    # On the English page the chapter is translated: the paragraph is its pair's Chinese, shown by default.
    assert screen.page.locator(f"details:has(#{para})").count() == 0
    screen.page.locator(f"#{para} .para-link").scroll_into_view_if_needed()
    screen.tap(f"#{para} .para-link")
    action = screen.page.locator(f"#{para} a.para-cite")
    assert action.is_visible()
    assert action.text_content() == ("引用本段" if lang == "zh" else "Cite this paragraph")
    screen.shot(f"cite-paragraph-action-{lang}-{screen.kind}")
    action.click()
    screen.page.wait_for_function("() => !document.querySelector('.cite-scope').hidden")
    assert para in screen.page.locator(".cite-scope").inner_text()
    fmt = "gbt7714" if lang == "zh" else "apa"
    copied = _copy(screen, fmt)
    assert f"{site_url}{prefix}chapters/zhuzhou/#{para}" in copied
    assert (
        f"url = {{{site_url}{prefix}chapters/zhuzhou/#{para}}}"
        in screen.page.locator("#cite-bibtex").text_content()
    )
    screen.shot(f"cite-paragraph-{lang}-{screen.kind}")
    screen.tap(".cite-whole")
    assert screen.page.locator(".cite-scope").is_hidden()
    assert f"#{para}" not in screen.page.locator(f"#cite-{fmt}").text_content()


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("cases/datang-socks/", "大唐袜业[EB/OL]//产业集群读本"),
        ("en/cases/datang-socks/", "(n.d.). In Industrial Clusters Reader."),
        ("data/zhuzhou-agglomeration/", "[EB/OL]//产业集群读本"),
        ("en/data/zhuzhou-agglomeration/", "(n.d.). In Industrial Clusters Reader."),
    ],
)
def test_case_and_data_pages_have_a_citation_that_copies(
    screen: Screen, site_url: str, path: str, title: str
) -> None:
    screen.goto(f"/{path}")
    _assert_fits(screen)
    fmt = "apa" if path.startswith("en/") else "gbt7714"
    copied = _copy(screen, fmt)
    assert title in copied and f"{site_url}{path}" in copied
    screen.page.locator("#cite").scroll_into_view_if_needed()
    screen.shot(f"cite-{path.strip('/').replace('/', '-')}-{screen.kind}")


def test_canonical_links_and_the_sitemap_give_the_published_address(site: Path, site_url: str) -> None:
    page = (site / "chapters" / "hunan-small-towns" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site_url}chapters/hunan-small-towns/">' in page
    english = (site / "en" / "chapters" / "hunan-small-towns" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site_url}en/chapters/hunan-small-towns/">' in english
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(loc.startswith(site_url) for loc in locs)


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/", True),
        ("http://[::1]/", True),
        ("http://192.168.1.20/reader/", True),
        ("http://0.0.0.0/", True),
        ("http://devbox/", True),
        ("file:///srv/site/", True),
        ("", True),
        ("https://example.github.io/reader/", False),
        ("https://reader.example.org/", False),
    ],
)
def test_a_local_site_address_is_recognised(url: str, local: bool) -> None:
    assert local_address(url) is local


def test_a_build_for_publishing_refuses_a_local_site_url_and_keeps_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("kept", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "clusterdocs", "--site", str(site), "build", "--publish"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "SITE_URL": "http://127.0.0.1:8000/"},
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error: SITE_URL is 'http://127.0.0.1:8000/', a local address")
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "kept"


def test_make_build_publishes_only_on_github_actions() -> None:
    def dry(env: dict[str, str]) -> str:
        out = subprocess.run(
            ["make", "--dry-run", "--no-print-directory", "-o", ".venv/.runtime-installed", "build"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", **env},
            check=True,
        ).stdout
        return out.strip().splitlines()[-1]

    assert dry({}).endswith("clusterdocs build")
    assert dry({"GITHUB_ACTIONS": "true"}).endswith("clusterdocs build --publish")


def test_gbt_7714_names_three_authors_then_deng_and_bibtex_escapes() -> None:
    work = Work(
        key="k", path="chapters/k/", title_zh="题名", title_en="Title", authors_zh=authors("甲，乙、丙，丁")
    )
    assert gbt7714(work, "https://x.example/k/").startswith("甲, 乙, 丙, 等. 题名[EB/OL]//产业集群读本. ")
    assert authors("not stated in the source") == () and authors(None) == ()
    assert (
        bibtex_text("50% & {x}_#$~^\\")
        == r"50\% \& \{x\}\_\#\$\textasciitilde{}\textasciicircum{}\textbackslash{}"
    )
