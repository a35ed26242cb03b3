"""A first manifest for a new source, drafted by reading the text: layout, page furniture, front matter,
first-page notes, headings without numbers. Everything it decides is data a person can correct."""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from clusterdocs.errors import SourceError
from clusterdocs.ingest import normalise as fold
from clusterdocs.ingest.layout import FRONT_LABEL, Measure, detect_measure, width
from clusterdocs.ingest.manifest import (
    PAGE_ANCHORS,
    AuthorNote,
    ChapterSpec,
    DeclaredHeading,
    FrontSpan,
    Manifest,
    Removal,
    load_manifest,
)
from clusterdocs.ingest.model import Chapter, Heading
from clusterdocs.ingest.numbering import numbered
from clusterdocs.ingest.repairs import Line, RawTable, apply_repairs, raw_lines
from clusterdocs.ingest.structure import build_chapters, paragraph_lines, unmarked_byline

TODO = "TODO"
"""Marks a value the drafter could not read from the text; the diagnostic lists every one."""

_PAGE_NUMBER = re.compile(r"^\s*[-\u2013—·•\u2027\u30fb]?\s*\d{1,4}\s*[-\u2013—·•\u2027\u30fb]?\s*$")
_INLINE_PAGE_NUMBER = re.compile(r"[·•\u2027\u30fb]\s*\d{1,4}\s*[·•\u2027\u30fb]")
_NOT_HEAD_ENDS = "。！？；，,.;"
"""A running head names a journal or an author; a line ending like a sentence or a reference is text."""
_AUTHOR_HEAD = re.compile(r"^\S{2,4}等\s*[:：]")
"""A running head naming the first author (`陈静等：…`)."""
_JOURNAL_MARK = re.compile(
    r"第\s*\d+\s*[卷期]|\d{4}\s*年\s*第\s*\d+\s*期|Vol\.\s*\d|No\.\s*\d|ISSN|CN\s*\d{2}-"
)
_NOTE_LABELS = {
    "收稿日期": "收稿日期 (date received)",
    "修回日期": "修回日期 (date revised)",
    "基金项目": "基金项目 (funding)",
    "作者简介": "作者简介 (about the authors)",
    "通讯作者": "通讯作者 (corresponding author)",
    "通信作者": "通信作者 (corresponding author)",
    "第一作者": "第一作者 (first author)",
}
_NOTE = re.compile(r"^\s*[*＊]?\s*(" + "|".join(_NOTE_LABELS) + ")")
_ABSTRACT_ZH = re.compile(r"^\s*(?:【\s*)?(?:摘\s*要|内容摘要|内容提要|提\s*要)")
_KEYWORDS_ZH = re.compile(r"^\s*(?:【\s*)?关\s*键\s*词\s*】?\s*[:：]?\s*")
_CLASSIFICATION = re.compile(r"^\s*【?\s*(?:中图分类号|中图法分类号|文献标识码|文章编号|DOI|doi)")
_ABSTRACT_EN = re.compile(r"^\s*(?:Abstract|ABSTRACT)\b")
_KEYWORDS_EN = re.compile(r"^\s*(?:Key\s*words|KEY\s*WORDS|Keywords|KEYWORDS)\s*[:：]?\s*")
_REFERENCE_ENTRY = re.compile(r"^\s*\[\d{1,3}\]")
_INSTITUTION = re.compile(
    r"大学|学院|研究所|研究院|研究中心|党校|公司|政府|委员会|[省市县]\S{0,8}[局厅办委]|\d{6}"
)
_ORGANISATION = re.compile(r"(?:课题组|研究组|编辑部|委员会|研究院|研究所|研究中心|办公室|[局厅委])$")
_NAMED_HEADINGS = {
    "引言": "introduction",
    "前言": "introduction",
    "导言": "introduction",
    "问题的提出": "introduction",
    "结语": "conclusion",
    "结论": "conclusion",
    "结束语": "conclusion",
    "结论与讨论": "conclusion",
    "结论与建议": "conclusion",
    "结论与启示": "conclusion",
    "参考文献": "references",
    "致谢": "acknowledgements",
    "附录": "appendix",
}
_STOPWORDS = {
    "a",
    "an",
    "and",
    "the",
    "of",
    "in",
    "on",
    "for",
    "to",
    "from",
    "with",
    "based",
    "its",
    "at",
    "by",
}


