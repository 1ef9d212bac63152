"""URL samples of outlets and how the registry classifies them.

A sample file is TSV with a header `outlet`, `kind`, `url` (more columns are ignored; lines
starting with `#` are comments). `kind` is `article`, `aggregator` (a mirror's copy of the outlet's
article) or anything else (`listing`, `home`, `feed`, `sitemap`, `other`): not an article.
"""

from __future__ import annotations

import csv
from pathlib import Path

from crawler.outlets import Registry

ARTICLE_KINDS = ("article", "aggregator")


def read_samples(path: Path | str) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def wrong(registry: Registry, outlet: str, sample: dict) -> str | None:
    """Why the registry gets `sample` (of `outlet`) wrong, or None when it is right."""
    got = registry.classify(sample["url"])
    kind = sample["kind"]
    if kind == "article":
        ok = got.article and got.outlet == outlet and got.via is None
    elif kind == "aggregator":  # the original's, or read from the page when the URL cannot say
        ok = got.article and got.via is not None and (
            got.outlet == outlet or (got.outlet is None and not registry[got.via].sources))
    else:
        ok = not got.article
    if ok:
        return None
    expected = "an article of " + outlet if kind in ARTICLE_KINDS else "not an article"
    return f"{kind} {sample['url']}: expected {expected}; {got.why}"


def misclassified(registry: Registry, outlet: str, samples: list[dict]) -> list[str]:
    """The samples of `outlet` the registry gets wrong, each with the registry's reason."""
    return [why for s in samples if s["outlet"] == outlet and (why := wrong(registry, outlet, s))]
