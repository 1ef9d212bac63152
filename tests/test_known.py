"""Known documents skip the heavy pipelines (pipelines/known.py): a second crawl over the same
documents and store drops every one of them before extraction and leaves the store as it was; a
changed document is read again; LIQAAT_SKIP_KNOWN=False reads everything again."""

from __future__ import annotations

import re
import shutil

from crawler.items import Report
from crawler.store import MeetingStore
from crawler.store.known import is_known, read_digest
from tests.conftest import FIXTURES, crawl, read_jsonl

CORPUS = FIXTURES / "dedup" / "corpus"


def stats(proc) -> dict[str, int]:
    dump = proc.stderr.split("Dumping Scrapy stats:")[-1]
    return {k: int(v) for k, v in re.findall(r"'([^']+)': (\d+)[,}]", dump)}


def run(tmp_path, folder, *args):
    proc = crawl(tmp_path, "-a", f"path={folder}", "-O", str(tmp_path / "reports.jsonl"),
                 "-s", "LOG_LEVEL=INFO", *args)
    return stats(proc), read_jsonl(tmp_path / "reports.jsonl"), read_jsonl(tmp_path / "meetings.jsonl")


def test_second_run_drops_known_documents_before_extraction(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    n = len(list(docs.rglob("*.txt")))
    first, reports, meetings = run(tmp_path, docs)
    assert first["liqaat/dedup/reports_new"] == n and len(reports) == n

    second, reports2, meetings2 = run(tmp_path, docs)
    assert second["liqaat/dedup/reports_known"] == n
    assert "liqaat/extract/text" not in second and reports2 == []  # dropped before extraction
    assert meetings2 == meetings

    changed = sorted(docs.rglob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nفقرة مضافة في آخر الخبر.\n", encoding="utf-8")
    third, reports3, _ = run(tmp_path, docs)
    assert third["liqaat/dedup/reports_known"] == n - 1 and third["liqaat/extract/text"] == 1
    assert [r["url"] for r in reports3] == [changed.resolve().as_uri()]

    every, reports4, _ = run(tmp_path, docs, "-s", "LIQAAT_SKIP_KNOWN=False")
    assert every["liqaat/extract/text"] == n and len(reports4) == n


def test_known_means_same_url_identity_content_and_code(tmp_path):
    store = MeetingStore(tmp_path / "m.sqlite")
    try:
        body = "نص الخبر كما قرئ من الملف."
        store.add(Report(url="file:///data/a.txt", body=body, text=body))
        key = "file:a.txt#" + read_digest(body).split("-")[0]
        assert is_known(store.db, "file:///data/a.txt", key, read_digest(body))
        assert not is_known(store.db, "file:///data/a.txt", key, read_digest(body + " تغيير"))
        assert not is_known(store.db, "file:///elsewhere/a.txt", key, read_digest(body))
        code_changed = read_digest(body).split("-")[0] + "-0000000000000000"
        assert not is_known(store.db, "file:///data/a.txt", key, code_changed)
    finally:
        store.close()
