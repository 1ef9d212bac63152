"""Cold start: a whole `scrapy crawl seeds` process on the seed files, into a fresh store.

    .venv/bin/python bench/start.py [--rounds 7]

Times each run from outside, as a whole process: wall time, and the CPU time (user + system) the
operating system accounts to the finished child (`resource.getrusage(RUSAGE_CHILDREN)`). The
yardstick, run alternately with it, is a process that only imports what any Scrapy + trafilatura
crawl imports (`import scrapy.crawler, trafilatura`). Prints the median of each and the ratio.
Goal (issue 15): the crawl's wall time under 1.5 s on a quiet machine.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PYTHON = Path(sys.executable)


def timed(cmd: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one run of `cmd`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    seeds = SHARED / "seeds" if (SHARED / "seeds").exists() else ROOT / "seeds"
    yardstick = [str(PYTHON), "-c", "import scrapy.crawler, trafilatura"]
    runs: dict[str, list[tuple[float, float]]] = {"crawl": [], "yardstick": []}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds + 1):  # the first round warms the disk cache and the vocabulary cache
            out = Path(tmp) / str(r)
            crawl = [str(PYTHON.with_name("scrapy")), "crawl", "seeds", "-a", f"path={seeds}",
                     "-O", f"{out}.jsonl", "-s", f"MEETINGS_DB={out}.sqlite",
                     "-s", f"MEETINGS_OUTPUT={out}.m.jsonl", "-s", "LOG_LEVEL=ERROR"]
            c, y = timed(crawl), timed(yardstick)
            if r:
                runs["crawl"].append(c)
                runs["yardstick"].append(y)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
           for k, v in runs.items()}
    print(f"{args.rounds} rounds, alternating; medians")
    print(f"scrapy crawl seeds ({seeds}): wall {med['crawl'][0]:.2f} s, cpu {med['crawl'][1]:.2f} s")
    print(f"yardstick (import scrapy.crawler, trafilatura): wall {med['yardstick'][0]:.2f} s, "
          f"cpu {med['yardstick'][1]:.2f} s")
    print(f"ratio crawl / yardstick: wall {med['crawl'][0] / med['yardstick'][0]:.2f}, "
          f"cpu {med['crawl'][1] / med['yardstick'][1]:.2f} (goal: crawl wall <= 1.5 s on a quiet machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
