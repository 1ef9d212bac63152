"""`scrapy report [DB] [-o FILE]`: write the static HTML report of the store (docs/dataset.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[DB] [-o FILE]"

    def short_desc(self) -> str:
        return "Write a static HTML report with plots of the meetings store (default: output/report.html)"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("-o", "--output", dest="out", default="output/report.html",
                            help="the HTML file to write (default output/report.html)")

    def run(self, args, opts) -> None:
        # imported here, not at start-up: Scrapy imports every command's module on every run
        from crawler.dataset.report import write_report
        from crawler.store import MeetingStore

        if len(args) > 1:
            raise UsageError()
        db = Path(args[0] if args else self.settings.get("MEETINGS_DB"))
        if not db.is_file():
            print(f"no store at {db}: run `./run` (or `scrapy crawl seeds`) first", file=sys.stderr)
            self.exitcode = 1
            return
        MeetingStore(db).close()  # upgrade the schema in place, if it is older
        print(f"report written to {write_report(db, opts.out)}")
