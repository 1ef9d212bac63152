"""The generic outlets spider: every registry outlet (or `-a outlet=NAME`), from its sitemaps,
feeds and listing pages, following only article links on the outlet's own domains.

Settings: `OUTLETS_DIR` (registry folder, for tests), `OUTLETS_BASE_URL` (replace each start
URL's scheme and host, e.g. `http://127.0.0.1:8000`, to crawl a local copy).
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

import scrapy
from scrapy.spiders import SitemapSpider
from scrapy.utils.sitemap import Sitemap

from crawler.documents import report_from_response
from crawler.outlets import REGISTRY_DIR, load_registry
from crawler.outlets.prefilter import load_terms, matches
from crawler.outlets.seen import SeenUrls


class OutletsSpider(SitemapSpider):
    name = "outlets"

    async def start(self):
        settings = self.crawler.settings
        registry = load_registry(settings.get("OUTLETS_DIR") or REGISTRY_DIR)
        wanted = getattr(self, "outlet", None)
        if wanted and wanted not in registry:
            raise ValueError(f"unknown outlet {wanted!r}; known: {sorted(registry)}")
        self.outlets = [o for n, o in registry.items() if not wanted or n == wanted]
        self.terms = load_terms()
        self.seen = SeenUrls(settings.get("MEETINGS_DB"))
        base = self.base = settings.get("OUTLETS_BASE_URL")
        self.hosts = {}
        for outlet in self.outlets:
            for domain in outlet.domains:
                self.hosts[domain] = outlet
            if base:
                self.hosts[urlsplit(base).netloc] = outlet
            meta = {"outlet": outlet.name}
            for url in outlet.sitemaps:
                yield scrapy.Request(self._rebase(url, base), self._parse_sitemap, meta=meta)
            for url in outlet.feeds:
                yield scrapy.Request(self._rebase(url, base), self.parse_feed, meta=meta)
            for listing in outlet.listings:
                yield scrapy.Request(self._rebase(listing.url, base), self.parse_listing,
                                     meta={**meta, "page": 1, "max_pages": listing.max_pages,
                                           "next": listing.next_selector})

    @staticmethod
    def _rebase(url: str, base: str | None) -> str:
        if not base:
            return url
        b, u = urlsplit(base), urlsplit(url)
        return urlunsplit((b.scheme, b.netloc, u.path, u.query, ""))

    def _outlet(self, url: str):
        return self.hosts.get(urlsplit(url).netloc)

    def _article(self, url: str, meta: dict):
        outlet = self._outlet(url)
        if outlet is not None and self.base and urlsplit(url).netloc in outlet.domains:
            url = self._rebase(url, self.base)  # a local copy's links to the real host
        if outlet is None:
            self.crawler.stats.inc_value("liqaat/outlets/offsite_skipped")
            return None
        if not outlet.is_article(url):
            return None
        if url in self.seen:
            self.crawler.stats.inc_value("liqaat/outlets/known_skipped")
            return None
        return scrapy.Request(url, self.parse_article, meta={"outlet": outlet.name})

    def _parse_sitemap(self, response):
        # SitemapSpider handles indexes, robots.txt and gzip; we route every URL ourselves.
        body = self._get_sitemap_body(response)
        if body is None:
            self.crawler.stats.inc_value("liqaat/outlets/bad_sitemap")
            return
        sitemap = Sitemap(body)
        for entry in sitemap:
            url = urljoin(response.url, entry["loc"])
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(url, self._parse_sitemap, meta=response.meta)
            elif (request := self._article(url, response.meta)) is not None:
                yield request

    def parse_feed(self, response):
        response.selector.remove_namespaces()
        for link in response.xpath("//item/link/text() | //entry/link/@href").getall():
            if (request := self._article(urljoin(response.url, link.strip()), response.meta)):
                yield request

    def parse_listing(self, response):
        for href in response.css("a::attr(href)").getall():
            if (request := self._article(response.urljoin(href), response.meta)):
                yield request
        meta = response.meta
        if meta.get("next") and meta["page"] < meta["max_pages"]:
            nxt = response.css(meta["next"]).get()
            if nxt and self._outlet(response.urljoin(nxt)):
                yield scrapy.Request(response.urljoin(nxt), self.parse_listing,
                                     meta={**meta, "page": meta["page"] + 1})

    def parse_article(self, response):
        stats = self.crawler.stats
        self.seen.add(response.url, response.meta.get("outlet", ""))
        title = response.css("title::text").get() if hasattr(response, "css") else None
        text = response.text if hasattr(response, "text") else None
        if not matches(self.terms, response.url, title, text):
            stats.inc_value("liqaat/outlets/prefilter/dropped")
            return None
        stats.inc_value("liqaat/outlets/prefilter/passed")
        return report_from_response(response, stats, self.logger,
                                    self.crawler.settings.getint("LIQAAT_MAX_DOCUMENT_BYTES"))

    def closed(self, reason):
        if hasattr(self, "seen"):
            self.seen.close()
