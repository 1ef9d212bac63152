"""The outlets registry: one YAML file per outlet, validated at load time.

A wrong entry raises `OutletError` naming the file and the key, so a broken outlet never
starts a crawl. See docs/outlets.md for the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REGISTRY_DIR = Path(__file__).parent / "registry"
LANGUAGES = {"ar", "fr", "en", "es"}
_KEYS = {
    "name", "domains", "languages", "sitemaps", "feeds", "listings", "article_patterns",
    "verified", "notes",
}


class OutletError(ValueError):
    """A registry entry is wrong; the message names the file and the key."""


@dataclass(frozen=True)
class Listing:
    """A section/tag/search page and how to reach its next pages."""

    url: str
    """First page of the listing."""
    next_selector: str | None = None
    """CSS selector of the "next page" link, e.g. `a[rel=next]::attr(href)`."""
    page_template: str | None = None
    """URL template with `{page}`, used when the site numbers its pages."""
    max_pages: int = 5
    """Never follow more pages than this."""


@dataclass(frozen=True)
class Outlet:
    """One news outlet: where to start and which links are articles."""

    name: str
    domains: tuple[str, ...]
    languages: tuple[str, ...]
    sitemaps: tuple[str, ...] = ()
    """Sitemaps, sitemap indexes or news sitemaps (robots.txt `Sitemap:` lines work too)."""
    feeds: tuple[str, ...] = ()
    """RSS or Atom feeds."""
    listings: tuple[Listing, ...] = ()
    article_patterns: tuple[re.Pattern, ...] = ()
    """Regexes an article URL must match (any); empty means every on-domain page."""
    verified: bool = False
    """True once the entry was crawled for real and checked by hand."""
    source: str = field(default="", compare=False)
    """File the entry was loaded from."""

    def is_article(self, url: str) -> bool:
        return not self.article_patterns or any(p.search(url) for p in self.article_patterns)


def _fail(path: Path, key: str, why: str) -> OutletError:
    return OutletError(f"{path}: key {key!r}: {why}")


def _urls(path: Path, data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
        raise _fail(path, key, "must be a list of URLs")
    for url in value:
        if not re.match(r"https?://", url):
            raise _fail(path, key, f"not an http(s) URL: {url!r}")
    return tuple(value)


def _listing(path: Path, i: int, raw) -> Listing:
    key = f"listings[{i}]"
    if isinstance(raw, str):
        raw = {"url": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("url"), str):
        raise _fail(path, key, "must be a URL or a mapping with 'url'")
    unknown = set(raw) - {"url", "next_selector", "page_template", "max_pages"}
    if unknown:
        raise _fail(path, f"{key}.{sorted(unknown)[0]}", "unknown key")
    template = raw.get("page_template")
    if template is not None and "{page}" not in template:
        raise _fail(path, f"{key}.page_template", "must contain '{page}'")
    max_pages = raw.get("max_pages", 5)
    if not isinstance(max_pages, int) or max_pages < 1:
        raise _fail(path, f"{key}.max_pages", "must be a positive integer")
    return Listing(raw["url"], raw.get("next_selector"), template, max_pages)


def load_outlet(path: Path) -> Outlet:
    """Load and validate one registry file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise OutletError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise OutletError(f"{path}: must be a mapping")
    unknown = set(data) - _KEYS
    if unknown:
        raise _fail(path, sorted(unknown)[0], "unknown key")
    name = data.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9_]+", name):
        raise _fail(path, "name", "required, lowercase letters, digits and _")
    domains = data.get("domains")
    if not isinstance(domains, list) or not domains or not all(
        isinstance(d, str) and "/" not in d for d in domains
    ):
        raise _fail(path, "domains", "required, a list of host names")
    languages = data.get("languages")
    if not isinstance(languages, list) or not languages or set(languages) - LANGUAGES:
        raise _fail(path, "languages", f"required, a list of {sorted(LANGUAGES)}")
    listings = data.get("listings") or []
    if not isinstance(listings, list):
        raise _fail(path, "listings", "must be a list")
    patterns = []
    for i, pattern in enumerate(data.get("article_patterns") or []):
        try:
            patterns.append(re.compile(pattern))
        except (re.error, TypeError) as error:
            raise _fail(path, f"article_patterns[{i}]", f"bad regex: {error}") from error
    outlet = Outlet(
        name=name,
        domains=tuple(domains),
        languages=tuple(languages),
        sitemaps=_urls(path, data, "sitemaps"),
        feeds=_urls(path, data, "feeds"),
        listings=tuple(_listing(path, i, raw) for i, raw in enumerate(listings)),
        article_patterns=tuple(patterns),
        verified=bool(data.get("verified", False)),
        source=str(path),
    )
    if not (outlet.sitemaps or outlet.feeds or outlet.listings):
        raise _fail(path, "sitemaps", "an outlet needs at least one sitemap, feed or listing")
    return outlet


def load_registry(directory: Path | str = REGISTRY_DIR) -> dict[str, Outlet]:
    """Every outlet in `directory` by name; a duplicate name is an error."""
    outlets: dict[str, Outlet] = {}
    for path in sorted(Path(directory).glob("*.yaml")):
        outlet = load_outlet(path)
        if outlet.name in outlets:
            raise _fail(path, "name", f"duplicate of {outlets[outlet.name].source}")
        outlets[outlet.name] = outlet
    return outlets
