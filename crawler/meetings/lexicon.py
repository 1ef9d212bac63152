"""The meeting vocabularies (data/*.yaml) compiled to regexes over folded text.

Everything is matched after `crawler.textnorm.match_fold` (length-keeping except for tashkeel), so a
pattern written once in the data file covers hamza, ta marbuta, alef maqsura and accent variants.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from crawler.textnorm import is_arabic
from crawler.textnorm import match_fold as fold

DATA = Path(__file__).resolve().parent / "data"

# Arabic proclitics a word may carry: و ف (and), ب ل ك (prepositions), and لل for ل + ال.
AR_CLITICS = r"(?:[وف]?[بلك]?)"
LETTER = r"[^\W\d_]"


def load(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _is_arabic(s: str) -> bool:
    return is_arabic(s)


def variants(phrase: str) -> list[str]:
    """A folded phrase and, for an Arabic one starting with ال, its form after ل (للمدير)."""
    f = fold(phrase).strip()
    out = [f]
    if f.startswith("ال"):
        out.append("ل" + f[1:])
    return out


def phrase_regex(phrases: list[str], *, prefix: bool = False, ar_suffix: str = "") -> re.Pattern:
    """One regex for `phrases`, longest first, whole words; Arabic ones may carry clitics before
    them and `ar_suffix` after them; with `prefix`, a Latin phrase may be the start of a longer word
    ("terroris" -> "terroriste")."""
    ar, latin = set(), set()
    for p in phrases:
        for v in variants(str(p)):
            (ar if _is_arabic(v) else latin).add(v)

    def alt(items: set[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))

    parts = []
    if ar:
        parts.append(rf"(?<!{LETTER}){AR_CLITICS}(?:{alt(ar)}){ar_suffix}(?!{LETTER})")
    if latin:
        tail = rf"{LETTER}*" if prefix else rf"(?!{LETTER})"
        parts.append(rf"(?<!{LETTER})(?:{alt(latin)}){tail}")
    return re.compile("|".join(parts) or r"(?!x)x", re.IGNORECASE)


def flat(entry) -> list[str]:
    """The phrases of an entry given as a list or as {ar: [...], fr: [...], en: [...]}."""
    if isinstance(entry, dict):
        return [p for k, v in entry.items() if k != "not" for p in v]
    return list(entry)


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
