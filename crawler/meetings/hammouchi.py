"""Stage 2: who is Hammouchi in this report.

A report names him by name ("حموشي", "Hammouchi") or by his full title (both halves: national
security AND territorial surveillance; other countries have a DGSN too); that is the report-level
gate. Once the report names him anywhere (the headline, a later sentence), a sentence may call him:

- by a bare title of his office ("المدير العام للأمن الوطني", "Morocco's police chief") when no
  foreign country qualifies it ("… بجمهورية الكاميرون" is Cameroon's);
- once named before, by an anaphora ("المدير العام", "le responsable marocain") that no institution
  follows, or by a subject pronoun near the start of the sentence, no role before it ("On Tuesday he
  met with"; in "والسفير الكوري كيم جونغ هو" the word ends a name);
- by the object pronoun of a verb whose subject is the counterpart ("كان في استقباله المفوض العام …",
  "والتقاه وزير …");
- by no word at all: an Arabic sentence that opens with a meeting verb whose object follows it at
  once ("كما اجتمع برئيس …") continues the story of his meetings.

Every pattern is data (data/lexicon.yaml, section `hammouchi`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crawler.meetings.gaz import find_countries
from crawler.meetings.lexicon import lexicon

PRONOUN_REACH = 6  # words from the start of the sentence within which a subject pronoun is him
QUALIFIER_WINDOW = 45  # characters after a bare title read for its country
QUALIFIER_REACH = 12  # characters after a bare title within which a foreign country makes it another's


@dataclass(frozen=True)
class Mention:
    """Hammouchi named in a text: how, and where (in the folded text)."""

    kind: str  # name | title | bare_title | anaphora | object | pronoun | implicit
    start: int
    end: int


def names_hammouchi(folded: str) -> bool:
    """The text names him by name or by his full title (enough to make a report about him)."""
    lx = lexicon()
    return bool(lx.hammouchi_name.search(folded) or lx.hammouchi_title.search(folded))


# "the head of the DGSN's judicial police": his title followed by an English possessive names an
# official of one of his services, not him
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")


def _foreign_after(folded: str, end: int) -> bool:
    for c in find_countries(folded[end:end + QUALIFIER_WINDOW]):
        if c.start <= QUALIFIER_REACH or _state_form(folded[end:end + c.start]):
            return bool(c.code) and c.code != "MA"
    return False


_WORD = re.compile(r"[^\W\d_]+")
_FORM_JOINERS = {"de", "du", "des", "d", "l", "la", "le", "of", "the", "et", "and"}
MAX_STATE_FORM_WORDS = 6


def _state_form(gap: str) -> bool:
    """"… de l'Union des Comores", "… of the Federal Republic of": only a state's form (data
    `org_words`) and its joiners between a bare title and a country."""
    words = _WORD.findall(gap)
    own = lexicon().org_words
    return 0 < len(words) <= MAX_STATE_FORM_WORDS and all(w in own or w in _FORM_JOINERS for w in words) \
        and any(w in own for w in words)


@lru_cache(maxsize=4096)
def mentions(folded: str, named: bool, named_before: bool) -> tuple[Mention, ...]:
    """Every mention of Hammouchi in a folded text, in order. `named`: the report names him
    somewhere; `named_before`: in the headline or an earlier sentence."""
    lx = lexicon()
    if not any(p.search(folded) for p in (lx.hammouchi_gate if named_before else lx.hammouchi_gate_named)):
        return ()
    out = [Mention("name", m.start(), m.end()) for m in lx.hammouchi_name.finditer(folded)]
    out += [Mention("title", m.start(), m.end()) for m in lx.hammouchi_title.finditer(folded)
            if not _POSSESSIVE_AFTER.match(folded, m.end())]
    if named:
        out += [Mention("bare_title", m.start(), m.end()) for m in lx.hammouchi_bare_title.finditer(folded)
                if not any(o.start <= m.start() < o.end for o in out)
                and not _foreign_after(folded, m.end()) and not _POSSESSIVE_AFTER.match(folded, m.end())]
    if named_before:
        out += [Mention("anaphora", m.start(), m.end()) for m in lx.hammouchi_anaphora.finditer(folded)
                if not any(o.start <= m.start() < o.end for o in out)]
        out += [Mention("object", m.start(), m.end()) for m in lx.hammouchi_object.finditer(folded)
                if not any(o.start <= m.start() < o.end for o in out)]
        head = " ".join(folded.split()[:PRONOUN_REACH])
        p = lx.hammouchi_pronoun.search(head)
        # "والسفير الكوري كيم جونغ هو", "السيد لي سونغ هو": after a role or an honorific the word ends
        # that official's name, it is no subject pronoun of his; nor is a word that ends the text
        # ("كيم جونغ هو" alone between commas)
        if p and not lx.role.search(head[:p.start()]) and not (p.start() and lx.honorific.match(head)) \
                and folded[p.end():].strip(" .،,;:"):
            out.append(Mention("pronoun", p.start(), p.end()))
    return tuple(sorted(out, key=lambda m: m.start))


INTRODUCING = ("name", "title", "bare_title")  # a mention after which anaphora and pronouns are him


def first_mention(folded: str, named: bool, named_before: bool) -> Mention | None:
    found = mentions(folded, named, named_before)
    return found[0] if found else None


def implicit_subject(folded: str, verb: re.Match | None) -> Mention | None:
    """An Arabic sentence that opens with a meeting verb whose object follows at once ("كما اجتمع
    برئيس …", "والتقى بالمدير …"): its subject is the one of the story, Hammouchi."""
    if verb is None:
        return None
    lx = lexicon()
    if not lx.sentence_opener.fullmatch(folded[:verb.start()]):
        return None
    nxt = folded[verb.end():].lstrip()
    if lx.object_start.match(nxt):
        return Mention("implicit", verb.start(), verb.end())
    return None
