"""Index pages and lists that several pages share: the chapter list in both languages."""

from __future__ import annotations

from collections.abc import Callable

from clusterdocs.content.glossary import Term
from clusterdocs.escape import html_text, ident, md_text
from clusterdocs.ingest.model import Chapter
from clusterdocs.site import urls
from clusterdocs.site.lang import messages, pick
from clusterdocs.site.page import front_matter


def chapter_list(chapters: list[Chapter], lang: str, prefix: str) -> str:
    """A Markdown list of chapters, each linked (`prefix` leads from the page to docs/) and described."""
    return _chapter_items(chapters, lang, lambda c: prefix + urls.md_link(urls.HOME, urls.chapter(c.slug)))


def _chapter_items(chapters: list[Chapter], lang: str, href: Callable[[Chapter], str]) -> str:
    lines = []
    for c in chapters:
        title, other = pick(lang, (c.title_zh, c.spec.title_en), (c.spec.title_en, c.title_zh))
        description = pick(lang, c.spec.description_zh, c.spec.description_en)
        lines.append(f"- [{md_text(title)}]({href(c)})  \n  *{md_text(other)}* — {md_text(description)}")
    return "\n".join(lines)


def chapters_index(chapters: list[Chapter], lang: str) -> str:
    """The chapters index page."""
    msg = messages(lang)
    generated = "\n".join(front_matter(msg.chapters, "seeds/*.yml"))
    head = [f"# {msg.chapters}", "", msg.chapters_intro, ""]
    body = _chapter_items(chapters, lang, lambda c: urls.md_link(urls.CHAPTERS, urls.chapter(c.slug)))
    return generated + "\n".join(head) + "\n" + body + "\n"  # a blank line before the list


def glossary_page(terms: list[Term], used: dict[str, list[Chapter]], lang: str) -> str:
    """The glossary in one language: each term with pinyin, the other language, a definition, its chapters."""
    msg = messages(lang)
    lines = [*front_matter(msg.glossary, "content/glossary.yml"), f"# {msg.glossary}", ""]
    lines += [msg.glossary_intro.format(n=len(terms)), ""]
    rows = []
    for t in sorted(terms, key=lambda t: pick(lang, t.pinyin, t.en.lower())):
        chapters = ", ".join(
            f'<a href="{html_text(urls.link(urls.GLOSSARY, urls.chapter(c.slug)))}">'
            f"{html_text(pick(lang, c.title_zh, c.spec.title_en))}</a>"
            for c in used[t.id]
        )
        zh, en = html_text(t.zh), html_text(t.en)
        name, other = pick(lang, (zh, f'<span lang="en">{en}</span>'), (en, f'<span lang="zh">{zh}</span>'))
        pinyin, definition = html_text(t.pinyin), html_text(pick(lang, t.def_zh, t.def_en))
        # Chinese: term, pinyin, English; English: term, Chinese, pinyin (as the column heads say).
        cells = pick(
            lang, [f"<strong>{name}</strong>", pinyin, other], [f"<strong>{name}</strong>", other, pinyin]
        )
        cells += [definition, chapters]
        rows.append(f'<tr id="{ident(t.id)}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f'<th scope="col">{h}</th>' for h in msg.glossary_columns)
    table = f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
    lines.append(f'<div class="table-wrap"><table>{table}</table></div>')
    return "\n".join(lines) + "\n"
