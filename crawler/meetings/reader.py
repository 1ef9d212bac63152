"""The meetings reader: the stages in order, from a report's main text to its meetings.

    sentences → hammouchi → cues → people → country → agency → place → topics → reason

Each stage is a module of this package with typed results (see docs/meetings.md). The reader walks
the sentences: a sentence that names Hammouchi (or continues the story of his meetings) and holds a
meeting cue is read for people; each foreign person met is a `Candidate`; the candidates of the
report are deduplicated (one meeting per counterpart) and become `Meeting` items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from crawler.items import Counterpart, Location, Meeting
from crawler.meetings.agency import agency_in, decide_agency
from crawler.meetings.country import CountryDecision, decide_country
from crawler.meetings.cues import find_cues
from crawler.meetings.gaz import find_agencies, find_countries
from crawler.meetings.hammouchi import INTRODUCING, first_mention, implicit_subject, names_hammouchi
from crawler.meetings.lexicon import lexicon
from crawler.meetings.people import Person, Reading, attending, original_span, read_people, split_pieces
from crawler.meetings.people import classify as classify_piece
from crawler.meetings.place import Story, locate, place_cities, sentence_city
from crawler.meetings.reason import Evidence, in_passing, no_meeting_reason
from crawler.meetings.sections import Anchor, section_text, sections
from crawler.meetings.sentences import Sentence, split_sentences
from crawler.meetings.topics import find_topics
from crawler.vocab import fold

OPENING_CUE = 3  # characters into the next sentence where a meeting cue still opens it
MAX_CIRCUMSTANCES = 2  # pieces of place or time that may open a sentence continuing a stray full stop
CIRCUMSTANCE_WORDS = 4  # words of a piece that names a city as a place and nothing else


@dataclass
class Found:
    """The meetings of a report and, when there are none, why."""

    meetings: list[Meeting] = field(default_factory=list)
    reason: str | None = None


@dataclass
class Candidate:
    """A foreign person met, read from one sentence (or a sentence and its continuation)."""

    person: Person
    sentence: Sentence
    evidence: str  # the sentence as written (with its continuation)
    country: CountryDecision
    end: int  # where the sentence (with its continuation) ends in the text
    later_city: object = None  # the city of a later sentence about this meeting


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of each sentence of `text`."""
    return [(s.start, s.end, s.paragraph) for s in split_sentences(text)]


def _continues(nxt: Sentence | None, named: bool) -> bool:
    """The next sentence goes on with the counterpart after a stray full stop ("… بالرباط.
    بالمدير العام للشرطة …", "… à Rabat. M. Sékou …"): its first piece is a role or a name."""
    if nxt is None or nxt.teaser:
        return False
    pieces = split_pieces(nxt.text)
    lx = lexicon()
    skipped = 0
    # "واستقبل حموشي. بمقر المديرية …، المدير …": the place or the day may come first
    while len(pieces) > 1 and skipped < MAX_CIRCUMSTANCES and _circumstance(pieces[0].text):
        pieces, skipped = pieces[1:], skipped + 1
    if not pieces:
        return False
    first = pieces[0]
    classify_piece(first, named, True)
    if first.attendee or skipped and lx.meeting_verb.search(fold(first.text)):
        return False
    # a role, or a name marked as one (an honorific, a connector before it, Latin letters, or the
    # role written right after it: "… بالرباط. جيمس أوتينو، المدير العام للشرطة …")
    marked = bool(first.honorific or first.after_connector or first.latin)
    if first.kind == "name" and not marked and len(pieces) > 1:
        classify_piece(pieces[1], named, True)
        return pieces[1].kind == "role" and not pieces[1].attendee
    return first.kind == "role" or first.kind == "name" and marked


def _circumstance(piece: str) -> bool:
    """A piece that only says where or when (data: `circumstances`, or a city named as a place)."""
    folded = fold(piece).strip()
    lx = lexicon()
    if lx.meeting_verb.search(folded) or lx.role.search(folded):
        return False
    return bool(lx.circumstance.match(folded)
                or place_cities(piece) and len(piece.split()) <= CIRCUMSTANCE_WORDS)


