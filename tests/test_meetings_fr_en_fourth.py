"""French and English reports as outlets nobody here wrote them, fourth round (what a fourth held-out
set showed the reader missing): names opening with a capital beyond Latin-1 (Slovak, Czech, Polish,
Romanian), a middle initial "M." that is no "Monsieur", a role told as "who heads …", a list of
ambassadors with an ambiguous state among them and each item's own role. Sentences written for this
test: invented persons, real countries and services."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract import extract_text_dump
from crawler.meetings import extract_meetings
from crawler.meetings.people import name_ok
from crawler.meetings.topics import find_topics
from tests.test_meetings_fr_en import check_counterparts

EXTENDED = [
    ("Abdellatif Hammouchi a reçu jeudi à Témara le président du Corps de police slovaque, le général "
     "Ľudovít Šťastný.", [("SK", "Ľudovít Šťastný", None)]),
    ("Hammouchi held talks on Monday with the Police President of the Czech Republic, Gen. Řehoř Čermák.",
     [("CZ", "Řehoř Čermák", None)]),
    ("Abdellatif Hammouchi s'est entretenu mardi avec le commandant en chef de la police polonaise, "
     "M. Łukasz Żmijewski-Ściegienny.", [("PL", "Łukasz Żmijewski-Ściegienny", None)]),
    ("Abdellatif Hammouchi a reçu le secrétaire d'État roumain à l'Intérieur, M. Ștefan Țăranu.",
     [("RO", "Ștefan Țăranu", None)]),
    # the form of a state after its nationality is the role's, not a family name
    ("On 3 March, the Chief of the Police Force of the Slovak Republic, Gen. Ondrej Kováčik, was received "
     "in Temara by Abdellatif Hammouchi.",
     [("SK", "Ondrej Kováčik", "Chief of the Police Force of the Slovak Republic")]),
]


@pytest.mark.parametrize(("text", "expected"), EXTENDED)
def test_names_with_capitals_beyond_latin1(text, expected):
    check_counterparts(text, expected)


_CAPITALS = [c for c in map(chr, range(0x100, 0x250)) if c.isupper() and c.isalpha()]


@settings(max_examples=60, deadline=None)
@given(first=st.sampled_from(_CAPITALS), last=st.sampled_from(_CAPITALS))
def test_property_any_extended_capital_opens_a_name(first, last):
    # a name whose words open with any Latin capital of Latin Extended-A/B is still a name
    assert name_ok(f"{first}ubomir {last}ovak")


MIDDLE = [
    ("La secrétaire adjointe américaine à la sécurité diplomatique, Karen M. Whitby, a été reçue mercredi à "
     "Rabat par Abdellatif Hammouchi.", [("US", "Karen M. Whitby", None)]),
    ("Abdellatif Hammouchi a reçu lundi le directeur adjoint du FBI, Paul M. Derrington.",
     [("US", "Paul M. Derrington", None)]),
    # after a country, "M." is the honorific
    ("Abdellatif Hammouchi a reçu lundi le ministre de la Sécurité du Niger M. Issoufou Garba.",
     [("NE", "Issoufou Garba", None)]),
]


@pytest.mark.parametrize(("text", "expected"), MIDDLE)
def test_a_middle_initial_m_is_no_monsieur(text, expected):
    check_counterparts(text, expected)


def test_who_heads_is_one_persons_role_and_names_the_service():
    (m,) = extract_meetings("Abdellatif Hammouchi on Tuesday hosted Linda Carrow, who heads the State "
                            "Department's Bureau of Counterterrorism (CT), in Rabat.").meetings
    assert (m.counterpart.country, m.counterpart.name, m.counterpart.agency) == \
        ("US", "Linda Carrow", "Bureau of Counterterrorism (CT)")


def test_who_heads_after_a_role_and_name_gives_the_agency():
    (m,) = extract_meetings("Abdellatif Hammouchi held talks on Monday with US Deputy Assistant Secretary "
                            "of State Brian Holloway, who heads the State Department's Office of "
                            "Antiterrorism Assistance (ATA).").meetings
    assert (m.counterpart.name, m.counterpart.title, m.counterpart.agency) == \
        ("Brian Holloway", "US Deputy Assistant Secretary of State",
         "Office of Antiterrorism Assistance (ATA)")


def test_a_minister_who_heads_a_ministry_has_no_agency():
    (m,) = extract_meetings("Abdellatif Hammouchi a reçu lundi le ministre M. Petr Dvořák, qui dirige le "
                            "ministère de l'Intérieur tchèque.").meetings
    assert (m.counterpart.country, m.counterpart.agency) == ("CZ", None)


LISTS = [
    # an ambiguous state in a list: its own item, decided by the report (Brazzaville) or left unknown
    ("Abdellatif Hammouchi a reçu lundi à Rabat les ambassadeurs de l'Uruguay, M. Martín Olivera Sosa, du "
     "Congo, M. Hervé Mbemba-Tsiba, et de l'Estonie, Mme Kadri Tamm. Le diplomate congolais est arrivé "
     "de Brazzaville le mois dernier.",
     [("UY", "Martín Olivera Sosa", "ambassadeurs de l'Uruguay"),
      ("CG", "Hervé Mbemba-Tsiba", "ambassadeurs du Congo"),
      ("EE", "Kadri Tamm", "ambassadeurs de l'Estonie")]),
    ("Abdellatif Hammouchi a reçu lundi les ambassadeurs de la Lettonie, M. Jānis Ozols, et du Congo, "
     "M. Alain Bouiti.", [("LV", "Jānis Ozols", None), (None, "Alain Bouiti", "ambassadeurs du Congo")]),
    # items without names: each item's role
    ("Hammouchi received on Monday the ambassadors of Iceland, Malta and Paraguay.",
     [("IS", None, "ambassadors of Iceland"), ("MT", None, "ambassadors of Malta"),
      ("PY", None, "ambassadors of Paraguay")]),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_a_list_of_ambassadors_with_an_ambiguous_state(text, expected):
    check_counterparts(text, expected)


def test_who_heads_after_hammouchi_is_his_own_role():
    (m,) = extract_meetings("Abdellatif Hammouchi, who heads Morocco's DGSN and DGST, received on Friday in "
                            "Rabat General Tomás Ibarra, commander of Uruguay's National Police.").meetings
    assert (m.counterpart.country, m.counterpart.name) == ("UY", "General Tomás Ibarra")


@pytest.mark.parametrize(("text", "expected"), [
    # his bare title followed by a state's form and a country is that country's office
    ("Abdellatif Hammouchi a reçu lundi à Rabat le Directeur général de la Sûreté nationale de l'Union des "
     "Comores, le commissaire Ali Mze Hamada.",
     [("KM", "Ali Mze Hamada", "Directeur général de la Sûreté nationale de l'Union des Comores")]),
    ("Abdellatif Hammouchi received on Monday the Director General of National Security of the Republic of "
     "Djibouti, Colonel Hassan Abdi Farah.", [("DJ", "Hassan Abdi Farah", None)]),
])
def test_his_bare_title_qualified_by_a_state_form_is_another_countrys(text, expected):
    check_counterparts(text, expected)


@pytest.mark.parametrize("text", [
    "Le chef de la police d'Arménie est attendu mardi à Rabat, où il devrait être reçu par Abdellatif "
    "Hammouchi.",
    "La ministre islandaise de la Justice va rencontrer Abdellatif Hammouchi la semaine prochaine.",
])
def test_a_visit_still_awaited_is_a_preview(text):
    found = extract_meetings(text)
    assert (found.meetings, found.reason) == ([], "preview")


def test_a_visit_story_abroad_with_a_chairman_and_a_minister_who_briefed_him():
    text = ("Abdellatif Hammouchi landed in Ulaanbaatar on Sunday. On Monday he was welcomed at the seat of "
            "the General Intelligence Agency (GIA) by its Chairman, Bat-Erdene Ganbold. In the afternoon, "
            "Hammouchi went on to the Ministry of Justice, where Minister Oyun Tsogt briefed him on border "
            "security.")
    got = [(m.counterpart.country, m.counterpart.name, m.counterpart.title, m.location.city)
           for m in extract_meetings(text).meetings]
    assert got == [("MN", "Bat-Erdene Ganbold", "Chairman", "Ulaanbaatar"),
                   ("MN", "Oyun Tsogt", "Minister", "Ulaanbaatar")]


@pytest.mark.parametrize(("phrase", "code"), [
    ("les flux migratoires irréguliers vers les îles", "illegal_migration"),
    ("the number of irregular migrants crossing the strait", "illegal_migration"),
    ("the sharing of risk-analysis data between the agencies", "information_exchange"),
    ("a program that has trained 900 officers", "training"),
])
def test_topic_phrases(phrase, code):
    assert code in find_topics(phrase)


def test_an_excerpt_cut_at_both_ends_is_the_body():
    dump = ("Burundi police chief meets Hammouchi\n\n[...] the Director General of the Burundi National "
            "Police, Mr. Pascal Ndayizeye, held talks with Abdellatif Hammouchi on Tuesday about "
            "training [...]\n")
    ex = extract_text_dump(dump)
    assert ex.text.startswith("[...] the Director General")
    (m,) = extract_meetings(ex.text, title=ex.title).meetings
    assert (m.counterpart.country, m.counterpart.name) == ("BI", "Pascal Ndayizeye")


def test_a_misspelt_meeting_verb():
    (m,) = extract_meetings("Abdellatif Hammouchi recieved on Monday in Rabat the Inspector General of the "
                            "Malawi Police Service, Mr. Chikondi Banda.").meetings
    assert (m.counterpart.country, m.counterpart.name) == ("MW", "Chikondi Banda")


@settings(max_examples=40, deadline=None)
@given(initial=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
       first=st.sampled_from(["Karen", "Paul", "Ľudmila"]),
       verb=st.sampled_from(["a été reçue mercredi à Rabat par", "s'est entretenue mardi avec"]))
def test_property_any_middle_initial_stays_in_the_name(initial, first, verb):
    text = f"La directrice adjointe du FBI, {first} {initial}. Whitby, {verb} Abdellatif Hammouchi."
    assert [m.counterpart.name for m in extract_meetings(text).meetings] == [f"{first} {initial}. Whitby"]
