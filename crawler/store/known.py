"""Known documents, recognised before extraction (pipelines/known.py, docs/pipelines.md).

A document is known when the store holds a report with its URL and its identity
(`crawler.dedup.identity.report_key`) whose `read_digest` is this document's: a digest of the
document as read (its decoded content) and of the code that read it (every file under crawler/
and pipelines/: a new version of an extractor, a vocabulary or a pipeline reads every document
again). Such a document would give the same report again, so its heavy pipelines are skipped.
"""

from __future__ import annotations

import sqlite3

from crawler.dedup.identity import content_digest
from crawler.vocab.compiled import code_digest

__all__ = ["code_digest", "is_known", "read_digest"]



def read_digest(body: str | bytes | None) -> str | None:
    """`<content digest>-<code digest>` of a document, or None when the code digest is unknown."""
    code = code_digest()
    return f"{content_digest(body)}-{code}" if code else None


def is_known(db: sqlite3.Connection, url: str, key: str, digest: str | None) -> bool:
    return digest is not None and db.execute(
        "SELECT 1 FROM reports WHERE url = ? AND report_key = ? AND read_digest = ?",
        (url, key, digest)).fetchone() is not None
