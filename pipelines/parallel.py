"""The pure pipelines in a process pool (crawler.parallel; README "Pipelines"). Only in
ITEM_PIPELINES when `LIQAAT_WORKERS` > 0. Stats: `liqaat/parallel/items`, `…/fallback`."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from scrapy.exceptions import DropItem

from crawler.parallel import (
    build_chain,
    init_worker,
    picklable_settings,
    preload_modules,
    ready,
    run_chain,
    work,
)

logger = logging.getLogger(__name__)
# seconds the spider's opening waits for the workers to start
READY_SECONDS = 120


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
        # forkserver: a fork of a process running a reactor and threads is not safe; a fork of the
        # fork server, which has imported the chain once, is (and inherits what it imported)
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(preload_modules(self.paths))
        # the fork server starts with this process's environment, and Python 3.11's ignores the
        # sys.path it is sent: it finds the project's modules (and `scrapy.cfg`'s folder) this way
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        return ProcessPoolExecutor(self.workers, mp_context=context,
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

    async def open_spider(self):
        """Waits until every worker has started (at most READY_SECONDS): the crawl then opens
        with its pipelines ready, as it does in-process."""
        pids: set[int] = set()
        deadline = time.monotonic() + READY_SECONDS
        try:
            while len(pids) < self.workers and time.monotonic() < deadline:
                futures = [asyncio.wrap_future(self.pool.submit(ready)) for _ in range(self.workers)]
                pids.update(await asyncio.gather(*futures))
                if len(pids) < self.workers:  # one worker took every call: let the others start
                    await asyncio.sleep(0.05)
        except Exception as error:  # noqa: BLE001 (a pool that cannot start: items fall back in-process)
            logger.error("liqaat: worker pool failed to start (%r)", error)

    def close_spider(self):
        self.pool.shutdown(wait=True)
