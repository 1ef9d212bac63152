"""The local fixture sites for the outlets tests, served on 127.0.0.1 by the tests themselves.

Static files from a folder, plus the answers a real site gives now and then: redirects (to the
same site and to another one) and a server error. Every request path is recorded, so a test can
check what was (and was not) fetched. `serve_hosts` serves many host names (an outlet's editions
on subdomains, mirrors) from one folder per host, as an HTTP proxy on 127.0.0.1: the crawl keeps
its real URLs (`http://ar.wadi.test/...`) and never leaves the machine.
"""

from __future__ import annotations

import contextlib
import functools
import json
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

OUTLETS = Path(__file__).resolve().parent / "fixtures" / "outlets"

# the meeting reports on the two sites, by path
EXPECTED = {"/news/101.html", "/news/104.html", "/news/201.html", "/news/202.html", "/news/302.html",
            "/articles/hammouchi-interpol-401.html", "/articles/dgsn-cooperation-guardia-civil-403.html"}

SPECIAL = {
    "/old/202.html": (301, "/news/202.html"),
    "/old/900.html": (302, "https://elsewhere.example/gone.html"),
    "/news/500.html": (500, None),
}


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, requests: list, **kwargs):
        self.requests = requests
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.requests.append(self.path)
        status, location = SPECIAL.get(self.path, (None, None))
        if status is None:
            return super().do_GET()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


class Site:
    def __init__(self, directory: Path):
        self.requests: list[str] = []
        handler = functools.partial(_Handler, directory=str(directory), requests=self.requests)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class _ProxyHandler(SimpleHTTPRequestHandler):
    """A forward proxy that answers from a folder per host: `GET http://ar.wadi.test/x` (the
    absolute form a client sends its proxy) serves `<folder>/ar.wadi.test/x`; CONNECT (https) is
    refused. Files without an extension are served as HTML (`/wadi/7001`)."""

    def __init__(self, *args, requests: list, **kwargs):
        self.requests = requests
        super().__init__(*args, **kwargs)

    def log_message(self, *args):
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        if not url.hostname:
            return self.send_error(400, "a proxy request needs an absolute URL")
        self.requests.append((url.hostname, url.path))
        self.path = f"/{url.hostname}{url.path or '/'}"
        return super().do_GET()

    def do_CONNECT(self):
        self.send_error(501)

    def guess_type(self, path):
        return "text/html; charset=utf-8" if not Path(path).suffix else super().guess_type(path)


class HostsSite:
    """Several hosts on one 127.0.0.1 port, as a proxy: `requests` holds (host, path) pairs."""

    def __init__(self, directory: Path):
        self.requests: list[tuple[str, str]] = []
        handler = functools.partial(_ProxyHandler, directory=str(directory), requests=self.requests)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def serve_hosts(directory: Path):
    """Serve `directory/<host>/...` for every host, through a proxy on 127.0.0.1."""
    site = HostsSite(directory)
    try:
        yield site
    finally:
        site.close()


@contextlib.contextmanager
def serve(directory: Path):
    site = Site(directory)
    try:
        yield site
    finally:
        site.close()


def outlet_settings(ar: Site, fr: Site) -> dict[str, str]:
    """Scrapy settings to crawl the fixture registry's two outlets on the local sites."""
    hosts = {"fixture.example": ar.url, "fr.fixture.example": fr.url}
    return {"OUTLETS_DIR": str(OUTLETS / "registry"), "OUTLETS_HOST_MAP": json.dumps(hosts),
            "AUTOTHROTTLE_ENABLED": "False", "LOG_LEVEL": "INFO"}
