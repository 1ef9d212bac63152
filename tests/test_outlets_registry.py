"""The outlets registry: every shipped outlet loads; a wrong entry names the file and the key."""

import pytest

from crawler.outlets import OutletError, load_outlet, load_registry

GOOD = """
name: demo
domains: [demo.ma]
languages: [ar, fr]
sitemaps: [https://demo.ma/sitemap.xml]
listings:
  - url: https://demo.ma/politique
    page_template: https://demo.ma/politique?page={page}
article_patterns: ['/\\d+\\.html$']
"""


def test_every_shipped_outlet_loads():
    outlets = load_registry()
    assert len(outlets) >= 15
    assert {"ar", "fr"} <= {lang for o in outlets.values() for lang in o.languages}
    assert {o.kind for o in outlets.values()} == {"outlet", "mirror"}


def test_good_entry(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(GOOD, encoding="utf-8")
    outlet = load_outlet(path)
    assert outlet.domains == ("demo.ma",)
    assert outlet.listings[0].page_template.endswith("{page}")
    assert outlet.is_article("https://demo.ma/a/12.html")
    assert not outlet.is_article("https://demo.ma/politique")


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("name: demo", "name: Demo Site", "name"),
        ("domains: [demo.ma]", "domains: []", "domains"),
        ("languages: [ar, fr]", "languages: [xx]", "languages"),
        ("sitemaps: [https://demo.ma/sitemap.xml]", "sitemaps: [demo.ma/sitemap.xml]", "sitemaps"),
        ("?page={page}", "?page=2", "listings[0].page_template"),
        ("'/\\d+\\.html$'", "'(['", "article_patterns[0]"),
        ("name: demo", "name: demo\nfeed: [https://demo.ma/rss]", "feed"),
        ("sitemaps: [https://demo.ma/sitemap.xml]", "sitemaps: [https://other.ma/sitemap.xml]",
         "sitemaps/feeds/listings"),
        ("name: demo", "name: demo\nverified: true", "verified"),
        ("name: demo", "name: demo\nsubdomains: maybe", "subdomains"),
        ("name: demo", "name: demo\nsources: {x: demo}", "sources"),
    ],
)
def test_bad_entry_names_file_and_key(tmp_path, old, new, key):
    assert old in GOOD
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(OutletError) as error:
        load_outlet(path)
    assert "bad.yaml" in str(error.value) and repr(key) in str(error.value)


EDITIONS = """
name: demo
domains: [demo.ma, demo.fr]
exclude_hosts: [jobs.demo.ma]
editions:
  - language: ar
    host: www.demo.ma
    feeds: [https://www.demo.ma/feed]
  - language: fr
    host: demo.fr
    sitemaps: [https://demo.fr/sitemap.xml]
article_patterns:
  - pattern: '^/[^/]+-\\d+\\.html$'
    shape: /<slug>-<id>.html
    listed_in: [https://www.demo.ma/feed]
exclude_patterns: ['^/tag/']
verified: {date: 2026-12-04, samples: 12}
"""


def test_editions_one_entry_for_two_languages_and_hosts(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(EDITIONS, encoding="utf-8")
    outlet = load_outlet(path)
    assert outlet.languages == ("ar", "fr")
    assert [e.host for e in outlet.editions] == ["www.demo.ma", "demo.fr"]
    assert outlet.feeds == ("https://www.demo.ma/feed",) and outlet.sitemaps == ("https://demo.fr/sitemap.xml",)
    assert outlet.verified.samples == 12 and str(outlet.verified.date) == "2026-12-04"
    # domains cover their subdomains, except the hosts excluded
    assert outlet.covers("m.demo.ma") and outlet.covers("demo.fr") and outlet.covers("WWW.Demo.MA")
    assert not outlet.covers("jobs.demo.ma") and not outlet.covers("notdemo.ma")
    assert outlet.is_article("https://m.demo.ma/%D8%A3%D9%85%D9%86-12.html")
    assert not outlet.is_article("https://demo.fr/tag/securite-12.html")


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("host: demo.fr", "host: demo.es", "editions[1].host"),
        ("  - language: fr", "  - language: xx", "editions[1].language"),
        ("name: demo", "name: demo\nlanguages: [ar]", "languages"),
        ("listed_in: [https://www.demo.ma/feed]", "listed_in: [https://www.demo.ma/rss]",
         "article_patterns[0].listed_in"),
        ("    shape:", "    form:", "article_patterns[0].form"),
        ("samples: 12}", "samples: 0}", "verified"),
        ("'^/[^/]+-\\d+\\.html$'", "'^/.*$'", "article_patterns[0]"),
    ],
)
def test_bad_edition_names_file_and_key(tmp_path, old, new, key):
    assert old in EDITIONS
    path = tmp_path / "bad.yaml"
    path.write_text(EDITIONS.replace(old, new), encoding="utf-8")
    with pytest.raises(OutletError) as error:
        load_outlet(path)
    assert "bad.yaml" in str(error.value) and repr(key) in str(error.value)


MIRROR = """
name: copies
kind: mirror
domains: [copies.example]
article_patterns: ['^/(?:fr/)?(?P<source>[a-z0-9]+)/\\d+$']
sources: {demo: demo, demofr: demo, gone: nowhere}
"""


def test_mirror_maps_copies_to_the_original(tmp_path):
    (tmp_path / "demo.yaml").write_text(EDITIONS, encoding="utf-8")
    (tmp_path / "copies.yaml").write_text(MIRROR, encoding="utf-8")
    with pytest.raises(OutletError, match="copies.yaml: key 'sources.gone'"):
        load_registry(tmp_path)
    (tmp_path / "copies.yaml").write_text(MIRROR.replace(", gone: nowhere", ""), encoding="utf-8")
    registry = load_registry(tmp_path)
    for url in ("https://www.copies.example/demo/123", "http://copies.example/fr/demofr/9"):
        got = registry.classify(url)
        assert (got.article, got.outlet, got.via, got.entry) == (True, "demo", "copies", "copies")
    other = registry.classify("https://copies.example/elsewhere/5")  # a source not in the registry
    assert not other.article and "elsewhere" in other.why
    assert not registry.classify("https://copies.example/demo/").article
    direct = registry.classify("https://demo.fr/securite-5.html")
    assert (direct.article, direct.outlet, direct.via) == (True, "demo", None)
    assert registry.classify("https://elsewhere.example/a-1.html").entry is None


def test_a_host_belongs_to_one_entry(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD.replace("name: demo", "name: demo2"), encoding="utf-8")
    with pytest.raises(OutletError, match="b.yaml: key 'domains'"):
        load_registry(tmp_path)
