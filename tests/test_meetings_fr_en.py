"""French and English reports as real outlets write them: Hammouchi and the counterpart as one
joint subject of a reciprocal verb, the counterpart as the subject after a dateline's dash, ranks
of West African and Portuguese-speaking forces, a service whose French name holds another
country's shorter one, and two ways a report tells of a meeting that is not his (an attendee list
that opens the sentence, a delegation sent "on his instructions"). Sentences written for this
test: invented persons, real countries and services."""

from __future__ import annotations

import pytest

from crawler.meetings import extract_meetings

# (text, [(country, name, title)]); None in an expected field: not checked
CASES = [
    # joint subject of a reciprocal verb
    ("Le directeur général de la DGSN, Abdellatif Hammouchi, et le commandant général de la Garde "
     "nationale tunisienne, Mourad Ben Slimane, se sont entretenus lundi à Rabat.",
     [("TN", "Mourad Ben Slimane", None)]),
    ("Abdellatif Hammouchi et la directrice de la police judiciaire belge, Mme Lieve Claes, se sont "
     "réunis mercredi à Bruxelles.", [("BE", "Lieve Claes", None)]),
    # the counterpart as subject, a dateline's dash before its nationality, no comma before the verb
    ("Rabat – Swedish Ambassador to Morocco Karin Lundgren met with Abdellatif Hammouchi on Monday "
     "at the DGSN headquarters.", [("SE", "Karin Lundgren", "Swedish Ambassador to Morocco")]),
    ("Canadian Ambassador Louise Tremblay-Roy held talks with Abdellatif Hammouchi on Friday in Rabat.",
     [("CA", "Louise Tremblay-Roy", None)]),
    # ranks written between the role and the name
    ("Abdellatif Hammouchi a reçu jeudi à Rabat le chef d'état-major de la gendarmerie malienne, le "
     "colonel-major Bakary Sissoko.", [("ML", "Bakary Sissoko", None)]),
    ("Le directeur de la police maritime portugaise, le surintendant-chef Rui Mendes Cabral, a été "
     "reçu mardi à Rabat par Abdellatif Hammouchi.", [("PT", "Rui Mendes Cabral", None)]),
    # the longer gazetteer name wins over another country's shorter one inside it
    ("Abdellatif Hammouchi s'est entretenu à Riyad avec le vice-président de la Présidence de la "
     "Sûreté de l'État, M. Nayef Al-Qahtani.", [("SA", "Nayef Al-Qahtani", None)]),
    # abbreviated ranks do not end the sentence; a middle initial is part of a name
    ("RABAT, March 3 -- Jordan's Public Security Director Maj. Gen. Ayman Haddad held talks on Monday "
     "with Abdellatif Hammouchi in Rabat.", [("JO", "Ayman Haddad", None)]),
    ("Abdellatif Hammouchi a reçu lundi à Rabat le directeur adjoint de la police fédérale australienne, "
     "M.\u00a0Peter K. Lawson.", [("AU", "Peter K. Lawson", None)]),
    # a family name alone, glued after the role or after the connector before the role
    ("Abdellatif Hammouchi has received British Ambassador Harrington in Rabat on Monday.",
     [("GB", "Harrington", "British Ambassador")]),
    ("Abdellatif Hammouchi held talks on Friday with Castellano, the director of Italy's internal "
     "intelligence agency, in Rabat.", [("IT", "Castellano", None)]),
    # a Latin role ends before "in" and a city, and before "on" and what was discussed
    ("Abdellatif Hammouchi met the Portuguese Interior Minister Cardoso in Lisbon.",
     [("PT", "Cardoso", "Portuguese Interior Minister")]),
    ("Abdellatif Hammouchi held talks with the Director of the Australian Federal Police Mark Delaney "
     "on cybercrime.", [("AU", "Mark Delaney", None)]),
    # an adverb inside a compound tense; "a eu une réunion"; a fronted participle
    ("Abdellatif Hammouchi s'est longuement entretenu mardi à Rabat avec le chef de la police danoise, "
     "Søren Holm.", [("DK", "Søren Holm", None)]),
    ("Le chef de la police lettone, Juris Ozols, a eu une réunion de travail lundi avec Abdellatif "
     "Hammouchi à Rabat.", [("LV", "Juris Ozols", "chef de la police lettone")]),
    ("Reçue lundi par Abdellatif Hammouchi, la directrice de la police slovène, Mojca Novak, a salué la "
     "coopération.", [("SI", "Mojca Novak", None)]),
    # counterparts named by their countries only
    ("En marge du sommet, Abdellatif Hammouchi a eu des entretiens avec ses homologues du Ghana et du "
     "Nigeria.", [("GH", None, None), ("NG", None, None)]),
    # the name given in a sentence before, without a meeting
    ("Le directeur de la police grecque, Nikos Dimou, était mardi à Rabat. Le chef de la police "
     "hellénique a eu une séance de travail avec Abdellatif Hammouchi.", [("GR", "Nikos Dimou", None)]),
    # "General" starting an organisation's name is no rank before a name
    ("Abdellatif Hammouchi held talks in Rabat with Ahmed Samir Fawzy, Deputy Director of Egypt's General "
     "Intelligence Service.", [("EG", "Ahmed Samir Fawzy", "Deputy Director of Egypt's General Intelligence "
                                "Service")]),
    # his English title with "General Director" is his, not the counterpart's
    ("Morocco's General Director of National Security, Abdellatif Hammouchi, received on Monday in Rabat "
     "the Ambassador of Chile, Ana María Fuentes.", [("CL", "Ana María Fuentes", "Ambassador of Chile")]),
]

