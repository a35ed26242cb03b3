"""Case studies in the built site: each mention linked from its chapter and quoted as printed; ids checked."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from clusterdocs.bench import copy_project
from clusterdocs.content.cases import Entry, check_chapters, find_mentions, load_cases
from clusterdocs.errors import SourceError
from clusterdocs.ingest.manifest import load_manifest
from clusterdocs.ingest.model import Chapter
from clusterdocs.ingest.structure import build_chapters
from clusterdocs.ingest.textio import read_seed
from conftest import strict_build

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "cases"
HEADING = re.compile(r'<h[1-6] id="([^"]+)"')
QUOTE = re.compile(
    r'<p class="mention" lang="zh-Hans">(.*?)<a href="[./]*chapters/([^/]+)/#([^"]+)"', re.DOTALL
)


@pytest.fixture(scope="module")
def cases(chapters: list[Chapter]) -> list[Entry]:
    """The case studies, each with every block of the real chapters that mentions it."""
    found = load_cases()
    find_mentions(found, chapters)
    return found


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def _section_holding(page: str, block_id: str) -> str:
    """The innermost section (from one heading with an id to the next) that holds the block."""
    at = page.index(f'id="{block_id}"')
    starts = [m.start() for m in HEADING.finditer(page) if m.start() <= at]
    ends = [m.start() for m in HEADING.finditer(page) if m.start() > at]
    return page[starts[-1] if starts else 0 : ends[0] if ends else len(page)]


def _entry(ident: str, aliases: tuple[str, ...], exclude: tuple[str, ...] = ()) -> Entry:
    return Entry(ident, ident, ident, aliases, exclude, {})


def test_a_mention_is_an_alias_outside_the_false_friends_in_any_block() -> None:
    m = load_manifest(FIXTURES / "mentions.yml")
    [chapter] = build_chapters(m, read_seed(FIXTURES / m.source))
    datang = _entry("datang", ("大唐",), ("大唐电力",))
    xiqiao = _entry("xiqiao", ("西樵",))
    find_mentions([datang, xiqiao], [chapter])
    assert [(x.block_id, x.section_id, x.alias) for x in datang.mentions] == [
        ("s1", "s1", "大唐"),
        ("s1-p1", "s1", "大唐"),
        ("s2-p1", "s2", "大唐"),
    ]
    assert [(x.block_id, x.section_id) for x in xiqiao.mentions] == [("s2-p1", "s2"), ("table-1", "s2")]


def test_every_case_is_mentioned_in_some_chapter(cases: list[Entry]) -> None:
    assert [c.id for c in cases if not c.mentions] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_section_that_mentions_a_case_links_to_it(site: Path, cases: list[Entry], lang: str) -> None:
    unlinked = []
    for case in cases:
        for mention in case.mentions:
            page = (
                site / ("" if lang == "zh" else "en") / "chapters" / mention.chapter / "index.html"
            ).read_text(encoding="utf-8")
            link = rf'class="case-link" href="[./]*(?:en/)?cases/{case.id}/"'
            if not re.search(link, _section_holding(page, mention.block_id)):
                unlinked.append(f"{case.id}: {mention.chapter}#{mention.block_id}")
    assert unlinked == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_case_page_quotes_every_mention_as_printed(
    site: Path, cases: list[Entry], chapters: list[Chapter], lang: str
) -> None:
    blocks = {(c.slug, b.id): b.text for c in chapters for b in c.blocks}
    problems = []
    for case in cases:
        page = (site / ("" if lang == "zh" else "en") / "cases" / case.id / "index.html").read_text(
            encoding="utf-8"
        )
        listed = QUOTE.findall(page)
        expected = {(m.chapter, m.block_id) for m in case.mentions}
        if {(slug, bid) for _, slug, bid in listed} != expected:
            problems.append(
                f"{case.id}: quotes {sorted((s, b) for _, s, b in listed)}, mentions {sorted(expected)}"
            )
        for quote, slug, bid in listed:
            marked = re.findall(r"<mark>(.*?)</mark>", quote)
            pieces = [p.strip() for p in _text(quote).split("…") if p.strip()]
            if not marked or set(marked) - set(case.aliases_zh):
                problems.append(f"{case.id}: {slug}#{bid} marks {marked}, not an alias")
            if not all(p in blocks.get((slug, bid), "") for p in pieces):
                problems.append(f"{case.id}: {slug}#{bid} quotes text the block does not hold")
    assert problems == []


def test_the_home_page_lists_every_case_in_both_languages(site: Path, cases: list[Entry]) -> None:
    for home, other_lang in ((site / "index.html", "en"), (site / "en" / "index.html", "zh-Hans")):
        text = home.read_text(encoding="utf-8")
        for case in cases:
            assert f'href="cases/{case.id}/"' in text, (home, case.id)
            # the name in the other language is marked as that language (read aloud right; no faux italics)
            other = case.name_en if other_lang == "en" else case.name_zh
            name = html.escape(other, quote=False)
            assert f'<span class="other-name" lang="{other_lang}">{name}</span>' in text, (home, case.id)


def test_an_unknown_case_id_in_a_page_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "docs" / "reading.md").write_text(
        "# 阅读\n\n见 <!-- md:case no-such-case -->。\n", encoding="utf-8"
    )
    result = strict_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "reading.md: unknown case 'no-such-case'" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


CASE = """- id: c
  name: {zh: 案例, en: A case}
  aliases_zh: [案例]
  summary: {zh: 概况, en: Summary}
  arguments: [{chapter: zhuzhou, zh: 论点, en: An argument}]
