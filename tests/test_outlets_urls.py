"""One canonical form per URL: raw Arabic, lower- and upper-case percent-escapes are the same URL."""

import random

import pytest

from crawler.outlets import urls
from crawler.outlets.urls import canonical_url, host_in, hostname, readable_path

SLUG = "حموشي-يستقبل-12.html"
ENCODED = "%D8%AD%D9%85%D9%88%D8%B4%D9%8A-%D9%8A%D8%B3%D8%AA%D9%82%D8%A8%D9%84-12.html"


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (f"https://www.example.ma/{SLUG}", f"https://www.example.ma/{ENCODED}"),
        (f"https://www.example.ma/{ENCODED.lower()}", f"https://www.example.ma/{ENCODED}"),
        (f"https://www.example.ma/{ENCODED}", f"https://www.example.ma/{ENCODED}"),
        (f"HTTPS://WWW.Example.MA:443/{SLUG}#comments", f"https://www.example.ma/{ENCODED}"),
        ("http://example.ma:80", "http://example.ma/"),
        ("http://127.0.0.1:8000/a%7Eb/%41.html", "http://127.0.0.1:8000/a~b/A.html"),
        ("https://example.ma/a%2Fb?q=الأمن&page=2", "https://example.ma/a%2Fb?q=%D8%A7%D9%84%D8%A3%D9%85%D9%86&page=2"),
        ("https://example.ma/a b", "https://example.ma/a%20b"),
        ("https://example.ma/%d9a7-1.html", "https://example.ma/%D9a7-1.html"),  # a stray escape kept
        ("https://example.ma/100%", "https://example.ma/100%25"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical
    assert canonical_url(canonical) == canonical  # idempotent


def test_readable_path_decodes_utf8_only():
    assert readable_path(f"https://x.ma/{ENCODED.lower()}") == f"/{SLUG}"
    assert readable_path(f"https://x.ma/{SLUG}?a=1") == f"/{SLUG}"
    assert readable_path("https://x.ma/%d9a7-%2F.html") == "/%D9a7-%2F.html"


def test_hosts():
    assert hostname("https://FR.le360.example.:8080/x") == "fr.le360.example"
    assert hostname("not a url") == ""
    assert host_in("fr.le360.example", "le360.example") and host_in("le360.example", "le360.example")
    assert not host_in("notle360.example", "le360.example")


def _normalise_plain(part: str, safe: frozenset[int]) -> str:
    """The byte-by-byte form of `urls._normalise` (its specification)."""
    raw, out, i = part.encode("utf-8", "surrogatepass"), [], 0
    while i < len(raw):
        if raw[i:i + 1] == b"%" and len(raw[i + 1:i + 3]) == 2 and all(
                c in b"0123456789abcdefABCDEF" for c in raw[i + 1:i + 3]):
            byte = int(raw[i + 1:i + 3], 16)
            out.append(chr(byte) if byte in urls._UNRESERVED else f"%{byte:02X}")
            i += 3
            continue
        out.append(chr(raw[i]) if raw[i] in safe else f"%{raw[i]:02X}")
        i += 1
    return "".join(out)


def test_normalise_is_the_byte_by_byte_form():
    pieces = [*"aZ09-._~!$&'()*+,;=:@/?#% é", SLUG[:3],
              "%d8", "%D8", "%aD", "%2f", "%4", "%zz", "%7e", "\udc80"]
    rng = random.Random(15)
    for _ in range(3000):
        part = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        for safe in (urls._PATH_SAFE, urls._QUERY_SAFE):
            assert urls._normalise(part, safe) == _normalise_plain(part, safe), part
