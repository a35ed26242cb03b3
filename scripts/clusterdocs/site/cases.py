"""Pages for the case studies, their comparison, and the index of the other clusters the texts mention."""

from __future__ import annotations

from clusterdocs.content.cases import Entry, Mention
from clusterdocs.content.datasets import Dataset
from clusterdocs.escape import html_text, ident, md_text, url_part
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.data import chart_and_table
from clusterdocs.site.lang import first_sentence, messages, pick
from clusterdocs.site.page import front_matter

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


def mention_list(entry: Entry, chapters: dict[str, Chapter], lang: str, page: str) -> list[str]:
    """Every mention, grouped by chapter, each quoted and linked to its paragraph (from `page`)."""
    msg = messages(lang)
    lines = []
    for slug in dict.fromkeys(m.chapter for m in entry.mentions):
        chapter = chapters[slug]
        title = pick(lang, chapter.title_zh, chapter.spec.title_en)
        mentions = [m for m in entry.mentions if m.chapter == slug]
        count = msg.mentions_in_chapter.format(n=len(mentions))
        lines += [f"### [{md_text(title)}]({urls.md_link(page, urls.chapter(slug))}){count}", ""]
        for m in mentions:
            href = html_text(urls.link(page, urls.chapter(slug), m.block_id))
            link = f'<a href="{href}">¶ {html_text(m.block_id)}</a>'
            lines += [
                f'<p class="mention" lang="zh">{excerpt(m)} {link}</p>',
                "",
            ]
    return lines


def _facts(case: Entry, lang: str) -> list[str]:
    """The front block of a case page: where, what, when, how, and its name in the other language."""
    msg = messages(lang)
    lines = ['<div class="chapter-meta" markdown>', ""]
    for key, label in msg.facts.items():
        if case.data.get(key):
            lines.append(f"- **{label}{msg.colon}** {md_text(_pick(case.data[key], lang))}")
    other = pick(lang, case.name_en, case.name_zh)
    return [*lines, f"- **{msg.other_name}{msg.colon}** {md_text(other)}", "", "</div>", ""]


def case_page(case: Entry, chapters: dict[str, Chapter], datasets: list[Dataset], lang: str) -> str:
    """One case study's page."""
    msg = messages(lang)
    d = case.data
    page = urls.case(case.id)
    name = pick(lang, case.name_zh, case.name_en)
    lines = [*front_matter(name, "content/cases.yml"), f"# {md_text(name)} {{ #title }}", ""]
    lines += _facts(case, lang)
    lines += [f"## {msg.the_case} {{ #summary }}", "", md_text(_pick(d.get("summary"), lang)), ""]
    mention_blocks = {(m.chapter, m.block_id) for m in case.mentions}
    figures = [ds for ds in datasets if any((ds.chapter, a) in mention_blocks for a in ds.anchors)]
    if figures:
        lines += [f"## {msg.key_figures} {{ #figures }}", ""]
        for ds in figures:
            title = pick(lang, ds.title_zh, ds.title_en)
            lines += [f"[{md_text(title)}]({urls.md_link(page, urls.dataset(ds.id))})", ""]
            lines += chart_and_table(ds, lang)
    if d.get("timeline"):
        lines += [f"## {msg.timeline} {{ #timeline }}", "", f"| {msg.year} | {msg.event} |", "|---|---|"]
        for event in d["timeline"]:
            lines.append(f"| {md_text(str(event.get('year', '')))} | {md_text(_pick(event, lang))} |")
        lines.append("")
    if d.get("arguments"):
        lines += [f"## {msg.arguments} {{ #arguments }}", ""]
        for arg in d["arguments"]:
            chapter = chapters.get(arg.get("chapter"))
            if chapter is None:
                continue
            title = pick(lang, chapter.title_zh, chapter.spec.title_en)
            link = urls.md_link(page, urls.chapter(chapter.slug))
            lines.append(f"- [{md_text(title)}]({link}): {md_text(_pick(arg, lang))}")
        lines.append("")
    lines += [f"## {msg.mentions} {{ #mentions }}", "", msg.mentions_count.format(n=len(case.mentions)), ""]
    lines += mention_list(case, chapters, lang, page)
    return "\n".join(lines).rstrip() + "\n"


