"""Figures in text: every number, and Chinese-unit conversions such as "68.13亿元 (6.813 billion yuan)"."""

from __future__ import annotations

import re
from decimal import Decimal

NUMBER = re.compile(
    r"(?<![0-9_.])\d[\d,]*(?:\.\d+)?(?!\d|st\b|nd\b|rd\b|th\b)"
)  # 11th is a name, not a figure
CHINESE_UNIT = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}
SCALE = {
    "trillion": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "thousand": Decimal(10) ** 3,
}
CONVERSION = re.compile(
    r"(?P<value>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万亿|亿|万)[\u4e00-\u9fff]*\s*\((?:about |some )?"
    r"(?P<english>\d[\d,]*(?:\.\d+)?)(?:\s+(?P<scale>trillion|billion|million|thousand))?"
)


def _plain(number: str) -> str:
    return number.replace(",", "")


def numbers_in(text: str) -> set[str]:
    """Every number in a text, thousands commas removed."""
    return {_plain(n) for n in NUMBER.findall(text)}


def conversions(text: str) -> tuple[list[str], set[str]]:
    """(errors in conversions, the English-side numbers they account for)."""
    errors, covered = [], set()
    for m in CONVERSION.finditer(text):
        value = Decimal(_plain(m["value"])) * CHINESE_UNIT[m["unit"]]
        english = Decimal(_plain(m["english"])) * SCALE.get(m["scale"] or "", Decimal(1))
        covered.add(_plain(m["english"]))
        if value != english:
            errors.append(f"{m.group(0)!r}: {m['value']}{m['unit']} is {value:,} not {english:,}")
    return errors, covered


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""The English month names, January first (dates written the English way: 2月 is February)."""
