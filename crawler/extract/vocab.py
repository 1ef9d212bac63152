"""The boilerplate vocabulary (`data/boilerplate.yaml`), folded once for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from crawler.textnorm import fold
from crawler.vocab import load

# A read-also line is a label and a headline, never a paragraph.
MAX_READ_ALSO_WORDS = 25
_COUNT = re.compile(r"(?: \d+)+$")
_READ_ALSO_SEPARATOR = re.compile(r"\s*[:：\-–—]\s*")
VOCAB_FILE = Path(__file__).with_name("data") / "boilerplate.yaml"
KEYS = ("read_also", "related_lists", "article_end", "section", "share_words", "byline_prefixes", "desks",
        "not_authors")


@dataclass(frozen=True)
class Vocab:
    """Folded boilerplate labels, each list longest first so a prefix match takes the longest.
    `read_also` holds the `related_lists` headers; `article_end` too; `section` holds them all."""

    read_also: tuple[str, ...]
    article_end: tuple[str, ...]
    section: tuple[str, ...]
    share_words: frozenset[str]
    byline_prefixes: tuple[str, ...]
    desks: tuple[str, ...]
    not_authors: tuple[str, ...]

    def is_read_also_line(self, line: str) -> bool:
        """A line of text that is a link to another article: a read-also label, then ":" or a
        dash, then a headline ("اقرأ أيضا: …", "À lire aussi : …", "Read also – …")."""
        if len(line.split(None, MAX_READ_ALSO_WORDS)) > MAX_READ_ALSO_WORDS:  # over 25 words
            return False  # a paragraph is cut 26 times at most, not into all its words
        head = _READ_ALSO_SEPARATOR.split(line, 1)
        return len(head) == 2 and fold(head[0]) in self.read_also

    def label_of(self, line: str, labels: tuple[str, ...]) -> tuple[str, bool] | None:
        """(label, bare) when `line` is one of `labels` alone (bare) or a label, ":" or a dash,
        and more ("الوسوم: حموشي - غانا"); None otherwise."""
        key = _COUNT.sub("", fold(line))  # "التعليقات (3)", "Commentaires 12"
        if key in labels:
            return key, True
        head = _READ_ALSO_SEPARATOR.split(line, 1)
        if len(head) == 2 and fold(head[0]) in labels:
            return fold(head[0]), False
        return None

    def starts_with(self, labels: tuple[str, ...], key: str) -> str | None:
        """The label that `key` (a folded line) starts with, as whole words, or None."""
        for label in labels:
            if key == label or key.startswith(label + " "):
                return label
        return None


def load_vocab(path: Path = VOCAB_FILE) -> Vocab:
    """Read and fold the vocabulary; a missing or empty list fails here, naming the file and key."""
    data = load(path) or {}
    lists = {}
    for key in KEYS:
        items = data.get(key)
        if not items or not all(isinstance(x, str) and fold(x) for x in items):
            raise ValueError(f"{path}: key {key!r} must be a non-empty list of non-empty strings")
        lists[key] = tuple(sorted({fold(x) for x in items}, key=lambda s: (-len(s), s)))
    lists["section"] = (*lists["section"], *lists["article_end"])
    for key in ("read_also", "article_end", "section"):
        lists[key] = tuple(sorted({*lists[key], *lists["related_lists"]}, key=lambda s: (-len(s), s)))
    return Vocab(read_also=lists["read_also"], article_end=lists["article_end"], section=lists["section"],
                 share_words=frozenset(lists["share_words"]), byline_prefixes=lists["byline_prefixes"],
                 desks=lists["desks"], not_authors=lists["not_authors"])


@cache
def vocab() -> Vocab:
    """The project's vocabulary, read once per process (it is data shipped with the code)."""
    return load_vocab()
