"""Topic codes of a meeting from the phrases of data/topics.yaml."""

from __future__ import annotations

import re
from functools import cache

from crawler.dates.tables import fold_map
from crawler.meetings.lexicon import flat, load, phrase_regex

# Arabic endings a topic word may carry (الإرهابي، الإرهابية، المتطرفين، التكوينية).
AR_SUFFIX = r"(?:ي|يه|يين|يون|ين|ات|ه)?"


@cache
def _topics() -> list[tuple[str, re.Pattern, re.Pattern | None]]:
    out = []
    for code, entry in load("topics.yaml").items():
        rx = phrase_regex(flat(entry), prefix=True, ar_suffix=AR_SUFFIX)
        nots = flat(entry.get("not", {})) if isinstance(entry, dict) else []
        out.append((code, rx, phrase_regex(nots, prefix=True, ar_suffix=AR_SUFFIX) if nots else None))
    return out


def topic_codes() -> list[str]:
    return [code for code, _, _ in _topics()]


def find_topics(text: str) -> dict[str, str]:
    """{code: the phrase of `text` it was read from}, in the order of data/topics.yaml."""
    folded, pos = fold_map(text)
    found: dict[str, str] = {}
    for code, rx, not_rx in _topics():
        blocked = [m.span() for m in not_rx.finditer(folded)] if not_rx else []
        for m in rx.finditer(folded):
            if not any(s <= m.start() < e for s, e in blocked):
                s, e = (pos[m.start()], pos[m.end() - 1] + 1) if pos else m.span()
                found[code] = text[s:e].strip()
                break
    return found
