"""MkDocs hooks: generate the pages before every build, expand shortcodes in hand-written pages."""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from clusterdocs.config import ROOT
from clusterdocs.content.cases import Entry, find_mentions, load_cases, load_clusters
from clusterdocs.content.datasets import DATA
from clusterdocs.content.glossary import load_glossary
from clusterdocs.errors import SourceError
from clusterdocs.escape import md_text
from clusterdocs.generate import generate
from clusterdocs.ingest.corpus import load_corpus, manifests
from clusterdocs.plugin.search import add_compound_parts, split_search_index, user_dictionary
from clusterdocs.site.cases import case_list
from clusterdocs.site.csp import with_csp
from clusterdocs.site.indexes import chapter_list

_state: dict[str, object] = {}
_SHORTCODE = re.compile(r"<!-- md:([a-z-]+)(?: ([a-z0-9-]+))? -->")


EXTRA_TERMS = ROOT / "content" / "search" / "extra-terms.txt"


@event_priority(100)  # before the search plugin's on_config, which loads the dictionary into jieba
def on_config(config):
    """Write jieba's user dictionary where search reads it; list the generated pages in the nav."""
    search = config["plugins"]["material/search"].config
    try:
        words = user_dictionary(
            load_glossary(),
            load_cases() + load_clusters(),
            EXTRA_TERMS.read_text(encoding="utf-8").splitlines(),
        )
        path = Path(search.jieba_dict_user)
        path = path if path.is_absolute() else ROOT / path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(words, encoding="utf-8")
        search.jieba_dict_user = str(path)
        _state["dictionary"] = words.split()
        generated = {
            "chapters/index.md": [f"chapters/{c.slug}/index.md" for m in manifests() for c in m.chapters],
            "cases/index.md": [f"cases/{c.id}/index.md" for c in load_cases()],
            "data/index.md": [f"data/{m.stem}/index.md" for m in sorted(DATA.glob("*.yml"))],
        }
    except SourceError as err:
        raise PluginError(str(err)) from None
    config["nav"] = with_generated_pages(config["nav"], generated)
    return config


def with_generated_pages(nav: list, generated: dict[str, list[str]]) -> list:
    """The nav with each generated page listed right after the section index it belongs to (once: the i18n
    plugin may run the configuration again on a nav that already has them)."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            item = {
                title: with_generated_pages(value, generated) if isinstance(value, list) else value
                for title, value in item.items()
            }
        out.append(item)
        if isinstance(item, str) and item in generated:
            out += [page for page in generated[item] if page not in nav]
    return out


def on_pre_build(config) -> None:
    """Normalise the seeds and write the generated pages (unchanged files are left alone)."""
    try:
        if os.environ.get("CLUSTERDOCS_SKIP_GENERATION"):  # `make bench` measures MkDocs alone this way
            chapters = load_corpus()[0]
        else:
            chapters = generate(Path(config["docs_dir"]))
        cases = load_cases()
        find_mentions(cases, chapters)
    except SourceError as err:
        raise PluginError(str(err)) from None
    _state["chapters"], _state["cases"] = chapters, {c.id: c for c in cases}


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
    """Give each language its own search index (Chinese at /search/, English at /en/search/); index compounds' parts."""
    site = Path(config["site_dir"])
    if split_search_index(site):
        add_compound_parts(site, set(_state["dictionary"]))


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Expand `<!-- md:NAME -->` shortcodes; an unknown name stops the build."""
    lang = config["theme"]["language"]
    depth = page.file.src_uri.count("/")
    prefix = "../" * depth

    cases: dict[str, Entry] = _state["cases"]

    def expand(match: re.Match[str]) -> str:
        name, argument = match.groups()
        if name == "chapter-list" and argument is None:
            return chapter_list(_state["chapters"], lang, prefix)
        if name == "case-list" and argument is None:
            return case_list(list(cases.values()), lang, f"{prefix}cases/")
        if name == "case" and argument is not None:
            case = cases.get(argument)
            if case is None:
                raise PluginError(
                    f"{page.file.src_uri}: unknown case {argument!r} (known: {', '.join(cases) or 'none'})"
                )
            return f"[{md_text(case.name_zh if lang == 'zh' else case.name_en)}]({prefix}cases/{case.id}/index.md)"
        raise PluginError(f"{page.file.src_uri}: unknown shortcode {match.group(0)!r}")

    return _SHORTCODE.sub(expand, markdown)


def on_post_page(output: str, page, config) -> str:
    """Every page gets its Content-Security-Policy."""
    return with_csp(output)