def _joined(s: Sentence, nxt: Sentence | None, text: str, named: bool) -> Sentence | None:
    """A sentence and the next one, as one, when a meeting cue starts in the first (a verb in parts)
    or opens the second ("… بنيروبي. مباحثات مع …"), and the second does not name Hammouchi itself."""
    if nxt is None or nxt.teaser or nxt.paragraph != s.paragraph or first_mention(nxt.folded, True, named):
        return None
    body = s.text.rstrip(" .") + " " + nxt.text
    folded = fold(body)
    cues = find_cues(folded)
    if cues.first is None or cues.first > len(s.text.rstrip(" .")) + OPENING_CUE:
        return None
    return replace(s, end=nxt.end, raw=text[s.start:nxt.end], text=body, folded=folded)


def extract_meetings(text: str, title: str | None = None, lang: str | None = None) -> Found:
    """The meetings `text` reports, one per counterpart, with counterpart, place, topics and the
    evidence each field came from; `reason` says why there are none."""
    text = text or ""
    title_names = bool(title and names_hammouchi(fold(title)))
    sents = split_sentences(text)
    if not title_names and not names_hammouchi(fold(text)):
        return Found(reason="no_hammouchi")
    story = Story(sents, title, text)
    ev = Evidence()
    named_before = title_names
    found: list[Candidate] = []
    attendees: list[str] = []
    first_city = None  # the place named by the first sentence of his meetings
    first_at = first_para = None
    consumed: set[int] = set()
    shifted = represented = False
    for i, s in enumerate(sents):
        if s.teaser or i in consumed:
            continue
        cues = find_cues(s.folded)
        # his bare title is his once he is named anywhere; under a foreign dateline ("الجزائر - …")
        # only once named before: that country's own director general is meant
        home = story.dateline_country in (None, "MA") and story.credit_country is None
        mention = first_mention(s.folded, named_before or home, named_before)
        # named (by name or full title) or introduced (a bare title) in this sentence
        named_before = named_before or bool(mention and mention.kind in INTRODUCING)
        ev.named = named_before
        if mention is None and (found or named_before):
            mention = implicit_subject(s.folded, cues.verb)
        if mention and represented and mention.kind not in INTRODUCING:
            mention = None  # "وأجرى المسؤول المغربي …" after "ممثلا لحموشي": his representative
        elif represented and mention and mention.kind in INTRODUCING:
            represented = False  # named again: his own story goes on
        if mention and not cues.meeting:
            # "أجرى حموشي، اليوم بالرباط. مباحثات مع …": a stray full stop inside a verb in parts
            joined = _joined(s, sents[i + 1] if i + 1 < len(sents) else None, text, named_before)
            if joined is not None:
                s, cues = joined, find_cues(joined.folded)
                consumed.add(i + 1)
        if mention and cues.future:
            ev.saw_future = True
            continue
        if not cues.meeting:
            continue
        if not mention and lexicon().topic_shift.search(s.folded):
            shifted = True  # "في سياق آخر، …", "Par ailleurs, …": another story from here on
        # a sentence that does not name him goes on with his meetings only through a meeting noun,
        # and not when someone else's verb before it carries it ("أجرى وزير الخارجية لقاء مع …")
        others = bool(cues.verb and cues.noun and cues.verb.start() < cues.noun.start())
        if not mention and not (found and cues.noun and not others and not shifted):
            continue
        if cues.recall:
            ev.saw_recall = True
            continue
        if cues.remote:
            continue
        reading: Reading = read_people(s.text, True, named_before)
        evidence, end = s.raw, s.end
        nxt = sents[i + 1] if i + 1 < len(sents) else None
        if mention and not [p for p in reading.people if not p.attendee] and _continues(nxt, named_before):
            joined = read_people(s.text.rstrip(" .") + "، " + nxt.text, True, named_before)
            if [p for p in joined.people if not p.attendee]:
                reading, evidence, end = joined, text[s.start:nxt.end], nxt.end
                consumed.add(i + 1)
        # "… تنفيذا لتعليمات حموشي", "… ممثلا لحموشي": another official acting for him
        if mention and reading.proxied:
            represented = ev.represented = True
            continue
        # "… بحضور حموشي", "en présence de M. Hammouchi": someone else's meeting he attended
        if mention and not found and reading.attending and not _together(s, cues.verb, reading, named_before):
            continue
        # "Le directeur de la police judiciaire à la DGSN a reçu …, suivant les orientations de M.
        # Hammouchi": a Moroccan official is the subject of the verb, Hammouchi named after it
        if mention and cues.verb is not None and _domestic_subject(s, cues.verb.start(), named_before):
            continue
        # "استقبلت سفيرة المملكة المغربية بنيجيريا، السيدة X، … المفتش العام …، الذي أشاد بالتعاون مع
        # … حموشي": the verb opens the sentence and a Moroccan official written right after it is its subject
        if mention and cues.verb is not None and _moroccan_subject_after(s, cues.verb, named_before, home):
            continue
        if mention and first_city is None:
            first_city = sentence_city(evidence, [part for p in reading.people for part in (p.title, p.name)])
        if not mention and found and found[-1].later_city is None:
            found[-1].later_city = sentence_city(evidence, [p.title for p in reading.people])
        if not reading.people:
            continue
        rest = " ".join(p.text for p in reading.pieces if p.kind != "hammouchi")
        for person in reading.people:
            if person.attendee:
                attendees.append(person.title or person.name or "")
                continue
            if person.country and not cues.verb:
                continue  # "شارك في اجتماع رؤساء أجهزة … مالي والنيجر": a list met only by a verb
            at = min((i for i in (evidence.find(x) for x in (person.title, person.name) if x) if i >= 0),
                     default=0)
            decision = decide_country(person, rest, story, before=evidence[:at])
            if decision.code == "MA" or decision.code is None and decision.source != "ambiguous":
                continue  # an ambiguous role ("du Congo") is a foreign official of unknown country
            person.weak = s.headline_like
            found.append(Candidate(person, s, evidence, decision, end))
            if first_at is None:
                first_at, first_para = s.start, s.paragraph
    if first_city is None and title and (title_names or lexicon().hammouchi_bare_title.search(fold(title))):
        # "حموشي يستقبل بالرباط سفير …": the headline may be the only one to say where
        first_city = next(iter(place_cities(title)), None)
    if not found:
        return Found(reason=no_meeting_reason(text, ev))
    # a headline telling of a meeting with his office ("رئيس أمن الدولة يستقبل المدير العام للأمن
    # الوطني المغربي") makes the story about it, however long its preamble
    title_meeting = bool(title) and find_cues(fold(title)).meeting \
        and bool(lexicon().hammouchi_bare_title.search(fold(title)))
    if in_passing(text, first_at, first_para, title_names or title_meeting):
        return Found(reason="meeting_mentioned_in_passing")
    found = _dedupe(found)
    _introduced_names(found, sents, story, named_before)
    # a headline line (a ticker, a related item) names a meeting only when the body names none
    if any(not c.person.weak for c in found):
        found = [c for c in found if not c.person.weak]
    return Found(meetings=_meetings(text, sents, found, attendees, story, first_city))


