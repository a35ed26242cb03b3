"""Citations of a page of the reader: GB/T 7714 (Chinese pages), APA (English pages) and BibTeX.

The access date is a placeholder that site.js fills with the reader's date in each format's convention; the
URL is the published address (SITE_URL) of the page in the language it is read in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from clusterdocs.escape import html_text, ident
from clusterdocs.site import urls
from clusterdocs.site.lang import messages, pick

AUTHOR_SEPARATORS = re.compile(r"[，、,;；]\s*")
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


@dataclass(frozen=True)
class Work:
    """What a citation names: who wrote it, its titles, where it is on the site."""

    key: str
    """A stable BibTeX key, e.g. the chapter's slug."""
    path: str
    """The page's path under the site root, in Chinese (`chapters/zhuzhou/`); English adds `en/`."""
    title_zh: str
    title_en: str
    authors_zh: tuple[str, ...] = ()
    authors_en: tuple[str, ...] = ()
    title_supplied: bool = False
    """The source prints no title: the editors' title is given in square brackets."""
    in_reader: bool = True
    """A page within the reader (the reader is named as its container); False for the whole reader."""


def authors(byline: str | None) -> tuple[str, ...]:
    """The names of a byline as printed (`陈静，李明`); none if the source names no author."""
    if not byline or "not stated" in byline.lower():
        return ()
    return tuple(name.strip() for name in AUTHOR_SEPARATORS.split(byline) if name.strip())


def _date(style: str, lang: str) -> str:
    placeholder = html_text(messages(lang).cite_date)
    return f'<span class="cite-date" data-date-style="{style}">{placeholder}</span>'


def _url(url: str) -> str:
    return f'<span class="cite-url">{html_text(url)}</span>'


def _title(title: str, supplied: bool) -> str:
    return f"[{title}]" if supplied else title


def gbt7714(work: Work, url: str) -> str:
    """GB/T 7714-2015, an electronic resource within the reader.

    `作者. 题名[EB/OL]//产业集群读本. [引用日期]. URL.`; no author: 佚名; over three: three and 等.
    """
    names = list(work.authors_zh[:3]) + (["等"] if len(work.authors_zh) > 3 else [])
    author = ", ".join(names) if names else messages("zh").cite_unknown_author
    title = _title(work.title_zh, work.title_supplied)
    container = f"//{html_text(messages('zh').site_name)}" if work.in_reader else ""
    return f"{html_text(author)}. {html_text(title)}[EB/OL]{container}. [{_date('iso', 'zh')}]. {_url(url)}."


def apa(work: Work, url: str) -> str:
    """APA (7th edition): the English title with the Chinese in brackets; with no author, the title first."""
    msg = messages("en")
    title = html_text(_title(work.title_en, work.title_supplied))
    title += f' [<span lang="zh-Hans">{html_text(work.title_zh)}</span>]'
    site = f"<i>{html_text(msg.site_name)}</i>"
    retrieved = f"Retrieved {_date('apa', 'en')}, from {_url(url)}"
    if not work.in_reader:  # the whole reader: its title in italics, no container
        title = f"<i>{html_text(_title(work.title_en, work.title_supplied))}</i>"
        title += f' [<span lang="zh-Hans">{html_text(work.title_zh)}</span>]'
        return f"{html_text(', '.join(work.authors_en))}. (n.d.). {title}. {retrieved}"
    if not work.authors_en:
        return f"{title}. (n.d.). In {site}. {retrieved}"
    names = work.authors_en
    author = html_text(names[-1])
    if len(names) > 1:
        author = html_text(", ".join(names[:-1])) + ", &amp; " + author
    return f"{author}. (n.d.). {title}. In {site}. {retrieved}"


def bibtex_text(text: str) -> str:
    """Text for a BibTeX field, its special characters escaped."""
    return "".join(BIBTEX_SPECIAL.get(ch, ch) for ch in text)


def bibtex(work: Work, url: str, lang: str) -> str:
    """A biblatex/BibTeX @misc entry (url, urldate); each author braced, so organisations stay whole."""
    names = pick(lang, work.authors_zh, work.authors_en)
    title = pick(lang, work.title_zh, work.title_en)
    fields = []
    if names:
        fields.append(("author", " and ".join("{" + bibtex_text(n) + "}" for n in names)))
    fields.append(("title", "{" + bibtex_text(_title(title, work.title_supplied)) + "}"))
    if lang == "en":
        fields.append(("note", "Chinese original: " + bibtex_text(work.title_zh)))
    if work.in_reader:
        fields.append(("howpublished", bibtex_text(messages(lang).site_name)))
    lines = [f"  {name} = {{{html_text(value)}}}," for name, value in fields]
    lines.append(f"  url = {{{_url(url)}}},")
    lines.append(f"  urldate = {{{_date('iso', lang)}}},")
    lines.append(f"  langid = {{{pick(lang, 'chinese', 'english')}}}")
    key = html_text(bibtex_text(f"clusterdocs-{work.key}" + pick(lang, "", "-en")))
    return "@misc{" + key + ",\n" + "\n".join(lines) + "\n}"


def citation_html(work: Work, lang: str, site_url: str, every_format: bool = False) -> Markup:
    """The citation block: the page's format (with `every_format`, GB/T 7714 and APA) and BibTeX, each with a
    copy button (shown by site.js).

    One raw HTML block with no blank line (the BibTeX line breaks are character references), so Markdown
    leaves it alone.
    """
    msg = messages(lang)
    url = urls.published(site_url, lang, work.path)
    formats = [("gbt7714", "GB/T 7714-2015", gbt7714(work, url)), ("apa", "APA", apa(work, url))]
    if not every_format:
        formats = formats[1:] if lang == "en" else formats[:1]
    items = []
    for name, label, body in [*formats, ("bibtex", "BibTeX", bibtex(work, url, lang))]:
        text_id = f"cite-{name}"
        tag = "pre" if name == "bibtex" else "p"
        text_lang = {"gbt7714": "zh", "apa": "en"}.get(name, "en")
        lang_attr = (
            "" if name != "bibtex" and text_lang == lang else f' lang="{pick(text_lang, "zh-Hans", "en")}"'
        )
        items.append(
            f'<div class="citation citation-{name}"><p class="citation-label">{label}</p>'
            f'<{tag} class="citation-text" id="{text_id}"{lang_attr}>{body.replace(chr(10), "&#10;")}</{tag}>'
            f'<button type="button" class="cite-copy md-button" data-copy="{text_id}" hidden>'
            f"{html_text(msg.cite_copy)}</button></div>"
        )
    scope = (
        f'<p class="cite-scope" hidden><span class="cite-scope-text"></span> '
        f'<button type="button" class="cite-whole md-button">{html_text(msg.cite_whole)}</button></p>'
    )
    attrs = (
        f'data-url="{html_text(url)}" data-copied="{html_text(msg.cite_copied)}" '
        f'data-para-action="{html_text(msg.cite_paragraph_action)}" '
        f'data-para-scope="{html_text(msg.cite_paragraph_scope)}" data-key="{ident(work.key)}"'
    )
    status = '<p class="cite-status" role="status"></p>'
    return Markup(f'<div class="citations" {attrs}>{scope}{"".join(items)}{status}</div>')
