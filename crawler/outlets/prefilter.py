"""Cheap pre-filter run before the heavy pipeline: does a page mention Hammouchi or his services?"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from crawler.vocab import key as fold
from crawler.vocab import load, words

TERMS_FILE = Path(__file__).with_name("prefilter.yaml")
# The spellings of Hammouchi's name the meetings reader knows: a page the reader would read is
# never dropped here for a spelling this file lacks.
LEXICON_FILE = Path(__file__).resolve().parents[1] / "meetings" / "data" / "lexicon.yaml"


def load_terms(path: Path = TERMS_FILE) -> tuple[str, ...]:
    """Every signal of the terms file and every name of Hammouchi in the meetings lexicon, folded."""
    data = load(path)
    names = load(LEXICON_FILE)["hammouchi"]["names"]
    return tuple(sorted({fold(t) for key in data for t in data[key]} | {fold(n) for n in names}))


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


_RAW_TITLE = re.compile(r"<title\b[^>]*>([^<]*)", re.IGNORECASE)


def raw_title(html: str) -> str | None:
    """The text of the page's first `<title>` as written (up to the next tag), found without
    parsing the page. It is a piece of the page, so a term found in it is in the page too: tried
    before the page, it passes most pages that pass without folding the whole page."""
    found = _RAW_TITLE.search(html)
    return found.group(1) if found else None


# A <title> whose parsed text can hold a term that the page as written does not: one with a
# character reference (`&#1581;`, `&amp;`) or a control character that the HTML parser drops.
_HIDING = "&\x00-\x08\x0b\x0c\x0e-\x1f"
_TITLE_HIDES = re.compile(rf"<title\b[^>]*>(?:(?!</title)[^{_HIDING}])*[{_HIDING}]", re.IGNORECASE)


def title_needed(html: str) -> bool:
    """Whether a page's parsed `<title>` could match where its raw text did not. Otherwise its
    text is in the page as written, and `matches` on the page already said no: no need to parse
    the whole page for its title."""
    return _TITLE_HIDES.search(html) is not None
