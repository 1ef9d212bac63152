"""French and English reports as outlets nobody here wrote them, third round (what a third held-out
set showed the reader missing): a role naming a state or a service the gazetteer holds ambiguous
("du Congo": CG or CD; "la Sûreté de l'État", "Police nationale congolaise") takes the one candidate
the report names elsewhere, else no country, and the meeting is kept. Sentences written for this
test: invented persons, real countries and services."""

from __future__ import annotations

import pytest

from crawler.meetings import extract_meetings
from crawler.meetings.topics import find_topics
from tests.test_meetings_fr_en import check_counterparts

# (text, [(country, name, title)]); None in an expected title: not checked
AMBIGUOUS = [
    # a city of one candidate, elsewhere in the report, decides
    ("Abdellatif Hammouchi a reçu mardi à Rabat le chef d'état-major de la police du Congo, le général "
     "Fidèle Mbemba-Louzolo. Le haut gradé, arrivé lundi de Brazzaville, a visité l'Institut royal "
     "de police.",
     [("CG", "Fidèle Mbemba-Louzolo", None)]),
    ("Abdellatif Hammouchi s'est entretenu jeudi avec le commissaire général de la police congolaise, "
     "M. Blaise Tshibangu-Kalala. La délégation venue de Kinshasa a été reçue au siège de la DGSN.",
     [("CD", "Blaise Tshibangu-Kalala", None)]),
    # the state named in full elsewhere decides
    ("Hammouchi held talks on Monday with the Congolese Minister of Security, Prosper Ilunga-Wa-Kasongo. "
     "The Democratic Republic of the Congo and Morocco signed a police cooperation agreement in 2023.",
     [("CD", "Prosper Ilunga-Wa-Kasongo", None)]),
    # two services with their candidates: the ones they share ("l'ANR du Congo" is the DRC's)
    ("Abdellatif Hammouchi a reçu lundi M. Aimé Lukusa, directeur de l'ANR du Congo.",
     [("CD", "Aimé Lukusa", None)]),
    # nothing decides: the meeting is kept, with no country
    ("Abdellatif Hammouchi a eu des entretiens mercredi à Rabat avec le directeur de la sécurité "
     "publique du Congo, M. Gervais Nkounkou-Malonga.", [(None, "Gervais Nkounkou-Malonga", None)]),
    ("Abdellatif Hammouchi a reçu vendredi le directeur général adjoint de la Sûreté de l'État, "
     "M. Julien Marchal-Devos.", [(None, "Julien Marchal-Devos", None)]),
    # "la Sûreté de l'État" decided by its country after it, by a city, by the report's adjective
    ("Abdellatif Hammouchi a reçu vendredi la directrice des opérations de la Sûreté de l'État belge, "
     "Mme An Verhulst.", [("BE", "An Verhulst", None)]),
    ("Bruxelles - La numéro deux de la Sûreté de l'État, Ilse Vermeiren, s'est entretenue mardi à Rabat "
     "avec Abdellatif Hammouchi, a indiqué le SPF Justice belge.", [("BE", "Ilse Vermeiren", None)]),
]


@pytest.mark.parametrize(("text", "expected"), AMBIGUOUS)
def test_an_ambiguous_state_is_decided_by_the_report_or_left_unknown(text, expected):
    check_counterparts(text, expected)


def test_two_candidates_named_elsewhere_decide_nothing():
    text = ("Abdellatif Hammouchi a reçu lundi le directeur de la police des frontières du Congo, M. Didier "
            "Mavoungou. Il a évoqué les flux migratoires entre Kinshasa et Brazzaville.")
    found = extract_meetings(text)
    got = [(m.counterpart.country, m.counterpart.name) for m in found.meetings]
    assert got == [(None, "Didier Mavoungou")]


def test_an_ambiguous_role_never_takes_a_country_outside_its_candidates():
    # the lead names France: it is none of the Congos, so the counterpart's country stays unknown
    text = ("Abdellatif Hammouchi, de retour de France, a reçu lundi à Rabat le ministre de l'Intérieur du "
            "Congo, M. Rodrigue Okombi.")
    found = extract_meetings(text)
    assert [m.counterpart.country for m in found.meetings] == [None]


@pytest.mark.parametrize(("text", "expected"), [
    ("Abdellatif Hammouchi s'est rendu mardi à Lomé. Il a reçu le directeur général adjoint de la police "
     "togolaise, M. Koffi Agbéko.", [("TG", "Koffi Agbéko", None)]),
    ("حل عبد اللطيف حموشي أمس بنيامي. واستقبل حموشي المدير العام المساعد للشرطة الوطنية النيجرية، "
     "السيد موسى إيساكا.", [("NE", None, None)]),
])
def test_his_anaphora_followed_by_a_deputy_rank_is_another_official(text, expected):
    check_counterparts(text, expected)


@pytest.mark.parametrize(("phrase", "code"), [
    ("les réseaux d'émigration clandestine vers les Canaries", "illegal_migration"),
    ("the routes of irregular emigration from the Sahel", "illegal_migration"),
    ("les saisies de haschich dans le détroit", "drug_trafficking"),
    ("hashish smuggling by speedboat", "drug_trafficking"),
    ("ils ont convenu de partager des informations sur les combattants étrangers", "information_exchange"),
])
def test_topic_phrases_of_the_third_round(phrase, code):
    assert code in find_topics(phrase)


@pytest.mark.parametrize(("text", "expected"), [
    # a role ending in a government office, glued to the name: "Secretary of State X", "… Affairs X"
    ("U.S. Deputy Secretary of State for Political Affairs Helen R. Crawford met with Abdellatif Hammouchi "
     "in Rabat on Monday.", [("US", "Helen R. Crawford", None)]),
    ("Abdellatif Hammouchi held talks on Friday with Irish Minister of State Ciarán Dunleavy.",
     [("IE", "Ciarán Dunleavy", None)]),
    # the day of the meeting between the verb and a nationality: the nationality is the role's
    ("Abdellatif Hammouchi received on Thursday Estonian Ambassador Kadri Tamm and Peruvian Ambassador "
     "Luis Quispe Rojas in Rabat.",
     [("EE", "Kadri Tamm", "Estonian Ambassador"), ("PE", "Luis Quispe Rojas", "Peruvian Ambassador")]),
])
def test_english_roles_glued_to_their_names(text, expected):
    check_counterparts(text, expected)
