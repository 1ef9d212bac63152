"""Arabic as real outlets write it, fourth look: a capital named only by its country's adjective
("في العاصمة المغربية"), a foreign service's headquarters in a city ("بمقر الوكالة … بسيول"), the
city a trip goes to in another lead line, two meetings on two days in one sentence. Sentences
written for this test: invented persons, real countries and agencies; none comes from a corpus."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.dates.meeting import meeting_date
from crawler.meetings import extract_meetings
from crawler.meetings.place import capital_place
from tests.conftest import one_meeting as one

H = "المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي"


# --- a capital named by its country's adjective ------------------------------------------------------

CAPITALS = [
    ("التقى حموشي في العاصمة المغربية مدير الشرطة", "Rabat", "MA"),
    ("اجتمع حموشي بالعاصمة البرتغالية مع قائد الشرطة", "Lisbon", "PT"),
    ("M. Hammouchi a reçu dans la capitale marocaine le chef de la police", "Rabat", "MA"),
    ("Hammouchi met in the Moroccan capital the police chief", "Rabat", "MA"),
]


@pytest.mark.parametrize("text,city,country", CAPITALS)
def test_a_capital_named_by_its_country_adjective_is_that_capital(text, city, country):
    c = capital_place(text)
    assert c is not None and (c.code, c.get("country")) == (city, country)


@pytest.mark.parametrize("text", ["والعاصمة المغربية تحتضن المعرض", "the capital of the country",
                                  "سفير المغرب بالعاصمة"])
def test_a_capital_without_a_place_marker_or_adjective_is_no_place(text):
    assert capital_place(text) is None


def test_a_meeting_in_the_moroccan_capital_is_in_rabat():
    m = one(f"جمعت مباحثات، يوم الاثنين في العاصمة المغربية، بين {H}، وقائد الشرطة البرتغالية، "
            "السيد جواو فيريرا، حول الهجرة غير النظامية.")
    assert (m.counterpart.country, m.location.city, m.location.country) == ("PT", "Rabat", "MA")


# --- a foreign service's headquarters in a foreign city ----------------------------------------------

def test_the_headquarters_of_a_foreign_agency_in_seoul_is_abroad():
    # "سيول" alone is also "floods": the city is read where the text says it is one
    floods = extract_meetings(f"استقبل {H} قائد الشرطة الكورية، بعد سيول جارفة.").meetings
    assert floods[0].location.city is None
    m = one(f"زار {H}، اليوم، مقر وكالة الشرطة الوطنية الكورية بمدينة سيول، حيث أجرى مباحثات مع "
            "مفوضها العام، كيم سانغ وو، حول الجريمة الإلكترونية.")
    assert (m.location.city, m.location.country, m.hammouchi_abroad) == ("Seoul", "KR", True)


# --- the city a trip goes to, in another lead line -----------------------------------------------------

def test_the_city_of_the_trip_in_the_lead_is_the_meetings_city():
    text = ("أنهى عبد اللطيف حموشي، أمس، زيارة عمل إلى أستانا، حيث أجرى مباحثات مع رئيس لجنة الأمن الوطني "
            "الكازاخستانية، نورلان أباييف.")
    m = one(text, "حموشي يختتم زيارة رسمية إلى كازاخستان")
    assert (m.location.city, m.location.country, m.hammouchi_abroad) == ("Astana", "KZ", True)


# --- two meetings, two days, one sentence --------------------------------------------------------------

TWO_DAYS = ("استقبل حموشي، يوم الخميس 6 فبراير 2025، سفيرة جمهورية إستونيا، السيدة كادري تام، قبل أن "
            "يستقبل يوم السبت 8 فبراير قائد الشرطة الإستونية، السيد ماركوس ليبا.")


def test_each_meeting_of_a_sentence_takes_its_own_clauses_day():
    ms = extract_meetings(TWO_DAYS).meetings
    assert [m.counterpart.name for m in ms] == ["كادري تام", "ماركوس ليبا"]
    days = [meeting_date(TWO_DAYS, m.evidence["sentence"], "2025-02-09", None, None,
                         m.counterpart.name, m.counterpart.title).date for m in ms]
    assert days == ["2025-02-06", "2025-02-08"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["، ", " ", "، ثم ", "، وبعد ذلك "]), st.integers(1, 20), st.integers(1, 6))
def test_the_second_clause_day_holds_whatever_joins_the_clauses(joint, day, gap):
    """Property: however the clauses are joined and whatever the days, the second counterpart takes
    the day written in its clause, the first the day of its own."""
    second = day + gap
    text = (f"تباحث حموشي يوم {day} مارس 2025 مع وزير الأمن البوركينابي{joint}"
            f"وعقد يوم {second} مارس جلسة عمل مع قائد الدرك البوركينابي إدريس كابوري.")
    first = meeting_date(text, text, "2025-03-31", None, None, None, "وزير الأمن البوركينابي")
    later = meeting_date(text, text, "2025-03-31", None, None, "إدريس كابوري", "قائد الدرك البوركينابي")
    assert (first.date, later.date) == (f"2025-03-{day:02d}", f"2025-03-{second:02d}")


# --- a nameless second official in the named one's sentence ------------------------------------------

@pytest.mark.parametrize("joint", ["، ثم ", "، وكذا ", "، و", ", puis "])
def test_a_nameless_official_after_a_connector_is_a_meeting_of_its_own(joint):
    text = (f"استقبل {H}، اليوم الخميس بالرباط، وزير الأمن بجمهورية مالي، الجنرال سيدو كوناتي{joint}"
            "المدير العام للشرطة الوطنية المالية، كل على حدة.")
    ms = extract_meetings(text).meetings
    assert [(m.counterpart.country, m.counterpart.name) for m in ms] == [("ML", "سيدو كوناتي"), ("ML", None)]
    assert ms[1].counterpart.title == "المدير العام للشرطة الوطنية المالية"


def test_a_second_title_of_the_named_official_is_not_another_meeting():
    text = (f"استقبل {H}، اليوم الخميس بالرباط، الجنرال سيدو كوناتي، وزير الأمن بجمهورية مالي، "
            "المدير العام السابق للشرطة الوطنية المالية.")
    ms = extract_meetings(text).meetings
    assert [(m.counterpart.country, m.counterpart.name) for m in ms] == [("ML", "سيدو كوناتي")]
