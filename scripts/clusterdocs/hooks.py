"""MkDocs hooks: generate the pages before every build, expand shortcodes in hand-written pages."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # MkDocs loads hooks by path, not as a package

from clusterdocs.errors import SourceError  # noqa: E402
from clusterdocs.generate import generate, load_corpus  # noqa: E402
from clusterdocs.pages import chapter_list  # noqa: E402
from clusterdocs.search import split_search_index  # noqa: E402
from clusterdocs.structure import Chapter  # noqa: E402

_state: dict[str, object] = {}
_SHORTCODE = re.compile(r"<!-- md:([a-z-]+) -->")


def on_pre_build(config) -> None:
    """Normalise the seeds and write the generated pages (unchanged files are left alone)."""
    try:
        if os.environ.get("CLUSTERDOCS_SKIP_GENERATION"):  # `make bench` measures MkDocs alone this way
            _state["chapters"] = load_corpus()[0]
            return
        _state["chapters"] = generate(Path(config["docs_dir"]))
    except SourceError as err:
        raise PluginError(str(err)) from None


def on_post_template(output: str, template_name: str, config) -> str:
    """Keep the Chinese 404 page at the root and put the English one at /en/404.html.

    static-i18n builds Chinese first, then English, writing theme templates such as 404.html to the same place.
    """
    if template_name != "404.html":
        return output
    if config["theme"]["language"] == "zh":
        _state["404"] = output
        return output
    english = Path(config["site_dir"]) / "en" / "404.html"
    english.parent.mkdir(parents=True, exist_ok=True)
    english.write_text(output, encoding="utf-8")
    return str(_state.get("404", output))


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the search index
def on_post_build(config) -> None:
    """Give each language its own search index: Chinese at /search/, English at /en/search/."""
    split_search_index(Path(config["site_dir"]))


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Expand `<!-- md:NAME -->` shortcodes; an unknown name stops the build."""
    lang = config["theme"]["language"]
    depth = page.file.src_uri.count("/")
    prefix = "../" * depth

    def expand(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "chapter-list":
            return chapter_list(_state["chapters"], lang, prefix)
        raise PluginError(f"{page.file.src_uri}: unknown shortcode {name!r}")

    return _SHORTCODE.sub(expand, markdown)
