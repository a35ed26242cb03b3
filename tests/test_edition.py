"""The reader's edition (issue 14): offline reading (web app manifest, offline manifests, the service worker),
"last updated" from git, "report a problem with this page", the about page and the licences."""

from __future__ import annotations

import datetime
import functools
import hashlib
import html
import json
import os
import re
import shutil
import struct
import subprocess
import threading
import zlib
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT, SITE_URL, _Handler, strict_build
from screens import Screen
from search_harness import search
from sitecheck import article, resolve, visible_lines

if TYPE_CHECKING:
    from clusterdocs.ingest.manifest import Manifest

REPO_URL = "https://github.com/example-org/industrial-clusters-reader"
LANG_ROOT = {"zh": "", "en": "en/"}
TIME = re.compile(r'<aside class="page-facts">.*?<time datetime="([0-9-]+)">([^<]*)</time>', re.DOTALL)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
MONTHS += ("November", "December")


def git(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """One git command (its output as text; a failure is returned, not raised)."""
    return subprocess.run(["git", "-C", str(cwd), *args], capture_output=True, text=True, check=False)


def expected_date(paths: list[Path]) -> str | None:
    """What git says a page made from `paths` last changed: `git log -1 --format=%cs -- <inputs>`; none if any
    input is untracked or edited since its last commit, or outside a repository."""
    existing = [str(p) for p in paths if p.exists()]
    status = git("status", "--porcelain", "--untracked-files=all", "--", *existing)
    if status.returncode != 0 or status.stdout.strip():
        return None
    return git("log", "-1", "--format=%cs", "--", *existing).stdout.strip() or None


def chapter_inputs(manifest: Manifest, slug: str) -> list[Path]:
    """A chapter's inputs: its seed, its manifest, its English and its translation."""
    return [
        ROOT / "seeds" / manifest.source,
        manifest.path,
        ROOT / "content" / "en" / f"{slug}.yml",
        ROOT / "content" / "translation" / f"{slug}.yml",
    ]


def shown_date(page: Path) -> tuple[str, str] | None:
    """The `<time datetime>` and the text of a built page's "last updated" line, if it has one."""
    match = TIME.search(page.read_text(encoding="utf-8"))
    return (match.group(1), match.group(2)) if match else None


def in_words(iso: str, lang: str) -> str:
    """A date as a reader of `lang` reads it."""
    date = datetime.date.fromisoformat(iso)
    if lang == "zh":
        return f"{date.year}年{date.month}月{date.day}日"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


# ---- Last updated ----


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_chapter_shows_the_last_commit_date_of_its_inputs(site: Path, manifests, lang: str) -> None:
    for manifest in manifests:
        for spec in manifest.chapters:
            page = site / LANG_ROOT[lang] / "chapters" / spec.slug / "index.html"
            expected = expected_date(chapter_inputs(manifest, spec.slug))
            shown = shown_date(page)
            if expected is None:
                assert shown is None, f"{spec.slug}: a date shown for inputs git cannot date"
            else:
                assert shown == (expected, in_words(expected, lang)), spec.slug


@pytest.mark.parametrize(
    ("source", "built"), [("docs/teaching.md", "teaching"), ("docs/about.en.md", "en/about")]
)
def test_a_hand_written_page_shows_the_last_commit_date_of_its_markdown(
    site: Path, source: str, built: str
) -> None:
    expected = expected_date([ROOT / source])
    shown = shown_date(site / built / "index.html")
    lang = "en" if source.endswith(".en.md") else "zh"
    assert shown == ((expected, in_words(expected, lang)) if expected else None)


@pytest.mark.parametrize(
    ("built", "inputs"),
    [
        ("data/xiqiao-firms", ["content/data/xiqiao-firms.yml", "content/data/xiqiao-firms.csv"]),
        ("en/cases/datang-socks", ["content/cases.yml"]),
        ("cases/clusters", ["content/clusters.yml"]),
        ("en/glossary", ["content/glossary.yml"]),
    ],
)
def test_case_data_and_glossary_pages_show_the_last_commit_date_of_their_content(
    site: Path, built: str, inputs: list[str]
) -> None:
    expected = expected_date([ROOT / p for p in inputs])
    lang = "en" if built.startswith("en/") else "zh"
    assert shown_date(site / built / "index.html") == (
        (expected, in_words(expected, lang)) if expected else None
    )


def test_no_date_for_untracked_or_edited_files_or_outside_a_repository(tmp_path: Path) -> None:
    from clusterdocs.site.freshness import read_history

    outside = tmp_path / "outside.txt"
    outside.write_text("not in a repository\n")
    assert read_history(tmp_path).last_changed([outside]) is None
    repo = tmp_path / "repo"
    repo.mkdir()
    committed, edited, untracked = repo / "a.yml", repo / "b.yml", repo / "c.yml"
    committed.write_text("a\n")
    edited.write_text("b\n")
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2020-01-02T10:00:00Z",
        "GIT_COMMITTER_DATE": "2020-01-02T10:00:00Z",
    }
    for args in (
        ["init", "-q"],
        ["add", "a.yml", "b.yml"],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one"],
    ):
        subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)
    edited.write_text("b, edited\n")
    untracked.write_text("c\n")
    history = read_history(repo)
    assert history.last_changed([committed]) == datetime.date(2020, 1, 2)
    assert history.last_changed([committed, repo / "missing.yml"]) == datetime.date(2020, 1, 2)
    assert history.last_changed([committed, edited]) is None
    assert history.last_changed([committed, untracked]) is None