_PARTICLES = {"ولد", "بن", "بنت", "ابن", "ال", "ben", "bin", "ibn", "al", "el", "de", "da", "van", "von",
              "der", "ould"}


def _key(p: Person) -> str:
    return fold(p.name_latin or p.name or "").replace(" ", "")


def _same_name(a: str, b: str) -> bool:
    """One person: the same words, or half the words of the shorter name ("Weber", "Thomas Weber"),
    particles aside ("ولد", "ben")."""
    ta = {w for w in fold(a).split() if w not in _PARTICLES}
    tb = {w for w in fold(b).split() if w not in _PARTICLES}
    if not ta or not tb:
        return False
    return len(ta & tb) * 2 > min(len(ta), len(tb)) or len(ta & tb) == min(len(ta), len(tb))


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    """One entry per counterpart: the same name again, or a nameless or generic mention of a country
    already met ("المسؤول الألماني"), adds nothing."""
    out: list[Candidate] = []
    for item in found:
        person, country = item.person, item.country.code
        same = None
        for j, other in enumerate(out):
            op, oc = other.person, other.country.code
            if person.name and op.name and (_key(person) == _key(op) or _same_name(person.name, op.name)):
                same = j
            elif (not person.name or person.generic or not op.name or not person.title or not op.title) \
                    and oc == country and not _two_offices(item, other) and not _next_met(item, other):
                same = j
            if same is not None:
                break
        if same is None:
            out.append(item)
            continue
        kept, other = out[same], item
        if not kept.person.name and person.name:
            kept, other = item, out[same]  # the named mention, in the body's sentence, is the better one
        # what one mention lacks the other may say ("led by Deputy Commissioner X" / "the Garda chief")
        for attr in ("title", "name", "name_latin", "honorific"):
            if getattr(kept.person, attr) is None and getattr(other.person, attr) is not None:
                setattr(kept.person, attr, getattr(other.person, attr))
        out[same] = kept
    return out


