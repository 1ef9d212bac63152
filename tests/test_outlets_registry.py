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
    assert not any(o.verified for o in outlets.values())


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
    ],
)
def test_bad_entry_names_file_and_key(tmp_path, old, new, key):
    assert old in GOOD
    path = tmp_path / "bad.yaml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(OutletError) as error:
        load_outlet(path)
    assert "bad.yaml" in str(error.value) and repr(key) in str(error.value)
