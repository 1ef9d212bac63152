"""Stage 5: the counterpart's country. The one place where a country is decided.

In order, the first that gives a foreign country (not MA) wins:

1. the counterpart's role: a state named in it (a country, a nationality adjective in any form,
   an agency of the gazetteer) before an international organisation named in it ("la Direction des
   enquêtes criminelles et d'INTERPOL de la Police nationale de Colombie" is Colombia's);
   a role naming Morocco only is a Moroccan official: no foreign counterpart;
2. the counterpart's name (a rare "the Spanish Ana Ruiz");
3. the rest of the meeting sentence, without Hammouchi's pieces, before the clause of its topics
   ("… consacrés au trafic entre le Maroc, l'Espagne et la France" names no one's country);
   a role with a possessive ("its Director", "son directeur", "مديرها") is the official of the
   foreign service named before it (a service's own release);
4. the foreign city where the sentence places the meeting ("a rencontré à Madrid …"), then the
   country of the national news agency the text credits ("(كونا)", "/بنا/", "الرباط - قنا:"), then
   the visit the report tells of (stage 7: Hammouchi's trip to that country);
5. the one foreign country the report's headline and lead name.

A role naming a state the gazetteer holds ambiguous ("du Congo", "congolaise": CG or CD) or, when
the steps above find nothing, a service many states give that name ("la Sûreté de l'État", with no
country after it) is a foreign official whose country is one of its candidates (both: the ones they
share, "l'ANR du Congo" is CD's): the first step above that gives a candidate, else the one candidate
the report names elsewhere (its country, its adjective, a city of it, one of its services: "arrivé
de Kinshasa", "Bruxelles –", "la VSSE"), else none: the meeting is kept with no country
(`source="ambiguous"`), as a careful reader would leave it.

A counterpart whose country is none of these, or Morocco, is not a foreign counterpart.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.meetings.agency import AgencyFind, agency_in
from crawler.meetings.gaz import find_countries
from crawler.meetings.lexicon import lexicon
from crawler.meetings.people import Person
from crawler.meetings.place import Story, sentence_city, where_said
from crawler.vocab import fold


@dataclass
class CountryDecision:
    """The country of one counterpart, where it was read, and the agency named in the role."""

    code: str | None
    evidence: str | None = None
    # role | owner | name | sentence | place | credit | visit | lead | context | ambiguous
    source: str | None = None
    agency: AgencyFind | None = None
    candidates: tuple[str, ...] = ()  # an ambiguous role's countries (source `context` or `ambiguous`)


def country_in(text: str) -> tuple[str | None, str | None, AgencyFind | None]:
    """(country, the phrase it came from, the agency of the gazetteer) named in a text."""
    agency = agency_in(text)
    states, orgs = [], []
    for c in find_countries(text):
        if c.code and c.code != "MA":
            (states if len(c.code) == 2 else orgs).append(c)
    if states:
        return states[0].code, states[0].surface, agency
    if agency and agency.country and agency.country != "MA" and len(agency.country) == 2:
        return agency.country, agency.written, agency
    if orgs:
        return orgs[0].code, orgs[0].surface, agency
    if agency and agency.country and agency.country != "MA":
        return agency.country, agency.written, agency
    folded = fold(text)
    for code, rx in lexicon().org_adjectives:
        m = rx.search(folded)
        if m:
            return code, text[m.start():m.end()], agency
    return None, None, agency


def _moroccan(role: str) -> bool:
    first = next((c for c in find_countries(role) if c.code), None)
    return first is not None and first.code == "MA"


def decide_country(person: Person, sentence_rest: str, story: Story, before: str = "") -> CountryDecision:
    """`sentence_rest`: the sentence without Hammouchi's pieces; `before`: the sentence up to the
    counterpart (where "a Garda Síochána delegation led by …" names the counterpart's service)."""
    decision = _decide(person, sentence_rest, story, before)
    if decision.agency is None and decision.code and before:
        # the service named before the counterpart, of the counterpart's country, is theirs when the
        # role names none ("a Garda Síochána delegation led by Deputy Commissioner X")
        found = agency_in(where_said(before))
        # an ambiguous name is theirs when their country is one it may be ("انتقل إلى مقر جهاز
        # المخابرات الوطني الكوري، حيث عقد جلسة عمل مع مديره")
        if found is not None and (found.country == decision.code
                                  or found.country is None and decision.code in found.candidates):
            decision.agency = found
    return decision


def _owner(person: Person, before: str) -> AgencyFind | None:
    """"The Norwegian Police Security Service said that its Director, Ms X, …", "… a indiqué que son
    directeur", "أعلن جهاز … أن مديره": a role with a possessive (data: `roles.possessives`, or the
    Arabic suffixes ها and ه) is an official of the foreign service named before it, the release's subject."""
    if not before or not person.title:
        return None
    lx = lexicon()
    written = person.title.split()[0]
    first = fold(written)
    # "مديرها", and "مديره" written with ه (his, its), not the ة of "مديرة" (a woman director)
    suffixed = first.endswith("ها") and first[:-2] in lx.role_first_words \
        or written.endswith("ه") and fold(written[:-1]) in lx.role_first_words
    if not (lx.possessive_before.search(fold(before)) or suffixed):
        return None
    found = agency_in(where_said(before))
    if found is None or not found.country or found.country == "MA":
        return None
    return found


def _ambiguous_country(role: str) -> tuple[str, tuple[str, ...]] | None:
    """(surface, candidates) of an ambiguous state named in a role ("du Congo"), none Morocco."""
    for c in find_countries(role):
        cands = tuple(x for x in c.get("candidates") or () if len(x) == 2)
        if c.code is None and cands and "MA" not in cands:
            return c.surface, cands
    return None


def _ambiguous_agency(agency: AgencyFind | None) -> tuple[str, ...]:
    """The candidates of a service name many states give theirs, none of them Morocco."""
    if agency is None or agency.country or not agency.candidates or "MA" in agency.candidates:
        return ()
    return tuple(x for x in agency.candidates if len(x) == 2)


def _context(decision: CountryDecision, phrase: str | None, candidates: tuple[str, ...],
             story: Story) -> CountryDecision:
    """An ambiguous role's country: the step's if it is a candidate, else the one candidate the
    report names elsewhere, else none (kept as a foreign counterpart of unknown country)."""
    if decision.code in candidates:
        return decision
    agency = decision.agency
    named = [c for c in candidates if c in story.named_states] if len(candidates) > 1 else list(candidates)
    if len(named) == 1:
        return CountryDecision(named[0], phrase, "context", agency, candidates)
    return CountryDecision(None, phrase, "ambiguous", agency, candidates)


def _decide(person: Person, sentence_rest: str, story: Story, before: str) -> CountryDecision:
    decision = _steps(person, sentence_rest, story, before)
    if decision.code == "MA" or decision.source == "list":
        return decision
    role = person.title or ""
    ambiguous = _ambiguous_country(role)
    agency = decision.agency if decision.agency is not None else agency_in(role)
    if ambiguous is not None and decision.code not in ambiguous[1]:
        # the role names only an ambiguous state: the other steps may still name one of its candidates
        later = _steps(person, sentence_rest, story, before, from_role=False)
        shared = tuple(c for c in ambiguous[1] if c in _ambiguous_agency(agency)) or ambiguous[1]
        return _context(later, ambiguous[0], shared, story)
    if decision.code is None and _ambiguous_agency(agency):
        return _context(decision, agency.written, _ambiguous_agency(agency), story)
    return decision


def _steps(person: Person, sentence_rest: str, story: Story, before: str,
           from_role: bool = True) -> CountryDecision:
    if person.country:
        return CountryDecision(person.country, person.title, "list")
    if _moroccan(person.title or ""):
        # "مدير الشرطة القضائية المغربية", "a delegation of Moroccan expatriates living in France": the
        # role's first country is Morocco: a Moroccan, not a foreign counterpart
        return CountryDecision("MA", source="role")
    code, evidence, agency = country_in(person.title or "")
    if code and from_role:
        return CountryDecision(code, evidence, "role", agency)
    owner = _owner(person, before)
    if owner is not None:
        return CountryDecision(owner.country, owner.written, "owner", owner)
    code, evidence, _ = country_in(person.name or "")
    if code:
        return CountryDecision(code, evidence, "name", agency)
    code, evidence, _ = country_in(where_said(sentence_rest))
    if code:
        return CountryDecision(code, evidence, "sentence", agency)
    city = sentence_city(before, []) if before else None
    if city is not None and city.get("country") not in (None, "MA"):
        # "a rencontré à Madrid la directrice du CNI": met abroad, the host's official
        return CountryDecision(city.get("country"), city.surface, "place", agency)
    if story.credit_country:
        # "الرباط - (بنا): التقى رئيس الأمن العام …": a national agency's dispatch about its own official
        return CountryDecision(story.credit_country, "credit", "credit", agency)
    visit = story.visit
    if visit.country and visit.country != "MA":
        return CountryDecision(visit.country, visit.phrase, "visit", agency)
    if len(story.lead_countries) == 1:
        return CountryDecision(story.lead_countries[0], "lead", "lead", agency)
    return CountryDecision(None, agency=agency)
