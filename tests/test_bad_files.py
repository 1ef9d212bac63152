"""Bad input never stops a run: each bad file gets one log line and a stat, and every file of the
folder is accounted for (processed, or skipped with a reason)."""

from __future__ import annotations

import os
import re

from tests.conftest import crawl_reports

GOOD = ("<html><head><meta charset='utf-8'><title>x</title></head><body><article><h1>عنوان المقال</h1>"
        + "<p>" + "هذه فقرة من نص المقال الرئيسي. " * 20 + "</p></article></body></html>")


def _stats(stderr: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"'(liqaat/[^']+)': (\d+)", stderr)}


def test_bad_files_are_logged_counted_and_skipped(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a-good.html").write_text(GOOD, encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.html").write_bytes(bytes(range(256)) * 64)
    # not UTF-8 and no charset declared: read as windows-1256, counted
    (folder / "d-legacy.txt").write_bytes(("حموشي يستقبل سفير اليابان\n" + "نص عربي قديم الترميز. " * 30)
                                          .encode("cp1256"))
    with open(folder / "e-junk.html", "wb") as fh:  # 30 MB of junk, over LIQAAT_MAX_DOCUMENT_BYTES
        block = os.urandom(1 << 20)
        for _ in range(30):
            fh.write(block)
    os.symlink(folder / "missing.html", folder / "f-broken-link.html")
    # UTF-8 with one stray byte: stays UTF-8, the byte replaced, counted
    (folder / "h-stray-byte.txt").write_bytes("حموشي يستقبل سفير كندا\n".encode() + b"\xff"
                                               + ("نص عربي سليم الترميز. " * 30).encode())
    (folder / "g-notes.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "run"
    out.mkdir()

    reports, proc = crawl_reports(out, folder)

    assert proc.returncode == 0
    assert sorted(r["url"].rsplit("/", 1)[-1] for r in reports) == ["a-good.html", "d-legacy.txt",
                                                                     "h-stray-byte.txt"]
    stats = _stats(proc.stderr)
    assert stats["liqaat/files/seen"] == 7  # the seven .html/.txt paths; the .pdf is no document
    assert stats["liqaat/files/skipped/not_a_document"] == 1
    assert stats["liqaat/files/skipped/empty"] == 1
    assert stats["liqaat/files/skipped/binary"] == 1
    assert stats["liqaat/files/skipped/too_large"] == 1
    assert stats["liqaat/files/skipped/broken_link"] == 1
    assert stats["liqaat/files/encoding_fallback"] == 1
    assert stats["liqaat/files/invalid_utf8"] == 1
    assert stats["liqaat/files/processed"] == 3
    skipped = sum(v for k, v in stats.items()
                  if k.startswith("liqaat/files/skipped/") and "not_a_document" not in k)
    assert stats["liqaat/files/processed"] + skipped == stats["liqaat/files/seen"]
    # one clear line per bad file, naming it
    for name, why in [("b-empty.txt", "empty"), ("c-binary.html", "binary"), ("e-junk.html", "limit"),
                      ("f-broken-link.html", "broken link")]:
        lines = [ln for ln in proc.stderr.splitlines() if name in ln and "liqaat: skipped" in ln]
        assert len(lines) == 1 and why in lines[0], (name, lines)
    legacy = next(r for r in reports if r["url"].endswith("d-legacy.txt"))
    assert legacy["encoding"] == "cp1256" and legacy["title"] == "حموشي يستقبل سفير اليابان"
    stray = next(r for r in reports if r["url"].endswith("h-stray-byte.txt"))
    assert stray["encoding"] == "utf-8" and "نص عربي سليم الترميز" in stray["text"]
