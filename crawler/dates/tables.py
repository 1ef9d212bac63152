"""The date vocabularies (data/*.yaml), matched on the length-keeping fold of crawler.textnorm."""

from __future__ import annotations

from pathlib import Path

from crawler.vocab import alternation as alternation
from crawler.vocab import fold
from crawler.vocab import load as _load_file

DATA = Path(__file__).resolve().parent / "data"


def _load(name: str) -> dict:
    return _load_file(DATA / name)


CALENDAR = _load("calendar.yaml")
CUES = _load("cues.yaml")

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

#: folded month name -> month number, every region and language
MONTHS: dict[str, int] = {}
for _num, _styles in CALENDAR["months"].items():
    for _style, _names in _styles.items():
        for _n in _names:
            _f = fold(_n)
            if MONTHS.get(_f, int(_num)) != int(_num):
                raise ValueError(f"calendar.yaml: month name {_n!r} is listed under two months")
            MONTHS[_f] = int(_num)

#: folded weekday name -> English weekday name
WEEKDAY_NAMES: dict[str, str] = {fold(n): wd for wd, names in CALENDAR["weekdays"].items() for n in names}
for _wd in CALENDAR["weekdays"]:
    if _wd not in WEEKDAYS:
        raise ValueError(f"calendar.yaml: weekdays: unknown key {_wd!r}")

#: folded relative-day word -> offset in days
RELATIVE_DAYS: dict[str, int] = {fold(n): int(k)
                                 for k, names in CALENDAR["relative_days"].items() for n in names}


def folded_set(words) -> set[str]:
    return {fold(w) for w in words}
