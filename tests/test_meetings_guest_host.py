"""Two shapes of a rewritten report: the host written inside a verb in parts, before Hammouchi
("حل المدير العام للشرطة … X ضيفا على حموشي": X was his guest), and a text dump whose only
paragraph lost its final full stop (a hurried copy), which used to keep no text at all. Sentences
written for this test: invented persons, real countries and agencies; none comes from a corpus."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract import extract_text_dump
from tests.conftest import one_meeting as one

ROLES = [
    ("المدير العام للشرطة الوطنية بجمهورية التوغو", "TG"),
    ("وزير الداخلية الغاني", "GH"),
    ("قائد الدرك الوطني السنغالي", "SN"),
]
NAME = "كوفي أمانغبي"


@pytest.mark.parametrize("role,country", ROLES)
def test_the_guest_written_inside_the_verb_is_the_counterpart(role, country):
    m = one(f"حل {role} {NAME} ضيفا على عبد اللطيف حموشي بالرباط.")
    assert (m.counterpart.name, m.counterpart.country) == (NAME, country)
    assert m.counterpart.title == role


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ROLES), st.sampled_from(["", "امس الثلاثاء ", "يوم الاثنين "]),
       st.booleans(), st.booleans(), st.booleans())
def test_the_guest_holds_under_perturbation(role_country, day, feminine, typos, no_stop):
    """A day inside the gap, a woman as the guest, ة written ه, the final full stop dropped, a second
    verb after him: the same meeting."""
    role, country = role_country
    verb, guest = ("حلت", "ضيفة") if feminine else ("حل", "ضيفا")
    if feminine:
        role = role.replace("المدير", "المديرة").replace("وزير", "وزيرة").replace("قائد", "قائدة")
    text = f"{verb} {role} {NAME} {day}{guest} على عبد اللطيف حموشي بالرباط وبحث معه سبل مكافحة الإرهاب"
    if typos:
        text = text.replace("ة ", "ه ")
    text += "" if no_stop else "."
    m = one(text)
    assert (m.counterpart.name, m.counterpart.country) == (NAME, country)


def test_hammouchi_as_the_guest_keeps_his_host_as_the_counterpart():
    m = one(f"حل عبد اللطيف حموشي ضيفا على وزير الداخلية الغاني {NAME} بأكرا.")
    assert (m.counterpart.name, m.counterpart.country) == (NAME, "GH")


def test_a_host_waiting_for_him_inside_the_verb_is_the_counterpart():
    m = one(f"كان وزير الداخلية الغاني {NAME} في استقبال عبد اللطيف حموشي بأكرا.")
    assert (m.counterpart.name, m.counterpart.country) == (NAME, "GH")


LEAD = (f"حل المدير العام للشرطة الوطنية بجمهورية التوغو {NAME} امس الاربعاء ضيفا على عبد اللطيف حموشي "
        "بالرباط وبحث معه سبل مكافحة الارهاب")
DUMP = f"مسؤول أمني توغولي في ضيافة حموشي\nالخميس 6 مارس 2025\n\n{LEAD}\n"


def test_a_dump_whose_only_paragraph_lost_its_full_stop_keeps_it():
    ex = extract_text_dump(DUMP)
    assert ex.title == "مسؤول أمني توغولي في ضيافة حموشي"
    assert ex.text.startswith("حل المدير العام للشرطة الوطنية")
    m = one(ex.text, ex.title)
    assert (m.counterpart.name, m.counterpart.country) == (NAME, "TG")


def test_a_dump_with_a_punctuated_body_keeps_only_that_body():
    """The fallback is for a dump with no body at all: a long unpunctuated line beside a real
    paragraph (a menu, a caption) stays out."""
    menu = "الرئيسية أخبار وطنية دولية رياضة اقتصاد ثقافة فن مجتمع تكنولوجيا صحة سياسة جهات"
    body = ("استقبل عبد اللطيف حموشي امس الاربعاء بالرباط المدير العام للشرطة الوطنية بجمهورية التوغو، "
            f"{NAME}، وبحث معه سبل مكافحة الارهاب.")
    ex = extract_text_dump(f"حموشي يستقبل مسؤولا توغوليا\n{menu}\n{body}\n")
    assert ex.text == body
