"""One phrase matcher: a list of phrases as one regex over folded text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re._casefix import _EXTRA_CASES

from crawler.vocab.compiled import regex
from crawler.vocab.fold import fold, fold_map, is_arabic, variants

# Arabic proclitics a word may carry: و ف (and), ب ل ك (prepositions), and لل for ل + ال.
AR_CLITICS = r"(?:[وف]?[بلك]?)"
LETTER = r"[^\W\d_]"
NEVER = r"(?!x)x"


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of folded phrases, longest first (phrases of one length in code-point
    order, so the pattern is the same in every process), a space matching any run of spaces."""
    items = sorted({" ".join(fold(str(p)).split()) for p in phrases} - {""}, key=_longest_first)
    return factored(items) or NEVER


def _longest_first(phrase: str) -> tuple[int, str]:
    """The sort key of an alternation: longest first, then in code-point order. Two phrases of one
    length never match at one place (their letters and spaces would be the same), so the order among
    them changes no match; a set's order changes from one process to the next."""
    return -len(phrase), phrase


def _escaped(phrase: str) -> str:
    return re.escape(phrase).replace(r"\ ", r"\s+")


def _case_class(ch: str) -> set[str] | None:
    """The lower-case characters a text character must fold to for `ch` to match it under
    re.IGNORECASE (the lower case of `ch` and re's extra case pairs: i/ı, s/ſ…); None when unsure."""
    low = ch.lower()
    if len(low) != 1:
        return None
    return {low, *(chr(c) for c in _EXTRA_CASES.get(ord(low), ()))}


def factored(phrases: list[str]) -> str:
    """`"|".join` of the phrases as regex alternatives (escaped, a space matching any run of
    spaces), in their order, with the phrases that start with the same letters under one branch:
    "المدير|الامن|وزير" -> "ال(?:مدير|امن)|وزير", and so on inside each branch (a trie). re tries
    the alternatives of a branch one by one at each position; a trie tries one per first letter.

    The same matches as the flat alternation: at a given place the alternatives that can match
    start with the character found there, so only those of its branch are tried, in their order,
    after the same literal letters. Where that could fail (a phrase starting with a space, two
    first letters that one text character may match in some case, an empty phrase before others)
    the level stays flat; a shared prefix stops before a space (a space is a run of spaces)."""
    flat_form = "|".join(_escaped(p) for p in phrases)
    if len(phrases) < 2:
        return flat_form
    branches: dict[str, list[str]] = {}
    for p in phrases:
        if not p or p[0].isspace():
            return flat_form
        branches.setdefault(p[0], []).append(p)
    seen: set[str] = set()
    for ch in branches:
        cls = _case_class(ch)
        if cls is None or cls & seen:
            return flat_form
        seen |= cls
    out = []
    for group in branches.values():
        if len(group) == 1:
            out.append(_escaped(group[0]))
            continue
        n = 1
        while all(len(p) > n for p in group) and not group[0][n].isspace() and all(
                p[n] == group[0][n] for p in group):
            n += 1
        rests = [p[n:] for p in group]
        if "" in rests[:-1]:
            return flat_form
        inner = factored(rests[:-1]) + "|" if rests[-1] == "" else factored(rests)
        out.append(f"{re.escape(group[0][:n])}(?:{inner})")
    return "|".join(out)


def phrase_regex(phrases: Iterable[str], *, prefix: bool = False, ar_suffix: str = "",
                 clitics: bool = True, group: bool = False) -> re.Pattern:
    """One regex for `phrases`, longest first, whole words, over folded text. Arabic phrases may
    carry proclitics before them (`clitics`) and `ar_suffix` after them; with `prefix`, a Latin
    phrase may be the start of a longer word ("terroris" -> "terroriste"). With `group`, the phrase
    itself (without clitics and suffix) is group 1 (Arabic) or group 2 (Latin)."""
    ar, latin = set(), set()
    for p in phrases:
        for v in variants(str(p)):
            if v:
                (ar if is_arabic(v) else latin).add(v)
    g = "(" if group else "(?:"
    lead = AR_CLITICS if clitics else ""
    parts = [rf"(?<!{LETTER}){lead}{g}{alternation(ar)}){ar_suffix}(?!{LETTER})"]
    tail = rf"{LETTER}*" if prefix else rf"(?!{LETTER})"
    parts.append(rf"(?<!{LETTER}){g}{alternation(latin)}){tail}")
    return regex("|".join(parts), re.IGNORECASE)


class PhraseMatcher:
    """Phrases found in raw text: the spans come back in the text's own offsets.

        m = PhraseMatcher(["المدير العام", "director general"])
        m.search("… للمدير العام …")  # -> (start, end) in the original text, or None
    """

    def __init__(self, phrases: Iterable[str], **options):
        self.regex = phrase_regex(phrases, **options)

    def search_folded(self, folded: str, pos: int = 0) -> re.Match | None:
        return self.regex.search(folded, pos)

    def finditer_folded(self, folded: str, pos: int = 0):
        return self.regex.finditer(folded, pos)

    def spans(self, text: str) -> list[tuple[int, int]]:
        folded, pos = fold_map(text)
        out = []
        for m in self.regex.finditer(folded):
            s, e = m.span()
            out.append((pos[s], pos[e - 1] + 1) if pos else (s, e))
        return out

    def search(self, text: str) -> tuple[int, int] | None:
        spans = self.spans(text)
        return spans[0] if spans else None

    def __contains__(self, text: str) -> bool:
        return bool(self.regex.search(fold(text)))


GAP = "…"


@dataclass(frozen=True)
class Span:
    """A match of a `GappedMatcher` (the `start()` / `end()` of a regex match)."""

    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


class GappedMatcher:
    """Phrases written with "…" between their parts ("حل … ضيفا على", "a tenu … une séance de
    travail avec"): each part whole words, up to `gap` words between two parts (`long_gap` where the
    phrase writes "……"), within one clause (no full stop in the gap). A match runs from the first
    part to the end of the last. The first parts are one regex; the rest is tried only where a first
    part is found."""

    def __init__(self, phrases: Iterable[str], *, gap: int = 16, long_gap: int = 32):
        def between(n: int) -> str:
            return rf"[،,]?(?:\s+[^\s.!?؟]+){{0,{n}}}?\s+"  # "تم، اليوم، استقبال": a comma after a part

        self.tails: dict[str, list[re.Pattern]] = {}
        for p in phrases:
            # "خص …… باستقبال": a doubled "…" allows `long_gap` words (a second part no other phrase
            # writes, after a whole counterpart's role and name)
            raw = [q.strip() for q in str(p).replace("...", GAP).split(GAP)]
            parts, gaps = [], []
            for q in raw:
                if q:
                    parts.append(q)
                    gaps.append(gap)
                elif gaps:
                    gaps[-1] = long_gap
            if len(parts) < 2:
                continue
            rest = "".join(between(n) + f"(?:{phrase_regex([q], clitics=False).pattern})"
                           for n, q in zip(gaps[:-1], parts[1:], strict=True))
            for v in variants(parts[0]):
                self.tails.setdefault(v, []).append(regex(rest, re.IGNORECASE))
        self.first = phrase_regex(list(self.tails), group=True)

    def search(self, folded: str, pos: int = 0) -> Span | None:
        for m in self.first.finditer(folded, pos):
            head = " ".join((m.group(1) or m.group(2) or "").lower().split())
            ends = [t.match(folded, m.end()) for t in self.tails.get(head, ())]
            ends = [e.end() for e in ends if e]
            if ends:
                return Span(m.start(), min(ends))
        return None
