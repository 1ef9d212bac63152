"""Arabic as real outlets write it, fifth look: a Moroccan delegation or a Moroccan minister as the
subject of the meeting verb ("…، حيث التقى الوفد المغربي …", "استقبل وزير الداخلية X، …، وزير العدل
البلجيكي، الذي نوه بالمصالح التي يقودها حموشي"): someone else's meeting; talks held together with
him ("بحثت X، …، رفقة حموشي، سبل …"); the day after or the eve of his meeting ("غداة لقائه", "عشية
لقائه"). Sentences written for this test: invented persons, real countries and agencies; none comes
from a corpus."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.dates.meeting import meeting_date
from crawler.meetings import extract_meetings
from tests.conftest import one_meeting as one

H = "عبد اللطيف حموشي، المدير العام للأمن الوطني ولمراقبة التراب الوطني"


# --- a Moroccan delegation or official as the subject: not his meeting ----------------------------------

NOT_HIS = [
    # a delegation he sent, the subject of a verb later in the sentence
    "شارك وفد عن المديرية العامة للأمن الوطني، يترأسه والي الأمن كريم الصقلي، في اجتماعات تقنية بالعاصمة "
    "الكورية سيول، بتكليف من عبد اللطيف حموشي، حيث التقى الوفد المغربي مسؤولين عن الوكالة الوطنية "
    "للشرطة الكورية.",
    "شارك وفد أمني مغربي في اجتماعات بأوسلو بتكليف من عبد اللطيف حموشي، حيث التقى الوفد المغربي قائد "
    "الشرطة النرويجية.",
    "حل وفد من المديرية العامة للأمن الوطني بوارسو بتوصية من عبد اللطيف حموشي، وهناك عقد الوفد الأمني "
    "المغربي جلسة عمل مع قائد الشرطة البولندية.",
    # a minister of the kingdom with no country written, in a home story
    "استقبل وزير الداخلية يوسف الحسني، اليوم الأربعاء بالرباط، وزير العدل البلجيكي، الذي نوه بالتعاون "
    "الأمني مع المصالح التي يقودها عبد اللطيف حموشي.",
    # a role qualified as Moroccan, the verb written in parts or after an opener
    "وفي هذا السياق، أجرى وزير الداخلية بالمملكة المغربية، السيد يوسف الحسني، مباحثات مع وزير الأمن "
    "الغاني، تطرقت إلى التعاون مع المديرية التي يرأسها عبد اللطيف حموشي.",
    "استقبلت وزيرة العدل المغربية، السيدة سناء الإدريسي، اليوم بالرباط، وزير الداخلية الهولندي، الذي "
    "أشاد بجهود المديرية العامة للأمن الوطني التي يقودها عبد اللطيف حموشي.",
]


@pytest.mark.parametrize("text", NOT_HIS)
def test_a_moroccan_delegation_or_official_as_the_subject_is_not_his_meeting(text):
    assert extract_meetings(text).meetings == []


@pytest.mark.parametrize("text,country", [
    # his own audience with a foreign minister stays
    (f"استقبل {H}، اليوم بالرباط، وزير الداخلية البلجيكي، السيد يان فيرمولن.", "BE"),
    # a delegation he heads, named in it
    ("وخلال الزيارة، التقى الوفد المغربي برئاسة عبد اللطيف حموشي قائد الشرطة النرويجية، السيد أولا "
     "برغ، بمقر المديرية بأوسلو.", "NO"),
    # a foreign delegation as the subject is the counterpart's
    (f"التقى الوفد النرويجي، برئاسة قائد الشرطة النرويجية السيد أولا برغ، اليوم بالرباط، {H}.", "NO"),
])
def test_his_own_meetings_stay(text, country):
    assert one(text).counterpart.country == country


def _perturb(text: str, feminine: bool, stop: bool, comma: bool) -> str:
    if feminine:
        text = (text.replace("استقبل وزير", "استقبلت وزيرة").replace("يوسف الحسني", "سناء الحسني")
                .replace("التقى الوفد المغربي", "التقت البعثة المغربية")
                .replace("عقد الوفد الأمني المغربي", "عقدت البعثة الأمنية المغربية"))
    if comma:
        text = text.replace("، اليوم", " اليوم", 1)
    if stop:
        text = text.replace(" بتكليف", ". بتكليف", 1).replace(" الذي", ". الذي", 1)
    return text


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(NOT_HIS[:4]), st.booleans(), st.booleans(), st.booleans())
def test_a_moroccan_subject_holds_under_perturbations(text, feminine, stop, comma):
    """Property: a feminine subject, a stray full stop or a dropped comma do not make a Moroccan
    delegation's or minister's meeting his."""
    assert extract_meetings(_perturb(text, feminine, stop, comma)).meetings == []


@settings(max_examples=20, deadline=None)
@given(st.booleans(), st.booleans())
def test_his_audience_with_a_foreign_minister_holds_under_perturbations(feminine, comma):
    """Property: the same perturbations leave his own audience with a foreign minister his."""
    text = f"استقبل {H}، اليوم بالرباط، وزير الداخلية البلجيكي، السيد يان فيرمولن."
    if feminine:
        text = text.replace("وزير الداخلية البلجيكي، السيد يان", "وزيرة الداخلية البلجيكية، السيدة آن")
    if comma:
        text = text.replace("، اليوم", " اليوم", 1)
    assert one(text).counterpart.country == "BE"


# --- talks held "together with" him: "بحثت X، …، رفقة حموشي، سبل …" --------------------------------------

TOGETHER = ("بحثت المفوضة العامة للشرطة الفنلندية، السيدة آنا كوسكينن، اليوم بالرباط، رفقة عبد اللطيف حموشي، "
            "سبل تعزيز التعاون الأمني بين البلدين.")


@pytest.mark.parametrize("text", [
    TOGETHER,
    "بحث المفوض العام للشرطة الفنلندية، السيد ماتي كوسكينن، اليوم بالرباط، برفقة عبد اللطيف حموشي، "
    "سبل تعزيز التعاون الأمني.",
    "تباحثت آنا كوسكينن، المفوضة العامة للشرطة الفنلندية، برفقة عبد اللطيف حموشي، في سبل تعزيز التعاون.",
    "بحثت المفوضة العامة للشرطة الفنلندية، السيدة آنا كوسكينن، اليوم بالرباط، مع عبد اللطيف حموشي، سبل "
    "تعزيز التعاون الأمني.",
])
def test_talks_held_together_with_him_are_his_meeting(text):
    assert one(text).counterpart.country == "FI"


def test_a_reception_he_attends_with_rafqa_stays_someone_elses():
    text = ("استقبل وزير الداخلية الفنلندي، السيد ماتي كوسكينن، اليوم بهلسنكي، رفقة عبد اللطيف حموشي، "
            "وفدا من الشرطة الإستونية.")
    assert all(m.counterpart.country != "FI" for m in extract_meetings(text).meetings)


@settings(max_examples=30, deadline=None)
@given(st.booleans(), st.booleans(), st.booleans(), st.sampled_from(["رفقة", "برفقة"]))
def test_talks_together_hold_under_perturbations(masculine, stop, comma, cue):
    """Property: the subject's gender, a dropped comma, a stray full stop after the verb's clause
    and either cue leave the talks his meeting."""
    text = TOGETHER.replace("رفقة", cue, 1)
    if masculine:
        text = (text.replace("بحثت المفوضة العامة", "بحث المفوض العام")
                .replace("السيدة آنا", "السيد ماتي"))
    if comma:
        text = text.replace("، اليوم", " اليوم", 1)
    if stop:
        text = text.replace(" بين البلدين.", ". بين البلدين.")
    assert one(text).counterpart.country == "FI"


# --- the day after or the eve of his meeting: "غداة لقائه", "عشية لقائه" --------------------------------

AFTER = ("أكد سفير جمهورية التشيك بالرباط، السيد توماش دفوراك، يوم الثلاثاء 11 مارس 2025، غداة لقائه "
         "بعبد اللطيف حموشي، أن التعاون الأمني بين البلدين متين.")
EVE = ("وصل قائد الشرطة التشيكية، السيد توماش دفوراك، يوم الأحد 9 مارس 2025 إلى الرباط، عشية لقائه "
       "بعبد اللطيف حموشي.")


@pytest.mark.parametrize("text,day", [
    (AFTER, "2025-03-10"),
    (EVE, "2025-03-10"),
    # a meeting told before the cue keeps its own day
    ("استقبل عبد اللطيف حموشي يوم الاثنين 10 مارس 2025 قائد الشرطة التشيكية، السيد توماش دفوراك، عشية "
     "اجتماع اللجنة الأمنية المشتركة.", "2025-03-10"),
    ("Le chef de la police tchèque, M. Tomas Dvorak, se trouvait dimanche 9 mars 2025 à Rabat, à la veille "
     "de sa rencontre avec M. Abdellatif Hammouchi.", "2025-03-10"),
])
def test_the_day_after_or_the_eve_of_his_meeting_dates_it(text, day):
    got = meeting_date(text, text, "2025-03-12")
    assert got.date == day
    assert got.weekday == date.fromisoformat(day).strftime("%A").lower()


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([(AFTER, -1), (EVE, 1)]), st.booleans(), st.booleans(), st.integers(1, 20))
def test_the_day_around_his_meeting_holds_under_perturbations(case, feminine, comma, day):
    """Property: a woman's meeting ("لقائها"), a dropped comma and any day of the month: the meeting
    is a day before (غداة) or after (عشية) the day written."""
    text, offset = case
    text = (text.replace("الثلاثاء 11 مارس", f"{day} مارس").replace("الأحد 9 مارس", f"{day} مارس"))
    if feminine:
        text = text.replace("لقائه", "لقائها").replace("السيد توماش", "السيدة يانا")
    if comma:
        text = text.replace("، غداة", " غداة").replace("، عشية", " عشية")
    got = meeting_date(text, text, "2025-03-31")
    assert got.date == (date(2025, 3, day) + timedelta(days=offset)).isoformat()


# --- the representative of an office: "ممثلة مكتب الأمم المتحدة …" -------------------------------------

@pytest.mark.parametrize("text", [
    "بحثت ماريا لوبيث، ممثلة مكتب الأمم المتحدة المعني بالمخدرات والجريمة بالمنطقة، اليوم بالرباط، رفقة "
    "عبد اللطيف حموشي، آفاق الشراكة.",
    f"استقبل {H}، اليوم بالرباط، ماريو لوبيث، الممثل الإقليمي لمكتب الأمم المتحدة المعني بالمخدرات والجريمة.",
    f"استقبل {H}، اليوم بالرباط، الممثلة المقيمة لمكتب الأمم المتحدة المعني بالمخدرات والجريمة، السيدة ماريا "
    "لوبيث.",
])
def test_the_representative_of_an_office_is_the_counterpart(text):
    assert one(text).counterpart.country == "UNODC"


def test_an_official_acting_for_him_stays_a_proxy():
    text = ("ترأس والي الأمن كريم الصقلي، ممثلا لعبد اللطيف حموشي، وفدا مغربيا في اجتماع مع قائد الشرطة "
            "البرتغالية.")
    assert extract_meetings(text).meetings == []
