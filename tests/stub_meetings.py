"""A test stand-in for the meetings pipelines: reads each document's meetings from a sidecar
`<name>.meetings.json` beside it, so the store is tested through real crawls on its own."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

from crawler.items import Counterpart, Location, Meeting


class StubMeetingsPipeline:
    def process_item(self, item):
        path = Path(unquote(urlparse(item.url).path))
        side = path.with_name(path.stem + ".meetings.json")
        if side.exists():
            for m in json.loads(side.read_text(encoding="utf-8")):
                item.meetings.append(Meeting(date=m.get("date"), counterpart=Counterpart(**m["counterpart"]),
                                             location=Location(**m.get("location", {}))))
            item.is_meeting_report = bool(item.meetings)
        return item
