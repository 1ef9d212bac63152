"""The fault suite: a folder of hostile documents generated from a seed, mixed with good ones,
read by one real `scrapy crawl seeds` with the real pipelines.

Hostile: truncated and mutated pages, wrong charsets both ways, NUL bytes, binary junk, an entity
bomb, a 1 GiB sparse file, deep nesting, huge attribute counts, empty files, junk WARCs, folders
named like documents, a FIFO, symlink loops and escapes (to /etc/passwd, /proc, a folder and a
FIFO outside), an unreadable folder, odd file names. Asserted: exit 0; every file accounted for
(`files/seen` is every entry, and equals processed + skipped); the good documents' reports and
meetings as when read alone; peak memory of the crawl's process tree under 1 GB; no file outside
the folder opened (a FIFO outside, behind a link, would see a reader) and no outside text in the
outputs.

    LIQAAT_FAULT_SEED=7 .venv/bin/python -m pytest -q tests/test_jobs_faults.py   # another seed

As root (CI) permissions do not apply, so the crawl runs as `nobody` (tests/test_jobs_files.py).
"""

from __future__ import annotations

import errno
import gzip
import os
import random
import shutil
import stat
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, read_jsonl
from tests.test_jobs_files import _as_nobody, stats_of

SEED = int(os.environ.get("LIQAAT_FAULT_SEED", "20261204"))
GOOD = [*sorted((FIXTURES / "store" / "corpus").glob("*.txt")),
        *sorted((FIXTURES / "store" / "grown").glob("*.txt"))]
ODD_NAMES = ["سلام عليكم.txt", "with space.html", "-dash.txt", "#hash.html", "100%.txt", "why?.htm",
             "line\nbreak.txt", "tab\tname.txt", "UPPER.HTML", "dots...txt", "ends-with-dot.html.",
             "a" * 240 + ".txt",
             "é-nfd-e\u0301.txt", "emoji-🙂.html", "quote'\".txt", "back\\slash.txt", "semi;colon.htm",
             "star*.txt", "brackets[1].html", ".hidden.txt"]


