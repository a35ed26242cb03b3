"""`make bench`: build and generation timings, growth with corpus size, index size, page weight, memory."""

from __future__ import annotations

import functools
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from clusterdocs.config import GENERATED_DIRS, ROOT, SEEDS
from clusterdocs.generate import render_site
from clusterdocs.ingest.corpus import load_corpus


def _timed(func: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """(first run, median of the following runs) in seconds."""
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def _generation(seeds: Path) -> None:
    render_site(*load_corpus(seeds))


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "content", "seeds")


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads (config, hand-written pages, overrides, code, content, seeds)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            generated = GENERATED_DIRS if part == "docs" else ()
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__", *generated))
        else:
            shutil.copy(source, dest / part)
    return dest


def _replicated_seeds(folder: Path, copies: int) -> Path:
    """The corpus repeated `copies` times; copies after the first get unique file names and chapter slugs."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for txt in SEEDS.glob("*.txt"):
            if n == 0:
                shutil.copy(txt, folder / txt.name)
                shutil.copy(txt.with_suffix(".yml"), folder / txt.with_suffix(".yml").name)
                continue
            stem = f"{txt.stem}-{n:02d}"
            shutil.copy(txt, folder / f"{stem}.txt")
            manifest = txt.with_suffix(".yml").read_text(encoding="utf-8")
            manifest = manifest.replace(f"source: {txt.name}", f"source: {stem}.txt")
            manifest = re.sub(r"(\n  - slug: )(\S+)", rf"\g<1>\g<2>-{n:02d}", manifest)
            (folder / f"{stem}.yml").write_text(manifest, encoding="utf-8")
    return folder


def _mkdocs_build(site: Path, project: Path = ROOT, config: str = "mkdocs.yml") -> float:
    """Seconds for one `mkdocs build` of `project` into `site` (strict unless the config says otherwise)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--config-file", config, "--site-dir", str(site)],
        cwd=project,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def _plain_config(project: Path) -> str:
    """A config for `project` without the clusterdocs plugin: MkDocs alone on the pages already generated.

    Not strict: without the plugin the nav does not list the generated pages, which MkDocs reports.
    """
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text, n = re.subn(r"\n  - clusterdocs:\n(?:      .*\n)*", "\n", text)
    if n != 1:
        raise RuntimeError("mkdocs.yml: the clusterdocs plugin block was not found")
    text = text.replace("strict: !ENV [CLUSTERDOCS_STRICT, true]", "strict: false")
    (project / "mkdocs.plain.yml").write_text(text, encoding="utf-8")
    return "mkdocs.plain.yml"


def _with_seeds(project: Path, seeds: Path) -> Path:
    """`project` with its seeds folder replaced by `seeds`."""
    shutil.rmtree(project / "seeds")
    shutil.copytree(seeds, project / "seeds")
    return project


def _full_build_growth() -> None:
    """Full builds (generation + MkDocs) of the corpus repeated 1x and 20x, in a copy of the project."""
    with tempfile.TemporaryDirectory() as tmp:
        times = {}
        for copies in (1, 20):
            project = copy_project(Path(tmp) / f"project-x{copies}")
            _with_seeds(project, _replicated_seeds(Path(tmp) / f"seeds-x{copies}", copies))
            site = Path(tmp) / f"site-x{copies}"
            _mkdocs_build(site, project)  # warm the caches and the generated folders
            full = _mkdocs_build(site, project)
            plain = _mkdocs_build(site, project, _plain_config(project))
            pages = sum(1 for _ in site.rglob("index.html"))
            times[copies] = full
            print(
                f"seeds x{copies:<2}: full build {full:6.2f} s, plain MkDocs {plain:6.2f} s "
                f"({full / plain:.2f}x), {pages} pages ({full / times[1]:.1f}x the 1x time)"
            )


