"""The meetings store: SQLite tables of meetings, reports and their links, and its exports.

Tables (README "Deduplication and the store"):
- `meetings`: one row per deduplicated meeting, its fields merged from every source
  (`crawler.dedup.fields.merge_fields`); `meeting_id` is kept for good once created.
- `reports`: one row per document read (url, outlet, title, published, author, lang), its text
  `fingerprint` and its MinHash `signature` (NUM_PERM little-endian uint32), from which the LSH
  index is rebuilt when the store is opened.
- `meeting_sources`: (meeting_id, url): which report reports which meeting, with that report's
  own account of it (`account`, JSON) and its position in the report (`meeting_index`).
- `meta`: the signature parameters; a store made with other parameters
  is refused with a clear error (delete the file or use another MEETINGS_DB).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import tempfile
from dataclasses import asdict, is_dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from crawler.dedup.fields import merge_fields
from crawler.dedup.merge import Decision, Deduper
from crawler.dedup.signature import NUM_PERM, SEED, SHINGLE_WORDS

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS meetings (
    meeting_id TEXT PRIMARY KEY, date TEXT, date_end TEXT, weekday TEXT, date_raw TEXT,
    date_resolution TEXT, weekday_mismatch INTEGER, counterpart_name TEXT, counterpart_name_latin TEXT,
    counterpart_title TEXT, counterpart_honorific TEXT, counterpart_country TEXT, counterpart_agency TEXT,
    location_city TEXT, location_country TEXT, hammouchi_abroad INTEGER, topics TEXT, attendees TEXT,
    n_sources INTEGER, created_at TEXT, updated_at TEXT);
CREATE TABLE IF NOT EXISTS reports (
    url TEXT PRIMARY KEY, outlet TEXT, title TEXT, published TEXT, author TEXT, lang TEXT,
    fingerprint TEXT, signature BLOB, first_seen TEXT, last_seen TEXT);
CREATE TABLE IF NOT EXISTS meeting_sources (
    meeting_id TEXT NOT NULL REFERENCES meetings(meeting_id), url TEXT NOT NULL REFERENCES reports(url),
    meeting_index INTEGER NOT NULL, account TEXT NOT NULL, added_at TEXT,
    PRIMARY KEY (meeting_id, url));
CREATE INDEX IF NOT EXISTS meeting_sources_url ON meeting_sources(url);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date);
"""
PARAMS = {"num_perm": str(NUM_PERM), "seed": str(SEED), "shingle_words": str(SHINGLE_WORDS), "schema": "1"}
SOURCE_FIELDS = ("url", "outlet", "title", "published", "author")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _plain(obj):
    return asdict(obj) if is_dataclass(obj) else dict(obj)


def account_of(meeting) -> dict:
    """A report's account of a meeting, as stored: the Meeting dict without id and sources."""
    d = _plain(meeting)
    d.pop("meeting_id", None)
    d.pop("sources", None)
    return d


