"""The static report: `scrapy report` writes one self-contained HTML page with inline SVG plots;
and the browser check: headless Chromium renders the report and a Datasette page to PNG (skipped,
saying why, where Chromium is not installed). LIQAAT_SCREENSHOTS=DIR keeps the PNGs to look at."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT, SCRAPY
from tests.test_dataset_datasette import make_store, server  # noqa: F401 (a fixture)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def make_report(db, out):
    cmd = [str(SCRAPY), "report", str(db), "-o", str(out)]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)


def test_report_is_one_self_contained_page(tmp_path):
    db = make_store(tmp_path / "meetings.sqlite")
    out = tmp_path / "r" / "report.html"
    make_report(db, out)
    page = out.read_text(encoding="utf-8")
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(svgs) == 6
    for svg in svgs:
        ET.fromstring(svg)  # each plot is well-formed SVG
    # nothing is fetched at view time: no script, stylesheet link, image or remote URL
    assert not re.search(r"<script|<link|<img|src=|url\(", page)
    assert set(re.findall(r"https?://[^\s\"'<]+", page)) == {"http://www.w3.org/2000/svg"}
    assert "<b>2</b> meetings (2024–2025)" in page and "<b>1</b> abroad" in page
    assert "Belgium" in page and "<td>Spain</td><td class=n>1</td><td>Madrid (1)</td>" in page
    assert ">terrorism</text>" in page
    assert "يان فان دام (BE)" in page and "الشرطة الفيدرالية (BE)" in page


def screenshot(url: str, png: Path, height: int = 1800) -> None:
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--window-size=1100,{height}", f"--screenshot={png}", url]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert png.is_file(), proc.stderr[-2000:]


@pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed (apt-get install -y chromium)")
def test_chromium_renders_the_report_and_datasette(tmp_path, server):  # noqa: F811
    base, db = server
    keep = Path(os.environ.get("LIQAAT_SCREENSHOTS") or tmp_path)
    keep.mkdir(parents=True, exist_ok=True)
    report = tmp_path / "report.html"
    make_report(db, report)
    shots = {"report.png": report.as_uri(), "datasette_meetings_flat.png": f"{base}/meetings/meetings_flat",
             "datasette_abroad.png": f"{base}/meetings/hammouchi_abroad"}
    for name, url in shots.items():
        screenshot(url, keep / name)
        # a rendered page, not a blank one: a PNG of some size (a blank 1100x1800 one is ~10 KB)
        assert (keep / name).stat().st_size > 25_000, name
