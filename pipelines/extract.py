"""Main text and metadata: trafilatura for pages, the text-dump boilerplate step for dumps."""

from __future__ import annotations

import logging

from crawler.extract import extract_html, extract_text_dump

logger = logging.getLogger(__name__)


class ExtractPipeline:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        extracted = extract_html(item.body, item.url) if item.kind == "html" else extract_text_dump(item.body)
        item.title = extracted.title
        item.text = extracted.text
        item.author = extracted.author
        item.outlet = extracted.outlet
        item.lang = extracted.lang
        if not item.text:
            self.stats.inc_value("liqaat/extract/empty_text")
            logger.warning("liqaat: no main text found in %s", item.url)
        self.stats.inc_value(f"liqaat/extract/{item.kind}")
        if item.kind == "html" and extracted.method != "trafilatura":
            self.stats.inc_value(f"liqaat/extract/fallback/{extracted.method}")
            logger.info("liqaat: %s: trafilatura missed the article, read by %s", item.url, extracted.method)
        return item