def case_list(cases: list[Entry], lang: str, prefix: str) -> str:
    """A Markdown list of the cases, each linked (`prefix` leads from the page to cases/) with its first
    sentence."""
    msg = messages(lang)
    lines = []
    for case in cases:
        name, other = pick(lang, (case.name_zh, case.name_en), (case.name_en, case.name_zh))
        short = first_sentence(_pick(case.data.get("summary"), lang), lang)
        link = f"{prefix}{url_part(case.id)}/index.md"
        count = msg.mentions_in_list.format(n=len(case.mentions))
        lines.append(f"- [{md_text(name)}]({link}) *{md_text(other)}* — {md_text(short)} {count}")
    return "\n".join(lines)


def cases_index(cases: list[Entry], clusters: list[Entry], lang: str) -> str:
    """The list of case studies, with the comparison and the index of other clusters."""
    msg = messages(lang)
    lines = [*front_matter(msg.cases, "content/cases.yml"), f"# {msg.cases}", "", case_list(cases, lang, "")]
    comparison = urls.md_link(urls.CASES, urls.COMPARISON)
    clusters_link = urls.md_link(urls.CASES, urls.CLUSTERS)
    lines += ["", f"[{msg.comparison}]({comparison}) · [{msg.clusters}]({clusters_link})", ""]
    return "\n".join(lines) + "\n"


def comparison_page(cases: list[Entry], chapters: dict[str, Chapter], lang: str) -> str:
    """The four cases side by side."""
    msg = messages(lang)
    lines = [*front_matter(msg.comparison, "content/cases.yml"), f"# {msg.comparison}", ""]
    names = [
        f"[{md_text(pick(lang, c.name_zh, c.name_en))}]({urls.md_link(urls.COMPARISON, urls.case(c.id))})"
        for c in cases
    ]
    lines += ["| | " + " | ".join(names) + " |", "|---" * (len(cases) + 1) + "|"]
    for key, label in msg.comparison_rows.items():
        cells = [md_text(_pick(c.data.get(key), lang)) or "—" for c in cases]
        lines.append(f"| **{label}** | " + " | ".join(cells) + " |")
    lessons = []
    for c in cases:
        args = c.data.get("arguments") or []
        lessons.append(md_text(_pick(args[0], lang)) if args else "—")
    lines.append(f"| **{msg.lesson}** | " + " | ".join(lessons) + " |")
    return "\n".join(lines) + "\n"


def clusters_page(clusters: list[Entry], chapters: dict[str, Chapter], lang: str) -> str:
    """Every other cluster the texts mention, each linked to every paragraph that names it."""
    msg = messages(lang)
    lines = [*front_matter(msg.clusters, "content/clusters.yml"), f"# {msg.clusters}", ""]
    for entry in sorted(clusters, key=lambda e: e.name_en):
        if not entry.mentions:
            continue
        name, other = pick(lang, (entry.name_zh, entry.name_en), (entry.name_en, entry.name_zh))
        place = _pick(entry.data.get("place"), lang)
        industry = _pick(entry.data.get("industry"), lang)
        links = []
        for m in entry.mentions:
            chapter = chapters[m.chapter]
            short = pick(lang, chapter.title_zh, chapter.spec.title_en)
            href = urls.md_link(urls.CLUSTERS, urls.chapter(m.chapter), m.block_id)
            links.append(f"- [{md_text(short)} ¶ {md_text(m.block_id)}]({href})")
        detail = " · ".join(x for x in (place, industry) if x)
        lines += [
            f"## {md_text(name)} {{ #{ident(entry.id)} }}",
            "",
            f"*{md_text(other)}* — {md_text(detail)}",
            "",
        ]
        lines += [*links, ""]
    return "\n".join(lines) + "\n"
