"""Markdown for the chapter pages: the Chinese original and the English reading page."""

from __future__ import annotations

import unicodedata
from typing import Any

from markupsafe import Markup

from clusterdocs.content.english import EnglishChapter
from clusterdocs.content.glossary import Term
from clusterdocs.content.translation import TranslatedTable, Translation
from clusterdocs.escape import html_text, ident, md_text
from clusterdocs.ingest.model import Block, Chapter, Heading, Paragraph, Table, sections
from clusterdocs.ingest.repairs import Applied
from clusterdocs.site import urls
from clusterdocs.site.cite import Work, authors, citation_html
from clusterdocs.site.context import context_html
from clusterdocs.site.lang import EN, ZH, Messages, messages, pick
from clusterdocs.site.page import front_matter_text
from clusterdocs.site.templates import render
from clusterdocs.site.terms import HAN_RUN, Marker, english_html


def source_href(chapter: Chapter) -> str:
    """Relative link from a chapter page's Markdown file to the reading page of its raw source."""
    return urls.md_link(urls.chapter(chapter.slug), urls.source_page(chapter.source))


def paragraph_html(
    block: Paragraph,
    msg: Messages,
    lang: str | None = None,
    marker: Marker | None = None,
    with_id: bool = True,
) -> str:
    """One paragraph with its anchor (unless `with_id` is off: the id is on its pair) and ¶ permalink."""
    attr = f' lang="{lang}"' if lang else ""
    text = marker.mark(block.text) if marker else html_text(block.text)
    block_id = ident(block.id)
    id_attr = f'id="{block_id}" ' if with_id else ""
    return (
        f'<p {id_attr}class="para"{attr}>{text}'
        f'<a class="para-link" href="#{block_id}" title="{msg.para_link}" '
        f'aria-label="{msg.para_link} {block_id}">¶</a></p>'
    )


