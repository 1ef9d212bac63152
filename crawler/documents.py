"""Turn a downloaded document (a file or a crawled page) into a `Report` to be extracted.

Decoding and the checks for bad input live here, shared by every spider, so a page crawled and
the same page read from a folder give the same report.
"""

from __future__ import annotations

from scrapy.http import HtmlResponse, TextResponse

from crawler.items import Report

DOCUMENT_SUFFIXES = {".txt", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}

# A document whose decoded text has more than this share of control or replacement
# characters is binary or in an encoding we cannot read.
MAX_JUNK_SHARE = 0.05


# Invalid sequences, as a share of characters, up to which undeclared bytes are still UTF-8.
MAX_STRAY_BYTES_SHARE = 0.01


def decode(response) -> tuple[str, str, bool] | None:
    """Return (text, encoding, guessed) for a response, or None when it is not text.

    A declared charset (HTTP header, BOM, `<meta charset>`) wins, as Scrapy decides. With none
    declared: UTF-8 when the bytes are valid UTF-8, else windows-1256, the usual legacy
    encoding of Arabic pages (Scrapy would guess cp1252 and turn Arabic into mojibake).
    """
    body = response.body
    if b"\x00" in body[:4096]:
        return None
    declared = response._declared_encoding() if isinstance(response, TextResponse) else None
    if declared:
        return response.text, response.encoding, False
    try:
        return body.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    # A UTF-8 page with a few stray bytes stays UTF-8 (read as windows-1256 all its Arabic would
    # turn to mojibake); a legacy page is invalid UTF-8 almost everywhere it has Arabic.
    text = body.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= MAX_STRAY_BYTES_SHARE * len(text):
        return text, "utf-8", True
    return body.decode("cp1256", errors="replace"), "cp1256", True


def junk_share(text: str) -> float:
    sample = text[:200_000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if c == "\ufffd" or (c < " " and c not in "\n\r\t\f"))
    return bad / len(sample)


def is_html(response, text: str) -> bool:
    path = response.url.split("?", 1)[0].lower()
    if any(path.endswith(s) for s in HTML_SUFFIXES):
        return True
    if path.endswith(".txt"):
        return False
    return isinstance(response, HtmlResponse) or "<html" in text[:2000].lower()


def report_from_response(response, stats, logger, max_bytes: int | None = None):
    """A `Report` with the decoded document in `body`, or None (logged and counted) for bad input."""
    where = response.meta.get("liqaat_path") or response.url
    size = len(response.body)
    if max_bytes and size > max_bytes:
        stats.inc_value("liqaat/files/skipped/too_large")
        logger.warning("liqaat: skipped %s: %d bytes, over the %d-byte limit", where, size, max_bytes)
        return None
    if not response.body.strip():
        stats.inc_value("liqaat/files/skipped/empty")
        logger.warning("liqaat: skipped %s: empty document", where)
        return None
    decoded = decode(response)
    if decoded is None or junk_share(decoded[0]) > MAX_JUNK_SHARE:
        stats.inc_value("liqaat/files/skipped/binary")
        logger.warning("liqaat: skipped %s: binary or undecodable content", where)
        return None
    text, encoding, guessed = decoded
    if guessed and encoding == "utf-8":
        stats.inc_value("liqaat/files/invalid_utf8")
        logger.warning("liqaat: %s: UTF-8 with a few invalid bytes, replaced by U+FFFD", where)
    elif guessed:
        stats.inc_value("liqaat/files/encoding_fallback")
        logger.info("liqaat: %s is not valid UTF-8 and declares no charset: read as windows-1256", where)
    stats.inc_value("liqaat/files/processed")
    return Report(url=response.url, body=text, kind="html" if is_html(response, text) else "text",
                  encoding=encoding)
