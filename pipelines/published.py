"""`published`, `published_raw`, `published_source` of every report (crawler.dates.publication_date)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from crawler.dates import publication_date
from pipelines.base import StatsPipeline

logger = logging.getLogger(__name__)


class PublishedPipeline(StatsPipeline):
    def process_item(self, item):
        # what the dates reader found on the extraction's parse of the page (ExtractPipeline):
        # saves a second parse; never exported (not a field of the report)
        page = vars(item).pop("_page_date", None)
        try:
            found = publication_date(item.body, item.kind, SimpleNamespace(
                title=item.title, date_candidates=getattr(item, "date_candidates", None) or []), item.url,
                page=page)
        except Exception:  # one bad page never stops a run
            logger.exception("liqaat: publication date failed on %s", item.url)
            self.stats.inc_value("liqaat/dates/published/error")
            return item
        if found is None:
            self.stats.inc_value("liqaat/dates/published/none")
            return item
        item.published, item.published_raw, item.published_source = found.value, found.raw, found.source
        self.stats.inc_value(f"liqaat/dates/published/{found.source}")
        return item
