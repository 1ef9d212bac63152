"""The meetings store: SQLite tables of meetings, reports and their links, and its exports.

The schema is versioned (`crawler.store.schema`: migrations upgrade an older store in place when
it is opened) and documented table by table, column by column, in docs/store.md. In short:
- `meetings`: one row per deduplicated meeting, its fields merged from every source
  (`crawler.dedup.fields.merge_fields`); `meeting_id` is kept for good once created.
- `reports`: one row per document read: its metadata, main text and raw evidence
  (`published_raw`), and its text `fingerprint`.
- `accounts`: (meeting_id, url): which report reports which meeting, with that report's own
  account of it (`account`, JSON) and its position in the report (`meeting_index`).
- views `meetings_flat` and `meeting_sources`, full-text indexes `reports_fts` and `meetings_fts`
  (`crawler.store.search`).
- internal: `report_signatures` (MinHash signatures, NUM_PERM little-endian uint32, from which
  the LSH index is rebuilt when the store is opened), `meta` (the signature parameters; a store
  made with other parameters is refused with a clear error), `schema_migrations`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import numpy as np

from crawler.dedup.actors import actor_key
from crawler.dedup.counterparts import CP
from crawler.dedup.fields import merge_fields
from crawler.dedup.identity import report_key
from crawler.dedup.merge import Decision, Deduper, distinctive_words, new_meeting_id
from crawler.dedup.signature import NUM_PERM, SEED, SHINGLE_WORDS
from crawler.items import Report
from crawler.store import schema, search
from crawler.store.columns import (
    MEETING_COLUMNS,
    REPORT_COLUMNS,
    REPORT_NOT_STORED,
    meeting_from_row,
    meeting_row,
    report_row,
    unflatten,
)
from crawler.store.known import read_digest
from crawler.textnorm import words

PARAMS = {"num_perm": str(NUM_PERM), "seed": str(SEED), "shingle_words": str(SHINGLE_WORDS)}
SOURCE_FIELDS = ("url", "outlet", "title", "published", "author")
SOURCE_MERGE_FIELDS = ("merged_by", "merge_evidence")
SOURCE_COLUMNS = ("source_urls", "source_outlets", "source_titles", "source_published", "source_authors")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _plain(obj):
    return _asdict(obj) if is_dataclass(obj) else dict(obj)


_ATOMIC = (str, int, float, bool, type(None))


@cache
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _asdict(obj):
    """`dataclasses.asdict(obj)`, the same dict, four times faster: a value of an atomic type is
    taken as it is (asdict deep-copies it, which returns it as it is)."""
    kind = type(obj)
    if kind in _ATOMIC:
        return obj
    if is_dataclass(obj) and not isinstance(obj, type):
        return {name: _asdict(getattr(obj, name)) for name in _field_names(kind)}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return kind(*[_asdict(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return kind(_asdict(v) for v in obj)
    if isinstance(obj, dict):
        return kind((_asdict(k), _asdict(v)) for k, v in obj.items())
    return deepcopy(obj)


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


class BatchNotStored(StoreError):
    """The commit of a batch failed: none of its reports (`urls`) is in the store."""

    def __init__(self, urls: list[str], error: Exception):
        super().__init__(f"{error}")
        self.urls, self.error = urls, error


#: Reports between two syncs of the store's file to disk (docs/store.md, "Durability").
SYNC_EVERY = 100
#: Reports per transaction, and the seconds a transaction stays open at most, in a crawl
#: (MEETINGS_DB_BATCH, MEETINGS_DB_BATCH_SECONDS; docs/store.md, "Durability").
BATCH = 50
BATCH_SECONDS = 2.0

# The stores open in this process, by the real path of their file (`open_store`).
_OPEN: dict[str, MeetingStore] = {}


def open_store(path: str | os.PathLike) -> MeetingStore | None:
    """The store this process has open on the file `path`, if any: another writer to the same
    file (the outlets spider's seen-URL table) writes through its batch instead of waiting for
    the batch's write lock."""
    return _OPEN.get(os.path.realpath(path))


class MeetingStore:
    """Open (or create) the store at `path`; `add(report)` merges one report.

    Transactions: each report is merged inside a savepoint of the open batch (one report that
    fails is rolled back alone), and the batch is committed every `batch` reports, when it has
    been open `batch_seconds` seconds (checked at each write and by `commit_if_due`), at `sync()`
    and at `close()`. `batch=1` commits each report on its own. The outlets spider's seen-URL
    table (crawler.outlets.seen) writes through the open store's batch (`open_store`), so a
    seen URL is never committed before its report.

    Durability: the file is in write-ahead-log mode with `synchronous = NORMAL`: a commit is
    appended to the log without a disk sync, and the log is synced (a checkpoint) every
    `sync_every` reports and at `close()`. A killed process loses at most the open batch (the
    reports since the last commit: they are not in the store, so a resumed crawl reads them
    again); a power cut or a system crash at most the reports since the last sync."""

    def __init__(self, path: str | os.PathLike, sync_every: int = SYNC_EVERY, batch: int = 1,
                 batch_seconds: float = BATCH_SECONDS):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.sync_every, self.unsynced = max(1, sync_every), 0
        self.batch, self.batch_seconds = max(1, batch), batch_seconds
        self.pending: list[str] = []  # the URLs of the reports of the open batch
        # the open batch's full-text index writes, written at its commit (`search.SearchBatch`)
        self.search_batch = search.SearchBatch()
        self._staged: search.SearchBatch | None = None  # the writes of the report being merged
        self.opened_at = 0.0  # when the open batch began (time.monotonic)
        try:
            self.migrated = schema.migrate(self.db)
        except schema.SchemaError as e:
            raise StoreError(f"{self.path}: {e}") from None
        with self.db:
            stored = {k: v for k, v in self.db.execute("SELECT key, value FROM meta") if k in PARAMS}
            if stored and any(stored.get(k) != v for k, v in PARAMS.items()):
                raise StoreError(f"{self.path} was made with signature parameters {stored}, not {PARAMS}: "
                                 "use another MEETINGS_DB or delete this one")
            self.db.executemany("INSERT OR IGNORE INTO meta VALUES (?, ?)", PARAMS.items())
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(schema.VERSION),))
        self.columns = {t: {r[1] for r in self.db.execute(f"PRAGMA table_info({t})")}
                        for t in ("meetings", "reports")}
        self.deduper = Deduper()
        self._load()
        _OPEN[self._key()] = self

    def _key(self) -> str:
        return os.path.realpath(self.path)

    def _load(self) -> None:
        links: dict[str, list] = {}
        for mid, url, idx, account, evidence in self.db.execute(
                "SELECT meeting_id, url, meeting_index, account, merge_evidence FROM accounts"):
            links.setdefault(url, []).append((idx, mid, json.loads(account), json.loads(evidence or "null")))
        self.fingerprints = {}
        self.keys: dict[str, str] = {}
        for url, fp, sig, published, text, key in self.db.execute(
                "SELECT r.url, r.fingerprint, s.signature, r.published, r.text, r.report_key FROM reports r "
                "LEFT JOIN report_signatures s USING (url)"):
            self.fingerprints[url] = fp
            if key:
                self.keys[key] = url
            signature = np.frombuffer(sig, dtype="<u4").copy() if sig else None
            self.deduper.load(url, signature, links.get(url, []), published, distinctive_words(text))

    def sync(self) -> None:
        """Commit the open batch and sync every committed report to disk (a passive checkpoint
        syncs the log first)."""
        self.commit()
        self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        self.unsynced = 0

    def begin(self) -> None:
        """Open a batch unless one is open: the writes until `commit` are one transaction."""
        if not self.db.in_transaction:
            self.db.execute("BEGIN")
            # foreign keys checked at the commit (a report's rows refer to each other's; a meeting
            # renamed or united moves its accounts): once a batch, until its commit or rollback
            self.db.execute("PRAGMA defer_foreign_keys = ON")
            self.opened_at = time.monotonic()

    def commit(self) -> list[str]:
        """Commit the open batch; the URLs of its reports. When the commit fails (a full disk),
        the batch is rolled back and `BatchNotStored` names its reports."""
        done, self.pending = self.pending, []
        try:
            if self.search_batch:
                self.search_batch.flush(self.db)
            self.db.commit()
        except Exception as error:
            self.search_batch.clear()
            try:
                self.db.rollback()
            except Exception:  # noqa: BLE001, S110 (the error that counts is the commit's)
                pass
            raise BatchNotStored(done, error) from error
        self.unsynced += len(done)
        return done

    def commit_if_due(self) -> list[str]:
        """Commit the open batch when it is full or has been open `batch_seconds`."""
        if self.db.in_transaction and (len(self.pending) >= self.batch
                                       or time.monotonic() - self.opened_at >= self.batch_seconds):
            done = self.commit()
            if self.unsynced >= self.sync_every:
                self.sync()
            return done
        return []

    @contextmanager
    def _report(self, url: str | None):
        """One report's writes (`url`: the report, counted in the batch; None: part of one): a
        savepoint of the open batch, rolled back alone if they fail. When SQLite rolled back the
        whole transaction itself (a full disk, an I/O error), `BatchNotStored` names the batch's
        other reports."""
        self.begin()
        self.db.execute("SAVEPOINT report")
        self._staged = staged = search.SearchBatch()
        try:
            yield
        except BaseException as error:
            self._staged = None  # its index writes go with it
            try:
                self.db.execute("ROLLBACK TO report")
                self.db.execute("RELEASE report")
            except sqlite3.Error:  # no transaction left: the batch is gone
                done, self.pending = self.pending, []
                self.search_batch.clear()
                raise BatchNotStored(done, error) from error
            raise
        self._staged = None
        self.db.execute("RELEASE report")
        self.search_batch.update(staged)
        if url is not None:
            self.pending.append(url)

    @property
    def _index(self) -> search.SearchBatch | sqlite3.Connection:
        """Where full-text index writes go: the report's, held to the batch's commit."""
        return self._staged if self._staged is not None else self.db

    def close(self) -> None:
        try:
            self.sync()
        finally:
            _OPEN.pop(self._key(), None)
            self.db.close()

    # -- writing -----------------------------------------------------------------------------
    def add(self, report, root=None) -> tuple[list[Decision], str]:
        """Merge one report (a Report or its dict). Returns the decisions (one per meeting, in
        order) and what happened: `known` (same report, same text and meetings: nothing changes),
        `updated` (same report, changed: merged again) or `new`. A report is known by its URL or
        by its identity (`crawler.dedup.identity.report_key`, files relative to `root`, the crawl
        root): the same report under another URL (a moved folder) takes the new URL."""
        rep = _plain(report)
        url = rep["url"]
        key = report_key(url, rep.get("body") or rep.get("text"), root)
        old = self.keys.get(key)
        if old is not None and old != url and url not in self.fingerprints:
            self._move(old, url)
            self.keys[key] = url  # a third URL of the report moves it from here
        fp = fingerprint(rep)
        meetings = [account_of(m) for m in rep.get("meetings") or []]
        now = _now()
        if self.fingerprints.get(url) == fp:
            ids = self.deduper.report_meetings.get(url, [])
            with self._report(url):
                self.db.execute("UPDATE reports SET last_seen = ? WHERE url = ?", (now, url))
                if "read_digest" in self.columns["reports"]:  # known by the next run before extraction
                    self.db.execute("UPDATE reports SET read_digest = ? WHERE url = ?",
                                    (read_digest(rep.get("body")), url))
            self.commit_if_due()
            return [Decision(mid, False, "known") for mid in ids], "known"
        status = "updated" if url in self.fingerprints else "new"
        text_words = words(rep.get("text") or "")  # for the signature and the search index
        sig = self.deduper.signer.signature(rep.get("text") or "", text_words)
        with self._report(url):
            touched = set()
            if status == "updated":
                touched = self.deduper.remove(url)
                self.db.execute("DELETE FROM accounts WHERE url = ?", (url,))
            row = {k: v for k, v in report_row(rep).items() if k in self.columns["reports"]}
            row.update(fingerprint=fp, first_seen=now, last_seen=now, report_key=key)
            if "read_digest" in self.columns["reports"]:
                row["read_digest"] = read_digest(rep.get("body"))
            names = ", ".join(row)
            updates = ", ".join(f"{k}=excluded.{k}" for k in row if k not in ("url", "first_seen"))
            (rowid,) = self.db.execute(
                f"INSERT INTO reports ({names}) VALUES ({', '.join('?' * len(row))}) "
                f"ON CONFLICT(url) DO UPDATE SET {updates} RETURNING rowid", list(row.values())).fetchone()
            self.db.execute("INSERT OR REPLACE INTO report_signatures VALUES (?, ?)",
                            (url, sig.astype("<u4").tobytes()))
            search.index_report(self._index, rowid, rep.get("title"), rep.get("text"), text_words)
            self.keys[key] = url
            decisions = self.deduper.add(url, sig, meetings, rep.get("published"), rep.get("text"))
            for absorbed, kept in self.deduper.unions:
                self._unite(absorbed, kept, now)
                touched.discard(absorbed)
                touched.add(kept)
            self.deduper.unions.clear()
            for durl, index, was, now_id, how, evidence in self.deduper.detached:
                self.db.execute("INSERT OR IGNORE INTO meetings (meeting_id, created_at) VALUES (?, ?)",
                                (now_id, now))
                self.db.execute("UPDATE accounts SET meeting_id = ?, merged_by = ?, merge_evidence = ? "
                                "WHERE url = ? AND meeting_index = ? AND meeting_id = ?",
                                (now_id, how, json.dumps(evidence, ensure_ascii=False, default=str), durl,
                                 index, was))
                touched |= {was, now_id}
            self.deduper.detached.clear()
            for i, (d, m) in enumerate(zip(decisions, meetings, strict=True)):
                if d.new:  # (an account moved here by the dedup may have made it already)
                    self.db.execute("INSERT OR IGNORE INTO meetings (meeting_id, created_at) VALUES (?, ?)",
                                    (d.meeting_id, now))
                self.db.execute("INSERT INTO accounts (meeting_id, url, meeting_index, account, added_at, "
                                "merged_by, merge_evidence) VALUES (?,?,?,?,?,?,?)",
                                (d.meeting_id, url, i, json.dumps(m, ensure_ascii=False, default=str), now,
                                 d.how, json.dumps(d.evidence, ensure_ascii=False, default=str)))
            renamed = {}
            for mid in touched | {d.meeting_id for d in decisions}:
                if mid in self.deduper.clusters or mid in touched:
                    new = self._refresh(mid, now)
                    if new != mid:
                        renamed[mid] = new
            for d in decisions:
                d.meeting_id = renamed.get(d.meeting_id, d.meeting_id)
        self.fingerprints[url] = fp
        self.commit_if_due()
        return decisions, status

    def resolve(self, meeting_id: str) -> str | None:
        """The meeting an id names today: itself, or the meeting it was renamed to or united with
        (`meeting_aliases`); None when unknown."""
        seen = set()
        while meeting_id not in seen:
            seen.add(meeting_id)
            if self.db.execute("SELECT 1 FROM meetings WHERE meeting_id = ?", (meeting_id,)).fetchone():
                return meeting_id
            row = self.db.execute("SELECT meeting_id FROM meeting_aliases WHERE old_id = ?",
                                  (meeting_id,)).fetchone()
            if row is None:
                return None
            meeting_id = row[0]
        return None

    def actors(self, decisions: list[Decision]) -> dict[str, str]:
        """meeting_id -> the counterpart's actor key, for these decisions' meetings."""
        ids = [d.meeting_id for d in decisions]
        if not ids:
            return {}
        return dict(self.db.execute(f"SELECT meeting_id, counterpart_actor FROM meetings WHERE meeting_id IN "
                                    f"({', '.join('?' * len(ids))})", ids))

    def _move(self, old: str, new: str) -> None:
        """The report stored under URL `old` is now at `new` (its folder moved): one report."""
        with self._report(None):
            # a first statement opens the transaction the deferred foreign keys hold for
            self.db.execute("UPDATE reports SET last_seen = last_seen WHERE url = ?", (old,))
            self.db.execute("PRAGMA defer_foreign_keys = ON")
            self.db.execute("UPDATE reports SET url = ? WHERE url = ?", (new, old))
            self.db.execute("UPDATE report_signatures SET url = ? WHERE url = ?", (new, old))
            self.db.execute("UPDATE accounts SET url = ? WHERE url = ?", (new, old))
        self.fingerprints[new] = self.fingerprints.pop(old)
        self.deduper.move(old, new)

    def _unite(self, absorbed: str, kept: str, now: str) -> None:
        """One mention linked two stored meetings: `absorbed` becomes part of `kept`."""
        for (rowid,) in self.db.execute("SELECT rowid FROM meetings WHERE meeting_id = ?", (absorbed,)):
            search.unindex_meeting(self._index, rowid)
        self.db.execute("UPDATE accounts SET meeting_id = ? WHERE meeting_id = ?", (kept, absorbed))
        self.db.execute("DELETE FROM meetings WHERE meeting_id = ?", (absorbed,))
        self.db.execute("UPDATE meeting_aliases SET meeting_id = ? WHERE meeting_id = ?", (kept, absorbed))
        self.db.execute("INSERT OR REPLACE INTO meeting_aliases VALUES (?, ?, 'united', ?)",
                        (absorbed, kept, now))

    def _rename(self, old: str, new: str, now: str) -> None:
        self.db.execute("UPDATE meetings SET meeting_id = ? WHERE meeting_id = ?", (new, old))
        self.db.execute("UPDATE accounts SET meeting_id = ? WHERE meeting_id = ?", (new, old))
        self.db.execute("UPDATE meeting_aliases SET meeting_id = ? WHERE meeting_id = ?", (new, old))
        self.db.execute("DELETE FROM meeting_aliases WHERE old_id = ?", (new,))
        self.db.execute("INSERT OR REPLACE INTO meeting_aliases VALUES (?, ?, 'renamed', ?)", (old, new, now))
        self.deduper.rename(old, new)

    def _refresh(self, meeting_id: str, now: str) -> str:
        """Merge a meeting's fields from its accounts; give it its canonical id (the id of what it
        now holds: `merge.new_meeting_id` of its merged date, country and counterpart) when that
        id is free, keeping the old one in `meeting_aliases`. Returns the meeting's id."""
        accounts = [json.loads(a) for (a,) in self.db.execute(
            "SELECT s.account FROM accounts s JOIN reports r USING (url) WHERE s.meeting_id = ? "
            "ORDER BY r.published IS NULL, r.published, s.url", (meeting_id,))]
        if not accounts:
            for (rowid,) in self.db.execute("SELECT rowid FROM meetings WHERE meeting_id = ?", (meeting_id,)):
                search.unindex_meeting(self._index, rowid)
            self.db.execute("DELETE FROM meetings WHERE meeting_id = ?", (meeting_id,))
            return meeting_id
        merged = merge_fields(accounts)
        cp = CP.of(merged["counterpart"])
        merged["counterpart"]["actor"] = actor_key(cp.country, cp.name, cp.name_latin,
                                                   min(cp.agency_ids, default=None), cp.agency, cp.title)
        canonical = new_meeting_id(merged["date"], cp)
        if (meeting_id != canonical and not meeting_id.startswith(canonical + "-")
                and canonical not in self.deduper.clusters):
            self._rename(meeting_id, canonical, now)
            meeting_id = canonical
        for a in accounts:
            c = a.get("counterpart") or {}
            for alias in {c.get("name"), c.get("name_latin")} - {None, ""}:
                self.db.execute("INSERT OR IGNORE INTO actor_aliases VALUES (?, ?)",
                                (merged["counterpart"]["actor"], alias))
        row = {k: v for k, v in meeting_row(merged).items() if k in self.columns["meetings"]}
        row.update(n_sources=len(accounts), updated_at=now)
        (rowid,) = self.db.execute(
            f"UPDATE meetings SET {', '.join(f'{k}=?' for k in row)} WHERE meeting_id=? RETURNING rowid",
            [*row.values(), meeting_id]).fetchone()
        search.index_meeting(self._index, rowid, row)
        return meeting_id

    # -- reading and exports -----------------------------------------------------------------
    def meetings(self) -> list[dict]:
        """Every meeting, as in MEETINGS_OUTPUT: the Meeting fields, nested, with `sources`."""
        sources: dict[str, list] = {}
        for row in self.db.execute(
                "SELECT s.meeting_id, r.url, r.outlet, r.title, r.published, r.author, s.merged_by, "
                "s.merge_evidence FROM accounts s "
                "JOIN reports r USING (url) ORDER BY r.published IS NULL, r.published, r.url"):
            src = dict(zip(SOURCE_FIELDS + SOURCE_MERGE_FIELDS, row[1:], strict=True))
            src["merge_evidence"] = json.loads(src["merge_evidence"]) if src["merge_evidence"] else None
            sources.setdefault(row[0], []).append(src)
        out = []
        cur = self.db.execute("SELECT * FROM meetings ORDER BY date IS NULL, date, meeting_id")
        cols = [c[0] for c in cur.description]
        for row in cur:
            m = meeting_from_row(dict(zip(cols, row, strict=True)))
            m["sources"] = sources.get(m["meeting_id"], [])
            out.append(m)
        return out

    def export_jsonl(self, path: str | os.PathLike) -> int:
        """Write every meeting as JSON Lines to a temporary file, then rename it over `path`."""
        return _atomic_write(path, lambda fh: [fh.write(json.dumps(m, ensure_ascii=False) + "\n")
                                               for m in self.meetings()])

    def reports(self) -> list[dict]:
        """Every stored report as in the feed (its text included; reports stored before schema
        version 2 have none), with the ids of the meetings it reports in `meeting_ids`."""
        ids: dict[str, list[str]] = {}
        for mid, url in self.db.execute("SELECT meeting_id, url FROM accounts ORDER BY url, meeting_index"):
            ids.setdefault(url, []).append(mid)
        cur = self.db.execute(f"SELECT {', '.join(REPORT_COLUMNS)} FROM reports ORDER BY published IS NULL, "
                              "published, url")
        out = []
        for row in cur:
            r = unflatten(Report, dict(zip(REPORT_COLUMNS, row, strict=True)), skip=REPORT_NOT_STORED)
            r["meeting_ids"] = ids.get(r["url"], [])
            out.append(r)
        return out

    def export_reports(self, path: str | os.PathLike, excel: bool = False) -> int:
        """The stored reports to JSON Lines (`.jsonl`) or CSV (any other suffix; `excel`: a BOM)."""
        if Path(path).suffix == ".jsonl":
            return _atomic_write(path, lambda fh: [fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                                                   for r in self.reports()])

        def write(fh):
            if excel:
                fh.write("\ufeff")
            w = csv.writer(fh)
            w.writerow([*REPORT_COLUMNS, "meeting_ids"])
            rows = [[*(r[c] for c in REPORT_COLUMNS), " | ".join(r["meeting_ids"])] for r in self.reports()]
            w.writerows(rows)
            return rows
        return _atomic_write(path, write, newline="")

    def export_csv(self, path: str | os.PathLike, excel: bool = False) -> int:
        """One row per meeting, every field: the `meetings` columns (`counterpart_name`, …; `topics`
        joined with `;`, `attendees` with ` | `), `n_sources`, and the sources joined with ` | `
        (`source_urls`, `source_outlets`, `source_titles`, `source_published`, `source_authors`).
        `excel`: a UTF-8 byte order mark first, which spreadsheet software needs to read UTF-8."""
        cols = [*MEETING_COLUMNS, "n_sources", *SOURCE_COLUMNS]

        def write(fh):
            if excel:
                fh.write("\ufeff")
            w = csv.writer(fh)
            w.writerow(cols)
            rows = []
            for m in self.meetings():
                flat = meeting_row(m)
                for k, sep in schema.LIST_COLUMNS.items():
                    flat[k] = sep.join(m.get(k) or [])
                s = m["sources"]
                row = [m["meeting_id"], *(flat[c] for c in MEETING_COLUMNS[1:]), len(s),
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
