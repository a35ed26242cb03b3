"""`make bench`: build and generation timings, growth with corpus size, index size, page weight, memory."""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clusterdocs.config import GENERATED_DIRS, ROOT, SEEDS
from clusterdocs.generate import render_files
from clusterdocs.ingest.corpus import load_corpus


def _timed(func, repeat: int = 3) -> tuple[float, float]:
    """(first run, median of the following runs) in seconds."""
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def _generation(seeds: Path) -> None:
    render_files(*load_corpus(seeds))


PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "content", "seeds")


def copy_project(dest: Path) -> Path:
    """A copy of what a build reads (config, hand-written pages, overrides, code, content, seeds) in `dest`."""
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


def _mkdocs_build(site: Path, skip_generation: bool, project: Path = ROOT, seeds: Path = SEEDS) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CLUSTERDOCS_SEEDS": str(seeds)}
    if skip_generation:
        env["CLUSTERDOCS_SKIP_GENERATION"] = "1"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def _full_build_growth() -> None:
    """Full builds (generation + MkDocs) of the corpus repeated 1x and 20x, in a copy of the project."""
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        times = {}
        for copies in (1, 20):
            seeds = _replicated_seeds(Path(tmp) / f"seeds-x{copies}", copies)
            site = Path(tmp) / f"site-x{copies}"
            _mkdocs_build(site, False, project, seeds)  # warm the caches and the generated folders
            full = _mkdocs_build(site, False, project, seeds)
            plain = _mkdocs_build(site, True, project, seeds)
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


def main() -> int:
    """Print the figures."""
    print("== generation (normalise + render, in process)")
    cold, warm = _timed(lambda: _generation(SEEDS))
    print(f"real corpus: cold {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        base = None
        for copies in (1, 5, 10, 20):
            seeds = _replicated_seeds(Path(tmp) / f"x{copies}", copies)
            _, t = _timed(lambda: _generation(seeds), repeat=2)
            base = base or t
            print(f"seeds x{copies:<2}: {t * 1000:7.0f} ms  ({t / base:5.1f}x the 1x time)")

    print("== full build (mkdocs build --strict, both languages)")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        cold_full = _mkdocs_build(site, skip_generation=False)
        warm_full = statistics.median(_mkdocs_build(site, skip_generation=False) for _ in range(2))
        plain = statistics.median(_mkdocs_build(site, skip_generation=True) for _ in range(2))
        peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        print(
            f"cold {cold_full:.2f} s, warm {warm_full:.2f} s "
            f"(generation {warm * 1000:.0f} ms, MkDocs {warm_full - warm:.2f} s)"
        )
        print(
            f"plain MkDocs build of the same pages (generation skipped): {plain:.2f} s "
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

    print("== full build growth (a copy of the project, seeds repeated)")
    _full_build_growth()
    return 0
