"""Prove that a change changed no output: every report field and every meeting, before and after.

    .venv/bin/python bench/diff_reports.py OLD NEW [--corpus DIR ...]

OLD and NEW are each a checkout of the project (a folder with scrapy.cfg: `scrapy crawl seeds`
is run there, with its own .venv, on every corpus into a fresh store) or a folder of outputs
written before by `--keep` (one sub-folder per corpus holding reports.jsonl and meetings.jsonl).
The corpora default to ../shared/seeds, ../shared/corpus/dev and ../shared/corpus/excerpts.
Reports are paired by `url` and compared field by field, nested fields included (meetings,
their counterpart, location, evidence); meetings by `meeting_id`. Prints each difference (the
field path, old and new value) and a count per corpus; exits 1 when anything differs.
`--keep DIR` keeps NEW's outputs there, to diff against later without running again.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPORA = [SHARED / "seeds", SHARED / "corpus" / "dev", SHARED / "corpus" / "excerpts"]


def crawl(repo: Path, corpus: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    cmd = [str(repo / ".venv" / "bin" / "scrapy"), "crawl", "seeds", "-a", f"path={corpus}",
           "-O", str(out / "reports.jsonl"), "-s", f"MEETINGS_DB={out / 'm.sqlite'}",
           "-s", f"MEETINGS_OUTPUT={out / 'meetings.jsonl'}", "-s", "LOG_LEVEL=ERROR"]
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"{repo}: crawl of {corpus} failed:\n{proc.stderr[-3000:]}")


def outputs(source: Path, corpora: list[Path], tmp: Path) -> dict[str, Path]:
    """Each corpus's output folder, crawled now when `source` is a checkout."""
    found = {}
    for corpus in corpora:
        key = corpus.name
        if (source / "scrapy.cfg").exists():
            found[key] = tmp / source.name / key
            crawl(source, corpus, found[key])
        else:
            found[key] = source / key
    return found


def read_jsonl(path: Path, key: str) -> dict[str, dict]:
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row.get(key): row for row in rows}


def differences(old, new, path: str = "") -> list[tuple[str, object, object]]:
    """(field path, old, new) for every leaf that differs."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for k in sorted(set(old) | set(new), key=str):
            out += differences(old.get(k), new.get(k), f"{path}.{k}" if path else str(k))
        return out
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        out = []
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            out += differences(a, b, f"{path}[{i}]")
        return out
    return [] if old == new else [(path, old, new)]


def short(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 160 else text[:157] + "..."


def compare(old: Path, new: Path, name: str) -> int:
    n = 0
    for what, key in (("reports.jsonl", "url"), ("meetings.jsonl", "meeting_id")):
        a, b = read_jsonl(old / what, key), read_jsonl(new / what, key)
        for k in sorted(set(a) | set(b), key=str):
            for path, x, y in differences(a.get(k), b.get(k)):
                n += 1
                print(f"{name} {what} {k} {path}: {short(x)} -> {short(y)}")
        print(f"== {name}: {len(b)} {what.split('.')[0]} (was {len(a)})")
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--corpus", type=Path, action="append", help="a folder of documents (repeatable)")
    parser.add_argument("--keep", type=Path, help="keep NEW's outputs in this folder")
    args = parser.parse_args()
    corpora = [c.resolve() for c in args.corpus or [c for c in CORPORA if c.exists()]]
    with tempfile.TemporaryDirectory() as tmp:
        old = outputs(args.old.resolve(), corpora, Path(tmp) / "old")
        new = outputs(args.new.resolve(), corpora, Path(tmp) / "new")
        total = sum(compare(old[c.name], new[c.name], c.name) for c in corpora)
        if args.keep:
            for c in corpora:
                shutil.copytree(new[c.name], args.keep / c.name, dirs_exist_ok=True)
    print(f"{total} differences")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
