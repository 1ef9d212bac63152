"""The date vocabularies (data/*.yaml) and the length-keeping fold they are matched on."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"

_MARK = "\x00"  # a character the fold drops (tashkeel, tatweel); removed with an index map


def _fold_char(c: str) -> str:
    if c == "\u0640":
        return _MARK
    if c in "ىی":
        return "ي"
    if c == "ة":
        return "ه"
    if c == "ک":
        return "ك"
    if c in "’`´":
        return "'"
    if "\u0660" <= c <= "\u0669":
        return chr(ord(c) - 0x0660 + 48)
    if "\u06f0" <= c <= "\u06f9":
        return chr(ord(c) - 0x06F0 + 48)
    base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
    if not base:
        return _MARK
    base = base.lower()
    return base if len(base) == 1 else c


def _table() -> dict[int, str]:
    table = {}
    for cp in list(range(0x41, 0x250)) + list(range(0x0600, 0x0700)) + [0x2018, 0x2019, 0x60, 0xB4]:
        c = chr(cp)
        f = _fold_char(c)
        if f != c:
            table[cp] = f
    return table


_TABLE = _table()


def fold_map(text: str) -> tuple[str, list[int] | None]:
    """Fold `text` for matching: hamza forms of alef/waw/ya to the base letter, ى→ي, ة→ه,
    tashkeel and tatweel dropped, Latin lower case without accents, Eastern digits to 0-9.

    Returns the folded text and, when characters were dropped, the index in `text` of each
    folded character (None when the fold kept every character, so indices are the same).
    Unlike `crawler.textnorm.fold`, it keeps punctuation and spacing, so spans map back.
    """
    t = text.translate(_TABLE)
    if _MARK not in t:
        return t, None
    pos = [i for i, c in enumerate(t) if c != _MARK]
    return t.replace(_MARK, ""), pos


def fold(text: str) -> str:
    return fold_map(text)[0]


def _load(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


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


def alternation(words) -> str:
    """A regex alternation of folded words, longest first, spaces matching any run of spaces."""
    items = sorted({fold(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)
