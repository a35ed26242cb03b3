"""Pages for the case studies, their comparison, and the index of the other clusters the texts mention."""

from __future__ import annotations

from clusterdocs.content.cases import Entry, Mention
from clusterdocs.content.datasets import Dataset
from clusterdocs.escape import html_text, ident, md_text, url_part
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.data import chart_and_table
from clusterdocs.site.page import front_matter

WINDOW = 70


def _pick(value, lang: str) -> str:
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
    """Every mention, grouped by chapter, each quoted and linked to its paragraph (`page`: the page it is on)."""
    lines = []
    for slug in dict.fromkeys(m.chapter for m in entry.mentions):
        chapter = chapters[slug]
        title = chapter.title_zh if lang == "zh" else chapter.spec.title_en
        mentions = [m for m in entry.mentions if m.chapter == slug]
        count = f"（{len(mentions)} 处）" if lang == "zh" else f" ({len(mentions)})"
        lines += [f"### [{md_text(title)}]({urls.md_link(page, urls.chapter(slug))}){count}", ""]
        for m in mentions:
            href = html_text(urls.link(page, urls.chapter(slug), m.block_id))
            lines.append(
                f'<p class="mention" lang="zh">{excerpt(m)} '
                f'<a href="{href}">¶ {html_text(m.block_id)}</a></p>'
            )
            lines.append("")
    return lines


def case_page(case: Entry, chapters: dict[str, Chapter], datasets: list[Dataset], lang: str) -> str:
    """One case study's page."""
    zh = lang == "zh"
    d = case.data
    page = urls.case(case.id)
    name = case.name_zh if zh else case.name_en
    lines = [*front_matter(name, "content/cases.yml"), f"# {md_text(name)} {{ #title }}", ""]
    facts = [
        ("地点", "Location", "location"),
        ("产业", "Industry", "industry"),
        ("时期", "Period", "period"),
        ("起源", "Origin", "origin"),
        ("阶段", "Stage", "stage"),
        ("政府作用", "Role of government", "government_role"),
    ]
    lines += ['<div class="chapter-meta" markdown>', ""]
    for zh_label, en_label, key in facts:
        if d.get(key):
            lines.append(
                f"- **{zh_label if zh else en_label}{'：' if zh else ':'}** {md_text(_pick(d[key], lang))}"
            )
    other = case.name_en if zh else case.name_zh
    lines += [
        f"- **{'英文名' if zh else 'Chinese name'}{'：' if zh else ':'}** {md_text(other)}",
        "",
        "</div>",
        "",
    ]
    lines += [
        f"## {'概况' if zh else 'The case'} {{ #summary }}",
        "",
        md_text(_pick(d.get("summary"), lang)),
        "",
    ]
    mention_blocks = {(m.chapter, m.block_id) for m in case.mentions}
    figures = [ds for ds in datasets if any((ds.chapter, a) in mention_blocks for a in ds.anchors)]
    if figures:
        lines += [f"## {'关键数字' if zh else 'Key figures'} {{ #figures }}", ""]
        for ds in figures:
            title = ds.title_zh if zh else ds.title_en
            lines += [f"[{md_text(title)}]({urls.md_link(page, urls.dataset(ds.id))})", ""]
            lines += chart_and_table(ds, lang)
    if d.get("timeline"):
        lines += [f"## {'时间线' if zh else 'Timeline'} {{ #timeline }}", ""]
        lines += [f"| {'年份' if zh else 'Year'} | {'事件' if zh else 'Event'} |", "|---|---|"]
        for event in d["timeline"]:
            lines.append(f"| {md_text(str(event.get('year', '')))} | {md_text(_pick(event, lang))} |")
        lines.append("")
    if d.get("arguments"):
        lines += [
            f"## {'各章如何使用本案例' if zh else 'What each author uses the case to argue'} {{ #arguments }}",
            "",
        ]
        for arg in d["arguments"]:
            chapter = chapters.get(arg.get("chapter"))
            if chapter is None:
                continue
            title = chapter.title_zh if zh else chapter.spec.title_en
            link = urls.md_link(page, urls.chapter(chapter.slug))
            lines.append(f"- [{md_text(title)}]({link}): {md_text(_pick(arg, lang))}")
        lines.append("")
    heading = "原文中的全部提及" if zh else "Every passage that mentions it"
    lines += [f"## {heading} {{ #mentions }}", ""]
    count = len(case.mentions)
    lines += [
        f"共 {count} 段。" if zh else f"{count} passages, quoted in Chinese with a link to each paragraph.",
        "",
    ]
    lines += mention_list(case, chapters, lang, page)
    return "\n".join(lines).rstrip() + "\n"