def _page(text: str, charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n") if p.strip())
    return (f'<html><head><meta charset="{charset}"><title>t</title></head>'
            f"<body><article>{body}</article></body></html>")


def build(base: Path, rng: random.Random) -> tuple[Path, int, list[str]]:
    """The corpus folder; the number of entries the run must account for; the good files."""
    docs = base / "docs"
    docs.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in GOOD]
    good = []
    for p in GOOD:
        shutil.copy(p, docs / f"good-{p.name}")
        good.append(f"good-{p.name}")
    entries = len(good)

    def put(name: str, data: bytes) -> None:
        nonlocal entries
        (docs / name).write_bytes(data)
        entries += 1

    for i in range(40):  # truncated pages and dumps
        t = rng.choice(texts).encode()
        put(f"truncated-{i}.{'html' if i % 2 else 'txt'}",
            (_page(rng.choice(texts)).encode() if i % 2 else t)[: rng.randrange(1, len(t))])
    for i in range(45):  # mutated bytes
        b = bytearray(_page(rng.choice(texts)).encode() if i % 2 else rng.choice(texts).encode())
        for _ in range(rng.randint(1, 40)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        put(f"mutated-{i}.{'html' if i % 2 else 'txt'}", bytes(b))
    for i in range(10):  # wrong charsets, both ways
        t = rng.choice(texts)
        put(f"says-1256-sends-utf8-{i}.html", _page(t, "windows-1256").encode("utf-8"))
        put(f"says-utf8-sends-1256-{i}.html", _page(t, "utf-8").encode("cp1256", errors="replace"))
    for i in range(20):  # NUL bytes
        b = bytearray(rng.choice(texts).encode())
        for _ in range(rng.randint(1, 20)):
            b.insert(rng.randrange(len(b)), 0)
        put(f"nul-{i}.txt", bytes(b))
    for i in range(12):  # binary junk
        put(f"junk-{i}.{'txt' if i % 2 else 'html'}", rng.randbytes(rng.randrange(10, 20000)))
    put("gzipped.html", gzip.compress(_page(texts[0]).encode()))
    entities = "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                       for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    put("entity-bomb.html", ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' + entities
                             + ']><html><body><p>&i;</p></body></html>').encode())
    with open(docs / "sparse-1gib.txt", "wb") as fh:
        fh.truncate(1 << 30)
    entries += 1
    for i in range(10):  # deep nesting
        n = rng.randrange(1000, 60000)
        put(f"deep-{i}.html", ("<html><body>" + "<div>" * n + "<p>حموشي</p>" + "</div>" * n).encode())
    for i in range(10):  # huge attribute counts (some under the limit)
        n = rng.choice([500, 900, 5000, 50000, 200000])
        put(f"attributes-{i}.html", ("<html><body><div " + " ".join(f'a{j}="{j}"' for j in range(n))
                                     + "><p>حموشي</p></div></body></html>").encode())
    for i in range(6):  # empty and blank
        put(f"empty-{i}.{'txt' if i % 2 else 'html'}", b" \n\t" * i)
    for i in range(5):  # junk archives
        put(f"junk-{i}.warc{'.gz' if i % 2 else ''}", b"WARC/1.0\r\n" + rng.randbytes(200))
    for name in ODD_NAMES:
        put(name, rng.choice(texts).encode())
    for i in range(3):  # folders named like documents, with a document inside
        (docs / f"folder-{i}.html").mkdir()
        put(f"folder-{i}.html/inner.txt", rng.choice(texts).encode())
    os.mkfifo(docs / "fifo.txt")
    entries += 1
    # links: inside (read), loops, escapes
    outside = base / "outside"
    outside.mkdir()
    (outside / "private.txt").write_text("حموشي يستقبل outside-marker-7f3a", encoding="utf-8")
    os.mkfifo(outside / "canary.txt")
    os.chmod(outside / "canary.txt", 0o666)
    links = {"inside.txt": docs / good[0], "passwd.txt": Path("/etc/passwd"),
             "version.txt": Path("/proc/version"),
             "private.txt": outside / "private.txt", "canary.txt": outside / "canary.txt",
             "outside-folder": outside, "self-folder": docs, "dangling.txt": base / "nowhere.txt",
             "loop-a.txt": docs / "loop-b.txt", "loop-b.txt": docs / "loop-a.txt",
             "relative-escape.txt": Path("../outside/private.txt")}
    for name, target in links.items():
        (docs / name).symlink_to(target)
        entries += 1
    # an unreadable folder: counted as a folder, its files cannot be
    locked = docs / "locked"
    locked.mkdir()
    for i in range(4):
        (locked / f"{i}.txt").write_text(texts[0], encoding="utf-8")
    return docs, entries, good


class TreeMemory:
    """Peak resident memory of a process and its descendants (summed), polled from /proc."""

    def __init__(self, pid: int):
        self.pid, self.peak, self.done = pid, 0, False
        threading.Thread(target=self._poll, daemon=True).start()

    def _tree(self) -> list[int]:
        pids, i = [self.pid], 0
        while i < len(pids):
            try:
                for task in os.listdir(f"/proc/{pids[i]}/task"):
                    with open(f"/proc/{pids[i]}/task/{task}/children") as fh:
                        pids += [int(p) for p in fh.read().split()]
            except OSError:
                pass
            i += 1
        return pids

    def _poll(self):
        while not self.done:
            total = 0
            for pid in self._tree():
                try:
                    with open(f"/proc/{pid}/status") as fh:
                        total += next(int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS:")) * 1024
                except (OSError, StopIteration):
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.05)


class FifoCanary:
    """Did anyone open this FIFO for reading? (an open for writing succeeds only then)"""

    def __init__(self, path: Path):
        self.path, self.opened, self.done = path, False, False
        threading.Thread(target=self._poll, daemon=True).start()

    def _poll(self):
        while not self.done:
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as error:
                if error.errno != errno.ENXIO:
                    return
            else:
                self.opened = True
                os.close(fd)
            time.sleep(0.002)


