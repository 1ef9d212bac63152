"""Feeds a person can read (CSV with JSON cells, XML elements, the `excel` CSV with a BOM), and the
run summary and progress lines: one real `scrapy crawl seeds` over the repository's seeds/."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import pytest
from scrapy.settings import Settings

from crawler.feedback import progress_line, summary
from tests.conftest import ROOT, crawl, read_jsonl


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("exports")
    proc = crawl(tmp, "-a", f"path={ROOT / 'seeds'}", "-O", str(tmp / "r.csv"), "-O", str(tmp / "r.xml"),
                 "-O", f"{tmp / 'r.excel.csv'}:excel", "-O", str(tmp / "r.jsonl"))
    return tmp, proc


def test_csv_and_xml_feeds_are_readable(run):
    tmp, _ = run
    reports = read_jsonl(tmp / "r.jsonl")
    with open(tmp / "r.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(reports) == 5
    for row, rep in zip(rows, reports, strict=True):
        assert "Meeting(" not in row["meetings"] and "Counterpart(" not in row["meetings"]
        assert json.loads(row["meetings"]) == rep["meetings"]
        assert row["title"] == rep["title"]
    raw = (tmp / "r.excel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:] == (tmp / "r.csv").read_bytes()
    root = ET.parse(tmp / "r.xml").getroot()
    items = root.findall("item")
    assert len(items) == 5
    for item, rep in zip(items, reports, strict=True):
        ms = item.findall("meetings/meeting")
        assert len(ms) == len(rep["meetings"])
        for m, want in zip(ms, rep["meetings"], strict=True):
            assert m.findtext("counterpart/country") == want["counterpart"]["country"]
            assert [v.text for v in m.findall("topics/value")] == want["topics"]
            assert m.find("evidence/entry[@key='sentence']").text == want["evidence"]["sentence"]
        assert item.findtext("is_meeting_report") == ("true" if rep["is_meeting_report"] else "false")


def test_the_run_ends_with_a_summary_after_scrapys_stats(run):
    tmp, proc = run
    log = proc.stderr
    assert log.index("Dumping Scrapy stats") < log.index("liqaat run summary: seeds finished")
    block = log[log.index("liqaat run summary"):]
    assert "documents  5 seen, 5 processed, 0 skipped" in block
    assert "reports    5 written, 5 with meetings, 0 without" in block
    assert "5 new, 0 merged" in block and "5 in the store (0 before)" in block
    assert f"store: {tmp / 'meetings.sqlite'}" in block and f"meetings (5): {tmp / 'meetings.jsonl'}" in block
    assert f"reports (xml, 5 items): {tmp / 'r.xml'}" in block
    assert "'liqaat/files/seen': 5" in log  # Scrapy's stats stay


def test_summary_and_progress_from_stats():
    stats = {"liqaat/files/seen": 10, "liqaat/files/processed": 7, "liqaat/files/skipped/not_a_document": 2,
             "liqaat/files/skipped/too_large": 1, "item_scraped_count": 7, "liqaat/meetings/reports": 3,
             "liqaat/meetings/found": 4, "liqaat/meetings/not_meeting/preview": 3,
             "liqaat/meetings/not_meeting/no_hammouchi": 1, "liqaat/dedup/new_meetings": 2,
             "liqaat/dedup/merged": 2, "liqaat/store/meetings": 9, "liqaat/dedup/meetings_at_start": 7,
             "log_count/WARNING": 2, "liqaat/dedup/errors": 1, "finish_reason": "finished",
             "elapsed_time_seconds": 75.2}
    settings = Settings({"FEEDS": {"out.csv": {"format": "csv"}}, "MEETINGS_DB": "m.sqlite"})
    s = summary(stats, settings, "seeds", ["WARNING x: one", "ERROR y: two"])
    assert s.splitlines()[0] == "liqaat run summary: seeds finished in 0:01:15"
    assert "10 seen, 7 processed, 3 skipped (not_a_document 2, too_large 1)" in s
    assert "3 with meetings, 4 without (preview 3, no_hammouchi 1)" in s
    assert "4 found in reports: 2 new, 2 merged into known meetings; 9 in the store (7 before)" in s
    assert "reports (csv, 7 items): out.csv" in s and "store: m.sqlite" in s
    assert "  known  " not in s  # nothing was skipped as known
    rerun = summary({**stats, "liqaat/dedup/reports_known": 5}, settings, "seeds")
    assert "  known      5 unchanged since an earlier run: skipped, not in this feed" in rerun
    assert "0 errors, 2 warnings in the log (liqaat/dedup/errors 1); the first 2:" in s
    assert s.endswith("\n             WARNING x: one\n             ERROR y: two")
    line = progress_line({**stats, "liqaat/files/total": 20}, elapsed=5.0)
    assert line == "10/20 documents (50%), 4 meetings so far, 2.0 documents/s, ETA 0:00:05"
    assert progress_line({"response_received_count": 3}, 1.0).startswith("0 documents, 3 pages crawled")


def test_the_first_problems_of_the_log_are_kept():
    import logging

    from crawler.feedback import FirstProblems

    keep = FirstProblems(keep=2)
    log = logging.getLogger("liqaat.test_feedback")
    log.addHandler(keep)
    try:
        log.info("not a problem")
        log.warning("liqaat: could not fetch %s: HTTP %d\nsecond line", "http://x/1", 404)
        log.error("x" * 300)
        log.warning("a third one")
    finally:
        log.removeHandler(keep)
    assert keep.lines[0] == "WARNING liqaat.test_feedback: could not fetch http://x/1: HTTP 404"
    assert len(keep.lines) == 2 and len(keep.lines[1]) == 160 and keep.lines[1].endswith("…")


def test_a_csv_meetings_output_is_the_meetings_csv(tmp_path):
    import asyncio

    from crawler.items import Counterpart, Meeting, Report
    from pipelines.store import StorePipeline
    from tests.test_store_schema import TEXT

    class Stats(dict):
        def set_value(self, k, v):
            self[k] = v

        def inc_value(self, k, n=1):
            self[k] = self.get(k, 0) + n

        def get_value(self, k, default=None):
            return self.get(k, default)

    stats = Stats()
    pipe = StorePipeline(stats, tmp_path / "m.sqlite", tmp_path / "meetings.csv")
    asyncio.run(pipe.open_spider())
    pipe.process_item(Report(url="u1", text=TEXT, published="2025-03-02", meetings=[
        Meeting(date="2025-03-02", counterpart=Counterpart(name="جان دوبون", country="FR"))]))
    pipe.close_spider()
    with open(tmp_path / "meetings.csv", encoding="utf-8", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert (row["counterpart_country"], row["source_urls"]) == ("FR", "u1")
    assert stats["liqaat/dedup/meetings_written"] == 1
