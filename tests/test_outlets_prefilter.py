"""The cheap pre-filter: Hammouchi's spellings and his services, in URL, title or text."""

import pytest
from parsel import Selector

from crawler.outlets.prefilter import load_terms, matches, raw_title, title_needed
from tests.conftest import FIXTURES

TERMS = load_terms()


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("https://x.ma/news/hammouchi-recoit-123.html",), True),
        (("https://x.ma/%D8%AD%D9%85%D9%88%D8%B4%D9%8A-123",), True),
        ((None, "السيد عبد اللطيف حموشى يستقبل وفدا"), True),
        ((None, None, "Le patron de la DGSN-DGST a reçu"), True),
        ((None, None, "المدير العام للأمن الوطني"), True),
        (("https://x.ma/sport/123.html", "نتائج البطولة", "فاز الفريق"), False),
    ],
)
def test_matches(texts, expected):
    assert matches(TERMS, *texts) is expected


def _decision_with_parsed_title(url, html):
    """The pre-filter's answer when every page's <title> is parsed (its specification)."""
    return matches(TERMS, url, Selector(text=html).css("title::text").get(), html)


def _decision(url, html):
    """The spider's: the URL, the raw <title>, the page as written, the parsed <title> only when
    `title_needed`."""
    return matches(TERMS, url, raw_title(html), html) or (
        title_needed(html) and matches(TERMS, Selector(text=html).css("title::text").get()))


NAME = "حموشي"
ENTITIES = "".join(f"&#{ord(c)};" for c in NAME)


@pytest.mark.parametrize("html", [
    f"<html><head><title>{ENTITIES}</title></head><body><p>لقاء</p></body></html>",  # only in the title
    f"<html><head><title>{NAME}</title></head><body>x</body></html>",
    f"<html><head><TITLE lang=ar>DG&amp;SN {NAME}</TITLE></head><body>x</body></html>",
    "<html><head><title>نتائج البطولة</title></head><body>فاز الفريق</body></html>",
    "<html><head><title>a &amp; b</title></head><body>فاز الفريق</body></html>",
    f"<html><head><title>x</title></head><body><svg><title>{ENTITIES}</title></svg></body></html>",
    f"<html><head><title>{ENTITIES}",  # no closing tag
    f"<html><head><!-- <title>{NAME}</title> --><title>x</title></head><body>y</body></html>",
    f"<html><head><title>x<b>{NAME}</b></title></head><body>y</body></html>",
    "<html><body>no title</body></html>",
])
def test_title_parsed_only_when_it_can_change_the_answer(html):
    url = "https://x.ma/a/1.html"
    assert _decision(url, html) == _decision_with_parsed_title(url, html)


def test_raw_title():
    assert raw_title(f"<html><head><TITLE dir=rtl>{NAME} | x</TITLE>") == f"{NAME} | x"
    assert raw_title("<html><body>none</body></html>") is None


def test_an_escaped_title_still_passes():
    html = f"<html><head><title>{ENTITIES}</title></head><body><p>لقاء</p></body></html>"
    assert title_needed(html) and _decision("https://x.ma/a/1.html", html)
    assert not title_needed(f"<html><head><title>{NAME}</title></head><body>&amp;</body></html>")


def test_title_needed_agrees_on_every_fixture_page():
    pages = [*FIXTURES.rglob("*.html"), *FIXTURES.rglob("*.htm")]
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8", errors="replace")
        url = "https://x.ma/a/1.html"
        assert _decision(url, html) == _decision_with_parsed_title(url, html), page
