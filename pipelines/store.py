"""Merge each report's meetings into the meetings store; write MEETINGS_OUTPUT at the end."""

from __future__ import annotations

import logging

from crawler.store import SYNC_EVERY, MeetingStore

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, stats, db_path, output_path, sync_every=SYNC_EVERY, crawler=None):
        self.stats, self.db_path, self.output_path = stats, db_path, output_path
        self.sync_every = sync_every
        self.crawler = crawler
        self.store = None

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(crawler.stats, s.get("MEETINGS_DB"), s.get("MEETINGS_OUTPUT"),
                   s.getint("MEETINGS_DB_SYNC_EVERY", SYNC_EVERY), crawler)

    def _root(self):
        """The crawl root files are keyed relative to (the seeds spider's `path`)."""
        spider = getattr(self.crawler, "spider", None)
        return getattr(spider, "path", None)

    def open_spider(self):
        self.store = MeetingStore(self.db_path, self.sync_every)
        self.stats.set_value("liqaat/dedup/meetings_at_start", len(self.store.deduper.clusters))

    def process_item(self, item):
        try:
            decisions, status = self.store.add(item, root=self._root())
        except Exception:  # one bad report never stops the run
            logger.exception("liqaat: could not store %s", getattr(item, "url", item))
            self.stats.inc_value("liqaat/dedup/errors")
            return item
        self.stats.inc_value(f"liqaat/dedup/reports_{status}")
        actors = self.store.actors(decisions)
        for meeting, d in zip(item.meetings, decisions, strict=False):
            meeting.meeting_id = d.meeting_id
            if getattr(meeting, "counterpart", None) is not None and d.meeting_id in actors:
                meeting.counterpart.actor = actors[d.meeting_id]
            if status == "known":
                continue
            if d.new:
                self.stats.inc_value("liqaat/dedup/new_meetings")
            else:
                self.stats.inc_value("liqaat/dedup/merged")
                self.stats.inc_value(f"liqaat/dedup/merged/{d.how}")
            self.stats.inc_value("liqaat/dedup/new_sources")
        return item

    def close_spider(self):
        if self.store is None:
            return
        try:
            (n,) = self.store.db.execute("SELECT count(*) FROM meetings").fetchone()
            self.stats.set_value("liqaat/store/meetings", n)
            if self.output_path:
                # a .csv MEETINGS_OUTPUT gets the meetings CSV (docs/dataset.md), else JSON Lines
                csv_out = str(self.output_path).lower().endswith(".csv")
                n = (self.store.export_csv if csv_out else self.store.export_jsonl)(self.output_path)
                self.stats.set_value("liqaat/dedup/meetings_written", n)
        finally:
            self.store.close()
