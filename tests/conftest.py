"""Shared fixtures: one real strict build per session, a local server for it, Debian's Chromium, the corpus,
golden files (`pytest --update-golden` rewrites them); the `browser` marker on each test using Chromium."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pytest

from golden import Golden

if TYPE_CHECKING:
    from clusterdocs.ingest.manifest import Manifest
    from clusterdocs.ingest.model import Chapter

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
SITE_URL = "http://clusterdocs.test/"


def strict_build(project: Path, out: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project in `project` into `out` (the outcome returned, not raised)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=project,
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


"""The address the session build is configured with: not the default, so a test can tell that it was used."""
BROWSER_FIXTURES = {"browser", "visit"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected files under tests/golden/ from the current output instead of comparing",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium is marked `browser`: `pytest -m "not browser"` is the fast subset."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """Compare output with a golden file (or rewrite it under --update-golden)."""
    return Golden(bool(request.config.getoption("--update-golden")))


@pytest.fixture(scope="session")
def corpus() -> tuple[list[Chapter], dict[str, bytes]]:
    """The real corpus, normalised once; read-only (rendering adds links to chapters: load your own then)."""
    from clusterdocs.ingest.corpus import load_corpus

    return load_corpus()


@pytest.fixture(scope="session")
def chapters(corpus: tuple[list[Chapter], dict[str, bytes]]) -> list[Chapter]:
    """Every chapter of the real corpus."""
    return corpus[0]


@pytest.fixture(scope="session")
def manifests() -> list[Manifest]:
    """Every manifest in seeds/."""
    from clusterdocs.ingest.corpus import manifests

    return manifests()


@pytest.fixture(scope="session")
def slugs(manifests: list[Manifest]) -> list[str]:
    """Every chapter slug, in reading order, from the manifests (not from generated pages)."""
    return [c.slug for m in manifests for c in m.chapters]


@pytest.fixture(scope="session")
def site_url() -> str:
    """The address the session build of the site is configured with (SITE_URL)."""
    return SITE_URL


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once as `make build` builds it (`clusterdocs build`: the books, then `mkdocs build
    --strict`) into a temporary folder; the books come from .cache/books when their inputs are unchanged."""
    out = tmp_path_factory.mktemp("built") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    env.pop("REPO_URL", None)  # no repository: no "report a problem" link (tests/test_edition.py builds one)
    result = subprocess.run(
        [sys.executable, "-m", "clusterdocs", "--site", str(out), "build"],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out


class _Handler(SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".txt": "text/plain; charset=utf-8",
        ".js": "text/javascript",
        ".svg": "image/svg+xml",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is not installed: run `make test` (it installs it as root) "
            "or `apt-get install chromium fonts-noto-cjk`"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Visit:
    """A browser page that records every request and refuses any to a host other than the local server."""

    def __init__(self, browser: object, base: str, viewport: dict[str, int]) -> None:
        self.base = base
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.foreign: list[str] = []
        self.missing: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("response", lambda r: self.missing.append(r.url) if r.status >= 400 else None)

    def _route(self, route: object) -> None:
        url = route.request.url
        if url == self.base or url.startswith((self.base + "/", "data:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")

    def shot(self, name: str, full_page: bool = False) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: object, server: str) -> Iterator[Visit]:
    """A fresh desktop-sized page on the local site."""
    v = Visit(browser, server, {"width": 1280, "height": 900})
    yield v
    v.close()
