"""Every registry outlet classifies real URLs of its site right: articles in (on every host and
edition, Arabic slugs raw or percent-encoded), listings, tags, feeds and homes out, and copies on
an aggregator given to the original outlet.

The URL samples are `../shared/outlets/url_samples.tsv` (300 URLs of the 17 outlets, seen in
public pages and code); `tests/fixtures/outlets/url_samples.tsv` is the project's own copy of a
few of them per outlet, so the test lives on in a clone without ../shared.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from crawler.outlets import load_registry
from tests.conftest import FIXTURES, shared_path

REGISTRY = load_registry()
OUTLETS = sorted(n for n, o in REGISTRY.items() if o.kind == "outlet")
OWN_SAMPLES = FIXTURES / "outlets" / "url_samples.tsv"
NOT_ARTICLES = FIXTURES / "outlets" / "not_articles.txt"


def read_samples(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def misclassified(outlet: str, samples: list[dict]) -> list[str]:
    """The samples of `outlet` the registry gets wrong, each with the registry's reason."""
    wrong = []
    for sample in samples:
        if sample["outlet"] != outlet:
            continue
        got = REGISTRY.classify(sample["url"])
        if sample["kind"] == "article":
            ok = got.article and got.outlet == outlet and got.via is None
        elif sample["kind"] == "aggregator":  # a mirror's copy: the original's, or read from the page
            ok = got.article and got.via is not None and got.outlet in (outlet, None)
            ok = ok and (got.outlet == outlet or not REGISTRY[got.via].sources)
        else:
            ok = not got.article
        if not ok:
            wrong.append(f"{sample['kind']} {sample['url']}: {got.why}")
    return wrong


@pytest.mark.parametrize("outlet", OUTLETS)
def test_shared_url_samples(outlet):
    samples = read_samples(shared_path("outlets", "url_samples.tsv"))
    assert misclassified(outlet, samples) == []
    mine = [s for s in samples if s["outlet"] == outlet]
    verified = REGISTRY[outlet].verified
    assert verified is None or verified.samples == len(mine), "verified.samples is not the sample count"


@pytest.mark.parametrize("outlet", OUTLETS)
def test_own_url_samples(outlet):
    samples = read_samples(OWN_SAMPLES)
    assert [s for s in samples if s["outlet"] == outlet and s["kind"] == "article"], "no article sample"
    assert misclassified(outlet, samples) == []


def test_own_samples_cover_every_outlet_and_kind_of_shape():
    samples = read_samples(OWN_SAMPLES)
    assert {s["outlet"] for s in samples} == set(OUTLETS)
    assert {s["kind"] for s in samples} >= {"article", "aggregator", "listing", "feed", "home", "other"}


@pytest.mark.parametrize("outlet", OUTLETS)
def test_generic_non_article_paths(outlet):
    entry = REGISTRY[outlet]
    paths = [p for p in NOT_ARTICLES.read_text(encoding="utf-8").splitlines() if p and not p.startswith("#")]
    hosts = {e.host for e in entry.editions if e.host} | set(entry.domains)
    wrong = [f"https://{h}{p}" for h in sorted(hosts) for p in paths if REGISTRY.classify(f"https://{h}{p}").article]
    assert wrong == []


def test_verified_means_every_sample_passed():
    # `verified` records a date and the number of samples; an entry claiming it with a wrong
    # count fails test_shared_url_samples; here: only outlets, and only with samples
    for name, entry in REGISTRY.items():
        if entry.verified is not None:
            assert entry.kind == "outlet" and entry.verified.samples > 0, name
