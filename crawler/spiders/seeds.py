"""`scrapy crawl seeds [-a path=DIR]`: every .txt/.html/.htm file under DIR, in sorted order, and
the pages archived in every .warc/.warc.gz file there (or `-a path=archive.warc.gz`): a crawl's
WARC_PATH archive read back gives the crawl's reports again without re-crawling."""

from __future__ import annotations

import os
from pathlib import Path

import scrapy
from scrapy.exceptions import CloseSpider

from crawler.documents import DOCUMENT_SUFFIXES, report_from_response
from crawler.files import walk
from crawler.warc import is_warc, warc_responses

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "seeds"


class SeedsSpider(scrapy.Spider):
    name = "seeds"
    arguments = {"path": "a folder (read recursively, in sorted order), a file, or a WARC archive "
                         "(.warc, .warc.gz); default: the project's seeds/ folder"}
    custom_settings = {"ROBOTSTXT_OBEY": False, "AUTOTHROTTLE_ENABLED": False}

    @classmethod
    def update_settings(cls, settings):
        """Files and WARC archives only: no http(s) download handler and nothing that imports
        one (Twisted's web client and TLS stack, from the handler and from the retry middleware's
        list of exceptions), no cookies middleware (its tldextract): a tenth of the start-up that
        nothing read from disk uses (docs/benchmarks.md, "Issue 15")."""
        super().update_settings(settings)
        settings.set("DOWNLOAD_HANDLERS", {**settings.getdict("DOWNLOAD_HANDLERS"),
                                           "http": None, "https": None}, priority="spider")
        settings.set("DOWNLOADER_MIDDLEWARES_BASE",
                     {k: v for k, v in settings.getdict("DOWNLOADER_MIDDLEWARES_BASE").items()
                      if not k.endswith(".CookiesMiddleware")}, priority="spider")
        settings.set("RETRY_EXCEPTIONS", [e for e in settings.getlist("RETRY_EXCEPTIONS")
                                          if not (isinstance(e, str) and ".handlers.http" in e)],
                     priority="spider")

    def __init__(self, path: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.path = Path(path) if path else DEFAULT_PATH

    async def start(self):
        stats = self.crawler.stats
        if not self.path.exists():
            self.logger.error("liqaat: path %s does not exist; nothing to read", self.path)
            raise CloseSpider("path_not_found")
        # every file under the folder, no link followed out of it (crawler/files)
        root = self.path if self.path.is_dir() else self.path.parent
        files = list(walk(self.path, stats, self.logger)) if self.path.is_dir() else [self.path]
        max_bytes = self.settings.getint("LIQAAT_MAX_DOCUMENT_BYTES")
        if not any(is_warc(p) for p in files):  # a WARC's pages are known only once it is read
            # the files listed, and those the listing skipped (links out, loops: already seen)
            stats.set_value("liqaat/files/total", len(files) + stats.get_value("liqaat/files/seen", 0))
        documents = 0
        for p in files:
            if is_warc(p) and p.is_file():  # each archived page counts as a file seen
                for response in warc_responses(p, stats, self.logger, max_bytes):
                    stats.inc_value("liqaat/files/seen")
                    documents += 1
                    if (report := self.parse(response)) is not None:
                        yield report
                continue
            # Every file is seen once and ends processed or skipped/<reason>, so the stats
            # account for all of them: seen == processed + the sum of skipped/*.
            stats.inc_value("liqaat/files/seen")
            if p.suffix.lower() not in DOCUMENT_SUFFIXES:
                stats.inc_value("liqaat/files/skipped/not_a_document")
                self.logger.debug("liqaat: skipped %s: not a .txt/.html/.htm file", p)
                continue
            if not p.is_file():
                stats.inc_value("liqaat/files/skipped/broken_link")
                self.logger.warning("liqaat: skipped %s: broken link or not a regular file", p)
                continue
            documents += 1
            url = Path(os.path.abspath(p)).as_uri()
            yield scrapy.Request(url, callback=self.parse, errback=self.on_error,
                                 meta={"liqaat_path": str(p), "liqaat_root": str(root)},
                                 dont_filter=True)
        if not documents:
            self.logger.error("liqaat: no .txt/.html/.htm document under %s", self.path)
            raise CloseSpider("no_documents")

    def parse(self, response):
        report = report_from_response(response, self.crawler.stats, self.logger,
                                      self.settings.getint("LIQAAT_MAX_DOCUMENT_BYTES"),
                                      self.settings.getint("LIQAAT_MAX_ATTRIBUTES"))
        if report is not None and response.meta.get("liqaat_outlet"):  # an outlets crawl's archive
            report.outlet, report.via = response.meta["liqaat_outlet"], response.meta.get("liqaat_via")
        return report

    def on_error(self, failure):
        path = failure.request.meta.get("liqaat_path", failure.request.url)
        self.crawler.stats.inc_value("liqaat/files/skipped/unreadable")
        self.logger.error("liqaat: skipped %s: %s", path, failure.getErrorMessage())
