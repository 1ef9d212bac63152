"""`meetings`, `is_meeting_report` and `not_meeting_reason` of every report, from its main text
(crawler.meetings.extract_meetings). The dates of each meeting come after, in pipeline 400."""

from __future__ import annotations

import logging

from crawler.meetings import extract_meetings
from pipelines.base import StatsPipeline

logger = logging.getLogger(__name__)


class MeetingsPipeline(StatsPipeline):
    def process_item(self, item):
        try:
            found = extract_meetings(item.text or "", item.title, item.lang)
        except Exception:  # one bad page never stops a run
            logger.exception("liqaat: meeting extraction failed on %s", item.url)
            self.stats.inc_value("liqaat/meetings/error")
            return item
        item.meetings = found.meetings
        item.is_meeting_report = bool(found.meetings)
        item.not_meeting_reason = found.reason
        if found.meetings:
            self.stats.inc_value("liqaat/meetings/reports")
            self.stats.inc_value("liqaat/meetings/found", len(found.meetings))
        else:
            self.stats.inc_value(f"liqaat/meetings/not_meeting/{found.reason}")
            logger.info("liqaat: %s: no meeting (%s)", item.url, found.reason)
        return item
