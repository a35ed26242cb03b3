"""The books' text, from the project's model: each chapter as one XHTML fragment, per language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from clusterdocs.config import CONTENT
from clusterdocs.content.datasets import Dataset, load_all
from clusterdocs.content.english import EnglishChapter, load_all_english
from clusterdocs.content.translation import TranslatedTable, Translation, load_all_translations
from clusterdocs.escape import html_text, ident
from clusterdocs.ingest.model import Chapter, Heading, Table
from clusterdocs.site import urls
from clusterdocs.site.chapter import (
    about_translation_items,
    abstract_html,
    display_title,
    english_number,
    front_translation_items,
    named_authors,
    number_space,
)
from clusterdocs.site.context import context_html
from clusterdocs.site.data import chart_svg
from clusterdocs.site.lang import EN, ZH, BookMessages, book_messages, messages, pick
from clusterdocs.site.terms import english_html

CHART_STYLE = (
    "<style>text{font-family:'Noto Sans CJK SC','Reader CJK',sans-serif;font-size:14px;fill:#222}"
    ".series-0{fill:#00695c;stroke:#00695c}polyline.series-0{fill:none;stroke-width:2.5}"
    ".series-1{fill:#c2185b}.series-2{fill:#5d4037}.axis{stroke:#888}</style>"
)
"""The charts' colours and font inside each SVG: a book has no site stylesheet for inline SVG to inherit."""


@dataclass
class Notes:
    """A chapter's editorial notes as footnotes: floated in place (PDF), EPUB 3 footnotes (EPUB)."""

    prefix: str
    epub: bool
    asides: list[str] = field(default_factory=list)

    def call(self, text_html: str, lang: str) -> str:
        """The note's call at this place in the text (for the PDF, the note itself, floated to the foot)."""
        n = len(self.asides) + 1
        note_id = f"{self.prefix}fn{n}"
        if not self.epub:
            self.asides.append(note_id)
            return f'<span class="footnote" lang="{lang}">{text_html}</span>'
        self.asides.append(
            f'<aside epub:type="footnote" class="footnote" id="{note_id}" lang="{lang}">'
            f'<p><a href="#{note_id}-ref">{n}</a> {text_html}</p></aside>'
        )
        return f'<a epub:type="noteref" class="noteref" id="{note_id}-ref" href="#{note_id}">{n}</a>'

    def calls(self, texts_html: list[str], lang: str) -> str:
        """The calls of the notes on one block, in order, a comma between two (so that 2 and 3 do not read
        as 23)."""
        return '<sup class="call-sep">,</sup>'.join(self.call(text, lang) for text in texts_html)

    def end(self) -> str:
        """What follows the chapter's text: the EPUB's footnotes (the PDF's are at the feet of its pages)."""
        return "".join(self.asides) if self.epub else ""


@dataclass(frozen=True)
class BookChapter:
    """One chapter of a book: its anchor, title, web address and text as an XHTML fragment."""

    slug: str
    anchor: str
    title: str
    url: str
    body: str
    has_svg: bool


@dataclass(frozen=True)
class Book:
    """One language's book: its catalogue, title, the site's address and the chapters in reading order."""

    lang: str
    msg: BookMessages
    title: str
    site_url: str
    chapters: list[BookChapter]


@dataclass(frozen=True)
class Sources:
    """What the books are made from: the chapters and the hand-written content that goes with them."""

    chapters: list[Chapter]
    english: dict[str, EnglishChapter | None]
    translations: dict[str, Translation | None]
    datasets: dict[tuple[str, str], list[Dataset]]
    """(chapter slug, block id) -> the data sets that come from that block."""


