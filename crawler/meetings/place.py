"""Stage 7: where a meeting took place.

In order:

1. the meeting sentence: a city named as a place ("بالرباط", "à Rabat", "in Vienna", "بمدينة
   غلاسكو", a dateline "الرباط –") outside the counterpart's role and name, before the clause of
   what was discussed ("… focused on next year's assembly in Marrakech" is not where they met);
   else a sentence going on about that meeting ("عقد هذا اللقاء بمقر … بالرباط");
2. the visit the report tells of: Hammouchi's trip in the headline or the lead ("زيارة عمل إلى …",
   "s'est rendu à …", "حل … بالعاصمة البحرينية المنامة", a foreign dateline "GLASGOW —"), or a third
   place there (an assembly abroad); the city of the previous meeting in that country;
3. the city of the report's first meeting sentence ("استقبل … بالرباط، على التوالي، سفراء …");
4. else Morocco, city unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from crawler.items import Location
from crawler.meetings.gaz import cities, find_countries
from crawler.meetings.hammouchi import names_hammouchi
from crawler.meetings.lexicon import lexicon
from crawler.meetings.sentences import Sentence
from crawler.vocab import fold

LEAD_PARAGRAPHS = 3
DESTINATION_WORDS = 8  # words after a visit cue where its destination is named
_DATELINE_END = re.compile(r"\s*(?:[,،]\s*[^—–\n]{0,30})?\s*[—–-]\s")  # "الرباط –", "RABAT, 3 mai -"
_DATELINE = re.compile(r"^\s*([^\W\d_][^\W\d_ .-]*(?:[ -][^\W\d_]+)?)\s*(?:[,،]\s*[^—–\n]{0,30})?\s*[—–]")


@dataclass
class Visit:
    """What the report says about the whole story: where Hammouchi went, the foreign countries of
    its headline and lead."""

    country: str | None = None
    city: str | None = None
    phrase: str | None = None
    lead_countries: list[str] = field(default_factory=list)


def place_cities(text: str) -> list:
    """Cities named as a place: after ب / في / à / in / at, or "بمدينة", "à la ville de"…"""
    lx = lexicon()
    out = []
    for c in cities(text):
        before = fold(text[:c.start])
        glued = text[max(0, c.start - 1):c.start]
        dateline = not before.strip() and _DATELINE_END.match(text[c.end:])
        if glued == "ب" or lx.place_marker.search(before) or dateline:
            out.append(c)
    return out


def _destination(s: str, cue_end_words: int) -> tuple[str | None, str | None]:
    dest = " ".join(s.split()[cue_end_words:cue_end_words + DESTINATION_WORDS])
    cs = [c for c in cities(dest) if c.get("country") != "MA"]
    if cs:
        return cs[0].code, cs[0].get("country")
    countries = [c for c in find_countries(dest) if c.code and c.code != "MA" and len(c.code) == 2]
    if countries:
        return None, countries[0].code
    return None, None


def read_visit(sentences: list[Sentence], title: str | None, text: str) -> Visit:
    lx = lexicon()
    visit = Visit()
    lead = [s.text for s in sentences if s.paragraph < LEAD_PARAGRAPHS and not s.teaser]
    for s in ([title] if title else []) + lead:
        f = fold(s)
        if not names_hammouchi(f) and not lx.hammouchi_bare_title.search(f):
            continue
        m = lx.visit.search(f)
        city = country = None
        if m:
            city, country = _destination(s, len(f[:m.end()].split()))
        if country is None:
            # "حل … بالعاصمة البحرينية المنامة", "على هامش … المنعقدة بمدينة غلاسكو"
            abroad = [c for c in place_cities(s) if c.get("country") not in (None, "MA")]
            if abroad and (m or lx.abroad_cue.search(f)):
                city, country = abroad[0].code, abroad[0].get("country")
        if country:
            visit.city, visit.country, visit.phrase = city, country, s[:200]
            break
    if visit.country is None:
        d = _DATELINE.match(text or "")
        if d:
            cs = [c for c in cities(d.group(1)) if c.get("country") not in (None, "MA")]
            if cs:
                visit.city, visit.country, visit.phrase = cs[0].code, cs[0].get("country"), d.group(0)
    for s in ([title] if title else []) + lead:
        for c in find_countries(s):
            if c.code and c.code != "MA" and c.code not in visit.lead_countries:
                visit.lead_countries.append(c.code)
    return visit


def _without(sentence: str, parts: list[str | None]) -> str:
    for part in parts:
        if part:
            sentence = sentence.replace(part, " ")
    return sentence


def where_said(sentence: str) -> str:
    """The part of a meeting sentence that may say where it was: before the clause of its topics."""
    m = lexicon().topic_clause.search(fold(sentence))
    return sentence[:m.start()] if m else sentence


def sentence_city(sentence: str, parts: list[str | None]):
    """The first city named as a place in the sentence, outside `parts` (a role, a name)."""
    found = place_cities(_without(where_said(sentence), parts))
    return found[0] if found else None


def locate(sentence: str, parts: list[str | None], visit: Visit, previous: list[Location],
           first_city, later_city=None) -> tuple[Location, str | None]:
    """The place of one meeting and the phrase it was read from (see the module's docstring);
    `later_city`: the city of a sentence that goes on about this meeting ("وجرى اللقاء بمقر … بالرباط")."""
    c = sentence_city(sentence, parts) or later_city
    if c is not None:
        return Location(city=c.code, country=c.get("country")), c.surface
    if visit.country:
        city = visit.city
        if city is None and previous and previous[-1].country == visit.country:
            city = previous[-1].city
        return Location(city=city, country=visit.country), visit.phrase
    if first_city is not None:
        return Location(city=first_city.code, country=first_city.get("country")), first_city.surface
    return Location(city=None, country="MA"), None