def table_html(table: Table, lang: str | None = None, with_id: bool = True) -> str:
    """A rebuilt table, its captions and header as printed, in a scrollable wrapper."""
    attr = (f' id="{ident(table.id)}"' if with_id else "") + (f' lang="{lang}"' if lang else "")
    head = "".join(
        f'<th scope="colgroup" colspan="{span}">{html_text(text)}</th>' for text, span in table.header
    )
    rows = "".join("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>" for row in table.rows)
    caption = html_text(table.caption_zh)
    if table.caption_en:
        caption += f'<br><span lang="en">{html_text(table.caption_en)}</span>'
    return (
        f'<div class="table-wrap"{attr}><table>'
        f"<caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def translated_table_html(english: TranslatedTable, table: Table) -> str:
    """A table's English in a scrollable wrapper, header cells spanning as the Chinese ones do."""
    spans = [span for _, span in table.header] if len(table.header) == len(english.header) else None
    head = "".join(
        f'<th scope="colgroup" colspan="{spans[i]}">{html_text(text)}</th>'
        if spans and spans[i] > 1
        else f'<th scope="col">{html_text(text)}</th>'
        for i, text in enumerate(english.header)
    )
    rows = "".join(
        "<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>" for row in english.rows
    )
    return (
        f'<div class="table-wrap"><table><caption>{html_text(english.caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def pair_html(
    block: Paragraph | Table, english: str | TranslatedTable | None, en: Marker | None, zh: Marker | None
) -> str:
    """One translated block as one element: the English, and the Chinese original keeping the block's id."""
    if isinstance(block, Table):
        original = table_html(block, with_id=False)
        text = translated_table_html(english, block) if isinstance(english, TranslatedTable) else ""
    else:
        original = paragraph_html(block, ZH, marker=zh, with_id=False)
        text = "".join(_english_paragraphs(english, en)) if isinstance(english, str) else ""
        if text.endswith("</p>"):  # its own ¶, shown in English-only mode (the Chinese, with its ¶, hidden)
            block_id = ident(block.id)
            text = (
                f'{text[: -len("</p>")]}<a class="para-link" href="#{block_id}" title="{EN.para_link}" '
                f'aria-label="{EN.para_link} {block_id}">¶</a></p>'
            )
    english_part = f'<div class="pair-en" lang="en">{text}</div>' if text else ""
    block_id = ident(block.id)
    return (
        f'<div class="pair" data-para="{block_id}">{english_part}'
        f'<div class="pair-zh" lang="zh-Hans" id="{block_id}">{original}</div></div>'
    )


def english_toggle_html(
    chapter: Chapter, block: Paragraph | Table, english: str | TranslatedTable | None
) -> str:
    """On the Chinese page: the toggle for a paragraph's English ("" if the English page has none for it).

    The English is not in the page: site.js fetches the English page on the first opening and fills the toggle
    from the paragraph's pair there. Until then (and without JavaScript) it holds a link to that paragraph."""
    has_english = (
        isinstance(english, TranslatedTable)
        if isinstance(block, Table)
        else isinstance(english, str) and english
    )
    if not has_english:
        return ""
    block_id = ident(block.id)
    label = f"{ZH.english_of_para}{ZH.colon}{block_id}"
    href = html_text(_other_language(chapter, "zh", block.id))
    return (
        f'<details class="para-en"><summary aria-label="{html_text(label)}">'
        f"{ZH.english_of_para}</summary>"
        f'<div class="para-en-text"><a class="para-en-link" href="{href}" hreflang="en">'
        f"{ZH.english_of_para_link}</a></div></details>"
    )


def about_translation_items(translation: Translation) -> str:
    """Who translated the chapter, how it was checked and what was uncertain, as the items of a `<dl>` (the
    site's "About this translation" and the English book's)."""
    draft = f" {html_text(EN.translation_status['draft'])}" if translation.status == "draft" else ""
    items = [
        f"<dt>{html_text(EN.translated_by)}</dt><dd>{html_text(translation.translated_by)}</dd>",
        f"<dt>{html_text(EN.how_checked)}</dt><dd>{html_text(translation.checked)}{draft}</dd>",
    ]
    if translation.uncertain:
        lines = "".join(f"<li>{english_html(u)}</li>" for u in translation.uncertain)
        items.append(f"<dt>{html_text(EN.uncertain)}</dt><dd><ul>{lines}</ul></dd>")
    return "".join(items)


def about_translation_html(translation: Translation) -> str:
    """Who translated the chapter, how it was checked and what was uncertain, as one HTML block (under "About
    this text": a section heading would be on one language's page only)."""
    title = (
        f'<p class="about-translation-title" id="about-this-translation">'
        f"<strong>{html_text(EN.about_translation)}</strong></p>"
    )
    return f'<div class="about-translation">{title}<dl>{about_translation_items(translation)}</dl></div>'


def front_translation_items(translation: Translation) -> str:
    """The translation of the source's printed front matter (title, byline, abstract, keywords, author's
    notes) as the items of a `<dl>` ("" if it has none): for the site's block and the English book's."""
    items = []
    for key, label in EN.front_labels.items():
        value = translation.front.get(key)
        if not value:
            continue
        texts = (value,) if isinstance(value, str) else value
        if key == "author_notes":  # the source's footnote mark (*): the note is labelled here instead
            texts = tuple(t.lstrip("*").lstrip() for t in texts)
        body = "".join(f"<p>{english_html(t)}</p>" for t in texts)
        items.append(f"<dt>{html_text(label)}</dt><dd>{body}</dd>")
    return "".join(items)


def front_translation_html(translation: Translation) -> str:
    """The translation of the source's printed front matter as one HTML block ("" if it has none)."""
    items = front_translation_items(translation)
    if not items:
        return ""
    return (
        f'<div class="front-translation" lang="en"><p class="front-translation-title">'
        f"<strong>{html_text(EN.front_translated)}</strong></p><dl>{items}</dl></div>"
    )


def reading_modes_html() -> str:
    """The reading-mode control (hidden until site.js, which switches and remembers the mode, shows it)."""
    buttons = "".join(
        f'<button type="button" data-reading-mode="{ident(mode)}" '
        f'aria-pressed="{str(mode == "stacked").lower()}">{html_text(name)}</button>'
        for mode, name in EN.reading_mode_names.items()
    )
    label = html_text(EN.reading_modes)
    return (
        f'<div class="reading-modes" role="group" aria-labelledby="reading-modes-label" hidden>'
        f'<span class="reading-modes-label" id="reading-modes-label">{label}</span>{buttons}</div>'
    )


def note_html(text: str, msg: Messages) -> str:
    """An editorial note on a doubtful passage (in an English note, quoted Chinese is marked as Chinese)."""
    body = english_html(text) if msg.lang == "en" else html_text(text)
    return (
        f'<div class="admonition note editorial" lang="{msg.html_lang}">'
        f'<p class="admonition-title">{msg.note}</p><p>{body}</p></div>'
    )


def number_space(block: Heading) -> str:
    """What comes between a heading's number and its title: Chinese numbering (一、 （一） ①) runs into
    the title; ASCII numbering (1. 1.1 1)) and a chapter number (第一章 绪论, the source's own space) take
    a space."""
    return " " if block.number and (block.number[-1].isascii() or block.number[-1] == "章") else ""


def heading_md(block: Heading, lang: str | None = None) -> str:
    """A section heading with its explicit id (identical in both languages)."""
    number = f"{md_text(block.number)}{number_space(block)}" if block.number else ""
    attrs = f"#{ident(block.id)}" + (f" lang={lang}" if lang else "")
    return f"{'#' * block.level} {number}{md_text(block.title)} {{ {attrs} }}"


def label_md(chapter: Chapter, block_id: str, msg: Messages) -> str:
    """The editors' label before a block of the author's text, as a heading at the text's top level."""
    kind = chapter.labels[block_id]
    level = min((b.level for b in chapter.blocks if isinstance(b, Heading)), default=2)
    return f"{'#' * level} {md_text(msg.text_labels[kind])} {{ #text-{ident(kind)} .text-label }}"


def display_title(chapter: Chapter, lang: str) -> str:
    """The chapter's title in `lang`, marked as the editors' where the source prints none."""
    title = pick(lang, chapter.title_zh, chapter.spec.title_en)
    return title + messages(lang).editors_title if chapter.title_is_editors else title


def named_authors(chapter: Chapter, lang: str) -> str:
    """Every person the text names as an author, with their office, consecutive holders of one office
    grouped (`葛天平、李新玲（湖北省经委县域经济处）`); "" if the text names none beyond its byline."""
    msg = messages(lang)
    groups: list[tuple[str, list[str]]] = []
    for person in chapter.spec.authors:
        name = pick(lang, person.name_zh, f"{person.name_en} {person.name_zh}")
        role = pick(lang, person.role_zh, person.role_en)
        if groups and groups[-1][0] == role:
            groups[-1][1].append(name)
        else:
            groups.append((role, [name]))
    parts = [
        msg.list_sep.join(names) + (msg.author_role.format(role=role) if role else "")
        for role, names in groups
    ]
    return msg.author_group_sep.join(parts)


def _unnamed_authors(chapter: Chapter, english: EnglishChapter | None, lang: str) -> str:
    """The named authors for the front block, unless the English byline already names every one of them."""
    byline_en = english.byline_en if english else ""
    if lang == "en" and all(p.name_en in byline_en for p in chapter.spec.authors):
        return ""
    return named_authors(chapter, lang)


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
        text=_quoted(md_text(_visible(a.text.strip())), msg.lang),
    )
    return item + (msg.repair_reason.format(reason=md_text(reason)) if reason else "")


