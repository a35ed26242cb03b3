"""Every built page in both languages shows text, not Markdown: no link, list, emphasis or attribute list."""

from __future__ import annotations

import re
from pathlib import Path

from sitecheck import visible_lines

LEAKS = {
    "a Markdown link": re.compile(r"\]\("),
    "a Markdown list item": re.compile(r"^\s*[-*] "),
    "Markdown emphasis": re.compile(r"\*\*"),
    "a Markdown escape": re.compile(r"\\[\\`*_{}\[\]()#+\-.!|<>]"),
    "an attribute list": re.compile(r"\{ ?#|\{: "),
}
"""What Markdown syntax looks like when it reaches a reader unconverted."""


def leaks(html: str) -> list[str]:
    """Each line of visible text that shows Markdown syntax, with what it shows."""
    return [
        f"{what}: {line.strip()[:80]!r}"
        for line in visible_lines(html)
        for what, pattern in LEAKS.items()
        if pattern.search(line)
    ]


def test_the_check_finds_each_kind_of_leak() -> None:
    run_on_list = "<p>导读页。\n- <a href='a/'>株洲</a><br />\n  <em>Zhuzhou</em> — 分析</p>"
    assert [line.split(":")[0] for line in leaks(run_on_list)] == ["a Markdown list item"]
    kinds = {leak.split(":")[0] for leak in leaks("<p>见[图1](fig.md)，**重点**，New\\-Type，{ #s1 }</p>")}
    assert kinds == set(LEAKS) - {"a Markdown list item"}
    assert leaks("<h2>标题{: .note }</h2>") == ["an attribute list: '标题{: .note }'"]
    assert leaks("<p>正文</p><pre>- a\n**b**</pre><code>](x)</code><script>a**b</script>") == []
    assert leaks("<ul><li>第一项</li><li>第二项</li></ul><p>增长 3% — 见上文 - 完</p>") == []


def test_no_built_page_shows_markdown_syntax(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert any(p.relative_to(site).parts[0] == "en" for p in pages), "the English pages were not built"
    found = [f"{page.relative_to(site)}: {leak}" for page in pages for leak in leaks(page.read_text("utf-8"))]
    assert found == [], f"{len(found)} leaks:\n" + "\n".join(found[:30])
