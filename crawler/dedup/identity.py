"""Report identity that does not depend on where a corpus lies (`report_key`).

- A file: its path relative to the crawl root and a digest of its content,
  `file:<relative path>#<16 hex>`: the same folder copied elsewhere gives the same keys.
- A page: its canonical URL (`<link rel="canonical">`, else `og:url`, else the URL itself), with
  the scheme and host in lower case, the fragment and the tracking parameters dropped
  (data/identity.yaml: `utm_*`, `fbclid`…) and the other parameters sorted:
  `url:https://outlet.example/article/8812`.

The store keeps the key beside the URL; a report whose key it knows under another URL is the
same report (moved, or reached through another link): it adds no meeting and no source.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit
from urllib.request import url2pathname

from crawler.vocab.load import load

DATA = Path(__file__).with_name("data") / "identity.yaml"
_HEAD = 200_000  # the canonical link is in the head: look no further
_LINK = re.compile(r"<link\b[^>]*>", re.I)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


@lru_cache(maxsize=1)
def _tracking() -> tuple[frozenset, tuple]:
    data = load(DATA)
    return frozenset(data["tracking_params"]), tuple(data["tracking_prefixes"])


def _attrs(tag: str) -> dict:
    return {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(tag)}


def canonical_link(html: str | None, url: str) -> str | None:
    """The page's own canonical URL: `<link rel="canonical">`, else `<meta property="og:url">`,
    made absolute against `url`; None when the page names none."""
    head = (html or "")[:_HEAD]
    for tag in _LINK.findall(head):
        a = _attrs(tag)
        if "canonical" in (a.get("rel") or "").lower().split() and a.get("href", "").strip():
            return urljoin(url, a["href"].strip())
    for tag in _META.findall(head):
        a = _attrs(tag)
        if (a.get("property") or a.get("name") or "").lower() == "og:url" and a.get("content", "").strip():
            return urljoin(url, a["content"].strip())
    return None


def normalize_url(url: str) -> str:
    """Scheme and host in lower case, no default port, no fragment, no tracking parameters, the
    other parameters sorted, no trailing slash on a path."""
    names, prefixes = _tracking()
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and not ((parts.scheme == "http" and parts.port == 80) or
                           (parts.scheme == "https" and parts.port == 443)):
        host = f"{host}:{parts.port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if k.lower() not in names and not k.lower().startswith(prefixes))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


# The last document digested and its digest: a document's key and its read digest are each asked
# for by the known-document check and again by the store (four digests of one body a page).
_last_digest: tuple[object, str] = (None, "")


def content_digest(body: str | bytes | None) -> str:
    """16 hex of the BLAKE2b digest of a document's content."""
    global _last_digest
    last, digest = _last_digest
    if body is last and body is not None:  # the same object (held here, so its id is not reused)
        return digest
    data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else (body or b"")
    digest = hashlib.blake2b(data, digest_size=8).hexdigest()
    _last_digest = (body, digest)
    return digest


def report_key(url: str, body: str | bytes | None = None, root: str | Path | None = None) -> str:
    """The identity of a report (module docstring). `root` is the crawl root for files; a file
    outside it (or without one) is keyed by its name alone, with its digest."""
    if url.startswith("file:"):
        path = Path(url2pathname(unquote(urlsplit(url).path)))
        rel = path.name
        if root is not None:
            r = Path(root).resolve()
            base = r if r.is_dir() else r.parent
            try:
                rel = path.resolve().relative_to(base).as_posix()
            except ValueError:
                rel = path.name
        return f"file:{rel}#{content_digest(body)}"
    return "url:" + normalize_url(canonical_link(body if isinstance(body, str) else None, url) or url)
