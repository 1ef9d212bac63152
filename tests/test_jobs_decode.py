"""Damaged and mislabelled documents through real `scrapy crawl seeds` runs: a page declaring
windows-1256 that sends UTF-8 (and the reverse) keeps its meeting; a damaged copy (U+FFFD) of a
report never gives the merged meeting its garbled name or title."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from crawler.dedup.fields import merge_fields
from tests.conftest import FIXTURES, crawl, read_jsonl
from tests.test_store import PIPELINES

CORPUS = FIXTURES / "store" / "corpus"
REPORT = CORPUS / "01_outlet-a_portugal.txt"


def page(text: str, charset: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    return (f'<html><head><meta charset="{charset}"><title>{text.splitlines()[0]}</title></head>'
            f"<body><article>{paragraphs}</article></body></html>")


def test_a_page_whose_declared_charset_is_wrong_keeps_its_meeting(tmp_path):
    text = REPORT.read_text(encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "right.html").write_bytes(page(text, "utf-8").encode("utf-8"))
    (docs / "says-1256-sends-utf8.html").write_bytes(page(text, "windows-1256").encode("utf-8"))
    (docs / "says-utf8-sends-1256.html").write_bytes(page(text, "utf-8").encode("cp1256"))
    out = tmp_path / "r.jsonl"
    proc = crawl(tmp_path, "-a", f"path={docs}", "-O", str(out))
    reports = {Path(r["url"]).name: r for r in read_jsonl(out)}
    assert reports["right.html"]["is_meeting_report"], "the fixture is a meeting report"
    for name in ("says-1256-sends-utf8.html", "says-utf8-sends-1256.html"):
        assert reports[name]["is_meeting_report"], name
        assert reports[name]["text"] == reports["right.html"]["text"], name
        assert [m["counterpart"] for m in reports[name]["meetings"]] == \
            [m["counterpart"] for m in reports["right.html"]["meetings"]]
    assert reports["says-utf8-sends-1256.html"]["encoding"] == "cp1256"
    assert reports["says-1256-sends-utf8.html"]["encoding"] == "utf-8"
    assert "'liqaat/files/charset_corrected': 2" in proc.stderr


def test_a_damaged_copy_never_wins_longest_wins():
    whole = {"counterpart": {"name": "جواو مانويل ترافاسوس", "title": "المدير الوطني للشرطة القضائية"}}
    damaged = {"counterpart": {"name": "جواو مانويل ترافاسوس \ufffd\ufffd\ufffd",
                               "title": "المدير الوطني للشرطة القضائية البرت\ufffd\ufffdالية"}}
    for accounts in ([whole, damaged], [damaged, whole]):
        cp = merge_fields(accounts)["counterpart"]
        assert cp["name"] == whole["counterpart"]["name"]
        assert cp["title"] == whole["counterpart"]["title"]
    assert merge_fields([damaged])["counterpart"]["name"] == damaged["counterpart"]["name"]  # all we have


def test_a_damaged_copy_in_a_crawl_does_not_garble_the_merged_meeting(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for stem in ("01_outlet-a_portugal", "02_outlet-b_portugal"):
        shutil.copy(CORPUS / f"{stem}.txt", docs / f"{stem}.txt")
        shutil.copy(CORPUS / f"{stem}.meetings.json", docs / f"{stem}.meetings.json")
    side = docs / "02_outlet-b_portugal.meetings.json"
    meetings = json.loads(side.read_text(encoding="utf-8"))
    whole = json.loads((docs / "01_outlet-a_portugal.meetings.json").read_text(encoding="utf-8"))
    meetings[0]["counterpart"]["name"] = (whole[0]["counterpart"].get("name") or "x") + " \ufffd\ufffd\ufffd"
    side.write_text(json.dumps(meetings, ensure_ascii=False), encoding="utf-8")
    crawl(tmp_path, "-a", f"path={docs}", "-O", str(tmp_path / "r.jsonl"),
          "-s", f"ITEM_PIPELINES={PIPELINES}")
    (meeting,) = read_jsonl(tmp_path / "meetings.jsonl")
    assert len(meeting["sources"]) == 2
    assert "\ufffd" not in json.dumps(meeting, ensure_ascii=False)