def fingerprint(report: dict) -> str:
    """What decides whether a known URL must be merged again: its text and its meetings."""
    payload = json.dumps([report.get("text") or "", [account_of(m) for m in report.get("meetings") or []]],
                         ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(payload.encode()).hexdigest()


class StoreError(Exception):
    pass


class MeetingStore:
    """Open (or create) the store at `path`; `add(report)` merges one report in a transaction."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA foreign_keys = ON")
        with self.db:
            self.db.executescript(SCHEMA)
            stored = dict(self.db.execute("SELECT key, value FROM meta"))
            if stored and any(stored.get(k) != v for k, v in PARAMS.items()):
                raise StoreError(f"{self.path} was made with signature parameters {stored}, not {PARAMS}: "
                                 "use another MEETINGS_DB or delete this one")
            self.db.executemany("INSERT OR IGNORE INTO meta VALUES (?, ?)", PARAMS.items())
        self.deduper = Deduper()
        self._load()

    def _load(self) -> None:
        links: dict[str, list] = {}
        for mid, url, idx, account in self.db.execute(
                "SELECT meeting_id, url, meeting_index, account FROM meeting_sources"):
            a = json.loads(account)
            links.setdefault(url, []).append((idx, mid, a.get("counterpart") or {}, a.get("date")))
        self.fingerprints = {}
        for url, fp, sig in self.db.execute("SELECT url, fingerprint, signature FROM reports"):
            self.fingerprints[url] = fp
            signature = np.frombuffer(sig, dtype="<u4").copy() if sig else None
            self.deduper.load(url, signature, links.get(url, []))

    def close(self) -> None:
        self.db.close()

    # -- writing -----------------------------------------------------------------------------
    def add(self, report) -> tuple[list[Decision], str]:
        """Merge one report (a Report or its dict). Returns the decisions (one per meeting, in
        order) and what happened: `known` (same URL, same text and meetings: nothing changes),
        `updated` (same URL, changed: merged again) or `new`."""
        rep = _plain(report)
        url = rep["url"]
        fp = fingerprint(rep)
        meetings = [account_of(m) for m in rep.get("meetings") or []]
        now = _now()
        if self.fingerprints.get(url) == fp:
            ids = self.deduper.report_meetings.get(url, [])
            with self.db:
                self.db.execute("UPDATE reports SET last_seen = ? WHERE url = ?", (now, url))
            return [Decision(mid, False, "known") for mid in ids], "known"
        status = "updated" if url in self.fingerprints else "new"
        sig = self.deduper.signer.signature(rep.get("text") or "")
        with self.db:
            touched = set()
            if status == "updated":
                touched = self.deduper.remove(url)
                self.db.execute("DELETE FROM meeting_sources WHERE url = ?", (url,))
            self.db.execute(
                "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(url) DO UPDATE SET "
                "outlet=excluded.outlet, title=excluded.title, published=excluded.published, "
                "author=excluded.author, lang=excluded.lang, fingerprint=excluded.fingerprint, "
                "signature=excluded.signature, last_seen=excluded.last_seen",
                (url, rep.get("outlet"), rep.get("title"), rep.get("published"), rep.get("author"),
                 rep.get("lang"), fp, sig.astype("<u4").tobytes(), now, now))
            decisions = self.deduper.add(url, sig, meetings)
            for i, (d, m) in enumerate(zip(decisions, meetings, strict=True)):
                if d.new:
                    self.db.execute("INSERT INTO meetings (meeting_id, created_at) VALUES (?, ?)",
                                    (d.meeting_id, now))
                self.db.execute("INSERT INTO meeting_sources VALUES (?,?,?,?,?)",
                                (d.meeting_id, url, i, json.dumps(m, ensure_ascii=False, default=str), now))
            for mid in touched | {d.meeting_id for d in decisions}:
                self._refresh(mid, now)
        self.fingerprints[url] = fp
        return decisions, status

    def _refresh(self, meeting_id: str, now: str) -> None:
        accounts = [json.loads(a) for (a,) in self.db.execute(
            "SELECT s.account FROM meeting_sources s JOIN reports r USING (url) WHERE s.meeting_id = ? "
            "ORDER BY r.published IS NULL, r.published, s.url", (meeting_id,))]
        if not accounts:
            self.db.execute("DELETE FROM meetings WHERE meeting_id = ?", (meeting_id,))
            return
        f = merge_fields(accounts)
        cp, loc = f["counterpart"], f["location"]
        self.db.execute(
            "UPDATE meetings SET date=?, date_end=?, weekday=?, date_raw=?, date_resolution=?, "
            "weekday_mismatch=?, counterpart_name=?, counterpart_name_latin=?, counterpart_title=?, "
            "counterpart_honorific=?, counterpart_country=?, counterpart_agency=?, location_city=?, "
            "location_country=?, hammouchi_abroad=?, topics=?, attendees=?, n_sources=?, updated_at=? "
            "WHERE meeting_id=?",
            (f["date"], f["date_end"], f["weekday"], f["date_raw"], f["date_resolution"],
             int(f["weekday_mismatch"]),
             cp["name"], cp["name_latin"], cp["title"], cp["honorific"], cp["country"], cp["agency"],
             loc["city"], loc["country"], int(f["hammouchi_abroad"]), json.dumps(f["topics"]),
             json.dumps(f["attendees"], ensure_ascii=False), len(accounts), now, meeting_id))

    # -- reading and exports -----------------------------------------------------------------
    def meetings(self) -> list[dict]:
        """Every meeting, as in MEETINGS_OUTPUT: the Meeting fields, nested, with `sources`."""
        sources: dict[str, list] = {}
        for row in self.db.execute(
                "SELECT s.meeting_id, r.url, r.outlet, r.title, r.published, r.author FROM meeting_sources s "
                "JOIN reports r USING (url) ORDER BY r.published IS NULL, r.published, r.url"):
            sources.setdefault(row[0], []).append(dict(zip(SOURCE_FIELDS, row[1:], strict=True)))
        out = []
        cur = self.db.execute("SELECT * FROM meetings ORDER BY date IS NULL, date, meeting_id")
        cols = [c[0] for c in cur.description]
        for row in cur:
            r = dict(zip(cols, row, strict=True))
            out.append({
                "meeting_id": r["meeting_id"], "date": r["date"], "date_end": r["date_end"],
                "weekday": r["weekday"],
                "date_raw": r["date_raw"], "date_resolution": r["date_resolution"],
                "weekday_mismatch": bool(r["weekday_mismatch"]),
                "counterpart": {k: r[f"counterpart_{k}"] for k in
                                ("name", "name_latin", "title", "honorific", "country", "agency")},
                "attendees": json.loads(r["attendees"] or "[]"),
                "location": {"city": r["location_city"], "country": r["location_country"]},
                "hammouchi_abroad": bool(r["hammouchi_abroad"]),
                "topics": json.loads(r["topics"] or "[]"),
                "sources": sources.get(r["meeting_id"], []),
            })
        return out

    def export_jsonl(self, path: str | os.PathLike) -> int:
        """Write every meeting as JSON Lines to a temporary file, then rename it over `path`."""
        return _atomic_write(path, lambda fh: [fh.write(json.dumps(m, ensure_ascii=False) + "\n")
                                               for m in self.meetings()])

    def export_csv(self, path: str | os.PathLike) -> int:
        """One row per meeting; sources joined with " | " (urls, outlets, titles, published)."""
        cols = ["meeting_id", "date", "date_end", "weekday", "counterpart_name", "counterpart_name_latin",
                "counterpart_title", "counterpart_country", "counterpart_agency", "location_city",
                "location_country", "hammouchi_abroad", "topics", "n_sources", "source_urls",
                "source_outlets", "source_titles", "source_published", "source_authors"]

        def write(fh):
            w = csv.writer(fh)
            w.writerow(cols)
            rows = []
            for m in self.meetings():
                s = m["sources"]
                row = [m["meeting_id"], m["date"], m["date_end"], m["weekday"],
                       *(m["counterpart"][k] for k in ("name", "name_latin", "title", "country", "agency")),
                       m["location"]["city"], m["location"]["country"], int(m["hammouchi_abroad"]),
                       ";".join(m["topics"]), len(s),
                       *(" | ".join(x[k] or "" for x in s) for k in SOURCE_FIELDS)]
                w.writerow(row)
                rows.append(row)
            return rows
        return _atomic_write(path, write, newline="")


def _atomic_write(path, write, newline=None) -> int:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            n = len(write(fh))
        # mkstemp creates the file 0600; the dataset is for sharing: the usual mode under the umask
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return n