def _quoted(text: str, lang: str) -> str:
    """Quoted source text in a list item: on an English page it is marked as Chinese."""
    return f'<span lang="zh-Hans">{text}</span>' if lang == "en" else text


def _visible(text: str) -> str:
    """Text with private-use characters (invisible in any font) written as their code points: `U+F020`."""
    return "".join(f"U+{ord(c):04X}" if unicodedata.category(c) == "Co" else c for c in text)


def _reason_in(reason: str, lang: str) -> str:
    """Manifest reasons are written `中文 (English)`; pick the page's language."""
    if reason.endswith(")") and " (" in reason:
        head, _, tail = reason.rpartition(" (")
        return pick(lang, head, tail[:-1])
    return reason


def abstract_html(chapter: Chapter) -> str:
    """The abstract the source prints, with its keywords line and the rest of its declared front matter
    (classification lines, the English title, authors, abstract and key words), as one HTML block ("" if the
    source prints no abstract)."""
    if not chapter.abstract:
        return ""
    paras = "".join(
        f'<p lang="{lang}">{html_text(text)}</p>' if lang != "zh" else f"<p>{html_text(text)}</p>"
        for lang, text in chapter.abstract
    )
    keywords = f"<p>{html_text(chapter.keywords_line)}</p>" if chapter.keywords_line else ""
    front = "".join(
        f'<p lang="en">{html_text(item.text)}</p>' if item.lang == "en" else f"<p>{html_text(item.text)}</p>"
        for item in chapter.front
    )
    return f'<div class="abstract">{paras}{keywords}{front}</div>'


