"""Markdown for the chapter pages: the Chinese original and the English reading page."""

from __future__ import annotations

from dataclasses import dataclass

from clusterdocs.content.english import EnglishChapter
from clusterdocs.content.glossary import Term
from clusterdocs.escape import html_text, ident, md_text
from clusterdocs.ingest.model import Block, Chapter, Heading, Paragraph, Table, sections
from clusterdocs.ingest.repairs import Applied
from clusterdocs.site import urls
from clusterdocs.site.page import front_matter
from clusterdocs.site.terms import Marker


@dataclass(frozen=True)
class Labels:
    """The interface words of one language."""

    lang: str
    author: str
    unknown_author: str
    keywords: str
    keywords_editorial: str
    source: str
    source_note: str
    abstract: str
    note: str
    para_link: str
    about: str
    title_supplied: str
    original: str
    summary_pending: str
    colon: str


ZH = Labels(
    lang="zh",
    colon="：",
    author="作者",
    unknown_author="原文未署名",
    keywords="关键词",
    keywords_editorial="（编者所加）",
    source="来源",
    source_note="PDF 提取的原始文本，未经改动",
    abstract="摘要",
    note="编者注",
    para_link="本段链接",
    about="关于本文",
    title_supplied="原文无标题，标题为编者所拟。",
    original="中文原文",
    summary_pending="",
)
EN = Labels(
    lang="en",
    colon=":",
    author="Author",
    unknown_author="not stated in the source",
    keywords="Keywords",
    keywords_editorial=" (added by the editors)",
    source="Source",
    source_note="the raw PDF-extracted text, unchanged",
    abstract="Abstract",
    note="Editorial note",
    para_link="Link to this paragraph",
    about="About this text",
    title_supplied="The source prints no title; the Chinese title was supplied by the editors.",
    original="Chinese original",
    summary_pending="The English summary of this section is in preparation; the Chinese original is below.",
)


def source_href(chapter: Chapter) -> str:
    """Relative link from a chapter page's Markdown file to its raw source."""
    return urls.md_link(urls.chapter(chapter.slug), urls.source(chapter.source))


def file_link(name: str, href: str, label: str = "") -> str:
    """A Markdown link to a file, its name shown as code after `label` (escaped: a name cannot end the code or
    the link)."""
    return f"[{md_text(label)}<code>{md_text(name)}</code>]({href})"


def paragraph_html(
    block: Paragraph, labels: Labels, lang: str | None = None, marker: Marker | None = None
) -> str:
    """One paragraph with its anchor and ¶ permalink (first uses of glossary terms linked)."""
    attr = f' lang="{lang}"' if lang else ""
    text = marker.mark(block.text) if marker else html_text(block.text)
    block_id = ident(block.id)
    return (
        f'<p id="{block_id}" class="para"{attr}>{text}'
        f'<a class="para-link" href="#{block_id}" title="{labels.para_link}" '
        f'aria-label="{labels.para_link} {block_id}">¶</a></p>'
    )


