"""Stage 8 (before the topics): which part of the text is each meeting's.

One meeting: the whole text. Several: a meeting's part runs from its counterpart's sentence (from
the counterpart itself when another counterpart comes first in that sentence) to the next
counterpart, and counterparts listed in one sentence share the next sentence when it is one clause
naming no other counterpart ("Au menu : …"); and a later clause that speaks of one counterpart
only — by its country ("مع السفير الكندي", "avec l'ambassadrice coréenne"), its family name or its
service — is that meeting's, wherever it is ("Avec le diplomate canadien, les échanges ont porté
sur … ; avec l'ambassadrice coréenne, sur …"); a clause naming a meeting by its rank ("اللقاء
الثاني", "the second meeting") is the meeting of that rank, in the order the counterparts were
named; the clause of topics that ends a sentence listing several counterparts ("…، تمحورت حول …") is
all of theirs, unless one of them has its own before it. Clauses are cut at sentence ends, at ; ؛ and before
`clause_starts` (فيما، بينما، أما، while, tandis que…) of data/lexicon.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.meetings.gaz import find_agencies, find_countries
from crawler.meetings.lexicon import lexicon
from crawler.meetings.people import original_span
from crawler.meetings.sentences import Sentence
from crawler.meetings.topics import find_topics
from crawler.vocab import fold

JOIN = " | "  # between the parts of a section: no topic phrase spans it
MIN_SURNAME = 3


@dataclass
class Anchor:
    """Where a meeting's counterpart is named, and how a later clause may point at it."""

    sentence: Sentence
    position: int  # of the counterpart in the text
    country: str | None
    name: str | None
    title: str | None = None


def _subtract(spans: list[tuple[int, int]], x: int, y: int) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        if b <= x or a >= y:
            out.append((a, b))
            continue
        if a < x:
            out.append((a, x))
        if y < b:
            out.append((y, b))
    return out


def _clauses(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    out = []
    for s in sentences:
        start = s.start
        for m in lexicon().clause_start.finditer(text, s.start, s.end):
            if m.start() > start:
                out.append((start, m.start()))
            start = m.start() if m.group() not in ";؛" else m.end()
        if s.end > start:
            out.append((start, s.end))
    return out


def sections(text: str, sentences: list[Sentence], anchors: list[Anchor]) -> list[list[tuple[int, int]]]:
    """The spans of `text` that are each anchor's meeting's, in the anchors' order."""
    n = len(anchors)
    if n <= 1:
        return [[(0, len(text))]] * n
    starts = []
    for k, a in enumerate(anchors):
        shared = any(j != k and b.sentence.start == a.sentence.start and b.position < a.position
                     for j, b in enumerate(anchors))
        starts.append(a.position if shared else a.sentence.start)
    spans = []
    for k in range(n):
        later = [s for s in starts if s > starts[k]]
        spans.append([(starts[k], min(later) if later else len(text))])
    # counterparts listed in one sentence ("avec le ministre X, puis avec le patron de la police Y"):
    # the next sentence, when it is one clause and names no other counterpart ("Au menu : …"), is
    # all of theirs, not the last one's (a sentence cut by "tandis que", "في حين" pairs its clauses
    # with the counterparts instead)
    for k, a in enumerate(anchors):
        group = [j for j, b in enumerate(anchors) if b.sentence.start == a.sentence.start]
        last = max(group, key=lambda j: starts[j])
        nxt = next((t for t in sentences if t.start >= a.sentence.end), None)
        if k == last or nxt is None or nxt.end > spans[last][0][1]:
            continue
        if len(_clauses(text, [nxt])) == 1:
            spans[k].append((nxt.start, nxt.end))
    # "مباحثات مع وزير الأمن X، ومدير الاستخبارات Y، تمحورت حول …": the clause of topics that ends a
    # sentence listing several counterparts is all of theirs
    for k, a in enumerate(anchors):
        group = [j for j, b in enumerate(anchors) if b.sentence.start == a.sentence.start]
        last = max(group, key=lambda j: anchors[j].position)
        if k == last:
            continue
        between = text[a.position:anchors[last].position]
        if lexicon().topic_clause.search(fold(between)) or find_topics(between):
            continue  # "الأول مع X، حول …، والثاني مع Y، وخصص لـ …": each has its own
        tail = text[anchors[last].position:a.sentence.end]
        m = lexicon().topic_clause.search(fold(tail))
        if m is not None:
            start, _ = original_span(tail, m.start(), m.start() + 1)
            span = (anchors[last].position + start, a.sentence.end)
            if span not in spans[k]:
                spans[k].append(span)
    countries = [a.country for a in anchors]
    surnames = [fold(a.name.split()[-1]) if a.name and len(a.name.split()[-1]) >= MIN_SURNAME else None
                for a in anchors]
    positions = {a.position for a in anchors}
    agencies = [{g.code for g in find_agencies(a.title)} if a.title else set() for a in anchors]
    shared = lexicon().shared_meetings
    for x, y in _clauses(text, sentences):
        clause = text[x:y]
        k = _ordinal(fold(clause), n)
        if k is not None and not any(x <= p < y for p in positions):
            # "فيما انصب اللقاء الثاني على …": the second counterpart's, named in the text's order
            for j in range(n):
                spans[j] = _subtract(spans[j], x, y)
            spans[k].append((x, y))
            continue
        if shared.search(fold(clause)):
            # "وانصب النقاش في اللقاءين على …", "during both meetings": every meeting of its sentence
            same = [k for k, a in enumerate(anchors) if a.sentence.start <= x < a.sentence.end]
            for k in same or range(n):
                if (x, y) not in spans[k]:
                    spans[k].append((x, y))
            continue
        if any(x <= p < y for p in positions):
            continue  # a clause that names a counterpart is already its meeting's
        # a country, or the candidates of an ambiguous adjective ("الكورية": KR or KP)
        codes = {code for c in find_countries(clause)
                 for code in ([c.code] if c.code else c.get("candidates", []))}
        services = {g.code for g in find_agencies(clause)}
        folded = f" {fold(clause)} "
        refs = {k for k in range(n) if (countries[k] in codes and countries.count(countries[k]) == 1)
                or (surnames[k] and f" {surnames[k]} " in folded) or agencies[k] & services}
        if len(refs) != 1:
            continue
        k = refs.pop()
        for j in range(n):
            spans[j] = _subtract(spans[j], x, y)
        spans[k].append((x, y))
    return [sorted(s) for s in spans]


def _ordinal(folded: str, n: int) -> int | None:
    """The index of the meeting a clause names by its rank ("اللقاء الثاني", "the second meeting"),
    when there are that many and the clause names one rank only."""
    ranks = {k for k, regex in lexicon().ordinal_meetings if regex.search(folded)}
    if len(ranks) != 1:
        return None
    k = ranks.pop() - 1
    return k if k < n else None


def section_text(text: str, spans: list[tuple[int, int]]) -> str:
    return JOIN.join(text[a:b] for a, b in spans)
