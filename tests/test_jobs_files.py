"""The seeds spider on hostile folders, through real `scrapy crawl` runs: links out of the folder,
unreadable folders, entries that change while the folder is listed, damaged and huge archives,
huge sparse files. Nothing outside the folder is read, no bad file stops the run, no file is
read whole before its size is checked."""

from __future__ import annotations

import gzip
import io
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.files import walk
from tests.conftest import FIXTURES, ROOT, SCRAPY, crawl, read_jsonl
from tests.test_store import PIPELINES

CORPUS = FIXTURES / "store" / "corpus"


def stats_of(log: str) -> dict:
    dump = log.split("Dumping Scrapy stats:")[-1]
    out = {}
    for line in dump.splitlines():
        if line.strip().startswith("'") and "':" in line:
            key, _, value = line.strip().strip(",{}").partition("':")
            value = value.strip().strip(",}")
            if value.isdigit():
                out[key.strip("'")] = int(value)
    return out


def run(tmp_path, folder, *args, check=True):
    out = tmp_path / "reports.jsonl"
    proc = crawl(tmp_path, "-a", f"path={folder}", "-O", str(out), "-s", f"ITEM_PIPELINES={PIPELINES}",
                 *args, check=check)
    return (read_jsonl(out) if out.exists() else []), proc


