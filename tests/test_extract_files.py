"""Decoding and bad input: every file of a run ends processed or skipped with a reason, logged once."""

from __future__ import annotations

import os
import re

import pytest
from scrapy.http import HtmlResponse, TextResponse

from crawler.documents import decode
from tests.conftest import FIXTURES, crawl_reports

PAGE = (FIXTURES / "extract" / "html" / "modern.html").read_text(encoding="utf-8")
DUMP = (FIXTURES / "extract" / "dumps" / "ar_teasers_before.txt").read_text(encoding="utf-8")
BODY = "القائد العام للحرس الوطني الجمهوري البرتغالي، روي كلارو"
DUMP_BODY = "جلسة عمل مع المفتش العام للشرطة الوطنية الكينية"
META_UTF8 = '<meta charset="utf-8">'


def html_bytes(meta: str | None, encoding: str) -> bytes:
    return PAGE.replace(META_UTF8, meta or "").encode(encoding)


def response(name: str, body: bytes):
    cls = HtmlResponse if name.endswith((".html", ".htm")) else TextResponse
    return cls(url=f"file:///corpus/{name}", body=body)


@pytest.mark.parametrize("name, body, encoding, note", [
    ("declared_meta_charset.html", html_bytes('<meta charset="windows-1256">', "cp1256"), "cp1256", None),
    ("declared_http_equiv.html",
     html_bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">', "cp1256"),
     "cp1256", None),
    ("undeclared_cp1256.html", html_bytes(None, "cp1256"), "cp1256", "encoding_fallback"),
    ("undeclared_utf8.html", html_bytes(None, "utf-8"), "utf-8", None),
    ("dump_cp1256.txt", DUMP.encode("cp1256"), "cp1256", "encoding_fallback"),
    ("dump_utf8.txt", DUMP.encode("utf-8"), "utf-8", None),
    ("dump_stray_bytes.txt", DUMP.encode("utf-8").replace(b"\n\n", b"\n\xff\n", 2), "utf-8", "invalid_utf8"),
])
def test_decode(name, body, encoding, note):
    text, got_encoding, got_note = decode(response(name, body))
    assert got_encoding.replace("windows-", "cp") == encoding
    assert got_note == note
    assert (BODY if name.endswith(".html") else DUMP_BODY) in text


def test_binary_is_not_text():
    assert decode(response("x.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")) is None


def stats_of(stderr: str) -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"'(liqaat/[^']+)': (\d+)", stderr)}


def test_bad_files_are_logged_once_counted_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    good = {
        "good.html": PAGE.encode("utf-8"),
        "sub/declared_1256.html": html_bytes('<meta charset="windows-1256">', "cp1256"),
        "undeclared_1256.htm": html_bytes(None, "cp1256"),
        "dump.txt": DUMP.encode("utf-8"),
        "dump_1256.txt": DUMP.encode("cp1256"),
        "invalid_utf8.txt": DUMP.encode("utf-8").replace(b"\n\n", b"\n\xff\n", 1),
    }
    bad = {
        "empty.txt": (b"", "skipped/empty"),
        "blank.html": (b"  \n\t\n", "skipped/empty"),
        "binary.html": (bytes(range(256)) * 40, "skipped/binary"),
        "control_chars.txt": (bytes(range(0x80, 0x100)) * 50 + b"\x01\x02\x03" * 200, "skipped/binary"),
        "junk_30mb.txt": (None, "skipped/too_large"),
    }
    for name, data in good.items():
        (corpus / name).write_bytes(data)
    for name, (data, _) in bad.items():
        if data is not None:
            (corpus / name).write_bytes(data)
    with open(corpus / "junk_30mb.txt", "wb") as fh:  # generated here, never committed
        for _ in range(30):
            fh.write(os.urandom(1024 * 1024))
    os.symlink(tmp_path / "nowhere.html", corpus / "broken.html")
    (corpus / "notes.md").write_text("not a document\n", encoding="utf-8")

    reports, proc = crawl_reports(tmp_path, corpus, "-s", "LOG_LEVEL=INFO")
    stats = stats_of(proc.stderr)

    by_name = {r["url"].rsplit("/", 1)[-1]: r for r in reports}
    assert sorted(by_name) == sorted(n.rsplit("/", 1)[-1] for n in good)
    for name, report in by_name.items():
        assert (BODY if report["kind"] == "html" else DUMP_BODY) in report["text"], name
        assert report["title"], name
    for name, (_, stat) in bad.items():
        assert stats.get(f"liqaat/files/{stat}", 0) >= 1, (name, stat)
        lines = [ln for ln in proc.stderr.splitlines() if "liqaat:" in ln and name in ln]
        assert len(lines) == 1, (name, lines)
    broken = [ln for ln in proc.stderr.splitlines() if "liqaat:" in ln and "broken.html" in ln]
    assert len(broken) == 1 and stats["liqaat/files/skipped/broken_link"] == 1
    assert stats["liqaat/files/skipped/not_a_document"] == 1
    assert stats["liqaat/files/encoding_fallback"] == 2
    # a UTF-8 file with a stray byte is read (U+FFFD for the byte), logged once and counted
    assert stats["liqaat/files/invalid_utf8"] == 1
    assert len([ln for ln in proc.stderr.splitlines() if "liqaat:" in ln and "invalid_utf8.txt" in ln]) == 1

    skipped = sum(v for k, v in stats.items() if k.startswith("liqaat/files/skipped/"))
    files = len(good) + len(bad) + 2  # + the broken link and notes.md
    assert stats["liqaat/files/seen"] == files == stats["liqaat/files/processed"] + skipped
    assert stats["liqaat/files/processed"] == len(reports) == len(good)
    # the extract pipeline counts each report by kind and by how its text was found
    assert stats["liqaat/extract/html"] == stats["liqaat/extract/method/precision"] == 3
    assert stats["liqaat/extract/text"] == stats["liqaat/extract/method/textdump"] == 3
    assert stats["liqaat/extract/dropped"] > 0 and "liqaat/extract/empty_text" not in stats
