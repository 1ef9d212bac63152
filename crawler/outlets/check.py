"""What a researcher adding an outlet needs to see: how the registry classifies URLs and why,
which URLs a saved sitemap, feed or page lists, and which of an entry's start points a saved
copy of the site reaches. Used by `scrapy checkoutlet` (crawler/commands/checkoutlet.py).
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from parsel import Selector
from scrapy.utils.sitemap import sitemap_urls_from_robots

from crawler.outlets import Outlet, Registry
from crawler.outlets.sitemaps import parse_sitemap
from crawler.outlets.urls import canonical_url, readable_path


def read_saved(path: Path) -> bytes:
    body = path.read_bytes()
    return gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body


def urls_in_file(path: Path, base: str | None = None) -> tuple[str, list[str]]:
    """(what the file is, the URLs it lists): `robots.txt` (its Sitemap: lines), `urlset` or
    `sitemapindex` (its `loc`s), `feed` (RSS or Atom item links), `page` (every link of an HTML
    page) or `list` (one URL a line)."""
    body = read_saved(path)
    text = body.decode("utf-8", "replace")
    base = base or "http://localhost/"
    if path.name == "robots.txt":
        return "robots.txt", list(sitemap_urls_from_robots(body, base_url=base))
    head = text.lstrip()[:500].lower()
    if "<urlset" in head or "<sitemapindex" in head:
        kind, entries = parse_sitemap(body)
        return kind or "sitemap", [urljoin(base, e.loc) for e in entries]
    if "<rss" in head or "<feed" in head or "<rdf" in head:
        sel = Selector(text=text, type="xml")
        sel.remove_namespaces()
        links = sel.xpath("//item/link/text() | //entry/link/@href").getall()
        return "feed", [urljoin(base, u.strip()) for u in links]
    if "<html" in head or "<!doctype html" in head or "<a " in text[:20000].lower():
        sel = Selector(text=text)
        links = sel.xpath("//a/@href | //link/@href").getall()
        skip = ("#", "mailto:", "javascript:", "tel:")
        return "page", [urljoin(base, u.strip()) for u in links if not u.strip().startswith(skip)]
    return "list", [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Verdict:
    url: str
    label: str
    """`article`, `copy` (a mirror's copy of the outlet's article), `not article`,
    `other outlet`, `off-site`."""
    why: str


def classify(registry: Registry, name: str, urls: list[str]) -> list[Verdict]:
    """How the registry classifies each URL for outlet `name`, and why."""
    out = []
    for url in urls:
        got = registry.classify(url)
        if got.entry is None:
            label = "off-site"
        elif got.entry == name:
            label = "not article" if not got.article else "copy" if got.via else "article"
        elif got.via and got.article and got.outlet in (name, None):
            label = "copy"  # a mirror's copy of this outlet's article (or of an outlet the page names)
        else:
            label = "other outlet"
        out.append(Verdict(url, label, got.why))
    return out


def _saved_file(folder: Path, url: str) -> Path | None:
    """The file holding `url` in a saved copy: `<folder>/<host>/<path>` (wget -m, HTTrack) or
    `<folder>/<path>`; a path ending in `/` is its `index.html`; a query is kept (`feed?x=1`)."""
    parts = urlsplit(url)
    path = unquote(parts.path).lstrip("/")
    names = [path + (f"?{parts.query}" if parts.query else ""), path]
    if not path or path.endswith("/"):
        names = [path + "index.html", path + "index.xml", path + "index.rss"]
    for root in (folder / (parts.hostname or ""), folder):
        for name in names:
            candidate = root / name if name else root
            if candidate.is_file():
                return candidate
            if candidate.is_dir() and (candidate / "index.html").is_file():
                return candidate / "index.html"
    return None


@dataclass(frozen=True)
class StartPoint:
    kind: str  # sitemap, feed, listing
    url: str
    status: str  # saved, linked, unreachable
    detail: str


def start_points(outlet: Outlet, registry: Registry, saved: list[Path]) -> list[StartPoint]:
    """Each start point of `outlet` and whether the saved copy reaches it: `saved` (a file of it is
    there; what it lists), `linked` (a saved page, robots.txt or sitemap links to it) or
    `unreachable`."""
    files = [p for s in saved for p in ([s] if s.is_file() else sorted(s.rglob("*"))) if p.is_file()]
    linked: dict[str, Path] = {}
    for path in files:
        base = _base_for(path, saved, outlet)
        for url in urls_in_file(path, base)[1]:
            linked.setdefault(canonical_url(url), path)
    out = []
    points = [("sitemap", u) for u in outlet.sitemaps] + [("feed", u) for u in outlet.feeds] + [
        ("listing", x.url) for x in outlet.listings]
    for kind, url in points:
        found = next((f for s in saved if s.is_dir() and (f := _saved_file(s, url))), None)
        if found is not None:
            what, urls = _expanded(found, url, saved)
            verdicts = {canonical_url(v.url): v for v in classify(registry, outlet.name, urls)}
            articles = sum(v.label in ("article", "copy") for v in verdicts.values())
            detail = f"{found}: {what}, {len(verdicts)} distinct URLs, {articles} of them articles"
            detail += _listed_in(outlet, url, [u for u, v in verdicts.items() if v.label == "article"])
            out.append(StartPoint(kind, url, "saved", detail))
        elif canonical_url(url) in linked:
            out.append(StartPoint(kind, url, "linked", f"linked from {linked[canonical_url(url)]}"))
        else:
            out.append(StartPoint(kind, url, "unreachable", "neither saved nor linked from the saved copy"))
    return out


def _expanded(found: Path, url: str, saved: list[Path], depth: int = 3) -> tuple[str, list[str]]:
    """The URLs a saved start point lists; for robots.txt and sitemap indexes, those of the saved
    sitemaps they name (what the spider would reach from it)."""
    what, urls = urls_in_file(found, url)
    if what not in ("robots.txt", "sitemapindex") or depth == 0:
        return what, urls
    listed, children = [], 0
    for child in urls:
        path = next((f for s in saved if s.is_dir() and (f := _saved_file(s, child))), None)
        if path is not None:
            children += 1
            listed += _expanded(path, child, saved, depth - 1)[1]
    return f"{what} naming {len(urls)} sitemaps ({children} saved)", listed


def _listed_in(outlet: Outlet, start: str, articles: list[str]) -> str:
    """How many of a saved start point's articles each pattern takes, and a warning where a
    pattern's `listed_in` names this start point but it lists none of that shape."""
    counts = [sum(bool(p.regex.search(readable_path(u))) for u in articles) for p in outlet.article_patterns]
    notes = [f"article_patterns[{i}] says it lists its shape: none here"
             for i, (p, n) in enumerate(zip(outlet.article_patterns, counts, strict=True))
             if start in p.listed_in and n == 0]
    by = ", ".join(f"[{i}] {n}" for i, n in enumerate(counts)) if len(counts) > 1 else ""
    return (f" (by pattern: {by})" if by else "") + "".join(f"; {n}" for n in notes)


