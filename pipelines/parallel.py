"""The pure pipelines in a process pool (crawler.parallel; README "Pipelines"). Only in
ITEM_PIPELINES when `LIQAAT_WORKERS` > 0. Stats: `liqaat/parallel/items`, `…/fallback`."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from scrapy.exceptions import DropItem

from crawler.parallel import build_chain, init_worker, picklable_settings, ready, run_chain, work

logger = logging.getLogger(__name__)


class ParallelPipeline:
    def __init__(self, crawler):
        self.stats = crawler.stats
        self.paths = crawler.settings.getlist("LIQAAT_PARALLEL_CHAIN")
        self.settings = picklable_settings(crawler.settings)
        self.workers = crawler.settings.getint("LIQAAT_WORKERS")
        self.pool = self._pool()
        self.local = None  # the same chain in this process, built on the first fallback

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _pool(self) -> ProcessPoolExecutor:
        # spawn: a fork of a process running a reactor and threads is not safe
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=init_worker, initargs=(self.paths, self.settings))

    async def process_item(self, item):
        try:
            outcome, result, calls = await asyncio.wrap_future(self.pool.submit(work, item))
        except Exception as error:  # noqa: BLE001 (a broken pool, an item that does not pickle)
            logger.error("liqaat: worker pool failed on %s (%r); running it in-process",
                         getattr(item, "url", item), error)
            self.stats.inc_value("liqaat/parallel/fallback")
            if self.pool._broken:  # noqa: SLF001 (a broken pool takes no more work)
                self.pool.shutdown(wait=False)
                self.pool = self._pool()
            if self.local is None:
                self.local = build_chain(self.paths, self.settings, self.stats)
            return run_chain(self.local, item)
        for method, args, kwargs in calls:
            getattr(self.stats, method)(*args, **kwargs)
        self.stats.inc_value("liqaat/parallel/items")
        if outcome == "drop":
            raise DropItem(result)
        if outcome == "error":
            raise RuntimeError(result)
        return result

    def open_spider(self):
        for _ in range(self.workers):
            self.pool.submit(ready)

    def close_spider(self):
        self.pool.shutdown(wait=True)
