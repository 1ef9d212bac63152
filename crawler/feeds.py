"""Local feeds (`-o` / `-O` / FEEDS to a file) that a failed or killed run cannot damage.

`SafeFileFeedStorage` replaces Scrapy's file storage (FEED_STORAGES):

- `-O` (overwrite): items go to a hidden partial file beside the feed, which replaces the feed
  only when the run finished. A failed run (a mistyped folder, a stopped crawl) leaves the old
  feed as it was; its partial file is kept as `<feed>.unfinished` (without JOBDIR) or resumed
  by the next run of the job (with JOBDIR).
- `-o` (append): items are appended to the feed as they are exported, one unbuffered write per
  line, so a run killed hard leaves every exported line complete (at most one cut last line,
  removed on resume).
- with JOBDIR (crawler.jobs), each feed a job writes is recorded with its size when the job
  began; a resumed run (after a stop or a kill) reads the URLs that job already exported (JSON
  Lines feeds) and skips those reports (`liqaat/feed/duplicates_skipped`): no duplicate line,
  whether the feed appends or is named per run (`-o output/reports-%(time)s.jsonl`, Scrapyd's
  items file per job).

A write that fails (a full disk) is one error line and `liqaat/run/failed`: the run exits 1.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from w3lib.url import file_uri_to_path

from crawler import jobs

logger = logging.getLogger(__name__)


def _exported_urls(path: Path, offset: int) -> set[str]:
    urls = set()
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            for line in fh:
                if not line.endswith(b"\n"):
                    break
                try:
                    url = json.loads(line).get("url")
                except (ValueError, AttributeError):
                    continue
                if url:
                    urls.add(url)
    except OSError:
        pass
    return urls


def _cut_partial_line(path: Path) -> None:
    """Drop a last line without its newline (a write cut by a kill)."""
    try:
        with open(path, "rb+") as fh:
            size = fh.seek(0, os.SEEK_END)
            if not size:
                return
            pos = max(0, size - (1 << 20))
            fh.seek(pos)
            tail = fh.read()
            if tail.endswith(b"\n"):
                return
            cut = tail.rfind(b"\n")
            fh.truncate(pos + cut + 1 if cut >= 0 else pos)
    except OSError:
        pass


class FeedFile:
    """The file the exporter writes to: unbuffered, skipping reports already exported by this
    job, turning a failed write into one error line and a failed run."""

    def __init__(self, fh, skip: set[str], stats, where: str):
        self.fh, self.skip, self.stats, self.where = fh, skip, stats, where
        self.failed = False

    def write(self, data) -> int:
        if self.skip and data.startswith(b"{"):
            try:
                url = json.loads(data).get("url")
            except ValueError:
                url = None
            if url in self.skip:
                self.stats.inc_value("liqaat/feed/duplicates_skipped")
                return len(data)
        if self.failed:
            self.stats.inc_value("liqaat/feed/errors")
            return len(data)
        try:
            view = memoryview(data)
            while view:
                view = view[self.fh.write(view):]
        except OSError as error:
            self.failed = True
            self.stats.inc_value("liqaat/feed/errors")
            message = f"could not write the feed {self.where}: {error}"
            logger.error("liqaat: %s", message)
            self.stats.set_value("liqaat/run/failed", message)
        return len(data)

    def __getattr__(self, name):
        return getattr(self.fh, name)


class SafeFileFeedStorage:
    def __init__(self, uri: str, *, feed_options=None, crawler=None):
        path = file_uri_to_path(uri) if uri.startswith("file:") else uri
        self.path = Path(os.path.abspath(path))
        self.overwrite = bool((feed_options or {}).get("overwrite", False))
        self.crawler = crawler
        self.target = self.path

    @classmethod
    def from_crawler(cls, crawler, uri, *, feed_options=None):
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        job = jobs.current(self.crawler)
        if self.overwrite:
            tag = f"job-{Path(job.path).resolve().name}" if job else f"run-{os.getpid()}"
            self.target = self.path.with_name(f".{self.path.name}.{tag}.partial")
        skip: set[str] = set()
        key = str(self.target)
        if job is not None:
            if key in job.feeds:
                _cut_partial_line(self.target)
            elif self.overwrite and self.target.exists():
                self.target.unlink()  # a partial file of an older job of that name
            if key not in job.feeds:
                job.add_feed(key, self.target.stat().st_size if self.target.exists() else 0)
            if job.kind != "new":
                for path, offset in job.feeds.items():
                    skip |= _exported_urls(Path(path), offset)
        elif self.overwrite and self.target.exists():
            self.target.unlink()
        fh = open(self.target, "ab", buffering=0)  # noqa: SIM115 (closed in store)
        return FeedFile(fh, skip, self.crawler.stats, str(self.path))

    def store(self, file):
        file.close()
        if not self.overwrite:
            return
        stats = self.crawler.stats
        reason = stats.get_value("finish_reason")
        # None: a batch (FEED_EXPORT_BATCH_ITEM_COUNT) stored while the crawl goes on
        if reason in (None, "finished") and not file.failed:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.target, 0o666 & ~umask)
            os.replace(self.target, self.path)
            return
        if jobs.current(self.crawler) is not None and not file.failed:
            logger.warning("liqaat: the feed %s is not replaced yet: the run did not finish (%s); "
                           "the next run of this JOBDIR goes on with it", self.path, reason)
            return
        kept = self.path.with_name(self.path.name + ".unfinished")
        os.replace(self.target, kept)
        logger.warning("liqaat: the feed %s is left as it was: the run did not finish (%s); "
                       "this run's items are in %s", self.path, reason, kept)
