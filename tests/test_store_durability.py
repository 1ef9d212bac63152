"""The store's durability: reports are committed in batches (a transaction each) to the write-ahead
log, synced to disk every `sync_every` reports; a process killed with SIGKILL loses at most the
open batch, and a killed crawl's resumed run stores what that batch held."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from crawler.outlets.seen import SeenUrls
from crawler.store import MeetingStore, search
from tests.conftest import ROOT, SCRAPY, read_jsonl
from tests.fixture_site import EXPECTED, OUTLETS, outlet_settings, serve

WRITER = """
import sys, time
from crawler.items import Counterpart, Meeting, Report
from crawler.store import MeetingStore, search
store = MeetingStore(sys.argv[1], sync_every=1000, batch=int(sys.argv[2]), batch_seconds=600)
for i in range(3):
    store.add(Report(url=f"u{i}", text=f"report number {i} about a meeting", title=f"t{i}",
                     meetings=[Meeting(date="2025-02-18", counterpart=Counterpart(country="PT"))]))
print("added", flush=True)
time.sleep(60)
"""


def test_killed_writer_loses_no_committed_report(tmp_path):
    db = tmp_path / "m.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), "1"], cwd=ROOT, stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout.readline().strip() == "added"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    store = MeetingStore(db)  # recovers the log the killed process left
    try:
        assert sorted(store.fingerprints) == ["u0", "u1", "u2"]
        assert store.db.execute("SELECT count(*) FROM accounts").fetchone()[0] == 3
    finally:
        store.close()


def test_store_is_in_wal_mode_and_syncs_every_n_reports(tmp_path):
    store = MeetingStore(tmp_path / "m.sqlite", sync_every=2)
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        for i in range(3):
            store.add({"url": f"u{i}", "text": f"text {i}", "meetings": []})
        assert store.unsynced == 1  # synced after the second report
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "m.sqlite") as db:
        assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 3


def _killed_writer(db, batch: int) -> None:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(batch)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout.readline().strip() == "added"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def test_a_killed_writer_loses_the_open_batch_and_only_it(tmp_path):
    db = tmp_path / "m.sqlite"
    _killed_writer(db, batch=2)  # u0 and u1 committed as one batch, u2 in the open one
    store = MeetingStore(db)
    try:
        assert sorted(store.fingerprints) == ["u0", "u1"]
        assert store.db.execute("SELECT count(*) FROM accounts").fetchone()[0] == 2
    finally:
        store.close()


def test_a_report_that_fails_in_a_batch_is_rolled_back_alone(tmp_path, monkeypatch):
    store = MeetingStore(tmp_path / "m.sqlite", batch=10)
    try:
        store.add({"url": "u0", "text": "text 0", "meetings": []})
        index = search.index_report

        def fails(db, rowid, title, *args):  # after the report's row and signature are written
            if title == "bad":
                raise sqlite3.OperationalError("disk I/O error")
            return index(db, rowid, title, *args)
        monkeypatch.setattr(search, "index_report", fails)
        with pytest.raises(sqlite3.OperationalError):
            store.add({"url": "u1", "text": "text 1", "title": "bad", "meetings": []})
        store.add({"url": "u2", "text": "text 2", "meetings": []})
        assert store.pending == ["u0", "u2"]
        assert store.commit() == ["u0", "u2"]
        for table in ("reports", "report_signatures"):
            rows = [u for (u,) in store.db.execute(f"SELECT url FROM {table} ORDER BY url")]  # noqa: S608
            assert rows == ["u0", "u2"], table
        # its full-text rows (held to the commit) went with it: the index holds the others'
        indexed = store.db.execute("SELECT r.url FROM reports_fts f JOIN reports r ON r.rowid = f.rowid "
                                   "ORDER BY r.url").fetchall()
        assert indexed == [("u0",), ("u2",)]
        assert [r["url"] for r in search.search_reports(store.db, "text")] == ["u0", "u2"]
    finally:
        store.close()


def test_the_search_index_is_committed_with_its_batch(tmp_path):
    """Index rows are written at the batch's commit, in its transaction: another connection sees
    the reports and their index rows together, a meeting indexed once with its latest fields."""
    db = tmp_path / "m.sqlite"
    store = MeetingStore(db, batch=10)
    other = sqlite3.connect(db)
    meeting = {"counterpart": {"name": "Jean Dupont", "country": "FR"}, "date": "2025-01-02"}
    try:
        store.add({"url": "u0", "text": "la police judiciaire", "meetings": [meeting]})
        store.add({"url": "u1", "text": "la police judiciaire et la douane",
                   "meetings": [{**meeting, "topics": ["drug_trafficking"]}]})
        assert other.execute("SELECT count(*) FROM reports_fts").fetchone()[0] == 0
        store.commit()
        assert [r["url"] for r in search.search_reports(other, "police")] == ["u0", "u1"]
        assert [r["url"] for r in search.search_reports(other, "douane")] == ["u1"]
        assert other.execute("SELECT count(*) FROM meetings_fts").fetchone()[0] == 1
        (mid,) = [m["meeting_id"] for m in search.search_meetings(other, "drug")]
        assert other.execute("SELECT n_sources FROM meetings WHERE meeting_id = ?", (mid,)).fetchone() == (2,)
        other.execute("INSERT INTO reports_fts(reports_fts) VALUES('integrity-check')")
        other.execute("INSERT INTO meetings_fts(meetings_fts) VALUES('integrity-check')")
    finally:
        other.close()
        store.close()


def test_a_batch_is_committed_when_full_or_old(tmp_path):
    store = MeetingStore(tmp_path / "m.sqlite", batch=2, batch_seconds=0.2)
    other = sqlite3.connect(tmp_path / "m.sqlite")
    try:
        def committed():
            return other.execute("SELECT count(*) FROM reports").fetchone()[0]
        store.add({"url": "u0", "text": "text 0", "meetings": []})
        assert committed() == 0 and store.pending == ["u0"]
        store.add({"url": "u1", "text": "text 1", "meetings": []})  # full: committed
        assert committed() == 2 and store.pending == []
        store.add({"url": "u2", "text": "text 2", "meetings": []})
        time.sleep(0.25)
        assert store.commit_if_due() == ["u2"] and committed() == 3
    finally:
        other.close()
        store.close()


def test_seen_urls_write_through_the_open_batch(tmp_path):
    """The seen-URL table shares the store's file: with a batch open, its writes go into the batch
    (no wait for the batch's write lock) and are committed with it, never before it."""
    db = tmp_path / "m.sqlite"
    store = MeetingStore(db, batch=10)
    seen = SeenUrls(db)
    other = sqlite3.connect(db)
    try:
        store.add({"url": "https://a.example/1", "text": "text 1", "meetings": []})
        seen.add("https://a.example/1", "a")
        assert "https://a.example/1" in seen  # read through the store's connection
        assert other.execute("SELECT count(*) FROM crawled_urls").fetchone()[0] == 0
        store.commit()
        assert other.execute("SELECT url FROM crawled_urls").fetchall() == [("https://a.example/1",)]
        assert other.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    finally:
        other.close()
        store.close()
        seen.close()


def test_a_killed_crawl_loses_its_open_batch_and_the_resumed_run_stores_it(tmp_path):
    """An outlets job killed with SIGKILL while its batch is open: the reports it exported and the
    URLs it saw since the last commit are not in the store (nothing half-written); the resumed job
    fetches them again and ends with every report stored once and every feed line once."""
    db, feed = tmp_path / "m.sqlite", tmp_path / "r.jsonl"
    with serve(OUTLETS / "site") as ar, serve(OUTLETS / "site-fr") as fr:
        settings = [a for k, v in outlet_settings(ar, fr).items() for a in ("-s", f"{k}={v}")]
        args = [str(SCRAPY), "crawl", "outlets", *settings, "-s", f"JOBDIR={tmp_path / 'job'}",
                "-s", f"MEETINGS_DB={db}", "-s", f"MEETINGS_OUTPUT={tmp_path / 'm.jsonl'}",
                "-s", "CONCURRENT_REQUESTS=1", "-o", str(feed)]
        # one batch for the whole run: nothing is committed before the end
        batch = ["-s", "MEETINGS_DB_BATCH=1000", "-s", "MEETINGS_DB_BATCH_SECONDS=600"]
        proc = subprocess.Popen([*args, *batch], cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while not (feed.exists() and feed.read_bytes().count(b"\n") >= 3):
            assert proc.poll() is None and time.monotonic() < deadline, "the crawl ended before the kill"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        exported = [r["url"] for r in read_jsonl(feed)]
        with sqlite3.connect(db) as look:
            stored = {u for (u,) in look.execute("SELECT url FROM reports")}
            marked = {u for (u,) in look.execute("SELECT url FROM crawled_urls")}
        assert len(exported) >= 3
        assert not stored & set(exported) and not marked & set(exported)  # the open batch is lost whole
        resumed = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    urls = [r["url"] for r in read_jsonl(feed)]
    assert len(urls) == len(set(urls)) and set(exported) <= set(urls)
    assert {u.removeprefix(ar.url).removeprefix(fr.url) for u in urls} == EXPECTED
    sources = {s["url"] for m in read_jsonl(tmp_path / "m.jsonl") for s in m["sources"]}
    assert sources == set(urls)
    with sqlite3.connect(db) as look:
        assert {u for (u,) in look.execute("SELECT url FROM reports")} >= set(urls)
    assert json.loads((tmp_path / "job" / "liqaat-job.json").read_text())["state"] == "finished"
