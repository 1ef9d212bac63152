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

from crawler.meetings import people
from crawler.meetings.cues import RECALL_SLACK, find_cues
from crawler.meetings.hammouchi import mentions
from crawler.meetings.lexicon import lexicon
from crawler.textnorm import ARABIC_RE
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


# --- the people stage's name tests, reordered (pure tests, the cheapest and most selective first) ----


def _old_name_prefix(text: str):
    """`people._name_prefix` as it was: the stop tested before the name."""
    toks = text.split()
    lx = _LX
    for n in range(min(len(toks), people.MAX_NAME_TOKENS), 1, -1):
        cand = " ".join(toks[:n])
        rest = " ".join(toks[n:])
        nxt = fold(toks[n]) if n < len(toks) else ""
        role = bool(rest) and bool(lx.role.match(fold(rest)))
        stop = not nxt or nxt in lx.not_name or lx.role_stop.match(nxt) or role \
            or not ARABIC_RE.search(cand) and not toks[n][:1].isupper() or people._place_word(toks[n])
        if stop and people.name_ok(cand):
            return cand, rest if role else None
    return None


def _old_ranked_name(role: str):
    """`people._ranked_name` as it was: every test in the order first written."""
    toks = role.split()
    lx = _LX
    roles = [(m.start(), m.end()) for m in lx.role.finditer(fold(role))]
    for k in range(1, len(toks) - 2):
        head = " ".join(toks[:k])
        at = len(fold(head)) + 1
        abbreviated = toks[k].endswith(".") and len(toks[k]) <= 6
        if not abbreviated and (people._role_head_only(head) or any(a < at < b for a, b in roles)):
            continue
        tail = " ".join(toks[k:])
        if not ARABIC_RE.search(toks[k]) and fold(toks[k]) in lx.org_words:
            continue
        if not lx.honorific.match(fold(tail)):
            continue
        rank, rest = people.strip_honorific(tail)
        if not rank or lx.role.match(fold(tail)) and not people._ranked_role_ok(head):
            continue
        rest = rest.strip(" .:;")
        if people.name_ok(rest):
            name = rest
        elif not ARABIC_RE.search(rest[:1]):
            name = people._leading_latin_name(rest)
        else:
            name = (people._name_prefix(rest) or (None,))[0]
        if name and people.name_ok(name) and not lx.org_words & set(fold(name).split()):
            return head, rank, name
    return role, None, None


_PEOPLE_WORDS = [
    "السيد", "اللواء", "الفريق", "سعادة", "معالي", "M.", "Mme", "General", "Lt.", "Gen.", "Commissioner",
    "مدير", "المدير العام", "للشرطة", "الوطنية", "رئيس", "سفير", "وزير الداخلية", "البرتغالية", "الفرنسي",
    "جواو", "مانويل", "ترافاسوس", "كيم", "جونغ", "علي", "على", "بن", "ولد", "بالرباط", "Rabat", "Madrid",
    "Pedro", "Alonso", "Ruiz", "Director", "of", "the", "Police", "Service", "Interior", "Minister",
    "(FBI)", "(SÄPO)", "Erik", "Lindqvist", "2025", "١٤", "التي", "تقوم", "بزيارة", "رئيسة", "جهاز", "و",
    "اجرى", "استقبل", "مباحثات", "مع", "Spain", "إسبانيا", "Kofi", "Boateng", "Ghana",
]
_PEOPLE_TEXT = st.lists(st.sampled_from(_PEOPLE_WORDS), min_size=1, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_PEOPLE_TEXT)
def test_name_tests_in_their_new_order_give_the_old_answers(text):
    assert people._name_prefix(text) == _old_name_prefix(text)
    assert people._ranked_name(text) == _old_ranked_name(text)
    toks = text.split()
    assert any(map(str.isdigit, text)) == any(any(c.isdigit() for c in t) for t in toks)
