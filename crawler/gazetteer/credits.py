"""News agency credits: which country a dispatch comes from ("(كونا)" is Kuwait's KUNA).

    from crawler.gazetteer.credits import find_credits, credit_country
    find_credits("الرباط - قنا: اجتمع …")     # [('QA', 'قنا')]
    credit_country("… (كونا)")                 # 'KW'

A credit is an agency's name (data/news_agencies.yaml) written as a credit, never as a word of a
sentence ("بنا" is also "with us", "وما" "and what"): in brackets or between slashes ("(بنا)",
"/العمانية/"), or on a dateline line, after its city and a dash or a slash ("الرباط - قنا:",
"أنقرة/ الأناضول") or as that line's last word after its date ("الرباط 13 جمادى الآخرة 1446 هـ واس").
"""

from __future__ import annotations

import re
from functools import cache

from crawler.gazetteer.loader import GazetteerError, _load
from crawler.vocab import fold

MAX_DATELINE_WORDS = 12


@cache
def _credits() -> tuple[dict[str, str], re.Pattern, re.Pattern]:
    data = _load("news_agencies.yaml")
    by_word: dict[str, str] = {}
    for e in data.get("agencies") or []:
        if not e.get("country") or not e.get("ar"):
            raise GazetteerError(f"news_agencies.yaml: entry without country or names: {e!r}")
        for w in e["ar"]:
            by_word[fold(w)] = e["country"]
    words = "|".join(re.escape(w) for w in sorted(by_word, key=len, reverse=True))
    # in brackets or between slashes
    bracketed = re.compile(rf"[(/]\s*({words})\s*[)/]")
    # on a dateline line: words, a dash or slash, the credit, then ":", a dash or the line's end;
    # or the line's last word after a date's digits
    line = re.compile(rf"^[^\W\d_][^\n]{{0,60}}?(?:\s*[-–—/]\s*|\d[^\n]*?\s)({words})\s*(?:[:：]|[-–—]|$)",
                      re.MULTILINE)
    return by_word, bracketed, line


def find_credits(text: str) -> list[tuple[str, str]]:
    """(country, credit as folded) for each credit in `text`, in order."""
    by_word, bracketed, line = _credits()
    folded = fold(text or "")
    found = [(m.start(1), m.group(1)) for m in bracketed.finditer(folded)]
    for m in line.finditer(folded):
        end = folded.find("\n", m.start())
        head = folded[m.start():end if end >= 0 else len(folded)]
        if len(head.split()) <= MAX_DATELINE_WORDS:
            found.append((m.start(1), m.group(1)))
    return [(by_word[w], w) for _, w in sorted(set(found))]


def credit_country(text: str) -> str | None:
    """The one foreign country whose agency `text` credits (Morocco's MAP aside); None when there is
    none or several."""
    codes = {c for c, _ in find_credits(text)} - {"MA"}
    return codes.pop() if len(codes) == 1 else None
