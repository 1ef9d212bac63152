"""Meetings of Hammouchi with foreign officials, read from a report's main text.

The genre (../shared/GENRE.md) writes a meeting as one sentence: a meeting verb or noun, Hammouchi
(by name, by title, or "المدير العام" once named), time and place phrases, and the counterpart as
comma-separated pieces — a role ("المدير الوطني للشرطة القضائية بالجمهورية البرتغالية") next to a
name ("السيد جواو مانويل ترافاسوس"), in either order. So a sentence is cut at its commas (and at
"مع / avec / with"), each piece is classed (Hammouchi, role, name, other), and each role is paired
with the name beside it. Countries come from the role (a country, a nationality adjective, an
agency), then from the sentence, then from the report's lead. A hand-written reader rather than a
parser: no Arabic NLP library available offline handles these sentences better, and every rule is
data in data/lexicon.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from crawler.gazetteer import find_agencies as _find_agencies
from crawler.gazetteer import find_cities as _find_cities
from crawler.gazetteer import find_countries as _find_countries
from crawler.items import Counterpart, Location, Meeting
from crawler.meetings.lexicon import lexicon
from crawler.meetings.topics import find_topics
from crawler.textnorm import ARABIC_RE, sentence_spans
from crawler.textnorm import match_fold as fold
from crawler.textnorm import match_fold_map as fold_map

_CHUNK_SEP = re.compile(r"[،,;؛]")
_CONNECTOR = re.compile(r"(?:^|\s)(?:مع|avec|with|par|by|من طرف|من قبل|برئاسة|يترأسه|يتراسه|يقوده|"
                        r"conduite par|dirigée par|led by|headed by)\s+", re.IGNORECASE)
_PAREN = re.compile(r"\s*[(（]([^()（）]*)[)）]\s*")
_ARABIC = ARABIC_RE
_LATIN_NAME_TOKEN = re.compile(
    r"^(?:[A-ZÀ-Þ][\w'’-]*|van|von|de|der|den|da|dos|del|di|du|la|le|bin|ibn|ben|al|el|ould)$")
_INNER_HONORIFIC = re.compile(r"(?<=\s)(?:السيد|السيدة|M\.|Mme|Mr\.?|Mrs\.?|Ms\.?)\s+(?=\S)")
_LATIN_RUN = re.compile(r"(?:[A-ZÀ-Þ][\w'’-]+\s+){1,4}[A-ZÀ-Þ][\w'’-]+\s*$")
MAX_NAME_TOKENS = 6
LEAD_PARAGRAPHS = 3
HEADLINE_WORDS = 16
# A meeting first named this many paragraphs into a story about something else is "in passing".
PASSING_PARAGRAPHS = 3
_WEEKDAYS_MONTHS = {fold(w) for w in (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche").split()}


# The same pieces and sentences are looked up several times per report (lead, sentence, role):
# the gazetteer's matches are immutable, so they are cached.
@lru_cache(maxsize=8192)
def find_countries(text: str) -> tuple:
    return tuple(_find_countries(text))


@lru_cache(maxsize=8192)
def find_cities(text: str) -> tuple:
    return tuple(_find_cities(text))


@lru_cache(maxsize=4096)
def find_agencies(text: str) -> tuple:
    return tuple(_find_agencies(text))


@dataclass
class Piece:
    """A comma-separated piece of a meeting sentence and what it is."""

    text: str
    kind: str = "other"  # hammouchi | role | name | other
    attendee: bool = False
    honorific: str | None = None
    latin: str | None = None  # a Latin spelling in brackets after an Arabic name, or the name itself
    role_plural: bool = False
    role_generic: bool = False
    after_connector: bool = False
    glued_name: str | None = None  # a name written right after the role, without a comma


@dataclass
class Person:
    name: str | None = None
    name_latin: str | None = None
    honorific: str | None = None
    title: str | None = None
    attendee: bool = False
    generic: bool = False
    weak: bool = False  # read from a headline-like line, not from a sentence of the body


@dataclass
class Found:
    """The meetings of a report and, when there are none, why."""

    meetings: list[Meeting] = field(default_factory=list)
    reason: str | None = None


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of each sentence of `text`."""
    return sentence_spans(text)


