"""Cost of the spider's extraction per HTML page, as a ratio to bare `trafilatura.extract`.

The spider's path for one page is what `crawler.documents.report_from_response` and
`pipelines.extract.ExtractPipeline` do: decode the bytes (declared charset, else UTF-8, else
windows-1256) and `extract_html` (read-also removal, trafilatura's precise pass, the layout and
recall passes when it finds no body, title/author clean-up). The yardstick is
`trafilatura.extract(html)` with its defaults on the same decoded pages, measured in the same run.
Pages: the HTML files of ../shared/corpus/dev and ../shared/seeds when present, else
tests/fixtures/extract/html.

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

from crawler.documents import HTML_SUFFIXES, decode  # noqa: E402
from crawler.extract import extract_html  # noqa: E402

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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    docs = pages()
    decoded = [decode(responsetypes.from_args(url=url, body=body)(url=url, body=body))[0]
               for url, body in docs]
    clock = time.perf_counter
    bare = [float("inf")] * len(docs)
    spider = [float("inf")] * len(docs)
    for _ in range(rounds + 1):  # the first round warms imports, lxml and trafilatura's caches
        # Page by page and interleaved, so a slow spell of the (shared) machine falls on both;
        # each page keeps its best time over the rounds.
        for i, ((url, body), html) in enumerate(zip(docs, decoded, strict=True)):
            start = clock()
            trafilatura.extract(html, url=url)
            middle = clock()
            spider_path(url, body)
            end = clock()
            bare[i] = min(bare[i], middle - start)
            spider[i] = min(spider[i], end - middle)
    n = len(docs)
    print(f"HTML pages: {n}, rounds: {rounds} (best of the rounds for each page)")
    print(f"bare trafilatura.extract per page: {sum(bare) / n * 1e3:.2f} ms")
    print(f"spider path (decode + extract_html) per page: {sum(spider) / n * 1e3:.2f} ms")
    print(f"ratio spider / bare trafilatura: {sum(spider) / sum(bare):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