def test_a_file_changed_on_both_sides_of_a_merge_is_dated_like_git_log_dates_it(tmp_path: Path) -> None:
    from clusterdocs.site.freshness import read_history

    repo = tmp_path
    (repo / "f.txt").write_text("one\ntwo\nthree\nfour\nfive\n")

    def run(*args: str, day: str) -> None:
        stamp = f"2020-01-{day}T10:00:00Z"
        env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        who = ["-c", "user.name=t", "-c", "user.email=t@t"]
        subprocess.run(["git", "-C", str(repo), *who, *args], check=True, env=env, capture_output=True)

    run("init", "-q", "-b", "main", day="01")
    run("add", "f.txt", day="01")
    run("commit", "-qm", "one", day="01")
    run("checkout", "-qb", "side", day="02")
    (repo / "f.txt").write_text("one, side\ntwo\nthree\nfour\nfive\n")
    run("commit", "-qam", "side", day="03")
    run("checkout", "-q", "main", day="04")
    (repo / "f.txt").write_text("one\ntwo\nthree\nfour\nfive, main\n")
    run("commit", "-qam", "main", day="05")
    run("merge", "-q", "--no-edit", "side", day="09")
    expected = git("log", "-1", "--format=%cs", "--", "f.txt", cwd=repo).stdout.strip()
    assert expected == "2020-01-09"
    assert read_history(repo).last_changed([repo / "f.txt"]) == datetime.date(2020, 1, 9)


# ---- Report a problem with this page ----


