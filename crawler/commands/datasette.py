"""`scrapy datasette [DB]`: serve the store in Datasette on 127.0.0.1 (docs/dataset.md).

Opens the store first (which upgrades an older schema in place), writes the metadata
(`crawler.dataset.metadata`) beside it as `DB.datasette.json`, then runs `datasette serve` with
the project's SQL functions (`liqaat_query`, `liqaat_fold`) until interrupted.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[DB] [--port PORT] [--print]"

    def short_desc(self) -> str:
        return "Serve the meetings store in Datasette on 127.0.0.1 (default DB: MEETINGS_DB)"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default 8001)")
        parser.add_argument("--print", dest="print_only", action="store_true",
                            help="print the datasette command instead of running it")

    def run(self, args, opts) -> None:
        # imported here, not at start-up: Scrapy imports every command's module on every run
        from crawler.dataset import datasette_command, metadata
        from crawler.store import MeetingStore

        if len(args) > 1:
            raise UsageError()
        db = Path(args[0] if args else self.settings.get("MEETINGS_DB"))
        if not db.is_file():
            print(f"no store at {db}: run `./run` (or `scrapy crawl seeds`) first", file=sys.stderr)
            self.exitcode = 1
            return
        MeetingStore(db).close()  # upgrade the schema in place, if it is older
        meta_path = db.with_name(db.name + ".datasette.json")
        meta = json.dumps(metadata(db.stem, db), ensure_ascii=False, indent=1)
        meta_path.write_text(meta, encoding="utf-8")
        cmd = datasette_command(db, meta_path, port=opts.port)
        if opts.print_only:
            print(" ".join(cmd))
            return
        print(f"Datasette on http://127.0.0.1:{opts.port}/{db.stem} (Ctrl-C to stop)", file=sys.stderr)
        os.execv(cmd[0], cmd)
