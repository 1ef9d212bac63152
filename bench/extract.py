"""The spider's cost per HTML page against bare `trafilatura.extract` on the same pages, in the same run.

    .venv/bin/python bench/extract.py [--rounds 5] [FOLDER]

FOLDER defaults to ../shared/corpus/dev (else tests/fixtures). Two figures, each a ratio to the
yardstick measured in the same run (the machine's speed drifts, ratios do not):
- `extract`: what pipeline 100 does per page — decoding the response and `extract_html`
  (trafilatura, the title clean-up, the fallback when it applies);
- `all pipelines`: decoding, then pipelines 100-400 (extraction, publication date, meetings,
  meeting dates), the store left out (it is measured by bench/dedup.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402
from scrapy.http import HtmlResponse  # noqa: E402
from scrapy.statscollectors import MemoryStatsCollector  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from crawler.documents import decode  # noqa: E402
from crawler.extract import extract_html  # noqa: E402
from crawler.items import Report  # noqa: E402
from pipelines.meeting_dates import MeetingDatesPipeline  # noqa: E402
from pipelines.meetings import MeetingsPipeline  # noqa: E402
from pipelines.published import PublishedPipeline  # noqa: E402


def _pages(folder: Path) -> list[HtmlResponse]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".html", ".htm"))
    return [HtmlResponse(url=p.resolve().as_uri(), body=p.read_bytes()) for p in files]


def _best(fn, rounds: int) -> float:
    """The fastest of `rounds` runs: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)
    candidates = (ROOT.parent / "shared" / "corpus" / "dev", ROOT / "tests" / "fixtures")
    folder = args.folder or next(p for p in candidates if p.exists())
    pages = _pages(folder)
    texts = [decode(r)[0] for r in pages]
    stats = MemoryStatsCollector(get_crawler())
    chain = [PublishedPipeline(stats), MeetingsPipeline(stats), MeetingDatesPipeline(stats)]

    def bare():
        for html in texts:
            trafilatura.extract(html)

    def extract():
        for r in pages:
            extract_html(decode(r)[0], r.url)

    def everything():
        for r in pages:
            body, _, _ = decode(r)
            ex = extract_html(body, r.url)
            item = Report(url=r.url, title=ex.title, text=ex.text, body=body, kind="html")
            for p in chain:
                item = p.process_item(item)

    everything()  # warm the caches (gazetteers, regexes, dateparser) outside the timings
    base = _best(bare, args.rounds)
    ours = _best(extract, args.rounds)
    full = _best(everything, args.rounds)
    n = len(pages)
    print(f"pages: {n} HTML pages from {folder}, best of {args.rounds} rounds")
    print(f"bare trafilatura.extract: {1000 * base / n:.2f} ms/page (yardstick)")
    print(f"extract (pipeline 100):   {1000 * ours / n:.2f} ms/page = {ours / base:.2f} x yardstick")
    print(f"all pipelines 100-400:    {1000 * full / n:.2f} ms/page = {full / base:.2f} x yardstick")
    return 0


if __name__ == "__main__":
    sys.exit(main())
