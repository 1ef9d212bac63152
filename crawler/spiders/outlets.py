"""The generic outlets spider: every registry outlet (or `-a outlet=NAME`), from its sitemaps,
feeds and listing pages, following only article links on the outlet's own domains.

Settings: `OUTLETS_DIR` (registry folder, for tests), `OUTLETS_BASE_URL` (replace each start
URL's scheme and host, e.g. `http://127.0.0.1:8000`, to crawl a local copy), `OUTLETS_HOST_MAP`
(the same per domain, a dict or JSON `{"hespress.com": "http://127.0.0.1:8001"}`),
`OUTLETS_LASTMOD` (default True: skip sitemap entries whose `lastmod` is older than the start of
the outlet's last finished run), `OUTLETS_SINCE` (a date, `2015-02-01`: skip sitemap entries
dated before it, e.g. on a first run).
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.spiders import SitemapSpider
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.python.failure import Failure

from crawler.documents import report_from_response
from crawler.outlets import REGISTRY_DIR, Classified, load_registry
from crawler.outlets.prefilter import load_terms, matches, raw_title, title_needed
from crawler.outlets.seen import SeenUrls
from crawler.outlets.sitemaps import parse_since, parse_sitemap
from crawler.outlets.urls import canonical_url, host_in, hostname


def _rebase(url: str, base: str | None) -> str:
    if not base:
        return url
    b, u = urlsplit(base), urlsplit(url)
    return urlunsplit((b.scheme, b.netloc, u.path, u.query, ""))


class OutletsSpider(SitemapSpider):
    name = "outlets"
    # a web crawl of hundreds of pages: load trafilatura, the language model and the vocabularies
    # before it opens (crawler/warm.py)
    custom_settings = {"LIQAAT_WARM_UP": True}
    arguments = {"outlet": "crawl only this outlet of the registry (crawler/outlets/registry/); "
                           "default: every outlet"}
    setting_docs = {
        "OUTLETS_DIR": "the registry folder (default: crawler/outlets/registry/; for tests)",
        "OUTLETS_BASE_URL": "replace each start URL's scheme and host, e.g. http://127.0.0.1:8000, "
                            "to crawl a local copy (default: none)",
        "OUTLETS_HOST_MAP": 'the same per domain, JSON: {"hespress.com": "http://127.0.0.1:8001"} '
                            "(default: none)",
        "OUTLETS_LASTMOD": "skip sitemap entries whose lastmod is older than the start of the outlet's "
                           "last finished run (default: True)",
        "OUTLETS_SINCE": "skip sitemap entries dated before this date, e.g. 2015-02-01 (default: none)",
    }

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._setup(crawler.settings)
        return spider

    def _setup(self, settings) -> None:
        self.registry = load_registry(settings.get("OUTLETS_DIR") or REGISTRY_DIR)
        wanted = getattr(self, "outlet", None)
        if wanted and wanted not in self.registry:
            raise ValueError(f"unknown outlet {wanted!r}; known: {sorted(self.registry)}")
        self.outlets = [o for n, o in self.registry.items() if not wanted or n == wanted]
        self.names = {o.name for o in self.outlets}
        base = settings.get("OUTLETS_BASE_URL")
        host_map = settings.getdict("OUTLETS_HOST_MAP")
        # domain -> local base URL (only when crawling a local copy); local netloc -> domain
        self.local = {d: host_map.get(d, base) for o in self.outlets for d in o.domains
                      if host_map.get(d, base)}
        self.real = {}
        for domain, local in self.local.items():
            self.real.setdefault(urlsplit(local).netloc, domain)
        # OffsiteMiddleware's safety net, for redirects too: host names without ports (it lets
        # their subdomains through; the registry's host rules decide on links)
        self.allowed_domains = sorted({d for o in self.outlets for d in o.domains}
                                      | {urlsplit(u).hostname for u in self.local.values()})

    async def start(self):
        settings = self.crawler.settings
        self.terms = load_terms()
        self.seen = SeenUrls(settings.get("MEETINGS_DB"))
        self._unexported: dict[str, tuple] = {}
        # connected here, after the feed exporter: a URL is marked seen once its report is in
        # the store and in the feed (crawler/jobs.py: resume after a kill)
        self.crawler.signals.connect(self._exported, signal=signals.item_scraped)
        self.crawler.signals.connect(self._dropped, signal=signals.item_dropped)
        # kept in spider.state, so a run resumed from JOBDIR keeps its first start time
        state = getattr(self, "state", {})
        self.started_at = datetime.fromisoformat(
            state.setdefault("started_at", datetime.now(UTC).isoformat(timespec="seconds")))
        use_lastmod = settings.getbool("OUTLETS_LASTMOD", True)
        floor = parse_since(settings.get("OUTLETS_SINCE"))
        self.since = {}
        for outlet in self.outlets:
            last = self.seen.last_run(outlet.name) if use_lastmod else None
            self.since[outlet.name] = max((d for d in (last, floor) if d), default=None)
        for outlet in self.outlets:
            meta = {"outlet": outlet.name}
            for url in outlet.sitemaps:
                yield self._request(url, self._parse_sitemap, meta)
            for url in outlet.feeds:
                yield self._request(url, self.parse_feed, meta)
            for listing in outlet.listings:
                yield self._request(listing.url, self.parse_listing,
                                    {**meta, "page": 1, "max_pages": listing.max_pages,
                                     "next": listing.next_selector,
                                     "template": listing.page_template})

    def _local_base(self, url: str) -> str | None:
        host = hostname(url)  # the most specific domain: fr.fixture.example before fixture.example
        domains = [d for d in self.local if host_in(host, d)]
        return self.local[max(domains, key=len)] if domains else None

    def _request(self, url: str, callback, meta: dict) -> scrapy.Request:
        if urlsplit(url).scheme not in ("http", "https"):  # a registry entry's start URL
            raise ValueError(f"liqaat: {url}: only http(s) start URLs are crawled")
        return scrapy.Request(_rebase(url, self._local_base(url)), callback, meta=meta,
                              errback=self.on_error)

    def _classify(self, url: str) -> Classified | None:
        """What the registry says of `url` (a local copy's URL as its real host's), or None when
        it is not on the hosts of the outlets crawled, or not http(s): `file://HOST/etc/hostname`
        carries the outlet's host name and must never be read."""
        if urlsplit(url).scheme not in ("http", "https"):
            return None
        real = self.real.get(urlsplit(url).netloc)
        found = self.registry.classify(_rebase(url, f"http://{real}") if real else url)
        return found if found.entry in self.names else None

    def _outlet(self, url: str):
        found = self._classify(url)
        return None if found is None else self.registry[found.entry]

    def _article(self, url: str, meta: dict):
        found = self._classify(url)
        if found is None:
            if urlsplit(url).scheme not in ("http", "https"):
                self.crawler.stats.inc_value("liqaat/outlets/scheme_refused")
                self.logger.debug("liqaat: refused %s: only http(s) links are followed", url)
            else:
                self.crawler.stats.inc_value("liqaat/outlets/offsite_skipped")
            return None
        if not found.article:
            return None
        url = canonical_url(_rebase(url, self._local_base(url)))  # a local copy's real links
        if url in self.seen:
            self.crawler.stats.inc_value("liqaat/outlets/known_skipped")
            return None
        return scrapy.Request(url, self.parse_article, errback=self.on_error,
                              meta={"outlet": found.outlet, "entry": found.entry, "via": found.via,
                                    "liqaat_article": True})

    def _parse_sitemap(self, response):
        # SitemapSpider's body reader handles gzip and size limits; entries and lastmod are ours.
        stats = self.crawler.stats
        if urlsplit(response.url).path.endswith("/robots.txt"):  # its `Sitemap:` lines
            for url in sitemap_urls_from_robots(response.text, base_url=response.url):
                if self._outlet(url) is not None:
                    yield self._request(url, self._parse_sitemap, {"outlet": response.meta["outlet"]})
            return
        body = self._get_sitemap_body(response)
        kind, entries = parse_sitemap(body) if body is not None else ("", [])
        if kind not in ("sitemapindex", "urlset"):
            stats.inc_value("liqaat/outlets/bad_sitemap")
            self.logger.warning("liqaat: %s is not a sitemap; skipped", response.url)
            return
        since = self.since.get(response.meta.get("outlet"))
        for entry in entries:
            if since and entry.lastmod and entry.lastmod < since:
                stats.inc_value("liqaat/outlets/sitemap/not_modified")
                continue
            url = urljoin(response.url, entry.loc)
            if kind == "sitemapindex":
                if self._outlet(url) is None:
                    stats.inc_value("liqaat/outlets/offsite_skipped")
                    continue
                yield self._request(url, self._parse_sitemap, {"outlet": response.meta["outlet"]})
            elif (request := self._article(url, response.meta)) is not None:
                yield request

    def parse_feed(self, response):
        response.selector.remove_namespaces()
        for link in response.xpath("//item/link/text() | //entry/link/@href").getall():
            if (request := self._article(urljoin(response.url, link.strip()), response.meta)):
                yield request

    def parse_listing(self, response):
        found = 0
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            classified = self._classify(url)
            found += classified is not None and classified.article
            if (request := self._article(url, response.meta)):
                yield request
        meta = response.meta
        if meta["page"] >= meta["max_pages"]:
            return
        nxt = None
        if meta.get("next"):
            nxt = response.css(meta["next"]).get()
            nxt = response.urljoin(nxt) if nxt else None
        elif meta.get("template") and found:  # numbered pages: stop at the first page with none
            nxt = meta["template"].format(page=meta["page"] + 1)
        if nxt and self._outlet(nxt) is not None:
            yield self._request(nxt, self.parse_listing, {**meta, "page": meta["page"] + 1})

    def parse_article(self, response):
        stats = self.crawler.stats
        meta = response.meta
        entry = meta.get("entry") or meta.get("outlet", "")
        stats.inc_value(f"liqaat/outlets/fetched/{entry}")
        urls = (*meta.get("redirect_urls", ()), response.url)
        report = self._report(response)
        if report is None:  # nothing to store: done with this page
            for url in urls:
                self.seen.add(url, entry)
        else:  # seen once exported (`_exported`): a run killed before that fetches it again
            self._unexported[report.url] = (urls, entry)
        return report

    def _report(self, response):
        stats = self.crawler.stats
        meta = response.meta
        text = response.text if hasattr(response, "text") else None
        # the URL, the <title> as written, the page as written; the page is parsed for its
        # <title> only when that could say more (prefilter.title_needed)
        if not (matches(self.terms, response.url, text and raw_title(text), text)
                or (text and hasattr(response, "css") and title_needed(text)
                    and matches(self.terms, response.css("title::text").get()))):
            stats.inc_value("liqaat/outlets/prefilter/dropped")
            return None
        stats.inc_value("liqaat/outlets/prefilter/passed")
        settings = self.crawler.settings
        report = report_from_response(response, stats, self.logger,
                                      settings.getint("LIQAAT_MAX_DOCUMENT_BYTES"),
                                      settings.getint("LIQAAT_MAX_ATTRIBUTES"))
        if report is not None:
            report.url = canonical_url(report.url)
            report.outlet, report.via = meta.get("outlet"), meta.get("via")
            if report.via and not report.outlet:  # a mirror whose URLs do not name the original
                report.outlet = self._original_from_page(response)
            if report.via:
                stats.inc_value(f"liqaat/outlets/mirror/{report.via}")
        return report

    def _exported(self, item, response=None, spider=None):
        urls, entry = self._unexported.pop(getattr(item, "url", None), ((), ""))
        if self.crawler.stats.get_value("liqaat/feed/errors"):
            return  # the feed lost items: fetch them again next run
        for url in urls:
            self.seen.add(url, entry)

    def _dropped(self, item, response=None, exception=None, spider=None):
        if type(exception).__name__ == "NotStored":  # pipelines.store: fetched again next run
            self._unexported.pop(getattr(item, "url", None), None)
        else:
            self._exported(item)

    def _original_from_page(self, response) -> str | None:
        """The outlet a mirror's page copies: the first link (canonical first) to an article of a
        registry outlet."""
        if not hasattr(response, "css"):
            return None
        links = response.css("link[rel=canonical]::attr(href), a::attr(href)").getall()
        for href in links:
            found = self.registry.classify(response.urljoin(href))
            if found.article and found.via is None and found.outlet:
                return found.outlet
        self.crawler.stats.inc_value("liqaat/outlets/mirror/no_original")
        self.logger.warning("liqaat: %s: a mirror's copy without a link to its original", response.url)
        return None

    def on_error(self, failure: Failure):
        """A page that fails (HTTP error, DNS, timeout) is logged and counted; the run goes on."""
        request = failure.request
        if failure.check(IgnoreRequest) and "robots.txt" in failure.getErrorMessage():
            return  # counted by Scrapy as robotstxt/forbidden, not an error
        response = getattr(failure.value, "response", None)
        what = f"http_{response.status}" if response is not None else type(failure.value).__name__
        self.crawler.stats.inc_value(f"liqaat/outlets/errors/{what}")
        self.logger.warning("liqaat: could not fetch %s: %s", request.url,
                            f"HTTP {response.status}" if response is not None
                            else failure.getErrorMessage())
        if response is not None and response.status in (404, 410):
            self._dead_end(request)

    def offsite_dropped(self, request) -> None:
        """Called by crawler.middlewares.offsite for a request it drops."""
        if request.meta.get("redirect_urls"):
            self.crawler.stats.inc_value("liqaat/outlets/redirect_offsite")
            self.logger.warning("liqaat: %s redirects off the outlet's domains to %s; skipped",
                                request.meta["redirect_urls"][0], request.url)
            self._dead_end(request)

    def _dead_end(self, request) -> None:
        # An article that is gone (404/410) or redirects off the outlet's domains: remember it so
        # the next run does not ask again; a 5xx or a timeout is tried again next run.
        if request.callback == self.parse_article and hasattr(self, "seen"):
            for url in (*request.meta.get("redirect_urls", ()), request.url):
                self.seen.add(url, request.meta.get("outlet", ""))

    def closed(self, reason):
        if not hasattr(self, "seen"):
            return
        if reason == "finished":
            for outlet in self.outlets:
                self.seen.finish_run(outlet.name, self.started_at)
        self.seen.close()