def _latin(text: str) -> bool:
    """Whether a line is mostly Latin letters (the English block, references in English)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isascii() for ch in letters) >= 0.8 * len(letters)


def _key(text: str) -> str:
    """A line with its numbers and spacing blurred, to find running heads that repeat page after page."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip()))


def _q(text: str) -> str:
    """`text` as a YAML double-quoted scalar (JSON's string syntax is a subset of YAML's)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass
class _Span:
    """Source lines (indices into the draft's line list) and what they are."""

    first: int
    last: int
    kind: str
    reason: str = ""


@dataclass
class _Draft:
    """What the drafter has decided so far."""

    source: str
    lines: list[Line]
    layout: str
    measure: Measure | None
    removals: list[Removal] = field(default_factory=list)
    notes: list[_Span] = field(default_factory=list)
    front: list[_Span] = field(default_factory=list)
    joins: list[int] = field(default_factory=list)
    title: str = ""
    title_en: str = ""
    title_in_source: bool = False
    byline: str | None = None
    keywords_zh: list[str] = field(default_factory=list)
    keywords_en: list[str] = field(default_factory=list)
    abstract_zh: str = ""
    abstract_en: str = ""
    headings: list[DeclaredHeading] = field(default_factory=list)
    not_headings: list[str] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    """What the source shows, for the manifest's description (`hard-wrapped`, `page numbers`…)."""

    def text(self, index: int) -> str:
        return self.lines[index].text

    def snippet(self, index: int, after_removals: list[Line]) -> str | None:
        """The shortest start of line `index` (at least twelve characters) found in no other line."""
        number = self.lines[index].number
        line = next((x for x in after_removals if x.number == number), None)
        if line is None:
            return None
        text = line.text.strip()
        others = [x.text for x in after_removals if x.number != number]
        for end in range(min(12, len(text)), len(text) + 1):
            piece = text[:end].strip()
            if piece and line.text.count(piece) == 1 and not any(piece in o for o in others):
                return piece
        return None


def _layout(lines: list[Line]) -> str:
    """`lines` when paragraphs stand one per line, else `measured` (hard-wrapped)."""
    widths = sorted(width(x.text.strip()) for x in lines)
    long_share = sum(w for w in widths if w > 160) / max(1, sum(widths))
    return "lines" if long_share > 0.5 else "measured"


def _page_numbers(d: _Draft) -> set[int]:
    """The lines that hold nothing but a page number (`·112·`, `- 3 -`, `12`)."""
    return {i for i, x in enumerate(d.lines) if _PAGE_NUMBER.match(x.text)}


def _furniture(d: _Draft, pages: set[int], notes: set[int]) -> set[int]:
    """Page numbers and running heads: removals, by line number (or by text when glued into a line)."""
    counts = Counter(_key(x.text) for x in d.lines)
    removed: set[int] = set()
    for i, line in enumerate(d.lines):
        text = line.text.strip()
        if i in notes:
            continue
        short = d.measure is None or not d.measure.full(text)
        head = (
            not text.endswith(tuple(_NOT_HEAD_ENDS))
            and re.search(r"[^\W\d_]{2}", text) is not None
            and not _REFERENCE_ENTRY.match(text)
            and not re.match(r"^\s*\[[A-Z]{1,2}\]", text)
            and numbered(text) is None
            and not FRONT_LABEL.match(text)
            and re.sub(r"[\s：:]", "", text) not in _NAMED_HEADINGS
            and (
                (short and (counts[_key(text)] >= 2 or {i - 1, i + 1} & pages or _AUTHOR_HEAD.match(text)))
                or (_JOURNAL_MARK.search(text) and (short or i < 3))
            )
        )
        if i in pages:
            d.removals.append(Removal(text, "页码 (page number)", line.number))
        elif head:
            d.removals.append(Removal(text, "页眉 (running head)", line.number))
        else:
            inline = _INLINE_PAGE_NUMBER.search(text)
            if inline and sum(inline.group() in x.text for x in d.lines) == 1:
                d.removals.append(Removal(inline.group(), "页码，插在句中 (page number inside a sentence)"))
            continue
        removed.add(i)
    if any(r.reason.startswith("页码") for r in d.removals):
        d.found.append("page numbers")
    if any(r.reason.startswith("页眉") for r in d.removals):
        d.found.append("running heads")
    return removed


def _page_notes(d: _Draft, removed: set[int]) -> set[int]:
    """First-page notes (收稿日期, 基金项目, 作者简介…): author notes, wherever they interrupt the text."""
    taken: set[int] = set()
    i = 0
    while i < len(d.lines):
        match = _NOTE.match(d.text(i))
        if i in removed or not match:
            i += 1
            continue
        last = i
        while (
            last + 1 < len(d.lines)
            and last + 1 not in removed
            and not _NOTE.match(d.text(last + 1))
            and (d.measure is not None and d.measure.full(d.text(last)))
        ):
            last += 1
        d.notes.append(_Span(i, last, "note", _NOTE_LABELS[match.group(1)]))
        taken |= set(range(i, last + 1))
        i = last + 1
    if taken:
        d.found.append("first-page notes")
    return taken


def _english_block(d: _Draft, skip: set[int]) -> set[int]:
    """The English title, authors, affiliations, Abstract and Key words, before or after the Chinese text."""
    starts = [i for i, x in enumerate(d.lines) if i not in skip and _ABSTRACT_EN.match(x.text)]
    if not starts:
        return set()
    a = starts[0]
    k = next((i for i in range(a + 1, len(d.lines)) if _KEYWORDS_EN.match(d.text(i))), None)
    end_abstract = (k - 1) if k is not None else a
    while k is None and end_abstract + 1 < len(d.lines) and _latin(d.text(end_abstract + 1)):
        end_abstract += 1
    spans = [_Span(a, end_abstract, "abstract_en")]
    if k is not None:
        end = k
        while end + 1 < len(d.lines) and end + 1 not in skip and _latin(d.text(end + 1)):
            if FRONT_LABEL.match(d.text(end + 1)) or _REFERENCE_ENTRY.match(d.text(end + 1)):
                break
            end += 1
        spans.append(_Span(k, end, "keywords_en"))
    before = a
    while (
        before - 1 >= 0
        and before - 1 not in skip
        and _latin(d.text(before - 1))
        and not _REFERENCE_ENTRY.match(d.text(before - 1))
        and not FRONT_LABEL.match(d.text(before - 1))
    ):
        before -= 1
    head = list(range(before, a))
    affiliations = next((i for i in head if d.text(i).lstrip().startswith(("(", "（"))), None)
    authors = [
        i
        for i in head[: (affiliations - before) if affiliations is not None else None]
        if re.search(r"[A-Za-z]\d|\b[A-Z]{2,}\s+[A-Z][a-z]", d.text(i))
    ]
    title_end = (authors[0] if authors else affiliations if affiliations is not None else a) - 1
    parts = []
    if title_end >= before:
        parts.append(_Span(before, title_end, "title_en"))
    if authors:
        parts.append(_Span(authors[0], authors[-1], "authors_en"))
    if affiliations is not None:
        parts.append(_Span(affiliations, a - 1, "affiliations_en"))
    spans = parts + spans
    d.front += spans
    joined = {s.kind: " ".join(d.text(i).strip() for i in range(s.first, s.last + 1)) for s in spans}
    d.title_en = re.sub(r"\s+", " ", joined.get("title_en", ""))
    d.abstract_en = _ABSTRACT_EN.sub("", joined.get("abstract_en", "")).lstrip(" :：")
    if "keywords_en" in joined:
        words = _KEYWORDS_EN.sub("", joined["keywords_en"])
        d.keywords_en = [w.strip() for w in re.split(r"[;；]" if re.search("[;；]", words) else ",", words)]
        d.keywords_en = [w for w in d.keywords_en if w]
    d.found.append("an English title and abstract")
    return {i for s in spans for i in range(s.first, s.last + 1)}


def _names(raw: str) -> str | None:
    """The names of a printed byline, joined by `，` (`陈  静1，李  明2*` -> `陈静，李明`), or None."""
    text = unmarked_byline(raw.strip())
    if len(text) > 60 or "。" in text or not re.search(f"[{fold.IDEOGRAPH}]", text):
        return None
    if _ORGANISATION.search(text):
        return re.sub(r"\s+", "", text)
    parts = [p for p in re.split(r"[，,、；;]", text) if p.strip()]
    if len(parts) == 1:  # names parted by spaces; a two-character name may be spaced out (陈  静)
        parts = text.split()
        merged: list[str] = []
        for p in parts:
            if merged and len(merged[-1]) == 1 and len(p) == 1:
                merged[-1] += p
            else:
                merged.append(p)
        parts = merged
    names = [re.sub(r"\s+", "", p) for p in parts]
    if not all(re.fullmatch(f"[{fold.IDEOGRAPH}·]{{2,5}}", n) for n in names):
        return None
    return "，".join(names)


def _groups(d: _Draft, skip: set[int]) -> list[list[int]]:
    """The lines not yet placed, grouped into paragraphs the way the normaliser will read them."""
    index = {x.number: i for i, x in enumerate(d.lines)}
    m = replace(_manifest(d, chapters=False), removals=tuple(r for r in d.removals if r.line is None))
    kept = [x for i, x in enumerate(d.lines) if i not in skip]
    items = apply_repairs(m, kept).items
    groups = []
    for g in paragraph_lines(items, m, d.measure):
        lines = list(g.lines) if isinstance(g, RawTable) else g
        groups.append([index[x.number] for x in lines])
    return groups


def _joined(d: _Draft, group: list[int]) -> str:
    text = d.text(group[0])
    for i in group[1:]:
        text = fold.join_lines(text, d.text(i))
    return text


def _front_matter(d: _Draft, groups: list[list[int]]) -> list[list[int]]:
    """Title, subtitle, byline, affiliations, 摘要, 关键词 and classification lines at the top; the rest."""
    rest = list(groups)

    def text(group: list[int]) -> str:
        return _joined(d, group).strip()

    if rest and not FRONT_LABEL.match(text(rest[0])):
        first = text(rest[0])
        if len(first) <= 60 and "。" not in first and numbered(first) is None:
            title = rest.pop(0)
            d.title_in_source = True
            d.title = first
            if rest and re.match(r"^\s*(?:——|―|\uff0d\uff0d|--|—)", text(rest[0])):
                subtitle = rest.pop(0)
                d.joins.append(title[-1])
                d.title = fold.join_lines(first, text(subtitle))
                d.found.append("a subtitle")
    if rest and d.title_in_source:
        names = _names(text(rest[0]))
        if names:
            rest.pop(0)
            d.byline = names
    while rest and (
        re.match(r"^\s*(?:作者)?单位\s*[:：]", text(rest[0]))
        or (text(rest[0]).startswith(("（", "(")) and _INSTITUTION.search(text(rest[0])))
    ):
        group = rest.pop(0)
        d.notes.append(_Span(group[0], group[-1], "note", "作者单位 (affiliations)"))
    while rest:
        t = text(rest[0])
        if _ABSTRACT_ZH.match(t):
            kind = "abstract"
            d.abstract_zh = re.sub(
                r"^(?:【\s*)?(?:摘\s*要|内容摘要|内容提要|提\s*要)\s*】?\s*[:：]?\s*", "", t
            )
        elif _KEYWORDS_ZH.match(t):
            kind = "keywords"
            words = _KEYWORDS_ZH.sub("", t)
            d.keywords_zh = [w for w in re.split(r"[；;，,、\s]+", words) if w]
        elif _CLASSIFICATION.match(t):
            kind = "classification"
        else:
            break
        group = rest.pop(0)
        d.front.append(_Span(group[0], group[-1], kind))
    return rest


def _unnumbered_headings(d: _Draft, body: list[list[int]]) -> None:
    """Short lines in the body that stand alone without closing punctuation: 引言, 结语, 参考文献…"""
    used = set()
    for n, group in enumerate(body):
        text = fold.normalise(_joined(d, group), False, Counter())
        bare = text.rstrip("：:")
        if (
            len(group) != 1
            or len(bare) > 16
            or not bare
            or bare[-1] in "。！？，、.!?,"
            or re.search(r"[。；;]|\d", bare)
            or numbered(text)
            or _REFERENCE_ENTRY.match(text)
            or re.match(r"^(?:表|图|Table|Fig)", text)
            or n + 1 >= len(body)
        ):
            continue
        heading_id = _NAMED_HEADINGS.get(re.sub(r"\s+", "", bare), f"section-{len(d.headings) + 1}")
        while heading_id in used or heading_id in PAGE_ANCHORS:
            heading_id += "-2"
        used.add(heading_id)
        d.headings.append(DeclaredHeading(text, heading_id, 2))
    if any(h.id == "references" for h in d.headings):
        d.found.append("a reference list")


def _slug(d: _Draft, number: str, taken: set[str]) -> str:
    words = [w for w in re.findall(r"[a-z0-9]+", d.title_en.lower()) if w not in _STOPWORDS]
    slug = "-".join(words[:5]) or f"text-{number}"
    candidate, k = slug, 2
    while candidate in taken:
        candidate, k = f"{slug}-{k}", k + 1
    return candidate


def _first_sentence(text: str, stop: str, limit: int) -> str:
    head = re.split(f"(?<=[{stop}])", text.strip(), maxsplit=1)[0].strip()
    return head if len(head) <= limit else head[: limit - 1] + "…"


def _manifest(d: _Draft, chapters: bool = True) -> Manifest:
    """The draft as a Manifest object, without its snippets (for grouping lines as the normaliser will)."""
    spec = ChapterSpec(
        slug="draft",
        title_zh=d.title or f"{TODO} 标题",
        title_en=d.title_en or f"{TODO}: English title",
        title_in_source=d.title_in_source,
        byline=d.byline,
        byline_in_source=d.byline is not None,
        start=None,
        keywords_zh=tuple(d.keywords_zh),
        keywords_en=tuple(d.keywords_en),
        headings=tuple(d.headings),
        not_headings=tuple(d.not_headings),
    )
    return Manifest(
        path=Path(d.source).with_suffix(".yml"),
        source=d.source,
        layout=d.layout,
        stray_spaces=False,
        description_zh="",
        description_en="",
        chapters=(spec,) if chapters else (),
    )


def _descriptions(d: _Draft) -> tuple[str, str]:
    zh = {
        "page numbers": "页码",
        "running heads": "页眉",
        "first-page notes": "首页脚注（收稿日期、基金项目、作者简介）",
        "an English title and abstract": "英文标题与摘要",
        "a subtitle": "副标题",
        "a reference list": "参考文献",
    }
    if d.layout == "measured":
        assert d.measure is not None
        head_zh = f"期刊论文，PDF 提取文本：硬换行（每行约 {d.measure.columns // 2} 字）"
        head_en = (
            f"Journal article, PDF-extracted: hard-wrapped lines (about {d.measure.columns // 2} characters)"
        )
    else:
        head_zh, head_en = "PDF 提取文本：每段一行", "PDF-extracted text: one paragraph per line"
    parts_zh = [zh[f] for f in d.found if f in zh]
    parts_en = [f for f in d.found if f in zh]
    text_zh = head_zh + ("，含" + "、".join(parts_zh) if parts_zh else "") + "。"
    text_en = head_en + (", with " + ", ".join(parts_en) if parts_en else "") + "."
    return text_zh, text_en


def draft(text: str, source: str, taken_slugs: set[str]) -> str:
    """A manifest (YAML) for the source file `source` holding `text`; it builds as it is."""
    lines = raw_lines(text)
    layout = _layout(lines)
    measure = detect_measure([x.text for x in lines]) if layout == "measured" else None
    d = _Draft(source, lines, layout, measure)
    pages = _page_numbers(d)
    notes = _page_notes(d, pages)
    placed = _furniture(d, pages, notes) | notes
    placed |= _english_block(d, placed)
    body = _front_matter(d, _groups(d, placed))
    _unnumbered_headings(d, body)
    number = source.split("_", 1)[0]
    slug = _slug(d, number, taken_slugs)
    for _ in range(len(lines)):
        manifest = _yaml(d, slug)
        try:
            [chapter] = check_draft(manifest, text, source)
        except SourceError as err:
            if not _resolve(d, err):
                raise
            continue
        if not _numbered_references(d, chapter):
            return manifest
    raise AssertionError("unreachable: every retry settles one more heading")


def _resolve(d: _Draft, err: SourceError) -> bool:
    """Settle a clash the normaliser found in the draft; False if it is not one the drafter can settle."""
    clash = re.search(r"two sections get the id '[^']*' \('(.*)' and '(.*)'\)", err.message)
    if clash and clash.group(2) not in d.not_headings:
        d.not_headings.append(clash.group(2))
        return True
    return False


def _numbered_references(d: _Draft, chapter: Chapter) -> bool:
    """Entries of the reference list numbered `1.` read as headings: declare them not headings."""
    after = False
    found = False
    for block in chapter.blocks:
        if isinstance(block, Heading) and block.id == "references":
            after = True
        elif isinstance(block, Heading) and after:
            d.not_headings.append(block.text)
            found = True
    return found


def check_draft(manifest: str, text: str, source: str) -> list[Chapter]:
    """Build the drafted manifest against its text in memory (a SourceError if it does not build)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(source).with_suffix(".yml").name
        path.write_text(manifest, encoding="utf-8")
        return build_chapters(load_manifest(path), text)


def _yaml(d: _Draft, slug: str) -> str:
    """The manifest's text, every key commented for the person who checks it."""
    kept = apply_repairs(replace(_manifest(d), removals=tuple(d.removals)), d.lines).items
    after = [x for x in kept if isinstance(x, Line)]
    whole = d.lines

    def snip(index: int) -> str:
        found = d.snippet(index, after) or d.snippet(index, whole)
        return found if found is not None else d.text(index).strip()

    desc_zh, desc_en = _descriptions(d)
    out = [
        f"# Manifest for {d.source}, drafted by `make add-source` from the text. Check it against the",
        '# diagnostic add-source printed, correct it here (README: "Add a text"), then `make build`.',
        f"# The raw text beside it is never edited. Values marked {TODO} could not be read from the text.",
        f"source: {d.source}",
    ]
    if d.layout == "measured":
        assert d.measure is not None
        out.append(
            f"layout: measured          # hard-wrapped; a full line is {d.measure.columns} columns "
            "(add `measure: <columns>` to change)"
        )
    else:
        out.append("layout: lines             # one paragraph per line")
    out += ["description:", f"  zh: {_q(desc_zh)}", f"  en: {_q(desc_en)}"]
    if d.removals:
        out.append("removals:                  # page furniture taken out of the text")
        for r in d.removals:
            where = f"line: {r.line}, " if r.line is not None else ""
            out.append(f"  - {{{where}text: {_q(r.text)}, reason: {_q(r.reason)}}}")
    if d.notes:
        out.append("author_notes:              # lines moved out of the text into the note on the byline")
        for s in sorted(d.notes, key=lambda s: s.first):
            note = AuthorNote(snip(s.first), snip(s.last), s.reason)
            out.append(f"  - {{first: {_q(note.first)}, last: {_q(note.last)}, reason: {_q(note.reason)}}}")
    if d.front:
        out.append("front:                     # front matter kept beside the abstract (kinds: README)")
        for s in sorted(d.front, key=lambda s: s.first):
            span = FrontSpan(s.kind, snip(s.first), snip(s.last))
            last = f", last: {_q(span.last)}" if span.last != span.first else ""
            out.append(f"  - {{kind: {span.kind}, first: {_q(span.first)}{last}}}")
    if d.joins:
        out.append("joins:                     # a paragraph goes on after the line holding this text")
        out += [f"  - {_q(snip(j))}" for j in d.joins]
    out.append("breaks: []                 # a paragraph ends after the line holding each text")
    out += ["chapters:", f"  - slug: {slug}"]
    title_zh, title_en = d.title or f"{TODO} 标题", d.title_en or f"{TODO}: English title"
    out += [
        f"    title: {{zh: {_q(title_zh)}, en: {_q(title_en)}}}",
        f"    title_in_source: {'true' if d.title_in_source else 'false'}",
    ]
    if d.byline:
        out += [f"    byline: {_q(d.byline)}", "    byline_in_source: true"]
    zh_words = ", ".join(_q(w) for w in d.keywords_zh) or _q(f"{TODO} 关键词")
    en_words = ", ".join(_q(w) for w in d.keywords_en)
    out += ["    keywords:", f"      zh: [{zh_words}]", f"      en: [{en_words}]"]
    if d.headings:
        out.append("    headings:                # headings the text prints without a number")
        out += [f"      - {{text: {_q(h.text)}, id: {h.id}, level: {h.level}}}" for h in d.headings]
    out.append(
        f"    not_headings: [{', '.join(_q(t) for t in d.not_headings)}]"
        "   # numbered lines that are not headings"
    )
    about_zh = (
        _first_sentence(d.abstract_zh, "。；", 120) if d.abstract_zh else f"{TODO} 一句话说明本文内容。"
    )
    about_en = (
        _first_sentence(d.abstract_en, ".", 200)
        if d.abstract_en
        else f"{TODO}: one sentence on what the text is about."
    )
    out += ["    description:", f"      zh: {_q(about_zh)}", f"      en: {_q(about_en)}"]
    return "\n".join(out) + "\n"
