"""One schema for every input: a bad input is one line naming the file and the key path (real loaders)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from clusterdocs import yamlio
from clusterdocs.content.cases import link_cases, load_cases, load_clusters
from clusterdocs.content.datasets import load_all
from clusterdocs.content.english import load_all_english
from clusterdocs.content.glossary import load_extra_terms, load_glossary
from clusterdocs.errors import SourceError
from clusterdocs.ingest.corpus import load_corpus
from clusterdocs.schema import ID_PATTERN

ROOT = Path(__file__).resolve().parents[1]
ZHUZHOU = "seeds/000_231aad93862a9ce3.yml"  # tables and moves
SCIENCE = "seeds/002_c2486b4e052c9345.yml"  # declared headings in its second chapter
HUBEI = "seeds/004_db9e5c3568965ac3.yml"  # the simplest manifest
CHAPTERS, _ = load_corpus()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the seeds and the content, to break."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _change(path: Path, change: Callable[[object], object]) -> None:
    """Load a YAML file, change the data, write it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(change(data), allow_unicode=True, sort_keys=False), encoding="utf-8")


def _error(call: Callable[[], object]) -> str:
    with pytest.raises(SourceError) as caught:
        call()
    message = str(caught.value)
    assert "\n" not in message
    return message


def _corpus_error(project: Path) -> str:
    return _error(lambda: load_corpus(project / "seeds"))


# --- YAML itself


def test_a_duplicate_key_is_refused_with_its_line(project: Path) -> None:  # review 2.2
    _edit(project / HUBEI, "layout: wrapped\n", "layout: wrapped\nlayout: lines\n")
    assert _corpus_error(project) == f"{HUBEI}:line 4: invalid YAML (duplicate key 'layout')"


def test_a_duplicate_key_in_a_nested_mapping_is_refused(project: Path) -> None:
    _edit(project / HUBEI, '  en: "An excerpt', '  zh: 重复\n  en: "An excerpt')
    assert _corpus_error(project) == f"{HUBEI}:line 6: invalid YAML (duplicate key 'zh')"


def test_yaml_is_parsed_once_per_version_of_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = []
    real = yamlio._parse
    monkeypatch.setattr(yamlio, "_parse", lambda text, name: parsed.append(name) or real(text, name))
    path = tmp_path / "a.yml"
    path.write_text("items: [1, 2]\n", encoding="utf-8")
    first = yamlio.read_yaml(path, "a.yml")
    first["items"].append(3)  # a caller changing its copy does not change the next caller's
    assert yamlio.read_yaml(path, "a.yml") == {"items": [1, 2]}
    assert parsed == ["a.yml"]
    before = path.stat()
    path.write_text("items: [7, 8]\n", encoding="utf-8")  # same size; same mtime, as within one clock tick
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert yamlio.read_yaml(path, "a.yml") == {"items": [7, 8]}
    assert parsed == ["a.yml", "a.yml"]


def test_libyaml_parses_when_pyyaml_has_it() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip(
            "this PyYAML was built without libyaml"
        )  # the venv's wheel has it; the fallback is SafeLoader
    assert issubclass(yamlio._StrictLoader, yaml.CSafeLoader)


def test_a_content_file_in_another_encoding_is_one_line(project: Path) -> None:
    path = project / "content" / "glossary.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    message = _error(lambda: load_glossary(path))
    assert message.startswith("content/glossary.yml:line 4: not UTF-8 (byte 0x")  # line 4: the first Chinese


def test_a_binary_content_file_is_one_line(project: Path) -> None:
    path = project / "content" / "cases.yml"
    path.write_bytes(b"- id: x\n\x00\x01\x02")
    assert (
        _error(lambda: load_cases(path))
        == "content/cases.yml:line 2: binary data (NUL byte): not a text file"
    )


# --- symlinks and orphans