def _page_weight(site: Path, page: str) -> tuple[int, int]:
    """(HTML bytes, bytes of the same-site CSS, JS and images the page references)."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    total = 0
    for ref in set(re.findall(r'(?:src|href)="([^"#?]+\.(?:css|js|svg|png|woff2?))"', html)):
        target = (html_path.parent / ref).resolve()
        if target.is_file():
            total += target.stat().st_size
    return len(html.encode("utf-8")), total


def _search_latency(site: Path) -> tuple[float, float, int]:
    """Median and worst time in ms from the last keystroke to the results list, over the query suite."""
    import functools
    import shutil as _shutil
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    import yaml
    from playwright.sync_api import sync_playwright

    suite = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    times = []
    chromium = _shutil.which("chromium") or "/usr/bin/chromium"
    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        page = browser.new_page()
        for lang, start in (("zh", "/"), ("en", "/en/")):
            page.goto(base + start)
            box = page.locator("input.md-search__input")
            box.click()
            page.wait_for_function("() => document.querySelector('.md-search-result__meta')")
            for case in suite[lang]:
                box.fill("")
                page.keyboard.insert_text(case["q"])
                begin = time.perf_counter()
                page.keyboard.press("End")
                page.wait_for_function(
                    "q => document.querySelector('input.md-search__input').value === q && "
                    "document.querySelector('.md-search-result__list').children.length >= 0 && "
                    "!document.querySelector('.md-search-result__meta').textContent.includes('…')",
                    arg=case["q"],
                )
                times.append((time.perf_counter() - begin) * 1000)
        browser.close()
    httpd.shutdown()
    return statistics.median(times), max(times), len(times)


FIRST_VISIT_PAGES = (
    "",
    "chapters/hunan-small-towns/",
    "en/chapters/hunan-small-towns/",
    "data/zhuzhou-agglomeration/",
)
"""The pages whose first visit `make bench` weighs and Lighthouse scores (issue 12): home, the longest
chapter in Chinese and English, a data page."""
FIRST_VISIT_BUDGET = 130 * 1024
"""At most this many gzip-compressed bytes on the first visit to the longest chapter."""
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".csv")


def _compressed_server(site: Path) -> tuple[object, str]:
    """The built site on 127.0.0.1 as a static host serves it: gzip when asked, ten minutes' caching."""
    import gzip
    import mimetypes
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import unquote, urlsplit

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = site / unquote(urlsplit(self.path).path).lstrip("/")
            if path.is_dir():
                path = path / "index.html"
            if not path.resolve().is_relative_to(site.resolve()) or not path.is_file():
                self.send_error(404)
                return
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.send_response(200)
            self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
            self.send_header("Cache-Control", "max-age=600")
            if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def first_visit_bytes(
    site: Path, pages: tuple[str, ...] = FIRST_VISIT_PAGES
) -> dict[str, tuple[int, int, int]]:
    """Per page: (requests, raw bytes, gzip -6 bytes) of every same-site resource a first visit loads in
    Chromium (a fresh profile, the page left until the network is idle, no search started)."""
    import gzip
    from urllib.parse import unquote, urlsplit

    from playwright.sync_api import sync_playwright

    httpd, base = _compressed_server(site)
    out: dict[str, tuple[int, int, int]] = {}
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
        for page in pages:
            context = browser.new_context(
                viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
            )
            tab = context.new_page()
            tab.goto(f"{base}/{page}")
            tab.wait_for_load_state("networkidle")
            loaded: list[str] = tab.evaluate(
                "() => [location.href, ...performance.getEntriesByType('resource').map(e => e.name)]"
            )
            raw = packed = 0
            files = set()
            for url in loaded:
                if not url.startswith(base):
                    continue
                path = site / unquote(urlsplit(url).path).lstrip("/")
                files.add(path / "index.html" if path.is_dir() else path)
            for path in files:
                data = path.read_bytes()
                raw += len(data)
                packed += len(gzip.compress(data, 6)) if path.suffix in COMPRESSIBLE else len(data)
            out[page] = (len(loaded), raw, packed)
            context.close()
        browser.close()
    httpd.shutdown()  # type: ignore[attr-defined]
    return out