NOT_HIS = [
    # someone else's meeting; the sentence that names him opens with the attendee cue
    "Le ministre de l'Intérieur a reçu lundi à Rabat son homologue grec. Ont pris part aux entretiens, "
    "côté marocain, le directeur général de la DGSN, Abdellatif Hammouchi, et plusieurs walis.",
    "The interior minister received his Cypriot counterpart in Rabat on Monday. Also took part in the "
    "meeting the Director General of National Security, Abdellatif Hammouchi.",
    # a Moroccan official is the subject of the verb; Hammouchi only named after it
    "Le directeur de la sécurité publique à la DGSN a reçu jeudi à Rabat une délégation de la police "
    "fédérale belge, conduite par le commissaire Jan Wouters, conformément aux orientations de M. "
    "Abdellatif Hammouchi.",
    "The director of the DGSN's judicial police received on Tuesday in Rabat a delegation of Spain's Guardia "
    "Civil led by General Luis Herrero, following the guidelines of Abdellatif Hammouchi.",
    # a delegation sent on his instructions meets others: not his meeting
    "Une délégation de la DGST, dépêchée sur instructions de M. Abdellatif Hammouchi, a rencontré "
    "mardi à Madrid des responsables de la police espagnole.",
]


def check_counterparts(text: str, expected: list[tuple]) -> None:
    """The meetings of `text` are `expected`, one (country, name, title) each; None: not checked."""
    found = extract_meetings(text)
    got = [(m.counterpart.country, m.counterpart.name, m.counterpart.title) for m in found.meetings]
    assert len(got) == len(expected), (found.reason, got)
    for g, e in zip(got, expected, strict=True):
        for gv, ev in zip(g, e, strict=True):
            assert ev is None or gv == ev, (got, expected)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_french_and_english_meeting_sentences(text, expected):
    check_counterparts(text, expected)


@pytest.mark.parametrize("text", NOT_HIS)
def test_meetings_that_are_not_his(text):
    found = extract_meetings(text)
    assert not found.meetings, [(m.counterpart.country, m.counterpart.title) for m in found.meetings]


def test_counterparts_listed_in_one_sentence_share_the_next_one():
    text = ("Abdellatif Hammouchi a eu des entretiens lundi à Lisbonne avec le ministre portugais de "
            "l'Administration interne, M. Rui Cardoso, puis avec le directeur national de la police "
            "portugaise, M. Nuno Ferraz. Au menu : la migration irrégulière et la formation des cadres.")
    found = extract_meetings(text)
    assert [m.counterpart.name for m in found.meetings] == ["Rui Cardoso", "Nuno Ferraz"]
    for m in found.meetings:
        assert {"illegal_migration", "training"} <= set(m.topics), (m.counterpart.name, m.topics)
