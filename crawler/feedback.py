"""Run feedback a person reads: progress lines during a run and a summary at its end.

An extension (EXTENSIONS in settings). Every LIQAAT_PROGRESS_INTERVAL seconds (0: never) it logs
one line: documents done of the total when the spider knows it (`liqaat/files/total`), pages
crawled, meetings found so far, the rate and the time left. When the run ends, after Scrapy's own
stats (which stay as they are), it logs the summary block: documents seen / processed / skipped
by reason, reports with meetings and why the others are not, meetings new / merged / in the store,
where each output went, and the warnings and errors to look at. `summary(stats, settings)` builds
the block from the stats alone (docs/dataset.md shows one).
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from scrapy import signals
from twisted.internet import task

logger = logging.getLogger("liqaat.summary")
progress_logger = logging.getLogger("liqaat.progress")


def _n(stats: dict, key: str) -> int:
    return int(stats.get(key) or 0)


def _by_prefix(stats: dict, prefix: str) -> dict[str, int]:
    return {k[len(prefix):]: int(v) for k, v in sorted(stats.items())
            if k.startswith(prefix) and isinstance(v, int) and v}


def _reasons(d: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))


def _duration(seconds: float) -> str:
    return str(timedelta(seconds=round(seconds)))


def done_files(stats: dict) -> int:
    return _n(stats, "liqaat/files/processed") + sum(_by_prefix(stats, "liqaat/files/skipped/").values())


def progress_line(stats: dict, elapsed: float) -> str:
    """`120/500 documents (24%), 3 pages crawled, 45 meetings so far, 12.0 documents/s, ETA 0:00:31`."""
    done = done_files(stats)
    total = _n(stats, "liqaat/files/total")
    parts = [f"{done}/{total} documents ({100 * done // total}%)" if total else f"{done} documents"]
    pages = _n(stats, "response_received_count")
    if pages and not total:
        parts.append(f"{pages} pages crawled")
    parts.append(f"{_n(stats, 'liqaat/meetings/found')} meetings so far")
    rate = done / elapsed if elapsed > 0 else 0.0
    parts.append(f"{rate:.1f} documents/s")
    if total and rate > 0 and done < total:
        parts.append(f"ETA {_duration((total - done) / rate)}")
    return ", ".join(parts)


def summary(stats: dict, settings, spider_name: str = "", first_problems: list[str] = ()) -> str:
    """The end-of-run block, from Scrapy's stats and the run's settings; `first_problems`: the
    first warning and error lines of the log, shown under `look at`."""
    seen = _n(stats, "liqaat/files/seen")
    skipped = _by_prefix(stats, "liqaat/files/skipped/")
    lines = []
    elapsed = stats.get("elapsed_time_seconds")
    head = f"liqaat run summary: {spider_name or 'crawl'} {stats.get('finish_reason', 'unfinished')}"
    lines.append(head + (f" in {_duration(elapsed)}" if elapsed is not None else ""))
    if seen or not stats.get("response_received_count"):
        lines.append(f"  documents  {seen} seen, {_n(stats, 'liqaat/files/processed')} processed, "
                     f"{sum(skipped.values())} skipped" + (f" ({_reasons(skipped)})" if skipped else ""))
    if stats.get("response_received_count") and not seen:
        outlets = _by_prefix(stats, "liqaat/outlets/fetched/")
        lines.append(f"  pages      {_n(stats, 'response_received_count')} crawled"
                     + (f" from {len(outlets)} outlet{'s' if len(outlets) > 1 else ''}" if outlets else "")
                     + (f", {_n(stats, 'liqaat/outlets/prefilter/dropped')} dropped by the pre-filter"
                        if stats.get("liqaat/outlets/prefilter/dropped") else ""))
    not_meeting = _by_prefix(stats, "liqaat/meetings/not_meeting/")
    lines.append(f"  reports    {_n(stats, 'item_scraped_count')} written, "
                 f"{_n(stats, 'liqaat/meetings/reports')} with meetings, {sum(not_meeting.values())} without"
                 + (f" ({_reasons(not_meeting)})" if not_meeting else ""))
    known = _n(stats, "liqaat/dedup/reports_known")
    if known:  # dropped before extraction: say so, or a re-run's feed looks like lost reports
        lines.append(f"  known      {known} unchanged since an earlier run: skipped, not in this feed "
                     "(all are in the store; -s LIQAAT_SKIP_KNOWN=False reads them again)")
    store_total = stats.get("liqaat/store/meetings")
    lines.append(f"  meetings   {_n(stats, 'liqaat/meetings/found')} found in reports: "
                 f"{_n(stats, 'liqaat/dedup/new_meetings')} new, {_n(stats, 'liqaat/dedup/merged')} merged "
                 "into known meetings"
                 + (f"; {store_total} in the store ({_n(stats, 'liqaat/dedup/meetings_at_start')} before)"
                    if store_total is not None else ""))
    outputs = []
    for uri, opts in (settings.getdict("FEEDS") or {}).items():
        fmt = (opts or {}).get("format", "")
        outputs.append(f"reports ({fmt}, {_n(stats, 'item_scraped_count')} items): {uri}")
    if "liqaat/store/meetings" in stats:  # the store pipeline ran
        outputs.append(f"store: {settings.get('MEETINGS_DB')}")
        if settings.get("MEETINGS_OUTPUT") and "liqaat/dedup/meetings_written" in stats:
            outputs.append(f"meetings ({_n(stats, 'liqaat/dedup/meetings_written')}): "
                           f"{settings.get('MEETINGS_OUTPUT')}")
    if settings.get("WARC_PATH"):
        outputs.append(f"archive: {settings.get('WARC_PATH')}")
    for i, out in enumerate(outputs or ["none"]):
        lines.append(("  outputs    " if i == 0 else "             ") + out)
    errors, warnings = _n(stats, "log_count/ERROR"), _n(stats, "log_count/WARNING")
    problems = {k: v for k, v in stats.items() if isinstance(v, int) and v and (
        k.endswith("/error") or k.endswith("/errors") or "/errors/" in k)}
    if errors or warnings or problems:
        lines.append(f"  look at    {errors} errors, {warnings} warnings in the log"
                     + (f" ({_reasons(problems)})" if problems else "")
                     + (f"; the first {len(first_problems)}:" if first_problems else ""))
        lines += [f"             {p}" for p in first_problems]
    else:
        lines.append("  look at    nothing: no errors or warnings")
    return "\n".join(lines)


class FirstProblems(logging.Handler):
    """Keeps the first `keep` WARNING and ERROR records of the run, one line each."""

    def __init__(self, keep: int = 5):
        super().__init__(level=logging.WARNING)
        self.keep, self.lines = keep, []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.lines) < self.keep:
            try:
                message = record.getMessage().splitlines()[0] if record.getMessage() else ""
            except Exception:  # a record whose arguments do not format: its template
                message = str(record.msg)
            # without the project's "liqaat: " tag: the summary repeats a line, it is not one
            line = f"{record.levelname} {record.name}: {message.removeprefix('liqaat: ')}"
            self.lines.append(line if len(line) <= 160 else line[:159] + "…")


class RunFeedback:
    def __init__(self, crawler, interval: float):
        self.crawler, self.interval = crawler, interval
        self.problems = FirstProblems()
        self.started = None
        self.loop = None
        self.spider_name = ""

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler, crawler.settings.getfloat("LIQAAT_PROGRESS_INTERVAL"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def spider_opened(self, spider):
        logging.getLogger().addHandler(self.problems)
        self.spider_name = spider.name
        self.started = time.monotonic()
        if self.interval > 0:
            self.loop = task.LoopingCall(self.log_progress)
            self.loop.start(self.interval, now=False)

    def log_progress(self):
        progress_logger.info(progress_line(self.crawler.stats.get_stats(), time.monotonic() - self.started))

    def spider_closed(self, spider, reason):
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def engine_stopped(self):
        logging.getLogger().removeHandler(self.problems)
        logger.info("\n" + summary(self.crawler.stats.get_stats(), self.crawler.settings, self.spider_name,
                                   self.problems.lines))
