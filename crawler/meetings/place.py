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
from dataclasses import dataclass
from functools import cached_property, lru_cache

from crawler.gazetteer import capital_of
from crawler.gazetteer.credits import credit_country
from crawler.gazetteer.matcher import Match
from crawler.items import Location
from crawler.meetings.gaz import cities, find_agencies, find_cities, find_countries
from crawler.meetings.hammouchi import names_hammouchi
from crawler.meetings.lexicon import lexicon
from crawler.meetings.sentences import Sentence
from crawler.vocab import fold

LEAD_PARAGRAPHS = 3
MARKER_REACH = 40  # characters before a city where its place marker is read
DESTINATION_WORDS = 8  # words after a visit cue where its destination is named
CAPITAL_GAP = 2  # words (an article, an adjective) between a place marker and "capitale", "capital"
CAPITAL_REACH = 24  # characters around "العاصمة", "capitale", "capital" where its country's adjective is
# "الرباط –", "RABAT, 3 mai -", "الرباط في ١٤ مايو ٢٠٢٥ /العمانية/"
_DATELINE_END = re.compile(r"\s*(?:[,،]\s*[^—–\n]{0,30})?\s*[—–-]\s|\s+في\s+\d")
# "GLASGOW —", "فيينا – 4 دجنبر (ومع) -", "Bucarest, 23 sept. 2025 (MAP) - " (a hyphen between spaces)
_DATELINE = re.compile(r"^\s*([^\W\d_][^\W\d_ .-]*(?:[ -][^\W\d_]+)?)\s*(?:[,،]\s*[^—–\n]{0,30}?)?"
                       r"\s*(?:[—–]|\s-\s)")
# the most words of a dateline on a line of its own
DATELINE_WORDS = 10
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


# A trip's noun, up to five words (its kind, its length), then the preposition of its destination.
_TRIP_TO = re.compile(r"\b(?:visite|visit|voyage|trip|tournee|tour)\b(?:\s+[\w'-]+){0,5}?"
                      r"\s+(?:en|au|aux|to)\s")


@dataclass
class Visit:
    """What the report says about the whole story: where Hammouchi went."""

    country: str | None = None
    city: str | None = None
    phrase: str | None = None


class Story:
    """The report-level facts the stages fall back on, each read once and only when asked: the visit
    and the foreign countries of the headline and lead."""

    def __init__(self, sentences: list[Sentence], title: str | None, text: str):
        self.sentences, self.title, self.text = sentences, title, text

    @cached_property
    def visit(self) -> Visit:
        return read_visit(self.sentences, self.title, self.text)

    @cached_property
    def dateline_country(self) -> str | None:
        """The country of the dateline opening the text ("الجزائر - …", "بيروت - …"): where the
        outlet writes from."""
        first = next((s for s in self.sentences if not s.teaser), None)
        d = _DATELINE.match(_TASHKEEL.sub("", first.text)) if first is not None else None
        cs = dateline_cities(d.group(1)) if d else []
        return cs[0].get("country") if cs else None

    @cached_property
    def dateline_city(self):
        """The Moroccan city of a dateline on a line of its own that opens the text ("الرباط - 3 مارس
        2025 (ومع)" above the first paragraph): where a report that names no city was written."""
        text = self.text.strip()
        if "\n" not in text:
            return None
        line = _TASHKEEL.sub("", text.split("\n", 1)[0])
        if len(line.split()) > DATELINE_WORDS or not (_DATELINE.match(line) or re.search(r"\d", line)):
            return None
        cs = [c for c in dateline_cities(line) if c.get("country") == "MA"]
        return cs[0] if cs else None

    @cached_property
    def credit_country(self) -> str | None:
        """The one foreign country whose news agency the text credits ("الرباط - (كونا) -", "… (واس)",
        "الرباط - قنا:"): the dispatch of that country's agency, about its own officials."""
        return credit_country(self.text)

    @cached_property
    def named_states(self) -> frozenset[str]:
        """The states the report names anywhere, headline included: by name, adjective or acronym,
        by a city of theirs, by one of their services ("arrivé de Kinshasa", "la VSSE"). Read only
        to decide an ambiguous role's country (stage 5)."""
        text = f"{self.title or ''}\n{self.text}"
        codes = {c.code for c in find_countries(text) if c.code}
        codes |= {c.get("country") for c in cities(text) if c.get("country")}
        codes |= {a.get("country") for a in find_agencies(text) if a.get("country")}
        return frozenset(codes)

    @cached_property
    def lead_countries(self) -> list[str]:
        out: list[str] = []
        for s in _lead(self.sentences, self.title):
            for c in find_countries(s):
                if c.code and c.code != "MA" and c.code not in out:
                    out.append(c.code)
        return out


