"""LIQAAT_WORKERS: the pipelines before the store in worker processes give the same reports as
in-process, and lose nothing when a worker dies."""

import json
import shutil

from scrapy.settings import Settings

from crawler.parallel import ParallelAddon
from tests.conftest import crawl, read_jsonl
from tests.fixture_site import OUTLETS


def test_addon_moves_the_pipelines_before_the_store():
    settings = Settings({"LIQAAT_WORKERS": 2, "ITEM_PIPELINES": {"a.A": 100, "b.B": 300, "s.Store": 500}})
    ParallelAddon().update_settings(settings)
    assert settings.getdict("ITEM_PIPELINES") == {"pipelines.parallel.ParallelPipeline": 100, "s.Store": 500}
    assert settings.getlist("LIQAAT_PARALLEL_CHAIN") == ["a.A", "b.B"]
    known = Settings({"LIQAAT_WORKERS": 2, "ITEM_PIPELINES": {"pipelines.known.KnownPipeline": 50,
                                                             "a.A": 100, "s.Store": 500}})
    ParallelAddon().update_settings(known)  # a pipeline that runs in the crawl process stays there
    assert known.getdict("ITEM_PIPELINES") == {"pipelines.known.KnownPipeline": 50,
                                               "pipelines.parallel.ParallelPipeline": 100, "s.Store": 500}
    off = Settings({"LIQAAT_WORKERS": 0, "ITEM_PIPELINES": {"a.A": 100}})
    ParallelAddon().update_settings(off)
    assert off.getdict("ITEM_PIPELINES") == {"a.A": 100}


def comparable(report):
    meetings = [{k: v for k, v in m.items() if k != "meeting_id"} for m in report["meetings"]]
    return {**report, "meetings": meetings}


def test_workers_give_the_same_reports_and_lose_nothing(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    pages = sorted(OUTLETS.glob("site*/*/*.html"))
    for page in pages:
        shutil.copy(page, folder / page.name)
    shutil.copy(pages[0], folder / "crash-1.html")  # kills the worker that gets it
    shutil.copy(pages[0], folder / "raise-1.html")  # a pipeline error, as in-process
    pipelines = {"pipelines.extract.ExtractPipeline": 100, "tests.stub_crash.CrashPipeline": 150,
                 "pipelines.published.PublishedPipeline": 200, "pipelines.meetings.MeetingsPipeline": 300,
                 "pipelines.meeting_dates.MeetingDatesPipeline": 400, "pipelines.store.StorePipeline": 500}
    runs = {}
    for workers in (0, 2):
        out = tmp_path / f"{workers}.jsonl"
        proc = crawl(tmp_path / str(workers), "-a", f"path={folder}", "-O", str(out),
                     "-s", f"LIQAAT_WORKERS={workers}", "-s", f"ITEM_PIPELINES={json.dumps(pipelines)}")
        runs[workers] = {r["url"].rsplit("/", 1)[-1]: comparable(r) for r in read_jsonl(out)}
        assert "stub pipeline error on raise-1.html" in proc.stderr
    assert "raise-1.html" not in runs[2] and "crash-1.html" in runs[2]
    assert runs[2] == runs[0]
    assert "'liqaat/parallel/fallback'" in proc.stderr and "running it in-process" in proc.stderr
