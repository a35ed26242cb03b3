"""Command line: `python -m clusterdocs generate|build|check` (see --help)."""

from __future__ import annotations

import argparse
import ctypes
import ipaddress
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from clusterdocs.config import CONTENT, GENERATED_DIRS, ROOT, SEEDS, site_url
from clusterdocs.errors import SourceError
from clusterdocs.generate import generate
from clusterdocs.ingest.corpus import load_corpus
from clusterdocs.ingest.pending import pending_message, without_english

DOWNLOADS = "downloads"
"""The site's folder for the books (its page, docs/downloads.md, lists them)."""


def cmd_generate(args: argparse.Namespace) -> int:
    """Normalise the seeds and write the generated pages under docs/."""
    started = time.perf_counter()
    site = generate(args.docs, args.seeds, args.content)
    seconds = time.perf_counter() - started
    print(f"generated {len(site.chapters)} chapters, {len(site.files)} files in {seconds:.2f} s")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Normalise the seeds without writing anything; report chapters, characters and repairs."""
    chapters, _ = load_corpus(args.seeds)
    for c in chapters:
        chars = sum(len(t) for t in c.texts())
        print(f"{c.slug:28} {chars:6} chars  {len(c.blocks):4} blocks  {len(c.repairs):3} repairs")
    for c in without_english(chapters, args.content):
        print(pending_message(c))
    return 0


def cmd_parity(args: argparse.Namespace) -> int:
    """List what the English side lacks: chapters, section ids, tables, teaching blocks (exit 1 if any)."""
    from clusterdocs.checks.parity import report

    chapters, _ = load_corpus(args.seeds)
    lines = report(chapters)
    for line in lines:
        print(line)
    print(f"parity: {len(lines)} problem(s) in {len(chapters)} chapters")
    return 1 if lines else 0


def cmd_translation(args: argparse.Namespace) -> int:
    """Each chapter's translation: status, blocks translated, alignment problems (exit 1 if any)."""
    from clusterdocs.checks.alignment import misaligned
    from clusterdocs.content.terminology import load_terminology
    from clusterdocs.content.translation import load_all_translations

    chapters, _ = load_corpus(args.seeds)
    translations = load_all_translations(chapters, args.content / "translation")
    terms = load_terminology(args.content / "terminology.yml")
    total = 0
    for c in chapters:
        translation = translations[c.slug]
        if translation is None:
            print(f"{c.slug:28} not started ({len(c.blocks)} blocks)")
            continue
        lines = misaligned(c, translation, terms)
        done = sum(1 for b in c.blocks if b.id in translation.blocks)
        print(f"{c.slug:28} {translation.status:9} {done}/{len(c.blocks)} blocks, {len(lines)} problem(s)")
        for line in lines:
            print(f"  {line}")
        total += len(lines)
    return 1 if total else 0