def crawl_folder(base: Path, docs: Path, name: str) -> tuple[subprocess.CompletedProcess, list, int]:
    scrapy, user = _as_nobody()
    out = base / f"{name}.jsonl"
    cmd = [*scrapy, "crawl", "seeds", "-a", f"path={docs}", "-O", str(out),
           "-s", f"MEETINGS_DB={base / name}.sqlite", "-s", f"MEETINGS_OUTPUT={base / name}-meetings.jsonl",
           "-s", "LIQAAT_MAX_PARSE_SECONDS=10"]
    env = {**user.pop("env", os.environ), "HOME": str(base)}
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, **user)
    memory = TreeMemory(proc.pid)
    try:
        stdout, stderr = proc.communicate(timeout=900)
    finally:
        memory.done = True
    return subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr), read_jsonl(out), memory.peak


@pytest.fixture(scope="module")
def fault_run():
    base = Path(tempfile.mkdtemp(prefix="liqaat-faults-"))
    try:
        docs, entries, good = build(base, random.Random(SEED))
        alone = base / "alone"
        alone.mkdir()
        for name in good:
            shutil.copy(docs / name, alone / name)
        for p in (base, *base.rglob("*")):
            if not p.is_symlink() and not stat.S_ISFIFO(p.lstat().st_mode):
                p.chmod(0o777 if p.is_dir() else 0o666)
        (docs / "locked").chmod(0)
        reference = crawl_folder(base, alone, "alone")
        canary = FifoCanary(base / "outside" / "canary.txt")
        started = time.monotonic()
        result = crawl_folder(base, docs, "faults")
        elapsed = time.monotonic() - started
        canary.done = True
        outputs = "".join(p.read_text(encoding="utf-8", errors="replace")
                          for p in (base / "faults.jsonl", base / "faults-meetings.jsonl"))
        yield {"docs": docs, "entries": entries, "good": good, "reference": reference, "result": result,
               "canary": canary.opened, "outputs": outputs, "elapsed": elapsed}
    finally:
        (base / "docs" / "locked").chmod(0o700)
        shutil.rmtree(base, ignore_errors=True)


def test_the_run_ends_well_and_accounts_for_every_file(fault_run):
    proc, reports, peak = fault_run["result"]
    assert proc.returncode == 0, proc.stderr[-3000:]
    s = stats_of(proc.stderr)
    skipped = sum(v for k, v in s.items() if k.startswith("liqaat/files/skipped/"))
    assert s["liqaat/files/seen"] == s["liqaat/files/processed"] + skipped
    assert s["liqaat/files/seen"] == fault_run["entries"], "an entry went uncounted"
    assert s["liqaat/folders/unreadable"] == 1
    assert fault_run["entries"] >= 200 + len(fault_run["good"])
    print(f"\nfault suite (seed {SEED}): {fault_run['entries']} entries, {len(reports)} reports, "
          f"peak memory {peak / 2**20:.0f} MB, {fault_run['elapsed']:.0f} s")


def test_the_good_documents_give_the_same_reports_and_meetings(fault_run):
    (_, alone, _), (_, mixed, _) = fault_run["reference"], fault_run["result"]

    def by_name(reports):
        out = {}
        for r in reports:
            r = {**r, "meetings": [{k: v for k, v in m.items() if k != "meeting_id"} for m in r["meetings"]]}
            out[Path(r.pop("url")).name] = r
        return out
    alone, mixed = by_name(alone), by_name(mixed)
    assert set(alone) == set(fault_run["good"])
    assert any(r["meetings"] for r in alone.values())
    for name, report in alone.items():
        assert mixed[name] == report, name


def test_memory_stays_under_1_gb(fault_run):
    assert fault_run["result"][2] < 1 << 30


def test_nothing_outside_the_folder_is_read(fault_run):
    assert not fault_run["canary"], "a FIFO outside the folder was opened through a link"
    assert "outside-marker-7f3a" not in fault_run["outputs"]
    assert "root:x:0:0" not in fault_run["outputs"]
    assert "Linux version" not in fault_run["outputs"]
