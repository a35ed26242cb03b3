"""Data sets: schema, provenance, figures traced to their passage, consistency checks, pandas round trip."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clusterdocs.content.datasets import DATA, load_all
from clusterdocs.errors import SourceError
from clusterdocs.ingest.model import Chapter
from clusterdocs.site.data import chart_svg, check_text, table_html

FIXTURES = Path(__file__).parent / "fixtures" / "data"


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_data(self, data) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for f in FIXTURES.iterdir():
        shutil.copy(f, tmp_path)
    return tmp_path


def test_fixture_links_to_its_paragraph_and_flags_what_does_not_add_up(
    folder: Path, chapters: list[Chapter]
) -> None:
    [ds] = load_all(chapters, folder)
    assert ds.anchors == ["s4-2-p1"]
    total, growth = ds.checks
    assert (total.printed, total.computed, total.agrees) == ("1670", "1695", False)
    assert (growth.printed, growth.computed, growth.agrees) == ("26.7", "37.1", False)
    assert "1695" in check_text(total, "zh") and "1670" in check_text(total, "en")


def test_tables_render_exactly_what_the_csv_holds(folder: Path, chapters: list[Chapter]) -> None:
    [ds] = load_all(chapters, folder)
    parser = _Cells()
    parser.feed(table_html(ds, "zh"))
    header, *body = [r for r in parser.rows if r]
    assert header == ["企业类型", "企业数（家）"]
    assert body == [[r["firm_type"], r["firms"]] for r in ds.rows]
    english = _Cells()
    english.feed(table_html(ds, "en"))
    assert english.rows[1] == ["Weaving mills", "1636"]


def test_the_chart_is_labelled_svg_with_the_printed_values(folder: Path, chapters: list[Chapter]) -> None:
    [ds] = load_all(chapters, folder)
    svg = chart_svg(ds, "en")
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "Weaving mills" in svg and ">1636<" in svg


@pytest.mark.parametrize(
    ("edit", "place"),
    [
        (
            lambda d: (d / "xiqiao-fixture.csv").write_text("type,firms\n纺织厂,1636\n", encoding="utf-8"),
            "row 1",
        ),
        (
            lambda d: (d / "xiqiao-fixture.csv").write_text(
                "firm_type,firms\n纺织厂,1,6,3,6\n", encoding="utf-8"
            ),
            "row 2",
        ),
        (
            lambda d: (d / "xiqiao-fixture.csv").write_text(
                "firm_type,firms\n纺织厂,约1636\n", encoding="utf-8"
            ),
            "row 2, column firms",
        ),
        (
            lambda d: (d / "xiqiao-fixture.csv").write_text(
                "firm_type,firms\n毛纺厂,1636\n", encoding="utf-8"
            ),
            "columns.firm_type.values_en",
        ),
        (
            lambda d: (d / "xiqiao-fixture.csv").write_text(
                "firm_type,firms\n纺织厂,1637\n", encoding="utf-8"
            ),
            "row 2, column firms",
        ),
    ],
)
def test_a_malformed_data_set_names_the_file_row_and_column(
    folder: Path, chapters: list[Chapter], edit, place: str
) -> None:
    edit(folder)
    with pytest.raises(SourceError) as err:
        load_all(chapters, folder)
    assert "xiqiao-fixture" in str(err.value) and place in str(err.value)


def test_every_published_data_set_is_valid_and_traced(chapters: list[Chapter]) -> None:
    datasets = load_all(chapters, DATA)
    assert len(datasets) >= 10
    for ds in datasets:
        assert ds.anchors, ds.id