def _offices(title: str | None) -> set[str]:
    """The head word of each role named in a title ("نائب", "وزير" of "نائب رئيس مجلس الوزراء وزير …")."""
    return {m.group().split()[0].removeprefix("ال") for m in lexicon().role.finditer(fold(title or ""))
            if m.group().split()}


def _two_offices(item: Candidate, other: Candidate) -> bool:
    """`item`, read after `other` in another sentence, is another official of the same country: their
    roles share no role word, and the nameless one came first or is met in a sentence of its own."""
    person, op = item.person, other.person
    return _other_office(person, op) and item.sentence.index != other.sentence.index \
        and (bool(person.name) and not op.name or _met_again(item))


def _next_met(item: Candidate, other: Candidate) -> bool:
    """`item`, nameless, is another official met in `other`'s sentence: their roles share no role word
    and its role follows a word starting another person ("…، الجنرال X، ثم المدير العام للشرطة …"; data:
    `next_person`) or a glued و ("… X، والمدير العام …")."""
    person, op = item.person, other.person
    if person.name or not op.name or item.sentence.index != other.sentence.index \
            or not _other_office(person, op):
        return False
    at = item.evidence.find(person.title)
    if at <= 0 or at < item.evidence.find(op.name):
        return False
    before = item.evidence[:at].rstrip(" ،,")
    if before.endswith("و") and not before[-2:-1].strip():
        return True
    return bool(lexicon().next_person.search(before.rstrip(" ،,")))


def _met_again(c: Candidate) -> bool:
    """A sentence of its own where he meets someone, by name and verb ("والتقى حموشي في اليوم نفسه
    وزير الداخلية العراقي"): a nameless official there is met, not pointed back at."""
    return find_cues(c.sentence.folded).verb is not None and names_hammouchi(c.sentence.folded)


def _other_office(a: Person, b: Person) -> bool:
    """Two officials of one country whose roles share no role word: an official met without a name
    ("استقبل نائب رئيس مجلس الوزراء وزير الداخلية …") and, in a later sentence, another named one
    ("اجتمع … مع القائد العام لشرطة أبوظبي، اللواء X") are two meetings. A generic mention
    ("المسؤول الإماراتي"), or a nameless one after the named official, points back at the one met."""
    if a.generic or b.generic or not a.title or not b.title:
        return False
    oa, ob = _offices(a.title), _offices(b.title)
    return bool(oa) and bool(ob) and not oa & ob


