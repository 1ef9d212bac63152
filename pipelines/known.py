"""Drop, before extraction, a document the store already holds as it is now (crawler/store/known.py):
same URL, same identity, same content, read by the same code. It would give the same report and
change nothing in the store, so the heavy pipelines are skipped. Off with LIQAAT_SKIP_KNOWN=False.

Stats: `liqaat/dedup/reports_known` (also counted by the store for a report it finds unchanged
after extraction). Runs in the crawl process (`runs_in_crawl`), so a known document is never
sent to a worker.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from scrapy.exceptions import DropItem

from crawler.dedup.identity import report_key
from crawler.store.known import is_known, read_digest

logger = logging.getLogger(__name__)


class KnownPipeline:
    runs_in_crawl = True

    def __init__(self, crawler):
        self.crawler, self.stats = crawler, crawler.stats
        self.enabled = crawler.settings.getbool("LIQAAT_SKIP_KNOWN", True)
        self.path = Path(crawler.settings.get("MEETINGS_DB") or "")
        self.db = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _open(self):
        """A read-only connection, opened at the first item: by then the store pipeline has
        created or migrated the file. None when there is no store or it has no `read_digest`."""
        if self.db is None and self.enabled and self.path.is_file():
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            if "read_digest" in {r[1] for r in db.execute("PRAGMA table_info(reports)")}:
                self.db = db
            else:
                db.close()
                self.enabled = False
        return self.db

    def process_item(self, item):
        db = self._open()
        if db is None or not item.body:
            return item
        root = getattr(getattr(self.crawler, "spider", None), "path", None)
        if is_known(db, item.url, report_key(item.url, item.body, root), read_digest(item.body)):
            self.stats.inc_value("liqaat/dedup/reports_known")
            raise DropItem(f"known report, unchanged: {item.url}", log_level="DEBUG")
        return item

    def close_spider(self):
        if self.db is not None:
            self.db.close()
