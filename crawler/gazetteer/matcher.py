"""A token trie over folded text: finds gazetteer surfaces in Arabic, French or English text and maps
each match back to its span in the original text.

Hand-written rather than a library (pyahocorasick, flashtext) because matching must strip Arabic
clitics (و، ب، ل، ف، ك، لل…) from the first word of a name while keeping exact offsets in the
original text, which those libraries do not do; the trie is small (a few thousand surfaces).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from crawler.textnorm import ARABIC_RE, ARABIC_SCRIPT, fold_map

_ARABIC = ARABIC_RE
# Clitics written attached to the first word of a name: conjunctions و/ف, prepositions ب/ل/ك and
# their pairs. "لل" (ل + ال, whose alef is dropped) is handled apart.
_GLUED_LATIN = re.compile(rf"^([وفبلكا]{{1,4}})([^\W\d_{ARABIC_SCRIPT}]\w*)$")
_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


def key(text: str) -> str:
    """The matching key of a gazetteer surface: folded, without Latin accents."""
    return fold_map(text, accents=False)[0]


@dataclass(frozen=True)
class Entry:
    """What a surface means: `code` (ISO alpha-2, organization code, agency id or city name), the
    kind of surface (`name`, `adjective`, `acronym`), and data of the gazetteer it belongs to."""

    code: str | None
    kind: str
    written: str
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    case_sensitive: bool = False


@dataclass(frozen=True)
class Match:
    """A gazetteer surface found in a text. `start`/`end` index the ORIGINAL text (`text[start:end] ==
    surface`); a clitic prefix (وب، ل…) is left outside the span. `code` is None for an ambiguous
    surface, whose `candidates` lists the codes it may mean."""

    code: str | None
    start: int
    end: int
    surface: str
    kind: str
    written: str
    """The entry as written in the data file."""
    base: str = ""
    """The surface without its clitic, as a name would stand alone: `surface`, except after "لل"
    (للشرطة الوطنية -> surface "لشرطة الوطنية", base "الشرطة الوطنية")."""
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)


class Trie:
    """Surfaces keyed by their folded tokens; each leaf holds the entries of that surface."""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}
        self.size = 0

    def add(self, surface: str, entry: Entry) -> None:
        tokens = key(surface).split()
        if not tokens:
            raise ValueError(f"empty surface for {entry.code!r}")
        node = self.root
        for tok in tokens:
            node = node.setdefault(tok, {})
        entries = node.setdefault("", [])
        if entry not in entries:
            entries.append(entry)
            self.size += 1

    def lookup(self, surface: str) -> list[Entry]:
        node: dict[str, Any] | None = self.root
        for tok in key(surface).split():
            node = node.get(tok) if node else None
        return list(node.get("", [])) if node else []

    def find(self, text: str) -> list[tuple[int, int, list[Entry], str]]:
        """Non-overlapping matches, left to right, the longest (in words) at each position; among
        equally long ones the one with the shorter stripped prefix. Returns (start, end, entries, base)
        with offsets in `text` (base: see `Match.base`). Case-sensitive entries (acronyms, English
        names) must be written in capitals or as in the data file."""
        offsets, spans, toks = _tokens(text)
        out: list[tuple[int, int, list[Entry], str]] = []
        i = 0
        while i < len(toks):
            best: tuple[int, int, int, list[Entry], bool] | None = None
            for cand, strip in _candidates(toks[i]):
                node = self.root.get(cand)
                j = i
                while node is not None:
                    entries = node.get("")
                    if entries:
                        surf = _surface(text, offsets, spans, i, j, strip)
                        ok = [e for e in entries if _case_ok(e, surf)]
                        if ok and (best is None or (j - i + 1, -strip) > (best[0], -best[1])):
                            best = (j - i + 1, strip, j, ok, cand != toks[i][strip:])
                    j += 1
                    node = node.get(toks[j]) if j < len(toks) else None
            if best is None:
                i += 1
                continue
            n, strip, j, entries, restored_al = best
            start = offsets[spans[i][0] + strip]
            end = _end(text, offsets[spans[j][1] - 1] + 1)
            out.append((start, end, entries, "ا" + text[start:end] if restored_al else text[start:end]))
            i = j + 1
        return out


@lru_cache(maxsize=2048)
def _tokens(text: str) -> tuple[list[int], list[tuple[int, int]], list[str]]:
    """The folded tokens of `text` with their spans and the offsets back into `text`: computed once
    for the country, agency and city finders that look at the same text."""
    folded, offsets = fold_map(text, accents=False)
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(folded)]
    return offsets, spans, [folded[a:b] for a, b in spans]


_TOKEN = re.compile(r"\S+")


@lru_cache(maxsize=65536)
def _candidates(tok: str) -> list[tuple[str, int]]:
    """The token and its forms without an Arabic clitic prefix, with the number of key characters
    stripped. "لل" (ل + ال, alef dropped), alone or after و/ف, gives back the ال form."""
    cands = [(tok, 0)]
    if not _ARABIC.match(tok):
        return cands
    for conj in ("", "و", "ف"):
        rest = tok[len(conj):]
        if rest.startswith("لل") and len(rest) > 4:
            cands.append(("ا" + rest[1:], len(conj) + 1))  # وللشرطة -> الشرطة, span after "ول"
    for p in _PREFIXES:
        if tok.startswith(p) and len(tok) - len(p) >= 3:
            cands.append((tok[len(p):], len(p)))
    glued = _GLUED_LATIN.match(tok)  # الـDGSI، وبـFBI: a Latin name after Arabic clitics or ال
    if glued:
        cands.append((glued.group(2), len(glued.group(1))))
    return cands


def _surface(text: str, offsets: list[int], spans: list[tuple[int, int]], i: int, j: int, strip: int) -> str:
    return text[offsets[spans[i][0] + strip]:offsets[spans[j][1] - 1] + 1]


def _end(text: str, end: int) -> int:
    """Extend an end offset over marks (tashkeel, tatweel, combining accents) that fold dropped."""
    while end < len(text) and unicodedata.category(text[end]) in ("Mn", "Me", "Lm"):
        end += 1
    return end


def _letters(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if c.isalnum())


def _case_ok(entry: Entry, surface: str) -> bool:
    """Case-sensitive entries (acronyms, Latin proper names) match in capitals, as written, or as
    written with a capital first letter ("The Netherlands"), punctuation and accents aside."""
    if not entry.case_sensitive:
        return True
    s, w = _letters(surface), _letters(entry.written)
    return surface.isupper() or s == w or (s[:1].isupper() and s[1:] == w[1:])


def to_match(text: str, start: int, end: int, entry: Entry, base: str | None = None, **data: Any) -> Match:
    return Match(code=entry.code, start=start, end=end, surface=text[start:end], kind=entry.kind,
                 written=entry.written, base=base or text[start:end], data={**entry.data, **data})