def test_a_symlinked_seed_is_refused(project: Path) -> None:  # review 2.21
    (project / "seeds" / "007_link.txt").symlink_to("/etc/passwd")
    (project / "seeds" / "007_link.yml").write_text(
        "source: 007_link.txt\nlayout: lines\ndescription: {zh: x, en: x}\nchapters:\n"
        "  - slug: leak\n    title: {zh: 泄露, en: Leak}\n    title_in_source: false\n"
        "    keywords: {zh: [x], en: [x]}\n    description: {zh: x, en: x}\n",
        encoding="utf-8",
    )
    assert _corpus_error(project) == "seeds/007_link.txt: is a symbolic link; inputs must be regular files"


def test_a_symlinked_content_file_is_refused(project: Path) -> None:
    path = project / "content" / "glossary.yml"
    path.rename(project / "glossary-elsewhere.yml")
    path.symlink_to(project / "glossary-elsewhere.yml")
    assert _error(lambda: load_glossary(path)) == (
        "content/glossary.yml: is a symbolic link; inputs must be regular files"
    )


def test_a_seed_without_a_manifest_is_refused(project: Path) -> None:  # review 2.20
    (project / "seeds" / "005_orphan.txt").write_text("一段没有清单的文字。\n", encoding="utf-8")
    assert _corpus_error(project) == "seeds/005_orphan.txt: no manifest: every seed needs 005_orphan.yml"


def test_a_csv_without_metadata_is_refused(project: Path) -> None:  # review 3.16
    (project / "content" / "data" / "xiqiao-firms.yml").unlink()
    assert _error(lambda: load_all(CHAPTERS, project / "content" / "data")) == (
        "content/data/xiqiao-firms.csv: no metadata: every CSV needs xiqiao-firms.yml"
    )


def test_an_english_file_without_its_chapter_is_refused(project: Path) -> None:  # review 3.22
    shutil.copy(project / "content/en/zhuzhou.yml", project / "content/en/no-such-chapter.yml")
    assert _error(lambda: load_all_english(CHAPTERS, project / "content" / "en")) == (
        "content/en/no-such-chapter.yml: no chapter has the slug 'no-such-chapter' (seeds/*.yml)"
    )


@pytest.mark.parametrize("key", ["sections", "headings"])
def test_english_for_a_section_the_chapter_lacks_is_refused(project: Path, key: str) -> None:  # review 3.22
    path = project / "content/en/hubei-county-clusters.yml"
    _change(path, lambda d: {**d, key: {**d[key], "s99": "A section that is not there"}})
    assert _error(lambda: load_all_english(CHAPTERS, project / "content" / "en")) == (
        f"content/en/hubei-county-clusters.yml:{key}.s99: chapter hubei-county-clusters has no section 's99'"
    )


# --- manifests


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("header_groups: [2, 2]", "header_groups: [two, 2]", "expected an integer of at least 1, got 'two'"),
        ("header_groups: [2, 2]", "header_groups: [-5, 2]", "expected an integer of at least 1, got -5"),
    ],
)
def test_table_header_groups_are_counts_of_lines(project: Path, old: str, new: str, expected: str) -> None:
    _edit(project / ZHUZHOU, old, new)  # review 2.6
    assert _corpus_error(project) == f"{ZHUZHOU}:tables[0].header_groups[0]: {expected}"


def test_table_caption_lines_must_leave_rows(project: Path) -> None:  # review 2.6
    _edit(project / ZHUZHOU, "caption_lines: 3", "caption_lines: 100")
    assert _corpus_error(project) == (
        f"{ZHUZHOU}:tables[0].caption_lines: "
        "100 caption and 4 header lines leave no row in the table's 18 lines"
    )


@pytest.mark.parametrize(
    ("manifest", "old", "new", "place"),
    [
        (ZHUZHOU, '    after: "表 1. 2000 年', '    befor: x\n    after: "表 1. 2000 年', "moves[0].befor"),
        (ZHUZHOU, "    columns: 4\n", "    columns: 4\n    colums: 4\n", "tables[0].colums"),
        ("seeds/001_5136c81e1a320945.yml", "{line: 68,", "{lien: 68,", "removals[1].lien"),
    ],
)
def test_unknown_keys_inside_moves_tables_and_removals(
    project: Path, manifest: str, old: str, new: str, place: str
) -> None:  # review 2.8
    _edit(project / manifest, old, new)
    message = _corpus_error(project)
    assert message.startswith(f"{manifest}:{place}: unknown key (expected one of: "), message


