"""Deduplication speed and memory: 10k and 100k synthetic reports with near-duplicates.

    .venv/bin/python bench/dedup.py [--sizes 10000 100000]

Times what the store pipeline does per report, on one core: the MinHash signature (textnorm
words, word 3-shingles, datasketch `update_batch`), the LSH query and insert, and the merge
decisions (`crawler.dedup.merge.Deduper.add`); SQLite writes are not included. Each size runs in
its own process so the peak resident memory (`resource.getrusage`) is that size's. Yardsticks
measured in the same run: datasketch's per-shingle `update` and `update_batch` with its default
SHA-1 hash, on the same texts. Targets (issue 5): 100k at >= 2,000 reports/s, < 1.5 GB peak,
100k/10k time ratio <= 12.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
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
    """(url, text, meetings) rows: 70% new meetings, 30% republications with small edits."""
    rnd = random.Random(seed)
    vocab = ["".join(rnd.choice(LETTERS) for _ in range(rnd.randint(3, 8))) for _ in range(20000)]
    names = [" ".join(rnd.choice(vocab) for _ in range(3)) for _ in range(5000)]
    start = date(2015, 1, 1)
    rows = []
    for i in range(n):
        if rows and rnd.random() < 0.3:
            url, text, ms = rows[rnd.randrange(len(rows))]
            sentences = text.split(". ")
            if rnd.random() < 0.5:
                sentences.insert(rnd.randrange(len(sentences)), " ".join(rnd.choices(vocab, k=15)))
            else:
                sentences.pop()
            rows.append((f"r{i}", ". ".join(sentences), ms))
            continue
        sentences = [" ".join(rnd.choices(vocab, k=rnd.randint(12, 25))) for _ in range(rnd.randint(8, 14))]
        d = (start + timedelta(days=rnd.randrange(4000))).isoformat()
        ms = [{"date": d, "counterpart": {"country": rnd.choice(COUNTRIES), "name": rnd.choice(names)}}
              for _ in range(1 if rnd.random() < 0.85 else rnd.randint(2, 3))]
        rows.append((f"r{i}", ". ".join(sentences), ms))
    return rows


def run_size(n: int) -> dict:
    rows = corpus(n)
    chars = sum(len(t) for _, t, _ in rows) / n
    d = Deduper()
    signer = d.signer
    t0 = time.perf_counter()
    new = 0
    for url, text, ms in rows:
        new += sum(x.new for x in d.add(url, signer.signature(text), ms))
    secs = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"n": n, "seconds": secs, "reports_per_s": n / secs, "peak_mb": peak_mb, "meetings": new,
            "avg_chars": chars}


def yardsticks(sample: int = 300) -> dict:
    """Signatures only, on the same texts: ours against datasketch's per-shingle and batch paths."""
    from datasketch import MinHash

    rows = corpus(sample, seed=11)
    signer = Signer()
    out = {}

    def shingles_bytes(text):
        ws = words(text)
        return [" ".join(ws[i:i + 3]).encode() for i in range(max(1, len(ws) - 2))]

    t0 = time.perf_counter()
    for _, text, _ in rows:
        signer.signature(text)
    out["ours"] = sample / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _, text, _ in rows:
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        for s in shingles_bytes(text):
            m.update(s)
    out["datasketch_update_per_shingle_sha1"] = sample / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for _, text, _ in rows:
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        m.update_batch(shingles_bytes(text))
    out["datasketch_update_batch_sha1"] = sample / (time.perf_counter() - t0)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one)))
        return 0
    ys = yardsticks()
    print("signatures only (reports/s, same texts):")
    for k, v in ys.items():
        print(f"  {k:38s} {v:9.0f}  ({v / ys['datasketch_update_per_shingle_sha1']:.1f}x per-shingle update)")
    results = []
    for n in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True,
                              check=True)
        r = json.loads(proc.stdout)
        results.append(r)
        print(f"{n:>7} reports: {r['seconds']:7.2f} s  {r['reports_per_s']:7.0f} reports/s  "
              f"peak {r['peak_mb']:6.0f} MB  {r['meetings']} meetings  ({r['avg_chars']:.0f} chars/report)")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        print(f"time ratio {b['n']}/{a['n']}: {b['seconds'] / a['seconds']:.2f} "
              f"(size ratio {b['n'] / a['n']:.0f}; linear growth gives the size ratio)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
