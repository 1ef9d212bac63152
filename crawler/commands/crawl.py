"""`scrapy crawl`, with an exit status a scheduler can trust.

Scrapy's own command exits 0 when a spider closes early (a path with no documents, a
`CloseSpider`) or when items could not be stored; cron and Scrapyd need to see that as a
failure. Exit status 1 when:
- a setting has a wrong value (`crawler.settings_check`: one error line naming it, nothing read);
- the spider closed for any reason but "finished";
- a pipeline recorded that the run could not store or export what it processed (the stat
  `liqaat/run/failed`, with its own error line).
`-a help=1` prints the spider's arguments and the project's settings (crawler/help.py) and exits.
"""

import logging

from scrapy import signals
from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from crawler.help import describe
from crawler.settings_check import check

logger = logging.getLogger("liqaat")


class Command(ScrapyCrawlCommand):
    def run(self, args, opts):
        if len(args) != 1:
            return super().run(args, opts)
        if opts.spargs.get("help"):  # `-a help=1`: the spider's arguments and the settings
            print(describe(self.crawler_process.spider_loader.load(args[0])))
            return None
        problems = check(self.settings)
        if problems:
            logger.error("liqaat: %s; nothing was read", problems[0])
            self.exitcode = 1
            return None
        crawler = self._create_crawler(args[0])
        reasons = []
        crawler.signals.connect(lambda spider, reason: reasons.append(reason), signal=signals.spider_closed,
                                weak=False)
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        failed = crawler.stats.get_value("liqaat/run/failed") if crawler.stats else None
        if self.crawler_process.bootstrap_failed or any(r != "finished" for r in reasons) or failed:
            self.exitcode = 1
        return None
