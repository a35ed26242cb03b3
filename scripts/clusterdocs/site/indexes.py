"""Index pages and lists that several pages share: the chapter list in both languages."""

from __future__ import annotations

from collections.abc import Callable

from clusterdocs.escape import html_text, ident, md_text
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.page import front_matter


def chapter_list(chapters: list[Chapter], lang: str, prefix: str) -> str:
    """A Markdown list of chapters, each linked (`prefix` leads from the page to docs/), with its description."""
    return _chapter_items(chapters, lang, lambda c: prefix + urls.md_link(urls.HOME, urls.chapter(c.slug)))


def _chapter_items(chapters: list[Chapter], lang: str, href: Callable[[Chapter], str]) -> str:
    lines = []
    for c in chapters:
        title = c.title_zh if lang == "zh" else c.spec.title_en
        description = c.spec.description_zh if lang == "zh" else c.spec.description_en
        other = c.spec.title_en if lang == "zh" else c.title_zh
        lines.append(f"- [{md_text(title)}]({href(c)})  \n  *{md_text(other)}* — {md_text(description)}")
    return "\n".join(lines)


def chapters_index(chapters: list[Chapter], lang: str) -> str:
    """The chapters index page."""
    title = "章节" if lang == "zh" else "Chapters"
    generated = "\n".join(front_matter(title, "seeds/*.yml"))
    if lang == "zh":
        head = ["# 章节", "", "五份原始文本共整理为九章。每章是原文的完整规范化版本，附英文导读页。", ""]
    else:
        head = [
            "# Chapters",
            "",
            "The five source texts make nine chapters. Each chapter page in Chinese is the complete normalised "
            "original; each English page summarises it section by section, with the Chinese at hand.",
            "",
        ]
    body = _chapter_items(chapters, lang, lambda c: urls.md_link(urls.CHAPTERS, urls.chapter(c.slug)))
    return generated + "\n".join(head) + "\n" + body + "\n"  # a blank line before the list


def glossary_page(terms, used: dict, lang: str) -> str:
    """The glossary in one language: each term with pinyin, the other language, a definition, its chapters."""
    zh = lang == "zh"
    title = "术语表" if zh else "Glossary"
    lines = [*front_matter(title, "content/glossary.yml"), f"# {title}", ""]
    lines += (
        [
            f"本表收录各章中的 {len(terms)} 个关键术语，英文译名全站统一。正文中每节第一次出现的术语链接到本表。",
            "",
        ]
        if zh
        else [
            f"{len(terms)} key terms from the chapters, each with the one English rendering used "
            "throughout the site. In the texts, the first use of a term in each section links here.",
            "",
        ]
    )
    head = (
        ["术语", "拼音", "英文", "释义", "出现于"]
        if zh
        else ["Term", "Chinese", "Pinyin", "Definition", "Used in"]
    )
    rows = []
    for t in sorted(terms, key=lambda t: t.pinyin if zh else t.en.lower()):
        chapters = ", ".join(
            f'<a href="{html_text(urls.link(urls.GLOSSARY, urls.chapter(c.slug)))}">'
            f"{html_text(c.title_zh if zh else c.spec.title_en)}</a>"
            for c in used[t.id]
        )
        if zh:
            cells = [
                f"<strong>{html_text(t.zh)}</strong>",
                html_text(t.pinyin),
                f'<span lang="en">{html_text(t.en)}</span>',
                html_text(t.def_zh),
                chapters,
            ]
        else:
            cells = [
                f"<strong>{html_text(t.en)}</strong>",
                f'<span lang="zh">{html_text(t.zh)}</span>',
                html_text(t.pinyin),
                html_text(t.def_en),
                chapters,
            ]
        rows.append(f'<tr id="{ident(t.id)}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    lines.append(
        '<div class="table-wrap"><table><thead><tr>'
        + "".join(f'<th scope="col">{h}</th>' for h in head)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )
    return "\n".join(lines) + "\n"
