"""The vocabulary loader's compiled cache: the same data as parsing the YAML, renewed when the
file changes, and never in the way (a broken cache or a folder that cannot hold one)."""

from __future__ import annotations

import glob

import yaml

from crawler.vocab import load
from crawler.vocab.load import cache_path
from tests.conftest import ROOT


def test_every_data_file_loads_the_same_from_its_cache():
    files = sorted(glob.glob(str(ROOT / "crawler" / "**" / "*.yaml"), recursive=True))
    assert files
    for f in files:
        with open(f, encoding="utf-8") as fh:
            parsed = yaml.safe_load(fh)
        assert load(f) == parsed, f
        assert load(f) == parsed, f  # the second time from the cache


def test_cache_is_written_and_renewed_when_the_file_changes(tmp_path):
    f = tmp_path / "words.yaml"
    f.write_text("read_also: [اقرأ أيضا]\n", encoding="utf-8")
    assert load(f) == {"read_also": ["اقرأ أيضا"]}
    assert cache_path(f).exists()
    f.write_text("read_also: [Lire aussi]\n", encoding="utf-8")
    assert load(f) == {"read_also": ["Lire aussi"]}


def test_broken_cache_or_no_room_for_one_still_loads(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text("k: 1\n", encoding="utf-8")
    load(f)
    cache_path(f).write_bytes(b"not a pickle")
    assert load(f) == {"k": 1}
    g = tmp_path / "other" / "b.yaml"
    g.parent.mkdir()
    g.write_text("k: 2\n", encoding="utf-8")
    (g.parent / "__pycache__").write_text("a file where the cache folder would be")
    assert load(g) == {"k": 2}
