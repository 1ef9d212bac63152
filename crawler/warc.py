"""Reading pages back from a WARC archive (warcio), as Scrapy responses.

Which records: HTTP `response` records with status 200. When the archive marks article pages
(`WARC-Liqaat-Page: article`, written by crawler.middlewares.warc for the outlets spider), only
those; in an archive from another tool, every HTML or plain-text page. The response is built the
way Scrapy's HTTP download handler builds it (same class, headers and body), so the report equals
the one of the original crawl.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from scrapy.http import Headers, Request
from scrapy.responsetypes import responsetypes
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.outlets.urls import canonical_url

ARTICLE_HEADER = "WARC-Liqaat-Page"
#: request meta key -> WARC header: the outlet (registry name) and mirror of an article page
SOURCE_HEADERS = {"outlet": "WARC-Liqaat-Outlet", "via": "WARC-Liqaat-Via"}
_PAGE_TYPES = ("text/html", "application/xhtml", "text/plain")


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz"))


def _marked(path: Path) -> bool:
    with open(path, "rb") as fh:
        return any(r.format == "warc" and r.rec_headers.get_header(ARTICLE_HEADER)
                   for r in ArchiveIterator(fh))


def warc_responses(path: Path, stats, logger, max_bytes: int | None = None) -> Iterator:
    """Every archived page of `path` to report on; a damaged archive is logged and counted
    (whatever warcio raises: a malformed file never stops the run). A record body is read at
    most `max_bytes` + 1 bytes at a time: a larger one is skipped (`liqaat/files/skipped/too_large`)
    without being held in memory. An archive holding no page at all is counted as one file
    skipped (`liqaat/files/skipped/no_pages`), so every file is accounted for."""
    pages = 0
    try:
        marked = _marked(path)
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.format != "warc":  # warcio reads any junk as an old ARC record
                    raise ArchiveLoadFailed(f"a {record.format!r} record, not WARC")
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                if url.startswith(("http://", "https://")):  # one form, as the crawl's reports have
                    url = canonical_url(url)
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if record.http_headers.get_statuscode() != "200" or (
                    record.rec_headers.get_header(ARTICLE_HEADER) != "article" if marked
                    else not ctype.startswith(_PAGE_TYPES)
                ):
                    stats.inc_value("liqaat/warc/skipped")
                    continue
                stream = record.content_stream()
                body = stream.read(max_bytes + 1) if max_bytes else stream.read()
                if max_bytes and len(body) > max_bytes:
                    stats.inc_value("liqaat/files/seen")
                    stats.inc_value("liqaat/files/skipped/too_large")
                    pages += 1
                    logger.warning("liqaat: skipped %s#%s: over the %d-byte limit", path, url, max_bytes)
                    del body
                    continue
                headers = Headers()
                for key, value in record.http_headers.headers:
                    headers.appendlist(key, value)
                cls = responsetypes.from_args(headers=headers, url=url, body=body)
                meta = {"liqaat_path": f"{path}#{url}"}
                for key, header in SOURCE_HEADERS.items():
                    if record.rec_headers.get_header(header):
                        meta[f"liqaat_{key}"] = record.rec_headers.get_header(header)
                request = Request(url, meta=meta)
                stats.inc_value("liqaat/warc/read")
                pages += 1
                yield cls(url=url, status=200, headers=headers, body=body, request=request)
    except Exception as error:  # noqa: BLE001 (warcio raises AttributeError, struct.error…)
        stats.inc_value("liqaat/files/seen")
        stats.inc_value("liqaat/files/skipped/bad_warc")
        logger.error("liqaat: skipped the rest of %s: not a readable WARC archive: %s", path, error)
        return
    if not pages:
        stats.inc_value("liqaat/files/seen")
        stats.inc_value("liqaat/files/skipped/no_pages")
        logger.warning("liqaat: skipped %s: an archive holding no page to read", path)
