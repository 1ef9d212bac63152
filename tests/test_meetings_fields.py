"""The fields of a counterpart where real reports write them without the commas the genre has:
a rank between a role and a name, an organisation phrase that ends in adjectives, a second
ambassador in a list, Hammouchi received by a minister who names him by an anaphora, a stray full
stop after his name, an English possessive country, a foreign service's own release. Sentences
written for this test: invented persons, real countries and services."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.meetings import extract_meetings
from crawler.meetings.hammouchi import mentions
from crawler.vocab import fold

# (text, [(country, name, honorific, title, agency)]); None in an expected field: not checked
RANK_SPLITS = [
 ("كما عقد حموشي جلسة عمل مع مدير المخابرات العامة الأردنية اللواء سامي الخطيب.",
  [("JO", "سامي الخطيب", "اللواء", "مدير المخابرات العامة الأردنية", None)]),
 ("استقبل عبد اللطيف حموشي بالرباط قائد الحرس الوطني الكويتي الفريق أول ركن هاشم العنزي.",
  [("KW", "هاشم العنزي", "الفريق أول ركن", "قائد الحرس الوطني الكويتي", None)]),
 ("استقبل حموشى اليوم بالرباط رئيس جهاز الأمن الوطنى المصرى العميد حسن فهمى.",
  [("EG", "حسن فهمى", "العميد", "رئيس جهاز الأمن الوطنى المصرى", None)]),
 ("وأجرى حموشي مباحثات مع مدير الشرطة الكندية الملكية مارك تيبو.",
  [("CA", "مارك تيبو", None, "مدير الشرطة الكندية الملكية", None)]),
 ("Abdellatif Hammouchi a reçu lundi à Rabat le directeur de la police nationale togolaise le "
  "général Kodjo Abalo.",
  [("TG", "Kodjo Abalo", "le général", "directeur de la police nationale togolaise", None)]),
 ("Abdellatif Hammouchi met on Monday in Rabat the head of the Ghana Police Service Inspector "
  "General Kofi Boateng.", [("GH", None, None, None, None)]),
]


def _check(text: str, expected: list[tuple]) -> None:
    title, _, body = text.rpartition("\n")
    found = extract_meetings(body, title=title or None)
    got = [(m.counterpart.country, m.counterpart.name, m.counterpart.honorific, m.counterpart.title,
            m.counterpart.agency) for m in found.meetings]
    assert len(got) == len(expected), (found.reason, got)
    for g, e in zip(got, expected, strict=True):
        for gv, ev in zip(g, e, strict=True):
            assert ev is None or gv == ev, (got, expected)


@pytest.mark.parametrize(("text", "expected"), RANK_SPLITS)
def test_rank_or_end_of_organisation_splits_title_from_name(text, expected):
    _check(text, expected)


RANKS = ["اللواء", "العميد", "الفريق", "العقيد"]
ROLES = [("JO", "مدير الأمن العام الأردني"), ("TN", "المدير العام للأمن الوطني التونسي"),
         ("SA", "رئيس جهاز أمن الدولة السعودي"), ("IQ", "مدير الاستخبارات العراقية")]
NAMES = ["محمود الرفاعي", "عادل بن سالم", "كريم الزعبي"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(RANKS), st.sampled_from(ROLES), st.sampled_from(NAMES), st.booleans())
def test_a_rank_without_a_comma_is_a_rank_with_one(rank, role, name, comma):
    code, title = role
    sep = "، " if comma else " "
    found = extract_meetings(f"استقبل عبد اللطيف حموشي اليوم بالرباط {title}{sep}{rank} {name}.")
    assert [(m.counterpart.country, m.counterpart.name, m.counterpart.honorific, m.counterpart.title)
            for m in found.meetings] == [(code, name, rank, title)]


LISTS = [
 ("استقبل عبد اللطيف حموشي اليوم بالرباط سفير جمهورية إندونيسيا بالمغرب، السيد بودي هارتونو، "
  "والسفير الفيتنامي دانغ فان هو.",
  [("ID", "بودي هارتونو", "السيد", None, None), ("VN", "دانغ فان هو", None, "السفير الفيتنامي", None)]),
 ("استقبل السيد عبد اللطيف حموشي بالرباط سفيرة كندا، السيدة ليندا مارتن، والسفير الصيني لي تشانغ هو.",
  [("CA", "ليندا مارتن", "السيدة", None, None), ("CN", "لي تشانغ هو", None, "السفير الصيني", None)]),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_a_name_ending_in_a_pronoun_word_is_a_name(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("text", "kinds"), [
    ("وقد بحث هو والسفير سبل التعاون", ["pronoun"]),
    ("On Monday he met with the Kenyan police chief", ["pronoun"]),
    ("والسفير الفيتنامي دانغ فان هو", []),
    ("the ambassador of Vietnam Dang Van He", []),
])
def test_a_pronoun_after_a_role_is_no_subject_pronoun(text, kinds):
    assert [m.kind for m in mentions(fold(text), True, True)] == kinds
