"""The store's versioned schema: an older store (version 1, frozen in tests/fixtures/store/v1.sql)
is upgraded in place; a fresh store and a migrated one have the same schema; the views and the
full-text search with the Arabic fold; every item field has its column."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.items import Counterpart, Location, Meeting, Report
from crawler.store import MeetingStore, StoreError, schema
from crawler.store.columns import MEETING_COLUMNS, REPORT_COLUMNS
from crawler.store.search import fts_query, search_meetings, search_reports, word_forms
from tests.conftest import FIXTURES

V1 = FIXTURES / "store" / "v1.sql"


def v1_store(path):
    with sqlite3.connect(path) as db:
        db.executescript(V1.read_text(encoding="utf-8"))
    return path


def shape(path) -> dict:
    """Tables and views with their columns (names in order), FTS tables, and the version."""
    with sqlite3.connect(path) as db:
        objs = db.execute("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') "
                          "AND name NOT LIKE '%fts_%' AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
        return {"version": db.execute("PRAGMA user_version").fetchone()[0],
                **{f"{t} {n}": [r[1] for r in db.execute(f"PRAGMA table_info({n})")] for t, n in objs}}


def test_a_version_1_store_is_migrated_in_place(tmp_path):
    db = v1_store(tmp_path / "old.sqlite")
    with sqlite3.connect(db) as c:
        assert schema.version(c) == 1
        before = c.execute("SELECT meeting_id, counterpart_name, n_sources FROM meetings").fetchall()
        sigs = dict(c.execute("SELECT url, signature FROM reports"))
    store = MeetingStore(db)
    assert len(store.migrated) == schema.VERSION - 1
    # the data survived: meetings, their links, signatures (now in their own table)
    got = sorted((m["meeting_id"], m["counterpart"]["name"], len(m["sources"])) for m in store.meetings())
    assert got == sorted(before)
    assert dict(store.db.execute("SELECT url, signature FROM report_signatures")) == sigs
    assert "signature" not in store.columns["reports"]
    # the LSH index was rebuilt from the moved signatures: a republication merges
    (pt,) = [m for m in store.meetings() if m["counterpart"]["country"] == "PT"]
    (d,), status = store.add(Report(url="https://e.example/5", text="", published="2025-02-18", meetings=[
        Meeting(date="2025-02-18", counterpart=Counterpart(name="كارلوس مينديز", country="PT"))]))
    # (the meeting now has its canonical id; the old one still leads to it)
    assert status == "new" and store.resolve(pt["meeting_id"]) == d.meeting_id
    # the search index holds the reports' titles from before the migration
    assert [r["url"] for r in search_reports(store.db, "مدريد")] == ["https://c.example/es"]
    store.close()
    # migrated and fresh stores have the same tables, views and columns
    fresh = MeetingStore(tmp_path / "fresh.sqlite")
    fresh.close()
    assert shape(db) == shape(tmp_path / "fresh.sqlite")
    with sqlite3.connect(db) as c:
        assert [v for (v,) in c.execute("SELECT version FROM schema_migrations")] == \
            list(range(2, schema.VERSION + 1))
    assert MeetingStore(db).migrated == []  # reopening applies nothing


def test_a_version_6_store_gets_the_alias_index(tmp_path, monkeypatch):
    """A store made by the schema before version 7 (no index on `meeting_aliases.meeting_id`)
    opens, is migrated, keeps its aliases, and the alias updates of a rename use the index."""
    db = tmp_path / "v6.sqlite"
    with monkeypatch.context() as m:  # the code as it was at version 6
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:5])
        m.setattr(schema, "VERSION", 6)
        old = MeetingStore(db)
        old.add(Report(url="https://a.example/1", text="", published="2025-02-18", meetings=[
            Meeting(date="2025-02-18", counterpart=Counterpart(name="كارلوس مينديز", country="PT"))]))
        (mid,) = [x["meeting_id"] for x in old.meetings()]
        old.db.execute("INSERT INTO meeting_aliases VALUES ('m-old-1', ?, 'renamed', '2025-02-18')", (mid,))
        old.db.commit()
        old.close()

    def indexes(path):
        with sqlite3.connect(path) as c:
            return {n for (n,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                             "AND tbl_name = 'meeting_aliases' AND sql IS NOT NULL")}

    with sqlite3.connect(db) as c:
        assert schema.version(c) == 6
    assert indexes(db) == set()
    store = MeetingStore(db)
    assert [n[:2] for n in store.migrated] == ["7:"]
    assert indexes(db) == {"meeting_aliases_meeting"}
    assert store.resolve("m-old-1") == mid
    plan = " ".join(r[-1] for r in store.db.execute(
        "EXPLAIN QUERY PLAN UPDATE meeting_aliases SET meeting_id = 'x' WHERE meeting_id = ?", (mid,)))
    assert "meeting_aliases_meeting" in plan
    store.close()
    fresh = MeetingStore(tmp_path / "fresh.sqlite")
    fresh.close()
    assert indexes(tmp_path / "fresh.sqlite") == indexes(db)
    assert shape(db) == shape(tmp_path / "fresh.sqlite")


def test_a_newer_store_is_refused(tmp_path):
    db = tmp_path / "new.sqlite"
    MeetingStore(db).close()
    with sqlite3.connect(db) as c:
        c.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this code"):
        MeetingStore(db)


def test_every_item_field_has_a_column(tmp_path):
    """A field added to an item (crawler/items.py) needs a migration adding its column."""
    store = MeetingStore(tmp_path / "m.sqlite")
    assert set(MEETING_COLUMNS) <= store.columns["meetings"], "add a migration in crawler/store/schema.py"
    assert set(REPORT_COLUMNS) <= store.columns["reports"], "add a migration in crawler/store/schema.py"
    store.close()


TEXT = ("استقبل المدير العام للأمن الوطني عبد اللطيف حموشي المدير العام للشرطة الوطنية الفرنسية، "
        "وتناول اللقاء التعاون بين الجهازين في مكافحة الإرهاب.")


@pytest.fixture
def store(tmp_path):
    s = MeetingStore(tmp_path / "m.sqlite")
    s.add(Report(url="u1", title="لقاء أمني", text=TEXT, published="2025-03-02", outlet="منبر", meetings=[
        Meeting(date="2025-03-02", date_resolution="explicit", date_raw="2 مارس 2025",
                counterpart=Counterpart(name="جان دوبون", country="FR", agency="الشرطة الوطنية"),
                location=Location(city="Rabat", country="MA"), topics=["terrorism"],
                attendees=["سفير فرنسا"], evidence={"sentence": TEXT[:40]})]))
    s.add(Report(url="u2", title="خبر آخر", text="افتتح معرض الكتاب بالدار البيضاء.", published="2025-03-03"))
    yield s
    s.close()


def test_search_finds_clitic_forms(store):
    assert word_forms("للشرطه")[-1] == "شرطه"
    for q in ("الشرطة", "شرطة", "للشرطة", "الشُّرطة", "الإرهاب", "ارهاب", "حموشي"):
        assert [r["url"] for r in search_reports(store.db, q)] == ["u1"], q
    assert search_reports(store.db, "الشرطة الكتاب") == []  # every word must be there
    assert [r["url"] for r in search_reports(store.db, "الكتاب البيضاء")] == ["u2"]
    assert [m["counterpart_country"] for m in search_meetings(store.db, "الشرطة")] == ["FR"]
    assert [m["counterpart_country"] for m in search_meetings(store.db, "terrorism")] == ["FR"]
    assert search_reports(store.db, '"') == [] and fts_query("") == '""'


def test_eastern_digits_fold(store):
    store.add(Report(url="u3", text="في سنة ٢٠٢٥ انعقد اللقاء", published="2025-01-01"))
    assert [r["url"] for r in search_reports(store.db, "2025")] == ["u3"]


def test_views(store):
    db = store.db
    db.row_factory = sqlite3.Row
    (m,) = db.execute("SELECT * FROM meetings_flat").fetchall()
    assert (m["counterpart_name"], m["counterpart_country"], m["location_city"], m["year"], m["topics"],
            m["attendees"], m["n_sources"], m["outlets"], m["date_resolution"], m["date_raw"]) == \
        ("جان دوبون", "FR", "Rabat", "2025", "terrorism", "سفير فرنسا", 1, "منبر", "explicit", "2 مارس 2025")
    (s,) = db.execute("SELECT * FROM meeting_sources").fetchall()
    assert (s["meeting_id"], s["url"], s["outlet"], s["title"], s["counterpart_name"], s["sentence"]) == \
        (m["meeting_id"], "u1", "منبر", "لقاء أمني", "جان دوبون", TEXT[:40])
    # reports keep their text; no BLOB in any table or view a user sees
    assert db.execute("SELECT text FROM reports WHERE url = 'u1'").fetchone()[0] == TEXT
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                              "AND name IN ('meetings', 'reports', 'accounts', 'meetings_flat', "
                              "'meeting_sources')").fetchall():
        assert "BLOB" not in {r[2] for r in db.execute(f"PRAGMA table_info({name})")}, name


def test_a_changed_report_is_reindexed_and_a_lost_meeting_unindexed(store):
    store.add(Report(url="u1", title="عنوان جديد", text="نص مختلف تماما عن الأمن.", published="2025-03-02"))
    assert search_reports(store.db, "الشرطة") == [] and search_meetings(store.db, "الشرطة") == []
    assert [r["url"] for r in search_reports(store.db, "جديد")] == ["u1"]


def test_meetings_csv_carries_every_field(store, tmp_path):
    import csv

    out = tmp_path / "m.csv"
    assert store.export_csv(out, excel=True) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(raw.decode("utf-8-sig").splitlines())
    assert set(MEETING_COLUMNS) <= set(row)
    assert (row["date_resolution"], row["date_raw"], row["attendees"], row["topics"], row["source_urls"],
            row["counterpart_agency"], row["hammouchi_abroad"]) == \
        ("explicit", "2 مارس 2025", "سفير فرنسا", "terrorism", "u1", "الشرطة الوطنية", "0")
    store.export_csv(out)
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_stored_reports_export_with_their_text(store, tmp_path):
    import csv
    import json

    assert store.export_reports(tmp_path / "r.jsonl") == 2
    rows = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    (u1,) = [r for r in rows if r["url"] == "u1"]
    (mid,) = [m["meeting_id"] for m in store.meetings()]
    assert (u1["text"], u1["title"], u1["outlet"], u1["meeting_ids"]) == (TEXT, "لقاء أمني", "منبر", [mid])
    assert store.export_reports(tmp_path / "r.csv", excel=True) == 2
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as fh:
        by_url = {r["url"]: r for r in csv.DictReader(fh)}
    assert by_url["u1"]["text"] == TEXT and by_url["u1"]["meeting_ids"] == mid
    assert by_url["u2"]["meeting_ids"] == ""
