"""What every item pipeline here shares: the crawl's stats collector, where it counts what it did."""

from __future__ import annotations


class StatsPipeline:
    """A pipeline built from the crawler's stats; subclasses define `process_item(item)`."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)
