"""Visits abroad told as stories and press reviews (what a held-out set of such reports showed the
reader missing): a visit cue with words between its parts ("زيارة عمل يقوم بها إلى …", "la visite de
travail qu'il effectue en …") gives the host country; his title followed by an English possessive
("the head of the DGSN's judicial police") names an official of his services, not him. Sentences
written for this test: invented persons, real countries and services."""

from __future__ import annotations

import pytest

from crawler.meetings import extract_meetings

VISITS = [
    ("في إطار زيارة عمل يقوم بها حاليا إلى هولندا، تباحث عبد اللطيف حموشي، المدير العام للأمن الوطني "
     "ولمراقبة التراب الوطني، مع السيد ماركوس فان دايك، مفوض الشرطة الوطنية الهولندية.", "NL"),
    ("وخلال زيارة رسمية قادته إلى اليونان، التقى عبد اللطيف حموشي بالسيد نيكوس بابادوبولوس، رئيس الشرطة "
     "اليونانية.", "GR"),
    ("Dans le cadre de la visite de travail qu'il effectue actuellement en Hongrie, M. Abdellatif "
     "Hammouchi s'est entretenu avec le chef de la police hongroise, M. Lajos Farkasdi.", "HU"),
    ("During the working visit he is paying to Finland, Abdellatif Hammouchi held talks with the "
     "National Police Commissioner, Ilkka Rautanen.", "FI"),
]


@pytest.mark.parametrize(("text", "host"), VISITS)
def test_visit_cue_in_parts_gives_the_host(text: str, host: str) -> None:
    found = extract_meetings(text)
    assert len(found.meetings) == 1
    m = found.meetings[0]
    assert m.location.country == host
    assert m.hammouchi_abroad is True


def test_visit_cue_in_parts_keeps_a_short_gap() -> None:
    # the destination is read right after the cue: a Morocco far after "زيارة عمل" is not a trip
    found = extract_meetings(
        "استقبل عبد اللطيف حموشي، المدير العام للأمن الوطني ولمراقبة التراب الوطني، اليوم بالرباط، السيد "
        "ماركوس فان دايك، مفوض الشرطة الوطنية الهولندية، الذي يقوم بزيارة عمل إلى المملكة.")
    assert [m.hammouchi_abroad for m in found.meetings] == [False]


REVIEWS = [
    # a press review: Hammouchi named in one item, someone of his services meets in another
    ("Hammouchi chaired a graduation ceremony in Kenitra on Monday. The head of the DGSN's criminal "
     "investigation unit met a delegation from the Dutch National Police in Tangier on Tuesday.", []),
    ("Abdellatif Hammouchi inaugurated a new police station. The director of the DGST's training "
     "institute received a group of officers from Senegal's National Police on Friday.", []),
    # his title with no possessive is still him
    ("The head of the DGSN, Abdellatif Hammouchi, held talks on Tuesday in Rabat with the Commissioner "
     "of the Lithuanian Police, Darius Kavaliauskas.", ["LT"]),
]


@pytest.mark.parametrize(("text", "countries"), REVIEWS)
def test_possessive_title_is_someone_else(text: str, countries: list[str]) -> None:
    found = extract_meetings(text)
    assert [m.counterpart.country for m in found.meetings] == countries