def lighthouse_scores(
    site: Path, pages: tuple[str, ...] = FIRST_VISIT_PAGES, runs: int = 3
) -> dict[str, tuple[int, int]]:
    """Per page: Lighthouse's mobile Performance and Accessibility scores (0-100, the median of `runs` runs:
    Performance varies from run to run on a shared machine), the site served with gzip.

    Lighthouse comes from the npm registry, pinned in tests/package-lock.json (`make test-deps`)."""
    import json

    lighthouse = ROOT / "tests" / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        raise RuntimeError("Lighthouse is missing: run `make test-deps` (tests/package-lock.json)")
    httpd, base = _compressed_server(site)
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
    results: dict[str, list[tuple[int, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for page in [page for page in pages for _ in range(runs)]:
            report = Path(tmp) / "report.json"
            subprocess.run(
                [
                    str(lighthouse),
                    f"{base}/{page}",
                    "--quiet",
                    "--only-categories=performance,accessibility",
                    "--output=json",
                    f"--output-path={report}",
                    "--chrome-flags=--headless --no-sandbox",
                ],
                check=True,
                env=env,
                capture_output=True,
            )
            categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            results.setdefault(page, []).append(
                (
                    round(categories["performance"]["score"] * 100),
                    round(categories["accessibility"]["score"] * 100),
                )
            )
    httpd.shutdown()  # type: ignore[attr-defined]
    return {
        page: (
            round(statistics.median(p for p, _ in found)),
            round(statistics.median(a for _, a in found)),
        )
        for page, found in results.items()
    }


def print_first_visit(site: Path) -> None:
    """The first-visit bytes and Lighthouse scores of FIRST_VISIT_PAGES (issue 12's goals in brackets)."""
    for page, (count, raw, packed) in first_visit_bytes(site).items():
        goal = f" (goal <= {FIRST_VISIT_BUDGET // 1024} KiB)" if page == "chapters/hunan-small-towns/" else ""
        print(
            f"first visit /{page}: {count} requests, {raw / 1024:.0f} KiB raw, "
            f"{packed / 1024:.0f} KiB gzip{goal}"
        )
    load_before = os.getloadavg()[0]
    scores = lighthouse_scores(site)
    for page, (performance, accessibility) in scores.items():
        print(
            f"Lighthouse (mobile, gzip, median of 3) /{page}: Performance {performance} (goal >= 95), "
            f"Accessibility {accessibility} (goal 100)"
        )
    # Simulated throttling still measures main-thread work: on a busy machine Performance drops.
    print(
        f"load average (1 min) before and after the Lighthouse runs: "
        f"{load_before:.1f}, {os.getloadavg()[0]:.1f}"
    )


PREVIEW_ENV = {"CLUSTERDOCS_SEARCH": "false", "CLUSTERDOCS_STRICT": "false"}
"""What `make serve` sets: no search index, not strict (a dirty build warns that its nav may be stale)."""

SERVE_EDITS = (
    # (label, file, old text, new text, page that must show the new text)
    (
        "English summary (content/en/zhuzhou.yml)",
        "content/en/zhuzhou.yml",
        "summary: |\n  ",
        "summary: |\n  Editmarker{n} ",
        "en/chapters/zhuzhou/",
    ),
    (
        "manifest (seeds/000_….yml)",
        "seeds/000_231aad93862a9ce3.yml",
        "英文表题与第2节标题在同一行",
        "英文表题与第2节标题在同一行标记{n}",
        "chapters/zhuzhou/",
    ),
    (
        "glossary (content/glossary.yml)",
        "content/glossary.yml",
        "在某一特定领域内相互关联的企业",
        "在某一特定领域内相互关联的企业标记{n}",
        "glossary/",
    ),
)


def _get(url: str) -> str:
    """The page at `url` as text, or "" while the server cannot answer."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except OSError:
        return ""


def _serve_edit_to_visible(
    project: Path,
    edits: tuple[tuple[str, str, str, str, str], ...],
    args: tuple[str, ...] = (),
    rounds: int = 3,
    env: dict[str, str] | None = None,
) -> dict[str, tuple[float, float]]:
    """Start `mkdocs serve` in `project`, make each edit `rounds` times, and time it until the page shows it.

    Returns, per edit, (median seconds from saving the file to the served page showing it, builds per edit).
    """
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = project / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *args]
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    results: dict[str, tuple[float, float]] = {}
    try:
        deadline = time.monotonic() + 300
        while "Serving on" not in log.read_text() or not _get(base):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not start: {log.read_text()[-2000:]}")
            time.sleep(0.2)
        for label, rel, old, new, page in edits:
            times, builds = [], []
            for n in range(rounds):
                path = project / rel
                text = path.read_text(encoding="utf-8")
                marker = new.format(n=n)
                _settle(log)
                before = log.read_text().count("Building documentation")
                started = time.perf_counter()
                path.write_text(text.replace(old, marker, 1), encoding="utf-8")
                visible = marker.split("\n")[-1].strip()
                while visible not in _get(base + page):
                    if time.perf_counter() - started > 120:
                        raise RuntimeError(f"{label}: not visible after 120 s")
                    time.sleep(0.02)
                times.append(time.perf_counter() - started)
                time.sleep(3.0)  # a second build, if any, starts within this
                builds.append(log.read_text().count("Building documentation") - before)
                path.write_text(text, encoding="utf-8")
                while visible in _get(base + page):
                    time.sleep(0.1)
            results[label] = (statistics.median(times), statistics.median(builds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return results


def _two_page_site(folder: Path) -> Path:
    """A plain MkDocs site of two pages with the same theme: the yardstick for the preview's rebuild."""
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text("site_name: two pages\ntheme:\n  name: material\n  font: false\n")
    (folder / "docs" / "index.md").write_text("# One\n\nFirst page.\n")
    (folder / "docs" / "two.md").write_text("# Two\n\nSecond page.\n")
    return folder


def _settle(log: Path, quiet: float = 2.0) -> None:
    """Wait until the server's log has been quiet for `quiet` seconds (no build under way)."""
    size, since = -1, time.monotonic()
    while time.monotonic() - since < quiet:
        now = log.stat().st_size
        if now != size:
            size, since = now, time.monotonic()
        time.sleep(0.1)


def main() -> int:
    """Print the figures."""
    print("== generation (normalise + render, in process)")
    cold, warm = _timed(lambda: _generation(SEEDS))
    print(f"real corpus: cold {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        base = None
        for copies in (1, 5, 10, 20):
            seeds = _replicated_seeds(Path(tmp) / f"x{copies}", copies)
            _, t = _timed(functools.partial(_generation, seeds), repeat=2)
            base = base or t
            print(f"seeds x{copies:<2}: {t * 1000:7.0f} ms  ({t / base:5.1f}x the 1x time)")

    print("== full build (mkdocs build --strict, both languages)")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        site = Path(tmp) / "site"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        cold_full = _mkdocs_build(site, project)
        warm_full = statistics.median(_mkdocs_build(site, project) for _ in range(2))
        plain_config = _plain_config(project)
        plain = statistics.median(_mkdocs_build(site, project, plain_config) for _ in range(2))
        _mkdocs_build(site, project)  # the full site again, for the figures below
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        print(
            f"cold {cold_full:.2f} s, warm {warm_full:.2f} s "
            f"(generation {warm * 1000:.0f} ms, MkDocs {warm_full - warm:.2f} s)"
        )
        print(
            f"plain MkDocs build of the same pages (no clusterdocs plugin at all): {plain:.2f} s "
            f"-> full build is {warm_full / plain:.2f}x plain (goal <= 1.5x)"
        )
        print(f"peak memory of a build: {peak / 1024:.0f} MiB")
        for label, index in (
            ("Chinese", site / "search" / "search_index.json"),
            ("English", site / "en" / "search" / "search_index.json"),
        ):
            print(f"search index ({label}): {index.stat().st_size / 1024:.0f} KiB (goal <= 1536 KiB)")
        median, worst, count = _search_latency(site)
        print(
            f"search latency in Chromium, keystroke to results: median {median:.0f} ms, worst {worst:.0f} ms "
            f"over {count} queries (goal: median <= 150 ms)"
        )
        html, assets = _page_weight(site, "chapters/hunan-small-towns/index.html")
        print(
            f"chapter page weight (hunan-small-towns): HTML {html / 1024:.0f} KiB + CSS/JS/images "
            f"{assets / 1024:.0f} KiB = {(html + assets) / 1024:.0f} KiB"
        )
        print_first_visit(site)

    print("== edit to visible in `mkdocs serve` (a copy of the project; median of 3 edits each)")
    with tempfile.TemporaryDirectory() as tmp:
        yardstick = _two_page_site(Path(tmp) / "two")
        edit = (("a page", "docs/two.md", "Second page.", "Second page {n}.", "two/"),)
        for label, (seconds, builds) in _serve_edit_to_visible(yardstick, edit).items():
            print(f"plain MkDocs, two-page site, {label}: {seconds:.2f} s, {builds:.0f} build(s) per edit")
        for profile, env, args in (
            ("make serve (preview: no search, dirty)", PREVIEW_ENV, ("--dirty",)),
            ("make serve-full (the site as published)", {}, ()),
        ):
            project = copy_project(Path(tmp) / f"project-{len(env)}")
            for label, (seconds, builds) in _serve_edit_to_visible(
                project, SERVE_EDITS, args, env=env
            ).items():
                print(f"{profile}, {label}: {seconds:.2f} s, {builds:.0f} build(s) per edit")

    print("== full build growth (a copy of the project, seeds repeated)")
    _full_build_growth()
    return 0