def _domestic_subject(s: Sentence, verb: int, named: bool) -> bool:
    """The words before the meeting verb hold a role of a Moroccan service or office (its own
    agency, Morocco named, no foreign country) and no mention of Hammouchi: someone else met."""
    before = s.folded[:verb]
    if not before.strip() or first_mention(before, True, named) or not lexicon().role.search(before):
        return False
    trip = lexicon().visit.search(before)
    if trip:
        # "يواصل المدير العام … زيارته الرسمية إلى المملكة المغربية، حيث التقى …": the country a
        # trip goes to is not the role's
        before = before[:trip.start()]
    start, end = original_span(s.text, 0, len(before))
    head = s.text[start:end]
    codes = {c.code for c in find_countries(head) if c.code}
    if codes - {"MA"}:
        return False
    return "MA" in codes or any(a.get("domestic") and not a.get("qualifier") for a in find_agencies(head))


OPENING_WORDS = 3  # words before a verb that still opens its sentence ("وفي هذا الإطار")


def _opens_sentence(s: Sentence, verb) -> bool:
    return len(s.folded[:verb.start()].split()) <= OPENING_WORDS


def _subject_at(s: Sentence, verb) -> int:
    """Where the subject of a verb starts in the folded sentence: right after it, or after the first
    word of a verb in parts ("أجرى <subject> … مباحثات")."""
    if isinstance(verb, re.Match):
        return verb.end()
    words = s.folded[verb.start():].split(maxsplit=1)
    return verb.start() + len(words[0]) if words else verb.end()


def _moroccan_subject_after(s: Sentence, verb, named: bool, home: bool = True) -> bool:
    """The subject written right after a meeting verb, up to the first comma, is someone of Morocco
    who is not Hammouchi (no mention of him there): someone else's meeting, Hammouchi only named
    elsewhere in the sentence. Anywhere in the sentence ("…، حيث التقى الوفد المغربي …"): a delegation
    of Morocco (data `delegations`; a Moroccan country or service qualifies it). On a verb opening the
    sentence: a role of Morocco (the first country it names is Morocco, or an office of its king: data
    `moroccan_offices`, "سفيرة صاحب الجلالة بإسبانيا"), or, in a home story, a minister with no country
    at all (data `home_ministers`) when a foreign role comes after him before any mention of Hammouchi
    ("استقبل وزير الداخلية X، اليوم بالرباط، وزير العدل البلجيكي، الذي نوه بالمصالح التي يقودها حموشي")."""
    at = _subject_at(s, verb)
    a, _ = original_span(s.text, at, len(s.folded))
    rest = s.text[a:]
    head = re.split("[،,]", rest, maxsplit=1)[0]
    folded = fold(head).strip()
    lx = lexicon()
    if not folded or first_mention(folded, True, named):
        return False
    codes = [c.code for c in find_countries(head) if c.code]
    moroccan = bool(codes) and codes[0] == "MA" or not codes and any(
        ag.get("domestic") and not ag.get("qualifier") for ag in find_agencies(head))
    if lx.subject_delegation.match(folded):
        return moroccan
    if not _opens_sentence(s, verb) or not lx.role.match(folded):
        return False
    if lx.moroccan_office.search(folded):
        return True
    if codes:
        return codes[0] == "MA"
    if not home or not lx.home_minister.match(folded):
        return False
    after = rest[len(head):]
    mention = first_mention(fold(after), True, named)
    before = after[:original_span(after, mention.start, mention.start + 1)[0]] if mention else after
    foreign = any(c.code and c.code != "MA" for c in find_countries(before))
    return foreign and bool(lx.role.search(fold(before)))


