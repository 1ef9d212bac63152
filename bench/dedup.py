"""Deduplication speed and memory: 10k, 100k and 300k synthetic reports (or 1M) with duplicates.

    .venv/bin/python bench/dedup.py [--sizes 10000 100000 300000]

Times what the store pipeline does per report, on one core: the MinHash signature (textnorm
words, word 3-shingles), the LSH query and insert, and the merge decisions with every rule
(`crawler.dedup.merge.Deduper.add`: near, counterpart, undated with its blocking keys and
evidence); SQLite writes are not included. The corpus is streamed (60% new meetings, 25%
republications with a sentence added or dropped, 15% rewrites with another text; a third of the
later reports cannot date the meeting, half have no publication date), so the peak resident
memory (`resource.getrusage`, each size in its own process) is the merge state's, not the texts'.
Yardsticks measured in the same run: datasketch's per-shingle `update` and `update_batch` with
its default SHA-1 hash, on the same texts; and, while each size runs, the per-shingle `update` on
40 texts every 20 seconds in the parent process (the machine's speed drifts during a long run:
each size's ratio is to the median of its probes). Each size prints its wall and CPU time and the
CPU time of each tenth of its reports (flat when the cost per report does not grow with the
archive); each tenth is also printed on stderr as it ends, with the peak memory so far (a long
run shows its slope before it ends). docs/benchmarks.md and docs/dedup.md give the figures as
ratios: to the yardstick, to the figure before, and the memory slope per report.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.dedup.merge import Deduper  # noqa: E402
from crawler.dedup.signature import NUM_PERM, SEED, Signer  # noqa: E402
from crawler.textnorm import words  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
COUNTRIES = ["ES", "FR", "BE", "DE", "PT", "IT", "US", "GB", "NL", "JP", "BR", "NG", "SN", "QA", "AE",
             "SA", "JO", "MR", "CH", "LU", "OM", "CN", "IN", "TR", "EG", "TN", "CI", "ML", "NE", "AT"]


def corpus(n: int, seed: int = 7):
    """(url, text, meetings, published) rows, streamed: only a pool of recent originals is kept
    (republications and rewrites follow their original within days, as in the genre)."""
    rnd = random.Random(seed)
    vocab = ["".join(rnd.choice(LETTERS) for _ in range(rnd.randint(3, 8))) for _ in range(20000)]
    names = [" ".join(rnd.choice(vocab) for _ in range(3)) for _ in range(5000)]
    start = date(2015, 1, 1)
    pool: list[tuple[str, list, int]] = []
    for i in range(n):
        r = rnd.random()
        if pool and r < 0.4:
            text, ms, day = pool[rnd.randrange(len(pool))]
            if r < 0.25:  # a republication with a small edit
                sentences = text.split(". ")
                if rnd.random() < 0.5:
                    sentences.insert(rnd.randrange(len(sentences)), " ".join(rnd.choices(vocab, k=15)))
                else:
                    sentences.pop()
                text = ". ".join(sentences)
            else:  # a rewrite: another text, the surname alone at times
                text = ". ".join(" ".join(rnd.choices(vocab, k=rnd.randint(12, 25)))
                                 for _ in range(rnd.randint(4, 8)))
            undated = rnd.random() < 1 / 3
            ms = [{**m, "date": None if undated else m["date"],
                   "counterpart": {**m["counterpart"], "name": m["counterpart"]["name"].split(" ", 1)[-1]
                                   if rnd.random() < 0.5 else m["counterpart"]["name"]}} for m in ms]
            pub = None if rnd.random() < 0.5 else date.fromordinal(day + rnd.randint(0, 2)).isoformat()
            yield f"r{i}", text, ms, pub
            continue
        sentences = [" ".join(rnd.choices(vocab, k=rnd.randint(12, 25))) for _ in range(rnd.randint(8, 14))]
        d = start + timedelta(days=rnd.randrange(4000))
        ms = [{"date": d.isoformat(),
               "counterpart": {"country": rnd.choice(COUNTRIES), "name": rnd.choice(names)},
               "location": {"city": rnd.choice(["Rabat", "Temara", None])}}
              for _ in range(1 if rnd.random() < 0.85 else rnd.randint(2, 3))]
        text = ". ".join(sentences)
        pool.append((text, ms, d.toordinal()))
        if len(pool) > 2000:
            pool.pop(0)
        yield f"r{i}", text, ms, (d.isoformat() if rnd.random() < 0.5 else None)


def run_size(n: int, undated: bool = True) -> dict:
    d = Deduper(undated=undated)
    signer = d.signer
    base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    new = chars = 0
    secs = cpu = 0.0
    tenths = []  # CPU seconds of each tenth of the reports: flat when the cost per report is
    mark = 0.0
    for i, (url, text, ms, pub) in enumerate(corpus(n), 1):
        chars += len(text)
        t0, c0 = time.perf_counter(), time.process_time()
        new += sum(x.new for x in d.add(url, signer.signature(text), ms, pub, text))
        secs += time.perf_counter() - t0
        cpu += time.process_time() - c0
        if i * 10 // n > len(tenths):
            tenths.append(cpu - mark)
            mark = cpu
            print(f"  {i:>8} reports: {secs:7.1f} s wall, {cpu:7.1f} s CPU ({tenths[-1]:.1f} s for the last "
                  f"{n // 10}), peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
                  file=sys.stderr, flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "seconds": secs, "cpu_seconds": cpu, "reports_per_s": n / secs, "peak_mb": peak_mb,
            "base_mb": base_mb, "meetings": new, "avg_chars": chars / n, "cpu_tenths": tenths}


def yardstick_rate(rows, sample: int = 40) -> float:
    """Reports/s of datasketch's per-shingle `update` (default SHA-1 hash) on `sample` texts."""
    from datasketch import MinHash

    t0 = time.perf_counter()
    for _, text, _, _ in rows[:sample]:
        ws = words(text)
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        for i in range(max(1, len(ws) - 2)):
            m.update(" ".join(ws[i:i + 3]).encode())
    return sample / (time.perf_counter() - t0)


