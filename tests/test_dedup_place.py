"""The undated rule when one official was met twice, months apart: an undated report with no
publication day that fits both meetings is set apart, unless its city is the city of one of them
only (merge.Deduper._place_decides, _by_place). Whatever order the reports arrive in, the same
meetings. Invented officials and texts (tests/test_store_dedup.py's)."""

from __future__ import annotations

from itertools import permutations

import pytest

from crawler.dedup.merge import Deduper, place_of
from crawler.dedup.signature import Signer
from tests.test_store_dedup import COMMUNIQUE, OTHER, REWRITE, meeting

TEXTS = {"a": COMMUNIQUE, "b": REWRITE, "c": OTHER}
NAME = "Rachel Thornbury-Vance"


def at(city: str | None, date: str | None) -> dict:
    return meeting("AU", NAME, date, "Australian Federal Police", location={"city": city, "country": "MA"})


def groups(reports: dict[str, dict], order) -> tuple[list[list[str]], Deduper]:
    d, s = Deduper(), Signer()
    for url in order:
        d.add(url, s.signature(TEXTS[url]), [reports[url]])
    by: dict[str, list[str]] = {}
    for url, mids in d.report_meetings.items():
        by.setdefault(mids[0], []).append(url)
    return sorted(sorted(v) for v in by.values()), d


@pytest.mark.parametrize(("a", "b", "c", "expected"), [
    # the undated report says Marrakech: the October meeting in Marrakech, not February's in Rabat
    (at("Rabat", "2025-02-12"), at("Marrakech", "2025-10-08"), at("Marrakech", None), [["a"], ["b", "c"]]),
    # Temara's headquarters is "in Rabat" in many reports: Rabat is the February meeting's city
    (at("Temara", "2025-02-12"), at("Marrakech", "2025-10-08"), at("Rabat", None), [["a", "c"], ["b"]]),
    # both meetings in Rabat: the city decides nothing, the report is set apart
    (at("Rabat", "2025-02-12"), at("Rabat", "2025-10-08"), at("Rabat", None), [["a"], ["b"], ["c"]]),
    # one meeting's city unknown: it may be that one, the report is set apart
    (at("Rabat", "2025-02-12"), at(None, "2025-10-08"), at("Marrakech", None), [["a"], ["b"], ["c"]]),
    # the report names no city: set apart
    (at("Rabat", "2025-02-12"), at("Marrakech", "2025-10-08"), at(None, None), [["a"], ["b"], ["c"]]),
])
def test_the_city_of_an_undated_report_decides_between_two_meetings_in_any_order(a, b, c, expected):
    reports = {"a": a, "b": b, "c": c}
    for order in permutations("abc"):
        got, d = groups(reports, order)
        assert got == expected, order


def test_the_decision_is_audited():
    reports = {"a": at("Rabat", "2025-02-12"), "b": at("Marrakech", "2025-10-08"), "c": at("Marrakech", None)}
    # the undated report last: the rule picks the October meeting and says over which one
    _, d = groups(reports, "abc")
    feb, october = d.report_meetings["a"][0], d.report_meetings["b"][0]
    s = Signer()
    d2 = Deduper()
    for url in "ab":
        d2.add(url, s.signature(TEXTS[url]), [reports[url]])
    (dec,) = d2.add("c", s.signature(TEXTS["c"]), [reports["c"]])
    assert dec.how == "undated" and dec.evidence["place"] == "marrakech"
    assert dec.evidence["place_decides_over"] == [d2.report_meetings["a"][0]]
    # the undated report first, February's after it (the undated rule joins them: nothing says
    # otherwise yet), then October's: the report moves to October, with its evidence
    d3 = Deduper()
    for url in "ca":
        d3.add(url, s.signature(TEXTS[url]), [reports[url]])
    d3.add("b", s.signature(TEXTS["b"]), [reports["b"]])
    moved = [x for x in d3.detached if x[0] == "c"]
    assert moved and moved[-1][3] == d3.report_meetings["b"][0] and moved[-1][4] == "undated"
    assert moved[-1][5]["place"] == "marrakech" and moved[-1][5]["report"] == "b"
    assert feb != october


def test_place_of_groups_rabat_and_temara():
    assert place_of("temara") == place_of("rabat") == "rabat"
    assert place_of("marrakech") == "marrakech" and place_of(None) is None
