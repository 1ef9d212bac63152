"""Archive every fetched page into a WARC file (setting `WARC_PATH`), so extraction can be re-run
later without re-crawling: `scrapy crawl seeds -a path=archive.warc.gz` reads it back.

A downloader middleware placed just after HttpCompressionMiddleware: it sees each response once
decompressed (redirects are followed before it, so it stores final pages, and every attempt of a
retried error). Records are appended (one gzip member each for `.gz`), so cron runs and JOBDIR
resumes grow the same file. Article responses of the outlets spider carry the WARC header
`WARC-Liqaat-Page: article`, with `WARC-Liqaat-Outlet` (the registry's name) and, for a mirror's
copy, `WARC-Liqaat-Via`. Stats: `liqaat/warc/records`, `liqaat/warc/bytes`.
"""

from __future__ import annotations

import io
from http import HTTPStatus
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.warc import ARTICLE_HEADER, SOURCE_HEADERS

# dropped: the body is stored decoded and whole
_HOP = {b"content-encoding", b"transfer-encoding", b"content-length"}


class WarcArchiveMiddleware:
    def __init__(self, path: str, stats):
        self.path = Path(path)
        self.stats = stats
        self.file = None
        self.writer = None

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("WARC_PATH")
        if not path:
            raise NotConfigured  # no message: Scrapy would log a warning on every run
        middleware = cls(path, crawler.stats)
        crawler.signals.connect(middleware.close, signal=signals.spider_closed)
        return middleware

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(self.path, "ab")  # noqa: SIM115 (closed on spider_closed)
        self.writer = WARCWriter(self.file, gzip=self.path.suffix == ".gz")

    def process_response(self, request, response):
        if not response.url.startswith(("http://", "https://")):
            return response
        if self.writer is None:
            self._open()
        headers = [(k.decode("latin-1"), v.decode("latin-1"))
                   for k, values in response.headers.items() if k.lower() not in _HOP
                   for v in values]
        headers.append(("Content-Length", str(len(response.body))))
        try:
            phrase = HTTPStatus(response.status).phrase
        except ValueError:
            phrase = ""
        http = StatusAndHeaders(f"{response.status} {phrase}".strip(), headers, protocol="HTTP/1.1")
        extra = None
        if request.meta.get("liqaat_article"):  # the registry's outlet (and mirror) go with the page
            extra = {ARTICLE_HEADER: "article"}
            extra.update({h: request.meta[k] for k, h in SOURCE_HEADERS.items() if request.meta.get(k)})
        record = self.writer.create_warc_record(response.url, "response",
                                                payload=io.BytesIO(response.body),
                                                length=len(response.body), http_headers=http,
                                                warc_headers_dict=extra)
        self.writer.write_record(record)
        self.file.flush()
        self.stats.inc_value("liqaat/warc/records")
        self.stats.inc_value("liqaat/warc/bytes", len(response.body))
        return response

    def close(self, spider=None) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
            self.writer = None
