"""The extract pipeline: fills the report from `item.body`, counts what it did, survives errors."""

from __future__ import annotations

from collections import Counter

import pipelines.extract as extract_pipeline
from crawler.items import Report
from pipelines.extract import ExtractPipeline
from tests.conftest import FIXTURES


class Stats:
    def __init__(self):
        self.values = Counter()

    def inc_value(self, key, count=1):
        self.values[key] += count


def run(item):
    stats = Stats()
    return ExtractPipeline(stats).process_item(item), stats.values


def test_table_layout_page_is_counted_by_pass():
    body = (FIXTURES / "extract" / "html" / "table_layout.html").read_text(encoding="utf-8")
    item, stats = run(Report(url="file:///x/table_layout.html", body=body, kind="html"))
    assert item.title.startswith("حموشي يبحث مع مسؤول أمني هولندي") and item.lang == "ar"
    assert stats["liqaat/extract/html"] == stats["liqaat/extract/method/layout"] == 1


def test_dump_fills_title_author_text():
    body = (FIXTURES / "extract" / "dumps" / "fr_dump.txt").read_text(encoding="utf-8")
    item, stats = run(Report(url="file:///x/fr_dump.txt", body=body, kind="text"))
    assert item.author == "Karim Alami" and item.lang == "fr" and item.text
    assert stats["liqaat/extract/method/textdump"] == 1 and stats["liqaat/extract/dropped"] > 0


def test_no_text_is_logged_and_counted(caplog):
    item, stats = run(Report(url="file:///x/menu.txt", body="الرئيسية\nسياسة\n", kind="text"))
    assert item.text == "" and stats["liqaat/extract/empty_text"] == 1
    assert "no main text found in file:///x/menu.txt" in caplog.text


def test_an_extraction_error_is_logged_counted_and_the_item_goes_on(monkeypatch, caplog):
    def boom(*_):
        raise RuntimeError("broken page")

    monkeypatch.setattr(extract_pipeline, "extract_html", boom)
    item, stats = run(Report(url="file:///x/bad.html", body="<html>", kind="html"))
    assert item.url == "file:///x/bad.html" and stats["liqaat/extract/error"] == 1
    assert "extraction failed on file:///x/bad.html" in caplog.text
