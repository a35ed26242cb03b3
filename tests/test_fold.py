"""Each character-level rule on its own, including the traps."""

from __future__ import annotations

import pytest

from clusterdocs.ingest import normalise as fold


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＧＤＰ２３．５亿元", "GDP23.5亿元"),
        ("同比增１５％", "同比增15%"),
        ("一．统一规划", "一．统一规划"),  # a full-width point after a Chinese numeral stays
        (
            "全角标点“，”（）：；不变",
            "全角标点“，”（）：；不变",
        ),  # Chinese punctuation stays Chinese (unlike NFKC)
        ("Ｆ127文献标识码:Ａ", "F127文献标识码:A"),
    ],
)
def test_fold_fullwidth(raw: str, expected: str) -> None:
    assert fold.fold_fullwidth(raw)[0] == expected


@pytest.mark.parametrize(
    ("raw", "stray", "expected"),
    [
        ("68 .13 亿元", False, "68.13 亿元"),
        ("9. 3 %o", False, "9.3%o"),
        ("占 37 .74 %", False, "占 37.74%"),
        ("共有1 000家", False, "共有1000家"),  # a thousands group inside a sentence is one number
        ("表1 2000年", False, "表1 2000年"),  # trap: a table number and a year are two numbers
        ("表 1. 2000 年", False, "表 1. 2000 年"),  # trap: "Table 1." followed by a year is no decimal
        ("2000 2010", True, "2000 2010"),  # two years stay apart even where wraps left spaces
        ("近1 00家", False, "近1 00家"),  # without declared stray spaces, not a thousands group
        ("近1 00家", True, "近100家"),  # with them, a wrap inside a number is joined
        ("同比增15 0%", True, "同比增150%"),
        ("ISO 9001 2000", True, "ISO 9001 2000"),  # Latin context: never joined
    ],
)
def test_join_split_numbers(raw: str, stray: bool, expected: str) -> None:
    assert fold.join_split_numbers(raw, stray)[0] == expected


def test_tidy_citations() -> None:
    assert fold.tidy_citations("密切[ 1] 。见[ 12 ]和[3]")[0] == "密切[1] 。见[12]和[3]"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("洪 艳", "洪艳"),
        ("摘  要：产业", "摘要：产业"),
        ("“引擎” 。", "“引擎”。"),
        ("2010 年度", "2010年度"),
        ("Industry Cluster 是", "Industry Cluster是"),  # spaces between Latin words stay
        ("3 + 5", "3 + 5"),
        ("船\u3000湾镇", "船湾镇"),
    ],
)
def test_remove_stray_spaces(raw: str, expected: str) -> None:
    assert fold.remove_stray_spaces(raw)[0] == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("集群, 以集群", "集群， 以集群"),
        ("关键词:产业集群;工业园区", "关键词：产业集群；工业园区"),
        ("到2010年,50个", "到2010年，50个"),
        ("比为1:18.9", "比为1:18.9"),  # a ratio keeps its colon
        ("共35,955家", "共35,955家"),  # a thousands comma stays
        ("品牌效应.这对于", "品牌效应。这对于"),
        ("version 1.2, released", "version 1.2, released"),
    ],
)
def test_widen_punctuation(raw: str, expected: str) -> None:
    assert fold.widen_punctuation(raw)[0] == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("产业 ", "集群", "产业集群"),
        ("industrial ", "clusters", "industrial clusters"),
        ("创税 8 .32 ", "亿元", "创税 8 .32亿元"),
    ],
)
def test_join_lines(left: str, right: str, expected: str) -> None:
    assert fold.join_lines(left, right) == expected
