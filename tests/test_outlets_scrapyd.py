"""A real Scrapyd on 127.0.0.1: deploy the project with scrapyd-deploy, schedule an outlets job
against the local fixture sites, wait for it to finish, read its items and log."""

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, read_jsonl
from tests.fixture_site import EXPECTED, OUTLETS, outlet_settings, serve

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(url, body, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path):
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = free_port()
    # the project's scrapyd.conf (it keeps items), on a free port
    conf = (ROOT / "scrapyd.conf").read_text(encoding="utf-8")
    assert "\nitems_dir" in conf
    (home / "scrapyd.conf").write_text(
        conf.replace("http_port    = 6800", f"http_port    = {port}") + "poll_interval = 0.2\n",
        encoding="utf-8")
    log = open(home / "scrapyd.log", "wb")  # noqa: SIM115 (closed in teardown)
    # TMPDIR: the job unpacks the egg there (crawler/_egg.py), inside this test's folder
    (home / "tmp").mkdir()
    env = {**os.environ, "TMPDIR": str(home / "tmp")}
    env.pop("PYTHONPATH", None)  # the job imports the deployed egg, not this checkout
    proc = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=subprocess.STDOUT,
                            env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                call(f"{url}/daemonstatus.json")
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"scrapyd exited: {(home / 'scrapyd.log').read_text()[-2000:]}")
                time.sleep(0.1)
        yield url, home
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def deploy(tmp_path: Path, url: str) -> None:
    """`scrapyd-deploy` from a copy of the project whose scrapy.cfg points at this Scrapyd."""
    src = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("crawler", "pipelines"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    shutil.copy(ROOT / "setup.py", src / "setup.py")
    cfg = (ROOT / "scrapy.cfg").read_text(encoding="utf-8")
    (src / "scrapy.cfg").write_text(cfg.replace("http://127.0.0.1:6800/", f"{url}/"), encoding="utf-8")
    proc = subprocess.run([str(BIN / "scrapyd-deploy")], cwd=src, capture_output=True, text=True,
                          timeout=60)
    assert '"status": "ok"' in proc.stdout, proc.stdout + proc.stderr


def test_scheduled_outlets_job_through_scrapyd(tmp_path, scrapyd):
    url, home = scrapyd
    deploy(tmp_path, url)
    # Someone else plants the folder an older _egg.py unpacked into (named by the egg's hash)
    # with a settings module that leaves a mark: the job must never import it.
    (egg,) = (home / "scrapyd" / "eggs" / "liqaat").glob("*.egg")
    evil = home / "tmp" / f"liqaat-egg-{hashlib.sha256(egg.read_bytes()).hexdigest()[:16]}"
    planted = tmp_path / "planted-code-ran"
    shutil.rmtree(evil, ignore_errors=True)  # (an older _egg.py left its copy there)
    for pkg in ("crawler", "pipelines"):
        (evil / pkg).mkdir(parents=True)
        (evil / pkg / "__init__.py").write_text(f"open({str(planted)!r}, 'w').close()\n")
    (evil / "crawler" / "settings.py").write_text(f"open({str(planted)!r}, 'w').close()\n")
    assert "outlets" in call(f"{url}/listspiders.json?project=liqaat")["spiders"]
    with serve(OUTLETS / "site") as ar, serve(OUTLETS / "site-fr") as fr:
        settings = {**outlet_settings(ar, fr), "MEETINGS_DB": str(tmp_path / "m.sqlite"),
                    "MEETINGS_OUTPUT": str(tmp_path / "m.jsonl")}
        job = call(f"{url}/schedule.json", [("project", "liqaat"), ("spider", "outlets"),
                                            *(("setting", f"{k}={v}") for k, v in settings.items())])
        assert job["status"] == "ok", job
        for _ in range(600):
            jobs = call(f"{url}/listjobs.json?project=liqaat")
            if any(j["id"] == job["jobid"] for j in jobs["finished"]):
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"job {job['jobid']} did not finish: {jobs}")
    log = (home / "scrapyd" / "logs" / "liqaat" / "outlets" / f"{job['jobid']}.log").read_text(
        encoding="utf-8")
    assert "Spider closed (finished)" in log
    assert not planted.exists(), "code from a folder planted in the temp dir ran in the job"
    assert list((home / "tmp").glob("liqaat-egg-*")) == [evil], "each private copy is removed"
    items = read_jsonl(home / "scrapyd" / "items" / "liqaat" / "outlets" / f"{job['jobid']}.jl")
    assert {u["url"].removeprefix(ar.url).removeprefix(fr.url) for u in items} == EXPECTED
