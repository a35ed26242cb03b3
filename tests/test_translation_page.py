"""The translated chapter: English-Chinese pairs on the English page, reading modes the reader switches and
the site remembers, each paragraph's English on the Chinese page, search of the English text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clusterdocs.content.english import load_english
from clusterdocs.content.translation import TranslatedTable, Translation, load_all_translations
from clusterdocs.escape import md_text
from clusterdocs.ingest.model import Chapter, Heading, Paragraph, Table
from clusterdocs.site.chapter import chapter_en, chapter_zh
from clusterdocs.site.lang import EN, ZH
from conftest import Visit
from screens import Screen
from search_harness import search

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
SLUG = "changsha-policy-opinions"
PAGE = f"/en/chapters/{SLUG}/"


@pytest.fixture(scope="module")
def translations(chapters: list[Chapter]) -> dict[str, Translation | None]:
    return load_all_translations(chapters)


class _Elements(HTMLParser):
    """Every element's tag and attributes, with the text each pair's English and Chinese parts hold."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[tuple[str, str]] = []  # (tag, part) for every open div
        self.text: dict[tuple[str, str], str] = {}
        self.para = ""
        self.text_all = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "div":
            cls = a.get("class") or ""
            if cls == "pair":
                self.para = a.get("data-para") or ""
            self.open.append((tag, cls if cls in ("pair-en", "pair-zh") else ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text_all += data
        for _, part in reversed(self.open):
            if part:
                key = (self.para, part)
                self.text[key] = self.text.get(key, "") + data
                break


def _parse(markdown: str) -> _Elements:
    parser = _Elements()
    parser.feed(markdown)
    return parser


def _ids(markdown: str, parser: _Elements) -> Counter[str]:
    """Every id on the page: HTML ids and Markdown heading ids (`{ #id }`)."""
    ids = Counter(str(a["id"]) for _, a in parser.elements if a.get("id"))
    ids.update(re.findall(r"\{ #([^ }]+)", markdown))
    return ids


def test_every_translated_block_is_one_pair_holding_its_english_and_its_chinese(
    chapters: list[Chapter], translations: dict[str, Translation | None], site_url: str
) -> None:
    assert any(translations.values()), "no chapter is translated"
    for chapter in chapters:
        translation = translations[chapter.slug]
        if translation is None:
            continue
        markdown = chapter_en(chapter, None, site_url, translation=translation)
        parser = _parse(markdown)
        pairs = [a for tag, a in parser.elements if a.get("class") == "pair"]
        body = [b for b in chapter.blocks if isinstance(b, (Paragraph, Table))]
        assert [a["data-para"] for a in pairs] == [b.id for b in body], chapter.slug
        ids = _ids(markdown, parser)
        assert [i for i, n in ids.items() if n > 1] == [], f"{chapter.slug}: ids on the page twice"
        for block in chapter.blocks:
            assert ids[block.id] == 1, f"{chapter.slug}: {block.id} is not on the page once"
        zh_parts = {a["id"]: a for _, a in parser.elements if a.get("class") == "pair-zh"}
        assert set(zh_parts) == {b.id for b in body}
        assert all(a["lang"] == "zh-Hans" for a in zh_parts.values())
        assert all(a["lang"] == "en" for _, a in parser.elements if a.get("class") == "pair-en")
        for block in body:
            english = translation.blocks[block.id]
            zh_text = parser.text[(block.id, "pair-zh")]
            en_text = parser.text[(block.id, "pair-en")]
            if isinstance(block, Paragraph):
                assert block.text in zh_text, f"{chapter.slug}: {block.id}'s Chinese"
                assert isinstance(english, str)
                assert " ".join(english.split()) in " ".join(en_text.split()), f"{chapter.slug}: {block.id}"
            else:
                assert block.rows[0][0] in zh_text
                assert not isinstance(english, str)
                assert english.caption in en_text and english.rows[-1][-1] in en_text


def test_headings_are_the_translations_and_the_summary_is_a_labelled_reading_guide(
    chapters: list[Chapter], translations: dict[str, Translation | None], site_url: str
) -> None:
    chapter = next(c for c in chapters if c.slug == SLUG)
    translation = translations[SLUG]
    assert translation is not None
    english = load_english(SLUG, section_ids=[b.id for b in chapter.blocks if isinstance(b, Heading)])
    assert english is not None
    markdown = chapter_en(chapter, english, site_url, translation=translation)
    for heading in (b for b in chapter.blocks if isinstance(b, Heading)):
        title = translation.blocks[heading.id]
        assert isinstance(title, str)
        lines = [line for line in markdown.splitlines() if line.endswith(f"{{ #{heading.id} }}")]
        assert len(lines) == 1 and lines[0].startswith("#") and md_text(title) in lines[0], heading.id
    assert markdown.count('<p class="reading-guide-label">Reading guide') == len(
        [s for s in english.sections.values() if s]
    )
    assert '<details class="original"' not in markdown.split('id="text"')[1]
    about = markdown.split("{ #about-this-text }")[1]
    assert (
        '<p class="about-translation-title" id="about-this-translation"><strong>About this translation'
        in about
    )
    assert translation.translated_by in markdown
    assert 'class="reading-modes"' in markdown and 'aria-pressed="true"' in markdown


def test_an_untranslated_chapter_keeps_the_collapsed_originals(
    chapters: list[Chapter], site_url: str
) -> None:
    chapter = chapters[0]
    markdown = chapter_en(chapter, None, site_url)
    assert 'class="pair"' not in markdown and "reading-modes" not in markdown
    assert '<details class="original"' in markdown


def test_translated_text_is_escaped_on_both_pages(
    chapters: list[Chapter], translations: dict[str, Translation | None], site_url: str
) -> None:
    chapter = next(c for c in chapters if c.slug == SLUG)
    translation = translations[SLUG]
    assert translation is not None
    hostile = '<script>alert(1)</script> & "quoted" <b>bold</b>'
    block = next(b for b in chapter.blocks if isinstance(b, Paragraph))
    blocks = {**translation.blocks, block.id: hostile}
    bad = Translation(**{**translation.__dict__, "blocks": blocks, "translated_by": "<i>editors</i>"})
    pages = [
        chapter_en(chapter, None, site_url, translation=bad),
        chapter_zh(chapter, None, site_url, translation=bad),
    ]
    table_chapter, table_translation = _with_table(chapters, translations)
    table = next(b for b in table_chapter.blocks if isinstance(b, Table))
    hostile_table = TranslatedTable(hostile, (hostile, "2000"), ((hostile, "1"),) * len(table.rows))
    table_bad = Translation(
        **{**table_translation.__dict__, "blocks": {**table_translation.blocks, table.id: hostile_table}}
    )
    pages += [
        chapter_en(table_chapter, None, site_url, translation=table_bad),
        chapter_zh(table_chapter, None, site_url, translation=table_bad),
    ]
    for markdown in pages:
        assert "<script>" not in markdown and "<b>bold</b>" not in markdown
    english_pages, chinese_pages = pages[0::2], pages[1::2]
    for markdown in english_pages:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert english_pages[1].count("&lt;script&gt;") >= 3, "the table's caption and cells escaped"
    assert not any("alert(1)" in markdown for markdown in chinese_pages), (
        "the English is not on the Chinese page"
    )
    assert "&lt;i&gt;editors&lt;/i&gt;" in pages[0]


def _with_table(
    chapters: list[Chapter], translations: dict[str, Translation | None]
) -> tuple[Chapter, Translation]:
    for chapter in chapters:
        translation = translations[chapter.slug]
        if translation and any(isinstance(b, Table) for b in chapter.blocks):
            return chapter, translation
    raise AssertionError("no translated chapter has a table")


def test_the_chinese_page_offers_each_paragraphs_english_without_carrying_it(
    chapters: list[Chapter], translations: dict[str, Translation | None], site_url: str
) -> None:
    chapter = next(c for c in chapters if c.slug == SLUG)
    translation = translations[SLUG]
    assert translation is not None
    markdown = chapter_zh(chapter, None, site_url, translation=translation)
    parser = _parse(markdown)
    body = [b for b in chapter.blocks if isinstance(b, (Paragraph, Table))]
    toggles = [a for tag, a in parser.elements if tag == "details" and a.get("class") == "para-en"]
    assert len(toggles) == len(body)
    links = [a for tag, a in parser.elements if tag == "a" and a.get("class") == "para-en-link"]
    assert [a["href"] for a in links] == [f"../../en/chapters/{SLUG}/#{b.id}" for b in body]
    assert all(a["hreflang"] == "en" for a in links)
    text = " ".join(markdown.split())
    for block in body:
        english = translation.blocks[block.id]
        if isinstance(english, str):
            assert " ".join(english.split())[:60] not in text, f"{block.id}: its English is in the page"
        else:
            assert english.caption not in text, f"{block.id}: its English table is in the page"
    assert [i for i, n in _ids(markdown, parser).items() if n > 1] == []


def test_the_built_chinese_page_holds_no_english_translation(site: Path) -> None:
    """The HTML as served: no English paragraph of the translation is in the Chinese page."""
    zh = (site / "chapters" / SLUG / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "chapters" / SLUG / "index.html").read_text(encoding="utf-8")
    parser = _parse(en)
    english = [" ".join(t.split()) for (_, part), t in parser.text.items() if part == "pair-en"]
    assert len(english) > 20, "the English page has its pairs"
    flat = " ".join(zh.split())
    assert [t[:60] for t in english if t[:60] in flat] == []
    assert 'class="pair-en"' not in zh and 'class="para-en-text" lang="en"' not in zh


# ---- In Chromium, on a phone and a desktop ----


@pytest.fixture(params=["phone", "desktop"])
def screen(request: pytest.FixtureRequest, browser: object, server: str) -> Iterator[Screen]:
    s = Screen(browser, server, request.param)
    yield s
    assert s.foreign == [] and s.errors == []
    s.close()


def _visible(screen: Screen, selector: str) -> bool:
    return bool(screen.page.locator(selector).first.is_visible())


def _first_para(screen: Screen) -> str:
    return str(screen.page.locator(".pair").first.get_attribute("data-para"))


def test_each_reading_mode_changes_what_is_shown_and_is_remembered(screen: Screen) -> None:
    screen.goto(PAGE)
    para = _first_para(screen)
    en, zh = f'.pair[data-para="{para}"] .pair-en', f'.pair[data-para="{para}"] .pair-zh'
    assert _visible(screen, ".reading-modes")
    assert screen.page.get_attribute('button[data-reading-mode="stacked"]', "aria-pressed") == "true"
    assert _visible(screen, en) and _visible(screen, zh)
    assert not _visible(screen, f"{en} a.para-link"), "one ¶ per pair: the Chinese one"

    def boxes() -> tuple[dict[str, float], dict[str, float]]:
        return screen.page.locator(en).bounding_box(), screen.page.locator(zh).bounding_box()

    e, z = boxes()
    assert z["y"] >= e["y"] + e["height"] - 1, "stacked: the Chinese is under the English"
    screen.page.locator(".pair").nth(1).scroll_into_view_if_needed()
    screen.shot(f"translation-stacked-{screen.kind}")

    screen.tap('button[data-reading-mode="en"]')
    assert screen.page.get_attribute('button[data-reading-mode="en"]', "aria-pressed") == "true"
    assert _visible(screen, en) and not _visible(screen, zh)
    assert _visible(screen, f"{en} a.para-link"), "English only: the paragraph keeps a ¶"
    assert screen.page.locator(f"{en} a.para-link").get_attribute("href") == f"#{para}"
    screen.page.locator(".pair").nth(1).scroll_into_view_if_needed()
    screen.shot(f"translation-english-only-{screen.kind}")
    screen.page.reload()
    screen.page.wait_for_load_state("load")
    assert screen.page.get_attribute('button[data-reading-mode="en"]', "aria-pressed") == "true"
    assert not _visible(screen, zh), "English only is remembered after a reload"

    screen.tap('button[data-reading-mode="side"]')
    screen.page.reload()
    screen.page.wait_for_load_state("load")
    assert screen.page.get_attribute('button[data-reading-mode="side"]', "aria-pressed") == "true"
    assert _visible(screen, en) and _visible(screen, zh)
    e, z = boxes()
    if screen.kind == "desktop":
        assert z["x"] > e["x"] + e["width"] - 1 and abs(z["y"] - e["y"]) < 2, "side by side on a wide screen"
    else:
        assert z["y"] >= e["y"] + e["height"] - 1, "side by side falls back to stacked on a phone"
    width, inner = screen.page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, "no sideways scrolling"
    screen.page.locator(".pair").first.scroll_into_view_if_needed()
    screen.shot(f"translation-side-{screen.kind}")


def test_a_paragraph_link_lands_on_its_pair_in_every_mode(screen: Screen) -> None:
    screen.goto(PAGE)
    para = str(screen.page.locator(".pair").nth(5).get_attribute("data-para"))
    for mode in ("stacked", "en"):
        screen.tap(f'button[data-reading-mode="{mode}"]')
        screen.page.goto(f"{screen.base}{PAGE}#{para}")
        screen.page.reload()
        screen.page.wait_for_load_state("load")
        target = screen.page.locator(f"#{para}")
        assert target.evaluate("e => e.closest('.pair').dataset.para") == para
        assert target.is_visible(), f"{mode}: the linked paragraph's Chinese is shown"
        assert screen.page.locator(f'.pair[data-para="{para}"] .pair-en').is_visible()
        box = target.bounding_box()
        assert 0 <= box["y"] < screen.page.viewport_size["height"], f"{mode}: the pair is on the screen"


def _english_on_the_english_page(screen: Screen, para: str) -> str:
    """The text of paragraph `para`'s English as the English page shows it (its ¶ left out)."""
    screen.goto(PAGE)
    text: str = screen.page.evaluate(
        "id => { const e = document.querySelector(`.pair[data-para='${id}'] > .pair-en`);"
        " e.querySelectorAll('a.para-link').forEach(a => a.remove()); return e.innerText; }",
        para,
    )
    return " ".join(text.split())


def test_the_chinese_page_opens_a_paragraphs_english_in_place(screen: Screen) -> None:
    screen.goto(f"/chapters/{SLUG}/")
    english_page = f"{screen.base}{PAGE}"
    assert english_page not in screen.requests, "the English page is not loaded before the reader asks"
    toggles = screen.page.locator("details.para-en")
    first, second = toggles.nth(2), toggles.nth(3)
    ids = []
    for toggle in (first, second):
        ids.append(str(toggle.locator("a.para-en-link").get_attribute("href")).split("#")[1])
        text = toggle.locator(".para-en-text")
        assert not text.is_visible()
        summary = toggle.locator("summary")
        summary.scroll_into_view_if_needed()
        summary.tap() if screen.kind == "phone" else summary.click()
        screen.page.wait_for_function("d => d.dataset.state === 'filled'", arg=toggle.element_handle())
        assert toggle.get_attribute("open") is not None and text.is_visible()
        assert text.get_attribute("lang") == "en"
        assert text.locator("a.para-link, a.term").count() == 0
    screen.shot(f"translation-zh-toggle-{screen.kind}")
    shown = [" ".join(t.locator(".para-en-text").inner_text().split()) for t in (first, second)]
    assert screen.requests.count(english_page) == 1, "the English page is fetched once for every toggle"
    assert [_english_on_the_english_page(screen, i) for i in ids] == shown


def test_the_english_toggle_works_from_the_keyboard_and_says_when_it_fails(visit: Visit) -> None:
    visit.goto(f"/chapters/{SLUG}/")
    visit.context.route(f"**{PAGE}", lambda route: route.abort())
    summary = visit.page.locator("details.para-en >> nth=0 >> summary")
    summary.focus()
    visit.page.keyboard.press("Enter")
    toggle = visit.page.locator("details.para-en").first
    status = toggle.locator(".para-en-status")
    status.wait_for()
    visit.page.wait_for_function("d => !d.dataset.state", arg=toggle.element_handle())
    assert status.inner_text() == ZH.script_words["paraEnFailed"] and status.get_attribute("role") == "status"
    assert toggle.locator("a.para-en-link").is_visible(), "the link to the English page stays"
    visit.context.unroute(f"**{PAGE}")
    visit.page.keyboard.press("Enter")  # closed
    visit.page.keyboard.press("Enter")  # opened again: a second try
    visit.page.wait_for_function("d => d.dataset.state === 'filled'", arg=toggle.element_handle())
    assert toggle.locator(".para-en-status").count() == 0


def test_without_javascript_the_english_toggle_links_to_the_english_paragraph(
    browser: object, server: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server}/chapters/{SLUG}/")
    page.locator("details.para-en >> nth=0 >> summary").click()
    link = page.locator("details.para-en >> nth=0 >> a.para-en-link")
    para = str(link.get_attribute("href")).split("#")[1]
    link.click()
    page.wait_for_load_state("load")
    assert page.url == f"{server}{PAGE}#{para}"
    assert page.locator(f'.pair[data-para="{para}"] .pair-en').is_visible()
    context.close()


def test_axe_finds_nothing_serious_on_a_translated_english_page(visit) -> None:
    assert AXE.is_file(), "axe-core is missing: run `make test` (it installs tests/node_modules)"
    visit.goto(PAGE)
    visit.page.evaluate(AXE.read_text(encoding="utf-8"))
    result = visit.page.evaluate(
        "() => axe.run(document, "
        "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    problems = [
        f"axe {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert problems == []


def test_english_search_finds_a_word_only_the_translation_has(visit) -> None:
    word = "unswervingly"
    sources = Path(__file__).parents[1] / "content"
    assert not any(word in p.read_text(encoding="utf-8") for p in (sources / "en").glob("*.yml"))
    translated = [
        p.stem for p in (sources / "translation").glob("*.yml") if word in p.read_text(encoding="utf-8")
    ]
    assert translated == ["jingzhou-industrial-parks"]
    pages = search(visit.page, visit.base, "/en/", word)
    assert pages == ["en/chapters/jingzhou-industrial-parks/"]
    # The result opens the section that holds the paragraph.
    hrefs = visit.page.evaluate(
        "() => [...document.querySelectorAll('.md-search-result__link')].map(a => a.href)"
    )
    assert any("jingzhou-industrial-parks/" in h and h.endswith("#text-preamble") for h in hrefs), hrefs


def test_the_sources_front_matter_is_given_in_english(
    chapters: list[Chapter], translations: dict[str, Translation | None], site_url: str
) -> None:
    for chapter in chapters:
        translation = translations[chapter.slug]
        if translation is None or not translation.front:
            continue
        markdown = chapter_en(chapter, None, site_url, translation=translation)
        block = markdown.split('<div class="front-translation" lang="en">')[1].split("</dl></div>")[0]
        text = " ".join(_parse(block).text_all.split())
        for value in translation.front.values():
            for piece in (value,) if isinstance(value, str) else value:
                assert " ".join(piece.lstrip("*").split()) in text, f"{chapter.slug}: {piece[:40]!r}"
    chapter = next(c for c in chapters if c.slug == SLUG)
    translation = translations[SLUG]
    assert translation is not None
    bad = Translation(
        **{**translation.__dict__, "front": {"title": "<script>x</script>", "abstract": ("a & b",)}}
    )
    markdown = chapter_en(chapter, None, site_url, translation=bad)
    assert (
        "<script>x" not in markdown
        and "&lt;script&gt;x&lt;/script&gt;" in markdown
        and "a &amp; b" in markdown
    )


def test_site_js_words_come_from_lang_py_only(site: Path) -> None:
    """One place for interface words: site.js reads them from the page, which has them from site/lang.py."""
    import json

    for page in ("index.html", "en/index.html", "chapters/hunan-small-towns/index.html", "404.html"):
        html = (site / page).read_text(encoding="utf-8")
        found = re.search(r'<script id="site-words" type="application/json">(.*?)</script>', html)
        assert found, f"{page}: no site-words block"
        assert json.loads(found.group(1)) == {"zh": ZH.script_words, "en": EN.script_words}, page
    script = (Path(__file__).parents[1] / "overrides" / "assets" / "site.js").read_text(encoding="utf-8")
    words = [w for lang in (ZH, EN) for w in lang.script_words.values() if len(w) > 3]
    assert [w for w in words if w in script] == [], "a word of site/lang.py is also written in site.js"
