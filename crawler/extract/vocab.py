"""The boilerplate vocabulary (`data/boilerplate.yaml`), folded once for matching."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from crawler.textnorm import fold

VOCAB_FILE = Path(__file__).with_name("data") / "boilerplate.yaml"
KEYS = ("read_also", "section", "share_words", "byline_prefixes", "desks")


@dataclass(frozen=True)
class Vocab:
    """Folded boilerplate labels, each list longest first so a prefix match takes the longest."""

    read_also: tuple[str, ...]
    section: tuple[str, ...]
    share_words: frozenset[str]
    byline_prefixes: tuple[str, ...]
    desks: tuple[str, ...]

    def starts_with(self, labels: tuple[str, ...], key: str) -> str | None:
        """The label that `key` (a folded line) starts with, as whole words, or None."""
        for label in labels:
            if key == label or key.startswith(label + " "):
                return label
        return None


def load_vocab(path: Path = VOCAB_FILE) -> Vocab:
    """Read and fold the vocabulary; a missing or empty list fails here, naming the file and key."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    lists = {}
    for key in KEYS:
        items = data.get(key)
        if not items or not all(isinstance(x, str) and fold(x) for x in items):
            raise ValueError(f"{path}: key {key!r} must be a non-empty list of non-empty strings")
        lists[key] = tuple(sorted({fold(x) for x in items}, key=lambda s: (-len(s), s)))
    return Vocab(read_also=lists["read_also"], section=lists["section"],
                 share_words=frozenset(lists["share_words"]), byline_prefixes=lists["byline_prefixes"],
                 desks=lists["desks"])


@cache
def vocab() -> Vocab:
    """The project's vocabulary, read once per process (it is data shipped with the code)."""
    return load_vocab()
