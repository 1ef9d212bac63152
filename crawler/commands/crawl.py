"""`scrapy crawl`, with an exit status a scheduler can trust.

Scrapy's own command exits 0 when a spider closes early (a path with no documents, a
`CloseSpider`); cron and Scrapyd need to see that as a failure.
"""

from scrapy import signals
from scrapy.commands.crawl import Command as ScrapyCrawlCommand


class Command(ScrapyCrawlCommand):
    def run(self, args, opts):
        if len(args) != 1:
            return super().run(args, opts)
        crawler = self._create_crawler(args[0])
        reasons = []
        crawler.signals.connect(lambda spider, reason: reasons.append(reason), signal=signals.spider_closed,
                                weak=False)
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed or any(r != "finished" for r in reasons):
            self.exitcode = 1
