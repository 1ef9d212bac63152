"""Turn a downloaded document (a file or a crawled page) into a `Report` to be extracted.

Decoding and the checks for bad input live here, shared by every spider, so a page crawled and
the same page read from a folder give the same report.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from scrapy.http import HtmlResponse, TextResponse

from crawler.items import Report

DOCUMENT_SUFFIXES = {".txt", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}

# A document whose decoded text has more than this share of control or replacement
# characters is binary or in an encoding we cannot read.
MAX_JUNK_SHARE = 0.05
# Undeclared bytes are UTF-8 with a few stray bytes, not a legacy encoding, when the invalid
# sequences are at most this share of the valid non-ASCII characters (cp1256 Arabic has almost
# no valid UTF-8 sequence, a damaged UTF-8 page almost only valid ones).
MAX_STRAY_BYTES_SHARE = 0.05
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def decode(response) -> tuple[str, str, str | None] | None:
    """Return (text, encoding, note) for a response, or None when it is not text.

    A declared charset (HTTP header, BOM, `<meta charset>`) wins, as Scrapy decides. With none
    declared: UTF-8 when the bytes are valid UTF-8; UTF-8 with replacement characters when they
    are UTF-8 but for a few stray bytes (note `invalid_utf8`); else windows-1256, the usual legacy
    encoding of Arabic pages (note `encoding_fallback`; Scrapy would guess cp1252 and turn Arabic
    into mojibake).
    """
    body = response.body
    if b"\x00" in body[:4096]:
        return None
    declared = response._declared_encoding() if isinstance(response, TextResponse) else None
    if declared:
        return _declared(response, body)
    try:
        return body.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= MAX_STRAY_BYTES_SHARE * len(_NON_ASCII.findall(text)):
        return text, "utf-8", "invalid_utf8"
    return body.decode("cp1256", errors="replace"), "cp1256", "encoding_fallback"


# Valid UTF-8 with at least this many multi-byte characters is UTF-8, whatever the page declares:
# text in a legacy encoding (windows-1256 Arabic, latin-1) is almost never valid UTF-8.
MIN_UTF8_EVIDENCE = 8
_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _declared(response, body: bytes) -> tuple[str, str, str | None]:
    """A declared charset, unless the bytes say otherwise (note `charset_corrected`): a page
    declaring windows-1256 that sends valid UTF-8 is read as UTF-8; a page declaring UTF-8 whose
    bytes are mostly not UTF-8 is read as windows-1256."""
    name = codecs.lookup(response.encoding).name
    if name != "utf-8":
        if len(_MULTIBYTE.findall(body[:200_000])) >= MIN_UTF8_EVIDENCE:
            try:
                return body.decode("utf-8"), "utf-8", "charset_corrected"
            except UnicodeDecodeError:
                pass
        return response.text, response.encoding, None
    try:
        return body.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    text = body.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= MAX_STRAY_BYTES_SHARE * len(_NON_ASCII.findall(text)):
        return text, "utf-8", "invalid_utf8"
    return body.decode("cp1256", errors="replace"), "cp1256", "charset_corrected"


# Control characters other than whitespace, and U+FFFD (a byte that did not decode).
_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def junk_share(text: str) -> float:
    sample = text[:200_000]
    if not sample:
        return 0.0
    return len(_JUNK.findall(sample)) / len(sample)


def is_html(response, text: str) -> bool:
    path = response.url.split("?", 1)[0].lower()
    if any(path.endswith(s) for s in HTML_SUFFIXES):
        return True
    if path.endswith(".txt"):
        return False
    return isinstance(response, HtmlResponse) or "<html" in text[:2000].lower()


_TAG = re.compile(r"<[A-Za-z][^<>]*>")


def most_attributes(text: str) -> int:
    """The largest number of attributes on one tag (an upper bound: every `=` inside a tag), in
    one linear scan: parsers and extractors slow down badly on an element with thousands."""
    return max((m.group().count("=") for m in _TAG.finditer(text)), default=0)


@cache
def _crowded_tag(limit: int) -> re.Pattern:
    """A tag of `_TAG` holding more than `limit` `=`: one scan in C, no Python step per tag."""
    return re.compile(rf"<[A-Za-z](?:[^<>=]*=){{{limit + 1}}}[^<>]*>")


def has_crowded_tag(text: str, limit: int) -> bool:
    """`most_attributes(text) > limit`, without counting every tag (a page has thousands)."""
    return _crowded_tag(limit).search(text) is not None


def report_from_response(response, stats, logger, max_bytes: int | None = None,
                         max_attributes: int | None = 1000):
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
    text, encoding, note = decoded
    if max_attributes and has_crowded_tag(text, max_attributes):
        crowded = most_attributes(text)
        stats.inc_value("liqaat/files/skipped/too_many_attributes")
        logger.warning("liqaat: skipped %s: an element with %d attributes, over the limit of %d "
                       "(LIQAAT_MAX_ATTRIBUTES)", where, crowded, max_attributes)
        return None
    if note == "charset_corrected":
        stats.inc_value("liqaat/files/charset_corrected")
        logger.info("liqaat: %s declares %s but its bytes are %s: read as %s", where,
                    response.encoding, encoding, encoding)
    elif note == "encoding_fallback":
        stats.inc_value("liqaat/files/encoding_fallback")
        logger.info("liqaat: %s is not valid UTF-8 and declares no charset: read as windows-1256", where)
    elif note == "invalid_utf8":
        stats.inc_value("liqaat/files/invalid_utf8")
        logger.warning("liqaat: %s: %d invalid UTF-8 byte sequences, read as U+FFFD", where,
                       text.count("\ufffd"))
    stats.inc_value("liqaat/files/processed")
    return Report(url=response.url, body=text, kind="html" if is_html(response, text) else "text",
                  encoding=encoding)
