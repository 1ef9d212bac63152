"""`python -m crawler.store export-csv DB OUT.csv` (one row per meeting, sources joined) and
`python -m crawler.store export-jsonl DB OUT.jsonl` (every meeting with its sources)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crawler.store import MeetingStore


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m crawler.store", description=__doc__)
    ap.add_argument("command", choices=["export-csv", "export-jsonl"])
    ap.add_argument("db")
    ap.add_argument("out")
    args = ap.parse_args(argv)
    if not Path(args.db).is_file():
        print(f"no store at {args.db}", file=sys.stderr)
        return 1
    store = MeetingStore(args.db)
    try:
        n = store.export_csv(args.out) if args.command == "export-csv" else store.export_jsonl(args.out)
    finally:
        store.close()
    print(f"{n} meetings written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
