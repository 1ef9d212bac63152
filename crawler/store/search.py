"""Full-text search over the store with the project's Arabic fold.

SQLite's FTS5 tokenizers know nothing of Arabic clitics, so the index holds *search forms*
instead of the text: every word folded (`crawler.textnorm.words`: no tashkeel or tatweel, one
alef, ى→ي, ة→ه, Eastern digits to 0-9, lower case), and beside each Arabic word the forms left
when its proclitics are taken off (و/ف, then ب/ل/ك, then the article ال; لل is ل + ال). A query
is folded the same way, its article dropped: "الشرطة" looks for شرطه, which "للشرطة",
"والشرطة", "بالشرطة" and "شرطة" all hold. A query word written with its clitic ("للشرطة")
still finds that exact form.

`fts_query(q)` turns a user's words into an FTS5 MATCH expression (every word must be there);
the Datasette plugin (datasette/plugins/liqaat_search.py) exposes it to SQL as
`liqaat_query(q)`, so `... WHERE reports_fts MATCH liqaat_query(:q)` searches like `search()`.
"""

from __future__ import annotations

import json
import sqlite3
from functools import lru_cache

from crawler.textnorm import is_arabic, words

MIN_STEM = 2


@lru_cache(maxsize=1 << 16)
def word_forms(word: str) -> tuple[str, ...]:
    """A folded word and the forms left when its proclitics are taken off, longest first
    ("والشرطه" -> والشرطه, الشرطه, شرطه). Latin words are themselves."""
    forms = [word]
    if not is_arabic(word):
        return (word,)
    for conj in ("", "و", "ف"):
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj):]
        for prep in ("", "ب", "ل", "ك"):
            if prep and not rest.startswith(prep):
                continue
            stem = rest[len(prep):]
            cands = [stem]
            if stem.startswith("ال"):
                cands.append(stem[2:])
            if prep == "ل" and stem.startswith("ل"):  # لل: ل + ال
                cands.append(stem[1:])
            for c in cands:
                if len(c) >= MIN_STEM and c not in forms:
                    forms.append(c)
    return tuple(forms)


@lru_cache(maxsize=1 << 16)
def _word_form(word: str) -> str:
    """`word_forms(word)` as the index writes them: one string, space-separated."""
    return " ".join(word_forms(word))


def search_form(text: str | None, text_words: list[str] | None = None) -> str:
    """What the index holds for a text: each word followed by its clitic-free forms (`text_words`:
    `words(text)`, when the caller has it already)."""
    return " ".join(map(_word_form, words(text or "") if text_words is None else text_words))


def query_words(q: str) -> list[str]:
    """The words a query looks for: folded, the article of a bare Arabic word dropped."""
    out = []
    for w in words(q or ""):
        if w.startswith("ال") and len(w) - 2 >= MIN_STEM and is_arabic(w):
            w = w[2:]
        out.append(w)
    return out


def fts_query(q: str | None) -> str:
    """An FTS5 MATCH expression: every word of `q` (as `query_words`), each a quoted string."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in query_words(q or "")) or '""'


# -- keeping the index ------------------------------------------------------------------------

class SearchBatch:
    """Index writes held until the store's batch commits (`flush`): FTS5 writes its pending terms
    to a new segment of the index at every savepoint of a transaction that has touched it, so
    indexing inside each report's savepoint made a segment (and segment merges) per report; held
    here, a batch writes its rows in one go, in the same transaction as its reports (committed
    with them, lost with them). By rowid, the last write of a row wins: `(title, text)` search
    forms of a report, a meeting's columns, or None (the row leaves the index)."""

    def __init__(self):
        self.reports: dict[int, tuple[str, str]] = {}
        self.meetings: dict[int, tuple | None] = {}

    def __bool__(self) -> bool:
        return bool(self.reports or self.meetings)

    def update(self, other: SearchBatch) -> None:
        self.reports.update(other.reports)
        self.meetings.update(other.meetings)

    def clear(self) -> None:
        self.reports.clear()
        self.meetings.clear()

    def flush(self, db: sqlite3.Connection) -> None:
        """Write the held rows (each row's old entry out first) and forget them."""
        for table, rows, cols in (("reports_fts", self.reports, "title, text"),
                                  ("meetings_fts", self.meetings, MEETING_FTS_COLUMNS)):
            if not rows:
                continue
            db.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(r,) for r in rows])  # noqa: S608
            marks = ", ".join("?" * (len(cols.split(",")) + 1))  # the rowid and the columns
            db.executemany(f"INSERT INTO {table} (rowid, {cols}) VALUES ({marks})",  # noqa: S608
                           [(r, *v) for r, v in rows.items() if v is not None])
        self.clear()


