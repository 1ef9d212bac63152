"""Merge each report's meetings into the meetings store; write MEETINGS_OUTPUT at the end.

One writer at a time: the run waits for the store's lock (crawler.store.lock) before opening it.
Reports are written in batches, one transaction each: MEETINGS_DB_BATCH reports, or what came in
MEETINGS_DB_BATCH_SECONDS seconds (docs/store.md, "Durability"). A report that cannot be stored
(a full disk, a locked or damaged file) is dropped with one warning line (`NotStored`: it is not
exported to the feed, and an outlets crawl fetches it again next run); a batch whose commit fails
loses its earlier reports too (already exported: one warning line, counted in
`liqaat/store/errors`). At the end of such a run, or when MEETINGS_OUTPUT cannot be written, one
error line says what was lost and why, the stat `liqaat/run/failed` is set and `scrapy crawl`
exits with status 1.
"""

from __future__ import annotations

import asyncio
import logging
import time

from scrapy import signals
from scrapy.exceptions import DropItem

from crawler.store import BATCH, BATCH_SECONDS, SYNC_EVERY, BatchNotStored, MeetingStore
from crawler.store.lock import StoreLock

logger = logging.getLogger(__name__)


class NotStored(DropItem):
    """The report could not be written to the store."""


class StorePipeline:
    def __init__(self, stats, db_path, output_path, sync_every=SYNC_EVERY, crawler=None, lock_wait=3600.0,
                 batch=BATCH, batch_seconds=BATCH_SECONDS):
        self.stats, self.db_path, self.output_path = stats, db_path, output_path
        self.sync_every, self.lock_wait = sync_every, lock_wait
        self.batch, self.batch_seconds = batch, batch_seconds
        self.crawler = crawler
        self.store = None
        self.lock = StoreLock(db_path)
        self.failures: list[str] = []
        self.lost = 0  # reports exported, then lost with their batch
        self.first_error = None
        self.ticker = None

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(crawler.stats, s.get("MEETINGS_DB"), s.get("MEETINGS_OUTPUT"),
                   s.getint("MEETINGS_DB_SYNC_EVERY", SYNC_EVERY), crawler,
                   s.getfloat("LIQAAT_STORE_LOCK_WAIT", 3600), s.getint("MEETINGS_DB_BATCH", BATCH),
                   s.getfloat("MEETINGS_DB_BATCH_SECONDS", BATCH_SECONDS))

    def _open_store(self) -> MeetingStore:
        return MeetingStore(self.db_path, self.sync_every, self.batch, self.batch_seconds)

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
            self.store = self._open_store()
        except Exception as error:  # noqa: BLE001 (a full disk, a damaged or foreign file)
            self.first_error = error
            self.fail(f"could not open the store {self.db_path}: {error}; nothing was read")
            self.lock.release()
            self._stop("store_unavailable")
            return
        self.stats.set_value("liqaat/dedup/meetings_at_start", len(self.store.deduper.clusters))
        self._start_ticker()

    def _start_ticker(self) -> None:
        """In a crawl, commit an open batch once it is MEETINGS_DB_BATCH_SECONDS old even when no
        report comes (a slow site): a kill loses at most that many seconds of reports."""
        if self.crawler is None or getattr(self.crawler, "engine", None) is None:
            return  # outside a crawl (a bench, a script): the next write or close commits it
        from twisted.internet import task

        self.ticker = task.LoopingCall(self._tick)
        self.ticker.start(max(0.05, self.batch_seconds / 2), now=False)

    def _tick(self) -> None:
        if self.store is None:
            return
        try:
            self.store.commit_if_due()
        except BatchNotStored as error:
            self._batch_lost(error)
            self._reopen()

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
            if isinstance(error, BatchNotStored):
                self._batch_lost(error, but=url)
                error = error.error
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

    def _batch_lost(self, error: BatchNotStored, but: str | None = None) -> None:
        """A batch could not be committed: its reports (exported already) are not in the store."""
        lost = [u for u in error.urls if u != but]
        if not lost:
            return
        self.stats.inc_value("liqaat/store/errors", len(lost))
        self.failures.extend(lost)
        self.lost += len(lost)
        self.first_error = self.first_error or error.error
        logger.warning("liqaat: could not store a batch of %d reports (%s …): %s; they are read again "
                       "next run", len(lost), lost[0], error.error)

    def _reopen(self) -> None:
        """After a failed write the store's in-memory index may hold what the file does not:
        commit what the open batch holds (the failed report was rolled back alone), then read the
        store again from the file, as the next run would."""
        try:
            self.store.commit()
        except BatchNotStored as error:
            self._batch_lost(error)
        except Exception:  # noqa: BLE001, S110 (the file is what counts)
            pass
        try:
            self.store.close()
        except Exception:  # noqa: BLE001, S110 (the file is what counts)
            pass
        try:
            self.store = self._open_store()
        except Exception as error:  # noqa: BLE001
            logger.warning("liqaat: could not open the store %s again: %s", self.db_path, error)

    def close_spider(self):
        if self.ticker is not None and self.ticker.running:
            self.ticker.stop()
        if self.store is None:
            return
        try:
            try:
                self.store.commit()
            except BatchNotStored as error:
                self._batch_lost(error)
                self._reopen()
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
                    # the commit or the checkpoint of the write-ahead log into the file (a full disk)
                    self.fail(f"could not write the store {self.db_path} to disk at close: {error}")
            self.lock.release()

    def _not_stored(self) -> str:
        exported = (f" ({self.lost} of them exported, with a batch whose commit failed)" if self.lost
                    else "; they were not exported")
        return (f"could not store {len(self.failures)} of {len(self.failures) - self.lost + self._stored()} "
                f"reports in {self.db_path}: {self.first_error}{exported}; they are read again next run")

    def _stored(self) -> int:
        return sum(self.stats.get_value(f"liqaat/dedup/reports_{s}", 0) for s in ("new", "updated", "known"))
