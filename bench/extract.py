"""Cost of the spider's extraction per HTML page, as a ratio to bare `trafilatura.extract`.

The spider's path for one page is what `crawler.documents.report_from_response` and
`pipelines.extract.ExtractPipeline` do: decode the bytes (declared charset, else UTF-8, else
windows-1256) and `extract_html` (read-also removal, trafilatura's precise pass, the layout and
recall passes when it finds no body, title/author clean-up). The yardstick is
`trafilatura.extract(html)` with its defaults on the same decoded pages, measured in the same run.
A second figure, `all pipelines 100-400`, adds what follows extraction for a page (publication
date, meetings, meeting dates; the store is bench/dedup.py's). Pages: the HTML files of
../shared/corpus/dev and ../shared/seeds when present, else tests/fixtures/extract/html.

    .venv/bin/python bench/extract.py [--rounds N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402
from scrapy.responsetypes import responsetypes  # noqa: E402
from scrapy.statscollectors import MemoryStatsCollector  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from crawler.documents import HTML_SUFFIXES, decode  # noqa: E402
from crawler.extract import extract_html  # noqa: E402
from crawler.items import Report  # noqa: E402
from pipelines.extract import ExtractPipeline  # noqa: E402
from pipelines.meeting_dates import MeetingDatesPipeline  # noqa: E402
from pipelines.meetings import MeetingsPipeline  # noqa: E402
from pipelines.published import PublishedPipeline  # noqa: E402

SHARED = ROOT.parent / "shared"


def pages() -> list[tuple[str, bytes]]:
    folders = [SHARED / "corpus" / "dev", SHARED / "seeds"]
    folders = [f for f in folders if f.exists()] or [ROOT / "tests" / "fixtures" / "extract" / "html"]
    return [(p.resolve().as_uri(), p.read_bytes()) for f in folders for p in sorted(f.iterdir())
            if p.suffix.lower() in HTML_SUFFIXES]


def spider_path(url: str, body: bytes) -> str:
    response = responsetypes.from_args(url=url, body=body)(url=url, body=body)
    text, _, _ = decode(response)
    return extract_html(text, url).text


def all_pipelines(chain, url: str, body: bytes) -> None:
    response = responsetypes.from_args(url=url, body=body)(url=url, body=body)
    text, encoding, _ = decode(response)
    item = Report(url=url, body=text, kind="html", encoding=encoding)
    for pipeline in chain:
        item = pipeline.process_item(item)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    docs = pages()
    decoded = [decode(responsetypes.from_args(url=url, body=body)(url=url, body=body))[0]
               for url, body in docs]
    stats = MemoryStatsCollector(get_crawler())
    chain = [ExtractPipeline(stats), PublishedPipeline(stats), MeetingsPipeline(stats),
             MeetingDatesPipeline(stats)]
    clock = time.perf_counter
    bare = [float("inf")] * len(docs)
    spider = [float("inf")] * len(docs)
    full = [float("inf")] * len(docs)
    for _ in range(rounds + 1):  # the first round warms imports, lxml and trafilatura's caches
        # Page by page and interleaved, so a slow spell of the (shared) machine falls on both;
        # each page keeps its best time over the rounds.
        for i, ((url, body), html) in enumerate(zip(docs, decoded, strict=True)):
            start = clock()
            trafilatura.extract(html, url=url)
            middle = clock()
            spider_path(url, body)
            end = clock()
            all_pipelines(chain, url, body)
            bare[i] = min(bare[i], middle - start)
            spider[i] = min(spider[i], end - middle)
            full[i] = min(full[i], clock() - end)
    n = len(docs)
    print(f"HTML pages: {n}, rounds: {rounds} (best of the rounds for each page)")
    print(f"bare trafilatura.extract per page: {sum(bare) / n * 1e3:.2f} ms")
    print(f"spider path (decode + extract_html) per page: {sum(spider) / n * 1e3:.2f} ms")
    print(f"ratio spider / bare trafilatura: {sum(spider) / sum(bare):.2f}")
    print(f"all pipelines 100-400 per page: {sum(full) / n * 1e3:.2f} ms "
          f"= {sum(full) / sum(bare):.2f} x bare trafilatura")
    return 0


if __name__ == "__main__":
    sys.exit(main())
