"""Extraction on the seeds and the dev corpus against their gold (skipped without ../shared).

Per document, through the spider's own decoding and the pure functions, so a failure names the
document and the string; the scorer's floors on a real crawl are pinned in tests/test_quality.py.
"""

from __future__ import annotations

import pytest
from scrapy.responsetypes import responsetypes

from crawler.documents import decode, is_html
from crawler.extract import extract_html, extract_text_dump
from tests.conftest import SHARED, read_jsonl, shared_path

CORPORA = {"seeds": ("seeds", "corpus/seeds_gold.jsonl"), "dev": ("corpus/dev", "corpus/dev/gold.jsonl")}


def gold_cases():
    for corpus, (folder, gold) in CORPORA.items():
        path = SHARED / gold
        if not path.exists():
            yield pytest.param(corpus, folder, {"file": "absent"}, id=f"{corpus}-absent")
            continue
        for row in read_jsonl(path):
            yield pytest.param(corpus, folder, row, id=f"{corpus}-{row['file'][:24]}")


def extract_file(path):
    body = path.read_bytes()
    response = responsetypes.from_args(filename=str(path), body=body)(url=path.resolve().as_uri(), body=body)
    text, _, _ = decode(response)
    return extract_html(text, response.url) if is_html(response, text) else extract_text_dump(text)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("corpus, folder, row", list(gold_cases()))
def test_document_against_gold(corpus, folder, row):
    path = shared_path(folder, row["file"])
    got = extract_file(path)
    text = flat(got.text)
    for keep in row.get("must_contain", []):
        assert flat(keep) in text, f"body lost: {keep}"
    for junk in row.get("must_not_contain", []):
        assert flat(junk) not in text, f"boilerplate kept: {junk}"
    assert got.title and flat(got.title) == flat(row["title"])


@pytest.mark.parametrize("row", [r for r in (read_jsonl(SHARED / CORPORA["seeds"][1])
                                              if (SHARED / CORPORA["seeds"][1]).exists() else [])],
                         ids=lambda r: r["file"][:24])
def test_seed_article_paragraphs_kept_whole(row):
    """Every line of a seed from the first kept paragraph to the last is a whole line of the text."""
    lines = [ln.strip() for ln in shared_path("seeds", row["file"]).read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    at = [next(i for i, ln in enumerate(lines) if flat(keep) in flat(ln)) for keep in row["must_contain"]]
    got = extract_file(shared_path("seeds", row["file"])).text.splitlines()
    for paragraph in lines[min(at):max(at) + 1]:
        assert paragraph in got, f"paragraph not kept whole: {paragraph[:60]}"
