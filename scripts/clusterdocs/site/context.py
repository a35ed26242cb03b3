"""The policy-context box of a chapter page: the editors' note on the text's date, genre, issuer and terms."""

from __future__ import annotations

from markupsafe import Markup

from clusterdocs.content.english import EnglishChapter
from clusterdocs.content.glossary import Term
from clusterdocs.escape import html_text
from clusterdocs.site import urls
from clusterdocs.site.lang import messages
from clusterdocs.site.terms import Marker

GLOSSARY_HREF = urls.link(urls.chapter("any"), urls.GLOSSARY)
"""From a chapter page (all are at the same depth) to the glossary of the same language."""


def context_html(english: EnglishChapter | None, lang: str, terms: list[Term] | None = None) -> Markup | None:
    """The box in `lang` (glossary terms linked at their first use), its references listed; None if none."""
    if english is None or english.context is None:
        return None
    msg = messages(lang)
    context = english.context
    text = context.zh if lang == "zh" else context.en
    marker = Marker(terms, lang, GLOSSARY_HREF) if terms else None
    paragraphs = [" ".join(p.split("\n")) for p in text.split("\n\n") if p.strip()]
    body = "".join(f"<p>{marker.mark(p) if marker else html_text(p)}</p>" for p in paragraphs)
    references = ""
    if context.references:
        items = "".join(
            f'<li><a href="{html_text(r.url)}" lang="en">{html_text(r.title)}</a></li>'
            for r in context.references
        )
        references = f'<p class="context-references">{msg.context_references}</p><ul>{items}</ul>'
    index = 0 if lang == "zh" else 1
    facts = (
        f'<p class="context-facts"><strong>{msg.context_date}{msg.link_colon}</strong>'
        f"{html_text(context.date[index])}<br><strong>{msg.context_genre}{msg.link_colon}</strong>"
        f"{html_text(context.genre[index])}</p>"
    )
    return Markup(
        f'<aside class="abstract context" id="context" aria-labelledby="context-label" '
        f'lang="{msg.html_lang}">'
        f'<p class="abstract-label" id="context-label">{msg.context}</p>{facts}{body}{references}</aside>'
    )