def _is_excerpt(s: str) -> bool:
    return s.rstrip().endswith(("...", "…"))


def _headline_like(sentence: str) -> bool:
    """A short line without a full stop: a headline, a ticker item, a related-article title."""
    return len(sentence.split()) < HEADLINE_WORDS and not sentence.rstrip().endswith((".", "؟", "!"))


def _teaser_paragraphs(text: str) -> set[int]:
    """Paragraphs that are a teaser: an excerpt ending in "…", and the headline line just before one
    (the "headline / first words…" pairs a text dump keeps around the article)."""
    paras = text.split("\n")
    out = set()
    for n, p in enumerate(paras):
        if _is_excerpt(p):
            out.add(n)
            prev = n - 1
            while prev >= 0 and not paras[prev].strip():
                prev -= 1
            if prev >= 0:
                out.add(prev)
    return out


def names_hammouchi(folded: str) -> bool:
    lx = lexicon()
    return bool(lx.hammouchi_name.search(folded) or lx.hammouchi_title.search(folded))


def _mentions_hammouchi(folded: str, named_before: bool) -> bool:
    return names_hammouchi(folded) or (named_before and bool(lexicon().hammouchi_anaphora.search(folded)))


# --- pieces ----------------------------------------------------------------------------------------

def _split_pieces(sentence: str) -> list[Piece]:
    """Cut at commas outside brackets, then before a last "مع / avec / with"."""
    parts, depth, cur = [], 0, []
    for ch in sentence:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and _CHUNK_SEP.match(ch):
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    pieces = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        # "a reçu lundi à Rabat M. Jan Novak": an honorific inside a piece starts a piece of its own
        inner = _INNER_HONORIFIC.search(p)
        if inner and p[:inner.start()].strip():
            pieces.append(Piece(p[:inner.start()].strip()))
            p = p[inner.start():].strip()
        cuts = list(_CONNECTOR.finditer(p))
        if cuts:
            head, tail = p[:cuts[-1].start()].strip(), p[cuts[-1].end():].strip()
            if head:
                pieces.append(Piece(head))
            if tail:
                pieces.append(Piece(tail, after_connector=True))
        else:
            pieces.append(Piece(p))
    return pieces


def _after_verb(pieces: list[Piece], named: bool) -> list[Piece]:
    """A headline-like piece "حموشي يستقبل مسؤول الاستعلامات …": what follows the verb is a piece of
    its own."""
    lx = lexicon()
    out = []
    for p in pieces:
        if p.kind == "hammouchi":
            folded = fold(p.text)
            v = lx.meeting_verb.search(folded)
            h = [*lx.hammouchi_name.finditer(folded), *lx.hammouchi_title.finditer(folded)]
            last = max((m.end() for m in h), default=None)
            cut = None
            if v and h and min(m.start() for m in h) < v.start() and folded[v.end():].strip():
                cut = v.end()  # "حموشي يستقبل مسؤول الاستعلامات …"
            elif last is not None and (lx.role.search(folded, last)
                                       or lx.delegation.match(folded[last:].strip())):
                cut = last  # "استقبل حموشي سفير فرنسا بالمغرب"
            if cut is not None:
                start, _ = _original_span(p.text, cut, cut + 1)
                tail = Piece(p.text[start:].strip())
                _classify(tail, named)
                if tail.kind in ("role", "name"):
                    out += [Piece(p.text[:start].strip(), kind="hammouchi"), tail]
                    continue
        out.append(p)
    return out