def case_list(cases: list[Entry], lang: str, prefix: str) -> str:
    """A Markdown list of the cases, each linked (`prefix` leads from the page to cases/) with its first
    sentence."""
    zh = lang == "zh"
    lines = []
    for case in cases:
        name, other = (case.name_zh, case.name_en) if zh else (case.name_en, case.name_zh)
        summary = _pick(case.data.get("summary"), lang)
        short = summary.split("。")[0] + "。" if zh else summary.split(". ")[0] + "."
        link = f"{prefix}{url_part(case.id)}/index.md"
        lines.append(
            f"- [{md_text(name)}]({link}) *{md_text(other)}* — {md_text(short)} "
            f"({len(case.mentions)} {'段提及' if zh else 'passages'})"
        )
    return "\n".join(lines)


def cases_index(cases: list[Entry], clusters: list[Entry], lang: str) -> str:
    """The list of case studies, with the comparison and the index of other clusters."""
    zh = lang == "zh"
    title = "案例" if zh else "Case studies"
    lines = [*front_matter(title, "content/cases.yml"), f"# {title}", "", case_list(cases, lang, "")]
    lines += [
        "",
        f"[{'四个案例对比' if zh else 'The four cases compared'}](compare/index.md) · "
        f"[{'文中提到的其他产业集群' if zh else 'Other clusters the texts mention'}](clusters/index.md)",
        "",
    ]
    return "\n".join(lines) + "\n"


def comparison_page(cases: list[Entry], chapters: dict[str, Chapter], lang: str) -> str:
    """The four cases side by side."""
    zh = lang == "zh"
    title = "四个案例对比" if zh else "The four cases compared"
    lines = [*front_matter(title, "content/cases.yml"), f"# {title}", ""]
    rows = [
        ("起源", "Origin", "origin"),
        ("主导产业", "Lead industry", "industry"),
        ("时期", "Period", "period"),
        ("政府作用", "Role of government", "government_role"),
        ("阶段", "Stage", "stage"),
        ("规模（据原文）", "Scale (from the sources)", "scale"),
    ]
    head = (
        "| | "
        + " | ".join(
            f"[{md_text(c.name_zh if zh else c.name_en)}]({urls.md_link(urls.COMPARISON, urls.case(c.id))})"
            for c in cases
        )
        + " |"
    )
    lines += [head, "|---" * (len(cases) + 1) + "|"]
    for zh_label, en_label, key in rows:
        cells = [md_text(_pick(c.data.get(key), lang)) or "—" for c in cases]
        lines.append(f"| **{zh_label if zh else en_label}** | " + " | ".join(cells) + " |")
    lessons = []
    for c in cases:
        args = c.data.get("arguments") or []
        lessons.append(md_text(_pick(args[0], lang)) if args else "—")
    lines.append(
        f"| **{'原文得出的启示' if zh else 'The lesson the sources draw'}** | " + " | ".join(lessons) + " |"
    )
    return "\n".join(lines) + "\n"


def clusters_page(clusters: list[Entry], chapters: dict[str, Chapter], lang: str) -> str:
    """Every other cluster the texts mention, each linked to every paragraph that names it."""
    zh = lang == "zh"
    title = "文中提到的其他产业集群" if zh else "Other clusters the texts mention"
    lines = [*front_matter(title, "content/clusters.yml"), f"# {title}", ""]
    for entry in sorted(clusters, key=lambda e: e.name_en):
        if not entry.mentions:
            continue
        name, other = (entry.name_zh, entry.name_en) if zh else (entry.name_en, entry.name_zh)
        place = _pick(entry.data.get("place"), lang)
        industry = _pick(entry.data.get("industry"), lang)
        links = []
        for m in entry.mentions:
            chapter = chapters[m.chapter]
            short = chapter.title_zh if zh else chapter.spec.title_en
            href = urls.md_link(urls.CLUSTERS, urls.chapter(m.chapter), m.block_id)
            links.append(f"[{md_text(short)} ¶ {md_text(m.block_id)}]({href})")
        detail = " · ".join(x for x in (place, industry) if x)
        lines += [
            f"## {md_text(name)} {{ #{ident(entry.id)} }}",
            "",
            f"*{md_text(other)}* — {md_text(detail)}",
            "",
        ]
        lines += [f"- {link}" for link in links] + [""]
    return "\n".join(lines) + "\n"
