"""Stage 1: the sentences of a report, with what the later stages need to know about each.

A sentence is cut by `crawler.textnorm.sentence_spans` (at . ! ? ؟ and line breaks, not after an
honorific or an initial). Each `Sentence` keeps its text as written (the evidence the dates pipeline
reads) and a cleaned text for reading: a word written twice in a row ("avec avec", "مع مع") once.
A sentence is skipped when it is a teaser: an excerpt ending in "…" and the headline line before it,
unless that excerpt is the report's only paragraph of some length (an aggregator's truncated snippet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.textnorm import sentence_spans
from crawler.vocab import fold

HEADLINE_WORDS = 16
# The one paragraph of a snippet has at least this many words (a body paragraph's floor in extract).
SNIPPET_WORDS = 12
# A doubled word: the same word (three letters or more, or a preposition) twice in a row.
_DOUBLED = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,})(\s+)\1(?![^\W\d_])", re.IGNORECASE)


@dataclass
class Sentence:
    """One sentence of a report."""

    index: int
    start: int
    end: int
    paragraph: int
    raw: str  # as written: the evidence
    text: str  # cleaned for reading
    folded: str  # `fold(text)`
    teaser: bool = False  # an excerpt of another story, or the headline line before one

    @property
    def headline_like(self) -> bool:
        """A short line without a full stop: a headline, a ticker item, a related-article title."""
        return len(self.text.split()) < HEADLINE_WORDS and not self.text.rstrip().endswith((".", "؟", "!"))


def undouble(text: str) -> str:
    """A word written twice in a row, once ("avec avec" -> "avec")."""
    toks = text.lower().split()
    if not any(a == b for a, b in zip(toks, toks[1:], strict=False)):
        return text  # the common case, without the regex's back-reference scan
    return _DOUBLED.sub(lambda m: m.group(1), text)


def _is_excerpt(s: str) -> bool:
    return s.rstrip().endswith(("...", "…"))


def _snippet(paras: list[str]) -> bool:
    """An aggregator's snippet: the report itself, one paragraph cut off with "…", no body beside it."""
    excerpts = [n for n, p in enumerate(paras) if _is_excerpt(p)]
    return len(excerpts) == 1 and len(paras[excerpts[0]].split()) >= SNIPPET_WORDS and not any(
        len(p.split()) >= SNIPPET_WORDS for n, p in enumerate(paras) if n != excerpts[0])


def _teaser_paragraphs(text: str) -> set[int]:
    """Paragraphs that are a teaser: an excerpt ending in "…", and the headline line just before one
    (the "headline / first words…" pairs a text dump keeps around the article)."""
    paras = text.split("\n")
    out = set()
    if _snippet(paras):
        return out
    for n, p in enumerate(paras):
        if _is_excerpt(p):
            out.add(n)
            prev = n - 1
            while prev >= 0 and not paras[prev].strip():
                prev -= 1
            if prev >= 0:
                out.add(prev)
    return out


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order."""
    teasers = _teaser_paragraphs(text)
    snippet = _snippet(text.split("\n"))
    out = []
    for i, (s, e, para) in enumerate(sentence_spans(text)):
        raw = text[s:e]
        clean = undouble(raw)
        out.append(Sentence(index=i, start=s, end=e, paragraph=para, raw=raw, text=clean, folded=fold(clean),
                            teaser=_is_excerpt(raw) and not snippet or para in teasers))
    return out
