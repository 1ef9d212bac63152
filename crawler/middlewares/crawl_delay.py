"""Apply robots.txt `Crawl-delay`, which Scrapy's RobotsTxtMiddleware parses but never applies.

Reads each host's robots.txt response as it passes (protego parses it, as Scrapy does) and keeps
that host's download slot delay at least the crawl delay, on every request, so AutoThrottle
never lowers it below. Stats: `liqaat/politeness/crawl_delay` (the largest delay applied).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from protego import Protego


class CrawlDelayMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler
        self.user_agent = crawler.settings.get("USER_AGENT")
        self.delays: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def _apply(self, request) -> None:
        delay = self.delays.get(urlsplit(request.url).netloc)
        if not delay:
            return
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is not None and slot.delay < delay:
            slot.delay = delay

    def process_request(self, request):
        self._apply(request)

    def process_response(self, request, response):
        if urlsplit(request.url).path == "/robots.txt" and response.status == 200:
            try:
                delay = Protego.parse(response.text).crawl_delay(self.user_agent)
            except (AttributeError, ValueError, UnicodeDecodeError):
                delay = None
            if delay:
                self.delays[urlsplit(request.url).netloc] = float(delay)
                stats = self.crawler.stats
                stats.max_value("liqaat/politeness/crawl_delay", float(delay))
                self._apply(request)
        return response
