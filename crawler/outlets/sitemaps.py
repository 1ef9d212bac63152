"""Sitemap entries with their `lastmod`, for incremental runs.

Scrapy's `Sitemap` keeps only each entry's direct children, so the publication date of a Google
news sitemap (`<news:news><news:publication_date>`) is lost; this reads both, with the same safe
lxml parser settings as Scrapy (no entity resolution, no network).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from lxml import etree


@dataclass(frozen=True)
class Entry:
    loc: str
    lastmod: datetime | None
    """Latest moment the entry may have changed (a date-only value means the end of that day), UTC."""


def parse_lastmod(value: str | None) -> datetime | None:
    """An ISO 8601 / W3C datetime as an aware UTC upper bound, or None when absent or malformed."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        if len(value) <= 10:  # YYYY, YYYY-MM or YYYY-MM-DD: the end of that period
            parts = [int(p) for p in value.split("-")]
            if len(parts) == 3:
                return datetime.combine(date(*parts) + timedelta(days=1), datetime.min.time(), UTC)
            year, month = parts[0], (parts[1] if len(parts) > 1 else 12)
            first_next = date(year + month // 12, month % 12 + 1, 1)
            return datetime.combine(first_next, datetime.min.time(), UTC)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def parse_since(value: str | None) -> datetime | None:
    """The `OUTLETS_SINCE` setting (`2015-02-01` or a full ISO datetime) as UTC; a wrong value
    raises ValueError naming the setting, before the crawl starts."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise ValueError(f"OUTLETS_SINCE: not an ISO date or datetime: {value!r}") from error
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(body: bytes) -> tuple[str, list[Entry]]:
    """(`sitemapindex` | `urlset` | "", entries). Malformed XML gives ("", [])."""
    parser = etree.XMLParser(recover=True, remove_comments=True, resolve_entities=False,
                             no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(body, parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return "", []
    if root is None:
        return "", []
    kind = _local(root.tag)
    entries = []
    for element in root:
        loc, dates = None, []
        for child in element.iter():
            name = _local(child.tag)
            text = (child.text or "").strip()
            if name == "loc" and child.getparent() is element:
                loc = text
            elif name in ("lastmod", "publication_date"):
                dates.append(parse_lastmod(text))
        if loc:
            known = [d for d in dates if d is not None]
            entries.append(Entry(loc, max(known) if known else None))
    return kind, entries