def _together(s: Sentence, verb, reading: Reading, named: bool) -> bool:
    """A verb of talks held together (data `joint_verbs`) opens the sentence and every mention of
    Hammouchi follows "رفقة"/"برفقة" (data `together_cues`): "بحثت X، …، رفقة حموشي، سبل التعاون" are
    talks X held with him, not a meeting he attended."""
    if verb is None or not _opens_sentence(s, verb):
        return False
    lx = lexicon()
    word = s.folded[verb.start():].split(maxsplit=1)[0]
    if word not in lx.joint_verbs and not (word[:1] in "وف" and word[1:] in lx.joint_verbs):
        return False
    return attending(reading.pieces, True, named, lx.together)


INTRODUCED_BEFORE = 2  # sentences before a nameless counterpart where its name may be given


def _introduced_names(found: list[Candidate], sents: list[Sentence], story: Story, named: bool) -> None:
    """A counterpart met without a name ("Le secrétaire d'État à la Sécurité a eu une réunion avec
    M. Hammouchi") takes the name of the one official of its country that a sentence just before
    introduced without a meeting ("Le numéro deux du ministère espagnol de l'Intérieur, X, était
    jeudi à Rabat"), when no other counterpart of that country has a name."""
    for c in found:
        code = c.country.code
        if c.person.name or any(o.person.name and o.country.code == code for o in found):
            continue
        i = c.sentence.index
        people = []
        for s in sents[max(0, i - INTRODUCED_BEFORE):i]:
            if s.teaser or find_cues(s.folded).meeting:
                continue
            reading = read_people(s.text, True, named)
            rest = " ".join(p.text for p in reading.pieces if p.kind != "hammouchi")
            people += [p for p in reading.people if p.name and not p.attendee
                       and decide_country(p, rest, story).code == code]
        if len({fold(p.name) for p in people}) == 1:
            p = people[0]
            c.person.name, c.person.name_latin, c.person.honorific = p.name, p.name_latin, p.honorific


def _service_agency(person) -> str | None:
    """The agency of "…, who heads the Bureau of … (INL)" written after the role and name, for a role
    that may have one (not an ambassador's or a minister's: `roles.no_agency`)."""
    if not person.service or person.title and lexicon().no_agency.match(fold(person.title)):
        return None
    return decide_agency(person.service, agency_in(person.service))


def _position(c: Candidate) -> int:
    """Where the counterpart is named in the text, by its role or name, whichever comes first (its
    sentence's start when neither is found)."""
    found = [c.evidence.find(part) for part in (c.person.name, c.person.title) if part]
    found = [i for i in found if i >= 0]
    return c.sentence.start + min(found) if found else c.sentence.start


def _meetings(text: str, sentences: list[Sentence], found: list[Candidate], attendees: list[str],
              story: Story, first_city) -> list[Meeting]:
    meetings: list[Meeting] = []
    locations: list[Location] = []
    anchors = [Anchor(c.sentence, _position(c), c.country.code, c.person.name, c.person.title)
               for c in found]
    parts = sections(text, sentences, anchors)
    for k, c in enumerate(found):
        person = c.person
        section = section_text(text, parts[k])
        title = person.title
        if title is None and person.honorific and lexicon().role.match(fold(person.honorific)):
            title = person.honorific  # "led by Deputy Commissioner X": the rank is all the role there is
        cp = Counterpart(name=person.name, name_latin=person.name_latin, title=title,
                         honorific=person.honorific, country=c.country.code,
                         agency=decide_agency(person.title, c.country.agency) or _service_agency(person))
        loc, loc_evidence = locate(c.evidence, [person.title, person.name], story.visit, locations,
                                   first_city, c.later_city, story.dateline_city)
        locations.append(loc)
        topics = find_topics(section)
        m = Meeting(counterpart=cp, location=loc, hammouchi_abroad=bool(loc.country and loc.country != "MA"),
                    topics=list(topics), attendees=[a for a in attendees if a])
        m.evidence = {"sentence": c.evidence}
        if c.country.evidence:
            m.evidence["country"] = c.country.evidence
        if loc_evidence:
            m.evidence["location"] = loc_evidence
        for code, phrase in topics.items():
            m.evidence[f"topic:{code}"] = phrase
        meetings.append(m)
    return meetings