def _lead(sentences: list[Sentence], title: str | None) -> list[str]:
    """The headline and the sentences of the first LEAD_PARAGRAPHS paragraphs that hold text (a
    blank line between paragraphs does not count as one)."""
    paragraphs: list[int] = []
    lead = []
    for s in sentences:
        if s.paragraph not in paragraphs:
            paragraphs.append(s.paragraph)
        if len(paragraphs) > LEAD_PARAGRAPHS:
            break
        if not s.teaser:
            lead.append(s.text)
    return ([title] if title else []) + lead


@lru_cache(maxsize=4096)
def place_cities(text: str) -> tuple:
    """Cities named as a place: after ب / في / à / in / at, or "بمدينة", "à la ville de"…; a glued ب
    or the Darija ف ("فالرباط")."""
    lx = lexicon()
    out = []
    for c in cities(text):
        before = fold(text[max(0, c.start - MARKER_REACH):c.start])
        glued = text[max(0, c.start - 1):c.start]
        dateline = not before.strip() and _DATELINE_END.match(text[c.end:])
        if glued in lx.glued_markers or lx.place_marker.search(before) or dateline:
            out.append(c)
    if not out:
        # a dateline names a city, also one whose name is a country's too ("عمّان -", "الجزائر -")
        out = [c for c in dateline_cities(text) if _DATELINE_END.match(text[c.end:])]
    return tuple(out)


def dateline_cities(text: str) -> list:
    """The cities that open `text`, homonyms of a country included: a dateline names a city."""
    return [c for c in find_cities(text) if not fold(text[:c.start]).strip()]


def _destination(s: str, cue_end_words: int) -> tuple[str | None, str | None]:
    dest = " ".join(s.split()[cue_end_words:cue_end_words + DESTINATION_WORDS])
    cs = [c for c in cities(dest) if c.get("country") != "MA"]
    if cs:
        return cs[0].code, cs[0].get("country")
    countries = [c for c in find_countries(dest) if c.code and c.code != "MA" and len(c.code) == 2]
    if countries:
        return None, countries[0].code
    return None, None


def _capital_named(s: str) -> tuple[str | None, str | None]:
    """The capital a sentence names by its country ("بالعاصمة الإسبانية", "dans la capitale belge",
    "in the Kenyan capital"; data: `place.capital_words`): (its city, its country)."""
    lx = lexicon()
    for m in lx.capital_word.finditer(fold(s)):
        around = s[max(0, m.start() - CAPITAL_REACH):m.end() + CAPITAL_REACH]
        after = s[m.end():m.end() + CAPITAL_REACH]
        for where in (after, around):
            found = [c for c in find_countries(where) if c.code and c.code != "MA" and len(c.code) == 2
                     and c.kind == "adjective"]
            if found:
                return capital_of(found[0].code), found[0].code
    return None, None