def _attending(pieces: list[Piece]) -> bool:
    """Every mention of Hammouchi follows an attendee cue, in its piece or in the Hammouchi piece
    just before it ("بحضور المدير العام …، عبد اللطيف حموشي")."""
    lx = lexicon()
    seen, attending = False, True
    for i, p in enumerate(pieces):
        if p.kind != "hammouchi":
            continue
        folded = fold(p.text)
        h = lx.hammouchi_name.search(folded) or lx.hammouchi_title.search(folded) \
            or lx.hammouchi_anaphora.search(folded)
        cue = bool(lx.attendee.search(folded[:h.start()] if h else folded))
        carried = i > 0 and pieces[i - 1].kind == "hammouchi" and seen and attending
        attending = attending and (cue or carried)
        seen = True
    return seen and attending


def _strip_honorific(text: str) -> tuple[str | None, str]:
    m = lexicon().honorific.match(fold(text))
    if not m:
        return None, text
    n = len(fold(text)[:m.end()].split())
    toks = text.split()
    return " ".join(toks[:n]).rstrip("."), " ".join(toks[n:])


def _name_tokens_ok(name: str) -> bool:
    toks = name.split()
    if not 2 <= len(toks) <= MAX_NAME_TOKENS or any(any(c.isdigit() for c in t) for t in toks):
        return False
    if _ARABIC.search(name):
        lx = lexicon()
        for t in toks:
            f = fold(t)
            if f in lx.not_name or f.startswith("لل") or not _ARABIC.search(t):
                return False
        return not lx.role.search(fold(name)) and not find_countries(name) and not find_cities(name)
    return all(_LATIN_NAME_TOKEN.match(t) for t in toks) and toks[0][:1].isupper() \
        and not lexicon().role.search(fold(name))


def _classify(piece: Piece, named_before: bool) -> None:
    lx = lexicon()
    text = piece.text
    folded = fold(text)
    if _mentions_hammouchi(folded, named_before):
        piece.kind = "hammouchi"
        return
    # a name: [honorific] NAME [(other spelling)]
    honorific, rest = _strip_honorific(text)
    inner = _PAREN.search(rest)
    bare = (_PAREN.sub(" ", rest) if inner else rest).strip(" .:;!؟")
    if _name_tokens_ok(bare):
        piece.kind, piece.text, piece.honorific = "name", bare, honorific
        if inner and not _ARABIC.search(inner.group(1)) and _ARABIC.search(bare):
            piece.latin = inner.group(1).strip()
        elif not _ARABIC.search(bare):
            piece.latin = bare
        return
    # a role: from its first word to where its clause stops; a delegation when no role is named
    m = lx.role.search(folded)
    if not m:
        # "استقبل … وفدا عن الشرطة الأسترالية": a delegation that opens the piece
        m = lx.delegation.match(folded)
    if not m:
        tail = _trailing_latin_name(text)
        if tail:
            piece.kind, piece.text, piece.latin = "name", tail, tail
        return
    before = folded[:m.start()]
    piece.attendee = bool(lx.attendee.search(before))
    piece.role_plural = bool(lx.role_plural.search(folded[m.start():m.end() + 12].split(" ")[0]))
    stop = lx.role_stop.search(folded, m.end())
    start, end = _original_span(text, m.start(), stop.start() if stop else len(folded))
    role = _strip_role_clitic(text[start:end].strip(" .:;"))
    role, glued = _glued_name(role)
    piece.kind, piece.text = "role", role
    if glued:
        piece.glued_name = glued
    # "المسؤول الألماني", "son homologue": points back at someone, names no one new
    piece.role_generic = bool(lx.role_generic.match(fold(role))) and len(role.split()) <= 3
    # "مع المراقب العام عمر سيك": a rank with a name after it is a name
    honorific, rest = _strip_honorific(role)
    if honorific and _name_tokens_ok(rest):
        piece.kind, piece.text, piece.honorific = "name", rest, honorific


