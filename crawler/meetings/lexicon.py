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
from crawler.vocab.compiled import regex
from crawler.vocab.phrases import GAP, GappedMatcher, _longest_first, factored

DATA = Path(__file__).resolve().parent / "data"
VISIT_GAP = 4  # words between the parts of a visit cue in parts ("زيارة عمل يقوم بها إلى")

__all__ = ["AR_CLITICS", "DATA", "LETTER", "Lexicon", "flat", "fold", "lexicon", "load", "phrase_regex",
           "variants"]


def load(name: str) -> dict:
    return _load(DATA / name)


def _written(phrases: list[str]) -> str:
    """An alternation of phrases as written (longest first, a space matching any run of spaces)."""
    return factored(sorted(phrases, key=len, reverse=True))


class Lexicon:
    """The compiled vocabulary of data/lexicon.yaml."""

    def __init__(self, data: dict):
        h = data["hammouchi"]
        self.hammouchi_name = phrase_regex(h["names"])
        self.hammouchi_title = regex("|".join(f"(?:{t})" for t in h["titles"]), re.IGNORECASE)
        # "المدير العام" is him only when no institution follows it ("المدير العام للشرطة …", Darija
        # "المدير العام ديال الشرطة …"), nor a word that makes it another's rank ("le directeur général
        # adjoint de …": data `hammouchi.anaphora_not_before`)
        rank = phrase_regex(h.get("anaphora_not_before") or ["adjoint"], clitics=False).pattern
        institution = rf"(?!\s+(?:(?:ل|لل)\S|(?:de|du|des|of|d')\b|ديال\b|(?:{rank})))"
        self.hammouchi_anaphora = regex(
            rf"(?:{phrase_regex(h['anaphora']).pattern}){institution}", re.IGNORECASE)
        self.hammouchi_bare_title = regex("|".join(f"(?:{t})" for t in h["bare_titles"]), re.IGNORECASE)
        self.hammouchi_pronoun = phrase_regex(h["pronouns"], clitics=False)
        self.hammouchi_object = phrase_regex(h["object_verbs"])
        # what tells whether any of the above can be in a text (most pieces hold none): one search
        # per pattern, cheapest first, stopping at the first found. Not one alternation of the six:
        # their look-aheads for a first character would merge into one that lets nearly every
        # Arabic letter through, and the alternation took 1.9x the six searches together (74 ms
        # against 40 ms over the 1,226 texts the reader looks at in dev and excerpts); the answer
        # is the same (an alternation matches where one of its parts does)
        self.hammouchi_gate = (self.hammouchi_name, self.hammouchi_bare_title, self.hammouchi_pronoun,
                               self.hammouchi_anaphora, self.hammouchi_title, self.hammouchi_object)
        # the same before he is introduced: anaphora and pronouns cannot be him yet
        self.hammouchi_gate_named = (self.hammouchi_name, self.hammouchi_bare_title, self.hammouchi_title)
        # "كما اجتمع برئيس …": a sentence opening with its verb, the object right after it
        self.sentence_opener = regex(rf"\s*(?:{phrase_regex(h['openers'], clitics=False).pattern})?\s*",
                                          re.IGNORECASE)
        self.object_start = regex(rf"(?:ب|{phrase_regex(h['object_starts']).pattern})", re.IGNORECASE)
        verbs = flat(data["meeting_verbs"])
        self.meeting_verb = phrase_regex([v for v in verbs if GAP not in v and "..." not in v])
        self.meeting_verb_gapped = GappedMatcher([v for v in verbs if GAP in v or "..." in v])
        # the last part of each verb in parts ("ضيفا على" of "حل … ضيفا على"), longest first
        self.meeting_verb_last_parts = sorted(
            {fold(v.replace("...", GAP).split(GAP)[-1]).strip()
             for v in verbs if GAP in v or "..." in v} - {""},
            key=len, reverse=True)
        # the first word of an Arabic meeting verb ("اجرى" of "اجرى … محادثات"): a word that opens a
        # piece before the counterpart's name ("أجرى X، نائب مدير …، محادثات مع حموشي")
        self.verb_first_words = {fold(v).split()[0] for v in data["meeting_verbs"]["ar"]} - {"في"}
        self.meeting_noun = phrase_regex(flat(data["meeting_nouns"]))
        self.future = phrase_regex(data["future"])
        self.recall = phrase_regex(data["recall"])
        self.attendee = phrase_regex(data["attendee_cues"])
        self.proxy = phrase_regex(data["proxy_cues"])
        self.moroccan_office = phrase_regex(data["moroccan_offices"])
        self.subject_delegation = phrase_regex(data["delegations"])
        self.home_minister = phrase_regex(data["home_ministers"])
        self.joint_verbs = {fold(v) for v in data["joint_verbs"]}
        self.together = phrase_regex(data["together_cues"])
        self.attendee_start = regex(rf"\s*(?:{self.attendee.pattern})\s*", re.IGNORECASE)
        self.honorific = regex(
            rf"^\s*(?:{phrase_regex(flat(data['honorifics'])).pattern})(?:\.|\s|$)", re.IGNORECASE)
        # a rank or form of address anywhere in a piece ("… بالرباط الفريق X رئيس …": where a name
        # written without a comma starts)
        self.honorific_any = phrase_regex([h for h in data["honorifics"]["ar"]])
        roles = data["roles"]
        # "مديرها العام": a role word may carry a possessive
        self.role = phrase_regex(roles["ar"] + roles["fr"] + roles["en"], ar_suffix="(?:ها|هم)?")
        self.role_first_words = {fold(r).split()[0] for r in roles["ar"]}
        self.delegation = phrase_regex(roles["delegation"])
        self.role_plural = phrase_regex(roles["plural"])
        self.role_generic = regex(rf"^\s*(?:{phrase_regex(roles['generic']).pattern})", re.IGNORECASE)
        self.role_stop = phrase_regex(data["role_stops"])
        self.possessive_before = regex(rf"(?:^|\s)(?:{phrase_regex(roles['possessives']).pattern})\s*$",
                                            re.IGNORECASE)
        self.circumstance = regex(rf"^\s*(?:{phrase_regex(data['circumstances']).pattern})",
                                       re.IGNORECASE)
        visits = data["visit_cues"]
        self.visit = phrase_regex([v for v in visits if GAP not in v and "..." not in v])
        # "في إطار زيارة عمل يقوم بها إلى إيطاليا", "la visite de travail qu'il effectue en Pologne"
        self.visit_gapped = GappedMatcher([v for v in visits if GAP in v or "..." in v], gap=VISIT_GAP)
        self.ceremony = phrase_regex(data["ceremony_cues"])
        self.not_name = {fold(w) for w in data["not_name"]["ar"]}
        # the fold writes ى as ي: "على" (on) and the name "علي" fold alike; a word written with a final
        # ي where the list writes ى is a name
        self.not_name_maqsura = {fold(w) for w in data["not_name"]["ar"] if w.endswith("ى")}
        self.org_words = {fold(w) for w in data["org_words"]}
        self.no_agency = phrase_regex(roles["no_agency"])
        self.not_person = phrase_regex(data["not_person"])
        self.shared_meetings = phrase_regex(data["shared_meetings"])
        self.ordinal_meetings = [(int(k), phrase_regex(v))
                                 for k, v in sorted(data["ordinal_meetings"].items())]
        self.remote = phrase_regex(data["remote"])
        self.topic_shift = phrase_regex(data["topic_shift"])
        # on the text as written: the sentence's own offsets
        self.clause_start = regex(rf"[;؛]|(?<=\s)(?:{_written(data['clause_starts'])})(?=\s)",
                                       re.IGNORECASE)
        self.org_adjectives = [(code, phrase_regex(words)) for code, words in data["org_adjectives"].items()]
        # matched on the text as written (pieces are cut there), not on the folded text
        self.inner_honorific = regex(rf"(?<=\s)(?:{_written(data['inner_honorifics'])})(?=\s+\S)")
        self.next_person = regex(rf"(?:^|\s)(?:{_written(data['next_person'])})\s*$", re.IGNORECASE)
        self.connector = regex(rf"(?:^|\s)(?:{_written(data['connectors'])})\s+", re.IGNORECASE)
        place = data["place"]
        # regexes written on folded text; the fold leaves their backslashes and brackets alone
        markers = "|".join(sorted({fold(m) for m in place["markers"]}, key=_longest_first))
        self.place_marker = regex(rf"(?:^|\s)(?:{markers})\s*$", re.IGNORECASE)
        self.abroad_cue = phrase_regex(place["abroad_cues"])
        self.glued_markers = frozenset(place["glued_markers"])
        self.capital_word = phrase_regex(place["capital_words"])
        self.topic_clause = phrase_regex(place["topic_clause"])


@cache
def lexicon() -> Lexicon:
    return Lexicon(load("lexicon.yaml"))
