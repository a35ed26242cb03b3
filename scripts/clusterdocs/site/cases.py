"""Pages for the case studies, their comparison, and the index of the other clusters the texts mention."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from clusterdocs import config
from clusterdocs.content.cases import Entry, Mention
from clusterdocs.content.datasets import Dataset
from clusterdocs.escape import html_text, url_part
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.cite import Work, citation_html
from clusterdocs.site.data import chart_and_table
from clusterdocs.site.lang import EN, ZH, first_sentence, messages, pick
from clusterdocs.site.page import front_matter_text
from clusterdocs.site.templates import render

WINDOW = 70


def _pick(value: object, lang: str) -> str:
    """A registry field in `lang`: a {zh, en} mapping, or one text for both."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("en") or "")
    return str(value or "")


def excerpt(m: Mention) -> str:
    """The words around the mention, the name marked, as escaped HTML."""
    at = m.text.find(m.alias)
    start, end = max(0, at - WINDOW), min(len(m.text), at + len(m.alias) + WINDOW)
    before, after = m.text[start:at], m.text[at + len(m.alias) : end]
    return (
        ("…" if start else "")
        + html_text(before)
        + f"<mark>{html_text(m.alias)}</mark>"
        + html_text(after)
        + ("…" if end < len(m.text) else "")
    )


def _mentions(entry: Entry, chapters: dict[str, Chapter], lang: str, page: str) -> list[dict[str, Any]]:
    """Every mention, grouped by chapter, each quoted and linked to its paragraph (from `page`)."""
    groups = []
    for slug in dict.fromkeys(m.chapter for m in entry.mentions):
        chapter = chapters[slug]
        items = [
            {
                "excerpt": Markup(excerpt(m)),
                "href": urls.link(page, urls.chapter(slug), m.block_id),
                "block_id": m.block_id,
                "section_href": urls.link(page, urls.chapter(slug), m.section_id) if m.section_id else "",
            }
            for m in entry.mentions
            if m.chapter == slug
        ]
        title = pick(lang, chapter.title_zh, chapter.spec.title_en)
        groups.append({"title": title, "href": urls.md_link(page, urls.chapter(slug)), "items": items})
    return groups


def _source(source: dict[str, str], chapters: dict[str, Chapter], lang: str, page: str) -> dict[str, str]:
    """A timeline row's source as a link: a chapter paragraph (¶ id, titled by its chapter) or a reference."""
    if "url" in source:
        return {"text": source["title"], "href": source["url"], "title": "", "lang": "en"}
    chapter = chapters[source["chapter"]]
    return {
        "text": f"¶ {source['block']}",
        "href": urls.link(page, urls.chapter(chapter.slug), source["block"]),
        "title": " ".join(pick(lang, chapter.title_zh, chapter.spec.title_en).split()),  # one table cell
        "lang": "",
    }


def _claims(case: Entry, chapters: dict[str, Chapter], lang: str, page: str) -> list[dict[str, Any]]:
    """What an author writes that is historically wrong, each with the editors' note and its reference."""
    out = []
    for claim in case.data.get("claims") or []:
        chapter = chapters[claim["chapter"]]
        reference = claim.get("reference")
        out.append(
            {
                "text": _pick(claim, lang),
                "chapter": pick(lang, chapter.title_zh, chapter.spec.title_en),
                "block": claim["block"],
                "href": urls.link(page, urls.chapter(chapter.slug), claim["block"]),
                "note": _pick(claim["note"], lang),
                "reference": reference,
            }
        )
    return out


