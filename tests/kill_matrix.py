"""The kill -9 matrix: each spider's documented job, killed with SIGKILL early, midway and
during the final writes, then resumed with the same command; compared with one uninterrupted run.

    .venv/bin/python tests/kill_matrix.py [--spider seeds|outlets] [--point early|middle|final]

Jobs (docs/outlets.md, "Stop and resume"): `scrapy crawl SPIDER -s JOBDIR=… -o feed.jsonl` with
a fresh store; `seeds` reads the project's seeds/ folder, `outlets` the two local fixture sites
(tests/fixture_site.py, served on 127.0.0.1). The real pipelines run. Printed per case: meetings
and sources (meeting, report URL) lost and duplicated against the uninterrupted run, and feed
lines lost and duplicated. Exit status 1 when any figure is not 0.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixture_site import OUTLETS, outlet_settings, serve  # noqa: E402

SCRAPY = Path(sys.executable).with_name("scrapy")
POINTS = ("early", "middle", "final")


def command(spider: str, work: Path, sites) -> list[str]:
    args = [str(SCRAPY), "crawl", spider, "-s", f"JOBDIR={work / 'job'}", "-o", str(work / "feed.jsonl"),
            "-s", f"MEETINGS_DB={work / 'meetings.sqlite'}",
            "-s", f"MEETINGS_OUTPUT={work / 'meetings.jsonl'}", "-s", "LOG_LEVEL=INFO"]
    if spider == "seeds":
        return [*args, "-a", f"path={ROOT / 'seeds'}"]
    settings = outlet_settings(*sites)
    return [*args, "-s", "CONCURRENT_REQUESTS=1",
            *(a for k, v in settings.items() for a in ("-s", f"{k}={v}"))]


def lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            out.append({"url": "<a cut line>"})
    return out


def outcome(work: Path) -> dict:
    meetings = lines(work / "meetings.jsonl")
    return {
        "meetings": collections.Counter(frozenset(s["url"] for s in m["sources"]) for m in meetings),
        "sources": collections.Counter((frozenset(x["url"] for x in m["sources"]), s["url"])
                                       for m in meetings for s in m["sources"]),
        "feed": collections.Counter(r.get("url") for r in lines(work / "feed.jsonl")),
    }


def run_killed(cmd: list[str], work: Path, point: str, total: int) -> str:
    """Run `cmd`, SIGKILL it at `point`; what happened ("killed …" or why not)."""
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    closing = threading.Event()

    def watch():
        for line in proc.stderr:
            if "Closing spider" in line:
                closing.set()
    threading.Thread(target=watch, daemon=True).start()
    feed = work / "feed.jsonl"
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        done = feed.read_bytes().count(b"\n") if feed.exists() else 0
        if (point == "early" and (work / "job" / "liqaat-job.json").exists()) or (
                point == "middle" and done >= max(1, total // 2)) or (point == "final" and closing.is_set()):
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return f"killed at {done} of {total} feed lines"
        time.sleep(0.005)
    proc.wait()
    return f"not killed: ended first ({proc.returncode})"


def diff(ref: collections.Counter, got: collections.Counter) -> tuple[int, int]:
    lost = sum((ref - got).values())
    dup = sum(n - 1 for n in got.values() if n > 1)
    return lost, dup


def case(spider: str, point: str, sites, base: Path) -> tuple[list, str]:
    ref_dir, work = base / f"{spider}-ref", base / f"{spider}-{point}"
    if not ref_dir.exists():
        ref_dir.mkdir()
        subprocess.run(command(spider, ref_dir, sites), cwd=ROOT, capture_output=True, check=True,
                       timeout=600)
    ref = outcome(ref_dir)
    work.mkdir()
    cmd = command(spider, work, sites)
    what = run_killed(cmd, work, point, sum(ref["feed"].values()))
    resumed = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    got = outcome(work)
    figures = [*diff(ref["meetings"], got["meetings"]), *diff(ref["sources"], got["sources"]),
               *diff(ref["feed"], got["feed"])]
    return figures, f"{what}; resumed: exit {resumed.returncode}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--spider", choices=["seeds", "outlets"], action="append")
    ap.add_argument("--point", choices=POINTS, action="append")
    args = ap.parse_args(argv)
    spiders, points = args.spider or ["seeds", "outlets"], args.point or list(POINTS)
    base = Path(tempfile.mkdtemp(prefix="liqaat-kill-"))
    print(f"{'spider':8} {'kill':7} {'meetings lost/dup':>17} {'sources lost/dup':>16} "
          f"{'feed lost/dup':>13}  run")
    bad = 0
    try:
        with serve(OUTLETS / "site") as ar, serve(OUTLETS / "site-fr") as fr:
            for spider in spiders:
                for point in points:
                    figures, what = case(spider, point, (ar, fr), base)
                    bad += any(figures)
                    m, s, f = (f"{figures[i]}/{figures[i + 1]}" for i in (0, 2, 4))
                    print(f"{spider:8} {point:7} {m:>17} {s:>16} {f:>13}  {what}", flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print("all 0" if not bad else f"{bad} case(s) lost or duplicated something")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
