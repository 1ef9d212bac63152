"""The full chain per HTML page against bare trafilatura and against one lxml parse.

The chain is what a crawl does with one fetched page: decode the bytes
(`crawler.documents.report_from_response`) and run every ITEM_PIPELINE of the settings, the
store included (a fresh store in a temporary folder each round, so every page is new to it).
Two yardsticks, timed on the same page just before it, interleaved page by page so that a slow
spell of the shared machine falls on all three:

- `trafilatura.extract(html, url=url)` with its defaults, on the decoded page;
- `lxml.html.fromstring(html)`: one parse of the page, the least any extraction does.

Two page sets: the HTML pages of ../shared/corpus/dev (tests/fixtures/extract/html when
../shared is absent), and `--generated` pages made here: each dev article (its headline and
paragraphs as they are) in a news site's template (menus, teasers, a read-also link, comments, a
footer of links), each about `--kb` KB. Each page keeps its best time over `--rounds` rounds, and the
figures are the sums over the pages. The store commits its open batch (every MEETINGS_DB_BATCH
reports in a crawl) at the end of a round, outside the pages' times: that commit is timed on its
own (per report, best round) and printed beside the store step (a batch stays open until it
is full or the round ends: no MEETINGS_DB_BATCH_SECONDS here).

The project's memo caches of texts and sentences (every bounded `functools.lru_cache` of
crawler.* and pipelines.* but those of single characters and words, `WORD_CACHES`) are emptied
before each round: a crawl reads each page once, so a round must not find every sentence of its
pages looked up by the round before (`--warm-caches` keeps them, as this bench did before
2026-12-07 evening). The loaders (unbounded caches) are kept.

    .venv/bin/python bench/chain.py [--rounds 5] [--generated 200] [--kb 89] [--only dev|generated]
        [--warm-caches]
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import logging
import random
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402
from lxml import html as lxml_html  # noqa: E402
from scrapy.http import HtmlResponse, Request  # noqa: E402
from scrapy.settings import Settings  # noqa: E402
from scrapy.statscollectors import MemoryStatsCollector  # noqa: E402
from scrapy.utils.misc import build_from_crawler, load_object  # noqa: E402

from crawler import settings as project_settings  # noqa: E402
from crawler.documents import HTML_SUFFIXES, report_from_response  # noqa: E402

SHARED = ROOT.parent / "shared"
log = logging.getLogger("bench.chain")


def dev_pages() -> list[tuple[str, bytes]]:
    folder = SHARED / "corpus" / "dev"
    if not folder.exists():
        folder = ROOT / "tests" / "fixtures" / "extract" / "html"
    return [(p.resolve().as_uri(), p.read_bytes()) for p in sorted(folder.iterdir())
            if p.suffix.lower() in HTML_SUFFIXES]


def _articles(pages: list[tuple[str, bytes]]) -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of each source page, as bare trafilatura reads them."""
    out = []
    for _, body in pages:
        doc = trafilatura.bare_extraction(body.decode("utf-8", errors="replace"))
        paragraphs = [p for p in ((doc and doc.text) or "").split("\n") if p.strip()]
        if paragraphs:
            out.append(((doc.title or paragraphs[0])[:120], paragraphs))
    fallback = ("حموشي يستقبل وفدا أمنيا", ["استقبل المدير العام للأمن الوطني وفدا أمنيا أجنبيا بالرباط."])
    return out or [fallback]


