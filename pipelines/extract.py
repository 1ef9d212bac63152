"""Main text and metadata: trafilatura for pages, the text-dump boilerplate step for dumps."""

from __future__ import annotations

import logging

from scrapy.exceptions import DropItem

from crawler.budget import ParseTimeout, parse_budget
from crawler.extract import extract_text_dump
from pipelines.base import StatsPipeline

logger = logging.getLogger(__name__)


def extract_html(html: str, url: str | None = None):
    """`crawler.extract.extract_html`, imported at the first page: it imports trafilatura, a
    sixth of the start-up, which a run over text dumps never needs."""
    from crawler.extract.html import extract_html as extract

    return extract(html, url)


class ExtractPipeline(StatsPipeline):
    """Fills `title`, `text`, `author`, `outlet`, `lang` from `item.body`.

    Stats: `liqaat/extract/{html,text}` per document kind; `liqaat/extract/method/<m>` for how
    the text was found (`precision`, `recall`, `baseline`, `textdump`); `liqaat/extract/dropped`
    boilerplate blocks removed (read-also links, teasers, menus); `liqaat/extract/empty_text`
    and `liqaat/extract/error` for documents left without text. A document whose parse takes
    more than LIQAAT_MAX_PARSE_SECONDS is dropped, one warning line, counted as a skipped file
    (`liqaat/files/skipped/parse_timeout`, no longer `processed`).
    """

    def __init__(self, stats, max_seconds: float = 0):
        super().__init__(stats)
        self.max_seconds = max_seconds

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, crawler.settings.getfloat("LIQAAT_MAX_PARSE_SECONDS", 0))

    def process_item(self, item):
        self.stats.inc_value(f"liqaat/extract/{item.kind}")
        try:
            with parse_budget(self.max_seconds):
                if item.kind == "html":
                    extracted = extract_html(item.body, item.url)
                else:
                    extracted = extract_text_dump(item.body)
        except ParseTimeout as timeout:
            self.stats.inc_value("liqaat/files/processed", -1)
            self.stats.inc_value("liqaat/files/skipped/parse_timeout")
            logger.warning("liqaat: skipped %s: %s", item.url, timeout)
            raise DropItem(f"skipped: {timeout}") from None
        except Exception:  # one bad page never stops a run
            logger.exception("liqaat: extraction failed on %s", item.url)
            self.stats.inc_value("liqaat/extract/error")
            return item
        item.title = extracted.title
        item.text = extracted.text
        item.author = extracted.author
        item.outlet = item.outlet or extracted.outlet  # the outlets spider sets the registry's name
        item.lang = extracted.lang
        if extracted.page_date is not None:  # for PublishedPipeline, which takes it off the item
            item._page_date = extracted.page_date
        self.stats.inc_value(f"liqaat/extract/method/{extracted.method}")
        if extracted.dropped:
            self.stats.inc_value("liqaat/extract/dropped", extracted.dropped)
        if extracted.method in ("recall", "baseline"):
            logger.info("liqaat: %s: the precise pass found no body; text from the %s pass",
                        item.url, extracted.method)
        if not item.text:
            self.stats.inc_value("liqaat/extract/empty_text")
            logger.warning("liqaat: no main text found in %s", item.url)
        return item