def local_address(url: str) -> bool:
    """Whether only this machine (or its network) can reach a site address: no citation may give it."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme not in {"http", "https"} or not host:
        return True
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal", ".test")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host  # a bare machine name
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified


def cmd_book(args: argparse.Namespace) -> int:
    """Make the reader as PDF and EPUB in both languages (remade only when an input changed) into --out."""
    from clusterdocs.book.build import copy_books, describe, make_books

    folder, books, seconds = make_books(site_url(), args.seeds, args.content)
    out: Path = args.out or args.site / DOWNLOADS
    copy_books(folder, books, out)
    print(describe(books, seconds))
    print(f"written to {out}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site strictly into a temporary folder, then swap it into site/ (kept if the build fails);
    the books first (the downloads page lists their sizes), copied into its downloads/ folder.

    With --publish (`make build` on GitHub Actions) the build refuses a local SITE_URL, which every citation,
    canonical link and sitemap entry would give.
    """
    site: Path = args.site
    if getattr(args, "publish", False) and local_address(site_url()):
        print(
            f"error: SITE_URL is {site_url()!r}, a local address: a build for publishing needs the published "
            "address (SITE_URL=https://…/)",
            file=sys.stderr,
        )
        return 2
    for stale in [*site.parent.glob(f"{site.name}.building-*"), *site.parent.glob(f"{site.name}.retired-*")]:
        shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
    from clusterdocs.book.build import MANIFEST, copy_books, describe, make_books

    folder, books, seconds = make_books(site_url(), args.seeds, args.content)  # first: the page lists them
    print(describe(books, seconds))
    staging = site.with_name(f"{site.name}.building-{os.getpid()}")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)]
    env = {**os.environ, "CLUSTERDOCS_SEEDS": str(args.seeds), "CLUSTERDOCS_BOOKS": str(folder / MANIFEST)}
    result = subprocess.run(command, check=False, cwd=ROOT, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {site.name}/ left as it was", file=sys.stderr)
        return result.returncode
    copy_books(folder, books, staging / DOWNLOADS)
    if site.exists() and _exchange(staging, site):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
        return 0
    retired = site.with_name(f"{site.name}.retired-{os.getpid()}")
    if site.exists():
        os.replace(site, retired)
    os.replace(staging, site)
    shutil.rmtree(retired, ignore_errors=True)
    return 0


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not supported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    return bool(renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0)


def cmd_add_source(args: argparse.Namespace) -> int:
    """Copy a text into seeds/, draft its manifest and print what the normaliser makes of it (README: Add a
    text); given a seed already added, print that again for its manifest as it is now."""
    from clusterdocs.ingest.add import add_source

    print(add_source(args.file, args.seeds, args.content), end="")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Print performance figures: build and generation times, growth, index size, page weight, memory."""
    from clusterdocs.bench import main as bench

    return bench()


def cmd_clean(args: argparse.Namespace) -> int:
    """Remove the generated folders of docs/ (GENERATED_DIRS); hand-written pages stay."""
    for name in GENERATED_DIRS:
        if (args.docs / name).is_dir():
            shutil.rmtree(args.docs / name)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one subcommand; input errors become one line on stderr."""
    parser = argparse.ArgumentParser(prog="clusterdocs", description=__doc__)
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of raw seeds and manifests")
    parser.add_argument("--content", type=Path, default=CONTENT, help="folder of hand-written content")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="docs folder to generate into")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="folder the built site goes to")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in (
        ("generate", cmd_generate),
        ("check", cmd_check),
        ("parity", cmd_parity),
        ("translation", cmd_translation),
        ("bench", cmd_bench),
        ("clean", cmd_clean),
    ):
        sub.add_parser(name, help=func.__doc__).set_defaults(func=func)
    build = sub.add_parser("build", help=cmd_build.__doc__)
    build.add_argument(
        "--publish", action="store_true", help="refuse a local SITE_URL (the site is for publishing)"
    )
    build.set_defaults(func=cmd_build)
    book = sub.add_parser("book", help=cmd_book.__doc__)
    book.add_argument("--out", type=Path, help="folder for the books (default: the site's downloads/)")
    book.set_defaults(func=cmd_book)
    add = sub.add_parser("add-source", help=cmd_add_source.__doc__)
    add.add_argument("file", type=Path, help="the text to add: UTF-8, as extracted from the PDF")
    add.set_defaults(func=cmd_add_source)
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except SourceError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # the file system: read-only, full, a rename across devices…
        print(f"error: {os_error(err)}", file=sys.stderr)
        return 1


def os_error(err: OSError) -> str:
    """`<path>: <reason>` for a file-system error, the path relative to the working folder when inside it."""
    reason = " ".join((err.strerror or str(err)).split())
    if err.filename is None:
        return reason
    path = Path(os.fsdecode(err.filename))
    if path.is_absolute() and path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    return f"{path}: {reason}"


if __name__ == "__main__":
    raise SystemExit(main())