def _trailing_latin_name(text: str) -> str | None:
    """"received on Monday in Rabat Maria Gonzalez": the capitalised words that end a piece, without
    the place or day names they start with."""
    m = _LATIN_RUN.search(text)
    if not m or _ARABIC.search(text):
        return None
    toks = m.group().split()
    while toks and (find_cities(toks[0]) or find_countries(toks[0]) or fold(toks[0]) in _WEEKDAYS_MONTHS):
        toks = toks[1:]
    name = " ".join(toks)
    return name if _name_tokens_ok(name) and text.rstrip().endswith(name) else None


def _original_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A span of `fold(text)` in `text` (the fold drops only tashkeel and tatweel)."""
    _, pos = fold_map(text)
    if pos is None:
        return start, end
    return pos[start] if start < len(pos) else len(text), pos[end - 1] + 1 if end > 0 else 0


def _glued_name(role: str) -> tuple[str, str | None]:
    """A role ending in a country or nationality followed by a name: (role, name); in Latin script,
    capitalised words after the last role word ("Interior Minister Fernando Grande-Marlaska")."""
    if not _ARABIC.search(role):
        last = next(reversed(list(lexicon().role.finditer(fold(role)))), None)
        if last is not None:
            start, _ = _original_span(role, last.end(), last.end() + 1)
            name = _trailing_latin_name(" " + role[start:])
            if name and role[start:].strip() == name:
                return role[:start].strip(), name
        return role, None
    countries = [c for c in find_countries(role) if c.code]
    if not countries:
        return role, None
    tail = role[countries[-1].end:].strip()
    # stricter than a name between commas: only the family name may carry the article
    toks = tail.split()
    if not tail or not _name_tokens_ok(tail) or any(fold(t).startswith("ال") for t in toks[:-1]):
        return role, None
    return role[:countries[-1].end].strip(), tail


def _strip_role_clitic(role: str) -> str:
    """"بسفير اليابان" -> "سفير اليابان", "للمدير" -> "المدير", "the Director" -> "Director"."""
    role = re.sub(r"^(?:the|le|la|les|l['’])\s*", "", role.strip(), flags=re.IGNORECASE)
    first, _, rest = role.partition(" ")
    words = lexicon().role_first_words
    if _ARABIC.search(first) and fold(first) not in words:
        for clitic in ("وب", "فب", "ول", "ب", "ل", "و", "ف"):
            bare = first[len(clitic):]
            if first.startswith(clitic) and (fold(bare) in words or fold("ا" + bare[1:]) in words):
                first = bare if fold(bare) in words else "ا" + bare[1:]
                break
    return f"{first} {rest}".strip()


def _persons(pieces: list[Piece]) -> list[Person]:
    """Pair each role with the name beside it: the name after it, else the one before."""
    used: set[int] = set()
    people = []
    for i, p in enumerate(pieces):
        if p.kind != "role" or p.role_plural:
            continue
        person = Person(title=p.text, attendee=p.attendee, generic=p.role_generic)
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        prv = pieces[i - 1] if i > 0 else None
        # "son homologue espagnol, Francisco Pardo, directeur général …": the name is the next role's
        generic_first = p.role_generic and i + 2 < len(pieces) and pieces[i + 2].kind == "role" \
            and not pieces[i + 2].role_generic
        if nxt is not None and nxt.kind == "name" and i + 1 not in used \
                and not _honorific_led(pieces, i + 1) and not generic_first:
            pick = i + 1
        elif prv is not None and prv.kind == "name" and i - 1 not in used:
            pick = i - 1
        else:
            pick = None
        if pick is None and p.glued_name:
            person.name = p.glued_name
            person.name_latin = None if _ARABIC.search(p.glued_name) else p.glued_name
            person.generic = False
        if pick is not None:
            used.add(pick)
            n = pieces[pick]
            person.name, person.name_latin, person.honorific = n.text, n.latin, n.honorific
            person.generic = False
        people.append(person)
    for i, p in enumerate(pieces):
        # a name alone: with an honorific, or right after "مع / avec / with" and not a common noun
        # phrase ("مختلف الدول الصديقة")
        if p.kind == "name" and i not in used and (p.honorific or p.after_connector and not (
                _ARABIC.search(p.text) and fold(p.text).startswith("ال"))):
            people.append(Person(name=p.text, name_latin=p.latin, honorific=p.honorific))
    return people


def _honorific_led(pieces: list[Piece], i: int) -> bool:
    """A name with an honorific followed by a role of its own ("…، السيد X، المدير …")."""
    return bool(pieces[i].honorific) and i + 1 < len(pieces) and pieces[i + 1].kind == "role" \
        and not pieces[i + 1].attendee


# --- countries and places ------------------------------------------------------------------------

def _country_of(text: str) -> tuple[str | None, str | None, str | None]:
    """(country, agency as written, the phrase the country came from) named in a role."""
    agency = None
    agency_country = None
    for a in find_agencies(text):
        if a.get("domestic") and not a.get("qualifier"):
            continue
        agency = a.get("with_adjective") or a.base or a.surface
        # keep the acronym in brackets right after the agency: "(AIVD)"
        after = re.match(r"\s*\(([^()]{2,12})\)", text[a.end:])
        if after and not a.get("with_adjective"):
            agency = f"{agency} ({after.group(1)})"
        agency_country = a.get("country") or a.code if a.get("type") == "international" else a.get("country")
        break
    for c in find_countries(text):
        if c.code and c.code != "MA":
            return c.code, agency, c.surface
    if agency_country and agency_country != "MA":
        return agency_country, agency, agency
    return None, agency, None


def _place_cities(text: str) -> list:
    """Cities named as a place: right after ب / في / à / in / at ("بالرباط", "à Rabat")."""
    out = []
    for c in _cities(text):
        before = text[:c.start].rstrip()
        glued = text[max(0, c.start - 1):c.start]
        if glued in ("ب",) or re.search(r"(?:^|\s)(?:في|à|a|in|at)$", before, re.IGNORECASE):
            out.append(c)
    return out


def _cities(text: str) -> list:
    return [c for c in find_cities(text) if not c.get("country_homonym")]


@dataclass
class _Context:
    """What the report says about the whole visit: where Hammouchi went, the foreign countries."""

    visit_country: str | None = None
    visit_city: str | None = None
    visit_phrase: str | None = None
    lead_countries: list[str] = field(default_factory=list)


def _context(text: str, title: str | None, spans: list[tuple[int, int, int]]) -> _Context:
    lx = lexicon()
    ctx = _Context()
    lead = [text[s:e] for s, e, n in spans if n < LEAD_PARAGRAPHS]
    for s in ([title] if title else []) + lead:
        f = fold(s)
        m = lx.visit.search(f)
        if m and names_hammouchi(f):
            # the destination is right after the cue
            words_before = len(f[:m.end()].split())
            dest = " ".join(s.split()[words_before:words_before + 6])
            cities = _cities(dest)
            countries = [c for c in find_countries(dest) if c.code]
            if cities and cities[0].get("country") != "MA":
                ctx.visit_city, ctx.visit_country = cities[0].code, cities[0].get("country")
            elif countries and countries[0].code != "MA":
                ctx.visit_country = countries[0].code
            if ctx.visit_country:
                ctx.visit_phrase = s[:200]
                break
    for s in ([title] if title else []) + lead:
        for c in find_countries(s):
            if c.code and c.code != "MA" and c.code not in ctx.lead_countries:
                ctx.lead_countries.append(c.code)
    return ctx


# --- the reader -----------------------------------------------------------------------------------

def extract_meetings(text: str, title: str | None = None, lang: str | None = None) -> Found:
    """The meetings `text` reports, one per counterpart, with counterpart, place, topics and the
    evidence each field came from; `reason` says why there are none."""
    lx = lexicon()
    text = text or ""
    spans = sentences(text)
    if not names_hammouchi(fold(text)) and not (title and names_hammouchi(fold(title))):
        return Found(reason="no_hammouchi")
    ctx = _context(text, title, spans)
    named = bool(title and names_hammouchi(fold(title)))
    found: list[tuple[Person, int, str, str | None, str | None]] = []  # person, sentence index, country
    attendees: list[str] = []
    first_meeting_at = first_meeting_para = None
    meeting_city = None  # the place named by the first sentence of his meetings
    saw_future = saw_recall = False
    teasers = _teaser_paragraphs(text)
    for idx, (s, e, para) in enumerate(spans):
        sentence = text[s:e]
        if _is_excerpt(sentence) or para in teasers:
            continue
        folded = fold(sentence)
        mentions = _mentions_hammouchi(folded, named)
        named = named or names_hammouchi(folded)
        verb = lx.meeting_verb.search(folded)
        noun = lx.meeting_noun.search(folded)
        # a future or recall cue governs the meeting only when it comes before its verb
        # ("سيستقبل", "is expected to meet"), not in a clause after it ("… المرتقب انعقادها")
        first = min((m.start() for m in (verb, noun) if m), default=len(folded))
        future = lx.future.search(folded)
        if mentions and future and future.start() <= first:
            saw_future = True
            continue
        if not (verb or noun):
            continue
        if not mentions and not (found and noun):
            continue
        recall = lx.recall.search(folded)
        if recall and recall.start() <= first + 10:
            saw_recall = True
            continue
        pieces = _split_pieces(sentence)
        for p in pieces:
            _classify(p, named)
        pieces = _after_verb(pieces, named)
        # "… بحضور حموشي", "en présence de M. Hammouchi": someone else's meeting he attended
        if mentions and not found and _attending(pieces):
            continue
        people = _persons(pieces)
        if mentions and meeting_city is None:
            cities = _cities(_without(sentence, people))
            meeting_city = cities[0] if cities else None
        if not people:
            continue
        sentence_rest = " ".join(p.text for p in pieces if p.kind != "hammouchi")
        for person in people:
            if person.attendee:
                attendees.append(person.title or person.name or "")
                continue
            country, agency, evidence = _country_of(person.title or "")
            if country is None:
                country, _, evidence = _country_of(person.name or "")
            if country is None:
                country, _, evidence = _country_of(sentence_rest)
            if country is None and ctx.visit_country:
                country, evidence = ctx.visit_country, ctx.visit_phrase
            if country is None and len(ctx.lead_countries) == 1:
                country, evidence = ctx.lead_countries[0], "lead"
            if country is None or country == "MA":
                continue
            person.weak = _headline_like(sentence)
            found.append((person, idx, country, agency, evidence))
            if first_meeting_at is None:
                first_meeting_at, first_meeting_para = s, para
    if meeting_city is None and title and names_hammouchi(fold(title)):
        # "حموشي يستقبل بالرباط سفير …": the headline may be the only one to say where
        meeting_city = next(iter(_place_cities(title)), None)
    if not found:
        if saw_future:
            return Found(reason="preview")
        if lx.ceremony.search(fold(text[:600])):
            return Found(reason="ceremony")
        if saw_recall:
            return Found(reason="earlier_meeting_recalled")
        return Found(reason="no_foreign_counterpart" if named else "no_meeting")
    # a report about something else that recalls a meeting near its end
    if first_meeting_at is not None and first_meeting_at > len(text) / 2 \
            and first_meeting_para >= PASSING_PARAGRAPHS and not (
            title and names_hammouchi(fold(title))):
        return Found(reason="meeting_mentioned_in_passing")
    found = _dedupe(found)
    # a headline line (a ticker, a related item) names a meeting only when the body names none
    if any(not p.weak for p, *_ in found):
        found = [f for f in found if not f[0].weak]
    return Found(meetings=_meetings(text, spans, found, attendees, ctx, meeting_city))


def _key(p: Person) -> str:
    return fold(p.name_latin or p.name or "").replace(" ", "")


def _dedupe(found: list) -> list:
    """One entry per counterpart: the same name again, or a nameless or generic mention of a country
    already met ("المسؤول الألماني"), adds nothing."""
    out: list = []
    for item in found:
        person, _, country, _, _ = item
        same = None
        for j, other in enumerate(out):
            op, _, oc, _, _ = other
            if person.name and op.name and (_key(person) == _key(op) or
                                             set(fold(person.name).split()) & set(fold(op.name).split())):
                same = j
            elif (not person.name or person.generic or not op.name or not person.title or not op.title) \
                    and oc == country:
                same = j
            if same is not None:
                break
        if same is None:
            out.append(item)
        elif (not out[same][0].name and person.name) or (not out[same][0].title and person.title):
            out[same] = item  # the named, titled mention, in the body's sentence, is the better one
    return out


def _meetings(text: str, spans, found: list, attendees: list[str], ctx: _Context,
              meeting_city) -> list[Meeting]:
    meetings = []
    starts = [idx for _, idx, _, _, _ in found]
    for k, (person, idx, country, agency, evidence) in enumerate(found):
        s, e, para = spans[idx]
        sentence = text[s:e]
        # the meeting's section: from its sentence to the next meeting's sentence (the whole text
        # when it is the only one)
        nxt = next((j for j in starts[k + 1:] if j > idx), None)
        if len(found) == 1:
            section = text
        else:
            lo = s  # a shared lead ("Terrorisme, migrations… au cœur des discussions") is no one's
            hi = spans[nxt][0] if nxt is not None else len(text)
            section = text[lo:hi]
        cp = Counterpart(name=person.name, name_latin=person.name_latin, title=person.title,
                         honorific=person.honorific, country=country, agency=agency)
        loc, loc_evidence = _location(sentence, person, ctx, meetings, meeting_city)
        topics = find_topics(section)
        m = Meeting(counterpart=cp, location=loc, hammouchi_abroad=bool(loc.country and loc.country != "MA"),
                    topics=list(topics), attendees=[a for a in attendees if a])
        m.evidence = {"sentence": sentence}
        if evidence:
            m.evidence["country"] = evidence
        if loc_evidence:
            m.evidence["location"] = loc_evidence
        for code, phrase in topics.items():
            m.evidence[f"topic:{code}"] = phrase
        meetings.append(m)
    return meetings


def _without(sentence: str, people: list[Person]) -> str:
    """The sentence without the people's roles and names (a city there is not the meeting's place)."""
    for person in people:
        for part in (person.title, person.name):
            if part:
                sentence = sentence.replace(part, " ")
    return sentence


def _location(sentence: str, person: Person, ctx: _Context, before: list[Meeting],
              meeting_city) -> tuple[Location, str | None]:
    """The city named in the meeting's sentence outside the counterpart's role; else the place of the
    visit (a city, or the city of the previous meeting in that country); else the city of the
    report's first meeting sentence ("استقبل … بالرباط، على التوالي، سفراء …"); else Morocco."""
    cities = _cities(_without(sentence, [person]))
    if cities:
        c = cities[0]
        return Location(city=c.code, country=c.get("country")), c.surface
    if ctx.visit_country:
        city = ctx.visit_city
        if city is None and before and before[-1].location.country == ctx.visit_country:
            city = before[-1].location.city
        return Location(city=city, country=ctx.visit_country), ctx.visit_phrase
    if meeting_city is not None:
        return Location(city=meeting_city.code, country=meeting_city.get("country")), meeting_city.surface
    return Location(city=None, country="MA"), None
