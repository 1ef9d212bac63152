"""`date`, `date_end`, `weekday`, `date_raw`, `date_resolution`, `weekday_mismatch`, `date_conflict`
of every meeting, from its sentence (`evidence["sentence"]`), its paragraph, its section (up to
the next meeting's sentence), the visit's span or the lead, read against `published`
(crawler.dates.meeting_date)."""

from __future__ import annotations

import logging
from datetime import date

from crawler.dates import meeting_date
from pipelines.base import StatsPipeline

logger = logging.getLogger(__name__)


class MeetingDatesPipeline(StatsPipeline):
    def process_item(self, item):
        published = _day(item.published)
        sentences = [m.evidence.get("sentence") for m in item.meetings]
        for meeting in item.meetings:
            sentence = meeting.evidence.get("sentence")
            others = [s for s in sentences if s and s != sentence]
            if sentence and sentence not in (item.text or ""):
                self.stats.inc_value("liqaat/dates/meeting/sentence_not_in_text")
                logger.warning("liqaat: meeting sentence not found in the text of %s", item.url)
            try:
                found = meeting_date(item.text or "", sentence, published, others, item.title,
                                     meeting.counterpart.name, meeting.counterpart.title)
            except Exception:  # one bad page never stops a run
                logger.exception("liqaat: meeting date failed on %s", item.url)
                self.stats.inc_value("liqaat/dates/meeting/error")
                continue
            meeting.date, meeting.date_end, meeting.weekday = found.date, found.date_end, found.weekday
            meeting.date_raw, meeting.date_resolution = found.date_raw, found.resolution
            meeting.weekday_mismatch = found.weekday_mismatch
            meeting.date_conflict = found.conflict is not None
            if found.date_raw:
                meeting.evidence["date"] = found.date_raw
            if found.conflict:
                meeting.evidence["date_conflict"] = found.conflict
                self.stats.inc_value("liqaat/dates/meeting/conflict")
                logger.info("liqaat: %s: %r and %r name two days for one meeting; kept %s",
                            item.url, found.date_raw, found.conflict, found.date)
            self.stats.inc_value(f"liqaat/dates/meeting/{found.resolution or 'none'}")
            if found.weekday_mismatch:
                self.stats.inc_value("liqaat/dates/meeting/weekday_mismatch")
                logger.info("liqaat: %s: %r names a weekday that is not the weekday of %s",
                            item.url, found.date_raw, found.date)
            if found.invalid:
                self.stats.inc_value("liqaat/dates/meeting/impossible")
                logger.warning("liqaat: %s: impossible meeting date %r, left null", item.url, found.date_raw)
        return item


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