def generated_pages(n: int, kb: int, sources: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """`n` pages of about `kb` KB: one source article (its headline and paragraphs, as they are)
    in a news site's template: a menu, a byline, a read-also link, comments, teasers holding the
    other articles' headlines, and a footer of links grown to the size."""
    rnd = random.Random(15)
    articles = _articles(sources)
    pages = []
    for i in range(n):
        head, paragraphs = articles[i % len(articles)]
        other = [a[0] for a in articles if a[0] != head] or [head]
        menu = "".join(f'<li><a href="/c/{j}">قسم {j}</a></li>' for j in range(40))
        teasers = "".join(f'<div class="teaser"><a href="/n/{i}-{j}"><h3>{rnd.choice(other)}</h3></a></div>'
                          for j in range(12))
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        comments = "".join(f'<div class="comment"><span class="author">زائر {j}</span>'
                           f"<p>تعليق رقم {j} على الخبر، شكرا على المتابعة.</p></div>" for j in range(6))
        day = f"2025-0{1 + i % 9}-1{i % 10}T10:00:00+01:00"
        page = (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
                f'<title>{head} - موقع الأخبار</title><meta property="og:site_name" content="موقع الأخبار">'
                f'<meta property="article:published_time" content="{day}">'
                f'</head><body><header><nav><ul>{menu}</ul></nav></header><main><article><h1>{head}</h1>'
                f'<div class="byline">بقلم: سعاد البقالي</div><div class="content">{body}'
                f'<p>اقرأ أيضا: <a href="/n/x{i}">{rnd.choice(other)}</a></p></div></article>'
                f'<section class="comments">{comments}</section><aside>{teasers}</aside></main>')
        filler = []
        size = len(page.encode())
        while size < kb * 1024 - 200:
            block = f'<div class="more"><a href="/n/f{i}-{len(filler)}">{rnd.choice(other)}</a></div>'
            filler.append(block)
            size += len(block.encode())
        page += f'<footer>{"".join(filler)}<p>جميع الحقوق محفوظة</p></footer></body></html>'
        pages.append((f"https://news.example/n/{i}.html", page.encode()))
    return pages


# Caches of one character, token or word: a crawl's first pages fill them for good.
WORD_CACHES = {"crawler.textnorm._fold_char", "crawler.gazetteer.matcher._candidates",
               "crawler.store.search.word_forms"}


def clear_caches() -> int:
    """Empty every bounded memo cache of texts and sentences of the project's modules (not the
    loaders, not the caches of single words: `WORD_CACHES`); how many there were."""
    n = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith(("crawler.", "pipelines.")) or module is None:
            continue
        for obj in list(vars(module).values()):
            info = getattr(obj, "cache_info", None)
            if callable(info) and getattr(obj, "__module__", None) == name and (info().maxsize or 0) > 1 \
                    and f"{name}.{getattr(obj, '__name__', '')}" not in WORD_CACHES:
                obj.cache_clear()
                n += 1
    return n


def build_chain(db: Path):
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    settings.set("MEETINGS_DB", str(db))
    settings.set("MEETINGS_OUTPUT", "")
    # a batch is committed when full (MEETINGS_DB_BATCH), as in a crawl faster than a batch a
    # MEETINGS_DB_BATCH_SECONDS, or at the end of the round (timed apart: `commit_time`)
    settings.set("MEETINGS_DB_BATCH_SECONDS", 1e9)
    settings.set("LOG_LEVEL", "ERROR")
    crawler = SimpleNamespace(settings=settings, spider=None)
    crawler.stats = MemoryStatsCollector(crawler)
    paths = sorted(settings.getdict("ITEM_PIPELINES").items(), key=lambda kv: kv[1])
    chain = [build_from_crawler(load_object(path), crawler) for path, _ in paths]
    for p in chain:
        if hasattr(p, "open_spider"):
            _done(p.open_spider())
    return crawler, chain


def _done(result) -> None:
    """Run an `async def open_spider`/`close_spider` to its end (outside a crawl, no reactor)."""
    if inspect.isawaitable(result):
        asyncio.run(result)


def commit_time(chain) -> tuple[float, int]:
    """The time the store takes to commit its open batch, and how many reports the batch held
    (work a crawl does every MEETINGS_DB_BATCH reports, inside the store step; here, with fewer
    pages than a batch, at the end of the round, where it is not in the pages' times)."""
    clock = time.perf_counter
    for p in chain:
        store = getattr(p, "store", None)
        if store is not None and hasattr(store, "commit"):
            n = len(store.pending)
            t = clock()
            store.commit()
            return clock() - t, n
    return 0.0, 0


def close_chain(chain) -> None:
    for p in chain:
        if hasattr(p, "close_spider"):
            _done(p.close_spider())


def run_page(crawler, chain, url: str, body: bytes) -> list[float]:
    """Run one page through the chain; the time of each step (decoding first)."""
    clock = time.perf_counter
    t = clock()
    response = HtmlResponse(url=url, body=body, request=Request(url))
    item = report_from_response(response, crawler.stats, log)
    times = [clock() - t]
    for pipeline in chain:
        t = clock()
        if item is not None:
            item = pipeline.process_item(item)
        times.append(clock() - t)
    return times


def measure(docs: list[tuple[str, bytes]], rounds: int, warm: bool = False) -> dict[str, float]:
    decoded = [body.decode("utf-8", errors="replace") for _, body in docs]
    n = len(docs)
    best = {k: [float("inf")] * n for k in ("lxml", "bare", "chain")}
    commits = []
    steps: list[list[float]] = []
    names: list[str] = []
    clock = time.perf_counter
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds + 1):  # round 0 warms imports, vocabularies and caches
            crawler, chain = build_chain(Path(tmp) / f"{r}.sqlite")
            if not warm:
                clear_caches()
            names = ["decode", *(type(p).__name__ for p in chain)]
            steps = steps or [[float("inf")] * n for _ in names]
            for i, ((url, body), html) in enumerate(zip(docs, decoded, strict=True)):
                t0 = clock()
                lxml_html.fromstring(html)
                t1 = clock()
                trafilatura.extract(html, url=url)
                t2 = clock()
                times = run_page(crawler, chain, url, body)
                t3 = clock()
                if r:
                    best["lxml"][i] = min(best["lxml"][i], t1 - t0)
                    best["bare"][i] = min(best["bare"][i], t2 - t1)
                    best["chain"][i] = min(best["chain"][i], t3 - t2)
                    for step, spent in zip(steps, times, strict=True):
                        step[i] = min(step[i], spent)
            spent, held = commit_time(chain)
            if r and held:
                commits.append(spent / held)
            close_chain(chain)
    totals = {k: sum(v) for k, v in best.items()}
    totals["commit"] = min(commits, default=0.0) * n  # per report, best round, for every page
    totals["steps"] = {name: sum(step) for name, step in zip(names, steps, strict=True)}
    return totals


