"""Every registry outlet classifies real URLs of its site right: articles in (on every host and
edition, Arabic slugs raw or percent-encoded), listings, tags, feeds and homes out, and copies on
an aggregator given to the original outlet.

The URL samples are `../shared/outlets/url_samples.tsv` (300 URLs of the 17 outlets, seen in
public pages and code); `tests/fixtures/outlets/samples/<outlet>/url_samples.tsv` is the
project's own copy of a few of them per outlet (and where `scrapy genoutlet` puts a new outlet's),
so the test lives on in a clone without ../shared.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

import pytest

from crawler.outlets import load_registry
from crawler.outlets.samples import misclassified as wrong_samples
from crawler.outlets.samples import read_samples
from crawler.outlets.urls import canonical_url, readable_path
from tests.conftest import FIXTURES, SHARED, shared_path

REGISTRY = load_registry()
OUTLETS = sorted(n for n, o in REGISTRY.items() if o.kind == "outlet")
OWN_SAMPLES = sorted((FIXTURES / "outlets" / "samples").glob("*/url_samples.tsv"))
NOT_ARTICLES = FIXTURES / "outlets" / "not_articles.txt"


def misclassified(outlet, samples):
    return wrong_samples(REGISTRY, outlet, samples)


def own_samples() -> list[dict]:
    return [s for path in OWN_SAMPLES for s in read_samples(path)]


@pytest.mark.parametrize("outlet", OUTLETS)
def test_shared_url_samples(outlet):
    samples = read_samples(shared_path("outlets", "url_samples.tsv"))
    assert misclassified(outlet, samples) == []


@pytest.mark.parametrize("outlet", OUTLETS)
def test_own_url_samples(outlet):
    samples = own_samples()
    assert [s for s in samples if s["outlet"] == outlet and s["kind"] == "article"], "no article sample"
    assert misclassified(outlet, samples) == []


def test_own_samples_cover_every_outlet_and_kind_of_shape():
    samples = own_samples()
    assert {s["outlet"] for s in samples} == set(OUTLETS)
    assert {s["kind"] for s in samples} >= {"article", "aggregator", "listing", "feed", "home", "other"}


@pytest.mark.parametrize("outlet", OUTLETS)
def test_generic_non_article_paths(outlet):
    entry = REGISTRY[outlet]
    paths = [p for p in NOT_ARTICLES.read_text(encoding="utf-8").splitlines() if p and not p.startswith("#")]
    hosts = {e.host for e in entry.editions if e.host} | set(entry.domains)
    wrong = [f"https://{h}{p}" for h in sorted(hosts) for p in paths if REGISTRY.classify(f"https://{h}{p}").article]
    assert wrong == []


def test_verified_records_the_samples_that_passed():
    # `verified` is set only on outlets whose samples all pass (the tests above), with their
    # number: ../shared's samples of the outlet, or its own when ../shared has none of it
    shared = read_samples(shared_path("outlets", "url_samples.tsv"))
    own = own_samples()
    for name, entry in REGISTRY.items():
        if entry.verified is not None:
            count = sum(s["outlet"] == name for s in shared) or sum(s["outlet"] == name for s in own)
            assert entry.kind == "outlet" and entry.verified.samples == count, name


def test_raw_and_percent_encoded_forms_classify_alike():
    # every sample (own, and ../shared's when there) written raw, with lower-case and with
    # upper-case escapes: one canonical URL, one verdict (hespress, barlamane, yabiladi have Arabic)
    shared = SHARED / "outlets" / "url_samples.tsv"
    samples = own_samples() + (read_samples(shared) if shared.exists() else [])
    assert any("%" in s["url"] for s in samples) and any(not s["url"].isascii() for s in samples)
    for sample in samples:
        canonical = canonical_url(sample["url"])
        parts = urlsplit(canonical)
        raw = urlunsplit((parts.scheme, parts.netloc, readable_path(canonical), parts.query, ""))
        lower = re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), canonical)
        verdicts = set()
        for form in (raw, lower, canonical):
            got = REGISTRY.classify(form)
            verdicts.add((got.url, got.article, got.outlet))
        assert len(verdicts) == 1, (sample["url"], verdicts)