def run_child(args: list[str], probe_rows, every: float = 20.0) -> tuple[dict, list[float]]:
    """Run one size in its own process; meanwhile time the yardstick every `every` seconds in
    this one (the machine's speed drifts during a long run: the ratio is to what it was then)."""
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    probes = []
    while True:
        probes.append(yardstick_rate(probe_rows))
        try:
            out, _ = proc.communicate(timeout=every)
            break
        except subprocess.TimeoutExpired:
            continue
    if proc.returncode:
        raise SystemExit(f"bench child {args} failed ({proc.returncode})")
    return json.loads(out), probes


def yardsticks(sample: int = 300) -> dict:
    """Signatures only, on the same texts: ours against datasketch's per-shingle and batch paths."""
    from datasketch import MinHash

    rows = list(corpus(sample, seed=11))
    signer = Signer()
    out = {}

    def shingles_bytes(text):
        ws = words(text)
        return [" ".join(ws[i:i + 3]).encode() for i in range(max(1, len(ws) - 2))]

    t0 = time.perf_counter()
    for _, text, _, _ in rows:
        signer.signature(text)
    out["ours"] = sample / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _, text, _, _ in rows:
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        for s in shingles_bytes(text):
            m.update(s)
    out["datasketch_update_per_shingle_sha1"] = sample / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _, text, _, _ in rows:
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        m.update_batch(shingles_bytes(text))
    out["datasketch_update_batch_sha1"] = sample / (time.perf_counter() - t0)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 300_000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--old-rules", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--compare", type=int, default=100_000,
                    help="also run this size with the rules before issue 11 (near and counterpart only); "
                         "0 for none")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, undated=not args.old_rules)))
        return 0
    ys = yardsticks()
    print("signatures only (reports/s, same texts):")
    for k, v in ys.items():
        print(f"  {k:38s} {v:9.0f}  ({v / ys['datasketch_update_per_shingle_sha1']:.1f}x per-shingle update)")
    results = []
    probe_rows = list(corpus(40, seed=13))
    for n in args.sizes:
        r, probes = run_child(["--one", str(n)], probe_rows)
        r["yardstick"] = statistics.median(probes)
        results.append(r)
        tenths = r["cpu_tenths"]
        print(f"{n:>7} reports: {r['seconds']:7.1f} s ({r['cpu_seconds']:7.1f} s CPU)  "
              f"{r['reports_per_s']:6.0f} reports/s, {n / r['cpu_seconds']:6.0f} per CPU second  "
              f"({r['reports_per_s'] / r['yardstick']:.2f}x the yardstick during the run: "
              f"{r['yardstick']:.0f}/s, {min(probes):.0f}-{max(probes):.0f} in {len(probes)} probes)  "
              f"peak {r['peak_mb']:6.0f} MB  {r['meetings']} meetings  ({r['avg_chars']:.0f} chars/report)")
        print(f"         CPU per tenth of the reports, last/first {tenths[-1] / tenths[0]:.2f}: "
              + " ".join(f"{t:.1f}" for t in tenths))
    if args.compare:
        old, probes = run_child(["--one", str(args.compare), "--old-rules"], probe_rows)
        old["yardstick"] = statistics.median(probes)
        new = next((r for r in results if r["n"] == args.compare), None)
        print(f"{args.compare:>7} reports, rules before issue 11 (near, counterpart): "
              f"{old['seconds']:7.1f} s ({old['cpu_seconds']:7.1f} s CPU)  "
              f"{old['reports_per_s']:6.0f} reports/s ({old['reports_per_s'] / old['yardstick']:.2f}x the "
              f"yardstick)  peak {old['peak_mb']:6.0f} MB  {old['meetings']} meetings")
        if new:
            rate = {k: r["reports_per_s"] / r["yardstick"] for k, r in (("old", old), ("new", new))}
            by_yardstick = rate["old"] / rate["new"]
            print(f"the new rules' cost: {new['cpu_seconds'] / old['cpu_seconds']:.2f}x the old rules' CPU "
                  f"time, {by_yardstick:.2f}x by the yardstick, {new['peak_mb'] / old['peak_mb']:.2f}x their "
                  f"peak memory; {old['meetings'] - new['meetings']} more merges")
    if len(results) >= 2:
        a, b = results[-2], results[-1]
        print(f"CPU time ratio {b['n']}/{a['n']}: {b['cpu_seconds'] / a['cpu_seconds']:.2f} "
              f"(size ratio {b['n'] / a['n']:.1f}; linear growth gives the size ratio)")
        slope = (b["peak_mb"] - a["peak_mb"]) / (b["n"] - a["n"]) * 1024
        at_1m = b["peak_mb"] + slope * (1_000_000 - b["n"]) / 1024
        print(f"memory slope {slope:.2f} KB/report -> about {at_1m / 1024:.2f} GB at 1M reports")
    for r in results:
        print(f"at the rate of {r['n']} reports: 1M in about {1e6 / r['reports_per_s'] / 60:.1f} min wall, "
              f"{1e6 / r['n'] * r['cpu_seconds'] / 60:.1f} min of CPU time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