MEETING_FTS_COLUMNS = "counterpart, agency, place, topics, attendees"


def report_forms(title: str | None, text: str | None, text_words: list[str] | None = None) -> tuple[str, str]:
    """What `reports_fts` holds for a report: the search forms of its title and of its text."""
    return search_form(title), search_form(text, text_words)


def meeting_forms(row: dict) -> tuple[str, str, str, str, str]:
    """What `meetings_fts` holds for a `meetings` row (a dict of its columns)."""
    lists = {k: " ".join(json.loads(row.get(k) or "[]")) for k in ("topics", "attendees")}
    return (search_form(" ".join(row.get(f"counterpart_{k}") or "" for k in ("name", "name_latin", "title",
                                                                             "honorific", "country"))),
            search_form(row.get("counterpart_agency")),
            search_form(" ".join(row.get(k) or "" for k in ("location_city", "location_country"))),
            search_form(lists["topics"].replace("_", " ") + " " + lists["topics"]),
            search_form(lists["attendees"]))


def index_report(db: sqlite3.Connection | SearchBatch, rowid: int, title: str | None, text: str | None,
                 text_words: list[str] | None = None) -> None:
    """Index a report under its rowid: at once on a connection, at the batch's commit on a
    `SearchBatch`."""
    forms = report_forms(title, text, text_words)
    if isinstance(db, SearchBatch):
        db.reports[rowid] = forms
        return
    db.execute("DELETE FROM reports_fts WHERE rowid = ?", (rowid,))
    db.execute("INSERT INTO reports_fts (rowid, title, text) VALUES (?, ?, ?)", (rowid, *forms))


def index_meeting(db: sqlite3.Connection | SearchBatch, rowid: int, row: dict) -> None:
    """Index a `meetings` row (a dict of its columns) under its rowid."""
    forms = meeting_forms(row)
    if isinstance(db, SearchBatch):
        db.meetings[rowid] = forms
        return
    db.execute("DELETE FROM meetings_fts WHERE rowid = ?", (rowid,))
    db.execute(f"INSERT INTO meetings_fts (rowid, {MEETING_FTS_COLUMNS}) VALUES (?,?,?,?,?,?)",  # noqa: S608
               (rowid, *forms))


def unindex_meeting(db: sqlite3.Connection | SearchBatch, rowid: int) -> None:
    if isinstance(db, SearchBatch):
        db.meetings[rowid] = None
        return
    db.execute("DELETE FROM meetings_fts WHERE rowid = ?", (rowid,))


def rebuild_search(db: sqlite3.Connection) -> None:
    """Refill both full-text indexes from the tables (after a migration, or to repair them)."""
    db.execute("DELETE FROM reports_fts")
    db.execute("DELETE FROM meetings_fts")
    text = "text" if "text" in {r[1] for r in db.execute("PRAGMA table_info(reports)")} else "NULL"
    for rowid, title, body in db.execute(f"SELECT rowid, title, {text} FROM reports").fetchall():
        index_report(db, rowid, title, body)
    cur = db.execute("SELECT rowid, * FROM meetings")
    cols = [c[0] for c in cur.description]
    for row in cur.fetchall():
        d = dict(zip(cols, row, strict=True))
        index_meeting(db, d["rowid"], d)


# -- searching --------------------------------------------------------------------------------

def search_reports(db: sqlite3.Connection, q: str, limit: int = 50) -> list[dict]:
    """Reports matching `q` in title or text, best first: url, title, outlet, published."""
    cur = db.execute(
        "SELECT r.url, r.title, r.outlet, r.published FROM reports_fts f JOIN reports r ON r.rowid = f.rowid "
        "WHERE reports_fts MATCH ? ORDER BY f.rank LIMIT ?", (fts_query(q), limit))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur]


def search_meetings(db: sqlite3.Connection, q: str, limit: int = 50) -> list[dict]:
    """Meetings matching `q` (counterpart, agency, place, topics, attendees), best first."""
    cur = db.execute(
        "SELECT m.meeting_id, m.date, m.counterpart_name, m.counterpart_country, m.counterpart_agency "
        "FROM meetings_fts f JOIN meetings m ON m.rowid = f.rowid WHERE meetings_fts MATCH ? "
        "ORDER BY f.rank LIMIT ?", (fts_query(q), limit))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur]
