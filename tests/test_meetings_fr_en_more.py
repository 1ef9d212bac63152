"""More French and English reports as outlets nobody here wrote them (what a held-out set of such
reports showed the reader missing): "commissaire" as a role and as a rank, a service written before
an English role, a list with no comma before its last official, a family name alone after a French
role, a subject pronoun before the verb, "responsable", homologues listed with their names, the
abbreviated "DG of Morocco's DGSN and DGST", "al-" names, "who heads", a trip with its length before
its destination, a dateline with a hyphen and an abbreviated month, an aggregator's truncated
snippet, and topic phrases the table lacked. Sentences written for this test: invented persons,
real countries and services."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract.textdump import extract_text_dump
from crawler.meetings import extract_meetings
from crawler.meetings.agency import organisation_of
from crawler.meetings.topics import find_topics
from crawler.textnorm import sentence_spans
from tests.test_meetings_fr_en import check_counterparts

# (text, [(country, name, title)]); None in an expected field: not checked
CASES = [
    # "commissaire" heads a role of its own …
    ("Abdellatif Hammouchi s'est entretenu mardi à Rabat avec M. Olav Brekke, commissaire de la police "
     "norvégienne.", [("NO", "Olav Brekke", "commissaire de la police norvégienne")]),
    # … and is a rank when the name after it has its own role
    ("Abdellatif Hammouchi a reçu lundi le commissaire Luc Vandamme, chef de la police judiciaire fédérale "
     "belge.", [("BE", "Luc Vandamme", "chef de la police judiciaire fédérale belge")]),
    # the service written before an English role: a gazetteer's, or capitalised words ending in an
    # organisation word
    ("Abdellatif Hammouchi received on Thursday in Rabat the Royal Canadian Mounted Police Commissioner, "
     "Marc-André Gagnon.", [("CA", "Marc-André Gagnon", "Royal Canadian Mounted Police Commissioner")]),
    ("Abdellatif Hammouchi received on Thursday in Rabat the Botswana Police Service Commissioner, "
     "Kabelo Molefe.", [("BW", "Kabelo Molefe", "Botswana Police Service Commissioner")]),
    # a list written without a comma before "and" and its last official
    ("Abdellatif Hammouchi met in Vienna Austrian Interior Ministry Director General Stefan Koller and the "
     "head of the Austrian Federal Criminal Police Office, Hanna Berger.",
     [("AT", "Stefan Koller", None), ("AT", "Hanna Berger", None)]),
    # a family name alone after a French role that ends in an organisation word
    ("À Madrid, Abdellatif Hammouchi s'est entretenu avec le ministre espagnol de l'Intérieur Valverde.",
     [("ES", "Valverde", None)]),
    # a subject pronoun before the verb, then the role and the name
    ("Abdellatif Hammouchi est arrivé lundi à Oslo. Mardi, il a rencontré le chef du service de "
     "renseignement norvégien, Lars Nygaard.", [("NO", "Lars Nygaard", None)]),
    # "responsable" is a role
    ("Abdellatif Hammouchi a reçu jeudi à Rabat la responsable de la lutte antidrogue à la police "
     "néerlandaise, Mme Femke Jansen.", [("NL", "Femke Jansen", None)]),
    # homologues listed country by country, each with its name
    ("En marge de la réunion, Abdellatif Hammouchi s'est entretenu avec ses homologues du Sénégal, "
     "M. Ousmane Diop, et de la Mauritanie, le général Sidi Ould Brahim.",
     [("SN", "Ousmane Diop", None), ("MR", "Sidi Ould Brahim", None)]),
    # the abbreviated title is his
    ("The DG of Morocco's DGSN and DGST held talks on Monday in Rabat with the Inspector General of the "
     "Kenya Police Service, Daniel Kiprono.", [("KE", "Daniel Kiprono", None)]),
    ("Le DG de la DGSN-DGST, Abdellatif Hammouchi, a reçu lundi le chef de la police lituanienne, Tomas "
     "Kazlauskas.", [("LT", "Tomas Kazlauskas", None)]),
    # a family name alone opening the sentence, its role in apposition after it (a city is no name)
    ("Al-Mansouri, the deputy director of the UAE's State Security, met on Sunday in Rabat with "
     "Abdellatif Hammouchi.", [("AE", "Al-Mansouri", None)]),
    ("Lindqvist, the head of Finland's Security and Intelligence Service, held talks with Abdellatif "
     "Hammouchi in Rabat.", [("FI", "Lindqvist", None)]),
    ("Rabat, the capital, hosted talks between Abdellatif Hammouchi and the Director of the Belgian State "
     "Security, Jan Peeters.", [("BE", "Jan Peeters", None)]),
    # the role goes on after the name: "ROLE NAME of the SERVICE"
    ("Deputy Director Henrik Sørlie of the Norwegian Police Security Service held talks with Abdellatif "
     "Hammouchi in Rabat.",
     [("NO", "Henrik Sørlie", "Deputy Director of the Norwegian Police Security Service")]),
    ("Abdellatif Hammouchi a reçu le directeur Tom Wouters de la Police fédérale belge.",
     [("BE", "Tom Wouters", "directeur de la Police fédérale belge")]),
    # an "al-" family name is a name
    ("Abdellatif Hammouchi received on Sunday in Rabat the head of Jordan's Anti-Narcotics Department, "
     "Colonel Omar al-Khatib.", [("JO", "Omar al-Khatib", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_more_french_and_english_meeting_sentences(text, expected):
    check_counterparts(text, expected)


def test_a_trip_with_its_length_before_the_destination():
    found = extract_meetings("Abdellatif Hammouchi a entamé lundi une visite officielle de trois jours en "
                             "Hongrie. Il a eu des entretiens avec le directeur général de la police "
                             "hongroise, M. Gábor Szalai.")
    (m,) = found.meetings
    # the country of the trip; no city is written, so none is guessed
    assert (m.location.city, m.location.country, m.hammouchi_abroad) == (None, "HU", True)


def test_a_dateline_with_a_hyphen_and_an_abbreviated_month():
    found = extract_meetings("Varsovie, 4 févr. 2026 (MAP) - Abdellatif Hammouchi s'est entretenu mercredi "
                             "avec le commandant en chef de la police polonaise, Tomasz Wrona.")
    (m,) = found.meetings
    assert (m.counterpart.name, m.location.city, m.location.country) == ("Tomasz Wrona", "Warsaw", "PL")


@pytest.mark.parametrize(("text", "pieces"), [
    ("Varsovie, 4 févr. 2026 (MAP) - Le texte suit.", 1),
    ("RABAT, Sept. 12 (Reuters) - Text follows.", 1),
    ("Il est venu en sept. Puis il est reparti.", 2),  # no digit after the month: a sentence may end
])
def test_an_abbreviated_month_before_a_number_ends_no_sentence(text, pieces):
    assert len(sentence_spans(text)) == pieces


def test_who_heads_names_the_service():
    assert organisation_of("heads Sweden's National Operations Department (NOA)") == \
        "National Operations Department (NOA)"


SNIPPET = """Hammouchi holds talks with Latvian police chief
Baltic Wire · 3 hours ago

