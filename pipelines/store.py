"""Merge each report's meetings into the meetings store; write MEETINGS_OUTPUT at the end.

One writer at a time: the run waits for the store's lock (crawler.store.lock) before opening it.
A report that cannot be stored (a full disk, a locked or damaged file) is dropped with one warning
line (`NotStored`: it is not exported to the feed, and an outlets crawl fetches it again next
run); at the end of such a run, or when MEETINGS_OUTPUT cannot be written, one error line says
what was lost and why, the stat `liqaat/run/failed` is set and `scrapy crawl` exits with status 1.
"""

from __future__ import annotations

import asyncio
import logging
import time

from scrapy import signals
from scrapy.exceptions import DropItem

from crawler.store import SYNC_EVERY, MeetingStore
from crawler.store.lock import StoreLock

logger = logging.getLogger(__name__)


class NotStored(DropItem):
    """The report could not be written to the store."""


class StorePipeline:
    def __init__(self, stats, db_path, output_path, sync_every=SYNC_EVERY, crawler=None, lock_wait=3600.0):
        self.stats, self.db_path, self.output_path = stats, db_path, output_path
        self.sync_every, self.lock_wait = sync_every, lock_wait
        self.crawler = crawler
        self.store = None
        self.lock = StoreLock(db_path)
        self.failures: list[str] = []
        self.first_error = None

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(crawler.stats, s.get("MEETINGS_DB"), s.get("MEETINGS_OUTPUT"),
                   s.getint("MEETINGS_DB_SYNC_EVERY", SYNC_EVERY), crawler,
                   s.getfloat("LIQAAT_STORE_LOCK_WAIT", 3600))

    def _root(self):
        """The crawl root files are keyed relative to (the seeds spider's `path`)."""
        spider = getattr(self.crawler, "spider", None)
        return getattr(spider, "path", None)

    async def open_spider(self):
        deadline, told = time.monotonic() + self.lock_wait, False
        while not self.lock.try_acquire():
            if time.monotonic() >= deadline:
                self.fail(self.lock.busy_message(self.lock_wait) + "; nothing was read")
                self._stop("store_busy")
                return
            if not told:
                logger.warning("liqaat: waiting for the store %s: in use by another run (%s)",
                               self.db_path, self.lock.holder())
                told = True
            await asyncio.sleep(0.2)
        self.stats.set_value("liqaat/store/lock_waited", int(told))
        try:
            self.store = MeetingStore(self.db_path, self.sync_every)
        except Exception as error:  # noqa: BLE001 (a full disk, a damaged or foreign file)
            self.first_error = error
            self.fail(f"could not open the store {self.db_path}: {error}; nothing was read")
            self.lock.release()
            self._stop("store_unavailable")
            return
        self.stats.set_value("liqaat/dedup/meetings_at_start", len(self.store.deduper.clusters))

    def _stop(self, reason: str) -> None:
        """Close the spider as soon as it is open: nothing it reads could be stored."""
        crawler = self.crawler
        if crawler is None or crawler.engine is None:
            return

        def opened(spider):
            asyncio.ensure_future(crawler.engine.close_spider_async(reason=reason))
        crawler.signals.connect(opened, signal=signals.spider_opened, weak=False)

    def fail(self, message: str) -> None:
        """The run could not store or export what it processed: one error line, exit status 1."""
        logger.error("liqaat: %s", message)
        self.stats.set_value("liqaat/run/failed", message)

    def process_item(self, item):
        url = getattr(item, "url", None) or str(item)[:200]
        if self.store is None:  # could not be opened: said once, in open_spider
            self.stats.inc_value("liqaat/store/errors")
            raise NotStored("not stored: the store could not be opened")
        try:
            decisions, status = self.store.add(item, root=self._root())
        except Exception as error:  # noqa: BLE001 (one bad report never stops the run)
            self.stats.inc_value("liqaat/store/errors")
            self.failures.append(url)
            self.first_error = self.first_error or error
            logger.warning("liqaat: could not store %s: %s", url, error)
            logger.debug("liqaat: the store's error", exc_info=True)
            self._reopen()
            raise NotStored(f"not stored: {error}") from None
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

    def _reopen(self) -> None:
        """After a failed write the store's in-memory index may hold what the file does not:
        read it again from the file, as the next run would."""
        try:
            self.store.db.rollback()
            self.store.db.close()
        except Exception:  # noqa: BLE001, S110 (the file is what counts)
            pass
        try:
            self.store = MeetingStore(self.db_path, self.sync_every)
        except Exception as error:  # noqa: BLE001
            logger.warning("liqaat: could not open the store %s again: %s", self.db_path, error)

    def close_spider(self):
        if self.store is None:
            return
        try:
            try:
                (n,) = self.store.db.execute("SELECT count(*) FROM meetings").fetchone()
                self.stats.set_value("liqaat/store/meetings", n)
            except Exception:  # noqa: BLE001 (the store could not be opened again after an error)
                if self.failures:
                    self.fail(self._not_stored() + f"; {self.output_path} was not written (unchanged)")
                    return
                raise
            if self.output_path:
                try:
                    # a .csv MEETINGS_OUTPUT gets the meetings CSV (docs/dataset.md), else JSON Lines
                    csv_out = str(self.output_path).lower().endswith(".csv")
                    n = (self.store.export_csv if csv_out else self.store.export_jsonl)(self.output_path)
                    self.stats.set_value("liqaat/dedup/meetings_written", n)
                except Exception as error:  # noqa: BLE001
                    self.fail(f"could not write the meetings to {self.output_path}: {error}; the previous "
                              "file is unchanged" + (f"; and {self._not_stored()}" if self.failures else ""))
                    return
            if self.failures:
                self.fail(self._not_stored())
        finally:
            try:
                self.store.close()
            except Exception as error:  # noqa: BLE001
                if not self.stats.get_value("liqaat/run/failed"):
                    self.fail(f"could not close the store {self.db_path}: {error}")
            self.lock.release()

    def _not_stored(self) -> str:
        return (f"could not store {len(self.failures)} of {len(self.failures) + self._stored()} reports in "
                f"{self.db_path}: {self.first_error}; they were not exported and are read again next run")

    def _stored(self) -> int:
        return sum(self.stats.get_value(f"liqaat/dedup/reports_{s}", 0) for s in ("new", "updated", "known"))
