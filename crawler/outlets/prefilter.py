"""Cheap pre-filter run before the heavy pipeline: does a page mention Hammouchi or his services?"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import yaml

from crawler.textnorm import fold, words

TERMS_FILE = Path(__file__).with_name("prefilter.yaml")


def load_terms(path: Path = TERMS_FILE) -> tuple[str, ...]:
    """Every signal of the terms file, folded."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(sorted({fold(t) for key in data for t in data[key]}))


def matches(terms: tuple[str, ...], *texts: str | None) -> bool:
    """True when any folded term occurs in any of the folded texts (URL, title, text), tried in
    order so a match in the URL or title never folds the page. `textnorm.words` gives fold's
    words several times faster than `fold` on a whole page (it runs on every fetched article)."""
    for text in texts:
        if not text:
            continue
        key = f" {' '.join(words(unquote(text)))} "
        if any(term in key for term in terms):
            return True
    return False