def read_visit(sentences: list[Sentence], title: str | None, text: str) -> Visit:
    lx = lexicon()
    visit = Visit()
    for s in _lead(sentences, title):
        f = fold(s)
        if not names_hammouchi(f) and not lx.hammouchi_bare_title.search(f):
            continue
        m = lx.visit.search(f) or lx.visit_gapped.search(f)
        city = country = None
        if m:
            city, country = _destination(s, len(f[:m.end()].split()))
        trip = _TRIP_TO.search(f) if country is None else None
        if trip:
            # "une visite de travail de deux jours en Roumanie", "a three-day official visit to Kenya"
            city, country = _destination(s, len(f[:trip.end()].split()))
        if country is None and (m or lx.abroad_cue.search(f)):
            # "حل … بالعاصمة البحرينية المنامة", "على هامش … المنعقدة بمدينة غلاسكو"
            abroad = [c for c in place_cities(s) if c.get("country") not in (None, "MA")]
            if abroad:
                city, country = abroad[0].code, abroad[0].get("country")
            else:
                # "حط الرحال بالعاصمة الكورية الجنوبية" (its name unwritten or unknown): that capital
                city, country = _capital_named(s)
        if country:
            visit.city, visit.country, visit.phrase = city, country, s[:200]
            break
    if visit.country and visit.city is None:
        # "… on a working visit to Estonia" with "… in Tallinn" in the headline or another lead line
        for s in _lead(sentences, title):
            cs = [c for c in place_cities(s) if c.get("country") == visit.country]
            trip = lx.visit.search(fold(s)) if not cs else None
            if trip:
                # "اختتم حموشي زيارة عمل إلى طشقند": the city a trip goes to, in another lead line
                dest = " ".join(s.split()[len(fold(s)[:trip.end()].split()):][:DESTINATION_WORDS])
                cs = [c for c in cities(dest) if c.get("country") == visit.country]
            if cs:
                visit.city = cs[0].code
                break
    if visit.country is None:
        # a foreign dateline ("GLASGOW —", "فيينا – 4 دجنبر (ومع)") opening one of the lead paragraphs
        seen: set[int] = set()
        for s in sentences:
            seen.add(s.paragraph)
            if len(seen) > LEAD_PARAGRAPHS + 2:
                break
            d = _DATELINE.match(_TASHKEEL.sub("", s.text))  # "عمّان": a shadda is no letter
            cs = [c for c in dateline_cities(d.group(1)) if c.get("country") not in (None, "MA")] if d else []
            if cs:
                visit.city, visit.country, visit.phrase = cs[0].code, cs[0].get("country"), d.group(0)
                break
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
    """The first city named as a place in the sentence, outside `parts` (a role, a name); a dateline
    ("Rabat, 11 mars (MAP) –") only when the sentence names no other ("… au siège de la DGST à Témara")."""
    said = _without(where_said(sentence), parts)
    found = place_cities(said)
    inner = [c for c in found if c.start > 0 and fold(sentence[:c.start]).strip()]
    return (inner or found or [None])[0] or capital_place(said)


def capital_place(s: str) -> Match | None:
    """A capital named as a place by its country's adjective and no name ("في العاصمة المغربية",
    "dans la capitale marocaine", "in the Moroccan capital"), as a city match of that capital."""
    lx = lexicon()
    folded = fold(s)
    for m in lx.capital_word.finditer(folded):
        before = folded[max(0, m.start() - MARKER_REACH):m.start()].split()
        after_words = folded[m.end():].split()[:CAPITAL_GAP]
        # "بالعاصمة", "في العاصمة المغربية", "dans la capitale marocaine" (a marker written with the
        # capital), "in the Moroccan capital" (a marker up to two words before it)
        glued = m.group()[:1] in lx.glued_markers and m.group()[1:].startswith("ال")
        with_it = (" ".join(before + [m.group()] + after_words[:k]) for k in range(CAPITAL_GAP + 1))
        ahead = (" ".join(before[:len(before) - k]) for k in range(CAPITAL_GAP + 1) if len(before) > k)
        if not glued and not any(lx.place_marker.search(x) for x in (*with_it, *ahead)):
            continue
        around = s[max(0, m.start() - CAPITAL_REACH):m.end() + CAPITAL_REACH]
        after = s[m.end():m.end() + CAPITAL_REACH]
        for where in (after, around):
            found = [c for c in find_countries(where)
                     if c.kind == "adjective" and c.code and len(c.code) == 2]
            city = capital_of(found[0].code) if found else None
            if city:
                return Match(code=city, start=m.start(), end=m.end(), surface=s[m.start():m.end()],
                             kind="capital", written=city, data={"country": found[0].code})
    return None


def locate(sentence: str, parts: list[str | None], visit: Visit, previous: list[Location],
           first_city, later_city=None, dateline_city=None) -> tuple[Location, str | None]:
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
    if dateline_city is not None:
        # "الرباط - 3 مارس 2025 (ومع)" on a line of its own, then "… بمقر المديرية العامة …": no other city
        return Location(city=dateline_city.code, country="MA"), dateline_city.surface
    return Location(city=None, country="MA"), None
