"""Seen article URLs, kept in the store's SQLite file (table `crawled_urls`), so a second run
fetches no article page it already has. Stdlib sqlite3: one table, no ORM needed."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path


class SeenUrls:
    def __init__(self, path: str | Path):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.execute("CREATE TABLE IF NOT EXISTS crawled_urls "
                        "(url TEXT PRIMARY KEY, outlet TEXT, fetched_at TEXT)")

    def __contains__(self, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM crawled_urls WHERE url = ?", (url,)).fetchone() is not None

    def add(self, url: str, outlet: str) -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self.db.execute("INSERT OR IGNORE INTO crawled_urls VALUES (?, ?, ?)", (url, outlet, now))
        self.db.commit()

    def close(self) -> None:
        self.db.close()
