"""Index pages and lists that several pages share: the chapter list in both languages."""

from __future__ import annotations

from .escape import md_text
from .render import front_matter
from .structure import Chapter


def chapter_list(chapters: list[Chapter], lang: str, prefix: str) -> str:
    """A Markdown list of chapters, each linked (`prefix` leads from the page to docs/) with its description."""
    lines = []
    for c in chapters:
        title = c.title_zh if lang == "zh" else c.spec.title_en
        description = c.spec.description_zh if lang == "zh" else c.spec.description_en
        other = c.spec.title_en if lang == "zh" else c.title_zh
        lines.append(f"- [{md_text(title)}]({prefix}chapters/{c.slug}/index.md)  \n  *{md_text(other)}* — {md_text(description)}")
    return "\n".join(lines)


def chapters_index(chapters: list[Chapter], lang: str) -> str:
    """The chapters index page."""
    title = "章节" if lang == "zh" else "Chapters"
    generated = "\n".join(front_matter(title, "seeds/*.yml"))
    if lang == "zh":
        head = ["# 章节", "", "五份原始文本共整理为九章。每章是原文的完整规范化版本，附英文导读页。", ""]
    else:
        head = ["# Chapters", "",
                "The five source texts make nine chapters. Each chapter page in Chinese is the complete normalised "
                "original; each English page summarises it section by section, with the Chinese at hand.", ""]
    body = chapter_list(chapters, lang, "../").replace("](../chapters/", "](")
    return generated + "\n".join(head) + body + "\n"
