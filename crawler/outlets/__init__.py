"""The outlets registry: one YAML file per outlet (or mirror), validated at load time.

A wrong entry raises `OutletError` naming the file and the key, so a broken outlet never
starts a crawl. `Registry.classify(url)` tells, for any URL, which outlet it belongs to (a host
or one of its subdomains), whether it is an article and why. See docs/outlets.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from crawler.outlets.urls import canonical_url, host_in, hostname, readable_path

REGISTRY_DIR = Path(__file__).parent / "registry"
LANGUAGES = {"ar", "fr", "en", "es"}
KINDS = ("outlet", "mirror")
_START_KEYS = ("sitemaps", "feeds", "listings")
_KEYS = {
    "name", "kind", "domains", "subdomains", "exclude_hosts", "languages", *_START_KEYS, "editions",
    "article_patterns", "exclude_patterns", "sources", "verified", "notes",
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
class Edition:
    """One language edition of an outlet: its host and where to start crawling it."""

    language: str
    host: str | None = None
    """The edition's host (`fr.le360.ma`); None for an entry written without editions."""
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()


@dataclass(frozen=True)
class ArticlePattern:
    """A regex over the decoded URL path, with the URL shape it stands for."""

    regex: re.Pattern
    shape: str = ""
    """The shape in words, e.g. `/<section>/<slug>_<26-char id>/`."""
    listed_in: tuple[str, ...] = ()
    """Start points (of this entry) that list URLs of this shape."""


@dataclass(frozen=True)
class Verified:
    """When every URL sample of the outlet was classified right, and how many there were."""

    date: dt.date
    samples: int


@dataclass(frozen=True)
class Outlet:
    """One news outlet (or one mirror of other outlets' articles): hosts, start points, rules."""

    name: str
    domains: tuple[str, ...]
    """Host names; each covers its subdomains unless `subdomains` is False."""
    editions: tuple[Edition, ...] = ()
    kind: str = "outlet"
    """`outlet`, or `mirror`: an aggregator whose pages are copies of other outlets' articles."""
    subdomains: bool = True
    exclude_hosts: tuple[str, ...] = ()
    """Hosts under `domains` that are not this outlet (a job board, a data dashboard)."""
    article_patterns: tuple[ArticlePattern, ...] = ()
    """Regexes (over the percent-decoded path) an article URL must match (any); empty: every page."""
    exclude_patterns: tuple[re.Pattern, ...] = ()
    """Regexes over the same path that are never articles (feeds, tags), checked first."""
    sources: dict[str, str] = field(default_factory=dict, compare=False)
    """Mirrors: the mirror's name of a source (the pattern's `source` group) -> registry name."""
    verified: Verified | None = None
    """Set once every URL sample of the outlet is classified right (tests/test_outlets_samples.py)."""
    notes: str = ""
    source: str = field(default="", compare=False)
    """File the entry was loaded from."""

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.language for e in self.editions))

    @property
    def sitemaps(self) -> tuple[str, ...]:
        return tuple(u for e in self.editions for u in e.sitemaps)

    @property
    def feeds(self) -> tuple[str, ...]:
        return tuple(u for e in self.editions for u in e.feeds)

    @property
    def listings(self) -> tuple[Listing, ...]:
        return tuple(x for e in self.editions for x in e.listings)

    def covers(self, host: str) -> bool:
        """`host` is one of this entry's hosts (subdomains included unless said otherwise)."""
        host = host.lower().rstrip(".")
        if any(host_in(host, x) for x in self.exclude_hosts):
            return False
        if self.subdomains:
            return any(host_in(host, d) for d in self.domains)
        return host in self.domains

    def explain(self, url: str) -> tuple[bool, str, str | None]:
        """(is an article, why, the mirror's source name or None), from the URL's path alone."""
        path = readable_path(url)
        for i, regex in enumerate(self.exclude_patterns):
            if regex.search(path):
                return False, f"exclude_patterns[{i}] '{regex.pattern}' matches '{path}'", None
        if not self.article_patterns:
            return True, "no article_patterns: every page is an article", None
        for i, pattern in enumerate(self.article_patterns):
            m = pattern.regex.search(path)
            if m:
                shape = f" ({pattern.shape})" if pattern.shape else ""
                source = m.groupdict().get("source")
                why = f"article_patterns[{i}] '{pattern.regex.pattern}'{shape} matches '{path}'"
                return True, why, source
        return False, f"no article pattern matches '{path}'", None

    def is_article(self, url: str) -> bool:
        return self.explain(url)[0]


@dataclass(frozen=True)
class Classified:
    """What the registry says about one URL."""

    url: str
    """The URL in its one canonical form (`crawler.outlets.urls.canonical_url`)."""
    entry: str | None
    """The registry entry whose host it is (the mirror, for a mirror's copy); None: no outlet's."""
    outlet: str | None
    """The outlet the page belongs to: the entry, or for a mirror's copy the original outlet
    (None when the mirror's URL does not name it: the spider reads it from the page)."""
    article: bool
    via: str | None
    """The mirror's name when the URL is a mirror's copy of an article."""
    why: str


