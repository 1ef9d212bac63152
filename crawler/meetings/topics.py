"""Topic codes of a meeting from the phrases of data/topics.yaml."""

from __future__ import annotations

import re
from functools import cache

from crawler.meetings.lexicon import load
from crawler.vocab import AR_CLITICS, LETTER, flat, fold_map, is_arabic, variants
from crawler.vocab.compiled import regex
from crawler.vocab.phrases import factored

# Arabic endings a topic word may carry (الإرهابي، الإرهابية، المتطرفين، التكوينية).
AR_SUFFIX = r"(?:ي|يه|يين|يون|ين|ات|ه)?"
NOT = "!"  # marks a look-alike phrase in the table: a match there blocks its code


@cache
def _table() -> tuple[re.Pattern, dict[str, str], list[str]]:
    """One regex over every phrase of every code (one pass over the text, not one per code), and
    the code of each folded phrase ("!code" for the `not` look-alikes)."""
    owner: dict[str, str] = {}
    codes = []
    for code, entry in load("topics.yaml").items():
        codes.append(code)
        nots = flat(entry.get("not", {})) if isinstance(entry, dict) else []
        for phrase, tag in [*((p, code) for p in flat(entry)), *((p, NOT + code) for p in nots)]:
            for v in variants(str(phrase)):
                owner[" ".join(v.split())] = tag
    ar = sorted((p for p in owner if is_arabic(p)), key=len, reverse=True)
    latin = sorted((p for p in owner if not is_arabic(p)), key=len, reverse=True)

    rx = regex(rf"(?<!{LETTER}){AR_CLITICS}({factored(ar)}){AR_SUFFIX}(?!{LETTER})"
                    rf"|(?<!{LETTER})({factored(latin)}){LETTER}*", re.IGNORECASE)
    return rx, owner, codes


def topic_codes() -> list[str]:
    return _table()[2]


def find_topics(text: str) -> dict[str, str]:
    """{code: the phrase of `text` it was read from}, in the order of data/topics.yaml. A phrase
    inside a longer look-alike of the table ("المناطق الساحلية" is not the Sahel) does not count."""
    rx, owner, codes = _table()
    folded, pos = fold_map(text)
    found: dict[str, str] = {}
    for m in rx.finditer(folded):
        core = m.group(1) or m.group(2)
        tag = owner.get(" ".join(core.lower().split()))
        if tag is None or tag.startswith(NOT) or tag in found:
            continue
        s, e = (pos[m.start()], pos[m.end() - 1] + 1) if pos else m.span()
        found[tag] = text[s:e].strip()
    return {code: found[code] for code in codes if code in found}