def test_an_unknown_language_in_a_description_is_refused(project: Path) -> None:  # review 2.8
    _change(project / HUBEI, lambda d: {**d, "description": {**d["description"], "fr": "Un extrait"}})
    assert _corpus_error(project) == f"{HUBEI}:description.fr: unknown key (expected one of: en, zh)"


def test_the_same_block_moved_twice_is_refused(project: Path) -> None:  # review 2.10
    def twice(data: dict) -> dict:
        again = {**data["moves"][1], "after": "是一剂灵丹妙药"}
        return {**data, "moves": [*data["moves"], again]}

    _change(project / ZHUZHOU, twice)
    assert _corpus_error(project) == (
        f"{ZHUZHOU}:moves[8].first: a block starting at '工业化模式包括早期工业化' used twice "
        "(first at moves[1].first)"
    )


def test_a_table_id_equal_to_a_section_id_is_refused(project: Path) -> None:  # review 2.14
    _edit(project / ZHUZHOU, "  - id: table-1", "  - id: s2")
    assert (
        _corpus_error(project)
        == f"{ZHUZHOU}:tables[0].id: id 's2' names both a section and a table of zhuzhou"
    )


def test_a_declared_heading_id_shaped_like_a_paragraph_id_is_refused(project: Path) -> None:  # review 2.14
    _edit(project / SCIENCE, "id: definition,", "id: p1,")
    assert _corpus_error(project) == (
        f"{SCIENCE}:chapters[1].headings[0].id: 'p1' has the form of a paragraph id (…p<number>)"
    )


def test_a_declared_heading_id_the_page_uses_is_refused(project: Path) -> None:
    _edit(project / SCIENCE, "id: definition,", "id: summary,")
    assert _corpus_error(project) == (
        f"{SCIENCE}:chapters[1].headings[0].id: 'summary' is an id the chapter page uses itself"
    )


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ('"hubei county clusters"', "'hubei county clusters' is not an id"),  # review 2.16
        ("../../../pwned-slug-outside", "'../../../pwned-slug-outside' is not an id"),  # review 2.15
        ("Hubei", "'Hubei' is not an id"),
        ('"-hubei"', "'-hubei' is not an id"),
    ],
)
def test_slugs_match_the_one_id_pattern(project: Path, slug: str, expected: str) -> None:
    _edit(project / HUBEI, "slug: hubei-county-clusters", f"slug: {slug}")
    message = _corpus_error(project)
    assert (
        message
        == f"{HUBEI}:chapters[0].slug: {expected} (lower-case letters, digits and hyphens: {ID_PATTERN})"
    )


def test_an_empty_slug_is_refused(project: Path) -> None:  # review 2.17
    _edit(project / HUBEI, "slug: hubei-county-clusters", 'slug: ""')
    assert _corpus_error(project) == f"{HUBEI}:chapters[0].slug: expected non-empty text"


def test_a_title_on_two_lines_is_refused(project: Path) -> None:
    _change(
        project / HUBEI,
        lambda d: {
            **d,
            "chapters": [{**d["chapters"][0], "title": {"zh": "推进", "en": "Policy\n---\n<b>x</b>"}}],
        },
    )
    assert _corpus_error(project) == f"{HUBEI}:chapters[0].title.en: must be one line (found U+000A)"


def test_a_string_where_a_list_belongs_is_refused(project: Path) -> None:
    _edit(
        project / HUBEI,
        "      zh: [产业集群, 县域经济, 龙头企业, 产业配套, 工业园区, 湖北]",
        "      zh: 产业集群",
    )
    assert _corpus_error(project) == f"{HUBEI}:chapters[0].keywords.zh: expected a list, got text"


def test_a_missing_seeds_folder_is_refused(tmp_path: Path) -> None:
    assert (
        _error(lambda: load_corpus(tmp_path / "nowhere"))
        == f"{tmp_path / 'nowhere'}: no such folder of seeds"
    )


