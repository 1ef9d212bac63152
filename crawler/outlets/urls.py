"""One form for a URL, however an outlet's page wrote it.

Moroccan outlets put Arabic in their paths, and the same article's link comes raw
(`/سفينتان-1039179.html`), percent-encoded in lower case (`/%d8%b3...`) or in upper case
(`/%D8%B3...`). `canonical_url` turns all three into one string (what the seen-URL table, the
store and dedup compare); `readable_path` gives the decoded path that `article_patterns` match.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote_to_bytes, urlsplit, urlunsplit

# RFC 3986: unreserved characters never need escaping; the reserved ones keep their escape (a
# `%2F` inside a segment is not a `/`).
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = _UNRESERVED | frozenset(b"!$&'()*+,;=:@/")
_QUERY_SAFE = _PATH_SAFE | frozenset(b"?")
_ESCAPE = re.compile(rb"%([0-9A-Fa-f]{2})")
_HIGH_RUN = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _escapes(safe: frozenset[int]) -> tuple[re.Pattern, dict[bytes, bytes]]:
    """What `_normalise` rewrites (an escape, or a byte outside `safe`) and into what."""
    table = {}
    for byte in range(256):
        for hex_ in {f"{byte:02X}", f"{byte:02x}", f"{byte:02X}"[0] + f"{byte:02x}"[1],
                     f"{byte:02x}"[0] + f"{byte:02X}"[1]}:
            table[f"%{hex_}".encode()] = bytes([byte]) if byte in _UNRESERVED else f"%{byte:02X}".encode()
        if byte not in safe:
            table[bytes([byte])] = f"%{byte:02X}".encode()
    kept = b"".join(re.escape(bytes([b])) for b in sorted(safe))
    return re.compile(rb"%[0-9A-Fa-f]{2}|[^" + kept + rb"]"), table


_REWRITES = {safe: _escapes(safe) for safe in (_PATH_SAFE, _QUERY_SAFE)}


def _normalise(part: str, safe: frozenset[int]) -> str:
    """Escapes in upper case; raw non-ASCII as UTF-8 escapes; needless escapes decoded."""
    pattern, table = _REWRITES[safe]
    raw = part.encode("utf-8", "surrogatepass")
    return pattern.sub(lambda m: table[m.group()], raw).decode("ascii")


@lru_cache(maxsize=8192)  # a pure function, called several times on each URL
def canonical_url(url: str) -> str:
    """The one form of `url`: scheme and host in lower case, default port and fragment dropped,
    path and query percent-encoded as UTF-8 with upper-case escapes.

    >>> canonical_url("https://WWW.Hespress.com:443/مع-1.html#top")
    'https://www.hespress.com/%D9%85%D8%B9-1.html'
    >>> canonical_url("https://www.hespress.com/%d9%85%d8%b9-1.html")
    'https://www.hespress.com/%D9%85%D8%B9-1.html'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    path = _normalise(parts.path, _PATH_SAFE) or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, _normalise(parts.query, _QUERY_SAFE), ""))


def _decode_run(match: re.Match) -> str:
    # UTF-8 where the bytes are UTF-8; a stray escape (`%D9a7`) stays as it was written
    text = unquote_to_bytes(match.group()).decode("utf-8", "surrogateescape")
    return "".join(f"%{ord(c) - 0xDC00:02X}" if "\udc80" <= c <= "\udcff" else c for c in text)


def readable_path(url: str) -> str:
    """The URL's path with its UTF-8 escapes decoded (what `article_patterns` match).

    >>> readable_path("https://www.hespress.com/%D9%85%D8%B9-1.html?x=1")
    '/مع-1.html'
    """
    path = urlsplit(canonical_url(url)).path
    return _HIGH_RUN.sub(_decode_run, path)


def hostname(url: str) -> str:
    """The URL's host name in lower case, without port or trailing dot ('' for none)."""
    try:
        return (urlsplit(url.strip()).hostname or "").rstrip(".")
    except ValueError:
        return ""


def host_in(host: str, domain: str) -> bool:
    """`host` is `domain` or one of its subdomains (`fr.le360.ma` is in `le360.ma`)."""
    return host == domain or host.endswith("." + domain)
