"""Seen article URLs and finished runs, kept in the store's SQLite file, so a second run fetches
no article page it already has and skips sitemap entries not modified since the last run.

Tables: `crawled_urls(url, outlet, fetched_at)` and `outlet_runs(outlet, started_at)` (the start
of the last run of that outlet that finished). Stdlib sqlite3: two tables, no ORM needed.

While the meetings store is open on the same file in this process (`crawler.store.open_store`: the
crawl's store pipeline), seen URLs are read and written through its connection, inside its open
batch of reports: a URL marked seen after its report is stored is committed with that report's
batch or a later one, never before it, and never waits for the batch's write lock.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from crawler.outlets.urls import canonical_url
from crawler.store import open_store


class SeenUrls:
    def __init__(self, path: str | Path):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(str(path))
        self.db.execute("CREATE TABLE IF NOT EXISTS crawled_urls "
                        "(url TEXT PRIMARY KEY, outlet TEXT, fetched_at TEXT)")
        self.db.execute("CREATE TABLE IF NOT EXISTS outlet_runs "
                        "(outlet TEXT PRIMARY KEY, started_at TEXT)")
        self.db.commit()
        self.pending: dict[str, tuple[str, str, str]] = {}
        self.flushed = time.monotonic()

    # New URLs are written FLUSH_EVERY at a time, in one short transaction: a commit per page
    # costs a disk sync each, and the store writes to the same file. A crawl killed hard loses
    # at most that many, which the next run fetches again (the store ignores a known report).
    FLUSH_EVERY = 50
    # ...or this many seconds after the last write, so a slow crawl killed hard loses little
    FLUSH_SECONDS = 5.0

    # URLs are kept in their one canonical form: raw Arabic and its percent-escapes are one URL.
    def __contains__(self, url: str) -> bool:
        url = canonical_url(url)
        store = open_store(self.path)
        db = store.db if store is not None else self.db  # the store's connection sees its open batch
        return url in self.pending or db.execute(
            "SELECT 1 FROM crawled_urls WHERE url = ?", (url,)).fetchone() is not None

    def add(self, url: str, outlet: str) -> None:
        url = canonical_url(url)
        self.pending[url] = (url, outlet, datetime.now(UTC).isoformat(timespec="seconds"))
        if open_store(self.path) is not None or len(self.pending) >= self.FLUSH_EVERY \
                or time.monotonic() - self.flushed >= self.FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        self.flushed = time.monotonic()
        if not self.pending:
            return
        rows = list(self.pending.values())
        store = open_store(self.path)
        if store is not None:  # in the store's open batch, committed with it
            store.begin()
            store.db.executemany("INSERT OR IGNORE INTO crawled_urls VALUES (?, ?, ?)", rows)
        else:
            with self.db:
                self.db.executemany("INSERT OR IGNORE INTO crawled_urls VALUES (?, ?, ?)", rows)
        self.pending.clear()

    def last_run(self, outlet: str) -> datetime | None:
        """When the last finished run of `outlet` started (UTC), or None."""
        row = self.db.execute("SELECT started_at FROM outlet_runs WHERE outlet = ?", (outlet,)).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def finish_run(self, outlet: str, started_at: datetime) -> None:
        self.db.execute("INSERT OR REPLACE INTO outlet_runs VALUES (?, ?)",
                        (outlet, started_at.isoformat(timespec="seconds")))
        self.db.commit()

    def close(self) -> None:
        self.flush()
        self.db.close()
