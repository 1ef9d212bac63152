"""JOBDIR jobs that are resumed, not reused forever, and that survive `kill -9`.

Scrapy's JOBDIR keeps the request queue and the fingerprints of every request made; a finished
job left there makes the next run with the same JOBDIR fetch nothing, and a run killed hard
leaves queue files that cannot be read. `JobDirExtension` (in EXTENSIONS) keeps
`JOBDIR/liqaat-job.json` beside Scrapy's files: `state` (`running`, `stopped`, `finished`),
`started_at`, and the feeds this job writes with the size each had when the job began. When a
run starts:

- no job file, or `finished`: a new job. Scrapy's files of the last job are removed, so the same
  JOBDIR in a daily cron line crawls anew every day (`liqaat/job/new`);
- `stopped` (Ctrl-C, CLOSESPIDER_*, a graceful stop): Scrapy resumes from its queue (`resumed`);
- `running`: the last run was killed (SIGKILL, a crash, a power cut). Its queue and request
  fingerprints cannot be trusted, so they are removed, and the crawl starts again from the
  sitemaps, feeds and listings: the store's seen-URL table skips every article already done, and
  the feeds skip every report this job already exported (crawler.feeds) (`recovered`).

The job's first start time goes into `spider.state["started_at"]` (the outlets spider's
incremental runs use it).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)

JOB_FILE = "liqaat-job.json"
SCRAPY_FILES = ("requests.seen", "requests.queue", "spider.state")


def write_json(path: Path, data: dict) -> None:
    """Replace `path` with `data`, synced: a crash leaves the old file or the new one."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class JobDir:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.file = self.path / JOB_FILE
        self.data: dict = {}
        self.kind = ""

    def _remove(self, names) -> None:
        for name in names:
            p = self.path / name
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p)
            elif p.exists() or p.is_symlink():
                p.unlink()

    def begin(self) -> str:
        self.path.mkdir(parents=True, exist_ok=True)
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        state = data.get("state") if isinstance(data, dict) else None
        if state == "stopped":
            self.kind = "resumed"
        elif state == "running":
            self.kind = "recovered"
            self._remove(("requests.seen", "requests.queue"))
            logger.warning("liqaat: JOBDIR %s: the last run of this job was killed; its request queue "
                           "is discarded and the crawl resumes from the store's seen URLs", self.path)
        else:
            self.kind = "new"
            if state == "finished" or any((self.path / n).exists() for n in SCRAPY_FILES):
                self._remove(SCRAPY_FILES)
                logger.info("liqaat: JOBDIR %s: the last job finished; a new job starts", self.path)
            data = {"started_at": datetime.now(UTC).isoformat(timespec="seconds"), "feeds": {}, "runs": 0}
        data.update(state="running", pid=os.getpid(), runs=data.get("runs", 0) + 1)
        self.data = data
        write_json(self.file, data)
        return self.kind

    @property
    def feeds(self) -> dict[str, int]:
        return self.data.setdefault("feeds", {})

    def add_feed(self, path: str, offset: int) -> None:
        self.feeds[path] = offset
        write_json(self.file, self.data)

    def end(self, reason: str) -> None:
        self.data["state"] = "finished" if reason == "finished" else "stopped"
        self.data["pid"] = None
        write_json(self.file, self.data)


def current(crawler) -> JobDir | None:
    return getattr(crawler, "liqaat_job", None)


class JobDirExtension:
    def __init__(self, crawler, job: JobDir):
        self.crawler, self.job = crawler, job

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("JOBDIR")
        if not path:
            raise NotConfigured
        job = JobDir(path)
        kind = job.begin()  # before the scheduler opens Scrapy's files
        crawler.stats.set_value(f"liqaat/job/{kind}", 1)
        crawler.liqaat_job = job
        ext = cls(crawler, job)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider):
        state = getattr(spider, "state", None)  # SpiderState loaded it just before
        if isinstance(state, dict):
            state.setdefault("started_at", self.job.data["started_at"])

    def spider_closed(self, spider, reason):
        self.job.end(reason)
