"""The meetings store from the command line:

  python -m crawler.store export-csv DB OUT.csv      one row per meeting, every field (--excel: with a BOM)
  python -m crawler.store export-jsonl DB OUT.jsonl  every meeting with its sources
  python -m crawler.store export-reports DB OUT.jsonl|OUT.csv  every stored report, its text included
  python -m crawler.store search DB WORDS [--meetings]  full-text search with the Arabic fold
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.store import MeetingStore
from crawler.store.search import search_meetings, search_reports


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m crawler.store", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["export-csv", "export-jsonl", "export-reports", "search"])
    ap.add_argument("db")
    ap.add_argument("out", help="the output file, or the words to search for")
    ap.add_argument("--excel", action="store_true", help="CSV with a UTF-8 BOM, for spreadsheet software")
    ap.add_argument("--meetings", action="store_true", help="search meetings, not reports")
    args = ap.parse_args(argv)
    if not Path(args.db).is_file():
        print(f"no store at {args.db}", file=sys.stderr)
        return 1
    store = MeetingStore(args.db)
    try:
        if args.command == "search":
            hits = (search_meetings if args.meetings else search_reports)(store.db, args.out)
            for h in hits:
                print("\t".join(str(v) if v is not None else "" for v in h.values()))
            what = "meeting" if args.meetings else "report"
            print(f"{len(hits)} {what}{'' if len(hits) == 1 else 's'} found", file=sys.stderr)
            return 0
        if args.command == "export-reports":
            n = store.export_reports(args.out, excel=args.excel)
            print(f"{n} reports written to {args.out}")
            return 0
        if args.command == "export-csv":
            n = store.export_csv(args.out, excel=args.excel)
        else:
            n = store.export_jsonl(args.out)
    finally:
        store.close()
    print(f"{n} meetings written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
