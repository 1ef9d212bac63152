"""Run the pure item pipelines (every one ordered before the store) in worker processes.

Off by default. With `-s LIQAAT_WORKERS=2` the add-on `ParallelAddon` (in ADDONS) replaces those
pipelines in ITEM_PIPELINES by `pipelines.parallel.ParallelPipeline`, which sends each item
through the same chain, in the same order, in a process pool, and awaits the result on the
asyncio reactor: the crawl goes on fetching while extraction, dates and meetings use the other
cores. The store (order >= `LIQAAT_PARALLEL_BEFORE`, 500) stays in the crawl process.

The workers are forked from a fork server (a fresh process, not a fork of the crawl's, which runs
a reactor and threads) that has imported the chain's modules once: each worker inherits them
instead of importing them again. The spider opens once every worker is ready, as the pipelines of
an in-process crawl are built before it opens.

Nothing is lost: stats the workers count are replayed in the crawl's stats, `DropItem` and a
pipeline's own exception come back as they would in-process, and an item the pool fails on
(a worker killed, an item that does not pickle) is run in-process instead, logged and counted
(`liqaat/parallel/fallback`). Items finish in completion order, not fetch order.
"""

from __future__ import annotations

import logging
import os
import pickle
import traceback
from types import SimpleNamespace

from scrapy.exceptions import DropItem
from scrapy.settings import Settings
from scrapy.utils.misc import build_from_crawler, load_object

PIPELINE = "pipelines.parallel.ParallelPipeline"


class ParallelAddon:
    """Moves the pipelines before the store into ParallelPipeline when LIQAAT_WORKERS > 0; a
    pipeline whose class says `runs_in_crawl = True` (a cheap check that drops items before they
    are sent to a worker, pipelines/known.py) stays in the crawl process."""

    def update_settings(self, settings) -> None:
        if settings.getint("LIQAAT_WORKERS") <= 0:
            return
        before = settings.getint("LIQAAT_PARALLEL_BEFORE", 500)
        pipelines = dict(settings.getdict("ITEM_PIPELINES"))
        chain = sorted((order, path) for path, order in pipelines.items()
                       if isinstance(path, str) and order is not None and order < before
                       and not _runs_in_crawl(path))
        if not chain:
            return
        for _, path in chain:
            del pipelines[path]
        pipelines[PIPELINE] = chain[0][0]
        priority = settings.getpriority("ITEM_PIPELINES")
        settings.set("ITEM_PIPELINES", pipelines, priority=priority)
        settings.set("LIQAAT_PARALLEL_CHAIN", [path for _, path in chain], priority=priority)


def _runs_in_crawl(path: str) -> bool:
    try:
        return bool(getattr(load_object(path), "runs_in_crawl", False))
    except (ImportError, AttributeError, ValueError, NameError):  # Scrapy reports it when it loads them
        return False


class StatsRecorder:
    """The stats calls a pipeline makes in a worker, to replay in the crawl's stats."""

    def __init__(self):
        self.calls: list[tuple] = []

    def __getattr__(self, method):
        if method not in ("inc_value", "set_value", "max_value", "min_value"):
            raise AttributeError(method)
        return lambda *args, **kwargs: self.calls.append((method, args, kwargs))


def picklable_settings(settings) -> dict:
    out = {}
    for key, value in settings.copy_to_dict().items():
        try:
            pickle.dumps(value)
        except Exception:  # noqa: BLE001 (classes, callables: not for pipelines)
            continue
        out[key] = value
    return out


def build_chain(paths: list[str], settings: dict, stats) -> list:
    crawler = SimpleNamespace(settings=Settings(settings), stats=stats, spider=None)
    return [build_from_crawler(load_object(path), crawler) for path in paths]


def run_chain(chain: list, item):
    for pipeline in chain:
        item = pipeline.process_item(item)
    return item


def ready() -> int:
    """Submitted when the spider opens, until every worker has answered: its process id."""
    return os.getpid()


# What the fork server imports before it forks the workers (pipelines.parallel), besides the
# chain's own modules: what they load only at their first item (trafilatura, the language model,
# the vocabularies), by importing crawler.forkserver_preload, which warms up (crawler/warm.py).
PRELOAD = ("crawler.extract.html", "crawler.forkserver_preload")


def preload_modules(paths: list[str]) -> list[str]:
    """The modules of the chain's pipelines, then PRELOAD."""
    return list(dict.fromkeys([path.rpartition(".")[0] for path in paths] + list(PRELOAD)))


# --- in the worker processes
_worker: SimpleNamespace | None = None


def init_worker(paths: list[str], settings: dict) -> None:
    global _worker
    logging.basicConfig(level=settings.get("LOG_LEVEL", "INFO"),
                        format="%(asctime)s [%(name)s] %(levelname)s: %(message)s (worker)")
    stats = StatsRecorder()
    _worker = SimpleNamespace(stats=stats, chain=build_chain(paths, settings, stats))


def work(item):
    """(outcome, item / DropItem message / error text, stats calls); outcome is `ok`, `drop` or
    `error` (a pipeline's own exception, with its traceback, raised again in the crawl)."""
    _worker.stats.calls = []
    try:
        return "ok", run_chain(_worker.chain, item), _worker.stats.calls
    except DropItem as drop:
        return "drop", str(drop), _worker.stats.calls
    except Exception as error:  # noqa: BLE001 (sent back to the crawl process)
        return "error", f"{error!r} in a worker:\n{traceback.format_exc()}", _worker.stats.calls