GLOSSARY_HREF = urls.link(urls.chapter("any"), urls.GLOSSARY)
"""From a chapter page (all are at the same depth) to the glossary of the same language."""


def _blocks(
    blocks: list[Block],
    chapter: Chapter,
    msg: Messages,
    notes: bool = True,
    links: bool = True,
    marker: Marker | None = None,
    english_links: bool = False,
    label_headings: bool = True,
    translation: Translation | None = None,
) -> list[Markup]:
    """The Chinese text's blocks as page fragments, each followed on the page by a blank line; the editors'
    labels (`〔引言〕`) as headings, or with `label_headings` off as labelled lines."""
    out: list[str] = []
    for block in blocks:
        if block.id in chapter.labels:
            if label_headings:
                out.append(label_md(chapter, block.id, msg))
            else:
                label = html_text(msg.text_labels[chapter.labels[block.id]])
                out.append(f'<p class="text-label">{label}</p>')
        if isinstance(block, Heading):
            if marker:
                marker.new_section()
            out.append(heading_md(block))
            if english_links:  # on the Chinese page, a link to the same section in English
                href = html_text(_other_language(chapter, "zh", block.id))
                link = f'<a href="{href}" hreflang="en" lang="en">{ZH.other_language}</a>'
                out.append(f'<p class="other-language">{link}</p>')
        elif isinstance(block, Table):
            out.append(table_html(block))
        else:
            out.append(paragraph_html(block, msg, None, marker))
        if translation and not isinstance(block, Heading):
            toggle = english_toggle_html(chapter, block, translation.blocks.get(block.id))
            if toggle:
                out.append(toggle)
        for note in chapter.notes.get(block.id, []) if notes else []:
            out.append(note_html(pick(msg.lang, note.zh, note.en), msg))
        if links and chapter.links.get(block.id):
            out.append(links_html(chapter, block.id, msg.lang))
    return [Markup(fragment) for fragment in out]


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
    return "\n\n".join(_body_zh(chapter, terms)) + "\n"


def _body_zh(
    chapter: Chapter,
    terms: list[Term] | None,
    english_links: bool = False,
    translation: Translation | None = None,
) -> list[Markup]:
    marker = Marker(terms, "zh", GLOSSARY_HREF) if terms else None
    return _blocks(
        chapter.blocks, chapter, ZH, marker=marker, english_links=english_links, translation=translation
    )


def _other_language(chapter: Chapter, lang: str, anchor: str) -> str:
    """Relative URL from this chapter page to the same anchor on the other language's page."""
    return urls.other_language(urls.chapter(chapter.slug), lang, anchor)


def chapter_work(chapter: Chapter, english: EnglishChapter | None) -> Work:
    """What a citation of the chapter names: every author the text names (else the byline), its titles."""
    people = chapter.spec.authors
    return Work(
        key=chapter.slug,
        path=urls.chapter(chapter.slug),
        title_zh=chapter.title_zh,
        title_en=chapter.spec.title_en,
        authors_zh=tuple(p.name_zh for p in people) or authors(chapter.byline),
        authors_en=tuple(p.name_en for p in people) or authors(english.byline_en if english else None),
        title_supplied=chapter.title_is_editors,
    )


def cite_html(chapter: Chapter, english: EnglishChapter | None, lang: str, site_url: str) -> Markup:
    """How to cite the chapter page in `lang`: its format and BibTeX, the published URL, the access date."""
    return citation_html(chapter_work(chapter, english), lang, site_url)


