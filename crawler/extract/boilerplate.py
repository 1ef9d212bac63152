"""Page furniture of news sites as data (data/boilerplate.yaml): the lines that end an article,
in-body "read also" links, share buttons and bylines."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from crawler.dates.tables import fold

DATA = Path(__file__).resolve().parent / "data" / "boilerplate.yaml"


@cache
def _data() -> dict[str, frozenset[str] | re.Pattern]:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    sets = {k: frozenset(_key(str(x)) for x in raw[k]) for k in ("end_of_article", "furniture")}
    alt = "|".join(re.escape(fold(x)) for x in sorted(raw["read_also"], key=len, reverse=True))
    by = "|".join(re.escape(fold(x)) for x in sorted(raw["byline"], key=len, reverse=True))
    return {**sets, "read_also": re.compile(rf"^\W*(?:{alt})\s*[:：\-–—]", re.IGNORECASE),
            "byline": re.compile(rf"^\W*(?:{by})\b", re.IGNORECASE)}


def _key(line: str) -> str:
    return " ".join(fold(line).strip(" :：-–—|•·").split())


def ends_article(line: str) -> bool:
    """"ذات صلة", "مقالات ذات صلة", "شارك المقال", "Read next", "Tags: …", "© …"."""
    k = _key(line)
    return k in _data()["end_of_article"] or k.split(":")[0].strip() in ("الوسوم", "tags", "mots-cles") \
        or line.lstrip().startswith("©")


def is_read_also(line: str) -> bool:
    """An in-body link to another article: "اقرأ أيضا: …", "À lire aussi : …", "Read also: …"."""
    return bool(_data()["read_also"].match(fold(line)))


def is_furniture(line: str) -> bool:
    """Share buttons, one-word menu items, counters: "Facebook", "واتساب", "389", "-"."""
    k = _key(line)
    if not k or k.replace(" ", "").isdigit():
        return True
    words = k.split()
    return k in _data()["furniture"] or all(w in _data()["furniture"] for w in words)


def is_byline(line: str) -> bool:
    return bool(_data()["byline"].match(fold(line)))