def load_sources(chapters: list[Chapter], content: Path = CONTENT) -> Sources:
    """The hand-written content for `chapters`, validated as for the site."""
    by_block: dict[tuple[str, str], list[Dataset]] = {}
    for ds in load_all(chapters, content / "data"):
        for anchor in ds.anchors:
            by_block.setdefault((ds.chapter, anchor), []).append(ds)
    return Sources(
        chapters,
        load_all_english(chapters, content / "en"),
        load_all_translations(chapters, content / "translation"),
        by_block,
    )


def xhtml(fragment: str) -> str:
    """A fragment the site's code made for HTML, as XHTML (its line breaks closed)."""
    return str(fragment).replace("<br>", "<br/>")


def chapter_url(site_url: str, slug: str, lang: str) -> str:
    """A chapter's published address in `lang`."""
    return urls.published(site_url, lang, urls.chapter(slug))


_TAG = re.compile(r"<svg\b[^>]*>")


def _chart(ds: Dataset, lang: str) -> str:
    """A data set's chart with its own colours and font (an empty string if it declares none)."""
    svg = chart_svg(ds, lang)
    if not svg:
        return ""
    svg = svg.replace(' width="100%"', "", 1)
    opening = _TAG.search(svg)
    assert opening is not None
    return svg[: opening.end()] + CHART_STYLE + svg[opening.end() :]


def _datasets_html(sources: Sources, chapter: Chapter, block_id: str, lang: str, site_url: str) -> str:
    """The data sets from one block: each chart (if any), a caption naming the data set and its address."""
    msg = book_messages(lang)
    out = []
    for ds in sources.datasets.get((chapter.slug, block_id), []):
        page = urls.published(site_url, lang, urls.dataset(ds.id))
        title = html_text(pick(lang, ds.title_zh, ds.title_en))
        caption = (
            f'{html_text(msg.dataset)}{title} · <a class="url" href="{html_text(page)}">{html_text(page)}</a>'
        )
        chart = _chart(ds, lang)
        if chart:
            out.append(f'<figure class="chart">{chart}<figcaption>{caption}</figcaption></figure>')
        else:
            out.append(f'<p class="dataset">{caption}</p>')
    return "".join(out)


def heading_text(block: Heading) -> str:
    """A section heading as the source prints it, its number and title spaced as on the site."""
    return f"{block.number}{number_space(block)}{block.title}" if block.number else block.title


