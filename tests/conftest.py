"""Shared test helpers: where ../shared is, and running a real `scrapy crawl` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("LIQAAT_SHARED", ROOT.parent / "shared"))
SCRAPY = Path(sys.executable).with_name("scrapy")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test, saying why, when a clone has no ../shared."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is absent (a user's clone has no ../shared); the fixtures under tests/ cover this")
    return p


def one_meeting(text: str, title: str | None = None):
    """The one meeting `extract_meetings` reads in `text` (asserted: exactly one)."""
    from crawler.meetings import extract_meetings  # the vocabularies load only for the tests using it

    found = extract_meetings(text, title)
    assert len(found.meetings) == 1, (text, found.reason, [m.counterpart for m in found.meetings])
    return found.meetings[0]


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def crawl(
    tmp_path: Path, *args: str, spider: str = "seeds", check: bool = True, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run `scrapy crawl SPIDER ARGS` from the project root, with the store under tmp_path
    (`env`: more environment variables, e.g. `http_proxy`)."""
    cmd = [str(SCRAPY), "crawl", spider, *args,
           "-s", f"MEETINGS_DB={tmp_path / 'meetings.sqlite'}",
           "-s", f"MEETINGS_OUTPUT={tmp_path / 'meetings.jsonl'}"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env} if env else None)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    return proc


def crawl_reports(tmp_path: Path, path: Path, *args: str) -> tuple[list[dict], subprocess.CompletedProcess]:
    """Crawl a folder with the seeds spider; return the report items and the process."""
    out = tmp_path / "reports.jsonl"
    proc = crawl(tmp_path, "-a", f"path={path}", "-O", str(out), *args)
    return read_jsonl(out), proc