def good_folder(tmp_path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    return docs


def test_links_out_of_the_folder_are_not_followed(tmp_path):
    docs = good_folder(tmp_path)
    private = tmp_path / "private.txt"
    private.write_text("حموشي يستقبل سرا private-outside-marker", encoding="utf-8")
    (docs / "passwd.txt").symlink_to("/etc/passwd")
    (docs / "version.txt").symlink_to("/proc/version")
    (docs / "private.txt").symlink_to(private)
    (docs / "up").symlink_to(tmp_path)  # a folder outside, holding private.txt
    (docs / "self").symlink_to(docs)  # a folder inside: a loop if followed
    (docs / "loop.txt").symlink_to(docs / "loop2.txt")
    (docs / "loop2.txt").symlink_to(docs / "loop.txt")
    (docs / "inside.txt").symlink_to(docs / "01_outlet-a_portugal.txt")  # inside: read
    reports, proc = run(tmp_path, docs)
    urls = {Path(r["url"]).name for r in reports}
    assert urls == {p.name for p in CORPUS.glob("*.txt")} | {"inside.txt"}
    assert "private-outside-marker" not in (tmp_path / "reports.jsonl").read_text(encoding="utf-8")
    assert "root:" not in (tmp_path / "reports.jsonl").read_text(encoding="utf-8")
    s = stats_of(proc.stderr)
    assert s["liqaat/files/skipped/outside_folder"] == 4
    assert s["liqaat/files/skipped/link_to_folder"] == 1
    assert s["liqaat/files/skipped/broken_link"] == 2
    assert s["liqaat/files/seen"] == s["liqaat/files/processed"] + sum(
        v for k, v in s.items() if k.startswith("liqaat/files/skipped/"))


def test_a_file_swapped_for_a_link_after_the_listing_is_not_read(tmp_path):
    """The bounded file handler checks the real path again when it opens the file."""
    from crawler.files.handler import read_bounded

    docs = good_folder(tmp_path)
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    victim = docs / "01_outlet-a_portugal.txt"
    victim.unlink()
    victim.symlink_to(tmp_path / "secret.txt")
    with pytest.raises(PermissionError, match="outside"):
        read_bounded(str(victim), str(docs), 100)
    assert read_bounded(str(docs / "02_outlet-b_portugal.txt"), str(docs), 10)[0] == \
        (docs / "02_outlet-b_portugal.txt").read_bytes()[:11]


def _as_nobody() -> tuple[list[str], dict]:
    """As root, permissions do not apply: the crawl runs as `nobody` (uid 65534) instead, with
    the system's python of the same version and the virtualenv's packages (the venv's own python
    may live under /root, which nobody cannot enter)."""
    if os.getuid() != 0:
        return [str(SCRAPY)], {}
    system = Path(f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}")
    if not system.exists():
        pytest.skip(f"running as root and no {system} to run the crawl as nobody: "
                    "a folder root cannot read does not exist")
    site = next(p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    return [str(system), "-m", "scrapy"], {"user": 65534, "group": 65534, "extra_groups": [],
                                           "env": {**os.environ, "PYTHONPATH": site}}


def _unreadable_run(tmp_path):
    base = Path(tempfile.mkdtemp(prefix="liqaat-perm-"))
    try:
        base.chmod(0o777)
        docs = base / "docs"
        shutil.copytree(CORPUS, docs)
        locked = docs / "locked"
        locked.mkdir()
        for i in range(6):
            (locked / f"{i}.txt").write_text("حموشي", encoding="utf-8")
        locked.chmod(0)
        for p in (base, docs):
            p.chmod(0o777)
        out = base / "r.jsonl"
        scrapy, user = _as_nobody()
        cmd = [*scrapy, "crawl", "seeds", "-a", f"path={docs}", "-O", str(out),
               "-s", f"ITEM_PIPELINES={PIPELINES}", "-s", f"MEETINGS_DB={base / 'm.sqlite'}",
               "-s", f"MEETINGS_OUTPUT={base / 'm.jsonl'}"]
        env = {**user.pop("env", os.environ), "HOME": str(base)}
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env, **user)
        return proc, read_jsonl(out)
    finally:
        (base / "docs" / "locked").chmod(0o700)
        shutil.rmtree(base, ignore_errors=True)


def test_an_unreadable_folder_is_logged_and_counted(tmp_path):
    proc, reports = _unreadable_run(tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(reports) == 6
    assert "skipped folder" in proc.stderr and "locked" in proc.stderr
    assert stats_of(proc.stderr)["liqaat/folders/unreadable"] == 1


class Stats(dict):
    def inc_value(self, key, n=1):
        self[key] = self.get(key, 0) + n


def test_an_entry_that_changes_between_file_and_folder_does_not_stop_the_listing(tmp_path):
    docs = tmp_path / "docs"
    (docs / "b").mkdir(parents=True)
    (docs / "a.txt").write_text("a", encoding="utf-8")
    (docs / "b" / "x.txt").write_text("x", encoding="utf-8")
    (docs / "c").mkdir()
    (docs / "c" / "y.txt").write_text("y", encoding="utf-8")
    stats = Stats()
    it = walk(docs, stats, logging.getLogger("test"))
    assert next(it) == docs / "a.txt"  # the root is listed: b and c are folders now
    shutil.rmtree(docs / "b")
    (docs / "b").write_text("now a file", encoding="utf-8")
    shutil.rmtree(docs / "c")
    assert list(it) == [docs / "b"]  # read as the file it became; c vanished, counted
    assert stats["liqaat/files/skipped/vanished"] == 1


def test_listing_order_is_rglob_order(tmp_path):
    for rel in ("a/z.txt", "a.txt", "a/b/c.txt", "b.txt", "ab/x.txt", "a-b.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    stats = Stats()
    assert list(walk(tmp_path, stats, logging.getLogger("t"))) == [
        p for p in sorted(tmp_path.rglob("*")) if p.is_file()]


def _warc(path: Path, records: list[tuple[str, bytes]]) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_a_malformed_warc_is_skipped_and_the_run_goes_on(tmp_path):
    docs = good_folder(tmp_path)
    _warc(docs / "good.warc", [("http://example.org/a", b"a page")])
    good = (docs / "good.warc").read_bytes()
    (docs / "good.warc").unlink()
    # one damaged byte joins two header lines: the record has no URL, and reading it raised
    # AttributeError, which once stopped the whole run
    (docs / "bad.warc").write_bytes(good.replace(b">\r\nWARC-Target-URI", b">\r\x97WARC-Target-URI", 1))
    (docs / "junk.warc.gz").write_bytes(gzip.compress(b"WARC/1.1\r\n" + b"\xff" * 300))
    reports, proc = run(tmp_path, docs)
    assert proc.returncode == 0
    assert {p.name for p in CORPUS.glob("*.txt")} <= {Path(r["url"]).name for r in reports}
    assert stats_of(proc.stderr)["liqaat/files/skipped/bad_warc"] >= 1


def _peak_rss_mb(proc_args, **kwargs) -> tuple[subprocess.CompletedProcess, float]:
    """Run a command to its end; the peak resident memory of its largest process, in MB."""
    script = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:]); "
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
              "sys.exit(p.returncode)")
    proc = subprocess.run([sys.executable, "-c", script, *proc_args], capture_output=True, text=True,
                          timeout=600, **kwargs)
    return proc, int(proc.stderr.strip().splitlines()[-1]) / 1024


