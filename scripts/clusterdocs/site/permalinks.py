"""The section permalinks' title in the page's language: Markdown's toc extension writes one title, from
mkdocs.yml, for both languages (the Chinese one), so English pages get theirs here."""

from __future__ import annotations

import re

from clusterdocs.site.lang import EN, ZH

_CHINESE_TITLE = re.compile(
    r'(<a class="headerlink" href="#[^"]*" title=")' + re.escape(ZH.section_link) + '"'
)


def localised_permalinks(html: str, lang: str) -> str:
    """The built page with its section permalinks titled in `lang`."""
    if lang == ZH.lang:
        return html
    return _CHINESE_TITLE.sub(lambda m: f'{m.group(1)}{EN.section_link}"', html)