def case_page(
    case: Entry,
    chapters: dict[str, Chapter],
    datasets: list[Dataset],
    lang: str,
    site_url: str | None = None,
    locator: Markup | None = None,
) -> str:
    """One case study's page (cited at `site_url`, by default the configured SITE_URL), with its `locator`
    map if it has one."""
    msg = messages(lang)
    d = case.data
    page = urls.case(case.id)
    name = pick(lang, case.name_zh, case.name_en)
    mention_blocks = {(m.chapter, m.block_id) for m in case.mentions}
    figures = [
        {
            "title": pick(lang, ds.title_zh, ds.title_en),
            "href": urls.md_link(page, urls.dataset(ds.id)),
            "fragments": chart_and_table(ds, lang),
        }
        for ds in datasets
        if any((ds.chapter, a) in mention_blocks for a in ds.anchors)
    ]
    arguments = None
    if d.get("arguments"):
        arguments = [
            {
                "title": pick(lang, chapter.title_zh, chapter.spec.title_en),
                "href": urls.md_link(page, urls.chapter(chapter.slug)),
                "text": _pick(arg, lang),
            }
            for arg in d["arguments"]
            if (chapter := chapters.get(arg.get("chapter"))) is not None
        ]
    page_text = render(
        "case.md.j2",
        lang,
        front=front_matter_text(name, "content/cases.yml"),
        name=name,
        other=pick(lang, case.name_en, case.name_zh),
        locator=locator,
        facts=[(Markup(label), _pick(d[key], lang)) for key, label in msg.facts.items() if d.get(key)],
        summary=_pick(d.get("summary"), lang),
        figures=figures,
        timeline=[
            (
                _pick(event.get("year"), lang),
                _pick(event, lang),
                _source(event["source"], chapters, lang, page),
            )
            for event in d.get("timeline") or []
        ],
        claims=_claims(case, chapters, lang, page),
        arguments=arguments,
        count=len(case.mentions),
        mentions=_mentions(case, chapters, lang, page),
        cite=citation_html(
            Work(key=f"case-{case.id}", path=page, title_zh=case.name_zh, title_en=case.name_en),
            lang,
            site_url or config.site_url(),
        ),
    )
    return page_text.rstrip() + "\n"


def _cases(cases: list[Entry], lang: str, href: Callable[[Entry], str]) -> list[dict[str, Any]]:
    return [
        {
            "name": pick(lang, case.name_zh, case.name_en),
            "other": pick(lang, case.name_en, case.name_zh),
            "other_lang": pick(lang, EN.html_lang, ZH.html_lang),
            "first": first_sentence(_pick(case.data.get("summary"), lang), lang),
            "href": href(case),
            "count": len(case.mentions),
        }
        for case in cases
    ]


def case_list(cases: list[Entry], lang: str, prefix: str) -> str:
    """A Markdown list of the cases, each linked (`prefix` leads from the page to cases/) with its first
    sentence."""
    items = _cases(cases, lang, lambda case: f"{prefix}{url_part(case.id)}/index.md")
    return render("case_list.md.j2", lang, cases=items).rstrip("\n")


def cases_index(cases: list[Entry], clusters: list[Entry], lang: str) -> str:
    """The list of case studies, with the comparison and the index of other clusters."""
    return render(
        "cases.md.j2",
        lang,
        front=front_matter_text(messages(lang).cases, "content/cases.yml"),
        cases=_cases(cases, lang, lambda case: urls.md_link(urls.CASES, urls.case(case.id))),
        comparison_href=urls.md_link(urls.CASES, urls.COMPARISON),
        clusters_href=urls.md_link(urls.CASES, urls.CLUSTERS),
    )


def comparison_page(cases: list[Entry], chapters: dict[str, Chapter], lang: str) -> str:
    """The four cases side by side."""
    msg = messages(lang)
    rows = [
        (Markup(label), [_pick(c.data.get(key), lang) for c in cases])
        for key, label in msg.comparison_rows.items()
    ]
    lessons = [_pick((c.data.get("arguments") or [None])[0], lang) for c in cases]
    return render(
        "comparison.md.j2",
        lang,
        front=front_matter_text(msg.comparison, "content/cases.yml"),
        cases=[
            {"name": pick(lang, c.name_zh, c.name_en), "href": urls.md_link(urls.COMPARISON, urls.case(c.id))}
            for c in cases
        ],
        rows=[*rows, (Markup(msg.lesson), lessons)],
    )


def clusters_page(
    clusters: list[Entry], chapters: dict[str, Chapter], lang: str, locator: Markup | None = None
) -> str:
    """Every other cluster the texts mention, each linked to every paragraph that names it; a `locator` map
    of those in the mapped provinces above the list."""
    entries = [
        {
            "id": entry.id,
            "name": pick(lang, entry.name_zh, entry.name_en),
            "other": pick(lang, entry.name_en, entry.name_zh),
            "detail": " · ".join(
                x
                for x in (_pick(entry.data.get("place"), lang), _pick(entry.data.get("industry"), lang))
                if x
            ),
            "links": [
                {
                    "title": pick(lang, chapters[m.chapter].title_zh, chapters[m.chapter].spec.title_en),
                    "block_id": m.block_id,
                    "href": urls.md_link(urls.CLUSTERS, urls.chapter(m.chapter), m.block_id),
                }
                for m in entry.mentions
            ],
        }
        for entry in sorted(clusters, key=lambda e: e.name_en)
        if entry.mentions
    ]
    front = front_matter_text(messages(lang).clusters, "content/clusters.yml")
    return render("clusters.md.j2", lang, front=front, entries=entries, locator=locator)
