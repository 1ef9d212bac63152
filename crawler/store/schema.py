"""The store's schema, versioned: a baseline and the migrations that upgrade a store in place.

`PRAGMA user_version` holds the store's version (1 + the number of migrations applied). Opening a
store (`migrate(db)`) applies the missing ones in order, each in its own transaction, and
records it in `schema_migrations`; a fresh store is the baseline plus every migration, so the
fresh path and the upgrade path are one path. A store newer than this code is refused.

To change the schema, APPEND a `Migration` to `MIGRATIONS` (never edit or reorder a landed one):
its SQL (or a function of the connection) upgrades a store of the previous version. The views
are derived objects, re-created on every open from the tables' columns (`views_sql`), so a view
shows the columns a later migration adds without a change of its own. The full-text indexes
hold data: a migration creates them, `crawler.store.search` keeps them. docs/store.md documents
each table, column and view.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

#: Version 1: the store as it was before versioning (frozen: tests/fixtures/store/v1.sql).
BASELINE = """
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


@dataclass(frozen=True)
class Migration:
    """One step: `sql` (a script) or `run` (a function of the connection) upgrades the store."""

    name: str
    sql: str = ""
    run: Callable[[sqlite3.Connection], None] | None = None


def _v2(db: sqlite3.Connection) -> None:
    from crawler.store.search import rebuild_search

    db.execute("INSERT INTO report_signatures (url, signature) "
               "SELECT url, signature FROM reports WHERE signature IS NOT NULL")
    db.execute("ALTER TABLE reports DROP COLUMN signature")
    rebuild_search(db)


MIGRATIONS: list[Migration] = [
    Migration("2: reports keep their text and raw evidence; signatures leave the reports table; "
              "meeting_sources becomes a view over the `accounts` table", sql="""
        ALTER TABLE reports ADD COLUMN text TEXT;
        ALTER TABLE reports ADD COLUMN published_raw TEXT;
        ALTER TABLE reports ADD COLUMN published_source TEXT;
        ALTER TABLE reports ADD COLUMN kind TEXT;
        ALTER TABLE reports ADD COLUMN encoding TEXT;
        ALTER TABLE reports ADD COLUMN is_meeting_report INTEGER;
        ALTER TABLE reports ADD COLUMN not_meeting_reason TEXT;
        CREATE TABLE report_signatures (
            url TEXT PRIMARY KEY REFERENCES reports(url) ON DELETE CASCADE, signature BLOB NOT NULL);
        ALTER TABLE meeting_sources RENAME TO accounts;
        DROP INDEX IF EXISTS meeting_sources_url;
        CREATE INDEX accounts_url ON accounts(url);
        CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE meetings_fts USING fts5(
            counterpart, agency, place, topics, attendees, tokenize = 'unicode61 remove_diacritics 2');
    """, run=_v2),
    Migration("3: reports.via, the mirror a crawled copy was fetched from (outlets)",
              sql="ALTER TABLE reports ADD COLUMN via TEXT"),
    Migration("4: dedup bookkeeping: each account's merge rule and evidence, the counterpart's actor "
              "key, a report identity independent of where a corpus lies, meeting and actor aliases", sql="""
        ALTER TABLE accounts ADD COLUMN merged_by TEXT;
        ALTER TABLE accounts ADD COLUMN merge_evidence TEXT;
        ALTER TABLE meetings ADD COLUMN counterpart_actor TEXT;
        ALTER TABLE reports ADD COLUMN report_key TEXT;
        CREATE INDEX reports_key ON reports(report_key);
        CREATE TABLE meeting_aliases (
            old_id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, reason TEXT NOT NULL, at TEXT);
        CREATE TABLE actor_aliases (
            actor TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (actor, alias));
    """),
    Migration("5: meetings.date_conflict, another phrase names another day (dates)",
              sql="ALTER TABLE meetings ADD COLUMN date_conflict INTEGER"),
    Migration("6: reports.read_digest, the digest of the document as read and of the code that read it "
              "(a known document skips extraction, crawler/store/known.py)",
              sql="ALTER TABLE reports ADD COLUMN read_digest TEXT"),
    Migration("7: meeting_aliases indexed by meeting_id (a rename or union rewrites the aliases of a "
              "meeting without reading the whole table)",
              sql="CREATE INDEX meeting_aliases_meeting ON meeting_aliases(meeting_id)"),
]

