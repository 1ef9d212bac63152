"""Known documents, recognised before extraction (pipelines/known.py, docs/pipelines.md).

A document is known when the store holds a report with its URL and its identity
(`crawler.dedup.identity.report_key`) whose `read_digest` is this document's: a digest of the
document as read (its decoded content) and of the code that read it (every file under crawler/
and pipelines/: a new version of an extractor, a vocabulary or a pipeline reads every document
again). Such a document would give the same report again, so its heavy pipelines are skipped.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import cache
from pathlib import Path

from crawler.dedup.identity import content_digest

ROOT = Path(__file__).resolve().parents[2]
CODE_FOLDERS = ("crawler", "pipelines")
CODE_SUFFIXES = {".py", ".yaml", ".yml", ".tsv", ".json", ".txt"}


@cache
def code_digest() -> str | None:
    """A digest of every code and data file of the project (read once per process); None when
    they cannot be read (an installed egg), and then nothing is known before extraction."""
    h = hashlib.blake2b(digest_size=8)
    files = sorted(p for folder in CODE_FOLDERS for p in (ROOT / folder).rglob("*")
                   if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts and p.is_file())
    if not files:
        return None
    for p in files:
        h.update(p.relative_to(ROOT).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def read_digest(body: str | bytes | None) -> str | None:
    """`<content digest>-<code digest>` of a document, or None when the code digest is unknown."""
    code = code_digest()
    return f"{content_digest(body)}-{code}" if code else None


def is_known(db: sqlite3.Connection, url: str, key: str, digest: str | None) -> bool:
    return digest is not None and db.execute(
        "SELECT 1 FROM reports WHERE url = ? AND report_key = ? AND read_digest = ?",
        (url, key, digest)).fetchone() is not None
