"""The cheap pre-filter: Hammouchi's spellings and his services, in URL, title or text."""

import pytest

from crawler.outlets.prefilter import load_terms, matches

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
