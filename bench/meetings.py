"""Cost of the meetings stage per report, as a ratio to one `lxml.html.fromstring` of the same page.

The meetings stage is what pipeline 300 does for one report: `extract_meetings(text, title=...)` on
the extracted main text. Pages: ../shared/corpus/dev (HTML) and ../shared/corpus/excerpts (text)
when present, else the HTML fixtures under tests/fixtures. Extraction runs once beforehand and is
not timed; the yardstick parses each page's own bytes (an excerpt's text wrapped in <p>).

    .venv/bin/python bench/meetings.py [--rounds N]
"""

from __future__ import annotations

import argparse
import html
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from crawler.extract import extract_html, extract_text_dump  # noqa: E402
from crawler.meetings import extract_meetings  # noqa: E402

SHARED = ROOT.parent / "shared"
YARD_REPEATS = 10  # the yardstick is short: parse every page this many times per round


def pages() -> list[tuple[str, str, str | None]]:
    """(page as HTML, main text, title) of each document."""
    folders = [SHARED / "corpus" / "dev", SHARED / "corpus" / "excerpts"]
    folders = [f for f in folders if f.exists()] or [ROOT / "tests" / "fixtures" / "extract"]
    out = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".html", ".htm", ".txt") or path.name.startswith("README"):
                continue
            raw = path.read_bytes()
            try:
                body = raw.decode("utf-8")
            except UnicodeDecodeError:
                body = raw.decode("cp1256")
            if path.suffix == ".txt":
                ex = extract_text_dump(body)
                page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n")) \
                    + "</body></html>"
            else:
                ex = extract_html(body)
                page = body
            if ex.text:
                out.append((page, ex.text, ex.title))
    return out


def clear_memos() -> None:
    """Empty the bounded memo caches (lru_cache with a maxsize) of the meetings modules, so that no
    round reuses the look-ups of the previous one; the unbounded ones hold loaded data and stay."""
    for name, mod in list(sys.modules.items()):
        if not name.startswith(("crawler.meetings", "crawler.vocab", "crawler.gazetteer")):
            continue
        for obj in vars(mod).values():
            info = getattr(obj, "cache_info", None)
            if info is not None and info().maxsize is not None:
                obj.cache_clear()


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=9)
    args = ap.parse_args()
    docs = pages()
    extract_meetings("حموشي", title=None)  # load the vocabularies outside the timing
    lxml.html.fromstring(docs[0][0])
    ratios, stages, yards = [], [], []
    for _ in range(args.rounds):  # interleaved, so that both see the same machine load
        clear_memos()
        stage = timed(lambda: [extract_meetings(t, title=ti) for _, t, ti in docs])
        yard = timed(lambda: [lxml.html.fromstring(p) for _ in range(YARD_REPEATS) for p, _, _ in docs]) \
            / YARD_REPEATS
        ratios.append(stage / yard)
        stages.append(stage)
        yards.append(yard)
    ratio = statistics.median(ratios)
    print(f"{len(docs)} reports: meetings stage {statistics.median(stages) / len(docs) * 1e3:.2f} ms per "
          f"report, lxml.html.fromstring {statistics.median(yards) / len(docs) * 1e3:.2f} ms per page")
    print(f"meetings stage per report: {ratio:.2f}x one lxml parse of the same page "
          f"(median of {args.rounds} rounds, {min(ratios):.2f}-{max(ratios):.2f})")


if __name__ == "__main__":
    main()