#: Columns of `meetings` holding a JSON list: `meetings_flat` shows them joined (`;` for codes).
LIST_COLUMNS = {"topics": ";", "attendees": " | "}
#: Columns of `reports` too long or too internal for `meeting_sources`.
REPORT_COLUMNS_HIDDEN = {"url", "text", "fingerprint", "read_digest", "first_seen", "last_seen"}


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def views_sql(db: sqlite3.Connection) -> list[str]:
    """The views, built from the tables' columns as they are now, so that a column a migration
    adds shows in them: `meetings_flat` (a meeting per row, lists joined, with its year, outlets
    and first publication) and `meeting_sources` (a meeting's report per row: the report's
    metadata and that report's own account of the meeting)."""
    cols = []
    for c in _columns(db, "meetings"):
        if c in LIST_COLUMNS:
            cols.append(f"(SELECT group_concat(value, '{LIST_COLUMNS[c]}') FROM json_each(m.{c})) AS {c}")
        else:
            cols.append(f"m.{c}")
        if c == "date":
            cols.append("substr(m.date, 1, 4) AS year")
    flat = f"""CREATE VIEW meetings_flat AS SELECT {", ".join(cols)},
       (SELECT group_concat(outlet, ' | ') FROM (
            SELECT DISTINCT r.outlet FROM accounts a JOIN reports r USING (url)
            WHERE a.meeting_id = m.meeting_id AND r.outlet IS NOT NULL ORDER BY r.outlet)) AS outlets,
       (SELECT min(r.published) FROM accounts a JOIN reports r USING (url)
            WHERE a.meeting_id = m.meeting_id) AS first_published
FROM meetings m"""
    acc = [f"a.{c}" for c in _columns(db, "accounts") if c not in ("account", "added_at")]
    rep = [f"r.{c}" for c in _columns(db, "reports") if c not in REPORT_COLUMNS_HIDDEN]
    sources = f"""CREATE VIEW meeting_sources AS SELECT {", ".join(acc[:2] + rep + acc[2:])},
       json_extract(a.account, '$.counterpart.name') AS counterpart_name,
       json_extract(a.account, '$.counterpart.country') AS counterpart_country,
       json_extract(a.account, '$.date') AS date,
       json_extract(a.account, '$.date_raw') AS date_raw,
       json_extract(a.account, '$.date_resolution') AS date_resolution,
       json_extract(a.account, '$.evidence.sentence') AS sentence,
       a.account, a.added_at
FROM accounts a JOIN reports r USING (url)"""
    return ["DROP VIEW IF EXISTS meetings_flat", flat, "DROP VIEW IF EXISTS meeting_sources", sources]


VERSION = 1 + len(MIGRATIONS)


class SchemaError(Exception):
    pass


def version(db: sqlite3.Connection) -> int:
    """The store's schema version: 0 for an empty file, 1 for a store made before versioning."""
    v = db.execute("PRAGMA user_version").fetchone()[0]
    if v == 0 and db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meetings'").fetchone():
        return 1
    return v


def migrate(db: sqlite3.Connection) -> list[str]:
    """Bring the store to `VERSION` in place; returns the names of the migrations applied."""
    current = version(db)
    if current > VERSION:
        raise SchemaError(f"the store has schema version {current}, newer than this code's {VERSION}: "
                          "update liqaat, or use another MEETINGS_DB")
    applied = []
    db.isolation_level = None  # explicit transactions: one per migration
    try:
        if current == 0:
            db.execute("BEGIN")
            for stmt in _statements(BASELINE):
                db.execute(stmt)
            db.execute("PRAGMA user_version = 1")
            db.execute("COMMIT")
            current = 1
        db.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                   "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
        for v, m in enumerate(MIGRATIONS, start=2):
            if v <= current:
                continue
            db.execute("BEGIN")
            try:
                for stmt in _statements(m.sql):
                    db.execute(stmt)
                if m.run:
                    m.run(db)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                           (v, m.name, datetime.now(UTC).isoformat(timespec="seconds")))
                db.execute(f"PRAGMA user_version = {v}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            applied.append(m.name)
        stmts = views_sql(db)
        have = {sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE type = 'view'")}
        if any(s.startswith("CREATE") and s not in have for s in stmts):  # else nothing to write
            db.execute("BEGIN")
            for stmt in stmts:
                db.execute(stmt)
            db.execute("COMMIT")
    finally:
        db.isolation_level = ""
    return applied


def _statements(script: str) -> list[str]:
    """The statements of a script (no `;` inside our literals), to run them in one transaction."""
    out, buf = [], ""
    for part in script.split(";"):
        buf += part
        if sqlite3.complete_statement(buf + ";"):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
        else:
            buf += ";"
    return out
