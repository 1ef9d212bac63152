"""Metamorphic properties of the meetings reader: a meeting sentence written differently — a stray
full stop, a doubled word, a dropped comma, role and name swapped, the feminine, Egyptian spelling,
the place told in the sentence before, a Gulf form of address before the honorific, no honorific at
all — gives the same meeting. The sentences are written for this
test (invented persons, real countries and agencies); hypothesis picks the rewrites."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.meetings import extract_meetings
from crawler.vocab import fold


@dataclass(frozen=True)
class Case:
    lang: str
    lead: str  # Hammouchi, the verb, the time ("استقبل حموشي، اليوم الاثنين")
    place: str  # where, in the sentence ("بالرباط")
    connector: str  # before the counterpart ("مع", "avec", ""), may be empty
    honorific: str
    name: str
    role: str
    name_f: str  # the feminine variant
    role_f: str
    honorific_f: str
    country: str
    city: str
    previous: str = ""  # the same place told in a sentence before the meeting (a visit abroad)


H_AR = "المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي"
CASES = [
    Case("ar", f"استقبل {H_AR}، اليوم الاثنين", "بالرباط", "", "السيد", "جيمس أوتينو",
         "المدير العام للشرطة الوطنية الكينية", "غريس موانجي", "المديرة العامة للشرطة الوطنية الكينية",
         "السيدة", "KE", "Rabat"),
    Case("ar", f"أجرى {H_AR}، صباح اليوم", "بنيروبي", "مباحثات مع", "السيد", "بيتر كاماو",
         "رئيس جهاز المخابرات الوطني الكيني", "ماري وانجيرو", "رئيسة جهاز المخابرات الوطني الكيني", "السيدة",
         "KE", "Nairobi", "حل عبد اللطيف حموشي، أمس الأحد، بالعاصمة الكينية نيروبي في زيارة عمل إلى كينيا."),
    Case("ar", f"التقى {H_AR}، يوم الأربعاء", "بليما", "مع", "السيد", "خورخي سالازار",
         "وزير الداخلية البيروفي", "كارمن فلوريس", "وزيرة الداخلية البيروفية", "السيدة",
         "PE", "Lima", "قام عبد اللطيف حموشي، يوم الثلاثاء، بزيارة عمل إلى العاصمة البيروفية ليما."),
    Case("fr", "Abdellatif Hammouchi a reçu lundi", "à Rabat", "", "M.", "Pedro Alves",
         "directeur national de la police portugaise", "Ana Lopes",
         "directrice nationale de la police portugaise", "Mme", "PT", "Rabat"),
    Case("fr", "Abdellatif Hammouchi s'est entretenu mardi", "à Lisbonne", "avec", "M.", "Rui Matos",
         "directeur national de la police judiciaire portugaise", "Sofia Reis",
         "directrice nationale de la police judiciaire portugaise", "Mme", "PT", "Lisbon",
         "Abdellatif Hammouchi s'est rendu lundi à Lisbonne pour une visite de travail au Portugal."),
    Case("en", "Abdellatif Hammouchi held talks on Monday", "in Nairobi", "with", "Mr", "Peter Mwangi",
         "Director of the Kenyan Directorate of Criminal Investigations", "Grace Achieng",
         "Director of the Kenyan Directorate of Criminal Investigations", "Ms", "KE", "Nairobi",
         "Abdellatif Hammouchi arrived in Nairobi on Sunday for a working visit to Kenya."),
]

REWRITES = ["stray_stop", "double", "drop_comma", "swap", "feminine", "egyptian", "place_before", "address",
            "no_honorific"]
# a Gulf outlet's form of address before the honorific or rank ("سعادة السيد", "معالي السيدة")
ADDRESS = {"ar": "سعادة", "fr": "", "en": ""}


def comma(case: Case) -> str:
    return "، " if case.lang == "ar" else ", "


def render(case: Case, rewrites: frozenset[str]) -> tuple[str, str]:
    """The text and the name expected for it."""
    if "feminine" in rewrites:
        name, role, hon = case.name_f, case.role_f, case.honorific_f
    else:
        name, role, hon = case.name, case.role, case.honorific
    c = comma(case)
    between = " " if "drop_comma" in rewrites else c
    if "no_honorific" in rewrites and case.lang == "ar":
        hon = ""  # "X المدير العام …", "المدير العام … X": the name alone beside the role
    elif "address" in rewrites and ADDRESS[case.lang]:
        hon = f"{ADDRESS[case.lang]} {hon}"
    person = f"{hon} {name}".strip()
    counterpart = f"{person}{between}{role}" if "swap" in rewrites else f"{role}{between}{person}"
    connector = case.connector
    if "double" in rewrites and connector:
        connector = f"{connector.split()[-1]} {connector}"
    moved = "place_before" in rewrites and case.previous
    head = case.lead if moved else f"{case.lead} {case.place}"
    if "stray_stop" in rewrites:
        head = f"{head}. "
    else:
        head = f"{head}{c}"
    sentence = f"{head}{connector + ' ' if connector else ''}{counterpart}."
    text = f"{case.previous}\n{sentence}" if moved else sentence
    if "egyptian" in rewrites and case.lang == "ar":
        text = re.sub(r"ي(?=[\s،.]|$)", "ى", text)
        name = re.sub(r"ي(?=\s|$)", "ى", name)
    return text, name


def read(text: str):
    found = extract_meetings(text)
    assert len(found.meetings) == 1, (text, found.reason, [m.counterpart for m in found.meetings])
    return found.meetings[0]


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(case=st.sampled_from(CASES), rewrites=st.frozensets(st.sampled_from(REWRITES), max_size=3))
def test_rewrites_give_the_same_meeting(case, rewrites):
    text, name = render(case, rewrites)
    m = read(text)
    assert m.counterpart.country == case.country, text
    assert fold(m.counterpart.name or "") == fold(name), text
    assert m.location.city == case.city, text
    assert m.hammouchi_abroad is (case.city != "Rabat"), text


def test_every_case_reads_as_written():
    for case in CASES:
        text, name = render(case, frozenset())
        m = read(text)
        assert (m.counterpart.country, m.counterpart.name, m.location.city) == (case.country, name, case.city)


def test_a_case_without_a_visit_keeps_its_place_in_the_sentence():
    case = replace(CASES[0], previous="")
    text, _ = render(case, frozenset({"place_before"}))
    assert read(text).location.city == "Rabat"


# An ambiguous state in the role ("du Congo"): a later sentence naming one candidate (by a city or by
# its name) decides it, naming both or neither leaves it unknown, and a state outside the candidates
# never becomes the counterpart's; the meeting is always kept.
_CONGO_ROLES = ["le directeur de la police judiciaire du Congo",
                "l'inspecteur général de la police congolaise", "le ministre de la Sécurité du Congo"]
_CONGO_CLUES = {"CG": ["La délégation est arrivée de Brazzaville.",
                       "La République du Congo a salué l'accueil."],
                "CD": ["La délégation est arrivée de Kinshasa.", "La RDC a salué l'accueil."],
                None: ["", "La France a salué l'accueil.", "Kinshasa et Brazzaville ont salué l'accueil."]}


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(role=st.sampled_from(_CONGO_ROLES), code=st.sampled_from(sorted(_CONGO_CLUES, key=str)),
       k=st.integers(0, 2))
def test_an_ambiguous_state_takes_only_a_candidate_the_report_names(role, code, k):
    clues = _CONGO_CLUES[code]
    text = (f"Abdellatif Hammouchi a reçu mardi à Rabat {role}, M. Hervé Mampouya-Ngoma. "
            f"{clues[k % len(clues)]}").strip()
    found = extract_meetings(text)
    got = [(m.counterpart.country, m.counterpart.name) for m in found.meetings]
    assert got == [(code, "Hervé Mampouya-Ngoma")]
