"""Scrapy's OffsiteMiddleware, telling the spider which requests it dropped.

A redirect to another site is dropped when it is scheduled, where no errback runs; the outlets
spider records such an article URL as a dead end (`offsite_dropped`), so the next run does not
request it again.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware as ScrapyOffsiteMiddleware
from scrapy.exceptions import IgnoreRequest


class OffsiteMiddleware(ScrapyOffsiteMiddleware):
    def process_request(self, request, spider=None):
        try:
            return super().process_request(request)
        except IgnoreRequest:
            hook = getattr(self.crawler.spider, "offsite_dropped", None)
            if hook is not None:
                hook(request)
            raise
