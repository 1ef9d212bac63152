"""Cost of the date step per report, as a ratio to one warm `dateparser.parse` call.

The date step is what pipelines 200 and 400 do for one report: `publication_date` on the
decoded document (one lxml parse for a page) and `meeting_date` on the main text. Documents:
../shared/seeds and ../shared/corpus/dev when present, else tests/fixtures/dates. Extraction
(trafilatura) runs once beforehand and is not timed. Both are timed in CPU time
(`time.process_time`), the fastest of interleaved rounds: on a machine shared by several jobs,
wall-clock means swung 2× between runs of the same code.

    .venv/bin/python bench/dates.py [--rounds N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import dateparser  # noqa: E402

from crawler.dates import meeting_date, publication_date  # noqa: E402
from crawler.documents import DOCUMENT_SUFFIXES, HTML_SUFFIXES  # noqa: E402
from crawler.extract import extract_html, extract_text_dump  # noqa: E402

SHARED = ROOT.parent / "shared"


def documents() -> list[tuple[str, str, object]]:
    folders = [SHARED / "seeds", SHARED / "corpus" / "dev"]
    folders = [f for f in folders if f.exists()] or [ROOT / "tests" / "fixtures" / "dates"]
    docs = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.suffix not in DOCUMENT_SUFFIXES:
                continue
            raw = path.read_bytes()
            try:
                body = raw.decode("utf-8")
            except UnicodeDecodeError:
                body = raw.decode("cp1256")
            kind = "html" if path.suffix in HTML_SUFFIXES else "text"
            extracted = extract_html(body) if kind == "html" else extract_text_dump(body)
            docs.append((body, kind, SimpleNamespace(title=extracted.title, text=extracted.text,
                                                     date_candidates=[])))
    return docs


def date_step(body: str, kind: str, extracted) -> None:
    found = publication_date(body, kind, extracted)
    meeting_date(extracted.text or "", None, found.day if found else None)


def best_of(fn, rounds: int) -> float:
    """The fastest of `rounds` timed runs of `fn` (the least disturbed by a busy machine)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    rounds = parser.parse_args().rounds
    docs = documents()
    # The yardstick: a warm dateparser.parse with its language given (the cheap, fair call;
    # without `languages` dateparser detects the language and costs several times more).
    yardstick_inputs = [("الخميس 24 سبتمبر 2020", "ar"), ("Publié le 02/10/2024 - 11:48", "fr"),
                        ("Oct 4, 2024", "en"), ("24 septembre 2020", "fr")]

    def yardstick():
        for s, lang in yardstick_inputs:
            dateparser.parse(s, languages=[lang])

    def step():
        for doc in docs:
            date_step(*doc)

    yardstick(), step()  # warm: dateparser's locale data, regexes, tables
    # interleaved, so that both see the same load; the fastest round of each
    one_parse = per_report = float("inf")
    for _ in range(rounds):
        one_parse = min(one_parse, best_of(yardstick, 20) / len(yardstick_inputs))
        per_report = min(per_report, best_of(step, 1) / len(docs))
    print(f"documents: {len(docs)}, rounds: {rounds}")
    print(f"dateparser.parse (warm), one call: {one_parse * 1e3:.3f} ms")
    print(f"date step per report: {per_report * 1e3:.3f} ms "
          f"= {per_report / one_parse:.1f} dateparser.parse calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
