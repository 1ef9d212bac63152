"""Stage 4: the people of a meeting sentence.

The genre (../shared/GENRE.md) writes a counterpart as comma-separated pieces, a role
("المدير الوطني للشرطة القضائية بالجمهورية البرتغالية") next to a name ("السيد جواو مانويل
ترافاسوس"), in either order; real outlets also glue them ("سفير كندا السيد دانيال تيبودو",
"Interior Minister Pedro Alonso Ruiz"), put several in a row joined by و / et / and, and put a rank
before the name ("اللواء", "vice-amiral"). So a sentence is cut at its commas (and at "مع / avec /
with / par / by"), each `Piece` is classed (hammouchi, role, name, other), and each role is paired
with the name beside it into a `Person`. Every word list is data in data/lexicon.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crawler.meetings.gaz import find_agencies, find_cities, find_countries
from crawler.meetings.hammouchi import mentions
from crawler.meetings.lexicon import lexicon
from crawler.textnorm import ARABIC_RE as _ARABIC
from crawler.vocab import fold, fold_map

# Latin capitals and small letters beyond Latin-1 too ("Ľubomír Ďurčanský", "Łukasz", "Șerban"): the
# name patterns below start a name with any of these capitals
UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
LOWER = "a-zß-öø-ÿ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.islower())


def rx(pattern: str, flags: int = 0) -> re.Pattern:
    """A pattern whose "{U}" and "{L}" stand for the capitals and small letters above."""
    return re.compile(pattern.replace("{U}", UPPER).replace("{L}", LOWER), flags)


# a role told as a verb: "who heads …", "qui dirige …" (one person, though "heads" is a plural role word)
HEADS = re.compile(r"^(?:who\s+|qui\s+)?(?:heads|leads|directs|runs|dirige|preside|préside)\s+",
                   re.IGNORECASE)
_CHUNK_SEP = "،,;؛"  # the marks between pieces of a sentence
_SPLIT_MARK = re.compile(f"[(（)）{_CHUNK_SEP}]")
_PAREN = re.compile(r"\s*[(（]([^()（）]*)[)）]\s*")
_LATIN_NAME_TOKEN = rx(
    r"^(?:[{U}][\w'’-]*|[A-Z]\.|van|von|de|der|den|da|dos|del|di|du|la|le|bin|ibn|ben|al|el|ould"
    r"|(?:al|el|ad|as|ash|at|az|ibn|bin|ben|abu|ould|d)[-'’][{U}][\w'’-]*)$")  # "al-Saadi", "d'Souza"
_AR_WORD = re.compile(r"^[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff-]+$")  # letters only: no brackets
_AR_ACRONYM = re.compile(r"[(（][A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ.\-]{1,10}[)）]")
_LATIN_PARTICLE = re.compile(r"^(?:van|von|de|der|den|da|dos|del|di|du|la|le|bin|ibn|ben|al|el|ould)$")
# "Europol's", "INTERPOL's", "the Garda Síochána's": capitalised words ending in 's right before a
# role; "FBI", "CIA": an acronym right before it
_POSSESSIVE = rx(r"(?:(?:[{U}][\w-]*\s+){0,3}[{U}][\w-]*['’]s|(?:\b[A-Z]{2,}\s+){1,2})\s*$")
_LATIN_RUN = rx(r"(?:[{U}][\w'’-]+\s+){1,4}[{U}][\w'’-]+\s*$")
MAX_NAME_TOKENS = 6
# a dateline with its agency's credit opening a sentence: city, a dash or "في", the date, "(ومع)" or
# "/العمانية/", an optional dash
_OPENING_DATELINE = re.compile(
    r"^\s*[^\W\d_]+(?:[ -][^\W\d_]+)?\s*(?:[-–—]|\sفي\s)\s*[^()/\n]{0,40}?"
    r"(?:\([^()]{1,20}\)|/[^/]{1,20}/)\s*[-–—]?\s*")
_WEEKDAYS_MONTHS = {fold(w) for w in (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche").split()}


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
    bound: bool = False  # written right after the piece before it, without a comma ("سفير كندا السيد …")
    remainder: str | None = None  # a role written right after the name ("السيدة X رئيسة جهاز …")
    glued_name: str | None = None  # a name written right after the role, without a comma
    glued_honorific: str | None = None  # the rank written between that role and name ("… اللواء X")
    written: str | None = None  # the piece as cut, before classify kept only its role or name
    surname_only: bool = False  # one family name alone ("with Brandtner, the president of …")
    heads: bool = False  # a role told as a verb ("who heads …")


@dataclass
class Person:
    """One official of a meeting sentence: a role, a name, or both."""

    name: str | None = None
    name_latin: str | None = None
    honorific: str | None = None
    title: str | None = None
    attendee: bool = False
    generic: bool = False
    weak: bool = False  # read from a headline-like line, not from a sentence of the body
    country: str | None = None  # the country a list gave this person ("سفراء كل من إسبانيا وفرنسا")
    service: str | None = None  # "…, who heads the Bureau of …" after a role and its name: the agency's role


@dataclass
class Reading:
    """What stage 4 read in one sentence."""

    pieces: list[Piece]
    people: list[Person]
    attending: bool  # every mention of Hammouchi follows an attendee cue ("بحضور حموشي")
    proxied: bool = False  # every mention follows a proxy cue ("تنفيذا لتعليمات حموشي", "ممثلا لحموشي")


def read_people(sentence: str, named: bool, named_before: bool) -> Reading:
    pieces = []
    for p in split_pieces(sentence):
        classify(p, named, named_before)
        pieces.append(p)
        pieces += _remainder(p, named, named_before)
    pieces = after_verb(pieces, named, named_before)
    _leading_surname(pieces)
    attendee_runs(pieces)
    lx = lexicon()
    return Reading(pieces=pieces, people=persons(pieces),
                   attending=attending(pieces, named, named_before),
                   proxied=attending(pieces, named, named_before, lx.proxy))


def _remainder(p: Piece, named: bool, named_before: bool) -> list[Piece]:
    """"السيدة إنجريد سولفانج رئيسة جهاز …": the role after the name is a piece of its own."""
    if not p.remainder:
        return []
    role = Piece(p.remainder, bound=True)
    classify(role, named, named_before)
    return [role] if role.kind == "role" else []


# --- pieces ----------------------------------------------------------------------------------------

def split_pieces(sentence: str) -> list[Piece]:
    """Cut at commas outside brackets, then before a last "مع / avec / with", then before an
    honorific inside a piece ("… سفير كندا السيد دانيال تيبودو")."""
    lx = lexicon()
    parts = split_outside_brackets(sentence)
    pieces = []
    opening = _OPENING_DATELINE.match(parts[0]) if parts else None
    if opening and parts[0][opening.end():].strip():
        # "الرباط في ١٤ مايو ٢٠٢٥ /العمانية/ التقى …": the dateline and its credit are a piece of their own
        pieces.append(Piece(parts[0][:opening.end()].strip()))
        parts[0] = parts[0][opening.end():]
    for p in parts:
        p = p.strip()
        if not p:
            continue
        bound = after = False
        inner = lx.inner_honorific.search(p)
        if inner and _address_only(p[:inner.start()]):
            inner = None  # "(مع) سعادة السيد X": a form of address before the honorific stays with it
        if inner and _middle_initial(p, inner):
            inner = None  # "Deborah M. Kessling": a first name's middle initial, not "Monsieur"
        if inner and p[:inner.start()].strip():
            head = p[:inner.start()].strip()
            p = p[inner.start():].strip()
            if lx.connector.fullmatch(f" {head} "):
                after = True  # "مع السيد …": the connector alone before the name
            else:
                pieces += _cut_connector(head, False)
                bound = True
        for k, part in enumerate(_cut_and_role(p)):
            cut = _cut_connector(part, bound and k == 0)
            if after and k == 0:
                cut[0].after_connector = True
            pieces += cut
    return pieces


_INITIAL = re.compile(r"^[A-Z]\.$")


def _middle_initial(p: str, inner: re.Match) -> bool:
    """A one-letter honorific ("M.") between a first name and a capitalised word: the name's initial.
    The word before it may be a family name's (not a country, a city, a service, a role or an
    organisation word: "… du Mali M. Diarra" keeps the honorific)."""
    if not _INITIAL.match(inner.group().strip()):
        return False
    before = p[:inner.start()].split()
    after = p[inner.end():].split()
    return bool(before) and bool(after) and after[0][:1].isupper() and surname_only(before[-1]) \
        and not _ARTICLE.match(before[-1] + " ")


def _address_only(head: str) -> bool:
    """`head` is forms of address only, after an optional connector ("سعادة", "مع معالي")."""
    c = lexicon().connector.match(head.strip() + " ")
    rest = head.strip()[c.end():] if c else head.strip()
    return bool(rest.strip()) and strip_honorific(rest.strip())[1] == ""


_AND = re.compile(r"\s(?:and|et)\s+(?=\S)")
_ARTICLE = re.compile(r"^(?:the|le|la|les|l['’])\s*", re.IGNORECASE)


def _cut_and_role(p: str) -> list[str]:
    """Latin script: a list written without a comma before its last item, "… Director Mihai Stoenescu
    and the General Inspector of the Romanian Police": cut before "and / et" when a role follows it
    (after an article or a nationality) and the part before holds a role and a name of its own."""
    if _ARABIC.search(p) or not _AND.search(p):
        return [p]
    lx = lexicon()
    parts, start = [], 0
    for m in _AND.finditer(p):
        head, tail = p[start:m.start()], p[m.end():]
        rest = _ARTICLE.sub("", tail)
        adj = [c for c in find_countries(rest[:40]) if c.code and c.start == 0]
        if adj:
            rest = rest[adj[0].end:].lstrip()
        if not lx.role.match(fold(rest)) or lx.role_plural.match(fold(rest)):
            continue
        verbs = list(lx.meeting_verb.finditer(fold(head)))
        own = head[original_span(head, verbs[-1].end(), verbs[-1].end() + 1)[0]:] if verbs else head
        if not lx.role.search(fold(own)) or not _LATIN_RUN.search(own.rstrip(" .")) \
                or mentions(fold(own), True, True):
            continue
        parts.append(head)
        start = m.end()
    parts.append(p[start:])
    return [x for x in parts if x.strip()]


def split_outside_brackets(sentence: str) -> list[str]:
    """The sentence cut at each comma or semicolon (Arabic or Latin) outside brackets, the marks
    dropped; only brackets and marks are looked at (one regex), not every character."""
    parts, depth, start = [], 0, 0
    for m in _SPLIT_MARK.finditer(sentence):
        ch = m.group()
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(sentence[start:m.start()])
            start = m.end()
    parts.append(sentence[start:])
    return parts


def _cut_connector(p: str, bound: bool) -> list[Piece]:
    cuts = list(lexicon().connector.finditer(p))
    if not cuts:
        return [Piece(p, bound=bound)]
    out = []
    head, tail = p[:cuts[-1].start()].strip(), p[cuts[-1].end():].strip()
    if head:
        out.append(Piece(head, bound=bound))
    if tail:
        out.append(Piece(tail, after_connector=True))
    return out


def after_verb(pieces: list[Piece], named: bool, named_before: bool) -> list[Piece]:
    """A Hammouchi piece may hold the counterpart too: "حموشي يستقبل مسؤول الاستعلامات …" (after the
    verb), "استقبل حموشي سفير فرنسا بالمغرب" (after his name), "استقبل وزير الداخلية القطري …
    المسؤول الأمني المغربي" (between the verb and him: he is the one received): that part is a
    piece of its own."""
    lx = lexicon()
    out = []
    for p in pieces:
        if p.kind == "hammouchi":
            folded = fold(p.text)
            v = lx.meeting_verb.search(folded)
            found = mentions(folded, named, named_before)
            # "Mercredi, il a rencontré le responsable …": a subject pronoun alone stands for him too
            h = [m for m in found if m.kind != "pronoun"] \
                or [m for m in found if m.start < (v.start() if v else 0)]
            last = max((m.end for m in h), default=None)
            cut = None
            first = min((m.start for m in h), default=None)
            between = v is not None and first is not None and v.end() < first
            r = lx.role.search(folded, v.end(), first) if between else None
            subject = lx.role.search(folded, 0, v.start()) if between and r is None else None
            if subject is not None and folded[:v.start()].strip():
                # "Qatar's Interior Minister Sheikh X received the Moroccan official": the host is the
                # subject before the verb
                b, _ = original_span(p.text, v.start(), v.start() + 1)
                host = Piece(p.text[:b].strip())
                classify(host, named, named_before)
                if host.kind in ("role", "name"):
                    out += [host, Piece(p.text[b:].strip(), kind="hammouchi")]
                    continue
            if r is not None and folded[r.start():first].strip():
                # "استقبل وزير الداخلية القطري الشيخ X المسؤول الأمني المغربي": the host, the subject
                # between the verb and him, is a piece of its own
                a, _ = original_span(p.text, r.start(), r.start() + 1)
                b, _ = original_span(p.text, first, first + 1)
                host = Piece(p.text[a:b].strip())
                classify(host, named, named_before)
                if host.kind in ("role", "name"):
                    out += [Piece(p.text[:a].strip()), host, Piece(p.text[b:].strip(), kind="hammouchi")]
                    continue
            if first is not None and (v is None or v.start() > first):
                host_span = _gapped_host(folded, first)
                if host_span is not None:
                    # "حل المدير العام للشرطة … X ضيفا على حموشي": the host written inside a verb in
                    # parts, all of it before him, is the counterpart
                    a, _ = original_span(p.text, host_span[0], host_span[0] + 1)
                    b, _ = original_span(p.text, host_span[1], host_span[1] + 1)
                    host = Piece(p.text[a:b].strip())
                    classify(host, named, named_before)
                    if host.kind in ("role", "name"):
                        out += [Piece(p.text[:a].strip()), host, Piece(p.text[b:].strip(), kind="hammouchi")]
                        continue
            if v and h and first < v.start() and folded[v.end():].strip():
                cut = v.end()
            elif last is not None and (lx.role.search(folded, last)
                                       or lx.delegation.match(folded[last:].strip())):
                cut = last
            elif last is not None and _joined_name(p.text, folded, last):
                # "مباحثات بين عبد اللطيف حموشي وX، رئيس …": the name joined to his by و
                cut = last
            if cut is not None:
                start, _ = original_span(p.text, cut, cut + 1)
                tail = Piece(p.text[start:].strip())
                if cut == last and _joined_name(p.text, folded, last):
                    tail = Piece(tail.text[1:].strip())
                classify(tail, named, named_before)
                ranked = _ranked_tail(p.text, folded, cut, named, named_before) \
                    if tail.kind == "role" else None
                if ranked is not None:
                    # "استقبل حموشي امس بالرباط الفريق X رئيس …": the rank opens the counterpart's name
                    start, tail = ranked
                if tail.kind in ("role", "name"):
                    out += [Piece(p.text[:start].strip(), kind="hammouchi"), tail] + _remainder(tail, named,
                                                                                                named_before)
                    continue
        out.append(p)
    return out


def _gapped_host(folded: str, first: int) -> tuple[int, int] | None:
    """[start, end) of a role written between the parts of a meeting verb in parts that ends before
    his first mention ("حل <role> <name> ضيفا على …", "كان <role> في استقبال …"), or None."""
    lx = lexicon()
    g = lx.meeting_verb_gapped.search(folded)
    if g is None or g.end() > first:
        return None
    head_end = folded.find(" ", g.start())
    tail = next((t for t in lx.meeting_verb_last_parts if folded.endswith(t, 0, g.end())), None)
    if head_end < 0 or tail is None:
        return None
    end = g.end() - len(tail)
    r = lx.role.search(folded, head_end, end)
    if r is None or not folded[r.start():end].strip():
        return None
    return r.start(), end


def _ranked_tail(text: str, folded: str, cut: int, named: bool,
                 named_before: bool) -> tuple[int, Piece] | None:
    """The counterpart written after his mention without a comma, a rank before the name and the role
    after it ("… امس الخميس بالرباط الفريق خليفة X رئيس الأمن العام …"): the piece from the rank, when
    it reads as a name with its role (else None)."""
    lx = lexicon()
    r = lx.role.search(folded, cut)
    if r is None:
        return None
    ranks = [m for m in lx.honorific_any.finditer(folded, cut, r.start())]
    if not ranks:
        return None
    start, _ = original_span(text, ranks[-1].start(), ranks[-1].start() + 1)
    piece = Piece(text[start:].strip())
    classify(piece, named, named_before)
    if piece.kind != "name" or not piece.remainder:
        return None
    return start, piece


def _joined_name(text: str, folded: str, last: int) -> bool:
    """The words after his last mention are a name joined to it by a glued و ("حموشي وإلتشين X")."""
    tail = folded[last:].strip()
    if not tail.startswith("و") or len(tail) < 2 or tail[1] == " ":
        return False
    start, _ = original_span(text, last, last + 1)
    rest = text[start:].strip()[1:]
    return name_ok(rest.strip(" .:;!؟")) or _name_prefix(rest) is not None


def attendee_runs(pieces: list[Piece]) -> None:
    """"…، الجنرال X، القائد الأعلى …، مرفوقا بوفد يضم كلا من العقيد Y، قائد …، والمقدم Z، رئيس …":
    once a counterpart is read, an attendee cue opens a list of attendees that runs to the end of
    the sentence, or to a piece that names Hammouchi or holds a meeting verb ("كما استقبل …")."""
    lx = lexicon()
    met = run = False
    for p in pieces:
        if p.kind == "hammouchi" or lx.meeting_verb.search(fold(p.written or p.text)):
            run = False
            continue
        if run and p.kind in ("role", "name"):
            p.attendee = True
            continue
        if p.kind in ("role", "name") and not p.attendee and not p.role_generic:
            met = True
        if met and (p.attendee or lx.attendee.search(fold(p.text))):
            run = True


def attending(pieces: list[Piece], named: bool, named_before: bool, cues: re.Pattern | None = None) -> bool:
    """Every mention of Hammouchi follows an attendee cue (`cues`, by default the attendee cues), in
    its piece or in the Hammouchi piece just before it ("بحضور المدير العام …، عبد اللطيف حموشي"), or
    the sentence opens with one."""
    lx = lexicon()
    proxy = cues is not None
    cues = cues or lx.attendee
    seen, att = False, True
    # "Ont pris part à la réunion, côté marocain, …, M. Hammouchi": a sentence opening with the cue
    # lists who attended, every piece after it
    opened = bool(pieces) and bool(cues.match(fold(pieces[0].written or pieces[0].text).strip()))
    for i, p in enumerate(pieces):
        if p.kind != "hammouchi":
            continue
        folded = fold(p.text)
        h = mentions(folded, named, named_before)
        if proxy and not any(m.kind in ("name", "title", "bare_title") for m in h):
            continue  # "ترأس نائب المدير العام، X، ممثلا لحموشي": only where he is named
        cue = bool(cues.search(folded[:h[0].start] if h else folded))
        if not cue and p.bound and i > 0:
            # "en présence de M. Hammouchi": the cue is in the piece cut off before the honorific
            cue = bool(cues.search(fold(pieces[i - 1].text)))
        carried = i > 0 and pieces[i - 1].kind == "hammouchi" and seen and att
        att = att and (cue or carried or opened)
        seen = True
    return seen and att


MAX_HONORIFICS = 3  # forms of address and ranks written in a row ("معالي الفريق X", "سعادة السيد X")


def strip_honorific(text: str) -> tuple[str | None, str]:
    """The honorifics that open `text` (several in a row: "سعادة اللواء"), and the rest."""
    toks = text.split()
    n = 0
    for _ in range(MAX_HONORIFICS):
        rest = " ".join(toks[n:])
        m = lexicon().honorific.match(fold(rest))
        if not m or n + len(fold(rest)[:m.end()].split()) >= len(toks) and n:
            break
        n += len(fold(rest)[:m.end()].split())
    if not n:
        return None, text
    return " ".join(toks[:n]).rstrip("."), " ".join(toks[n:])


def _strip_verb(text: str) -> str:
    """A piece opening with the first word of a meeting verb, then a name ("أجرى X، نائب مدير …،
    محادثات مع حموشي", "التقى معالي الفريق X المفتش العام …"): the piece without the verb."""
    toks = text.split()
    if len(toks) < 3 or not _ARABIC.search(toks[0]):
        return text
    first = fold(toks[0])
    lx = lexicon()
    if first in lx.verb_first_words or first[:1] in "وف" and first[1:] in lx.verb_first_words:
        return " ".join(toks[1:])
    return text


def _like(text: str, at: int) -> bool:
    """A country found at `at` behind the clitic ك alone ("كلاوس" is no "like Laos" in a name)."""
    return at > 0 and text[at - 1] == "ك" and (at == 1 or text[at - 2].isspace())


@lru_cache(maxsize=8192)
def name_ok(name: str) -> bool:
    toks = name.split()
    # a digit anywhere in the name is one in a word (a space is no digit)
    if not 2 <= len(toks) <= MAX_NAME_TOKENS or any(map(str.isdigit, name)):
        return False
    lx = lexicon()
    if _ARABIC.search(name):
        first = fold(toks[0])
        first = first[1:] if first[:1] in "وف" and len(first) > 3 else first
        if first in lx.verb_first_words or first.endswith("ا") and first[:-1] in lx.verb_first_words:
            return False  # "وبحثا ضبط الحدود": a verb (its dual too) opens no name
        for t in toks:
            f = fold(t)
            written_ya = t.endswith("ي") and f in lx.not_name_maqsura  # "علي", not "على"
            if f in lx.not_name and not written_ya or f.startswith("لل") or not _ARABIC.search(t) \
                    or not _AR_WORD.match(t):
                return False
        countries = [c for c in find_countries(name) if not _like(name, c.start)]
        return not lx.role.search(fold(name)) and not countries and not find_cities(name)
    return all(_LATIN_NAME_TOKEN.match(t) for t in toks) and toks[0][:1].isupper() \
        and not lx.role.search(fold(name)) and not _LATIN_PARTICLE.match(toks[-1])


_SURNAME = rx(r"^(?:(?:Al|El|Ben|Abu|Ould|Mac|Mc|O)['’-]?)?[{U}][{L}'’-]{2,}$")


def _leading_surname(pieces: list[Piece]) -> None:
    """"Al-Qarni, the deputy head of …, held talks …": a family name alone that opens the sentence,
    with a role right after it, is that role's holder (`persons` pairs it with the role)."""
    if len(pieces) < 2 or pieces[0].kind != "other" or pieces[1].kind != "role" or pieces[1].attendee:
        return
    token = pieces[0].text.strip()
    if " " not in token and surname_only(token):
        pieces[0].kind, pieces[0].text, pieces[0].latin, pieces[0].surname_only = "name", token, token, True


def surname_only(token: str) -> bool:
    """One capitalised Latin word that may be a family name written alone ("Brandtner"): not an
    acronym, a country, a city, an agency, an organisation word, a weekday or a month."""
    token = token.strip(" .,;:")
    if not _SURNAME.match(token) or fold(token) in lexicon().org_words or fold(token) in _WEEKDAYS_MONTHS:
        return False
    return not (find_countries(token) or find_cities(token) or find_agencies(token)
                or lexicon().role.search(fold(token)))


def _place_word(token: str) -> bool:
    """"بالرباط", "في": a place named after a name ("… Erik Lindqvist بالرباط")."""
    return token.startswith("ب") and bool(find_cities(token[1:]))


def _name_prefix(text: str) -> tuple[str, str | None] | None:
    """The name that starts `text`, and the role written right after it if one is: ("آنا ليزا
    راوتيو التي تقوم بزيارة …" -> "آنا ليزا راوتيو"; "إنجريد سولفانج رئيسة جهاز …" -> the name and
    "رئيسة جهاز …")."""
    toks = text.split()
    lx = lexicon()
    for n in range(min(len(toks), MAX_NAME_TOKENS), 1, -1):
        cand = " ".join(toks[:n])
        if not name_ok(cand):
            continue  # pure, like the stop below, and it fails first for most lengths: tested first
        rest = " ".join(toks[n:])
        nxt = fold(toks[n]) if n < len(toks) else ""
        role = bool(rest) and bool(lx.role.match(fold(rest)))
        stop = not nxt or nxt in lx.not_name or lx.role_stop.match(nxt) or role or not _ARABIC.search(cand) \
            and not toks[n][:1].isupper() or _place_word(toks[n])
        if stop:
            return cand, rest if role else None
    return None


def _name_then_role(name: str, role: str | None) -> bool:
    """A name written right before a role with no honorific ("X نائب مدير مكتب …"): the role's first
    word as it is (no preposition glued to it: "لقائه بسفير كندا" is no name and a role), and no
    word of a meeting in the name."""
    if role is None or not _ARABIC.search(name):
        return False
    lx = lexicon()
    return fold(role.split()[0]) in lx.role_first_words and not lx.meeting_noun.search(fold(name)) \
        and not lx.meeting_verb.search(fold(name))


def classify(piece: Piece, named: bool, named_before: bool) -> None:
    lx = lexicon()
    if piece.written is None:
        piece.written = piece.text
    text = piece.text
    folded = fold(text)
    if mentions(folded, named, named_before):
        piece.kind = "hammouchi"
        return
    if lx.not_person.search(folded):
        return  # an award, a gift: nobody
    cue = lx.attendee_start.match(folded)
    if cue and folded[cue.end():].strip():
        # "يرافقه العقيد X", "بحضور السيد X": someone present, named after the cue
        piece.attendee = True
        start, _ = original_span(text, cue.end(), cue.end() + 1)
        text = text[start:].strip()
        folded = fold(text)
    # a name: [verb] [honorific] NAME [(other spelling)]
    unverbed = _strip_verb(text)
    honorific, rest = strip_honorific(unverbed)
    if honorific is None and unverbed is not text and not name_ok(_PAREN.sub(" ", unverbed).strip(" .:;!؟")) \
            and not _name_prefix(unverbed):
        rest = text  # the verb opens a role or other words, not a name
    inner = _PAREN.search(rest)
    bare = (_PAREN.sub(" ", rest) if inner else rest).strip(" .:;!؟")
    rank_is_role = bool(honorific) and bool(lx.role.match(fold(honorific)))
    if not name_ok(bare):
        # "السيدة آنا ليزا راوتيو التي تقوم بزيارة عمل …": the name, then its clause; without an
        # honorific, only a name written right before a role ("X نائب مدير مكتب …")
        found = _name_prefix(rest.strip(" .:;!؟"))
        if found and not (honorific and not rank_is_role or piece.bound) and not _name_then_role(*found):
            found = None
        if found:
            prefix, piece.remainder = found
            bare, inner = prefix, _PAREN.search(rest[len(prefix):len(prefix) + 40] + " ") \
                if rest[len(prefix):].lstrip().startswith("(") else None
    if name_ok(bare):
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
    plural = lx.role_plural.search(folded)
    heads = HEADS.match(text)
    if heads and (not m or m.start() >= heads.end()):
        # "…, who heads the State Department's Bureau of …": the verb opens one person's role
        plural = None
        piece.heads = True
        m = re.match(r"(?:who\s+|qui\s+)?", folded)
        m = re.compile(r"\S+").search(folded, m.end())
    if plural and (not m or plural.start() < m.start()):
        # "سفراء كل من إسبانيا وفرنسا", "the ambassadors of Brazil": several people, one per country
        m = plural
    if not m:
        tail = _trailing_latin_name(text)
        if tail:
            piece.kind, piece.text, piece.latin = "name", tail, tail
        elif piece.after_connector and not honorific and surname_only(bare) and " " not in bare.strip():
            # "held talks with Brandtner, the president of …": a family name alone, paired with the
            # role beside it (alone, it names no one: `persons` wants a role for it)
            piece.kind, piece.text, piece.latin, piece.surname_only = "name", bare.strip(), bare.strip(), True
        return
    before = folded[:m.start()]
    piece.attendee = piece.attendee or bool(lx.attendee.search(before))
    owner = _POSSESSIVE.search(text[:m.start()]) if not _ARABIC.search(text) else None
    if owner:
        m_start = owner.start()  # "Europol's Deputy Executive Director": the owner is part of the role
    else:
        m_start = m.start()
        if not _ARABIC.search(text):
            # "the Japanese ambassador", "the Kenyan Interior Minister": the nationality before the role
            prev = text[:m.start()].rstrip()
            org = _service_before(prev)
            if org is not None and prev[:org].strip().split()[-1:] in _LEAD_WORDS:
                # "the Australian Federal Police Commissioner": the service written before the role
                m_start = org
                prev = prev[:org].rstrip()
            adj = [c for c in find_countries(prev) if c.code and c.end == len(prev)]
            last = prev[:adj[-1].start].strip().split()[-1:] if adj else []
            if adj and (last in _LEAD_WORDS or fold(last[0]).strip(",") in _WEEKDAYS_MONTHS
                        or last[0].strip(",").isdigit()):
                # … or a dateline's dash: "Rabat – Dutch Ambassador to Morocco X met with …"; or the
                # day of the meeting before it: "received on Tuesday Finnish Ambassador X"
                m_start = adj[-1].start
    piece.role_plural = m is plural or not heads and bool(
        lx.role_plural.search(folded[m.start():m.end() + 12].split(" ")[0]))
    stop = lx.role_stop.search(folded, m.end())
    if not _ARABIC.search(text):
        # "Dutch Ambassador to Morocco Annelies Vroom met …": in Latin script a meeting verb
        # written after the role ends it (its subject is the role and the name before the verb)
        verbs = [v for v in (lx.meeting_verb.search(folded, m.end()),
                             lx.meeting_verb_gapped.search(folded, m.end())) if v is not None]
        verb = min(verbs, key=lambda v: v.start(), default=None)
        if verb and (stop is None or verb.start() < stop.start()):
            stop = verb
    else:
        # "… رئيس الأمن العام البحريني وتباحث معه حول …": a meeting verb glued to و after the role
        # opens the next clause
        verb = next((v for v in lx.meeting_verb.finditer(folded, m.end())
                     if _glued_and(folded, v.start())), None)
        if verb and (stop is None or verb.start() < stop.start()):
            stop = verb
    start, end = original_span(text, m_start, stop.start() if stop else len(folded))
    if not _ARABIC.search(text):
        end = _before_place(text, start, end)
    role = _strip_role_clitic(text[start:end].strip(" .:;"))
    role, rank, glued = _ranked_name(role)
    if glued is None:
        role, glued = _glued_name(role)
    piece.kind, piece.text = "role", role
    if glued:
        piece.glued_name, piece.glued_honorific = glued, rank
    # "المسؤول الألماني", "son homologue": points back at someone, names no one new
    piece.role_generic = bool(lx.role_generic.match(fold(role))) and len(role.split()) <= 3
    # "مع المراقب العام عمر سيك": a rank with a name after it is a name
    honorific, rest = strip_honorific(role)
    if honorific and name_ok(rest):
        piece.kind, piece.text, piece.honorific = "name", rest, honorific


# What may stand before a nationality or a service written before an English role.
_LEAD_WORDS = ([], ["the"], ["The"], ["and"], ["et"], ["–"], ["-"], ["—"], [":"])

_OF_ORGANISATION = re.compile(r"^\s*(?:of the|of|de la|de l['’]|du|des|de)\s+(?=\S)", re.IGNORECASE)
_TRAILING_ACRONYM = rx(r"\s*[(（][{U}][\w.\-]{1,10}[)）]\s*$")
_OWNER = rx(r"(?:^|(?<=\s))[{U}][\w-]*['’]s\s+$")
_CAPITALISED_RUN = rx(r"(?:[{U}][\w'’-]*\s+){1,5}[{U}][\w'’-]*$")


def _service_before(prev: str) -> int | None:
    """Where a service written right before an English role starts: a gazetteer agency ending there,
    else capitalised words ending in an organisation word ("Kenya Police Service Inspector General")."""
    acronym = _TRAILING_ACRONYM.search(prev)
    if acronym:
        prev = prev[:acronym.start()]  # "Romanian Intelligence Service (SRI) Director"
    if not prev[-1:].isalpha():
        return None
    found = [a for a in find_agencies(prev) if a.end == len(prev)]
    start = found[-1].start if found else None
    run = _CAPITALISED_RUN.search(prev)
    if start is None and run and fold(run.group().split()[-1]) in lexicon().org_words:
        start = run.start()
    if start is not None:
        owner = _OWNER.search(prev[:start])
        return owner.start() if owner else start  # "Jordan's Public Security Directorate Director"
    return None


_PLACE_MARK = rx(r"\s(?:in|at|à|au|en)\s+(?=[{U}])")


_TOPIC_MARK = rx(r"\s(?:on\s+(?=[a-z])|sur\s+(?:la|le|les|l['’])\s*(?=[{L}]))")


def _glued_and(folded: str, at: int) -> bool:
    """A word at `at` opens with a glued و, after a space ("… البحريني وتباحث")."""
    at = at + 1 if folded[at:at + 1].isspace() else at
    return folded[at:at + 1] == "و" and at > 0 and folded[at - 1].isspace() or \
        folded[at - 1:at] == "و" and at > 1 and folded[at - 2].isspace()


def _before_place(text: str, start: int, end: int) -> int:
    """In Latin script a role ends before "in / at / à" and a city ("… Minister X in Madrid"), and
    before "on / sur" and a lower-case word: what was discussed ("… Secretary X on border security")."""
    for mm in _PLACE_MARK.finditer(text, start, end):
        if any(c.start == 0 for c in find_cities(text[mm.end():mm.end() + 40])):
            end = mm.start()
            break
    topic = _TOPIC_MARK.search(text, start, end)
    return topic.start() if topic else end


def _trailing_latin_name(text: str) -> str | None:
    """"received on Monday in Rabat Maria Gonzalez": the capitalised words that end a piece, without
    the place or day names they start with."""
    m = _LATIN_RUN.search(text)
    if not m or _ARABIC.search(text):
        return None
    if lexicon().topic_clause.search(fold(text[:m.start()])):
        return None  # "… focused on routes linking Latin America": what was discussed, not who
    toks = m.group().split()
    while toks and (find_cities(toks[0]) or find_countries(toks[0]) or fold(toks[0]) in _WEEKDAYS_MONTHS):
        toks = toks[1:]
    name = " ".join(toks)
    return name if name_ok(name) and text.rstrip().endswith(name) else None


def _leading_latin_name(text: str) -> str | None:
    """"Siobhán Brannigan to the headquarters …": the capitalised words that start a text."""
    toks = []
    for t in text.split():
        t = t.strip(",.;:")
        if _LATIN_NAME_TOKEN.match(t) and not _ARABIC.search(t):
            toks.append(t)
        else:
            break
    words = lexicon().org_words
    for k, t in enumerate(toks):
        if k and fold(t) in words and _LATIN_PARTICLE.match(toks[k - 1]):
            toks = toks[:k]  # "Jan Peeters de la Sûreté …": the organisation after a particle is no name
            break
    while toks and _LATIN_PARTICLE.match(toks[-1]):
        toks.pop()
    name = " ".join(toks[:MAX_NAME_TOKENS])
    return name if toks and name_ok(name) and not find_countries(name) and not find_cities(name) else None


@lru_cache(maxsize=4096)
def _positions(text: str) -> list[int] | None:
    return fold_map(text)[1]


def original_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A span of `fold(text)` in `text` (the fold drops only tashkeel and tatweel)."""
    pos = _positions(text)
    if pos is None:
        return start, end
    return pos[start] if start < len(pos) else len(text), pos[end - 1] + 1 if end > 0 else 0


def _role_head_only(text: str) -> bool:
    """`text` is role words only ("director", "نائب المدير"): nothing of an organisation yet."""
    lx = lexicon()
    rest = fold(text).strip()
    while rest:
        m = lx.role.match(rest)
        if not m or m.end() == 0:
            return False
        rest = rest[m.end():].strip()
    return True


def _ranked_name(role: str) -> tuple[str, str | None, str | None]:
    """A rank or honorific written inside a role, a name right after it, no comma between (data:
    `honorifics`): "مدير أمن الدولة القطري اللواء X" -> (role, "اللواء", X). The rank must follow
    an organisation phrase, not end a role's own head ("director general X" is no rank)."""
    toks = role.split()
    lx = lexicon()
    roles = None
    for k in range(1, len(toks) - 2):
        # the tests below are pure and each ends this word's turn: the one that fails most often,
        # and costs least (an anchored match), comes first
        tail = " ".join(toks[k:])
        if not lx.honorific.match(fold(tail)):
            continue
        head = " ".join(toks[:k])
        at = len(fold(head)) + 1
        abbreviated = toks[k].endswith(".") and len(toks[k]) <= 6  # "Lt. Gen. X": never a role's end
        if roles is None:
            roles = [(m.start(), m.end()) for m in lx.role.finditer(fold(role))]
        if not abbreviated and (_role_head_only(head) or any(a < at < b for a, b in roles)):
            continue  # "Inspector General X": the word is the end of a role, not a rank
        if not _ARABIC.search(toks[k]) and fold(toks[k]) in lx.org_words:
            continue  # the organisation's own noun is no rank: "… police General X"
        rank, rest = strip_honorific(tail)
        # "… رئيس المفوض العام": a role word starting there is its own role, not a rank
        if not rank or lx.role.match(fold(tail)) and not _ranked_role_ok(head):
            continue
        rest = rest.strip(" .:;")
        name = rest if name_ok(rest) else (_leading_latin_name(rest) if not _ARABIC.search(rest[:1])
                                            else (_name_prefix(rest) or (None,))[0])
        # "Director of Jordan's General Intelligence Directorate": organisation nouns are no name
        if name and name_ok(name) and not lx.org_words & set(fold(name).split()):
            return head, rank, name
    return role, None, None


def _ranked_role_ok(head: str) -> bool:
    """A role-like rank ("المفوض العام", "commissioner general") after a role ending in a country or
    an acronym: that is a rank before a name."""
    countries = [c for c in find_countries(head) if c.code]
    return bool(countries and countries[-1].end >= len(head.rstrip()) - 1
                or _AR_ACRONYM.search(head[-14:]))


def _glued_name(role: str) -> tuple[str, str | None]:
    """A role ending in a country or nationality followed by a name: (role, name); in Latin script,
    capitalised words after the last role word ("Interior Minister Fernando Grande-Marlaska")."""
    if not _ARABIC.search(role):
        last = next(reversed(list(lexicon().role.finditer(fold(role)))), None)
        if last is not None:
            start, _ = original_span(role, last.end(), last.end() + 1)
            name = _trailing_latin_name(" " + role[start:])
            if name and role[start:].strip() == name:
                return role[:start].strip(), name
            name = _leading_latin_name(role[start:])
            if name:
                after = role[start:].lstrip()[len(name):]
                of = _OF_ORGANISATION.match(after)
                if of and (lexicon().org_words & set(fold(after).split()) or find_agencies(after)):
                    # "Commissioner General X of the Ethiopian Federal Police": the role goes on after
                    # the name
                    return f"{role[:start].strip()} {after.strip()}", name
                return role[:start].strip(), name
            rest = role[start:].strip()
            if rest and " " not in rest and surname_only(rest):
                return role[:start].strip(), rest  # "FBI Deputy Director Whitcombe": a family name alone
            return _after_organisation(role, start)
        return role, None
    countries = [c for c in find_countries(role) if c.code]
    cut = countries[-1].end if countries else None
    acronym = list(_AR_ACRONYM.finditer(role))
    if acronym and (cut is None or acronym[-1].end() > cut):
        cut = acronym[-1].end()  # "نائب مدير مكتب التحقيقات الفيدرالي (FBI) روبرت هاينز"
    if cut is None:
        return _after_definite(role)
    tail = role[cut:].strip()
    if tail and not name_ok(tail):
        # "… (SÄPO) Erik Lindqvist بالرباط": the name, then the place
        found = _leading_latin_name(tail) if not _ARABIC.search(tail.split()[0]) else None
        if found is None:
            found = (_name_prefix(tail) or (None,))[0]
        tail = found or ""
    # stricter than a name between commas: only the family name may carry the article
    toks = tail.split()
    if not tail or not name_ok(tail) or any(fold(t).startswith("ال") for t in toks[:-1]):
        # "مدير الشرطة الأسترالية الفيدرالية X": definite adjectives after the demonym still
        # belong to the organisation phrase; the name starts after its last definite word
        return _after_definite(role)
    return role[:cut].strip(), tail


def _after_organisation(role: str, start: int) -> tuple[str, str | None]:
    """"Director of the Ghana Police Service Kofi Boateng", "chef de la police nationale burkinabè
    Jean Ouedraogo": in Latin script the organisation phrase ends with its last organisation word
    (data: `org_words`) or nationality; capitalised words after it are a name."""
    toks = role[start:].split()
    words = lexicon().org_words
    for k in range(len(toks) - 2, -1, -1):
        t = re.sub(r"^[ldLD]['’]", "", toks[k].strip(",.;:()"))  # "l'Intérieur", "d'État"
        if fold(t) in words or any(c.code for c in find_countries(t)):
            name = " ".join(toks[k + 1:]).strip(" .")
            alone = k == len(toks) - 2 and surname_only(name)  # "ministre de l'Intérieur Voiculescu"
            if (name_ok(name) or alone) and not find_countries(name) and not words & set(fold(name).split()):
                return f"{role[:start].rstrip()} {' '.join(toks[:k + 1])}".strip(), name
            return role, None
    return role, None


def _after_definite(role: str) -> tuple[str, str | None]:
    """"المدير العام للأمن العام فرانس إيبنبيخلر": an Arabic organisation phrase ends in a definite
    word; two to four words after it without the article, none a common word, are a name."""
    toks = role.split()
    for n in range(min(4, len(toks) - 2), 1, -1):
        head, tail = toks[:-n], toks[-n:]
        last = fold(head[-1])
        if not (last.startswith(("ال", "لل", "بال", "وال")) or _AR_ACRONYM.fullmatch(head[-1])):
            continue
        name = " ".join(tail)
        if any(fold(t).startswith(("ال", "لل", "بال", "وال", "فال")) for t in tail) or not name_ok(name):
            continue
        if lexicon().role.search(fold(name)):
            continue
        return " ".join(head), name
    return role, None


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


def persons(pieces: list[Piece]) -> list[Person]:
    """Pair each role with the name beside it: the name after it, else the one before."""
    used: set[int] = set()
    people = []
    # "ROLE، NAME، ROLE، NAME" or "NAME، ROLE، NAME، ROLE": the first of them sets the order of a list
    first = next((p for p in pieces if p.kind in ("role", "name") and not p.attendee and not p.role_generic),
                 None)
    roles_lead = first is not None and first.kind == "role"
    skip: set[int] = set()
    for i, p in enumerate(pieces):
        if i in skip:
            continue
        if p.kind == "role" and p.role_plural:
            found, named = _plural(pieces, i)
            people += found
            used |= named
            continue
        if p.kind != "role":
            continue
        if p.heads and i > 0 and pieces[i - 1].kind == "hammouchi":
            continue  # "Abdellatif Hammouchi, who heads Morocco's DGSN and DGST, received …": his own
        person = Person(title=p.text, attendee=p.attendee, generic=p.role_generic)
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        prv = pieces[i - 1] if i > 0 else None
        # "son homologue espagnol, Francisco Pardo, directeur général …": the name is the next role's
        generic_first = p.role_generic and i + 2 < len(pieces) and pieces[i + 2].kind == "role" \
            and not pieces[i + 2].role_generic
        if p.bound and prv is not None and prv.kind == "name" and i - 1 not in used:
            pick = i - 1  # "السيدة X رئيسة جهاز …": the role written right after its name
        elif nxt is not None and nxt.kind == "name" and i + 1 not in used and (
                nxt.bound or roles_lead and not generic_first
                or not _honorific_led(pieces, i + 1) and not generic_first):
            pick = i + 1
        elif prv is not None and prv.kind == "name" and i - 1 not in used and not p.bound \
                and not p.after_connector:
            pick = i - 1
        else:
            pick = None
        if pick is None and p.glued_name:
            person.name = p.glued_name
            person.honorific = p.glued_honorific
            person.name_latin = None if _ARABIC.search(p.glued_name) else p.glued_name
            person.generic = False
            if nxt is not None and nxt.kind == "role" and not nxt.glued_name and not nxt.role_plural \
                    and not nxt.attendee and lexicon().honorific.fullmatch(fold(p.text).strip(" .")):
                # "le commissaire Jean Dupré, chef de la police judiciaire belge": a word that is a rank
                # and a role, then the name's own role: the first is the rank
                person.title, person.honorific = nxt.text, p.text
                skip.add(i + 1)
        heads_after = i + 2 if pick == i + 1 else i + 1 if pick is None and p.glued_name else None
        if heads_after is not None and heads_after < len(pieces) and pieces[heads_after].kind == "role" \
                and pieces[heads_after].heads:
            # "Assistant Secretary X, who heads the Bureau of … (INL)": the service of the role before
            person.service = pieces[heads_after].text
            skip.add(heads_after)
        if pick is not None:
            used.add(pick)
            n = pieces[pick]
            person.name, person.name_latin, person.honorific = n.text, n.latin, n.honorific
            person.generic = False
            person.attendee = person.attendee or n.attendee
        people.append(person)
    for i, p in enumerate(pieces):
        # a name alone: with an honorific, or right after "مع / avec / with" and not a common noun
        # phrase ("مختلف الدول الصديقة")
        common = bool(_ARABIC.search(p.text)) and fold(p.text).startswith("ال")
        if p.kind == "name" and i not in used and not p.surname_only and (
                p.honorific or p.after_connector and not common):
            people.append(Person(name=p.text, name_latin=p.latin, honorific=p.honorific,
                                 attendee=p.attendee))
    return people


_LIST_JOIN = re.compile(r"^(?:\s|[,،.]|و|and|et|كل من|من|du|de|des|de la|de l'|d'|la|le|l'|of|the)*$",
                        re.IGNORECASE)


def _plural(pieces: list[Piece], i: int) -> tuple[list[Person], set[int]]:
    """One person per country of a plural role and of the pieces after it that list only countries
    ("the ambassadors of Brazil, Chile and Peru"); their names, if any, come in later sentences, or
    each right after its country ("ses homologues du Bénin, M. X, du Congo, le général Y, et de la
    Guinée-Bissau, M. Z"). An item of an ambiguous state ("du Congo") is a person too, of no country
    here: its own role ("ses homologues du Congo") leaves the country stage to decide it. Also the
    indices of the name pieces so given."""
    role = pieces[i]
    items: list[tuple[str | None, str]] = []  # (code, the item's words: "du Monténégro") in order
    names: dict[int, int] = {}  # item -> name piece
    last: list[int | None] = [None]  # the list's latest item

    def take(text: str) -> bool:
        found = [c for c in find_countries(text) if c.code and len(c.code) == 2
                 or c.code is None and c.get("candidates")]  # "du Congo": an item, of no known country
        rest = text
        for c in sorted(found, key=lambda c: -c.start):
            rest = rest[:c.start] + " " + rest[c.end:]
        start = 0
        for c in found:
            words = _LEADING_JOIN.sub("", text[start:c.end]).strip()
            start = c.end
            if c.code == "MA":
                last[0] = None
                continue
            known = next((k for k, (code, _) in enumerate(items) if c.code and code == c.code), None)
            if known is None:
                items.append((c.code, words))
                known = len(items) - 1
            last[0] = known
        return bool(found) and bool(_LIST_JOIN.match(fold(rest)))

    own = [c for c in find_countries(role.text) if c.code]
    if not own or own[0].code == "MA":
        return [], set()  # "مسؤولي الأمن", "senior DGSN officials": no list of countries of their own
    take(role.text)
    first_items = len(items)
    if own[-1].end >= len(role.text.rstrip(" .")) - 1:
        # the list goes on in the next pieces: "the ambassadors of Brazil, Chile and Peru"
        for k in range(i + 1, len(pieces)):
            p = pieces[k]
            if p.kind == "name" and pieces[k - 1].kind != "name" and not p.attendee and not p.surname_only:
                if last[0] is not None and last[0] not in names:
                    names[last[0]] = k  # "…, du Bénin, M. X": the name of the country before it
                continue
            if p.kind != "other" or not take(p.text):
                break
    if len(names) < 2:
        names = {}  # one name after a list of countries is anyone's: leave it to the sentence
    full = role.text[:own[0].start].strip()
    head = _TRAILING_JOIN.sub("", full).strip()
    people = []
    for k, (code, words) in enumerate(items):
        if code is None and not names.get(k):
            continue  # an ambiguous item without its name: nobody to tell apart
        # items after the role's own piece: the role's head with the item ("ambassadeurs du Monténégro")
        title = role.text if k < first_items and code else \
            f"{head if _TRAILING_JOIN.fullmatch(' ' + words.split()[0]) else full} {words}".strip()
        person = Person(title=title, attendee=role.attendee, country=code)
        if k in names:
            n = pieces[names[k]]
            person.name, person.name_latin, person.honorific = n.text, n.latin, n.honorific
        people.append(person)
    return people, set(names.values())


_LEADING_JOIN = re.compile(r"^(?:\s|[,،.]|(?:و|and|et|كل من)(?=\s))*", re.IGNORECASE)
_TRAILING_JOIN = re.compile(
    r"(?:\s|[,،.]|(?<!\S)(?:du|de|des|de la|de l'|d'|la|le|l'|of|of the|the|كل من|من)(?=\s|$))*$",
    re.IGNORECASE)


def _honorific_led(pieces: list[Piece], i: int) -> bool:
    """A name with an honorific followed by a role of its own ("…، السيد X، المدير …")."""
    return bool(pieces[i].honorific) and i + 1 < len(pieces) and pieces[i + 1].kind == "role" \
        and not pieces[i + 1].attendee and not pieces[i + 1].bound