def report(name: str, docs, totals: dict[str, float]) -> None:
    n = len(docs)
    kb = sum(len(b) for _, b in docs) / n / 1024
    print(f"{name}: {n} pages, {kb:.0f} KB average")
    print(f"  per page: chain {totals['chain'] / n * 1e3:.1f} ms, bare trafilatura.extract "
          f"{totals['bare'] / n * 1e3:.1f} ms, one lxml parse {totals['lxml'] / n * 1e3:.2f} ms")
    print(f"  ratio chain / bare trafilatura: {totals['chain'] / totals['bare']:.2f} (target <= 1.2); "
          f"chain / one lxml parse: {totals['chain'] / totals['lxml']:.0f}")
    print("  each step / bare trafilatura: " + ", ".join(
        f"{name} {spent / totals['bare']:.2f}" for name, spent in totals["steps"].items()))
    store = totals["steps"].get("StorePipeline", 0.0)
    print("  the store's commit of its batch at the end of a round (per report, best round): "
          f"{totals['commit'] / totals['bare']:.2f}; "
          f"store step with it: {(store + totals['commit']) / totals['bare']:.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--generated", type=int, default=200, help="how many generated pages")
    parser.add_argument("--kb", type=int, default=89, help="size of a generated page")
    parser.add_argument("--only", choices=("dev", "generated"))
    parser.add_argument("--warm-caches", action="store_true",
                        help="keep the memo caches from one round to the next")
    args = parser.parse_args()
    logging.getLogger().setLevel(logging.ERROR)
    dev = dev_pages()
    print(f"best of {args.rounds} rounds per page, every pipeline of ITEM_PIPELINES with a fresh store, "
          f"memo caches {'kept' if args.warm_caches else 'emptied'} between rounds")
    if args.only != "generated":
        report("dev pages", dev, measure(dev, args.rounds, args.warm_caches))
    if args.only != "dev":
        gen = generated_pages(args.generated, args.kb, dev)
        report("generated pages", gen, measure(gen, args.rounds, args.warm_caches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