"""


def _load(tmp_path: Path, extra: str) -> list[Entry]:
    path = tmp_path / "cases.yml"
    path.write_text(CASE + extra, encoding="utf-8")
    return load_cases(path)


@pytest.mark.parametrize(
    ("extra", "place"),
    [
        ("  timeline: [{year: '1909', zh: 事, en: Event}]\n", "[0].timeline[0].source"),
        (
            "  timeline: [{year: '1909', zh: 事, en: E, source: {chapter: zhuzhou, block: s1-p1, "
            "url: 'https://example.org/', title: T}}]\n",
            "[0].timeline[0].source",
        ),
        (
            "  timeline: [{year: '1909', zh: 事, en: E, source: {title: T, url: 'javascript:alert(1)'}}]\n",
            "[0].timeline[0].source.url",
        ),
        (
            "  claims: [{chapter: zhuzhou, block: s1-p1, zh: 说, en: The author}]\n",
            "[0].claims[0].note",
        ),
        (
            "  claims: [{chapter: zhuzhou, block: s1-p1, zh: 说, en: The author, note: {zh: 注, en: N}, "
            "reference: {title: T, url: 'ftp://x'}}]\n",
            "[0].claims[0].reference.url",
        ),
    ],
)
def test_a_timeline_row_needs_its_source_and_a_claim_its_note(tmp_path: Path, extra: str, place: str) -> None:
    with pytest.raises(SourceError) as caught:
        _load(tmp_path, extra)
    assert caught.value.place == place


@pytest.mark.parametrize(
    ("extra", "place"),
    [
        (
            "  timeline: [{year: '1909', zh: 事, en: E, source: {chapter: zhuzhou, block: no-such-block}}]\n",
            "[0].timeline[0].source.block",
        ),
        (
            "  claims: [{chapter: no-such-chapter, block: s1-p1, zh: 说, en: The author, "
            "note: {zh: 注, en: N}}]\n",
            "[0].claims[0].chapter",
        ),
    ],
)
def test_a_source_or_claim_must_name_a_real_paragraph(
    tmp_path: Path, chapters: list[Chapter], extra: str, place: str
) -> None:
    with pytest.raises(SourceError) as caught:
        check_chapters(_load(tmp_path, extra), chapters)
    assert caught.value.place == place


def test_every_timeline_row_has_a_source_and_every_claim_is_the_authors(cases: list[Entry]) -> None:
    for case in cases:
        for row in case.data.get("timeline") or []:
            assert "url" in row["source"] or "block" in row["source"], case.id
        for claim in case.data.get("claims") or []:
            assert claim["en"].startswith("The author writes"), (case.id, claim["en"])
            assert claim["zh"].startswith("作者写道"), (case.id, claim["zh"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_case_page_shows_each_rows_source_and_each_claim_with_its_note(
    site: Path, cases: list[Entry], lang: str
) -> None:
    for case in cases:
        page = (site / ("" if lang == "zh" else "en") / "cases" / case.id / "index.html").read_text(
            encoding="utf-8"
        )
        rows = case.data.get("timeline") or []
        for row in rows:
            source = row["source"]
            target = source["url"] if "url" in source else f"chapters/{source['chapter']}/#{source['block']}"
            assert html.escape(target, quote=True) in page, (case.id, target)
        claims = case.data.get("claims") or []
        if claims:
            section = page[page.index('id="claims"') :]
        for claim in claims:
            assert html.escape(claim[lang], quote=True) in section, (case.id, claim[lang])
            assert html.escape(claim["note"][lang], quote=True) in section, case.id
            if claim.get("reference"):
                assert f'href="{html.escape(claim["reference"]["url"], quote=True)}"' in section, case.id
