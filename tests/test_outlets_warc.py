"""The seeds spider reading WARC archives: damaged ones, and ones written by other tools.
(A crawl's own archive read back: tests/test_outlets_spider.py.)"""

from pathlib import Path

from tests.conftest import crawl, read_jsonl


def test_damaged_archive_is_logged_and_counted(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.warc.gz").write_bytes(b"not a warc at all")
    (folder / "ok.html").write_text("<html><body><p>نص قصير</p></body></html>", encoding="utf-8")
    proc = crawl(tmp_path, "-a", f"path={folder}", "-O", str(tmp_path / "r.jsonl"))
    reports = read_jsonl(tmp_path / "r.jsonl")
    assert [Path(r["url"]).name for r in reports] == ["ok.html"]
    assert "'liqaat/files/skipped/bad_warc': 1" in proc.stderr
    assert "not a readable WARC archive" in proc.stderr


class _Stats:
    def __init__(self):
        self.values = {}

    def inc_value(self, key, n=1):
        self.values[key] = self.values.get(key, 0) + n


def test_archive_from_another_tool_gives_its_html_and_text_pages(tmp_path):
    import io
    import logging

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from crawler.warc import warc_responses

    path = tmp_path / "other.warc"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for url, status, ctype in [("https://a.ma/1.html", "200 OK", "text/html; charset=windows-1256"),
                                   ("https://a.ma/sitemap.xml", "200 OK", "application/xml"),
                                   ("https://a.ma/gone.html", "404 Not Found", "text/html"),
                                   ("https://a.ma/2.txt", "200 OK", "text/plain"),
                                   ("https://A.ma/%d8%a3%d9%85%d9%86-3.html", "200 OK", "text/html")]:
            body = "<p>حموشي</p>".encode("cp1256")
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          length=len(body), http_headers=http))
    stats = _Stats()
    responses = list(warc_responses(path, stats, logging.getLogger("test")))
    # URLs in their one canonical form (as the crawl's reports and the store have them)
    assert [r.url for r in responses] == ["https://a.ma/1.html", "https://a.ma/2.txt",
                                          "https://a.ma/%D8%A3%D9%85%D9%86-3.html"]
    assert responses[0].text == "<p>حموشي</p>"  # the archived charset header is kept
    assert stats.values == {"liqaat/warc/read": 3, "liqaat/warc/skipped": 2}
