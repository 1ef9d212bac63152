"""Crawl speed: the outlets spider against a bare Scrapy spider, on the same local pages.

    .venv/bin/python bench/crawl.py [--pages 400] [--concurrency 16]

Serves `--pages` copies of the dev corpus pages (../shared/corpus/dev/*.html; the fixture site's
articles when ../shared is absent) from 127.0.0.1, with a sitemap listing them, and crawls them
in the same run, each crawl in its own `scrapy` process with the same politeness settings:

- `outlets`: the outlets spider (pre-filter, seen URLs, report) from a one-outlet registry
  pointing at the local site, with `pipelines.extract.ExtractPipeline` alone (the yardstick's
  work) and with every ITEM_PIPELINE (extraction, dates, meetings, store); each in-process and
  with `LIQAAT_WORKERS` (`--workers`) worker processes;
- yardstick: the bare spider below, which only calls `trafilatura.extract` on each page.

Like for like: both spiders run in this project with its settings (robots.txt obeyed, the same
downloader middlewares and extensions, AutoThrottle off, the same concurrency), fetch the same
pages from the same server, and count the same pages (the bare spider each page it extracts, the
outlets spider each page its pre-filter passes or drops); the outlets spider also fetches the
sitemap. Pages/s is pages fetched over the crawl's `elapsed_time_seconds` (from the spider's
opening to its closing: start-up excluded for both, the store's export at the end included).

Rounds alternate the runs (`--repeat`), so a busy machine slows them alike. Each ratio is taken
within a pair (an outlets run over the bare run just before it) and printed as the median and
the range over rounds, with the best pages/s of each run. Targets (issue 15): every pipeline in
one process >= 1.0 the bare spider; (issue 6) >= 0.8 with workers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import scrapy
import trafilatura

ROOT = Path(__file__).resolve().parents[1]
SCRAPY = Path(sys.executable).with_name("scrapy")


class BareSpider(scrapy.Spider):
    """The yardstick: fetch each page, `trafilatura.extract` it, nothing else."""

    name = "bare_extract"
    custom_settings = {"ITEM_PIPELINES": {}}

    async def start(self):
        for i in range(int(self.pages)):
            yield scrapy.Request(f"{self.base}/p/{i}.html")

    def parse(self, response):
        trafilatura.extract(response.text, url=response.url)
        self.crawler.stats.inc_value("bench/pages")


def pages() -> list[bytes]:
    dev = ROOT.parent / "shared" / "corpus" / "dev"
    files = sorted(dev.glob("*.html")) or sorted((ROOT / "tests/fixtures/outlets/site/news").glob("*.html"))
    return [f.read_bytes() for f in files]


def serve(bodies: list[bytes], n: int) -> ThreadingHTTPServer:
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
               + "".join(f"<url><loc>/p/{i}.html</loc></url>\n" for i in range(n))
               + "</urlset>\n").encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            m = re.fullmatch(r"/p/(\d+)\.html", self.path)
            if m:
                body, ctype = bodies[int(m[1]) % len(bodies)], "text/html; charset=utf-8"
            elif self.path == "/sitemap.xml":
                body, ctype = sitemap, "application/xml"
            else:
                body, ctype = b"not found", "text/plain"
            self.send_response(200 if m or self.path == "/sitemap.xml" else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run(cmd: list[str]) -> dict[str, float]:
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if os.environ.get("BENCH_VERBOSE"):
        print(proc.stderr[-6000:])
    dump = proc.stderr.split("Dumping Scrapy stats:")[-1]
    stats = {k: float(v) for k, v in re.findall(r"'([^']+)': (\d+(?:\.\d+)?)[,}]", dump)}
    if "elapsed_time_seconds" not in stats:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    return stats


EXTRACT_ONLY = {"pipelines.extract.ExtractPipeline": 100}


def variants(workers: int) -> list[tuple[str, int]]:
    """(pipelines, LIQAAT_WORKERS) of the outlets runs: extraction alone is the yardstick's work."""
    return [(p, w) for p in ("extract", "all") for w in sorted({0, workers})]


def rate(stats: dict, pages: float) -> float:
    return pages / stats["elapsed_time_seconds"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="LIQAAT_WORKERS of the outlets crawl")
    parser.add_argument("--repeat", type=int, default=2, help="rounds; the best of each is kept")
    args = parser.parse_args()
    bodies = pages()
    server = serve(bodies, args.pages)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    common = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", f"CONCURRENT_REQUESTS={args.concurrency}",
              "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={args.concurrency}", "-s", "LOG_LEVEL=INFO"]
    best: dict[str, float] = {}
    ratios: dict[tuple[str, int], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "registry"
        registry.mkdir()
        (registry / "bench.yaml").write_text(
            "name: bench\ndomains: [bench.example]\nlanguages: [ar, fr]\n"
            "sitemaps: [http://bench.example/sitemap.xml]\narticle_patterns: ['/p/\\d+\\.html$']\n",
            encoding="utf-8")
        # alternate the runs, so a busy machine slows each of them alike: the bare spider just
        # before each outlets run, the pair's ratio kept
        for round_ in range(args.repeat):
            for pipelines, workers in variants(args.workers):
                bare = run([str(SCRAPY), "runspider", str(Path(__file__).resolve()), *common,
                            "-a", f"base={base}", "-a", f"pages={args.pages}"])
                bare_rate = rate(bare, bare.get("bench/pages", 0))
                best["bare"] = max(best.get("bare", 0), bare_rate)
                out = Path(tmp) / f"{round_}-{pipelines}-{workers}"
                chain = ["-s", f"ITEM_PIPELINES={json.dumps(EXTRACT_ONLY)}"] if pipelines == "extract" else []
                outlets = run([str(SCRAPY), "crawl", "outlets", *common, *chain,
                               "-s", f"LIQAAT_WORKERS={workers}", "-s", f"OUTLETS_DIR={registry}",
                               "-s", f"OUTLETS_HOST_MAP={json.dumps({'bench.example': base})}",
                               "-s", f"MEETINGS_DB={out}.sqlite", "-s", f"MEETINGS_OUTPUT={out}.m.jsonl",
                               "-O", f"{out}.jsonl"])
                fetched = sum(outlets.get(f"liqaat/outlets/prefilter/{k}", 0) for k in ("passed", "dropped"))
                key = (pipelines, workers)
                best[key] = max(best.get(key, 0), rate(outlets, fetched))
                ratios.setdefault(key, []).append(rate(outlets, fetched) / bare_rate)
    server.shutdown()
    print(f"{len(bodies)} distinct pages ({sum(map(len, bodies)) // len(bodies) // 1024} KB average), "
          f"{args.pages} served, concurrency {args.concurrency}, {args.repeat} rounds")
    print(f"bare spider + trafilatura.extract: {best['bare']:.1f} pages/s")
    for pipelines, workers in variants(args.workers):
        what = "ExtractPipeline only" if pipelines == "extract" else "every pipeline"
        r = ratios[pipelines, workers]
        print(f"outlets spider, {what}, LIQAAT_WORKERS={workers}: {best[pipelines, workers]:.1f} pages/s, "
              f"ratio to bare {statistics.median(r):.2f} (rounds {min(r):.2f}-{max(r):.2f})")
    one, many = (statistics.median(ratios["all", w]) for w in (0, args.workers))
    print(f"ratio outlets (every pipeline, one process) / bare: {one:.2f} (target >= 1.0); "
          f"with {args.workers} workers: {many:.2f}")


if __name__ == "__main__":
    main()
