"""Meeting dates: `meeting_date` on a table of my own sentences, and the pipeline (order 400)."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from scrapy.utils.test import get_crawler

from crawler.dates import meeting_date, meeting_sentence
from crawler.items import Meeting, Report
from pipelines.meeting_dates import MeetingDatesPipeline
from tests.conftest import FIXTURES

CASES = yaml.safe_load((FIXTURES / "dates" / "meetings.yaml").read_text(encoding="utf-8"))


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_meeting_date(case):
    got = meeting_date(case["text"], case.get("sentence"), case.get("published"), case.get("others"),
                       case.get("title"), case.get("name"), case.get("role"))
    for field, expected in case["expect"].items():
        assert getattr(got, field) == _iso(expected), field


def test_meeting_sentence_skips_sentences_without_a_meeting_verb():
    text = "أعلنت المديرية عن حصيلتها السنوية. وتباحث حموشي مع السفير. ثم غادر."
    assert meeting_sentence(text) == "وتباحث حموشي مع السفير."
    assert meeting_sentence("Le bilan annuel a été publié.") is None


def _pipeline():
    crawler = get_crawler()
    return MeetingDatesPipeline.from_crawler(crawler), crawler.stats


def test_pipeline_fills_every_meeting_from_its_sentence():
    text = ("استقبل حموشي، يومه الخميس 14 نوفمبر 2024، سفير اليابان.\n"
            "وفي اليوم الموالي، يوم الجمعة 15 نوفمبر 2024، استقبل سفير البرازيل.\n"
            "واستقبل حموشي يوم الأربعاء 14 نوفمبر 2024 سفير نيجيريا.\n"
            "واستقبل حموشي يوم 31 شتنبر 2024 سفير الشيلي.")
    lines = text.split("\n")
    meetings = [Meeting(evidence={"sentence": s}) for s in lines]
    report = Report(url="file:///x.html", text=text, published="2024-11-15T10:00:00+01:00", meetings=meetings)
    pipeline, stats = _pipeline()
    pipeline.process_item(report)
    assert [m.date for m in meetings] == ["2024-11-14", "2024-11-15", "2024-11-14", None]
    assert meetings[1].date_raw == "يوم الجمعة 15 نوفمبر 2024"
    assert meetings[1].evidence["date"] == meetings[1].date_raw
    assert meetings[2].weekday == "wednesday" and meetings[2].weekday_mismatch is True
    assert meetings[0].date_resolution == "explicit"
    assert stats.get_value("liqaat/dates/meeting/weekday_mismatch") == 1
    assert stats.get_value("liqaat/dates/meeting/impossible") == 1


def test_pipeline_without_publication_date_keeps_the_weekday():
    text = "واستقبل حموشي اليوم الأربعاء بمكتبه المسؤول الإسباني."
    report = Report(url="file:///y.txt", text=text, meetings=[Meeting(evidence={"sentence": text})])
    pipeline, stats = _pipeline()
    pipeline.process_item(report)
    [m] = report.meetings
    assert (m.date, m.weekday, m.date_resolution) == (None, "wednesday", "unresolved")
    assert stats.get_value("liqaat/dates/meeting/unresolved") == 1


def test_pipeline_flags_a_conflict_and_bounds_each_section_by_the_next_meeting():
    first = "Hammouchi received on Monday the head of the Danish police."
    second = "He also met the Norwegian police director, with whom he held talks on 5 May 2025."
    text = f"{first}\nThe meeting, held on 7 May 2025, covered organised crime.\n{second}"
    meetings = [Meeting(evidence={"sentence": first}), Meeting(evidence={"sentence": second})]
    report = Report(url="file:///z.txt", text=text, published="2025-05-09", meetings=meetings)
    pipeline, stats = _pipeline()
    pipeline.process_item(report)
    danish, norwegian = meetings
    # "on Monday" (5 May) against "held on 7 May 2025": explicit over relative, flagged
    assert (danish.date, danish.date_resolution, danish.date_conflict) == ("2025-05-07", "explicit", True)
    assert danish.evidence["date_conflict"] == "on Monday"
    assert (norwegian.date, norwegian.date_conflict) == ("2025-05-05", False)
    assert stats.get_value("liqaat/dates/meeting/conflict") == 1


def test_pipeline_gives_the_meetings_of_a_visit_its_days():
    text = ("Hammouchi a effectué les 3 et 4 juin 2025 une visite de travail à Berne.\n"
            "Il s'est entretenu avec la directrice de l'Office fédéral de la police.\n"
            "Le lendemain de son arrivée, il a rencontré le chef du renseignement.")
    lines = text.split("\n")
    meetings = [Meeting(evidence={"sentence": lines[1]}), Meeting(evidence={"sentence": lines[2]})]
    report = Report(url="file:///v.txt", text=text, published="2025-06-05", meetings=meetings)
    _pipeline()[0].process_item(report)
    span, next_day = meetings
    assert (span.date, span.date_end, span.date_resolution) == ("2025-06-03", "2025-06-04", "visit_span")
    assert (next_day.date, next_day.date_end, next_day.date_resolution) == ("2025-06-04", None, "visit_day")