class Registry(dict):
    """Registry entries by name, and the host look-up over all of them."""

    def entry_for(self, host: str) -> Outlet | None:
        """The entry covering `host`: the one with the longest matching domain."""
        cache = self.__dict__.setdefault("_by_host", {})  # a listing page names few hosts, often
        if host not in cache:
            cache[host] = self._entry_for(host)
        return cache[host]

    def _entry_for(self, host: str) -> Outlet | None:
        best, length = None, -1
        for outlet in self.values():
            if outlet.covers(host):
                n = max(len(d) for d in outlet.domains if host_in(host, d) or host == d)
                if n > length:
                    best, length = outlet, n
        return best

    def classify(self, url: str) -> Classified:
        canonical = canonical_url(url)
        host = hostname(canonical)
        entry = self.entry_for(host)
        if entry is None:
            why = f"{host or url!r} is no registry outlet's host"
            for outlet in self.values():
                if any(host_in(host, x) for x in outlet.exclude_hosts):
                    why = f"{host!r} is in {outlet.name}'s exclude_hosts"
            return Classified(canonical, None, None, False, None, why)
        article, why, source = entry.explain(canonical)
        if entry.kind != "mirror":
            return Classified(canonical, entry.name, entry.name, article, None, f"{entry.name}: {why}")
        if not article:
            return Classified(canonical, entry.name, None, False, None, f"mirror {entry.name}: {why}")
        if source is None:
            return Classified(canonical, entry.name, None, True, entry.name,
                              f"mirror {entry.name}: {why}; the original outlet is read from the page")
        original = entry.sources.get(source)
        if original is None:
            return Classified(canonical, entry.name, None, False, None,
                              f"mirror {entry.name}: a copy from {source!r}, no registry outlet")
        return Classified(canonical, entry.name, original, True, entry.name,
                          f"mirror {entry.name}: a copy of {original} ({source!r}); {why}")


def _fail(path: Path, key: str, why: str) -> OutletError:
    return OutletError(f"{path}: key {key!r}: {why}")


def _urls(path: Path, data: dict, key: str, where: str = "") -> tuple[str, ...]:
    value = data.get(key) or []
    key = f"{where}{key}"
    if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
        raise _fail(path, key, "must be a list of URLs")
    for url in value:
        if not re.match(r"https?://", url):
            raise _fail(path, key, f"not an http(s) URL: {url!r}")
    return tuple(value)


def _listing(path: Path, key: str, raw) -> Listing:
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


def _edition(path: Path, data: dict, where: str, language, host) -> Edition:
    if language not in LANGUAGES:
        raise _fail(path, f"{where}language", f"required, one of {sorted(LANGUAGES)}")
    listings = data.get("listings") or []
    if not isinstance(listings, list):
        raise _fail(path, f"{where}listings", "must be a list")
    return Edition(language, host, _urls(path, data, "sitemaps", where), _urls(path, data, "feeds", where),
                   tuple(_listing(path, f"{where}listings[{i}]", raw) for i, raw in enumerate(listings)))


def _editions(path: Path, data: dict) -> tuple[Edition, ...]:
    if "editions" not in data:  # the short form: one edition per language, start points shared
        languages = data.get("languages")
        if not isinstance(languages, list) or not languages or set(languages) - LANGUAGES:
            starts = any(data.get(k) for k in _START_KEYS)
            if data.get("kind") == "mirror" and languages is None and not starts:
                return ()  # a mirror only named to classify its copies
            raise _fail(path, "languages", f"required, a list of {sorted(LANGUAGES)}")
        first = _edition(path, data, "", languages[0], None)
        return (first, *(Edition(lang) for lang in languages[1:]))
    for key in ("languages", *_START_KEYS):
        if key in data:
            raise _fail(path, key, "goes inside each of 'editions'")
    raw = data["editions"]
    if not isinstance(raw, list) or not raw:
        raise _fail(path, "editions", "must be a list of {language, host, sitemaps, feeds, listings}")
    editions = []
    for i, item in enumerate(raw):
        where = f"editions[{i}]."
        if not isinstance(item, dict):
            raise _fail(path, f"editions[{i}]", "must be a mapping")
        unknown = set(item) - {"language", "host", *_START_KEYS}
        if unknown:
            raise _fail(path, where + sorted(unknown)[0], "unknown key")
        host = item.get("host")
        if not isinstance(host, str) or "/" in host:
            raise _fail(path, where + "host", "required, a host name")
        editions.append(_edition(path, item, where, item.get("language"), host.lower()))
    return tuple(editions)


def _regexes(path: Path, data: dict, key: str) -> list[tuple[re.Pattern, dict]]:
    raw = data.get(key) or []
    if not isinstance(raw, list):
        raise _fail(path, key, "must be a list")
    out = []
    for i, item in enumerate(raw):
        extra = {}
        if isinstance(item, dict) and key == "article_patterns":
            unknown = set(item) - {"pattern", "shape", "listed_in"}
            if unknown:
                raise _fail(path, f"{key}[{i}].{sorted(unknown)[0]}", "unknown key")
            extra = item
            item = item.get("pattern")
        try:
            out.append((re.compile(item), extra))
        except (re.error, TypeError) as error:
            raise _fail(path, f"{key}[{i}]", f"bad regex: {error}") from error
    return out


