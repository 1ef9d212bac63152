"""The store's durability: each report is a transaction in the write-ahead log, synced to disk
every `sync_every` reports; a process killed with SIGKILL between two syncs loses no report."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

from crawler.store import MeetingStore
from tests.conftest import ROOT

WRITER = """
import sys, time
from crawler.items import Counterpart, Meeting, Report
from crawler.store import MeetingStore
store = MeetingStore(sys.argv[1], sync_every=1000)
for i in range(3):
    store.add(Report(url=f"u{i}", text=f"report number {i} about a meeting", title=f"t{i}",
                     meetings=[Meeting(date="2025-02-18", counterpart=Counterpart(country="PT"))]))
print("added", flush=True)
time.sleep(60)
"""


def test_killed_writer_loses_no_committed_report(tmp_path):
    db = tmp_path / "m.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], cwd=ROOT, stdout=subprocess.PIPE,
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
