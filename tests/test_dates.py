"""Date phrases → days: the table of tests/fixtures/dates/phrases.yaml, and a property test."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.dates import find_dates, normalize_date
from crawler.dates.tables import CALENDAR, WEEKDAYS
from tests.conftest import FIXTURES

PHRASES = yaml.safe_load((FIXTURES / "dates" / "phrases.yaml").read_text(encoding="utf-8"))


def _day(value):
    return value if value is None or isinstance(value, date) else date.fromisoformat(str(value))


def test_table_is_large_enough():
    assert len(PHRASES) >= 80


@pytest.mark.parametrize("case", PHRASES, ids=[c["text"] for c in PHRASES])
def test_phrase(case):
    got = normalize_date(case["text"], _day(case.get("base")))
    assert got is not None, "no date phrase found"
    assert got.date == _day(case["expect"])
    if "end" in case:
        assert got.date_end == _day(case["end"])
    if "weekday" in case:
        assert got.weekday == case["weekday"]
    if "resolution" in case:
        assert got.resolution == case["resolution"]
    if "mismatch" in case:
        assert got.weekday_mismatch is case["mismatch"]


def test_spans_point_into_the_original_text():
    text = "استقبل حموشي، يوم الخميـــس 18 أبريـل 2024، بالرباط السفير"
    [m] = find_dates(text)
    assert text[m.start:m.end] == m.raw == "يوم الخميـــس 18 أبريـل 2024"


@pytest.mark.parametrize("text", [
    "اليوم العالمي للشرطة", "اليوم الدراسي حول الجريمة", "نونبر المقبل", "سنة 2025", "الساعة 15:57",
    "Marrakech accueillera en novembre prochain", "a police force of 2025 officers",
])
def test_no_day_in(text):
    got = normalize_date(text, date(2025, 5, 14))
    assert got is None or got.date is None


def test_future_phrase_is_not_a_day():
    [m] = find_dates("المقررة في 12 نونبر المقبل")
    assert m.future


# Property: any day written in any supported month-name style, with any digit style, comes back.
STYLES = ["maghrebi", "moroccan", "gulf", "levantine", "french", "english"]
DIGITS = {"western": "0123456789", "eastern": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}
WEEKDAY_WORDS = {"maghrebi": 0, "moroccan": 0, "gulf": 0, "levantine": 0, "french": 1, "english": 2}


def _digits(n: int, style: str) -> str:
    return str(n).translate(str.maketrans("0123456789", DIGITS[style]))


@settings(max_examples=300, deadline=None)
@given(day=st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)),
       style=st.sampled_from(STYLES), digits=st.sampled_from(list(DIGITS)), data=st.data())
def test_any_written_date_comes_back(day, style, digits, data):
    month = data.draw(st.sampled_from(CALENDAR["months"][day.month][style]))
    latin = style in ("french", "english")
    d, y = _digits(day.day, "western" if latin else digits), _digits(day.year, "western" if latin else digits)
    forms = ["dmy", "weekday_dmy", "tight"] + (["mdy"] if style == "english" else [])
    form = data.draw(st.sampled_from(forms))
    weekday = CALENDAR["weekdays"][WEEKDAYS[day.weekday()]][WEEKDAY_WORDS[style]]
    text = {"dmy": f"{d} {month} {y}", "weekday_dmy": f"{weekday} {d} {month} {y}",
            "tight": f"{d}{month}{y}" if not latin else f"{d} {month}. {y}",
            "mdy": f"{weekday}, {month} {d}, {y}"}[form]
    got = normalize_date(f"قال المصدر إن اللقاء جرى {text} بالرباط" if not latin else f"Rabat, {text} -")
    assert got is not None and got.date == day, text
    assert not got.weekday_mismatch


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)),
       digits=st.sampled_from(list(DIGITS)), sep=st.sampled_from(["/", "-", "."]), pad=st.booleans())
def test_any_numeric_date_comes_back_day_first(day, digits, sep, pad):
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if pad else (str(day.day), str(day.month))
    text = sep.join([d, m, str(day.year)]).translate(str.maketrans("0123456789", DIGITS[digits]))
    got = normalize_date(f"نشر في: {text} - 10:15")
    assert got is not None and got.date == day, text


@given(base=st.dates(min_value=date(2000, 1, 8), max_value=date(2035, 12, 31)),
       back=st.integers(min_value=0, max_value=6))
def test_named_weekday_resolves_to_the_latest_such_day(base, back):
    day = base - timedelta(days=back)
    name = CALENDAR["weekdays"][WEEKDAYS[day.weekday()]][0]
    got = normalize_date(f"يوم {name}", base)
    assert got.date == day and got.weekday == WEEKDAYS[day.weekday()]


def test_vocabularies_are_complete():
    assert sorted(CALENDAR["months"]) == list(range(1, 13))
    for num, styles in CALENDAR["months"].items():
        assert set(styles) == set(STYLES), num
        assert all(names for names in styles.values()), num
    assert sorted(CALENDAR["weekdays"]) == sorted(WEEKDAYS)
    for words in CALENDAR["relative_days"].values():
        for word in words:
            assert [m.kind for m in find_dates(word)] == ["relative"], word
    for phrase in CALENDAR["unresolvable"]:
        assert [m.kind for m in find_dates(phrase)] == ["unresolvable"], phrase


@pytest.mark.parametrize("case", PHRASES[:40], ids=[c["text"] for c in PHRASES[:40]])
def test_raw_is_the_span_of_the_text(case):
    for m in find_dates(case["text"]):
        assert case["text"][m.start:m.end] == m.raw