def _table(
    caption: str, header: list[tuple[str, int]], rows: tuple[tuple[str, ...], ...], anchor: str, note: str
) -> str:
    """A table with its caption (and any note's call after it); header cells span as printed."""
    head = "".join(
        f'<th scope="col" colspan="{span}">{html_text(text)}</th>'
        if span > 1
        else f"<th>{html_text(text)}</th>"
        for text, span in header
    )
    body = "".join("<tr>" + "".join(f"<td>{html_text(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<table id="{anchor}"><caption>{caption}{note}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _header(
    chapter: Chapter, place: tuple[int, int], lang: str, anchor: str, title: str, url: str
) -> list[str]:
    """The chapter's opening: its number, title (and for English the Chinese title) and web address."""
    msg, book = messages(lang), book_messages(lang)
    number = msg.chapter_number.format(n=place[0], total=place[1])
    out = [
        f'<p class="chapter-number">{html_text(number)}</p>',
        f'<h1 class="chapter-title" id="{anchor}">{html_text(title)}</h1>',
    ]
    if lang == "en":
        out.append(f'<p class="title-zh" lang="zh-Hans">{html_text(display_title(chapter, "zh"))}</p>')
    out.append(
        f'<p class="chapter-url">{html_text(book.online)}'
        f'<a class="url" href="{html_text(url)}">{html_text(url)}</a></p>'
    )
    return out


def _byline(chapter: Chapter, author: str | None, lang: str) -> str:
    """Who wrote the chapter, as its page says: the byline (or that the source names no one), then every
    author the text names with their office."""
    msg = messages(lang)
    lines = [(msg.author, author or msg.unknown_author)]
    named = named_authors(chapter, lang)
    space = " " if lang == "en" else ""
    if named:
        lines.append((msg.named_authors, named))
    return "".join(
        f'<p class="byline"><strong>{html_text(label)}{msg.colon}</strong>{space}{html_text(value)}</p>'
        for label, value in lines
    )


def _zh_chapter(
    sources: Sources, chapter: Chapter, place: tuple[int, int], site_url: str, epub: bool
) -> BookChapter:
    """The Chinese chapter: the normalised original with the editors' apparatus."""
    anchor = f"ch-{ident(chapter.slug)}"
    url = chapter_url(site_url, chapter.slug, "zh")
    title = display_title(chapter, "zh")
    notes = Notes(f"{anchor}-", epub)
    english = sources.english[chapter.slug]
    out = _header(chapter, place, "zh", anchor, title, url)
    out.append(_byline(chapter, chapter.byline, "zh"))
    if chapter.abstract:
        out.append(f'<p class="box-label">{html_text(ZH.summary)}</p>{abstract_html(chapter)}')
    elif english and english.abstract_zh:
        out.append(
            f'<div class="abstract editorial"><p class="box-label">{html_text(ZH.editorial_abstract)}</p>'
            f"<p>{html_text(english.abstract_zh)}</p></div>"
        )
    context = context_html(english, "zh")
    if context:
        out.append(xhtml(context))
    for block in chapter.blocks:
        prefix_id = f"{anchor}-{ident(block.id)}"
        if block.id in chapter.labels:
            out.append(f'<p class="text-label">{html_text(ZH.text_labels[chapter.labels[block.id]])}</p>')
        calls = notes.calls([html_text(note.zh) for note in chapter.notes.get(block.id, [])], "zh-Hans")
        if isinstance(block, Heading):
            level = min(block.level, 6)
            out.append(f'<h{level} id="{prefix_id}">{html_text(heading_text(block))}{calls}</h{level}>')
        elif isinstance(block, Table):
            caption = html_text(block.caption_zh)
            if block.caption_en:
                caption += f'<br/><span lang="en">{html_text(block.caption_en)}</span>'
            out.append(_table(caption, list(block.header), block.rows, prefix_id, calls))
        else:
            attrs = f'id="{prefix_id}" data-id="{ident(block.id)}"'
            out.append(f'<p class="para" {attrs}>{html_text(block.text)}{calls}</p>')
        out.append(_datasets_html(sources, chapter, block.id, "zh", site_url))
    out.append(notes.end())
    body = "".join(out)
    return BookChapter(chapter.slug, anchor, title, url, body, "<svg" in body)


def _english_paragraphs(text: str) -> str:
    """Hand-written English as paragraphs (blank lines part them), Han runs marked as Chinese."""
    return "".join(f"<p>{english_html(' '.join(p.split()))}</p>" for p in text.split("\n\n") if p.strip())


def _en_heading(block: Heading, english: EnglishChapter | None, translation: Translation | None) -> str:
    """A section heading in English: the translation's, else the reading page's, else the Chinese."""
    translated = translation.blocks.get(block.id) if translation else None
    if isinstance(translated, str) and translated:
        return english_html(translated)
    title = english.headings.get(block.id) if english else None
    if title:
        number = english_number(block)
        return english_html(f"{number} {title}" if number else title)
    return f'<span lang="zh-Hans">{html_text(heading_text(block))}</span>'


def _en_chapter(
    sources: Sources, chapter: Chapter, place: tuple[int, int], site_url: str, epub: bool
) -> BookChapter:
    """The English chapter: reading guide, context and the translation paragraph by paragraph."""
    anchor = f"ch-{ident(chapter.slug)}"
    url = chapter_url(site_url, chapter.slug, "en")
    title = display_title(chapter, "en")
    notes = Notes(f"{anchor}-", epub)
    english, translation = sources.english[chapter.slug], sources.translations[chapter.slug]
    book = book_messages("en")
    out = _header(chapter, place, "en", anchor, title, url)
    out.append(_byline(chapter, (english.byline_en if english else None) or chapter.byline, "en"))
    if english:
        out.append(
            f'<div class="guide"><p class="box-label">{html_text(book.reading_guide)}</p>'
            f"{_english_paragraphs(english.summary)}</div>"
        )
    context = context_html(english, "en")
    if context:
        out.append(xhtml(context))
    if translation:
        out.append(_front_translation(translation))
    for block in chapter.blocks:
        prefix_id = f"{anchor}-{ident(block.id)}"
        if block.id in chapter.labels:
            out.append(f'<p class="text-label">{html_text(EN.text_labels[chapter.labels[block.id]])}</p>')
        calls = notes.calls([english_html(note.en) for note in chapter.notes.get(block.id, [])], "en")
        translated = translation.blocks.get(block.id) if translation else None
        if isinstance(block, Heading):
            level = min(block.level, 6)
            out.append(
                f'<h{level} id="{prefix_id}">{_en_heading(block, english, translation)}{calls}</h{level}>'
            )
            guide = english.sections.get(block.id) if english else None
            if guide:
                out.append(f'<div class="section-guide">{_english_paragraphs(guide)}</div>')
        elif isinstance(block, Table):
            if isinstance(translated, TranslatedTable):
                spans = [s for _, s in block.header] if len(block.header) == len(translated.header) else None
                header = [(h, spans[i] if spans else 1) for i, h in enumerate(translated.header)]
                out.append(
                    _table(english_html(translated.caption), header, translated.rows, prefix_id, calls)
                )
            else:
                table = _table(html_text(block.caption_zh), list(block.header), block.rows, prefix_id, calls)
                out.append(f'<div lang="zh-Hans">{table}</div>')
        elif isinstance(translated, str) and translated:
            paras = [" ".join(p.split()) for p in translated.split("\n\n") if p.strip()]
            for i, p in enumerate(paras):
                last = i == len(paras) - 1
                id_attr = f' id="{prefix_id}" data-id="{ident(block.id)}"' if i == 0 else ""
                out.append(f'<p class="para"{id_attr}>{english_html(p)}{calls if last else ""}</p>')
        else:
            out.append(
                f'<p class="untranslated">{html_text(book.untranslated)}</p>'
                f'<p class="para" id="{prefix_id}" lang="zh-Hans">{html_text(block.text)}{calls}</p>'
            )
        out.append(_datasets_html(sources, chapter, block.id, "en", site_url))
    out.append(notes.end())
    if translation:
        out.append(_about_translation(translation))
    body = "".join(out)
    return BookChapter(chapter.slug, anchor, title, url, body, "<svg" in body)


def _front_translation(translation: Translation) -> str:
    """The translation of the source's printed front matter, as a list of labelled items ("" if none)."""
    items = front_translation_items(translation)
    if not items:
        return ""
    return (
        f'<div class="front-translation"><p class="box-label">{html_text(EN.front_translated)}</p>'
        f"<dl>{items}</dl></div>"
    )


def _about_translation(translation: Translation) -> str:
    """Who translated the chapter and how it was checked."""
    return (
        f'<div class="about-translation"><p class="box-label">{html_text(EN.about_translation)}</p>'
        f"<dl>{about_translation_items(translation)}</dl></div>"
    )


def make_book(sources: Sources, lang: str, site_url: str, epub: bool) -> Book:
    """One language's book (`epub`: footnotes as EPUB 3 notes at each chapter's end, else floated)."""
    build = _zh_chapter if lang == "zh" else _en_chapter
    total = len(sources.chapters)
    chapters = [
        build(sources, c, (n, total), site_url, epub) for n, c in enumerate(sources.chapters, start=1)
    ]
    msg = messages(lang)
    return Book(lang, book_messages(lang), msg.site_name, site_url, chapters)