def _page(
    chapter: Chapter,
    english: EnglishChapter | None,
    lang: str,
    terms: list[Term] | None,
    position: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """What both chapter pages show: front matter, the front block, teaching blocks, citation, changes."""
    msg = messages(lang)
    spec = chapter.spec
    if lang == "en" and spec.keywords_en:
        keywords = EN.keywords_sep.join(spec.keywords_en)
    else:  # Chinese keywords keep the Chinese separator
        keywords = ZH.keywords_sep.join(spec.keywords_zh)
    by_form = {f: t for t in terms or [] for f in (t.zh, *t.variants_zh)}
    key_terms = [
        {"form": form, "term": by_form.get(form), "href": f"{GLOSSARY_HREF}#{ident(by_form[form].id)}"}
        if form in by_form
        else {"form": form, "term": None}
        for form in (english.key_terms if english else ())
    ]
    title = pick(lang, chapter.title_zh, spec.title_en)
    return {
        "front": front_matter_text(
            title, f"seeds/{chapter.source}", pick(lang, spec.description_zh, spec.description_en)
        ),
        "position": msg.chapter_number.format(n=position[0], total=position[1]) if position else "",
        "title": display_title(chapter, lang),
        "chapter": chapter,
        "english": english,
        "author": pick(lang, chapter.byline, (english.byline_en if english else None) or chapter.byline),
        "byline_supplied": bool(chapter.byline) and not spec.byline_in_source and lang == "zh",
        "named_authors": _unnamed_authors(chapter, english, lang),
        "keywords": keywords,
        "source_href": source_href(chapter),
        "abstract": Markup(abstract_html(chapter)),
        "objectives": pick(lang, english.objectives.zh, english.objectives.en) if english else (),
        "key_terms": key_terms,
        "questions": pick(lang, english.questions.zh, english.questions.en) if english else (),
        "changes": [Markup(item) for item in describe_changes(chapter, msg)],
        "context": context_html(english, lang, terms),
        "about_translation": "",
    }


def chapter_zh(
    chapter: Chapter,
    english: EnglishChapter | None,
    site_url: str,
    terms: list[Term] | None = None,
    position: tuple[int, int] | None = None,
    translation: Translation | None = None,
) -> str:
    """The Chinese chapter page: the normalised original, complete, with the teaching blocks around it
    (and, where the chapter is translated, each paragraph's English to open in place)."""
    page = _page(chapter, english, "zh", terms, position)
    page["summary_href"] = _other_language(chapter, "zh", "summary")
    page["body"] = _body_zh(chapter, terms, english_links=True, translation=translation)
    page["cite"] = cite_html(chapter, english, "zh", site_url)
    return render("chapter.zh.md.j2", "zh", **page).rstrip() + "\n"


def english_number(heading: Heading) -> str:
    """The section number for the English heading, from the id: s3-1-2 -> 3.1.2 (none for named ids)."""
    parts = heading.id[1:].split("-") if heading.id.startswith("s") else []
    return ".".join(parts) if parts and all(p.isdigit() for p in parts) else ""


def _english_heading(heading: Heading, english: EnglishChapter | None) -> str:
    title = english.headings.get(heading.id) if english else None
    if not title:
        return heading_md(heading, ZH.html_lang)
    number = english_number(heading)
    prefix = f"{number} " if number else ""
    return f"{'#' * heading.level} {md_text(prefix + title)} {{ #{ident(heading.id)} }}"


def _english_md(text: str) -> str:
    """English for a Markdown heading, each Han run in a `<span lang="zh-Hans">` (voiced as Chinese)."""
    out, last = [], 0
    for m in HAN_RUN.finditer(text):
        out.append(md_text(text[last : m.start()]))
        out.append(f'<span lang="zh-Hans">{md_text(m.group())}</span>')
        last = m.end()
    out.append(md_text(text[last:]))
    return "".join(out)


def _english_paragraphs(text: str, marker: Marker | None) -> list[Markup]:
    """Hand-written English as HTML paragraphs, first uses of glossary terms linked (if `marker`)."""
    paras = [" ".join(p.split("\n")) for p in text.split("\n\n") if p.strip()]
    return [Markup(f"<p>{marker.mark(p) if marker else english_html(p)}</p>") for p in paras]


def _labelled_sections(chapter: Chapter) -> list[tuple[Heading | None, list[Block]]]:
    """The chapter's sections, cut again before every block the editors label (〔结语〕 inside a section).

    On the English page a label is a heading outside the collapsed original, so that its id
    (`text-conclusion`) is on both pages, as every section id is.
    """
    out: list[tuple[Heading | None, list[Block]]] = []
    for heading, blocks in sections(chapter):
        start = 0
        for i, block in enumerate(blocks):
            if i > 0 and block.id in chapter.labels:
                out.append((heading if start == 0 else None, blocks[start:i]))
                start = i
        out.append((heading if start == 0 else None, blocks[start:]))
    return out


def chapter_en(
    chapter: Chapter,
    english: EnglishChapter | None,
    site_url: str,
    terms: list[Term] | None = None,
    position: tuple[int, int] | None = None,
    translation: Translation | None = None,
) -> str:
    """The English reading page: section by section the summary, then the Chinese original collapsible or,
    where the chapter is translated, the summary as a reading guide and the text as English-Chinese pairs."""
    marker = Marker(terms, "en", GLOSSARY_HREF) if terms else None
    zh_marker = Marker(terms, "zh", GLOSSARY_HREF) if terms else None
    tr_marker = Marker(terms, "en", GLOSSARY_HREF) if terms else None
    page = _page(chapter, english, "en", terms, position)
    page["translation"] = translation
    page["reading_modes"] = Markup(reading_modes_html()) if translation else ""
    page["front_translation"] = Markup(front_translation_html(translation)) if translation else ""
    page["about_translation"] = Markup(about_translation_html(translation)) if translation else ""
    page["summary"] = _english_paragraphs(english.summary, marker) if english else []
    page["sections"] = []
    for heading, blocks in _labelled_sections(chapter):
        section: dict[str, Any] = {"heading": None, "label": None, "original": [], "after": []}
        if heading is None and blocks and blocks[0].id in chapter.labels:  # the opening text: its label
            section["label"] = Markup(label_md(chapter, blocks[0].id, EN))
        if heading:
            for m in (marker, zh_marker, tr_marker):
                if m:
                    m.new_section()
            text = english.sections.get(heading.id) if english else None
            links = links_html(chapter, heading.id, "en") if chapter.links.get(heading.id) else ""
            translated = translation.blocks.get(heading.id) if translation else None
            title = (
                f"{'#' * heading.level} {_english_md(translated)} {{ #{ident(heading.id)} }}"
                if isinstance(translated, str) and translated
                else _english_heading(heading, english)
            )
            guide = _english_paragraphs(text, marker) if text else []
            section.update(
                heading=Markup(title),
                guide=Markup(
                    f'<div class="reading-guide"><p class="reading-guide-label">{EN.reading_guide}</p>'
                    + "".join(guide)
                    + "</div>"
                )
                if guide
                else "",
                chinese_href=_other_language(chapter, "en", heading.id),
                chinese_heading=heading.text,
                summary=_english_paragraphs(text, marker) if text else [],
                links=Markup(links),
            )
        if translation:
            for block in blocks:
                if block.id in chapter.labels and section["label"] is None:
                    label = html_text(EN.text_labels[chapter.labels[block.id]])
                    section["after"].append(Markup(f'<p class="text-label">{label}</p>'))
                if isinstance(block, (Paragraph, Table)):
                    english_block = translation.blocks.get(block.id)
                    section["after"].append(Markup(pair_html(block, english_block, tr_marker, zh_marker)))
                section["after"] += [
                    Markup(note_html(note.en, EN)) for note in chapter.notes.get(block.id, [])
                ]
                if chapter.links.get(block.id):
                    section["after"].append(Markup(links_html(chapter, block.id, "en")))
            page["sections"].append(section)
            continue
        if blocks:
            section["original"] = _blocks(
                blocks, chapter, ZH, notes=False, links=False, marker=zh_marker, label_headings=False
            )
        for block in blocks:
            section["after"] += [Markup(note_html(note.en, EN)) for note in chapter.notes.get(block.id, [])]
            if chapter.links.get(block.id):
                section["after"].append(Markup(links_html(chapter, block.id, "en")))
        page["sections"].append(section)
    page["cite"] = cite_html(chapter, english, "en", site_url)
    return render("chapter.en.md.j2", "en", **page).rstrip() + "\n"
