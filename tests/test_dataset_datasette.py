"""Datasette for real: `scrapy datasette` serves a store on a free 127.0.0.1 port; the tables,
views and canned queries answer over HTTP, with every visible column described."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from crawler.dataset import metadata, undocumented
from crawler.items import Counterpart, Location, Meeting, Report
from crawler.store import MeetingStore
from tests.conftest import ROOT, SCRAPY

TEXT = ("استقبل المدير العام للأمن الوطني عبد اللطيف حموشي مدير الشرطة الفيدرالية البلجيكية، "
        "وتناول اللقاء تعزيز التعاون للشرطة في مكافحة الإرهاب.")


def make_store(path):
    s = MeetingStore(path)
    s.add(Report(url="https://a.example/1", title="لقاء أمني", text=TEXT, published="2024-05-02",
                 outlet="منبر أ",
                 meetings=[Meeting(date="2024-05-02", date_resolution="explicit", date_raw="2 ماي 2024",
                                   counterpart=Counterpart(name="يان فان دام", name_latin="Jan Van Dam",
                                                           country="BE", agency="الشرطة الفيدرالية"),
                                   location=Location(city="Rabat", country="MA"), topics=["terrorism"],
                                   evidence={"sentence": TEXT})]))
    s.add(Report(url="https://b.example/2", title="حموشي في مدريد", text="أجرى حموشي بمدريد مباحثات.",
                 published="2025-06-10", outlet="منبر ب",
                 meetings=[Meeting(date="2025-06-09",
                                   counterpart=Counterpart(name="إلينا رويث", country="ES"),
                                   location=Location(city="Madrid", country="ES"), hammouchi_abroad=True)]))
    s.close()
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = make_store(tmp_path_factory.mktemp("ds") / "meetings.sqlite")
    port = free_port()
    proc = subprocess.Popen([str(SCRAPY), "datasette", str(db), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(proc.stdout.read()) from None
                time.sleep(0.5)
        else:
            raise AssertionError("Datasette did not answer in 60 s")
        yield base, db
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def get(base, path, **params):
    url = base + path + ("?" + urllib.parse.urlencode({**params, "_shape": "array"}) if path.endswith(".json")
                         else "")
    with urllib.request.urlopen(url, timeout=30) as r:
        body = r.read().decode("utf-8")
    return json.loads(body) if path.endswith(".json") else body


def test_every_visible_column_is_described(tmp_path):
    db = make_store(tmp_path / "m.sqlite")
    assert undocumented(db) == {}
    meta = metadata("m", db)
    assert meta["license"] and meta["source"] and meta["title"]
    tables = meta["databases"]["m"]["tables"]
    assert tables["meetings_flat"]["columns"]["counterpart_name"].startswith("The person's name")
    assert tables["report_signatures"]["hidden"] and tables["reports_fts"]["hidden"]


def test_datasette_serves_views_and_canned_queries(server):
    base, _ = server
    (m, _) = get(base, "/meetings/meetings_flat.json", _sort="date")
    assert (m["counterpart_country"], m["year"], m["topics"]) == ("BE", "2024", "terrorism")
    assert m["outlets"] == "منبر أ"
    assert get(base, "/meetings/meetings_by_country_and_year.json", country="") == [
        {"country": "BE", "year": "2024", "meetings": 1}, {"country": "ES", "year": "2025", "meetings": 1}]
    assert [r["location_city"] for r in get(base, "/meetings/hammouchi_abroad.json")] == ["Madrid"]
    # a counterpart by a folded name: alef with hamza or without
    def countries(query, **params):
        return [r["counterpart_country"] for r in get(base, f"/meetings/{query}.json", **params)]

    assert countries("counterpart_meetings", name="الينا") == ["ES"]
    assert countries("counterpart_meetings", name="van dam") == ["BE"]
    # full-text search with the fold: الشرطة finds للشرطة and الفيدرالية
    assert [r["url"] for r in get(base, "/meetings/search_reports.json", q="الشرطة")] \
        == ["https://a.example/1"]
    assert countries("search_meetings", q="madrid") == ["ES"]
    (s,) = get(base, "/meetings/meeting_sources.json", meeting_id=m["meeting_id"])
    assert s["sentence"] == TEXT and s["outlet"] == "منبر أ"


def test_pages_show_titles_and_descriptions_and_hide_internals(server):
    base, _ = server
    home = get(base, "/meetings")
    assert "meetings_flat" in home and "Hammouchi abroad" in home and "A counterpart&#39;s meetings" in home
    assert "report_signatures" not in home and "hidden tables" in home
    page = get(base, "/meetings/meetings_flat")
    assert "Meetings, one row each" in page and "One row per deduplicated meeting" in page
    assert "<dt>counterpart_name</dt><dd>The person" in page
    assert "CC BY 4.0" in get(base, "/")
