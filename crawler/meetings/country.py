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
    source: str | None = None  # role | owner | name | sentence | place | credit | visit | lead
    agency: AgencyFind | None = None


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


def _decide(person: Person, sentence_rest: str, story: Story, before: str) -> CountryDecision:
    if person.country:
        return CountryDecision(person.country, person.title, "list")
    if _moroccan(person.title or ""):
        # "مدير الشرطة القضائية المغربية", "a delegation of Moroccan expatriates living in France": the
        # role's first country is Morocco: a Moroccan, not a foreign counterpart
        return CountryDecision("MA", source="role")
    code, evidence, agency = country_in(person.title or "")
    if code:
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
