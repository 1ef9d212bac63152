"""A test pipeline for crawler.parallel: kills its worker process on a page named `crash-*`
(only in a worker: in the crawl process it does nothing) and raises on a page named `raise-*`."""

from __future__ import annotations

import multiprocessing
import os


class CrashPipeline:
    def process_item(self, item):
        name = item.url.rsplit("/", 1)[-1]
        if name.startswith("crash-") and multiprocessing.parent_process() is not None:
            os._exit(3)
        if name.startswith("raise-"):
            raise ValueError(f"stub pipeline error on {name}")
        return item
