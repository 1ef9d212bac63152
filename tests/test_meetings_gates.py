"""The reader's cheap gates give the answers of the searches they replaced (issue 15, meetings step).

- Hammouchi's gate (`mentions`): one search per pattern, stopping at the first found, instead of one
  alternation of the six patterns: a text passes exactly when the alternation finds a match.
- The cues of a sentence (`find_cues`): the future, recall and remote cues looked for at their
  first use give what the three searches made up front gave.

Texts: words of the vocabularies themselves (where the patterns are likely to match and to be
near-misses), the characters `re` treats specially in case, punctuation and spaces, as written and
folded.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.meetings.cues import RECALL_SLACK, find_cues
from crawler.meetings.hammouchi import mentions
from crawler.meetings.lexicon import lexicon
from crawler.vocab import fold

_WORDS = [
    "حموشي", "الحموشي", "عبد اللطيف", "Hammouchi", "المدير العام", "للامن الوطني", "مراقبه التراب",
    "والمديريه العامه", "DGSN", "dgst", "directeur general de la", "surete nationale", "head of",
    "morocco's", "police", "chief", "il", "he", "هو", "استقبل", "استقبله", "التقى", "مباحثات", "لقاء",
    "a reçu", "s'est entretenu avec", "met", "talks with", "سيستقبل", "سبق أن", "had met",
    "اتصال هاتفي", "visioconférence", "phone call", "devrait rencontrer", "is expected to meet",
    "وزير", "سفير", "le", "de", "the", "of", "and", "و", "ب", "ل", "بالرباط", "Rabat", "adjoint",
    *"،,.;:()'’-_", " ", "  ", "\n", "\u00a0", "ı", "İ", "ſ", "\u212a", "É", "٣", "1",
]
_TEXT = st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join) \
    | st.lists(st.sampled_from(_WORDS), max_size=40).map("".join)


def _alternation(patterns) -> re.Pattern:
    """The one alternation the gate used to be (lexicon.py before 2026-12-07 evening)."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


_LX = lexicon()
_OLD_GATE = _alternation(_LX.hammouchi_gate)
_OLD_GATE_NAMED = _alternation(_LX.hammouchi_gate_named)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_hammouchi_gate_passes_where_the_alternation_matches(text):
    for t in (text, fold(text)):
        assert any(p.search(t) for p in _LX.hammouchi_gate) == bool(_OLD_GATE.search(t))
        assert any(p.search(t) for p in _LX.hammouchi_gate_named) == bool(_OLD_GATE_NAMED.search(t))
        if not _OLD_GATE.search(t):
            assert mentions(t, True, True) == ()


def test_the_gate_holds_every_pattern_mentions_reads():
    """The six patterns `mentions` finds him by, and the three before he is introduced."""
    lx = _LX
    assert set(lx.hammouchi_gate) == {lx.hammouchi_name, lx.hammouchi_title, lx.hammouchi_anaphora,
                                      lx.hammouchi_bare_title, lx.hammouchi_pronoun, lx.hammouchi_object}
    assert set(lx.hammouchi_gate_named) == {lx.hammouchi_name, lx.hammouchi_title, lx.hammouchi_bare_title}


def _eager(folded: str) -> tuple:
    """The cues as `find_cues` computed them before, every search up front."""
    lx = _LX
    found = [m for m in (lx.meeting_verb.search(folded), lx.meeting_verb_gapped.search(folded)) if m]
    verb = min(found, key=lambda m: m.start()) if found else None
    noun = lx.meeting_noun.search(folded)
    starts = [m.start() for m in (verb, noun) if m]
    first = min(starts) if starts else len(folded)
    future = lx.future.search(folded)
    future = bool(future and future.start() <= first)
    recall = remote = False
    if verb or noun:
        r = lx.recall.search(folded)
        recall = bool(r and r.start() <= first + RECALL_SLACK)
        remote = bool(lx.remote.search(folded))
    return (verb and verb.span(), noun and noun.span(), future, recall, remote)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_lazy_cues_are_the_cues_searched_up_front(text):
    for t in (text, fold(text)):
        c = find_cues(t)
        assert (c.verb and c.verb.span(), c.noun and c.noun.span(), c.future, c.recall, c.remote) == _eager(t)
