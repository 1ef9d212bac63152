"""The outlets spider asks only for http(s) pages: a sitemap on a local site (127.0.0.1) lists
`file://` links carrying the outlet's host name and `ftp://` links to the outlet's host (an FTP
client talking to an HTTP server waits forever); the crawl reads none of them, ends, exits 0."""

from __future__ import annotations

import json
import shutil

from tests.conftest import crawl, read_jsonl
from tests.fixture_site import OUTLETS, serve
from tests.test_outlets_spider import stats

REGISTRY = """name: hostile
domains: [hostile.example]
languages: [ar]
sitemaps: [http://hostile.example/sitemap.xml]
article_patterns: ['/news/\\d+\\.html$', '/etc/hostname$', '/version$']
"""


def test_only_http_links_are_followed(tmp_path):
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    shutil.copy(OUTLETS / "site" / "news" / "101.html", site / "news" / "101.html")
    (site / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    registry = tmp_path / "registry"
    registry.mkdir()
    (registry / "hostile.yaml").write_text(REGISTRY, encoding="utf-8")
    marker = tmp_path / "etc" / "hostname"
    marker.parent.mkdir()
    marker.write_text("حموشي يستقبل local-file-marker\n", encoding="utf-8")
    with serve(site) as web:
        port = web.url.rsplit(":", 1)[1]
        links = ["http://hostile.example/news/101.html",
                 "file://hostile.example/etc/hostname", f"file://hostile.example{marker}",
                 f"file://127.0.0.1:{port}{marker}",
                 f"ftp://127.0.0.1:{port}/news/102.html", "ftp://hostile.example/news/103.html"]
        (site / "sitemap.xml").write_text(
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{u}</loc></url>" for u in links) + "</urlset>", encoding="utf-8")
        out = tmp_path / "r.jsonl"
        proc = crawl(tmp_path, "-O", str(out), "-s", f"OUTLETS_DIR={registry}",
                     "-s", "OUTLETS_HOST_MAP=" + json.dumps({"hostile.example": web.url}),
                     "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_TIMEOUT=5", spider="outlets")
        requested = list(web.requests)
    reports = read_jsonl(out)
    assert [r["url"] for r in reports] == [f"{web.url}/news/101.html"]
    assert "local-file-marker" not in out.read_text(encoding="utf-8")
    assert stats(proc)["liqaat/outlets/scheme_refused"] == 5
    assert "/news/102.html" not in requested
