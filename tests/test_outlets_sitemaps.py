"""Sitemap entries and their lastmod (news sitemaps too)."""

from datetime import UTC, datetime

import pytest

from crawler.outlets.sitemaps import parse_lastmod, parse_since, parse_sitemap


@pytest.mark.parametrize("raw, expected", [
    ("2025-03-04", datetime(2025, 3, 5, tzinfo=UTC)),  # a day: up to its end
    ("2025-03", datetime(2025, 4, 1, tzinfo=UTC)),
    ("2025-12", datetime(2026, 1, 1, tzinfo=UTC)),
    ("2025", datetime(2026, 1, 1, tzinfo=UTC)),
    ("2025-03-04T10:00:00+01:00", datetime(2025, 3, 4, 9, tzinfo=UTC)),
    ("2025-03-04T10:00:00Z", datetime(2025, 3, 4, 10, tzinfo=UTC)),
    ("2025-03-04T10:00", datetime(2025, 3, 4, 10, tzinfo=UTC)),
    ("", None), (None, None), ("yesterday", None), ("2025-13-01", None),
])
def test_parse_lastmod(raw, expected):
    assert parse_lastmod(raw) == expected


def test_news_sitemap_takes_the_latest_of_lastmod_and_publication_date():
    body = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
 xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>https://a.ma/1.html</loc><image:image><image:loc>https://a.ma/1.jpg</image:loc></image:image>
 <news:news><news:publication_date>2025-06-02T07:30:00Z</news:publication_date></news:news></url>
<url><loc>https://a.ma/2.html</loc><lastmod>2025-06-03</lastmod>
 <news:news><news:publication_date>2025-06-01</news:publication_date></news:news></url>
<url><loc>https://a.ma/3.html</loc></url>
<url><lastmod>2025-06-03</lastmod></url>
</urlset>"""
    kind, entries = parse_sitemap(body)
    assert kind == "urlset"
    assert [(e.loc, e.lastmod) for e in entries] == [
        ("https://a.ma/1.html", datetime(2025, 6, 2, 7, 30, tzinfo=UTC)),
        ("https://a.ma/2.html", datetime(2025, 6, 4, tzinfo=UTC)),
        ("https://a.ma/3.html", None),
    ]


def test_index_and_junk():
    kind, entries = parse_sitemap(b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                  b"<sitemap><loc>/s1.xml</loc></sitemap></sitemapindex>")
    assert kind == "sitemapindex" and entries[0].loc == "/s1.xml"
    assert parse_sitemap(b"<html><body>not a sitemap")[0] == "html"
    assert parse_sitemap(b"") == ("", [])
    assert parse_sitemap(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url>'
                         b"<loc>&e;</loc></url></urlset>")[1] == []


def test_parse_since():
    assert parse_since("2015-02-01") == datetime(2015, 2, 1, tzinfo=UTC)
    assert parse_since("2015-02-01T10:00:00+01:00") == datetime(2015, 2, 1, 9, tzinfo=UTC)
    assert parse_since("") is None and parse_since(None) is None
    with pytest.raises(ValueError, match="OUTLETS_SINCE"):
        parse_since("last year")
