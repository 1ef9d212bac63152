"""An outlet on several hosts crawled for real: editions on subdomains (ar., fr.), a mobile host,
a job board under its domain that is not the outlet, Arabic slugs raw and percent-encoded (in
lower and upper case), and two mirrors whose copies belong to the original outlet.

The hosts are served by tests/fixture_site.py's proxy on 127.0.0.1 (`http_proxy`), so the crawl
keeps the real host names and no request leaves the machine.
"""

from __future__ import annotations

import re
import shutil

import pytest

from crawler.outlets.urls import canonical_url
from tests.conftest import crawl, read_jsonl
from tests.fixture_site import OUTLETS, serve_hosts

S501 = "حموشي-يستقبل-مدير-الشرطة-البرتغالية-501.html"
S502 = "حموشي-يتباحث-مع-وفد-أمني-إسباني-502.html"
S503 = "المدير-العام-للأمن-الوطني-يستقبل-سفير-بلجيكا-503.html"
S504 = "حموشي-يستقبل-رئيس-الإنتربول-504.html"
FR = "http://fr.wadi.test/politique/"
# every article of the fixture hosts: its URL -> (outlet, via)
EXPECTED = {
    canonical_url(url): source for url, source in {
        f"http://ar.wadi.test/{S501}": ("wadi", None),
        f"http://ar.wadi.test/{S502}": ("wadi", None),
        f"http://ar.wadi.test/{S503}": ("wadi", None),
        f"http://m.wadi.test/{S504}": ("wadi", None),
        f"{FR}hammouchi-recoit-le-directeur-de-la-police-allemande-601.html": ("wadi", None),
        f"{FR}dgsn-hammouchi-s-entretient-avec-le-directeur-du-fbi-602.html": ("wadi", None),
        "http://copies.test/wadi/7001": ("wadi", "copies"),
        "http://copies.test/fr/wadifr/7003": ("wadi", "copies"),
        f"http://echo.test/news/ar/88-{S502.removesuffix('-502.html')}": ("wadi", "echo"),
    }.items()
}


def stats(proc) -> dict:
    dump = proc.stderr.split("Dumping Scrapy stats:")[-1]
    return {k: float(v) for k, v in re.findall(r"'([^']+)': (\d+(?:\.\d+)?)[,}]", dump)}


@pytest.fixture(scope="module")
def hosts():
    with serve_hosts(OUTLETS / "site-hosts") as site:
        yield site


def run(site, tmp_path, name):
    env = {"http_proxy": site.url, "https_proxy": site.url, "no_proxy": "", "NO_PROXY": ""}
    proc = crawl(tmp_path, "-O", str(tmp_path / f"{name}.jsonl"),
                 "-s", f"OUTLETS_DIR={OUTLETS / 'registry-hosts'}", "-s", "AUTOTHROTTLE_ENABLED=False",
                 spider="outlets", env=env)
    return proc, read_jsonl(tmp_path / f"{name}.jsonl")


@pytest.fixture(scope="module")
def first(hosts, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hosts")
    hosts.requests.clear()
    proc, reports = run(hosts, tmp, "first")
    return tmp, proc, reports, list(hosts.requests)


def test_every_article_on_every_host_once_with_the_registry_outlet(first):
    _, proc, reports, requests = first
    assert sorted(r["url"] for r in reports) == sorted(EXPECTED)
    assert {r["url"]: (r["outlet"], r["via"]) for r in reports} == EXPECTED
    s = stats(proc)
    assert s["downloader/request_count"] == len(requests)  # every request went to the local proxy
    assert (s["liqaat/outlets/fetched/wadi"], s["liqaat/outlets/fetched/copies"],
            s["liqaat/outlets/fetched/echo"]) == (6, 2, 1)
    assert s["liqaat/outlets/mirror/copies"] == 2 and s["liqaat/outlets/mirror/echo"] == 1


def test_what_is_not_an_article_is_not_fetched(first):
    _, _, _, requests = first
    hosts_asked = {host for host, _ in requests}
    assert "jobs.wadi.test" not in hosts_asked  # under wadi.test, but in exclude_hosts
    paths = {path for _, path in requests}
    assert not [p for p in paths if p.startswith(("/tag/", "/ailleurs/"))]  # a tag; a copy of no outlet
    assert "/sections/politique-2.html" not in paths and "/politique/" not in paths
    # the article written three ways in the feed and the listing is asked for once
    assert sum(1 for host, p in requests if host == "ar.wadi.test" and p.endswith("-501.html")) == 1


def test_second_run_knows_every_article_in_any_spelling(hosts, first, tmp_path):
    shutil.copy(first[0] / "meetings.sqlite", tmp_path / "meetings.sqlite")
    hosts.requests.clear()
    proc, reports = run(hosts, tmp_path, "second")
    assert reports == []
    assert stats(proc)["liqaat/outlets/known_skipped"] >= len(EXPECTED)


def test_a_mirror_copy_is_a_republication_by_the_original_outlet(first):
    tmp = first[0]
    meetings = read_jsonl(tmp / "meetings.jsonl")
    copies = {u for u, (_, via) in EXPECTED.items() if via}
    for meeting in meetings:
        assert {s["outlet"] for s in meeting["sources"]} == {"wadi"}  # one outlet, never the mirror
    # each copy merged with its original's report of the same meeting
    merged = [m for m in meetings if {s["url"] for s in m["sources"]} & copies]
    assert len(merged) == 3 and all(len(m["sources"]) == 2 for m in merged)
