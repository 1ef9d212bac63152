"""The outlets spider against a local fixture site on 127.0.0.1."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import crawl, read_jsonl

FIXTURES = Path(__file__).parent / "fixtures" / "outlets"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    handler = functools.partial(_Quiet, directory=str(FIXTURES / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_crawl_keeps_on_domain_allowed_matching_articles(tmp_path, site):
    out = tmp_path / "r.jsonl"
    proc = crawl(tmp_path, "-O", str(out), "-s", f"OUTLETS_DIR={FIXTURES / 'registry'}",
                 "-s", f"OUTLETS_BASE_URL={site}", "-s", "AUTOTHROTTLE_ENABLED=False",
                 spider="outlets")
    urls = sorted(r["url"] for r in read_jsonl(out))
    assert urls == [f"{site}/news/{n}.html" for n in (101, 201, 302)]
    assert "elsewhere.example" not in proc.stderr.split("Dumping Scrapy stats")[0]
    assert "'robotstxt/forbidden': 1" in proc.stderr
    assert "'liqaat/outlets/prefilter/dropped': 2" in proc.stderr
    assert "'liqaat/politeness/crawl_delay': 0.3" in proc.stderr


def test_second_run_fetches_no_known_article(tmp_path, site):
    args = ("-s", f"OUTLETS_DIR={FIXTURES / 'registry'}", "-s", f"OUTLETS_BASE_URL={site}",
            "-s", "AUTOTHROTTLE_ENABLED=False")
    crawl(tmp_path, "-O", str(tmp_path / "1.jsonl"), *args, spider="outlets")
    proc = crawl(tmp_path, "-O", str(tmp_path / "2.jsonl"), *args, spider="outlets")
    assert read_jsonl(tmp_path / "2.jsonl") == []
    assert "'liqaat/outlets/known_skipped': 5" in proc.stderr
    assert "prefilter" not in proc.stderr.split("Dumping Scrapy stats")[-1]


def test_same_report_as_seeds_over_the_same_pages(tmp_path, site):
    out = tmp_path / "o.jsonl"
    crawl(tmp_path, "-O", str(out), "-s", f"OUTLETS_DIR={FIXTURES / 'registry'}",
          "-s", f"OUTLETS_BASE_URL={site}", "-s", "AUTOTHROTTLE_ENABLED=False", spider="outlets")
    crawled = {Path(r["url"]).name: r for r in read_jsonl(out)}
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in crawled:
        (folder / name).write_bytes((FIXTURES / "site" / "news" / name).read_bytes())
    seeds = tmp_path / "s.jsonl"
    crawl(tmp_path / "s", "-a", f"path={folder}", "-O", str(seeds))
    read = {Path(r["url"]).name: r for r in read_jsonl(seeds)}
    assert read.keys() == crawled.keys()
    for name, report in crawled.items():
        assert report["text"]
        for key in ("title", "text"):
            assert report[key] == read[name][key], (name, key)