def _build(out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return strict_build(ROOT, out, SITE_URL=SITE_URL, **env)


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with a repository to report problems to (no search index: not needed here)."""
    out = tmp_path_factory.mktemp("repo-site")
    result = _build(out, REPO_URL=REPO_URL, CLUSTERDOCS_SEARCH="false")
    assert result.returncode == 0, result.stderr
    return out


def _serve(folder: Path) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def repo_server(repo_site: Path) -> Iterator[str]:
    yield from _serve(repo_site)


def report_href(page_html: str) -> str:
    """The report link's address on a built page."""
    match = re.search(r'<a class="report-problem" href="([^"]+)"', page_html)
    assert match, "no report link"
    return html.unescape(match.group(1))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_link_opens_a_new_issue_with_the_page_filled_in(
    repo_site: Path, manifests, lang: str
) -> None:
    spec = manifests[0].chapters[0]
    path = f"{LANG_ROOT[lang]}chapters/{spec.slug}/"
    href = report_href((repo_site / path / "index.html").read_text(encoding="utf-8"))
    parts = urlsplit(href)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/issues/new"
    query = parse_qs(parts.query, strict_parsing=True)
    title = spec.title_zh if lang == "zh" else spec.title_en
    assert SITE_URL + path in query["body"][0]
    assert title in query["body"][0]
    assert title in query["title"][0]
    assert " " not in href and "\n" not in href  # URL-encoded


def test_every_page_has_one_report_link_when_a_repository_is_set(repo_site: Path) -> None:
    pages = sorted(repo_site.rglob("index.html"))
    assert pages
    for page in pages:
        assert page.read_text(encoding="utf-8").count('class="report-problem"') == 1, page


def test_no_report_link_without_a_repository(site: Path) -> None:
    for page in site.rglob("*.html"):
        assert "report-problem" not in page.read_text(encoding="utf-8"), page


def test_a_repository_address_that_is_not_a_web_address_stops_the_build(tmp_path: Path) -> None:
    result = _build(tmp_path / "out", REPO_URL="javascript:alert(1)", CLUSTERDOCS_SEARCH="false")
    assert result.returncode != 0
    assert "mkdocs.yml:extra.repository: not a repository address" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", ["phone", "desktop"])
def test_the_report_link_names_the_place_the_reader_is_at(browser, repo_server: str, kind: str) -> None:
    """The paragraph whose text the reader selected (desktop), or the section the address names (phone)."""
    screen = Screen(browser, repo_server, kind)
    try:
        if kind == "desktop":
            screen.goto("/en/chapters/zhuzhou/")
            screen.page.evaluate(
                """() => { const range = document.createRange();
                range.selectNodeContents(document.querySelector('.pair[data-para="s2-p1"] .pair-en p')
                    || document.getElementById('s2-p1'));
                const selection = document.getSelection();
                selection.removeAllRanges(); selection.addRange(range); }"""
            )
            place = "#s2-p1"
        else:
            screen.goto("/chapters/zhuzhou/#s3")
            place = "#s3"
        screen.page.locator("a.report-problem").focus()
        body = parse_qs(urlsplit(screen.page.get_attribute("a.report-problem", "href") or "").query)["body"][
            0
        ]
        assert place in body
        assert SITE_URL in body
        assert screen.foreign == []
    finally:
        screen.close()


# ---- The about page and the licences ----


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_about_page_lists_each_source_from_its_manifest(site: Path, manifests, lang: str) -> None:
    text = " ".join(visible_lines(article((site / LANG_ROOT[lang] / "about" / "index.html").read_text())))
    for manifest in manifests:
        assert manifest.source in text
        assert (manifest.description_zh if lang == "zh" else manifest.description_en) in text
        for spec in manifest.chapters:
            assert spec.title_zh in text and spec.title_en in text, spec.slug
            names = [p.name_zh if lang == "zh" else p.name_en for p in spec.authors]
            if not names and spec.byline and lang == "zh":
                names = [spec.byline]
            for name in names:
                assert name in text, (spec.slug, name)
    assert "CC BY 4.0" in text and "MIT" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_about_page_cites_the_whole_reader_in_three_formats(site: Path, lang: str) -> None:
    page = (site / LANG_ROOT[lang] / "about" / "index.html").read_text(encoding="utf-8")
    for name in ("gbt7714", "apa", "bibtex"):
        assert f'class="citation citation-{name}"' in page
    assert f'<span class="cite-url">{SITE_URL}{LANG_ROOT[lang]}</span>' in page


def test_every_page_links_the_about_page_in_its_language_from_the_footer(site: Path) -> None:
    pattern = re.compile(r'<div class="reader-footer"><p class="reader-footer-links"><a href="([^"]+)">')
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        match = pattern.search(page.read_text(encoding="utf-8"))
        assert match, rel
        target, _ = resolve(site, rel, match.group(1))
        expected = site / ("en/" if rel.startswith("en/") else "") / "about" / "index.html"
        assert target == expected, rel


def test_the_code_is_under_the_mit_licence() -> None:
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


# ---- Offline reading: what the build writes ----


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_offline_manifest_lists_every_page_of_its_language_with_its_hash(site: Path, lang: str) -> None:
    manifest = json.loads((site / LANG_ROOT[lang] / "offline.json").read_text(encoding="utf-8"))
    pages = {
        p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site.rglob("index.html")
        if p.relative_to(site).as_posix().startswith("en/") == (lang == "en")
    }
    assert set(manifest["pages"]) == pages
    assert f"{LANG_ROOT[lang]}chapters/zhuzhou/" in pages
    for url, digest in {**manifest["pages"], **manifest["assets"]}.items():
        path = site / (url + "index.html" if url.endswith("/") or not url else url)
        assert digest == _hash(path), url
    assert f"{LANG_ROOT[lang]}search/search_index.json" in manifest["assets"]
    assert "assets/javascripts/bundle.a5f9d56c.min.js" in manifest["assets"] or any(
        re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js", u) for u in manifest["assets"]
    )
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert f'var BUILD = "{manifest["build"]}";' in sw


def test_the_build_hash_changes_when_any_page_changes(tmp_path: Path) -> None:
    from clusterdocs.site.offline import offline_manifests

    for rel in ("index.html", "a/index.html", "en/index.html", "assets/site.css"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    first = offline_manifests(tmp_path)
    (tmp_path / "en" / "index.html").write_text("changed")
    second = offline_manifests(tmp_path)
    assert first["zh"]["build"] != second["zh"]["build"]
    assert first["zh"]["pages"] == second["zh"]["pages"]
    assert first["en"]["pages"] != second["en"]["pages"]


def _png_pixels(png: bytes) -> tuple[int, list[bytes]]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (depth, colour) == (8, 6) and width == height
    data = zlib.decompress(png[png.index(b"IDAT") + 4 : png.index(b"IEND") - 8])
    stride = width * 4 + 1
    rows = [data[i * stride + 1 : (i + 1) * stride] for i in range(height)]
    assert all(data[i * stride] == 0 for i in range(height))
    return width, rows


def test_the_app_icons_are_the_favicon_drawn_as_png(site: Path) -> None:
    for size in (192, 512):
        width, rows = _png_pixels((site / "assets" / f"icon-{size}.png").read_bytes())
        scale = size / 64
        assert width == size

        def pixel(x: float, y: float, rows: list[bytes] = rows, scale: float = scale) -> tuple[int, ...]:
            row = rows[int(y * scale)]
            return tuple(row[int(x * scale) * 4 : int(x * scale) * 4 + 4])

        assert pixel(0, 0)[3] == 0  # the rounded corner is transparent
        assert pixel(32, 60) == (0x00, 0x79, 0x6B, 255)  # the background, as favicon.svg fills it
        assert pixel(20, 22) == (255, 255, 255, 255)  # the first circle's centre


def test_the_icon_maker_refuses_a_shape_it_cannot_draw() -> None:
    from clusterdocs.errors import SourceError
    from clusterdocs.site.offline import icon_png

    with pytest.raises(SourceError, match="<path>"):
        icon_png(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><path d="M0 0h8"/></svg>', 16)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_language_has_a_web_app_manifest_linked_from_its_pages(site: Path, lang: str) -> None:
    page = site / LANG_ROOT[lang] / "chapters" / "zhuzhou" / "index.html"
    href = re.search(r'<link rel="manifest" href="([^"]+)">', page.read_text(encoding="utf-8"))
    assert href
    target, _ = resolve(site, page.relative_to(site).as_posix(), href.group(1))
    assert target == site / LANG_ROOT[lang] / "manifest.webmanifest"
    manifest = json.loads(target.read_text(encoding="utf-8"))
    assert manifest["name"] == ("产业集群读本" if lang == "zh" else "Industrial Clusters Reader")
    assert manifest["lang"] == ("zh-Hans" if lang == "zh" else "en")
    for icon in manifest["icons"]:
        assert (target.parent / icon["src"]).resolve().is_file(), icon


# ---- Offline reading in the browser ----

CACHED_JS = """async (path) => {
    const url = new URL(path, location.href).href;
    for (;;) {
        for (const name of await caches.keys()) {
            if (await (await caches.open(name)).match(url)) return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}"""
"""Resolves once the page at `path` is in the service worker's cache (the test's own timeout bounds it)."""
ONLY_CACHE_JS = """async (name) => {
    for (;;) {
        const keys = await caches.keys();
        if (keys.length === 1 && keys[0] === name) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}"""
"""Resolves once `name` is the only cache: the new worker has installed and activated, the old cache gone."""


def _heading(screen: Screen) -> str:
    return screen.page.locator("article h1, main h1").first.inner_text().strip()


@pytest.mark.parametrize(("lang", "kind"), [("zh", "phone"), ("en", "phone"), ("en", "desktop")])
def test_offline_visited_pages_saved_pages_and_search(
    browser, server: str, manifests, lang: str, kind: str
) -> None:
    from clusterdocs.site.lang import messages

    root = "/" + LANG_ROOT[lang]
    chapters = [spec for m in manifests for spec in m.chapters]
    visited, unvisited = chapters[0], chapters[-1]
    title = {c.slug: (c.title_zh if lang == "zh" else c.title_en) for c in chapters}
    screen = Screen(browser, server, kind)
    policy_errors: list[str] = []
    screen.page.on(
        "console", lambda m: policy_errors.append(m.text) if "Content Security Policy" in m.text else None
    )
    page = screen.page
    try:
        chapter = f"{root}chapters/{visited.slug}/"
        screen.goto(chapter)
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        page.evaluate(CACHED_JS, chapter)
        if kind == "phone":  # the search box opens from the header's button
            screen.tap("label[for='__search']")
        assert search(page, server, chapter, "Zhuzhou" if lang == "en" else "株洲")  # fetches the index once
        screen.goto(f"{root}glossary/")
        page.evaluate(CACHED_JS, f"{root}glossary/")

        screen.context.set_offline(True)
        screen.goto(chapter)
        assert title[visited.slug] in _heading(screen)
        page.reload()
        assert title[visited.slug] in _heading(screen)
        screen.goto(f"{root}glossary/")
        assert messages(lang).glossary in _heading(screen)
        screen.goto(
            f"{root}chapters/{unvisited.slug}/"
        )  # never visited: the worker says so (it is offline too)
        assert _heading(screen) == messages(lang).offline_missing_title
        screen.goto(chapter)
        if kind == "phone":  # the search box opens from the header's button
            screen.tap("label[for='__search']")
        assert search(page, server, chapter, "Datang" if lang == "en" else "大唐")  # offline

        screen.context.set_offline(False)
        screen.goto(chapter)
        page.wait_for_selector(".offline-save:not([hidden])")
        screen.tap(".offline-save-button")
        page.wait_for_function(
            "() => ['saved', 'failed'].includes(document.querySelector('.offline-save').dataset.state)"
        )
        assert page.locator(".offline-save").get_attribute("data-state") == "saved", page.inner_text(
            ".offline-status"
        )
        screen.context.set_offline(True)
        screen.goto(f"{root}chapters/{unvisited.slug}/")
        assert title[unvisited.slug] in _heading(screen)
        screen.goto(f"{root}data/")
        assert messages(lang).data in _heading(screen)
        screen.context.set_offline(False)
        screen.shot(f"edition-offline-{lang}-{kind}")
        assert policy_errors == []
        assert screen.errors == []
        assert screen.foreign == []
    finally:
        screen.close()


KEPT_SOON_JS = """async (path) => {
    const url = new URL(path, location.href).href;
    for (let tries = 0; tries < 300; tries++) {
        for (const name of await caches.keys()) {
            if (await (await caches.open(name)).match(url)) return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
}"""
"""True once `path` is in a cache; false if it is not after about 30 s (the worker has long finished)."""

HOLD_REGISTRATION_JS = """(() => {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    window.letTheWorkerIn = () => release();
    navigator.serviceWorker.register = (...args) => released.then(() => register(...args));
})()"""
"""Holds the page's service-worker registration until the test calls `letTheWorkerIn()`."""


def test_a_search_made_before_the_worker_was_in_charge_still_works_offline(browser, server: str) -> None:
    # A reader who searches on the very first page: the search worker loads its lunr files before the service
    # worker is in charge, and those loads are not in the page's own list of what it loaded.
    screen = Screen(browser, server, "phone")
    page = screen.page
    try:
        page.add_init_script(HOLD_REGISTRATION_JS)
        chapter = "/chapters/zhuzhou/"
        screen.goto(chapter)
        screen.tap("label[for='__search']")
        assert search(page, server, chapter, "株洲")
        assert page.evaluate("navigator.serviceWorker.controller") is None
        page.evaluate("window.letTheWorkerIn()")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        assert page.evaluate(KEPT_SOON_JS, "/assets/javascripts/lunr/min/lunr.zh.min.js"), "lunr.zh not kept"
        screen.context.set_offline(True)
        screen.goto(chapter)
        screen.tap("label[for='__search']")
        assert search(page, server, chapter, "大唐")
        screen.context.set_offline(False)
    finally:
        screen.close()


def test_a_new_build_replaces_the_old_cache_and_keeps_what_did_not_change(
    browser, site: Path, tmp_path: Path
) -> None:
    from clusterdocs.site.offline import write_offline

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    for base in _serve(copy):
        screen = Screen(browser, base, "desktop")
        page = screen.page
        try:
            for path in ("/chapters/zhuzhou/", "/glossary/", "/data/"):
                screen.goto(path)
                page.wait_for_function("() => navigator.serviceWorker.controller !== null")
                page.evaluate(CACHED_JS, path)
            old = page.evaluate("() => caches.keys()")
            glossary = copy / "glossary" / "index.html"
            glossary.write_text(glossary.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8")
            build = write_offline(copy)
            page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
            page.evaluate(ONLY_CACHE_JS, f"clusterdocs-{build}")
            kept = page.evaluate(
                "(name) => caches.open(name).then((c) => c.keys())"
                ".then((r) => r.map((q) => new URL(q.url).pathname))",
                f"clusterdocs-{build}",
            )
            assert old != [f"clusterdocs-{build}"]
            assert "/data/" in kept and "/chapters/zhuzhou/" in kept  # unchanged: carried into the new cache
            assert "/glossary/" not in kept  # changed: fetched again on the next visit
        finally:
            screen.close()


SHEET_HAS_JS = """(selector) => [...document.styleSheets]
    .filter((sheet) => (sheet.href || "").includes("/assets/site.css"))
    .some((sheet) => [...sheet.cssRules].some((rule) => rule.selectorText === selector))"""


def test_the_first_page_after_a_new_build_gets_the_new_site_css_and_js(
    browser, site: Path, tmp_path: Path
) -> None:
    # The page a reader opens after a deploy is fetched under the old worker: the site's own stylesheet and
    # script must be the new build's, not the old cache's (the theme's files are named by hash).
    from clusterdocs.site.offline import write_offline

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    css, js = copy / "assets" / "site.css", copy / "assets" / "site.js"
    past = datetime.datetime.now().timestamp() - 5  # Last-Modified a few seconds old: brief HTTP caching
    for path in (css, js):
        os.utime(path, (past, past))
    for base in _serve(copy):
        screen = Screen(browser, base, "desktop")
        page = screen.page
        try:
            for path in ("/chapters/zhuzhou/", "/data/"):
                screen.goto(path)
                page.wait_for_function("() => navigator.serviceWorker.controller !== null")
                page.evaluate(CACHED_JS, "/assets/site.css")
            assert not page.evaluate(SHEET_HAS_JS, ".new-build-marker")
            css.write_text(css.read_text(encoding="utf-8") + "\n.new-build-marker { color: inherit; }\n")
            js.write_text(js.read_text(encoding="utf-8") + "\nwindow.newBuildMarker = true;\n")
            write_offline(copy)
            screen.goto("/data/")
            assert page.evaluate(SHEET_HAS_JS, ".new-build-marker")
            assert page.evaluate("() => window.newBuildMarker === true")
        finally:
            screen.close()


@pytest.mark.parametrize("kind", ["phone", "desktop"])
@pytest.mark.parametrize("path", ["/about/", "/en/about/", "/en/chapters/zhuzhou/"])
def test_the_about_page_and_the_footer_pass_axe(browser, server: str, kind: str, path: str) -> None:
    from test_quality import serious_axe_findings

    screen = Screen(browser, server, kind)
    try:
        screen.goto(path)
        screen.page.wait_for_selector(".offline-save:not([hidden])")  # the footer as a reader sees it
        assert serious_axe_findings(screen.page) == []
        screen.page.locator(".reader-footer").scroll_into_view_if_needed()
        screen.shot(f"edition-{kind}-{path.strip('/').replace('/', '-')}-footer")
        assert screen.missing == [] and screen.foreign == []
    finally:
        screen.close()


def test_the_policy_lets_the_worker_and_the_manifest_load_from_the_site_only(site: Path) -> None:
    """worker-src, manifest-src and connect-src are not set: they fall back to default-src 'self'; the worker
    is registered by a same-site script, so no inline script is added."""
    page = (site / "chapters" / "zhuzhou" / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert policy
    directives = {d.split()[0]: d.split()[1:] for d in policy.group(1).split("; ")}
    assert directives["default-src"] == ["'self'"]
    assert not {"worker-src", "manifest-src", "connect-src", "child-src"} & set(directives)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert re.search(r'<script src="(\.\./)*assets/edition\.js"></script>', page)