# --- data sets

DATA_FILE = "content/data/xiqiao-firms.yml"


def _data_error(project: Path, change: Callable[[dict], dict]) -> str:
    _change(project / DATA_FILE, change)
    return _error(lambda: load_all(CHAPTERS, project / "content" / "data"))


def _chart(**chart: object) -> Callable[[dict], dict]:
    return lambda d: {**d, "chart": {**d["chart"], **chart}}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_chart(x="nonexistent"), "chart.x: 'nonexistent' is not a column of the data set"),
        (lambda d: {**d, "chart": True}, "chart: expected a mapping, got true or false"),
        (lambda d: {**d, "checks": ["a string"]}, "checks[0]: expected a mapping, got text"),
        (
            lambda d: {
                **d,
                "columns": [{**d["columns"][0], "values_en": ["Weaving mills"]}, d["columns"][1]],
            },
            "columns[0].values_en: expected a mapping, got a list",
        ),
        (lambda d: {**d, "notes": ["a", "b"]}, "notes: expected a mapping, got a list"),
        (_chart(type="pie"), "chart.type: must be one of bar, grouped-bar, line, got 'pie'"),  # review 3.16
        (_chart(y="firm_type"), "chart.y: 'firm_type' is not a number column"),
        (_chart(type="grouped-bar"), "chart.group: a grouped-bar chart needs `group`, other charts none"),
        (
            lambda d: {**d, "checks": [{"type": "sum", "column": "firms"}]},
            "checks[0].stated: missing required key",
        ),
        (
            lambda d: {**d, "checks": [{**d["checks"][0], "years": 3}]},
            "checks[0].years: not a key of a sum check",
        ),
        (lambda d: {**d, "id": "Xiqiao Firms"}, "id: 'Xiqiao Firms' is not an id"),
    ],
)
def test_bad_data_set_metadata_is_one_line(
    project: Path, change: Callable[[dict], dict], expected: str
) -> None:
    assert _data_error(project, change).startswith(f"{DATA_FILE}:{expected}")  # review 3.15, 3.16


def test_an_unknown_key_in_data_set_metadata_is_refused(project: Path) -> None:  # review 3.16
    message = _data_error(project, lambda d: {**d, "chaptr": d["chapter"]})
    assert message.startswith(f"{DATA_FILE}:chaptr: unknown key (expected one of: ")


def test_a_csv_with_a_bom_is_read_as_without(project: Path) -> None:  # review 3.14
    folder = project / "content" / "data"
    plain = {ds.id: ds for ds in load_all(CHAPTERS, folder)}["xiqiao-firms"]
    csv_path = folder / "xiqiao-firms.csv"
    csv_path.write_bytes(b"\xef\xbb\xbf" + csv_path.read_bytes().replace(b"\n", b"\r\n"))
    with_bom = {ds.id: ds for ds in load_all(CHAPTERS, folder)}["xiqiao-firms"]
    assert with_bom.rows == plain.rows
    assert with_bom.csv_text == plain.csv_text


# --- glossary, cases, clusters, extra terms


def test_a_glossary_that_is_a_mapping_is_refused(project: Path) -> None:  # review 3.17
    path = project / "content" / "glossary.yml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert (
        _error(lambda: load_glossary(path))
        == "content/glossary.yml:top level: expected a list, got a mapping"
    )


def test_a_glossary_item_that_is_text_is_refused(project: Path) -> None:  # review 3.17
    path = project / "content" / "glossary.yml"
    _change(path, lambda d: ["industrial cluster", *d[1:]])
    assert _error(lambda: load_glossary(path)) == "content/glossary.yml:[0]: expected a mapping, got text"


@pytest.mark.parametrize("text", ["", "# every term was deleted\n"])
def test_an_empty_glossary_is_refused(project: Path, text: str) -> None:  # review 3.19
    path = project / "content" / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    assert (
        _error(lambda: load_glossary(path)) == "content/glossary.yml:top level: expected a list, got nothing"
    )