def table_html(table: Table, lang: str | None = None) -> str:
    """A rebuilt table, its captions and header as printed, in a scrollable wrapper."""
    attr = f' lang="{lang}"' if lang else ""
    head = "".join(
        f'<th scope="colgroup" colspan="{span}">{html_text(text)}</th>' for text, span in table.header
    )
    rows = "".join("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>" for row in table.rows)
    caption = html_text(table.caption_zh)
    if table.caption_en:
        caption += f'<br><span lang="en">{html_text(table.caption_en)}</span>'
    return (
        f'<div class="table-wrap" id="{ident(table.id)}"{attr}><table>'
        f"<caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def note_html(text: str, labels: Labels) -> str:
    """An editorial note on a doubtful passage."""
    return (
        f'<div class="admonition note editorial" lang="{labels.lang}"><p class="admonition-title">{labels.note}</p>'
        f"<p>{html_text(text)}</p></div>"
    )


def heading_md(block: Heading, lang: str | None = None) -> str:
    """A section heading with its explicit id (identical in both languages)."""
    # Chinese numbering (一、 （一） ①) runs into the title; ASCII numbering (1. 1.1 1)) takes a space.
    space = " " if block.number and block.number[-1].isascii() else ""
    number = f"{md_text(block.number)}{space}" if block.number else ""
    attrs = f"#{ident(block.id)}" + (f" lang={lang}" if lang else "")
    return f"{'#' * block.level} {number}{md_text(block.title)} {{ {attrs} }}"


def _meta(chapter: Chapter, labels: Labels, title_en: bool, byline_en: str | None = None) -> list[str]:
    spec = chapter.spec
    author = (
        md_text(byline_en or chapter.byline or labels.unknown_author)
        if labels.lang == "en"
        else (md_text(chapter.byline) if chapter.byline else labels.unknown_author)
    )
    if chapter.author_notes:
        author += "[^author-note]"
    if labels.lang == "zh" or not spec.keywords_en:
        keywords = "；".join(spec.keywords_zh)
    else:
        keywords = "; ".join(spec.keywords_en)
    editorial = "" if chapter.keywords_line else labels.keywords_editorial
    link = file_link(chapter.source, source_href(chapter))
    lines = [
        '<div class="chapter-meta" markdown>',
        "",
        f"- **{labels.author}{labels.colon}** {author}",
        f"- **{labels.keywords}{labels.colon}** {md_text(keywords)}{editorial}",
        f"- **{labels.source}{labels.colon}** {link} — {labels.source_note}",
    ]
    if title_en:
        lines.append(f'- **Chinese title{labels.colon}** <span lang="zh">{md_text(chapter.title_zh)}</span>')
    return [*lines, "", "</div>", ""]


def _about(chapter: Chapter, labels: Labels) -> list[str]:
    lines = [f"## {labels.about} {{ #about-this-text }}", ""]
    if not chapter.spec.title_in_source:
        lines += [f"- {labels.title_supplied}"]
    for item in describe_changes(chapter, labels):
        lines.append(f"- {item}")
    return [*lines, ""]


def describe_changes(chapter: Chapter, labels: Labels) -> list[str]:
    """What normalisation changed in this chapter, as list items in the page's language."""
    s = chapter.stats
    zh = labels.lang == "zh"
    counts = [
        ("line_breaks", "合并硬换行 {n} 处", "{n} hard line breaks joined"),
        (
            "fullwidth",
            "全角数字、字母和数字中的全角符号改为半角 {n} 个",
            "{n} full-width digits, letters and number signs made half-width",
        ),
        ("numbers", "被空格拆开的数字重新连上 {n} 处", "{n} numbers rejoined where stray spaces split them"),
        ("spaces", "删除中文行文中的多余空格 {n} 处", "{n} stray spaces removed from Chinese text"),
        (
            "punctuation",
            "中文语境中的半角标点改为全角 {n} 个",
            "{n} ASCII punctuation marks in Chinese text made full-width",
        ),
        ("citations", "整理引文标记（如“[ 1]”→“[1]”）{n} 处", '{n} citation markers tidied ("[ 1]" → "[1]")'),
    ]
    items = [(zh_t if zh else en_t).format(n=s[key]) for key, zh_t, en_t in counts if s[key]]
    for a in chapter.repairs:
        items.append(_repair_item(a, zh))
    return items


def _repair_item(a: Applied, zh: bool) -> str:
    where = "、".join(map(str, a.lines[:3])) if zh else ", ".join(map(str, a.lines[:3]))
    more = "…" if len(a.lines) > 3 else ""
    reason = _reason_in(a.reason, zh)
    label = {
        "removal": ("删除", "Removed"),
        "split": ("拆行", "Line split"),
        "move": ("调整阅读顺序", "Reading order restored"),
        "author-note": ("移出正文", "Moved out of the text"),
        "join": ("连行", "Lines joined"),
        "break": ("分段", "Paragraph break"),
        "table": ("重建表格", "Table rebuilt"),
    }[a.kind]
    text = md_text(a.text.strip())
    if zh:
        return f"{label[0]}（原文第 {where}{more} 行）：“{text}”" + (f"——{md_text(reason)}" if reason else "")
    return f"{label[1]} (source line{'s' if len(a.lines) > 1 else ''} {where}{more}): “{text}”" + (
        f" — {md_text(reason)}" if reason else ""
    )


def _reason_in(reason: str, zh: bool) -> str:
    """Manifest reasons are written `中文 (English)`; pick the page's language."""
    if reason.endswith(")") and " (" in reason:
        head, _, tail = reason.rpartition(" (")
        return head if zh else tail[:-1]
    return reason


def _footnotes(chapter: Chapter) -> list[str]:
    if not chapter.author_notes:
        return []
    return ["", "[^author-note]: " + " ".join(md_text(n) for n in chapter.author_notes), ""]


def _abstract(chapter: Chapter) -> list[str]:
    if not chapter.abstract:
        return []
    paras = "".join(
        f'<p lang="{lang}">{html_text(text)}</p>' if lang != "zh" else f"<p>{html_text(text)}</p>"
        for lang, text in chapter.abstract
    )
    keywords = f"<p>{html_text(chapter.keywords_line)}</p>" if chapter.keywords_line else ""
    return [f'<div class="abstract">{paras}{keywords}</div>', ""]


GLOSSARY_HREF = urls.link(urls.chapter("any"), urls.GLOSSARY)
"""From a chapter page (all are at the same depth) to the glossary of the same language."""


def _blocks(
    blocks: list[Block],
    chapter: Chapter,
    labels: Labels,
    lang: str | None,
    notes: bool = True,
    links: bool = True,
    marker: Marker | None = None,
    english_links: bool = False,
) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            if marker:
                marker.new_section()
            out += [heading_md(block, lang), ""]
            if english_links:  # on the Chinese page, a link to the same section in English
                out += [
                    f'<p class="other-language"><a href="{html_text(_other_language(chapter, "zh", block.id))}" '
                    f'hreflang="en" lang="en">English</a></p>',
                    "",
                ]
        elif isinstance(block, Table):
            out += [table_html(block, lang), ""]
        else:
            out += [paragraph_html(block, labels, lang, marker), ""]
        for note in chapter.notes.get(block.id, []) if notes else []:
            out += [note_html(note.zh if labels.lang == "zh" else note.en, labels), ""]
        if links and chapter.links.get(block.id):
            out += [links_html(chapter, block.id, labels.lang), ""]
    return out


LINK_KINDS = {"data": ("数据表", "Data"), "case": ("案例", "Case study")}


def links_html(chapter: Chapter, block_id: str, lang: str) -> str:
    """The links under one block, from this chapter page (zh or en) to other pages of the site."""
    items = []
    for link in chapter.links[block_id]:
        kind = LINK_KINDS[link.kind][0 if lang == "zh" else 1]
        label = link.label_zh if lang == "zh" else link.label_en
        href = html_text(urls.link(urls.chapter(chapter.slug), link.path))
        colon = "：" if lang == "zh" else ": "
        items.append(f'<a class="{ident(link.kind)}-link" href="{href}">{kind}{colon}{html_text(label)}</a>')
    return f'<p class="block-links">{" · ".join(items)}</p>'


def body_markdown(chapter: Chapter, terms: list[Term] | None = None) -> str:
    """The Chinese chapter's running text: headings, paragraphs, tables, notes; first uses of terms linked."""
    return "\n".join(_body_zh(chapter, terms)).rstrip() + "\n"


def _body_zh(chapter: Chapter, terms: list[Term] | None, english_links: bool = False) -> list[str]:
    marker = Marker(terms, "zh", GLOSSARY_HREF) if terms else None
    return _blocks(chapter.blocks, chapter, ZH, None, marker=marker, english_links=english_links)


def _numbered_list(items: tuple[str, ...]) -> list[str]:
    return [f"{i}. {md_text(item)}" for i, item in enumerate(items, start=1)] + [""]


def _other_language(chapter: Chapter, lang: str, anchor: str) -> str:
    """Relative URL from this chapter page to the same anchor on the other language's page."""
    return urls.other_language(urls.chapter(chapter.slug), lang, anchor)


def cite_text(chapter: Chapter, english: EnglishChapter | None, lang: str, site_url: str) -> str:
    """How to cite the chapter: the source as it names itself, this page's URL, an access date to fill in."""
    path = urls.chapter(chapter.slug) if lang == "zh" else f"en/{urls.chapter(chapter.slug)}"
    url = site_url.rstrip("/") + "/" + path
    if lang == "zh":
        author = chapter.byline or "作者不详"
        return (
            f"{author}：《{chapter.title_zh}》（原始文本 {chapter.source}）。"
            f"载《产业集群读本》，{url}，访问日期：____年__月__日。"
        )
    author = english.byline_en if english else "[author not stated]"
    if "not stated" in author:
        author = "[Author not stated]"
    return (
        f'{author}. "{chapter.title_zh}" [{chapter.spec.title_en}]. Source text {chapter.source}. '
        f"In Industrial Clusters Reader, {url}. Accessed [date]."
    )


def _cite(chapter: Chapter, english: EnglishChapter | None, lang: str, site_url: str) -> list[str]:
    title = "引用本章" if lang == "zh" else "Cite this chapter"
    # Escaped HTML, not a Markdown fence: no title can close the block.
    text = html_text(cite_text(chapter, english, lang, site_url)).replace("\n", "&#10;")
    return [
        f"## {title} {{ #cite }}",
        "",
        f'<div class="highlight"><pre><span></span><code>{text}',
        "</code></pre></div>",
        "",
    ]


def _key_term(form: str, terms: dict[str, Term], lang: str) -> str:
    """One key term as a list item: linked to its glossary entry, with pinyin and the other language (a
    Markdown line: its text is Markdown-escaped, inline HTML tags and all)."""
    term = terms.get(form)
    if term is None:
        return f'- <span lang="zh">{md_text(form)}</span>'
    link = html_text(f"{GLOSSARY_HREF}#{ident(term.id)}")
    if lang == "zh":
        return (
            f'- <a href="{link}">{md_text(form)}</a>（{md_text(term.pinyin)}）'
            f'<span lang="en">{md_text(term.en)}</span>'
        )
    return (
        f'- <a href="{link}">{md_text(term.en)}</a> — '
        f'<span lang="zh">{md_text(form)}</span> ({md_text(term.pinyin)})'
    )


def _teaching_top(english: EnglishChapter | None, lang: str, terms: list[Term] | None = None) -> list[str]:
    if english is None:
        return []
    zh = lang == "zh"
    by_form = {f: t for t in terms or [] for f in (t.zh, *t.variants_zh)}
    lines = [f"## {'学习目标' if zh else 'Learning objectives'} {{ #objectives }}", ""]
    lines += _numbered_list(english.objectives.zh if zh else english.objectives.en)
    lines += [f"## {'关键术语' if zh else 'Key terms'} {{ #key-terms }}", ""]
    lines += [_key_term(t, by_form, lang) for t in english.key_terms] + [""]
    return lines


def _questions(english: EnglishChapter | None, lang: str) -> list[str]:
    if english is None:
        return []
    zh = lang == "zh"
    return [
        f"## {'讨论题' if zh else 'Discussion questions'} {{ #questions }}",
        "",
        *_numbered_list(english.questions.zh if zh else english.questions.en),
    ]


def _summary_zh(chapter: Chapter, english: EnglishChapter | None) -> list[str]:
    lines = ["## 摘要 { #summary }", ""]
    if chapter.abstract:
        lines += _abstract(chapter)
    elif english and english.abstract_zh:
        lines += [
            f'<div class="abstract editorial"><p class="abstract-label">编者摘要（原文无摘要）</p>'
            f"<p>{html_text(english.abstract_zh)}</p></div>",
            "",
        ]
    else:
        lines += ["<p>原文无摘要。</p>", ""]
    lines += [
        f'<p class="other-language"><a href="{html_text(_other_language(chapter, "zh", "summary"))}" hreflang="en" '
        f'lang="en">English summary</a></p>',
        "",
    ]
    return lines


def _trimmed(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines = lines[:-1]
    return lines


def chapter_zh(
    chapter: Chapter, english: EnglishChapter | None, site_url: str, terms: list[Term] | None = None
) -> str:
    """The Chinese chapter page: the normalised original, complete, with the teaching blocks around it."""
    lines = [
        *front_matter(chapter.title_zh, f"seeds/{chapter.source}"),
        f"# {md_text(chapter.title_zh)} {{ #title }}",
        "",
    ]
    lines += _meta(chapter, ZH, title_en=False)
    lines += _summary_zh(chapter, english)
    lines += _teaching_top(english, "zh", terms)
    lines += [*_trimmed(_body_zh(chapter, terms, english_links=True)), "", ""]
    lines += _questions(english, "zh")
    lines += _cite(chapter, english, "zh", site_url)
    lines += _about(chapter, ZH)
    lines += _footnotes(chapter)
    return "\n".join(lines).rstrip() + "\n"


def english_number(heading: Heading) -> str:
    """The section number for the English heading, from the id: s3-1-2 -> 3.1.2 (none for named ids)."""
    parts = heading.id[1:].split("-") if heading.id.startswith("s") else []
    return ".".join(parts) if parts and all(p.isdigit() for p in parts) else ""


def _english_heading(heading: Heading, english: EnglishChapter | None) -> str:
    title = english.headings.get(heading.id) if english else None
    if not title:
        return heading_md(heading, "zh")
    number = english_number(heading)
    prefix = f"{number} " if number else ""
    return f"{'#' * heading.level} {md_text(prefix + title)} {{ #{ident(heading.id)} }}"


def _english_paragraphs(text: str, marker: Marker | None) -> list[str]:
    """Hand-written English as HTML paragraphs, first uses of glossary terms linked."""
    paras = [" ".join(p.split("\n")) for p in text.split("\n\n") if p.strip()]
    if marker is None:
        return [md_text(p) + "\n" for p in paras]
    return [f"<p>{marker.mark(p)}</p>\n" for p in paras]


def chapter_en(
    chapter: Chapter, english: EnglishChapter | None, site_url: str, terms: list[Term] | None = None
) -> str:
    """The English reading page: summaries section by section, each with its Chinese original collapsible."""
    marker = Marker(terms, "en", GLOSSARY_HREF) if terms else None
    zh_marker = Marker(terms, "zh", GLOSSARY_HREF) if terms else None
    lines = [
        *front_matter(chapter.spec.title_en, f"seeds/{chapter.source}"),
        f"# {md_text(chapter.spec.title_en)} {{ #title }}",
        "",
    ]
    lines += _meta(chapter, EN, title_en=True, byline_en=english.byline_en if english else None)
    lines += ["## Summary { #summary }", ""]
    lines += (
        _english_paragraphs(english.summary, marker)
        if english
        else [f'<p class="summary-pending">{EN.summary_pending}</p>', ""]
    )
    if chapter.abstract:
        lines += [f'<details class="original" lang="zh"><summary>{EN.abstract} — {EN.original}</summary>']
        lines += [*_abstract(chapter), "</details>", ""]
    lines += _teaching_top(english, "en", terms)
    for heading, blocks in sections(chapter):
        if heading:
            lines += [_english_heading(heading, english), ""]
            link = _other_language(chapter, "en", heading.id)
            lines += [
                f'<p class="other-language" lang="zh"><a href="{html_text(link)}" hreflang="zh">'
                f"{html_text(heading.text)}</a></p>",
                "",
            ]
            text = english.sections.get(heading.id) if english else None
            for m in (marker, zh_marker):
                if m:
                    m.new_section()
            lines += (
                _english_paragraphs(text, marker)
                if text
                else [f'<p class="summary-pending">{EN.summary_pending}</p>', ""]
            )
            if chapter.links.get(heading.id):
                lines += [links_html(chapter, heading.id, "en"), ""]
        if blocks:
            lines += [f'<details class="original" lang="zh"><summary>{EN.original}</summary>', ""]
            lines += _blocks(blocks, chapter, ZH, None, notes=False, links=False, marker=zh_marker)
            lines += ["</details>", ""]
        for block in blocks:
            for note in chapter.notes.get(block.id, []):
                lines += [note_html(note.en, EN), ""]
            if chapter.links.get(block.id):
                lines += [links_html(chapter, block.id, "en"), ""]
    lines += _questions(english, "en")
    lines += _cite(chapter, english, "en", site_url)
    lines += _about(chapter, EN)
    lines += _footnotes(chapter)
    return "\n".join(lines).rstrip() + "\n"
