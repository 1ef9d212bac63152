"""`file://` downloads that read at most LIQAAT_MAX_DOCUMENT_BYTES + 1 bytes of a regular file
under the folder being read (Scrapy's own handler reads any file whole, a 1 GiB sparse file
included), within DOWNLOAD_TIMEOUT like any other request.

A request from the seeds spider carries `liqaat_root` in its meta: the file's real path must be
under it, and it is opened without following a last link (a file swapped for a link after the
listing is refused). A file over the limit gives a response of limit + 1 bytes, which
`crawler.documents.report_from_response` skips as too large; `liqaat_size` in the meta is its
real size.
"""

from __future__ import annotations

import asyncio
import os
import stat

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.responsetypes import responsetypes
from w3lib.url import file_uri_to_path

from crawler.files import inside

CHUNK = 1 << 16


def read_bounded(path: str, root: str | None, limit: int) -> tuple[bytes, int]:
    """(at most `limit` + 1 bytes of the file, its size); OSError for anything but a regular
    file inside `root`."""
    real = os.path.realpath(path)
    if root is not None and not inside(os.path.realpath(root), real):
        raise PermissionError(f"{path} leads to {real}, outside {root}: not read")
    fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb", buffering=0) as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IsADirectoryError(f"{path} is not a regular file") if stat.S_ISDIR(st.st_mode) \
                else OSError(f"{path} is not a regular file")
        chunks, total = [], 0
        while total <= limit:
            chunk = fh.read(min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    return b"".join(chunks), st.st_size


class FileDownloadHandler(BaseDownloadHandler):
    def __init__(self, crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.limit = settings.getint("LIQAAT_MAX_DOCUMENT_BYTES") or settings.getint("DOWNLOAD_MAXSIZE")
        self.timeout = settings.getfloat("DOWNLOAD_TIMEOUT")

    async def download_request(self, request):
        path = file_uri_to_path(request.url)
        timeout = request.meta.get("download_timeout", self.timeout)
        try:
            body, size = await asyncio.wait_for(
                asyncio.to_thread(read_bounded, path, request.meta.get("liqaat_root"), self.limit),
                timeout)
        except TimeoutError:
            raise TimeoutError(f"reading {path} took more than {timeout:g} s") from None
        request.meta["liqaat_size"] = size
        respcls = responsetypes.from_args(filename=path, body=body[:4096])
        return respcls(url=request.url, body=body)
