"""Arabic as real outlets write it, third look: a counterpart's country given only by a national
news agency's credit ("(كونا)", "/بنا/", "الرباط - قنا:"), a rank and a name written after his
mention without a comma, a meeting verb glued to و right after the role, a name whose first letters
spell a country behind the clitic ك ("كلاوس"), the dateline line and share rows of text dumps.
Sentences written for this test: invented persons, real countries and agencies; none comes from a
corpus."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.dates.find import find_dates
from crawler.dates.meeting import meeting_date
from crawler.dates.published import date_line, publication_date
from crawler.dates.resolve import hijri_day
from crawler.extract import extract_text_dump
from crawler.gazetteer.credits import credit_country, find_credits
from crawler.meetings import extract_meetings
from crawler.meetings.people import name_ok
from tests.conftest import one_meeting as one

H = "المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي"


# --- a news agency's credit gives the country ---------------------------------------------------------

CREDITS = [
    ("الرباط - (سونا) - اجتمع مدير عام الشرطة الفريق أول عوض الكريم النور، اليوم، مع "
     "عبداللطيف حموشي المدير العام للأمن الوطني ولمراقبة التراب الوطني بالمملكة المغربية.", "SD"),
    ("الرباط /بترا/ التقى مدير الأمن العام اللواء نبيل الخوالدة، اليوم الثلاثاء، "
     "عبد اللطيف حموشي المدير العام للأمن الوطني ولمراقبة التراب الوطني في المملكة المغربية.", "JO"),
    ("الرباط - واع:\nبحث وكيل وزارة الداخلية لشؤون الشرطة الفريق ماهر الساعدي مع "
     "عبد اللطيف حموشي، المدير العام للأمن الوطني ولمراقبة التراب الوطني، اليوم، تبادل المعلومات.", "IQ"),
    ("التقى قائد عام الشرطة اللواء سالم الشامسي اليوم في الرباط عبد اللطيف حموشي المدير العام للأمن "
     "الوطني ولمراقبة التراب الوطني بالمملكة المغربية، وبحثا التعاون الأمني. (وام)", "AE"),
]


@pytest.mark.parametrize("text,country", CREDITS)
def test_a_national_agency_credit_gives_the_country_of_a_role_that_names_none(text, country):
    assert one(text).counterpart.country == country


def test_the_role_country_wins_over_the_credit():
    text = ("الرباط - (كونا) - التقى رئيس جهاز المخابرات الأردنية اللواء باسم الحديد، اليوم، "
            "عبد اللطيف حموشي المدير العام للأمن الوطني ولمراقبة التراب الوطني.")
    assert one(text).counterpart.country == "JO"


@pytest.mark.parametrize("text", [
    "قال المسؤول إن بنا حاجة إلى التنسيق وما نريده هو الأمن",  # words, not credits
    "الرباط - 4 مارس 2025 (ومع) - استقبل",                    # Morocco's own agency
    "(كونا) ... (واس)",                                       # two countries: none
    "",
])
def test_no_credit_country(text):
    assert credit_country(text) is None


def test_credits_as_written():
    assert [c for c, _ in find_credits("أنقرة/ الأناضول\nالتقى")] == ["TR"]
    assert [c for c, _ in find_credits("الرباط 20 رجب 1446 هـ واس\nالتقى")] == ["SA"]
    assert [c for c, _ in find_credits("الرباط في 3 يونيو /العمانية/ التقى")] == ["OM"]
    assert find_credits("التقى الوفد بنا في الرباط - وما زال اللقاء") == []


def test_his_bare_title_under_a_foreign_credit_is_that_countrys_director():
    text = ("الرباط، 09/06/2025 (وما) - التقى المدير العام للأمن الوطني، الفريق محمد الأمين ولد أحمدو، "
            "اليوم الإثنين في الرباط، بنظيره المغربي السيد عبد اللطيف حموشي، المدير العام للأمن الوطني "
            "ولمراقبة التراب الوطني.")
    m = one(text)
    assert (m.counterpart.country, m.counterpart.name) == ("MR", "محمد الأمين ولد أحمدو")


# --- a rank and a name after his mention without a comma; a verb glued to و ends the role -------------

RANKED = [
    ("استقبل عبد اللطيف حموشي امس بالرباط اللواء مصطفى الكعبي رئيس جهاز الامن الوقائي الفلسطيني.",
     "مصطفى الكعبي", "رئيس جهاز الامن الوقائي الفلسطيني"),
    ("استقبل عبد اللطيف حموشى المدير العام للامن الوطنى ولمراقبة التراب الوطنى اليوم بتمارة العميد "
     "هشام بن ناصر الرواحي مدير عام الشرطة العمانية.", "هشام بن ناصر الرواحي", "مدير عام الشرطة العمانية"),
]


@pytest.mark.parametrize("text,name,title", RANKED)
def test_a_rank_opens_the_name_written_after_his_mention_without_a_comma(text, name, title):
    m = one(text)
    assert (m.counterpart.name, m.counterpart.title) == (name, title)


def test_a_meeting_verb_glued_to_wa_ends_the_role():
    m = one("استقبل حموشي، اليوم بالرباط، المفتش العام للشرطة الزامبية، السيد جون مولينغا، "
            "وتباحث معه حول مكافحة الاتجار بالمخدرات.")
    assert m.counterpart.title == "المفتش العام للشرطة الزامبية"
    m = one("استقبل حموشي، اليوم بالرباط، مدير التعاون والتنسيق بالشرطة الهولندية، السيد يان دي فريس.")
    assert m.counterpart.title == "مدير التعاون والتنسيق بالشرطة الهولندية"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["تباحث", "بحث", "اجتمع", "التقى"]), st.sampled_from(["معه", "", "الجانبان"]))
def test_property_a_glued_verb_after_the_role_never_joins_it(verb, after):
    m = one(f"استقبل {H}، اليوم بالرباط، الفريق لوكاس برانت، قائد الشرطة الدنماركية و{verb} {after} "
            "التعاون الأمني.")
    assert m.counterpart.title == "قائد الشرطة الدنماركية"
    assert m.counterpart.name == "لوكاس برانت"


# --- a country behind the clitic ك is no country in a name ---------------------------------------------

def test_a_name_that_spells_a_country_behind_kaf_is_a_name():
    assert name_ok("كلاوس فيبر")
    m = one(f"استقبل {H}، اليوم بالرباط، السيد كلاوس فيبر، نائب رئيس الشرطة الاتحادية الألمانية.")
    assert (m.counterpart.country, m.counterpart.name) == ("DE", "كلاوس فيبر")
    assert not name_ok("سفير لاوس")


# --- text dumps: the dateline line with a credit, share rows -------------------------------------------

def test_a_dateline_with_a_credit_and_no_date_opens_the_body():
    dump = ("الوطن\nمحليات\nمدير المنافذ يلتقي مسؤولا أمنيا مغربيا رفيعا في الرباط\nالرباط - قنا:\n"
            "اجتمع سعادة العميد حمد بن خالد النعيمي مدير إدارة أمن المطار، اليوم، مع سعادة السيد عبد اللطيف "
            "حموشي المدير العام للأمن الوطني ولمراقبة التراب الوطني بالمملكة المغربية الشقيقة، وتناول "
            "الاجتماع التعاون في أمن المطارات والمنافذ الحدودية.\n")
    out = extract_text_dump(dump)
    assert out.text.startswith("الرباط - قنا:")
    assert one(out.text).counterpart.country == "QA"


def test_a_dateline_above_a_share_row_opens_the_body_and_the_row_is_no_headline():
    dump = ("موقع الأخبار\nالرئيسية\nوطني\nحموشي يستقبل المفتش العام للشرطة الغانية بالرباط\n"
            "الرباط - 3 مارس 2025 (ومع)\nفيسبوك تويتر واتساب انستقرام\n"
            "استقبل عبد اللطيف حموشي، المدير العام للأمن الوطني ولمراقبة التراب الوطني، اليوم الإثنين بمقر "
            "المديرية العامة للأمن الوطني، المفتش العام للشرطة الغانية، السيد كوامي أسانتي، الذي يقوم بزيارة "
            "عمل للمملكة على رأس وفد أمني.\n")
    out = extract_text_dump(dump)
    assert out.title == "حموشي يستقبل المفتش العام للشرطة الغانية بالرباط"
    assert out.text.startswith("الرباط - 3 مارس 2025 (ومع)")
    assert "فيسبوك" not in out.text
    assert one(out.text).location.city == "Rabat"


# --- dates: the day as an ordinal word, a Hijri-only publication line, a closing line over a header date


ORDINALS = [
    ("يوم الإثنين الثالث من شهر نونبر الجاري", 3, 11, "monday"),
    ("يوم الجمعة الحادي عشر من يوليوز", 11, 7, "friday"),
    ("في التاسع والعشرين من شتنبر 2025", 29, 9, None),
    ("يوم الثلاثين من أبريل", 30, 4, None),
    ("يوم السبت العشرين من دجنبر", 20, 12, "saturday"),
]


@pytest.mark.parametrize("text,day,month,weekday", ORDINALS)
def test_a_day_written_as_an_ordinal_before_a_month(text, day, month, weekday):
    m = next(x for x in find_dates(text) if x.kind == "explicit")
    assert (m.day, m.month, m.weekday) == (day, month, weekday)


@pytest.mark.parametrize("text", ["الأسبوع الأول من شتنبر", "النصف الثاني من يونيو", "اللقاء الثاني من نوعه",
                                  "الفريق الثالث من حيث الترتيب"])
def test_an_ordinal_of_another_noun_is_no_day(text):
    assert not [x for x in find_dates(text) if x.kind == "explicit"]


def test_a_meeting_day_in_ordinal_words_resolves_with_the_publication_year():
    s = (f"استقبل {H}، يوم الأربعاء الخامس من شهر مارس الجاري بالرباط، المفتش العام للشرطة الكينية، "
         "السيد بيتر كاماو.")
    md = meeting_date(s, s, date(2025, 3, 6))
    assert (md.date, md.weekday) == ("2025-03-05", "wednesday")


HIJRI = [
    ("الأحد 1 رمضان 1446هـ", "2025-03-02"),       # the weekday moves the tabular day (Saturday 1 March)
    ("1 رمضان 1446 هـ", "2025-03-01"),
    ("الجمعة 10 محرم 1447 هـ", "2025-07-04"),  # tabular Saturday 5 July: the named Friday is a day before
]


@pytest.mark.parametrize("text,day", HIJRI)
def test_a_hijri_date_is_read_to_the_weekday_it_names(text, day):
    m = next(x for x in find_dates(text) if x.kind == "hijri")
    assert hijri_day(m).isoformat() == day


def test_a_hijri_only_publication_line():
    assert date_line("نشر في: الاثنين 20 رجب 1446هـ")[0].isoformat() == "2025-01-20"
    assert date_line("آخر الأخبار عن رجب وشعبان") is None
    assert date_line("الخميس 23 يناير 2025 الموافق 23 رجب 1446هـ")[0].isoformat() == "2025-01-23"


def test_a_closing_line_wins_over_a_header_date_above_the_headline():
    dump = ("موقع\nالرئيسية\nالاثنين 10 نونبر 2025\nحموشي يستقبل سفير النرويج بالرباط في لقاء حول التعاون\n"
            "استقبل عبد اللطيف حموشي، المدير العام للأمن الوطني ولمراقبة التراب الوطني، بالرباط، سفير "
            "مملكة النرويج المعتمد بالمغرب، السيد أولاف هانسن، في لقاء تناول التعاون في مكافحة الجريمة "
            "المنظمة العابرة للحدود وتبادل المعلومات بين البلدين.\nفيسبوك تويتر واتساب\n"
            "الجمعة 7 نونبر 2025 - 18:10\n")
    out = extract_text_dump(dump)
    assert publication_date(dump, "text", out).value == "2025-11-07"


# --- a Moroccan envoy as the subject written right after the verb: someone else's meeting ---------------

@pytest.mark.parametrize("text", [
    "استقبل سفير المملكة المغربية بكينيا، السيد عمر الفاسي، اليوم بنيروبي، المفتش العام للشرطة الكينية، "
    "الذي نوه بالتعاون مع المديرية العامة للأمن الوطني التي يقودها عبد اللطيف حموشي، المدير العام للأمن "
    "الوطني ولمراقبة التراب الوطني.",
    "التقى سفير صاحب الجلالة بالبرتغال، السيد كريم بناني، اليوم بلشبونة، المدير الوطني لشرطة الأمن العمومي "
    "البرتغالية، ونقل إليه تحيات عبد اللطيف حموشي، المدير العام للأمن الوطني ولمراقبة التراب الوطني.",
    "وفي هذا الإطار، استقبلت سفيرة المغرب بالسويد، السيدة ليلى التازي، رئيس جهاز الأمن السويدي، وسلمته "
    "دعوة من عبد اللطيف حموشي لزيارة المملكة.",
])
def test_a_moroccan_envoy_as_the_subject_after_the_verb_is_not_his_meeting(text):
    assert extract_meetings(text).meetings == []


@pytest.mark.parametrize("text,country", [
    (f"استقبل {H}، اليوم بالرباط، سفير المملكة الإسبانية بالمغرب، السيد خافيير رويث.", "ES"),
    ("استقبل عبد اللطيف حموشي، اليوم بالرباط، سفيرة جمهورية البرتغال، السيدة آنا سيلفا، رفقة سفير "
     "المغرب بلشبونة.", "PT"),
])
def test_his_own_audience_with_an_envoy_stays(text, country):
    assert one(text).counterpart.country == country


def test_a_credit_line_under_the_last_paragraph_stays_with_the_body():
    dump = ("الرئيسية\nدولي\nمدير الشرطة يبحث في الرباط التعاون الأمني مع المغرب\n"
            "بحث مدير عام الشرطة الفريق حسين الكبيسي، أمس، خلال لقائه في العاصمة المغربية المدير العام للأمن "
            "الوطني ومراقبة التراب الوطني عبداللطيف حموشي، سبل تطوير التعاون بين الأجهزة الأمنية "
            "في البلدين.\n"
            "(واع)\n\nالأكثر قراءة\n")
    out = extract_text_dump(dump)
    assert out.text.rstrip().endswith("(واع)")
    assert one(out.text).counterpart.country == "IQ"


def test_the_formal_greek_state_name():
    m = one(f"استقبل {H}، اليوم بالرباط، سفير الجمهورية الهيلينية المعتمد بالمملكة، السيد يورغوس ماركيديس.")
    assert (m.counterpart.country, m.counterpart.name) == ("GR", "يورغوس ماركيديس")
