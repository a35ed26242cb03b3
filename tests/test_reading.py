"""Reading aids in Chromium, on a touch phone (390×844) and a desktop (1280×900), in both languages:
glossary definitions in place, the glossary as cards, the language switch keeping the place without a
#fragment, section and paragraph links that copy the full URL, the Chinese originals on English pages, and
the smaller findings of the reader-experience review (issue 12). Screenshots: tests/artifacts/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from screens import SCREENS, Screen

pytestmark = pytest.mark.browser

CHAPTER = "chapters/hunan-small-towns/"
PREFIX = {"zh": "/", "en": "/en/"}
COPIED = {"zh": "链接已复制", "en": "Link copied"}


class Reader(Screen):
    """A `Screen` that knows its size, taps or clicks, and names screenshots reading-<name>-<size>."""

    def __init__(self, browser: object, base: str, size: str) -> None:
        super().__init__(browser, base, size)
        self.size = size
        self.touch = size == "phone"

    def press(self, locator: object) -> None:
        """A tap on the phone, a click on the desktop."""
        if self.touch:
            locator.tap()
        else:
            locator.click()

    def shot(self, name: str, full_page: bool = False) -> Path:
        """A screenshot in tests/artifacts/reading-<name>-<size>.png."""
        return super().shot(f"reading-{name}-{self.size}", full_page)


def _opened(browser: object, server: str, size: str) -> Iterator[Reader]:
    r = Reader(browser, server, size)
    yield r
    assert r.foreign == []
    r.context.close()


@pytest.fixture(params=list(SCREENS))
def reader(request: pytest.FixtureRequest, browser: object, server: str) -> Iterator[Reader]:
    """A reader on each screen: phone (touch) and desktop."""
    yield from _opened(browser, server, request.param)


@pytest.fixture
def desktop(browser: object, server: str) -> Iterator[Reader]:
    """A reader at a desktop screen, for what only a desktop has (keyboard focus, long lines, side TOC)."""
    yield from _opened(browser, server, "desktop")


@pytest.fixture
def phone(browser: object, server: str) -> Iterator[Reader]:
    """A reader on a phone (touch), for the phone's own layout."""
    yield from _opened(browser, server, "phone")


def _glossary() -> dict[str, object]:
    from clusterdocs.content.glossary import load_glossary

    return {t.id: t for t in load_glossary()}


def _in_view(page: object, selector: str) -> bool:
    return page.evaluate(
        """s => { const r = document.querySelector(s).getBoundingClientRect();
                  return r.height > 0 && r.top >= 0 && r.top < innerHeight; }""",
        selector,
    )