Abdellatif Hammouchi held talks on Tuesday in Rabat with the head of the Latvian State Police, \
Juris Kalnins, on drug trafficking routes and on the training of...
"""


def test_an_aggregators_truncated_snippet_is_read():
    ex = extract_text_dump(SNIPPET)
    assert ex.text.startswith("Abdellatif Hammouchi held talks")
    (m,) = extract_meetings(ex.text, title=ex.title).meetings
    assert (m.counterpart.country, m.counterpart.name) == ("LV", "Juris Kalnins")


def test_a_page_of_teasers_is_no_snippet():
    page = ("Hammouchi receives the Latvian police chief\nAbdellatif Hammouchi held talks on Tuesday in "
            "Rabat with the head of the Latvian State Police, Juris Kalnins, on drug routes and...\n"
            "Hammouchi receives the Estonian ambassador\nAbdellatif Hammouchi received on Monday in Rabat "
            "the ambassador of Estonia, Kadri Tamm, who presented the priorities of her country and...\n")
    assert extract_text_dump(page).text == ""


@pytest.mark.parametrize(("text", "code"), [
    ("talks on criminal gangs recruiting teenagers", "organized_crime"),
    ("les gangs qui recrutent des mineurs", "organized_crime"),
    ("on curbing gang violence in port cities", "organized_crime"),
    ("بحث سبل التصدي للعصابات الإجرامية", "organized_crime"),
    ("focused on drug cartels operating in West Africa", "drug_trafficking"),
    ("organised immigration crime across the Channel", "illegal_migration"),
    ("le contrôle aux frontières extérieures", "border_security"),
    ("how the two services can share intelligence faster", "information_exchange"),
])
def test_topic_phrases(text, code):
    assert code in find_topics(text)


# a list of homologues, country by country with each one's name, in any order and number
_OFFICIALS = [("du Sénégal", "SN", "M. Ousmane Diop"), ("du Mali", "ML", "le colonel Bakary Keita"),
              ("de la Mauritanie", "MR", "M. Sidi Ould Brahim"), ("du Niger", "NE", "le général Issa Garba"),
              ("du Ghana", "GH", "Mme Akosua Mensah"), ("de la Gambie", "GM", "M. Lamin Jallow")]


@settings(max_examples=30, deadline=None)
@given(st.permutations(_OFFICIALS), st.integers(min_value=2, max_value=4))
def test_homologues_listed_with_their_names_in_any_order(officials, n):
    chosen = officials[:n]
    items = [f"{where}, {who}" for where, _code, who in chosen]
    listing = ", ".join(items[:-1]) + ", et " + items[-1]
    found = extract_meetings(f"Abdellatif Hammouchi a eu mardi à Dakar des entretiens avec ses homologues "
                             f"{listing}.")
    got = {(m.counterpart.country, m.counterpart.name) for m in found.meetings}
    want = {(code, who.split(" ", 1)[1].split(" ", 1)[1] if who.startswith("le ") else who.split(" ", 1)[1])
            for _w, code, who in chosen}
    assert got == want
