"""Scheduled runs as cron and Scrapyd run them, through real `scrapy crawl` processes: the docs'
cron line run twice, two runs on one store at once, a full disk, a failed run with `-O`, and a
crawl killed with SIGKILL then resumed."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import FIXTURES, ROOT, SCRAPY, crawl, read_jsonl
from tests.fixture_site import EXPECTED, OUTLETS, outlet_settings, serve
from tests.test_jobs_files import stats_of
from tests.test_store import PIPELINES

CORPUS, GROWN = FIXTURES / "store" / "corpus", FIXTURES / "store" / "grown"


def cron_command() -> str:
    """The outlets cron line of docs/outlets.md, as the shell would run it in the project."""
    text = (ROOT / "docs" / "outlets.md").read_text(encoding="utf-8")
    (line,) = [ln for ln in text.splitlines() if ln.startswith("17 5 * * * cd /srv/liqaat && ")]
    command = line.removeprefix("17 5 * * * cd /srv/liqaat && ").replace("\\%", "%")
    return command.replace(".venv/bin/scrapy", str(SCRAPY))


def run_in(folder: Path, command: str, *settings: str) -> subprocess.CompletedProcess:
    """Run a documented shell command with `folder` as the project's working directory."""
    (folder / "output").mkdir(parents=True, exist_ok=True)
    extra = " ".join(f"-s '{s}'" for s in settings)
    command = command.replace(" crawl outlets ", f" crawl outlets {extra} ", 1)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings", "PYTHONPATH": str(ROOT)}
    return subprocess.run(["bash", "-c", command], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_docs_cron_line_twice_crawls_the_new_pages_the_second_time(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(OUTLETS / "site", site)
    command = cron_command()
    assert "JOBDIR=" in command and " -o " in command
    with serve(site) as ar, serve(OUTLETS / "site-fr") as fr:
        settings = [f"{k}={v}" for k, v in outlet_settings(ar, fr).items()]
        first = run_in(tmp_path, command, *settings)
        log = (tmp_path / "output" / "cron.log").read_text(encoding="utf-8")
        assert first.returncode == 0, log[-3000:]
        one = [r["url"] for r in read_jsonl(tmp_path / "output" / "reports.jsonl")]
        # the next day: a new article in the sitemap
        shutil.copy(site / "news" / "101.html", site / "news" / "107.html")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        index = (site / "sitemap_index.xml").read_text(encoding="utf-8")
        (site / "sitemap_index.xml").write_text(index.replace("2025-06-02T08:00:00+01:00", now),
                                                encoding="utf-8")
        sitemap = (site / "sitemap-news.xml").read_text(encoding="utf-8")
        (site / "sitemap-news.xml").write_text(sitemap.replace(
            "</urlset>", "<url><loc>http://fixture.example/news/107.html</loc></url></urlset>"),
            encoding="utf-8")
        ar.requests.clear()
        second = run_in(tmp_path, command, *settings)
        log = (tmp_path / "output" / "cron.log").read_text(encoding="utf-8")
        assert second.returncode == 0, log[-3000:]
    all_urls = [r["url"] for r in read_jsonl(tmp_path / "output" / "reports.jsonl")]
    assert {u.removeprefix(ar.url).removeprefix(fr.url) for u in one} == EXPECTED
    assert all_urls[len(one):] == [f"{ar.url}/news/107.html"]  # appended, once
    assert "/news/107.html" in ar.requests  # the second day crawled
    assert "liqaat/job/new" in log.split("Dumping Scrapy stats")[-1]


def seeds(tmp_path, folder, db, *args, **kwargs) -> subprocess.Popen:
    cmd = [str(SCRAPY), "crawl", "seeds", "-a", f"path={folder}", "-s", f"ITEM_PIPELINES={PIPELINES}",
           "-s", f"MEETINGS_DB={db}", "-s", f"MEETINGS_OUTPUT={db.with_suffix('.jsonl')}", *args]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            **kwargs)


def clusters(meetings_file: Path) -> set[frozenset]:
    return {frozenset(s["url"].rsplit("/", 1)[-1] for s in m["sources"]) for m in read_jsonl(meetings_file)}


def test_two_runs_on_one_store_at_once_equal_two_runs_in_turn(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(CORPUS, a)
    shutil.copytree(GROWN, b)
    # in turn
    for folder in (a, b):
        p = seeds(tmp_path, folder, tmp_path / "turn.sqlite")
        assert p.wait(300) == 0, p.stderr.read()[-2000:]
    # at once, twice (who goes first varies)
    for i in range(2):
        db = tmp_path / f"once{i}.sqlite"
        procs = [seeds(tmp_path, folder, db, "-O", str(tmp_path / f"r{i}{folder.name}.jsonl"))
                 for folder in (a, b)]
        logs = [p.communicate(timeout=300)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0], logs
        assert not any("UNIQUE constraint" in log for log in logs)
        assert clusters(db.with_suffix(".jsonl")) == clusters(tmp_path / "turn.jsonl")
        for folder in (a, b):
            fed = read_jsonl(tmp_path / f"r{i}{folder.name}.jsonl")
            assert all(m["meeting_id"] for r in fed for m in r["meetings"])


def test_a_run_that_waits_too_long_for_the_store_says_so(tmp_path):
    from crawler.store.lock import StoreLock

    db = tmp_path / "m.sqlite"
    held = StoreLock(db)
    assert held.try_acquire()
    try:
        p = seeds(tmp_path, CORPUS, db, "-s", "LIQAAT_STORE_LOCK_WAIT=1")
        log = p.communicate(timeout=300)[1]
    finally:
        held.release()
    assert p.returncode == 1
    errors = [ln for ln in log.splitlines() if " ERROR: " in ln]
    assert len(errors) == 1 and "is in use by another run" in errors[0] and str(db) in errors[0], errors
    assert "Traceback" not in log


def _full_disk(limit: int):
    def apply():  # files cannot grow past `limit` bytes: writes fail as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_full_disk_fails_the_run_with_one_error_line(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    db = tmp_path / "m.sqlite"
    first = seeds(tmp_path, docs, db)
    assert first.wait(300) == 0
    before = (tmp_path / "m.jsonl").read_text(encoding="utf-8")
    for p in GROWN.iterdir():
        shutil.copy(p, docs / p.name)
    for limit in (4096, os.path.getsize(db)):  # nothing can be written; the store cannot grow
        written = (tmp_path / "m.jsonl").read_text(encoding="utf-8")
        p = seeds(tmp_path, docs, db, "-O", str(tmp_path / "r.jsonl"), preexec_fn=_full_disk(limit))
        log = p.communicate(timeout=300)[1]
        assert p.returncode == 1, log[-3000:]
        errors = [ln for ln in log.splitlines() if " ERROR: " in ln]
        assert len(errors) == 1, errors
        assert re.search(r"could not (store|write|open)", errors[0]), errors[0]
        if limit == 4096:  # the export failed too: the old file stays, whole
            assert (tmp_path / "m.jsonl").read_text(encoding="utf-8") == written == before
    # with room again, the next run stores what this one could not
    again = seeds(tmp_path, docs, db)
    assert again.wait(300) == 0
    assert len(read_jsonl(tmp_path / "m.jsonl")) == 4


def test_a_failed_run_leaves_the_feed_as_it_was(tmp_path):
    out = tmp_path / "reports.jsonl"
    crawl(tmp_path, "-a", f"path={CORPUS}", "-O", str(out), "-s", f"ITEM_PIPELINES={PIPELINES}")
    before = out.read_text(encoding="utf-8")
    assert len(read_jsonl(out)) == 6
    proc = crawl(tmp_path, "-a", f"path={tmp_path / 'mistyped'}", "-O", str(out),
                 "-s", f"ITEM_PIPELINES={PIPELINES}", check=False)
    assert proc.returncode == 1
    assert out.read_text(encoding="utf-8") == before
    assert not list(tmp_path.glob(".reports.jsonl.*"))


def _kill_when(proc: subprocess.Popen, ready, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"the crawl ended before it could be killed: {proc.returncode}")
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_an_outlets_crawl_killed_hard_then_resumed_loses_and_duplicates_nothing(tmp_path):
    with serve(OUTLETS / "site") as ar, serve(OUTLETS / "site-fr") as fr:
        settings = [a for k, v in outlet_settings(ar, fr).items() for a in ("-s", f"{k}={v}")]
        args = [str(SCRAPY), "crawl", "outlets", *settings, "-s", f"JOBDIR={tmp_path / 'job'}",
                "-s", f"MEETINGS_DB={tmp_path / 'm.sqlite'}", "-s", f"MEETINGS_OUTPUT={tmp_path / 'm.jsonl'}",
                "-s", "CONCURRENT_REQUESTS=1", "-o", str(tmp_path / "r.jsonl")]
        proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        feed = tmp_path / "r.jsonl"
        _kill_when(proc, lambda: feed.exists() and feed.read_bytes().count(b"\n") >= 3)
        resumed = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert "the last run of this job was killed" in resumed.stderr
    assert "struct.error" not in resumed.stderr
    urls = [r["url"] for r in read_jsonl(feed)]
    assert len(urls) == len(set(urls))
    assert {u.removeprefix(ar.url).removeprefix(fr.url) for u in urls} == EXPECTED
    sources = {s["url"] for m in read_jsonl(tmp_path / "m.jsonl") for s in m["sources"]}
    assert sources == set(urls)
    assert json.loads((tmp_path / "job" / "liqaat-job.json").read_text())["state"] == "finished"
    assert stats_of(resumed.stderr).get("liqaat/job/recovered") == 1