# -- Definitions in place ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_glossary_term_shows_its_definition_in_place(reader: Reader, lang: str) -> None:
    page = reader.page
    reader.goto(PREFIX[lang] + CHAPTER)
    url = page.url
    term = page.locator("article a.term:visible").nth(2)
    term.scroll_into_view_if_needed()
    entry = _glossary()[term.get_attribute("href").split("#")[1]]
    popover = page.locator("#term-popover")
    if reader.touch:
        term.tap()
    else:
        term.hover()
    popover.wait_for(state="visible")
    assert page.url == url  # the reader has not left the chapter
    text = popover.inner_text()
    definition = entry.def_zh if lang == "zh" else entry.def_en
    for part in (entry.zh, entry.pinyin, entry.en, definition):
        assert part in text, (part, text)
    assert popover.get_attribute("role") == "dialog"
    assert term.get_attribute("aria-expanded") == "true"
    assert term.get_attribute("aria-describedby") == "term-popover"
    more = popover.locator("a.term-popover__more")
    assert more.get_attribute("href").endswith(f"/glossary/#{entry.id}")
    box = popover.bounding_box()
    width = SCREENS[reader.size]["viewport"]["width"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    reader.shot(f"term-{lang}")
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert term.get_attribute("aria-expanded") == "false"
    assert term.get_attribute("aria-describedby") is None
    # Open again, then a tap or click elsewhere closes it.
    if reader.touch:
        term.tap()
    else:
        page.mouse.move(5, 5)
        term.hover()
    popover.wait_for(state="visible")
    if reader.touch:
        page.locator("article h1").tap()
    else:
        page.mouse.move(5, 5)
        page.mouse.click(5, 300)
    popover.wait_for(state="hidden")
    assert page.url == url
    if reader.touch:  # a second tap on the open term follows it to the glossary entry
        term.tap()
        popover.wait_for(state="visible")
        term.tap()
        page.wait_for_url(re.compile(rf"/glossary/#{entry.id}$"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_keyboard_focus_shows_the_definition_and_moves_on(desktop: Reader, lang: str) -> None:
    page = desktop.page
    desktop.goto(PREFIX[lang] + CHAPTER)
    # Focus the control just before the first term, then Tab onto the term as a keyboard user would.
    page.evaluate(
        """() => {
            const all = [...document.querySelectorAll('a[href], button, summary, input')]
                .filter(e => e.getClientRects().length);
            const term = document.querySelector('article a.term');
            all[all.indexOf(term) - 1].focus();
        }"""
    )
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('a.term')")
    popover = page.locator("#term-popover")
    popover.wait_for(state="visible")
    desktop.shot(f"term-keyboard-{lang}")
    first = page.locator("article a.term").first
    assert first.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")  # focus is not trapped: it moves on, and the definition goes with it
    assert not page.evaluate("() => document.getElementById('term-popover').contains(document.activeElement)")
    assert first.get_attribute("aria-expanded") == "false"
    if not page.evaluate("() => document.activeElement.matches('a.term')"):
        popover.wait_for(state="hidden")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_glossary_reads_as_cards_and_highlights_the_target(reader: Reader, lang: str) -> None:
    page = reader.page
    entry = "industrial-cluster"
    reader.goto(f"{PREFIX[lang]}glossary/#{entry}")
    width = SCREENS[reader.size]["viewport"]["width"]
    assert page.locator("article table").count() == 0
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    # Every definition is inside the screen's width; "used in" is collapsed.
    overflow = page.evaluate(
        "w => [...document.querySelectorAll('.glossary-def')]"
        ".filter(d => d.getBoundingClientRect().right > w).length",
        width,
    )
    assert overflow == 0
    assert page.locator(".glossary-used details[open]").count() == 0
    assert page.locator(".glossary-used details").count() > 0
    colours = page.evaluate(
        """id => [getComputedStyle(document.getElementById(id)).backgroundColor,
                  getComputedStyle(document.querySelector('.glossary-entry:not(:target)')).backgroundColor]""",
        entry,
    )
    assert colours[0] != colours[1], colours  # the entry a link points to stands out
    assert _in_view(page, f"#{entry}")
    styles = page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('.glossary-def'));
                   return [s.overflowWrap, s.hyphens]; }"""
    )
    assert styles[0] == "break-word"
    if lang == "en":
        assert styles[1] == "auto"
    reader.shot(f"glossary-{lang}")


# -- The language switch keeps the place -------------------------------------------------------------------


def _switch(reader: Reader, lang: str, above: str = "") -> None:
    page = reader.page
    if reader.touch:
        page.locator(".md-header__option .md-select button").tap()
    else:
        page.hover(".md-header__option .md-select")
    link = page.locator(f".md-select__link[hreflang='{lang}']")
    link.wait_for(state="visible")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    if above:  # the place is still above the top of the screen as the reader picks the language
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", above)
        assert top < 0, (above, top)
    # At the link's place on the screen, as a finger or a mouse would: Playwright's own click may scroll the
    # page to bring the menu "into view" first, which moves the reader's place.
    box = link.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    with page.expect_navigation(wait_until="load"):
        if reader.touch:
            page.touchscreen.tap(x, y)
        else:
            page.mouse.click(x, y)


@pytest.mark.parametrize(("start", "target"), [("zh", "en"), ("en", "zh")])
def test_the_language_switch_keeps_the_place_without_a_fragment(
    reader: Reader, start: str, target: str
) -> None:
    page = reader.page
    reader.goto(PREFIX[start] + CHAPTER)
    heading = "s6"
    page.wait_for_load_state("networkidle")
    page.evaluate("() => new Promise(done => requestIdleCallback(done))")  # the page's scripts have run
    # Scroll as a reader does: the heading goes just above the top of the screen, no #fragment is added.
    page.evaluate("id => { document.getElementById(id).scrollIntoView(); window.scrollBy(0, 40); }", heading)
    top = page.evaluate(
        """id => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
               () => done(document.getElementById(id).getBoundingClientRect().top))))""",
        heading,
    )
    assert top < 0, top  # the layout settled with the heading above the screen
    assert "#" not in page.url
    _switch(reader, target, above=heading)
    assert page.evaluate("() => document.documentElement.lang").startswith(target)
    fragment = page.url.split("#", 1)[1] if "#" in page.url else ""
    assert fragment, page.url
    # The fragment names the section the reader was in (or a paragraph of it), shown near the top.
    assert fragment == heading or fragment.startswith(heading + "-"), fragment
    assert _in_view(page, f"#{fragment}")
    reader.shot(f"switch-{start}-{target}")


# -- Links that copy ---------------------------------------------------------------------------------------


def _contrast(page: object, selector: str) -> float:
    return page.evaluate(
        """s => {
            const el = document.querySelector(s);
            const parse = c => c.match(/[\\d.]+/g).map(Number);
            let [r, g, b, a = 1] = parse(getComputedStyle(el).color);
            a *= Number(getComputedStyle(el).opacity);
            let bg = null;
            for (let e = el; e && !bg; e = e.parentElement) {
                const c = parse(getComputedStyle(e).backgroundColor);
                if ((c[3] ?? 1) > 0) bg = c;
            }
            bg = bg || [255, 255, 255];
            const mix = (f, k) => f * a + k * (1 - a);
            const fg = [mix(r, bg[0]), mix(g, bg[1]), mix(b, bg[2])];
            const lum = c => { const v = c.slice(0, 3).map(x => x / 255)
                .map(x => x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
                return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
            const [l1, l2] = [lum(fg), lum(bg)].sort((x, y) => y - x);
            return (l1 + 0.05) / (l2 + 0.05);
        }""",
        selector,
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", ["headerlink", "para-link"])
def test_section_and_paragraph_links_copy_the_full_url(reader: Reader, lang: str, kind: str) -> None:
    page = reader.page
    path = PREFIX[lang] + CHAPTER
    reader.goto(path)
    # The chapter is translated: on the English page a paragraph's id is on its pair's Chinese.
    para = "p.para[id]" if lang == "zh" else ".pair-zh[id] p.para"
    scope = {"headerlink": "h2[id]", "para-link": para}[kind]
    link = page.locator(f"article {scope}:visible a.{kind}").first
    link.scroll_into_view_if_needed()
    if reader.touch:  # on touch the link shows without hovering, large enough to tap, and readable
        box = link.bounding_box()
        assert link.is_visible() and box["width"] >= 24 and box["height"] >= 24, box
        holder = link.evaluate("a => a.parentElement.closest('[id]').id")
        selector = f"#{holder} a.{kind}"
        assert _contrast(page, selector) >= 3, selector
    fragment = link.get_attribute("href")
    reader.press(link)
    toast = page.locator(".site-toast[role='status'][aria-live='polite']")
    toast.wait_for(state="visible")
    assert toast.inner_text() == COPIED[lang]
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == reader.base + path + fragment
    assert page.url.endswith(fragment)
    reader.shot(f"copied-{kind}-{lang}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_describes_what_the_links_do(reader: Reader, lang: str) -> None:
    reader.goto(PREFIX[lang])
    text = reader.page.locator("article").inner_text()
    if lang == "zh":
        assert "复制" in text and "#" in text and "¶" in text
    else:
        assert "copies" in text and "#" in text and "¶" in text
    assert ("停留在同一节" if lang == "zh" else "same section") in text


# -- Parallel reading --------------------------------------------------------------------------------------


def test_the_chinese_of_each_pair_is_set_at_body_size(reader: Reader) -> None:
    """The chapter is translated: its Chinese is in the pairs, no longer in collapsed originals to open."""
    page = reader.page
    reader.goto("/en/" + CHAPTER)
    assert page.locator(".pair").count() > 2
    assert page.locator("button.originals-toggle").count() == 0  # nothing collapsed to open all at once
    sizes = page.evaluate(
        """() => { const o = getComputedStyle(document.querySelector('.pair-zh p.para'));
                   const e = getComputedStyle(document.querySelector('.pair-en p'));
                   return [o.fontSize, e.fontSize, parseFloat(o.lineHeight) / parseFloat(o.fontSize)]; }"""
    )
    assert sizes[0] == sizes[1], sizes  # the original at the size of the English text
    assert 1.7 <= sizes[2] <= 1.8, sizes
    page.locator(".pair").nth(1).scroll_into_view_if_needed()
    reader.shot("pairs")


# -- The rest of the findings ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_chapter_index_is_a_list_without_slanted_chinese(
    reader: Reader, lang: str, slugs: list[str]
) -> None:
    page = reader.page
    reader.goto(PREFIX[lang] + "chapters/")
    items = page.locator("article ul > li")
    assert items.count() == len(slugs)
    hrefs = [items.nth(i).locator("a").first.get_attribute("href") for i in range(items.count())]
    assert [h.rstrip("/").split("/")[-1] for h in hrefs] == slugs
    other = page.locator(f"article ul > li [lang='{'en' if lang == 'zh' else 'zh-Hans'}']")
    assert other.count() == len(slugs)
    slanted = page.evaluate(
        """() => [...document.querySelectorAll('article *')]
            .filter(e => /[\\u4e00-\\u9fff]/.test(e.textContent) && e.closest('[lang]').lang.startsWith('zh')
                         && getComputedStyle(e).fontStyle === 'italic').map(e => e.outerHTML.slice(0, 80))"""
    )
    assert slanted == []
    reader.shot(f"chapters-{lang}")


def test_han_text_on_english_pages_is_marked_chinese(desktop: Reader) -> None:
    page = desktop.page
    desktop.goto("/en/" + CHAPTER)
    unmarked = page.evaluate(
        """() => { const out = []; const walk = document.createTreeWalker(
                     document.querySelector('article'), NodeFilter.SHOW_TEXT);
                   for (let n; (n = walk.nextNode());) {
                     if (/[\\u4e00-\\u9fff]/.test(n.data) && !n.parentElement.closest('.citations')
                         && !n.parentElement.closest('[lang]').lang.startsWith('zh'))
                       out.push(n.data.slice(0, 40));
                   } return out; }"""
    )
    assert unmarked == []
    titles = page.evaluate("() => [...document.querySelectorAll('a.headerlink')].map(a => a.title)")
    assert titles and set(titles) == {"Link to this section"}
    served = page.request.get(desktop.base + "/en/" + CHAPTER).text()  # in the HTML itself, not set by script
    assert "本节链接" not in served and served.count('title="Link to this section"') == len(titles)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_back_to_top_button_sits_in_the_corner_on_a_phone(phone: Reader, lang: str) -> None:
    page = phone.page
    phone.goto(PREFIX[lang] + CHAPTER)
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)
    top = page.locator(".md-top")
    top.wait_for(state="visible")
    box = top.bounding_box()
    # In the lower right corner, not over the line being read.
    assert box["y"] > 844 / 2 and box["x"] > 390 / 2, box
    phone.shot(f"back-to-top-{lang}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_not_found_page_speaks_both_languages(reader: Reader, lang: str) -> None:
    page = reader.page
    reader.goto(PREFIX[lang] + "404.html")
    text = page.locator("article").inner_text()
    assert "页面不存在" in text and "Page not found" in text
    reader.shot(f"404-{lang}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_chapter_says_its_number_and_describes_itself(reader: Reader, lang: str, slugs: list[str]) -> None:
    from clusterdocs.ingest.corpus import manifests

    specs = {c.slug: c for m in manifests() for c in m.chapters}
    slug = slugs[-2]
    reader.goto(f"{PREFIX[lang]}chapters/{slug}/")
    page = reader.page
    n, total = len(slugs) - 1, len(slugs)
    expected = f"第 {n} 章 / 共 {total} 章" if lang == "zh" else f"Chapter {n} of {total}"
    assert page.locator("article .chapter-number").inner_text() == expected
    description = page.locator("meta[name='description']").get_attribute("content")
    spec = specs[slug]
    assert description == (spec.description_zh if lang == "zh" else spec.description_en).strip()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_raw_source_opens_as_readable_wrapped_text(reader: Reader, lang: str, slugs: list[str]) -> None:
    from clusterdocs.config import SEEDS

    page = reader.page
    reader.goto(f"{PREFIX[lang]}chapters/{slugs[0]}/")
    link = page.locator("article .chapter-meta a[href*='sources/']")
    assert link.inner_text() == ("原始文本（TXT）" if lang == "zh" else "raw text (TXT)")
    reader.press(link)
    page.wait_for_url(re.compile(r"/sources/[^/]+/$"))
    page.wait_for_load_state("load")
    name = page.url.rstrip("/").split("/")[-1] + ".txt"
    seed = (SEEDS / name).read_text(encoding="utf-8-sig")
    shown = page.locator("pre.source-text")
    assert shown.get_attribute("lang") == "zh-Hans"
    first_line = next(line for line in seed.splitlines() if len(line.strip()) > 10).strip()
    assert first_line in shown.inner_text()
    width = SCREENS[reader.size]["viewport"]["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    box = shown.bounding_box()
    assert box["x"] + box["width"] <= width
    download = page.locator("article a[download]")
    assert download.get_attribute("href").endswith(name)
    reader.shot(f"source-{lang}")


def test_english_lines_keep_a_readable_measure_on_a_desktop(desktop: Reader) -> None:
    desktop.goto("/en/" + CHAPTER)
    # Characters per line of the long summary paragraphs: the text's length over its number of lines.
    per_line = desktop.page.evaluate(
        """() => [...document.querySelectorAll('article > p:not([class])')]
            .filter(p => p.textContent.length > 400).map(p => p.textContent.length
                / Math.round(p.getBoundingClientRect().height
                             / parseFloat(getComputedStyle(p).lineHeight)))"""
    )
    assert per_line, "no long English paragraph found"
    assert max(per_line) <= 80, per_line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_table_of_contents_landmark_and_a_visible_focus_ring(desktop: Reader, lang: str) -> None:
    page = desktop.page
    desktop.goto(PREFIX[lang] + CHAPTER)
    assert page.locator(".md-sidebar--secondary nav").count() == 1
    assert page.locator(".md-sidebar--secondary li li").count() > 5  # the nested entries are still there
    page.locator("article h2 a.headerlink").first.focus()
    page.keyboard.press("Tab")
    ring = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [document.activeElement.closest('article') !== null, s.outlineStyle,
                           parseFloat(s.outlineWidth)]; }"""
    )
    assert ring[0] and ring[1] != "none" and ring[2] >= 2, ring
