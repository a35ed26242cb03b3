"""Markdown for the chapter pages: the Chinese original and the English reading page."""

from __future__ import annotations

from clusterdocs.content.english import EnglishChapter
from clusterdocs.content.glossary import Term
from clusterdocs.escape import html_text, ident, md_text
from clusterdocs.ingest.model import Block, Chapter, Heading, Paragraph, Table, sections
from clusterdocs.ingest.repairs import Applied
from clusterdocs.site import urls
from clusterdocs.site.lang import EN, ZH, Messages, messages, pick
from clusterdocs.site.page import front_matter
from clusterdocs.site.terms import Marker


def source_href(chapter: Chapter) -> str:
    """Relative link from a chapter page's Markdown file to its raw source."""
    return urls.md_link(urls.chapter(chapter.slug), urls.source(chapter.source))


def file_link(name: str, href: str, label: str = "") -> str:
    """A Markdown link to a file, its name shown as code after `label` (escaped: a name cannot end the code or
    the link)."""
    return f"[{md_text(label)}<code>{md_text(name)}</code>]({href})"


def paragraph_html(
    block: Paragraph, msg: Messages, lang: str | None = None, marker: Marker | None = None
) -> str:
    """One paragraph with its anchor and ¶ permalink (first uses of glossary terms linked)."""
    attr = f' lang="{lang}"' if lang else ""
    text = marker.mark(block.text) if marker else html_text(block.text)
    block_id = ident(block.id)
    return (
        f'<p id="{block_id}" class="para"{attr}>{text}'
        f'<a class="para-link" href="#{block_id}" title="{msg.para_link}" '
        f'aria-label="{msg.para_link} {block_id}">¶</a></p>'
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


def note_html(text: str, msg: Messages) -> str:
    """An editorial note on a doubtful passage."""
    return (
        f'<div class="admonition note editorial" lang="{msg.lang}">'
        f'<p class="admonition-title">{msg.note}</p><p>{html_text(text)}</p></div>'
    )


def heading_md(block: Heading, lang: str | None = None) -> str:
    """A section heading with its explicit id (identical in both languages)."""
    # Chinese numbering (一、 （一） ①) runs into the title; ASCII numbering (1. 1.1 1)) takes a space.
    space = " " if block.number and block.number[-1].isascii() else ""
    number = f"{md_text(block.number)}{space}" if block.number else ""
    attrs = f"#{ident(block.id)}" + (f" lang={lang}" if lang else "")
    return f"{'#' * block.level} {number}{md_text(block.title)} {{ {attrs} }}"


def _meta(chapter: Chapter, msg: Messages, byline_en: str | None = None) -> list[str]:
    """The front block: author, keywords, the raw source; on the English page the Chinese title too."""
    spec = chapter.spec
    byline = pick(msg.lang, chapter.byline, byline_en or chapter.byline)
    author = md_text(byline) if byline else msg.unknown_author
    if chapter.author_notes:
        author += "[^author-note]"
    if msg.lang == "en" and spec.keywords_en:
        keywords = EN.keywords_sep.join(spec.keywords_en)
    else:  # Chinese keywords keep the Chinese separator
        keywords = ZH.keywords_sep.join(spec.keywords_zh)
    editorial = "" if chapter.keywords_line else msg.keywords_editorial
    link = file_link(chapter.source, source_href(chapter))
    lines = [
        '<div class="chapter-meta" markdown>',
        "",
        f"- **{msg.author}{msg.colon}** {author}",
        f"- **{msg.keywords}{msg.colon}** {md_text(keywords)}{editorial}",
        f"- **{msg.source}{msg.colon}** {link} — {msg.source_note}",
    ]
    if msg.chinese_title:
        lines.append(
            f'- **{msg.chinese_title}{msg.colon}** <span lang="zh">{md_text(chapter.title_zh)}</span>'
        )
    return [*lines, "", "</div>", ""]


def _about(chapter: Chapter, msg: Messages) -> list[str]:
    lines = [f"## {msg.about} {{ #about-this-text }}", ""]
    if not chapter.spec.title_in_source:
        lines += [f"- {msg.title_supplied}"]
    for item in describe_changes(chapter, msg):
        lines.append(f"- {item}")
    return [*lines, ""]


def describe_changes(chapter: Chapter, msg: Messages) -> list[str]:
    """What normalisation changed in this chapter, as list items in the page's language."""
    items = [
        template.format(n=chapter.stats[key]) for key, template in msg.changes.items() if chapter.stats[key]
    ]
    return items + [_repair_item(a, msg) for a in chapter.repairs]


def _repair_item(a: Applied, msg: Messages) -> str:
    reason = _reason_in(a.reason, msg.lang)
    item = msg.repair.format(
        label=msg.repairs[a.kind],
        s=msg.line_plural if len(a.lines) > 1 else "",
        lines=msg.list_sep.join(map(str, a.lines[:3])),
        more="…" if len(a.lines) > 3 else "",
        text=md_text(a.text.strip()),
    )
    return item + (msg.repair_reason.format(reason=md_text(reason)) if reason else "")


def _reason_in(reason: str, lang: str) -> str:
    """Manifest reasons are written `中文 (English)`; pick the page's language."""
    if reason.endswith(")") and " (" in reason:
        head, _, tail = reason.rpartition(" (")
        return pick(lang, head, tail[:-1])
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
    msg: Messages,
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
                out += [_other_language_link(chapter, block.id, ZH.other_language), ""]
        elif isinstance(block, Table):
            out += [table_html(block, lang), ""]
        else:
            out += [paragraph_html(block, msg, lang, marker), ""]
        for note in chapter.notes.get(block.id, []) if notes else []:
            out += [note_html(pick(msg.lang, note.zh, note.en), msg), ""]
        if links and chapter.links.get(block.id):
            out += [links_html(chapter, block.id, msg.lang), ""]
    return out


def links_html(chapter: Chapter, block_id: str, lang: str) -> str:
    """The links under one block, from this chapter page (zh or en) to other pages of the site."""
    msg = messages(lang)
    items = []
    for link in chapter.links[block_id]:
        name = html_text(pick(lang, link.label_zh, link.label_en))
        label = f"{msg.link_kinds[link.kind]}{msg.link_colon}{name}"
        href = html_text(urls.link(urls.chapter(chapter.slug), link.path))
        items.append(f'<a class="{ident(link.kind)}-link" href="{href}">{label}</a>')
    return f'<p class="block-links">{" · ".join(items)}</p>'


def body_markdown(chapter: Chapter, terms: list[Term] | None = None) -> str:
    """The Chinese chapter's running text: headings, paragraphs, tables, notes; first uses of terms linked."""
    return "\n".join(_body_zh(chapter, terms)).rstrip() + "\n"


def _body_zh(chapter: Chapter, terms: list[Term] | None, english_links: bool = False) -> list[str]:
    marker = Marker(terms, "zh", GLOSSARY_HREF) if terms else None
    return _blocks(chapter.blocks, chapter, ZH, None, marker=marker, english_links=english_links)


def _numbered_list(items: tuple[str, ...]) -> list[str]:
    return [*(f"{i}. {md_text(item)}" for i, item in enumerate(items, start=1)), ""]


def _other_language(chapter: Chapter, lang: str, anchor: str) -> str:
    """Relative URL from this chapter page to the same anchor on the other language's page."""
    return urls.other_language(urls.chapter(chapter.slug), lang, anchor)


def _other_language_link(chapter: Chapter, anchor: str, label: str) -> str:
    """On the Chinese page, a link to the same place on the English page."""
    href = html_text(_other_language(chapter, "zh", anchor))
    return f'<p class="other-language"><a href="{href}" hreflang="en" lang="en">{label}</a></p>'


def cite_text(chapter: Chapter, english: EnglishChapter | None, lang: str, site_url: str) -> str:
    """How to cite the chapter: the source as it names itself, this page's URL, an access date to fill in."""
    msg = messages(lang)
    url = site_url.rstrip("/") + "/" + pick(lang, "", "en/") + urls.chapter(chapter.slug)
    author = pick(lang, chapter.byline, english.byline_en if english else None)
    if not author or (lang == "en" and "not stated" in author):
        author = msg.cite_unknown_author
    return msg.cite_text.format(
        author=author,
        title_zh=chapter.title_zh,
        title_en=chapter.spec.title_en,
        source=chapter.source,
        url=url,
    )


def _cite(chapter: Chapter, english: EnglishChapter | None, lang: str, site_url: str) -> list[str]:
    # Escaped HTML, not a Markdown fence: no title can close the block.
    text = html_text(cite_text(chapter, english, lang, site_url)).replace("\n", "&#10;")
    return [
        f"## {messages(lang).cite} {{ #cite }}",
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
    msg = messages(lang)
    by_form = {f: t for t in terms or [] for f in (t.zh, *t.variants_zh)}
    lines = [f"## {msg.objectives} {{ #objectives }}", ""]
    lines += _numbered_list(pick(lang, english.objectives.zh, english.objectives.en))
    lines += [f"## {msg.key_terms} {{ #key-terms }}", ""]
    return [*lines, *(_key_term(t, by_form, lang) for t in english.key_terms), ""]


def _questions(english: EnglishChapter | None, lang: str) -> list[str]:
    if english is None:
        return []
    return [
        f"## {messages(lang).questions} {{ #questions }}",
        "",
        *_numbered_list(pick(lang, english.questions.zh, english.questions.en)),
    ]


def _summary_zh(chapter: Chapter, english: EnglishChapter | None) -> list[str]:
    lines = [f"## {ZH.summary} {{ #summary }}", ""]
    if chapter.abstract:
        lines += _abstract(chapter)
    elif english and english.abstract_zh:
        lines += [
            f'<div class="abstract editorial"><p class="abstract-label">{ZH.editorial_abstract}</p>'
            f"<p>{html_text(english.abstract_zh)}</p></div>",
            "",
        ]
    else:
        lines += [f"<p>{ZH.no_abstract}</p>", ""]
    return [*lines, _other_language_link(chapter, "summary", ZH.other_language_summary), ""]


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
    lines += _meta(chapter, ZH)
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
    """Hand-written English as HTML paragraphs, first uses of glossary terms linked (if `marker`)."""
    paras = [" ".join(p.split("\n")) for p in text.split("\n\n") if p.strip()]
    return [f"<p>{marker.mark(p) if marker else html_text(p)}</p>\n" for p in paras]


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
    lines += _meta(chapter, EN, byline_en=english.byline_en if english else None)
    lines += [f"## {EN.summary} {{ #summary }}", ""]
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