def test_huge_files_and_archive_records_are_not_read_whole(tmp_path):
    docs = good_folder(tmp_path)
    with open(docs / "sparse.txt", "wb") as fh:  # 1 GiB, almost no disk
        fh.truncate(1 << 30)
    big = docs / "big.warc.gz"
    with open(big, "wb") as fh:  # one 400 MB record of a text page, 0.4 MB compressed
        writer = WARCWriter(fh, gzip=True)
        zeros = io.BytesIO(b"x" * (400 << 20))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("http://example.org/big", "response", payload=zeros,
                                                      http_headers=headers))
        del zeros
    out = tmp_path / "r.jsonl"
    proc, peak = _peak_rss_mb([str(SCRAPY), "crawl", "seeds", "-a", f"path={docs}", "-O", str(out),
                               "-s", f"ITEM_PIPELINES={PIPELINES}",
                               "-s", f"MEETINGS_DB={tmp_path / 'm.sqlite'}",
                               "-s", f"MEETINGS_OUTPUT={tmp_path / 'm.jsonl'}"], cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(read_jsonl(out)) == 6
    assert stats_of(proc.stderr)["liqaat/files/skipped/too_large"] == 2
    assert peak < 380, f"peak RSS {peak:.0f} MB: a file was read whole"


@pytest.mark.parametrize(("setting", "value", "says"), [
    ("LIQAAT_MAX_DOCUMENT_BYTES", "5MB", "LIQAAT_MAX_DOCUMENT_BYTES = '5MB': must be a whole number"),
    ("LIQAAT_WORKERS", "-3", "LIQAAT_WORKERS = '-3': must be at least 0"),
    ("DOWNLOAD_TIMEOUT", "soon", "DOWNLOAD_TIMEOUT = 'soon': must be a number"),
    ("OUTLETS_SINCE", "last year", "OUTLETS_SINCE = 'last year': must be an ISO date"),
    ("OUTLETS_HOST_MAP", "{nope", "OUTLETS_HOST_MAP = '{nope': must be a JSON object"),
    ("OUTLETS_LASTMOD", "maybe", "OUTLETS_LASTMOD = 'maybe': must be True or False"),
])
def test_a_wrong_setting_stops_the_run_with_one_line_naming_it(tmp_path, setting, value, says):
    docs = good_folder(tmp_path)
    _, proc = run(tmp_path, docs, "-s", f"{setting}={value}", check=False)
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if " ERROR: " in line]
    assert len(errors) == 1 and says in errors[0], proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "meetings.sqlite").exists()


def crowded(n: int) -> str:
    """A page with one element carrying `n` attributes."""
    return "<html><body><div " + " ".join(f'a{i}="v"' for i in range(n)) + "><p>حموشي</p></div></body></html>"


def test_a_page_with_200000_attributes_is_skipped_not_parsed_for_minutes(tmp_path):
    docs = good_folder(tmp_path)
    (docs / "crowded.html").write_text(
        crowded(200_000), encoding="utf-8")
    reports, proc = run(tmp_path, docs)
    assert {Path(r["url"]).name for r in reports} == {p.name for p in CORPUS.glob("*.txt")}
    assert stats_of(proc.stderr)["liqaat/files/skipped/too_many_attributes"] == 1


def test_a_parse_over_its_time_budget_is_cut_and_skipped(tmp_path):
    docs = good_folder(tmp_path)
    (docs / "slow.html").write_text(
        crowded(30_000), encoding="utf-8")
    reports, proc = run(tmp_path, docs, "-s", "LIQAAT_MAX_ATTRIBUTES=1000000",
                        "-s", "LIQAAT_MAX_PARSE_SECONDS=1")
    assert {Path(r["url"]).name for r in reports} == {p.name for p in CORPUS.glob("*.txt")}
    s = stats_of(proc.stderr)
    assert s["liqaat/files/skipped/parse_timeout"] == 1
    assert s["liqaat/files/seen"] == s["liqaat/files/processed"] + sum(
        v for k, v in s.items() if k.startswith("liqaat/files/skipped/"))