def _base_for(path: Path, saved: list[Path], outlet: Outlet) -> str:
    """The URL a saved file stands for: from its place under `<folder>/<host>/`, else the outlet's
    first edition host."""
    for root in saved:
        if root.is_dir() and path.is_relative_to(root):
            rel = path.relative_to(root).parts
            if len(rel) > 1 and outlet.covers(rel[0]):
                return f"https://{rel[0]}/" + "/".join(rel[1:])
    host = next((e.host for e in outlet.editions if e.host), outlet.domains[0])
    return f"https://{host}/"


def _segment(segment: str, last: bool) -> tuple[str, str]:
    """(regex, shape) of one path segment."""
    stem, dot, ext = segment.rpartition(".") if "." in segment and last else (segment, "", "")
    tail, word = ((r"\." + re.escape(ext)), "." + ext) if dot else ("", "")
    if re.fullmatch(r"\d+", stem):
        if len(stem) == 4 and not last:
            return r"\d{4}" + tail, "<yyyy>" + word
        return r"\d+" + tail, "<id>" + word
    if re.fullmatch(r"\d+-.+", stem):
        return r"\d+-[^/]+" + tail, "<id>-<slug>" + word
    if re.fullmatch(r".+-\d+", stem):
        return r"[^/]+-\d+" + tail, "<slug>-<id>" + word
    if re.fullmatch(r".+_[A-Za-z0-9]{16,}", stem):
        return r"[^/]+_[A-Za-z0-9]+" + tail, "<slug>_<id>" + word
    if not last and re.fullmatch(r"[a-z-]+", stem):
        return "[a-z-]+" + tail, "<section>" + word
    return "[^/]+" + tail, "<slug>" + word


def draft_pattern(url: str) -> tuple[str, str]:
    """A first `article_patterns` regex and its shape, from the shape of an article URL (digits,
    an id beside a slug, a section word), to be checked on more URLs: `/politique/12345.html`
    gives `^/[a-z-]+/\\d+\\.html$`, `/<section>/<id>.html`."""
    path = readable_path(url)
    segments = [s for s in path.split("/") if s]
    parts = [_segment(s, i == len(segments) - 1) for i, s in enumerate(segments)]
    slash = "/" if path.endswith("/") and segments else ""
    return ("^/" + "/".join(r for r, _ in parts) + slash + "$",
            "/" + "/".join(w for _, w in parts) + slash)
