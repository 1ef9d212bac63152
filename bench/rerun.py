"""A second `scrapy crawl seeds` over the same documents and the same store, against the first.

    .venv/bin/python bench/rerun.py [--rounds 3]

The documents are every file of ../shared/seeds, ../shared/corpus/dev and ../shared/corpus/excerpts
(tests/fixtures/store/corpus when ../shared is absent), copied into one temporary folder. Each
round runs the first crawl into a fresh store, then the second over the same folder and store,
each a whole `scrapy crawl seeds` process. Two figures per run: the crawl's own
`elapsed_time_seconds` (Scrapy's stats: from the engine's start to its stop, start-up excluded)
and the whole process's wall time; the best of the rounds of each, and the ratios second / first.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCRAPY = Path(sys.executable).with_name("scrapy")


def corpus(into: Path) -> int:
    folders = [SHARED / "seeds", SHARED / "corpus" / "dev", SHARED / "corpus" / "excerpts"]
    folders = [f for f in folders if f.exists()] or [ROOT / "tests" / "fixtures" / "store" / "corpus"]
    n = 0
    for folder in folders:
        for p in sorted(folder.iterdir()):
            if p.suffix.lower() in (".txt", ".html", ".htm"):
                shutil.copy(p, into / f"{folder.name}_{p.name}")
                n += 1
    return n


def crawl(docs: Path, store: Path) -> tuple[float, float, dict[str, int]]:
    cmd = [str(SCRAPY), "crawl", "seeds", "-a", f"path={docs}", "-O", str(store.with_suffix(".jsonl")),
           "-s", f"MEETINGS_DB={store}", "-s", f"MEETINGS_OUTPUT={store.with_suffix('.m.jsonl')}",
           "-s", "LOG_LEVEL=INFO"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    dump = proc.stderr.split("Dumping Scrapy stats:")[-1]
    stats = {k: float(v) for k, v in re.findall(r"'([^']+)': (\d+(?:\.\d+)?)[,}]", dump)}
    if proc.returncode or "elapsed_time_seconds" not in stats:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    counts = {k.rsplit("/", 1)[-1]: int(v) for k, v in stats.items() if k.startswith("liqaat/dedup/reports_")}
    return stats["elapsed_time_seconds"], wall, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    best = {"first": [float("inf")] * 2, "second": [float("inf")] * 2}
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        n = corpus(docs)
        for r in range(args.rounds):
            store = Path(tmp) / f"{r}.sqlite"
            for which in ("first", "second"):
                crawl_s, wall, counts[which] = crawl(docs, store)
                best[which] = [min(best[which][0], crawl_s), min(best[which][1], wall)]
    print(f"{n} documents, best of {args.rounds} rounds")
    for which in ("first", "second"):
        print(f"{which} run: crawl {best[which][0]:.2f} s, whole process {best[which][1]:.2f} s; "
              f"store: {counts[which]}")
    print(f"ratio second / first: crawl {best['second'][0] / best['first'][0]:.2f}, "
          f"whole process {best['second'][1] / best['first'][1]:.2f} (target <= 0.15)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