def test_glossary_variants_as_text_are_refused(project: Path) -> None:  # review 3.18
    path = project / "content" / "glossary.yml"
    _edit(path, "variants_zh: [聚集效应]", "variants_zh: 聚集效应")
    assert (
        _error(lambda: load_glossary(path))
        == "content/glossary.yml:[2].variants_zh: expected a list, got text"
    )


def test_a_glossary_id_that_is_markup_is_refused(project: Path) -> None:
    path = project / "content" / "glossary.yml"
    _edit(path, "- id: industrial-cluster\n", "- id: 'x\" onmouseover=\"alert(73)'\n")
    assert _error(lambda: load_glossary(path)).startswith(
        "content/glossary.yml:[0].id: 'x\" onmouseover=\"alert(73)' is not an id"
    )


CASES = "content/cases.yml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("name: {zh: 硅谷, en: Silicon Valley}", "name: 硅谷", "[0].name: expected a mapping, got text"),
        ("name: {zh: 硅谷, en: Silicon Valley}", "name: {zh: 硅谷}", "[0].name.en: missing required key"),
        (
            "aliases_zh: [硅谷, 斯坦福]",
            "aliases_zh: 硅谷",
            "[0].aliases_zh: expected a list, got text",
        ),  # 3.18
        ("- id: silicon-valley", "- id: ../../../pwned-case", "[0].id: '../../../pwned-case' is not an id"),
        (
            "- id: silicon-valley",
            "- id: compare",
            "[0].id: 'compare' is the address of another page under cases/",
        ),
    ],
)
def test_bad_cases_are_one_line(project: Path, old: str, new: str, expected: str) -> None:  # review 3.17
    path = project / CASES
    _edit(path, old, new)
    assert _error(lambda: load_cases(path)).startswith(f"{CASES}:{expected}")


def test_a_timeline_entry_that_is_text_is_refused(project: Path) -> None:  # review 3.17
    path = project / CASES
    _change(path, lambda d: [{**d[0], "timeline": ["1951: Stanford Industrial Park"]}, *d[1:]])
    assert _error(lambda: load_cases(path)) == f"{CASES}:[0].timeline[0]: expected a mapping, got text"


def test_a_case_argument_naming_no_chapter_is_refused(project: Path) -> None:
    path = project / CASES
    _edit(path, "- {chapter: science-parks,", "- {chapter: science-park,")
    cases = load_cases(path)
    assert _error(lambda: link_cases(cases, CHAPTERS)) == (
        f"{CASES}:[0].arguments[0].chapter: no chapter has the slug 'science-park'"
    )


def test_a_cluster_id_that_is_markup_is_refused(project: Path) -> None:
    path = project / "content" / "clusters.yml"
    _edit(path, "{id: liuyang-fireworks,", "{id: 'liuyang onmouseover=alert(87)',")
    assert _error(lambda: load_clusters(path)).startswith(
        "content/clusters.yml:[0].id: 'liuyang onmouseover=alert(87)' is not an id"
    )


def test_extra_terms_that_are_not_text_are_one_line(project: Path) -> None:  # review 3.21
    path = project / "content" / "search" / "extra-terms.txt"
    path.write_bytes(bytes(range(128, 256)) * 4)
    assert _error(lambda: load_extra_terms(path)) == (
        "content/search/extra-terms.txt:line 1: not UTF-8 (byte 0x80 at offset 0)"
    )


def test_extra_terms_are_words_one_a_line(project: Path) -> None:
    path = project / "content" / "search" / "extra-terms.txt"
    assert load_extra_terms(path)[:2] == ["专业镇", "块状经济"]
    path.write_text("专业镇\n\n块状 经济 n\n", encoding="utf-8")
    assert _error(lambda: load_extra_terms(path)) == (
        "content/search/extra-terms.txt:line 3: expected a word, optionally a count and a tag: '块状 经济 n'"
    )


# --- the real content validates as it is


def test_every_real_input_validates() -> None:
    assert load_glossary() and load_cases() and load_clusters() and load_extra_terms()
    english = load_all_english(CHAPTERS)
    assert all(english.values())
    assert len(load_all(CHAPTERS)) >= 10
