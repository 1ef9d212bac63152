"""The meeting vocabularies (data/*.yaml) compiled to regexes over folded text.

Everything is matched after `crawler.textnorm.match_fold` (length-keeping except for tashkeel), so a
pattern written once in the data file covers hamza, ta marbuta, alef maqsura and accent variants.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from crawler.vocab import AR_CLITICS, LETTER, flat, phrase_regex, variants
from crawler.vocab import fold as fold
from crawler.vocab import load as _load

DATA = Path(__file__).resolve().parent / "data"

__all__ = ["AR_CLITICS", "DATA", "LETTER", "Lexicon", "flat", "fold", "lexicon", "load", "phrase_regex",
           "variants"]


def load(name: str) -> dict:
    return _load(DATA / name)


class Lexicon:
    """The compiled vocabulary of data/lexicon.yaml."""

    def __init__(self, data: dict):
        h = data["hammouchi"]
        self.hammouchi_name = phrase_regex(h["names"])
        self.hammouchi_title = re.compile("|".join(f"(?:{t})" for t in h["titles"]), re.IGNORECASE)
        # "المدير العام" is him only when no institution follows it ("المدير العام للشرطة …")
        institution = r"(?!\s+(?:(?:ل|لل)\S|(?:de|du|des|of|d')\b))"
        self.hammouchi_anaphora = re.compile(
            rf"(?:{phrase_regex(h['anaphora']).pattern}){institution}", re.IGNORECASE)
        self.meeting_verb = phrase_regex(flat(data["meeting_verbs"]))
        self.meeting_noun = phrase_regex(flat(data["meeting_nouns"]))
        self.future = phrase_regex(data["future"])
        self.recall = phrase_regex(data["recall"])
        self.attendee = phrase_regex(data["attendee_cues"])
        self.honorific = re.compile(
            rf"^\s*(?:{phrase_regex(flat(data['honorifics'])).pattern})(?:\.|\s|$)", re.IGNORECASE)
        roles = data["roles"]
        # "مديرها العام": a role word may carry a possessive
        self.role = phrase_regex(roles["ar"] + roles["fr"] + roles["en"], ar_suffix="(?:ها|هم)?")
        self.role_first_words = {fold(r).split()[0] for r in roles["ar"]}
        self.delegation = phrase_regex(roles["delegation"])
        self.role_plural = phrase_regex(roles["plural"])
        self.role_generic = re.compile(rf"^\s*(?:{phrase_regex(roles['generic']).pattern})", re.IGNORECASE)
        self.role_stop = phrase_regex(data["role_stops"])
        self.visit = phrase_regex(data["visit_cues"])
        self.ceremony = phrase_regex(data["ceremony_cues"])
        self.not_name = {fold(w) for w in data["not_name"]["ar"]}


@cache
def lexicon() -> Lexicon:
    return Lexicon(load("lexicon.yaml"))
