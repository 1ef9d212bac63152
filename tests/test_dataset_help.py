"""Discoverability: `scrapy crawl SPIDER -a help=1` (and `./run --help`) list the spider's arguments
and the project's settings with their defaults and comments, and crawl nothing."""

from __future__ import annotations

import subprocess

from crawler import settings
from crawler.help import INTERNAL, settings_docs
from tests.conftest import ROOT, SCRAPY


def test_every_user_setting_is_listed_with_a_comment():
    docs = {name: (default, comment) for name, default, comment in settings_docs()}
    imported = {"REPORT_EXPORT_FIELDS"}
    expected = {n for n in dir(settings) if n.isupper() and n not in INTERNAL} - imported
    assert set(docs) == expected
    assert all(comment for _, comment in docs.values()), [n for n, (_, c) in docs.items() if not c]
    assert docs["MEETINGS_DB"][0] == repr(settings.MEETINGS_DB)


def test_help_lists_arguments_and_settings_and_crawls_nothing(tmp_path):
    for spider, arg in (("seeds", "path"), ("outlets", "outlet")):
        proc = subprocess.run([str(SCRAPY), "crawl", spider, "-a", "help=1",
                               "-s", f"MEETINGS_DB={tmp_path / 'm.sqlite'}"],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-2000:]
        out = proc.stdout
        assert out.startswith(f"scrapy crawl {spider} ")
        assert f"\n  {arg} " in out and "MEETINGS_DB = 'output/meetings.sqlite'" in out
        assert "LIQAAT_PROGRESS_INTERVAL = 15.0" in out and "# Run feedback" in out
        assert "Spider opened" not in proc.stderr
    assert "OUTLETS_BASE_URL" in out
    assert not (tmp_path / "m.sqlite").exists()