def _verified(path: Path, raw) -> Verified | None:
    if raw is None or raw is False:
        return None
    if (not isinstance(raw, dict) or set(raw) != {"date", "samples"} or not isinstance(raw["date"], dt.date)
            or not isinstance(raw["samples"], int) or raw["samples"] < 1):
        raise _fail(path, "verified", "false, or {date: YYYY-MM-DD, samples: N} once N URL samples all pass")
    return Verified(raw["date"], raw["samples"])


def load_outlet(path: Path) -> Outlet:
    """Load and validate one registry file."""
    import yaml  # here: a crawl of files never reads the registry, and yaml is 0.015 s of a start

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
    kind = data.get("kind", "outlet")
    if kind not in KINDS:
        raise _fail(path, "kind", f"one of {list(KINDS)}")
    hosts = {}
    for key in ("domains", "exclude_hosts"):
        value = data.get(key, [] if key == "exclude_hosts" else None)
        if not isinstance(value, list) or (key == "domains" and not value) or not all(
            isinstance(d, str) and d and "/" not in d for d in value
        ):
            raise _fail(path, key, ("required, " if key == "domains" else "") + "a list of host names")
        hosts[key] = tuple(d.lower() for d in value)
    subdomains = data.get("subdomains", True)
    if not isinstance(subdomains, bool):
        raise _fail(path, "subdomains", "true or false")
    patterns = []
    for i, (regex, extra) in enumerate(_regexes(path, data, "article_patterns")):
        listed_in = extra.get("listed_in") or []
        if not isinstance(listed_in, list):
            raise _fail(path, f"article_patterns[{i}].listed_in", "a list of the entry's start points")
        patterns.append(ArticlePattern(regex, str(extra.get("shape") or ""), tuple(listed_in)))
    sources = data.get("sources") or {}
    if kind == "mirror":
        if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
            raise _fail(path, "sources", "a mapping from the mirror's source name to a registry outlet")
        if not patterns:
            raise _fail(path, "article_patterns",
                        "a mirror needs patterns (with a 'source' group where the URL names it)")
    elif sources:
        raise _fail(path, "sources", "only for kind: mirror")
    outlet = Outlet(
        name=name,
        domains=hosts["domains"],
        editions=_editions(path, data),
        kind=kind,
        subdomains=subdomains,
        exclude_hosts=hosts["exclude_hosts"],
        article_patterns=tuple(patterns),
        exclude_patterns=tuple(r for r, _ in _regexes(path, data, "exclude_patterns")),
        sources={str(k): v for k, v in sources.items()},
        verified=_verified(path, data.get("verified")),
        notes=str(data.get("notes") or ""),
        source=str(path),
    )
    if kind == "outlet" and not (outlet.sitemaps or outlet.feeds or outlet.listings):
        raise _fail(path, "sitemaps", "an outlet needs at least one sitemap, feed or listing")
    for i, edition in enumerate(outlet.editions):
        if edition.host and not outlet.covers(edition.host):
            raise _fail(path, f"editions[{i}].host", f"{edition.host!r} is not under 'domains'")
    starts = {*outlet.sitemaps, *outlet.feeds, *(x.url for x in outlet.listings)}
    for url in sorted(starts):
        if not outlet.covers(hostname(url)):
            raise _fail(path, "sitemaps/feeds/listings", f"{url!r} is not on the outlet's domains")
    for i, pattern in enumerate(outlet.article_patterns):
        if pattern.regex.search("/"):  # a pattern that takes the home page takes every listing too
            raise _fail(path, f"article_patterns[{i}]", "matches the home page '/'")
        for url in pattern.listed_in:
            if url not in starts:
                raise _fail(path, f"article_patterns[{i}].listed_in", f"{url!r} is no start point here")
    return outlet


def load_registry(directory: Path | str = REGISTRY_DIR) -> Registry:
    """Every entry in `directory` by name; a duplicate name or host is an error."""
    outlets = Registry()
    owner: dict[str, Outlet] = {}
    for path in sorted(Path(directory).glob("*.yaml")):
        outlet = load_outlet(path)
        if outlet.name in outlets:
            raise _fail(path, "name", f"duplicate of {outlets[outlet.name].source}")
        for domain in outlet.domains:
            if domain in owner:
                other = owner[domain]
                raise _fail(path, "domains", f"{domain!r} is already {other.name}'s ({other.source})")
            owner[domain] = outlet
        outlets[outlet.name] = outlet
    for outlet in outlets.values():
        for key, original in outlet.sources.items():
            if outlets.get(original) is None or outlets[original].kind != "outlet":
                raise _fail(Path(outlet.source), f"sources.{key}", f"{original!r} is no registry outlet")
    return outlets
