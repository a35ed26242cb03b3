"""The site in Debian's Chromium: the language switch keeps page and section; nothing leaves localhost."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def _switch_language(visit, lang: str) -> None:
    page = visit.page
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{lang}']")
    page.wait_for_load_state("load")


def test_language_switch_keeps_the_section_both_ways(visit) -> None:
    visit.goto("/")
    visit.page.click("article a[href*='chapters/zhuzhou/']")
    visit.page.wait_for_load_state("load")
    visit.page.click(".md-sidebar--secondary a[href='#s3']")
    assert visit.page.url.endswith("/chapters/zhuzhou/#s3")
    _switch_language(visit, "en")
    assert re.search(r"/en/chapters/zhuzhou/#s3$", visit.page.url), visit.page.url
    assert visit.page.locator("html").get_attribute("lang") == "en"
    assert visit.page.locator("#s3").is_visible()
    visit.shot("chapter-en-switched")
    _switch_language(visit, "zh")
    assert re.search(r"127\.0\.0\.1:\d+/chapters/zhuzhou/#s3$", visit.page.url), visit.page.url
    assert visit.page.locator("#s3").is_visible()
    assert visit.foreign == []
    assert visit.missing == []


def test_a_paragraph_link_opens_the_collapsed_original_on_the_english_page(visit) -> None:
    visit.goto("/en/chapters/hunan-small-towns/#s4-2-p1")
    target = visit.page.locator("#s4-2-p1")
    assert target.is_visible()
    assert "西樵" in target.inner_text()
    assert visit.foreign == []


def test_home_and_chapter_pages_request_nothing_from_other_hosts(visit) -> None:
    for path in ("/", "/en/", "/chapters/zhuzhou/", "/en/chapters/zhuzhou/", "/chapters/"):
        visit.goto(path)
    visit.goto("/chapters/zhuzhou/")
    visit.shot("chapter-zh")
    assert visit.foreign == []
    assert visit.missing == []
