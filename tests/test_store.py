"""The SQLite store, its exports, and real `scrapy crawl seeds` runs: a second run over the same
folder adds nothing; a grown folder adds new meetings and new sources only."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
import subprocess
import sys

from crawler.items import Counterpart, Meeting, Report
from crawler.store import MeetingStore
from tests.conftest import FIXTURES, ROOT, crawl, read_jsonl, shared_path
from tests.test_store_dedup import COMMUNIQUE, REWRITE

PIPELINES = json.dumps({"pipelines.extract.ExtractPipeline": 100,
                        "tests.stub_meetings.StubMeetingsPipeline": 300,
                        "pipelines.store.StorePipeline": 500})


def report(url, text, *meetings, published="2025-02-18"):
    return Report(url=url, text=text, published=published, outlet="outlet " + url, title="title " + url,
                  meetings=[Meeting(date=d, counterpart=Counterpart(country=c, name=n))
                            for c, n, d in meetings])


def test_store_merges_persists_and_exports(tmp_path):
    db = tmp_path / "sub" / "m.sqlite"
    store = MeetingStore(db)
    pt = ("PT", "ألبرتو سيلفا كوستا", "2025-02-18")
    d1, s1 = store.add(report("u1", COMMUNIQUE, pt))
    d2, s2 = store.add(report("u2", REWRITE, ("PT", "ألبرتو كوستا", "2025-02-18")))
    assert (s1, s2) == ("new", "new") and d1[0].new and not d2[0].new
    assert d2[0].meeting_id == d1[0].meeting_id
    assert store.add(report("u1", COMMUNIQUE, pt))[1] == "known"
    store.close()

    store = MeetingStore(db)  # reopened: the LSH index is rebuilt from stored signatures
    d3, _ = store.add(report("u3", COMMUNIQUE + " فقرة مضافة.", ("PT", None, None)))
    assert d3[0].meeting_id == d1[0].meeting_id
    (m,) = store.meetings()
    assert m["counterpart"]["name"] == "ألبرتو سيلفا كوستا" and m["date"] == "2025-02-18"
    assert [s["url"] for s in m["sources"]] == ["u1", "u2", "u3"]
    assert set(m["sources"][0]) == {"url", "outlet", "title", "published", "author", "merged_by",
                                    "merge_evidence"}
    assert m["sources"][0]["merged_by"] == "new" and m["sources"][1]["merged_by"] in ("near", "counterpart")

    # a changed report is merged again: its old link goes, a meeting left without source goes
    store.add(report("u3", COMMUNIQUE + " فقرة مضافة.", ("ES", "خوان غارسيا", "2025-03-01")))
    assert sorted(len(x["sources"]) for x in store.meetings()) == [1, 2]

    out = tmp_path / "m.jsonl"
    assert store.export_jsonl(out) == 2 and len(read_jsonl(out)) == 2
    assert not list(tmp_path.glob(".m.jsonl.*"))  # no temporary file left
    store.close()

    subprocess.run([sys.executable, "-m", "crawler.store", "export-csv", str(db), str(tmp_path / "m.csv")],
                   cwd=ROOT, check=True)
    with open(tmp_path / "m.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2 and "u1 | u2" in {r["source_urls"] for r in rows}
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT COUNT(*) FROM meeting_sources").fetchone() == (3,)


def run(tmp_path, folder):
    out = tmp_path / "reports.jsonl"
    proc = crawl(tmp_path, "-a", f"path={folder}", "-O", str(out), "-s", f"ITEM_PIPELINES={PIPELINES}",
                 "-s", "LOG_LEVEL=INFO")
    stats = proc.stderr
    return read_jsonl(out), read_jsonl(tmp_path / "meetings.jsonl"), stats


def stat(log: str, name: str) -> int:
    for line in log.splitlines():
        if f"'{name}':" in line:
            return int(line.split(":")[-1].strip(" ,}"))
    return 0


def test_a_report_found_at_three_urls_in_turn_moves_each_time(tmp_path):
    """One identity (the page's canonical link) at a second and then a third URL: the report
    moves to each, and is stored once (a third URL once looked for the first, gone)."""
    store = MeetingStore(tmp_path / "m.sqlite")
    body = '<html><head><link rel="canonical" href="https://news.example/a"></head></html>'
    for url in ("https://m.news.example/a", "https://news.example/a?ref=x", "https://amp.news.example/a"):
        item = report(url, COMMUNIQUE, ("PT", "ألبرتو سيلفا كوستا", "2025-02-18"))
        item.body = body
        store.add(item)
    urls = [u for (u,) in store.db.execute("SELECT url FROM reports")]
    assert urls == ["https://amp.news.example/a"]
    (m,) = store.meetings()
    assert [s["url"] for s in m["sources"]] == ["https://amp.news.example/a"]
    store.close()


def test_second_run_adds_nothing_and_grown_corpus_adds_only_new(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(FIXTURES / "store" / "corpus", docs)
    reports, meetings, log = run(tmp_path, docs)
    assert len(reports) == 6
    assert sorted(len(m["sources"]) for m in meetings) == [1, 1, 3]  # two ambassadors stay apart
    assert stat(log, "liqaat/dedup/new_meetings") == 3 and stat(log, "liqaat/dedup/new_sources") == 5
    ids = {m["meeting_id"] for m in meetings}
    fed = {m["meeting_id"] for r in reports for m in r["meetings"]}
    assert fed == ids

    reports2, meetings2, log2 = run(tmp_path, docs)
    assert meetings2 == meetings
    assert stat(log2, "liqaat/dedup/new_meetings") == 0 and stat(log2, "liqaat/dedup/new_sources") == 0
    assert {m["meeting_id"] for r in reports2 for m in r["meetings"]} == ids

    for p in (FIXTURES / "store" / "grown").iterdir():
        shutil.copy(p, docs / p.name)
    _, meetings3, log3 = run(tmp_path, docs)
    assert stat(log3, "liqaat/dedup/new_meetings") == 1 and stat(log3, "liqaat/dedup/new_sources") == 2
    assert ids < {m["meeting_id"] for m in meetings3}
    assert sorted(len(m["sources"]) for m in meetings3) == [1, 1, 1, 4]


def test_seeds_twice(tmp_path):
    seeds = shared_path("seeds")
    run_args = ("-a", f"path={seeds}", "-O", str(tmp_path / "r.jsonl"), "-s", "LOG_LEVEL=INFO")
    crawl(tmp_path, *run_args)
    first = read_jsonl(tmp_path / "meetings.jsonl")
    log = crawl(tmp_path, *run_args).stderr
    assert read_jsonl(tmp_path / "meetings.jsonl") == first
    assert stat(log, "liqaat/dedup/new_meetings") == 0 and stat(log, "liqaat/dedup/new_sources") == 0


def test_exports_are_readable_by_others_under_the_umask(tmp_path):
    import os
    import stat

    store = MeetingStore(tmp_path / "m.sqlite")
    old = os.umask(0o022)
    try:
        store.export_jsonl(tmp_path / "m.jsonl")
    finally:
        os.umask(old)
        store.close()
    assert stat.S_IMODE(os.stat(tmp_path / "m.jsonl").st_mode) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
