"""`scrapy checkoutlet NAME [URL ...] [-f FILE] [--saved PATH] [--samples TSV]`: how the registry
classifies URLs for an outlet and why, and which of its start points a saved copy reaches.

Examples (docs/outlets.md, "Adding an outlet"):

    scrapy checkoutlet hespress https://www.hespress.com/politique https://www.hespress.com/x-12.html
    scrapy checkoutlet hespress -f saved/feed.xml          # the URLs a saved sitemap/feed/page lists
    scrapy checkoutlet hespress --saved saved/             # start points reachable from a saved copy
    scrapy checkoutlet hespress --samples tests/fixtures/outlets/samples/hespress/url_samples.tsv
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from crawler.outlets import REGISTRY_DIR, OutletError, load_registry


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "NAME [URL ...] [-f FILE ...] [--saved PATH ...] [--samples TSV]"

    def short_desc(self) -> str:
        return "How an outlet's entry classifies URLs and why; start points a saved copy reaches"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("-f", "--file", action="append", default=[], metavar="FILE",
                            help="a saved sitemap, feed, robots.txt or page, or a list of URLs (one a line)")
        parser.add_argument("--base", help="the URL a saved file was fetched from (for its relative links)")
        parser.add_argument("--saved", action="append", default=[], metavar="PATH",
                            help="a saved copy of the site: a folder (<host>/<path>, as wget -m) or files")
        parser.add_argument("--samples", metavar="TSV", help="URL samples (outlet, kind, url) to check")

    def run(self, args, opts) -> None:
        # imported here, not at start-up: Scrapy imports every command's module on every run
        from crawler.outlets.check import classify, start_points, urls_in_file
        from crawler.outlets.samples import misclassified, read_samples

        if not args:
            raise UsageError("give the outlet's name")
        try:
            registry = load_registry(self.settings.get("OUTLETS_DIR") or REGISTRY_DIR)
        except OutletError as error:
            print(f"the registry does not load: {error}")
            self.exitcode = 1
            return
        name, urls = args[0], list(args[1:])
        if name not in registry:
            raise UsageError(f"unknown outlet {name!r}; known: {', '.join(sorted(registry))}")
        outlet = registry[name]
        print(f"{name} ({outlet.source}): hosts {', '.join(outlet.domains)}"
              + (" and their subdomains" if outlet.subdomains else "")
              + (f", except {', '.join(outlet.exclude_hosts)}" if outlet.exclude_hosts else ""))
        for file in opts.file:
            what, found = urls_in_file(Path(file), opts.base)
            print(f"{file}: {what}, {len(found)} URLs")
            urls += found
        if urls:
            verdicts = classify(registry, name, urls)
            width = max(len(v.label) for v in verdicts)
            for v in verdicts:
                print(f"{v.label:<{width}}  {v.url}\n{'':<{width}}  {v.why}")
            counts = {}
            for v in verdicts:
                counts[v.label] = counts.get(v.label, 0) + 1
            print(", ".join(f"{n} {label}" for label, n in sorted(counts.items())))
        if opts.saved:
            print("start points:")
            for point in start_points(outlet, registry, [Path(p) for p in opts.saved]):
                print(f"  {point.status:<11}  {point.kind:<7}  {point.url}\n  {'':<11}  {point.detail}")
        if opts.samples:
            samples = read_samples(opts.samples)
            mine = [s for s in samples if s["outlet"] == name]
            wrong = misclassified(registry, name, samples)
            print(f"samples: {len(mine) - len(wrong)} of {len(mine)} classified right")
            for why in wrong:
                print(f"  wrong: {why}")
            if wrong or not mine:
                self.exitcode = 1
            else:
                print(f"every sample passes: the entry may say `verified: {{date: {dt.date.today()}, "
                      f"samples: {len(mine)}}}` ({outlet.source})")
