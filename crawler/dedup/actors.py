"""Counterpart identity: is this the same person (or agency) under another spelling or script?

A person's name is cut into tokens (`textnorm.fold`, no accents, hyphens split, particles and
honorifics dropped, "عبد العزيز" joined into one token; `data/actors.yaml`). Each token has two
forms:

- its letters, compared within one script with a small edit distance (a typo, a dropped or
  swapped letter, one vowel or doubled consonant: "Hollenstein"/"Holenstein", "ماركوس"/"ماركس";
  capitals are folded: "VEAUX"/"Veaux");
- its transliteration skeleton: the sequence of consonant classes, the same for the Arabic and the
  Latin spelling ("هولنشتاين" and "Hollenstein" are both L N S T N), compared across scripts.

Two names match when every token of the shorter one matches a token of the longer one (a
surname alone, a given name dropped, a second surname added) and the matched tokens carry at
least `MIN_SYMBOLS` skeleton symbols (two short given names alone prove nothing). Two names whose
tokens do not all match are different people ("Fahd Al-Rashidi" is not "Ali Al-Rashidi").

`actor_key` gives a counterpart a key that is the same across spellings and scripts in the
common case (country and the surname's skeleton); the store's actor table
(`crawler.store`) keeps one actor per person with every spelling seen, found again through
`names_match`, so that a typo in the surname still finds its actor.

The spelling pairs that must match and the close names of different people that must not are
tables of their own: tests/fixtures/dedup/spelling_pairs.tsv and false_pairs.tsv.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from crawler.textnorm import fold, is_arabic
from crawler.vocab.load import load

DATA = Path(__file__).with_name("data") / "actors.yaml"
#: The matched tokens of two names must carry this many skeleton symbols together.
MIN_SYMBOLS = 3
_CLASSES = "BFTDKJSLMNR"
_BIT = {c: 1 << i for i, c in enumerate(_CLASSES)}


def _mask(spec) -> tuple[int, ...]:
    """A YAML value as a sequence of symbol masks: "KS" is one symbol (K or S), [K, S] two."""
    if isinstance(spec, list):
        return tuple(m for s in spec for m in _mask(s))
    m = 0
    for c in str(spec):
        m |= _BIT[c]
    return (m,)


@lru_cache(maxsize=1)
def _tables() -> tuple[frozenset, frozenset, dict, list, tuple[frozenset, frozenset]]:
    data = load(DATA)
    particles = frozenset(fold(p) for p in data["particles"])
    join = frozenset(fold(p) for p in data["join_next"])
    arabic = {fold(k): _mask(v) for k, v in data["arabic"].items()}
    latin = sorted(((k, _mask(v)) for k, v in data["latin"].items()), key=lambda kv: -len(kv[0]))
    return particles, join, arabic, latin, (frozenset(data["silent_final"]), frozenset(data["y_initial"]))


@lru_cache(maxsize=1)
def _glue() -> frozenset:
    return frozenset(fold(p) for p in load(DATA)["glue"])


@dataclass(frozen=True, eq=False)
class Token:
    """One token of a name: its folded letters, script and skeleton (`alts`: for a Latin token,
    the skeletons without a final letter that is often silent or an initial j read as y).
    `glued`: the token with the particles written before it glued on ("De Wulf" -> "dewulf"),
    compared as well. Compared by identity (tokens come from `name_tokens`' cache): cheap to hash."""

    letters: str
    arabic: bool
    skeleton: tuple[int, ...]
    alts: tuple[tuple[int, ...], ...] = ()
    glued: Token | None = None
    bits: int = 0  # `letter_bits(letters)`: a cheap lower bound of the edit distance
    _keys: frozenset | None = field(default=None, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "bits", letter_bits(self.letters))

    @property
    def keys(self) -> frozenset:
        """`match_keys(self)`, made once."""
        if self._keys is None:
            object.__setattr__(self, "_keys", match_keys(self))
        return self._keys


def letter_bits(letters: str) -> int:
    """The set of a token's letters as a 64-bit mask (a letter's code point mod 64). An edit
    (insertion, deletion, substitution, adjacent swap) changes the set of letters by two at most,
    so two tokens whose masks differ in more than 2·k bits are more than k edits apart: the check
    that spares the edit distance of most pairs."""
    bits = 0
    for c in letters:
        bits |= 1 << (ord(c) & 63)
    return bits


def _no_accents(text: str) -> str:
    t = unicodedata.normalize("NFD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.translate(str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d",
                                      "ð": "d", "þ": "th", "ı": "i"}))


def skeleton(token: str) -> tuple[int, ...]:
    """The consonant-class skeleton of one folded token (either script), doubles collapsed."""
    _, _, arabic, latin, _ = _tables()
    out: list[int] = []

    def push(masks):
        for m in masks:
            if not out or out[-1] != m:
                out.append(m)

    if is_arabic(token):
        for ch in token:
            push(arabic.get(ch, ()))
        return tuple(out)
    i = 0
    while i < len(token):
        for seq, masks in latin:
            if token.startswith(seq, i):
                push(masks)
                i += len(seq)
                break
        else:
            i += 1  # a vowel, w, y, h, a digit: no symbol
    return tuple(out)


@lru_cache(maxsize=65536)
def name_tokens(name: str | None) -> tuple[Token, ...]:
    """The tokens of a name, without particles and honorifics; the Arabic article dropped
    ("الرشيدي" ~ "Rashidi"), "عبد"/"abdel" joined to the next token."""
    particles, join, _, _, silent = _tables()
    raw = fold(_no_accents(name or "")).split()
    glue = _glue()
    out: list[Token] = []
    pending = ""
    before = ""  # glue particles written right before this token
    for t in raw:
        if t in join:
            pending += t
            continue
        if t in particles and not pending:
            before = before + t if t in glue else ""
            continue
        if not pending and is_arabic(t) and t.startswith("ال") and len(t) > 4:
            t = t[2:]
        t = pending + t
        pending = ""
        if len(t) < 2 or t.isdigit():
            before = ""
            continue
        glued = _token(before + t, silent) if before and is_arabic(before) == is_arabic(t) else None
        before = ""
        out.append(_token(t, silent, glued))
    if pending:
        out.append(Token(pending, is_arabic(pending), skeleton(pending)))
    return tuple(out)


def _token(t: str, silent, glued: Token | None = None) -> Token:
    ar = is_arabic(t)
    alts = () if ar else tuple(skeleton(x) for x in (t[:-1] if t[-1] in silent[0] else "",
                                                        t[1:] if t[0] in silent[1] else "") if x)
    return Token(t, ar, skeleton(t), alts, glued)


def _distance(a, b, same) -> int:
    """Edit distance (insertions, deletions, substitutions, adjacent swaps) with `same(x, y)`
    for equality (the reference of `_within`, which decides distance ≤ k faster)."""
    n, m = len(a), len(b)
    prev2: list[int] = []
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            cost = 0 if same(a[i - 1], b[j - 1]) else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and same(a[i - 1], b[j - 2]) and same(a[i - 2], b[j - 1]):
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[m]


def _within(a, b, k: int, letters: bool) -> bool:
    """`_distance(a, b, same) <= k`, `same` being equality for letters and meeting classes
    (`x & y`) for skeleton symbols: the same table, with every cell capped at k + 1 (a cell more
    than k off the diagonal is at least k + 1) and a stop as soon as a whole row exceeds k (a row
    is at most one more than the row before it, so no later row can come back under k).
    Hand-written, not rapidfuzz: skeleton symbols are equal when their classes meet (`x & y`),
    an equality no edit-distance library takes, and one routine serves both kinds of token."""
    n, m = len(a), len(b)
    big = k + 1
    prev2: list[int] = []
    prev = [j if j <= k else big for j in range(m + 1)]
    for i in range(1, n + 1):
        x = a[i - 1]
        w = a[i - 2] if i > 1 else None
        cur = [i if i <= k else big] + [big] * m
        lo, hi = max(1, i - k), min(m, i + k)
        for j in range(lo, hi + 1):
            y = b[j - 1]
            eq = x == y if letters else bool(x & y)
            v = prev[j - 1] + (0 if eq else 1)
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if w is not None and j > 1 and v > 1:
                z = b[j - 2]
                if (x == z and w == y) if letters else (x & z and w & y):
                    t = prev2[j - 2] + 1
                    if t < v:
                        v = t
            cur[j] = v if v < big else big
        if min(cur) > k:
            return False
        prev2, prev = prev, cur
    return prev[m] <= k


def _letter_tolerance(n: int) -> int:
    return 0 if n <= 3 else 1 if n <= 7 else 2


def _skeleton_tolerance(n: int) -> int:
    return 0 if n <= 2 else 1 if n <= 5 else 2


@lru_cache(maxsize=262144)
def token_match(a: Token, b: Token) -> bool:
    """The same name token: within one script, the letters within a small edit distance (or the
    same skeleton of three or more symbols); across scripts, the skeletons within one. A token
    written after glue particles is also compared with them glued on ("De Wulf" ~ "Dewulf")."""
    if _token_match(a, b):
        return True
    return (a.glued is not None and _glued_match(a.glued, a, b)) or \
        (b.glued is not None and _glued_match(b.glued, b, a))


def _glued_match(glued: Token, core: Token, other: Token) -> bool:
    """`glued` (particles + `core`) against `other`, with the tolerance of the core alone: glued
    letters make a token longer, not the spelling looser ("El Fassiri" is not "Elfassi")."""
    if glued.arabic == other.arabic:
        tol = _letter_tolerance(len(core.letters))
        return (abs(len(glued.letters) - len(other.letters)) <= tol
                and (glued.bits ^ other.bits).bit_count() <= 2 * tol
                and _within(glued.letters, other.letters, tol, True))
    tol = _skeleton_tolerance(len(core.skeleton))
    return any(_within(x, y, tol, False) for x in (glued.skeleton, *glued.alts)
               for y in (other.skeleton, *other.alts) if x and y)


def _token_match(a: Token, b: Token) -> bool:
    if a.arabic == b.arabic:
        if a.letters == b.letters:
            return True
        n = max(len(a.letters), len(b.letters))
        tol = _letter_tolerance(n)
        if (tol and abs(len(a.letters) - len(b.letters)) <= tol and (a.bits ^ b.bits).bit_count() <= 2 * tol
                and _within(a.letters, b.letters, tol, True)):
            return True
        return len(a.skeleton) >= 3 and len(a.skeleton) == len(b.skeleton) and \
            all(x & y for x, y in zip(a.skeleton, b.skeleton, strict=True))
    for x in (a.skeleton, *a.alts):
        for y in (b.skeleton, *b.alts):
            if not x or not y:
                continue
            tol = _skeleton_tolerance(max(len(x), len(y)))
            if abs(len(x) - len(y)) <= tol and _within(x, y, tol, False):
                return True
    return False


#: A token whose skeleton reads as more than this many sequences of classes (symbols that stand
#: for several classes) gets the wildcard key: it is always compared.
MAX_KEY_VARIANTS = 64
_WILDCARD = frozenset({"*"})


def _deletion_depth(n: int) -> int:
    """Deletions a token of `n` letters may need to meet a token it matches by letters: the most
    `_letter_tolerance` allows against a token at most that many letters longer (2 from 6 letters:
    a token of 8 takes 2 edits; 1 from 3; none under 3)."""
    return 2 if n >= 6 else 1 if n >= 3 else 0


def _deletions(letters: str, k: int) -> set[str]:
    out = frontier = {letters}
    for _ in range(k):
        frontier = {x[:i] + x[i + 1:] for x in frontier for i in range(len(x))}
        out = out | frontier
    return out


def match_keys(t: Token) -> frozenset:
    """Keys that two tokens of one script share whenever `token_match` says they match: a
    necessary condition tested by one set intersection, before any edit distance.

    - Letters within k edits (insertions, deletions, substitutions, adjacent swaps) become one
      string by at most k deletions on each side (a substitution deletes the letter on both, a
      swap one of the two letters on each): a token gives every string made by deleting up to
      `_deletion_depth` of its letters, and so does its form glued to its particles (with the
      depth of the token alone, as `_glued_match`'s tolerance).
    - Skeletons of three symbols or more that meet symbol by symbol share a reading (one class
      per symbol): every reading is a key, or `_WILDCARD` when there are more than
      `MAX_KEY_VARIANTS`.
    Across scripts (skeletons within an edit distance) there is no key: `cannot_match` compares
    names of one script only."""
    script = "a" if t.arabic else "l"
    depth = _deletion_depth(len(t.letters))
    keys = {"L" + script + x for x in _deletions(t.letters, depth)}
    if t.glued is not None:
        keys.update("L" + script + x for x in _deletions(t.glued.letters, depth))
    if len(t.skeleton) >= 3:
        readings = [""]
        for m in t.skeleton:
            readings = [r + c for r in readings for c in _CLASSES if m & _BIT[c]]
            if len(readings) > MAX_KEY_VARIANTS:
                return _WILDCARD
        keys.update("S" + script + r for r in readings)
    return frozenset(keys)


@lru_cache(maxsize=65536)
def _pool(tokens: tuple[Token, ...]) -> tuple[bool | None, frozenset | None]:
    """(the script of every token, True for Arabic, or None for both; the union of their keys,
    None when one of them is a wildcard)."""
    scripts = {t.arabic for t in tokens}
    keys: set = set()
    for t in tokens:
        if t.keys is _WILDCARD:
            return None, None
        keys |= t.keys
    return (scripts.pop() if len(scripts) == 1 else None), frozenset(keys)


def cannot_match(short: tuple[Token, ...], long_: tuple[Token, ...]) -> bool:
    """True when some token of `short` has no token of `long_` it could match (`match_keys`
    disjoint), both in one script: `tokens_match` is then False, decided without an edit
    distance. False means nothing (compare them)."""
    script, pool = _pool(long_)
    if pool is None or script is None:
        return False
    for t in short:
        if t.arabic == script and t.keys is not _WILDCARD and t.keys.isdisjoint(pool):
            return True
    return False


def tokens_match(a: tuple[Token, ...], b: tuple[Token, ...]) -> bool | None:
    """True when every token of the shorter name matches its own token of the longer one and the
    matched tokens carry `MIN_SYMBOLS` symbols; False when some token has no match; None when a
    name is empty or the match is too short to tell."""
    if not a or not b:
        return None
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if cannot_match(short, long_):
        return False
    return _tokens_match_compared(short, long_)


def _tokens_match_compared(short: tuple[Token, ...], long_: tuple[Token, ...]) -> bool | None:
    """`tokens_match` token by token, without `cannot_match` first (its reference in tests)."""
    used: set[int] = set()
    symbols = 0
    for t in short:
        j = next((j for j, u in enumerate(long_) if j not in used and token_match(t, u)), None)
        if j is None:
            return False
        used.add(j)
        symbols += min(len(t.skeleton), len(long_[j].skeleton))
    return True if symbols >= MIN_SYMBOLS else None


def names_match(a: list[str | None], b: list[str | None]) -> bool | None:
    """Two counterparts' spellings (e.g. [name, name_latin] each): True when some spelling of one
    matches some spelling of the other, False when they can be compared and none match, None when
    either has no name (or only matches too short to tell)."""
    return spellings_match(tuple(x for x in a if x), tuple(y for y in b if y))


@lru_cache(maxsize=262144)
def spellings_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """`names_match` of two tuples of spellings, none empty (memoised)."""
    results = [tokens_match(name_tokens(x), name_tokens(y)) for x in a for y in b]
    if any(r is True for r in results):
        return True
    if any(r is False for r in results):
        return False
    return None


def skeleton_text(sk: tuple[int, ...]) -> str:
    """A skeleton as letters (the first class of each symbol): "lnstn"."""
    return "".join(next(c for c in _CLASSES if m & _BIT[c]) for m in sk).lower()


def surname(name: str | None) -> Token | None:
    """The last token of a name with a skeleton (the family name in the genre's spellings)."""
    return next((t for t in reversed(name_tokens(name)) if t.skeleton), None)


def actor_key(country: str | None, name: str | None = None, name_latin: str | None = None,
              agency_id: str | None = None, agency: str | None = None, title: str | None = None) -> str:
    """A counterpart's key, the same across spellings and scripts in the common case:
    `p:<country>:<surname skeleton>` for a named person ("p:at:lnstn" for Hollenstein, هولنشتاين,
    Holenstein), else `a:<gazetteer agency id>`, else `a:<country>:<folded agency or title>`."""
    c = (country or "xx").lower()
    for n in (name_latin, name):
        t = surname(n)
        if t is not None and len(t.skeleton) >= 2:
            return f"p:{c}:{skeleton_text(t.skeleton)}"
    if agency_id:
        return f"a:{agency_id}"
    text = " ".join(t.letters for t in name_tokens(agency or title or "")) or "unknown"
    return f"a:{c}:{text}"


@lru_cache(maxsize=65536)
def index_tokens(spellings: tuple[str, ...]) -> tuple[tuple[tuple[str, Token], ...], bool] | None:
    """The tokens of a counterpart's spellings as the counterpart rule's day index files them:
    ((token key, Token), …) and whether one of them is a wildcard (`match_keys`), or None when
    no spelling has a token. A token key (`"a"`/`"l"`, the letters, `|`, the glued letters) stands
    for everything `match_keys` reads, so tokens with one key have the same match keys."""
    out: dict[str, Token] = {}
    wild = False
    for s in spellings:
        for t in name_tokens(s):
            if t.keys is _WILDCARD:
                wild = True
            glued = t.glued.letters if t.glued is not None else ""
            tk = ("a" if t.arabic else "l") + t.letters + "|" + glued
            out.setdefault(tk, t)
    return (tuple(out.items()), wild) if out else None


class TokenNeighbours:
    """Which name tokens seen so far share a match key (`match_keys`) with which: tokens of one
    script that `token_match` matches always do, so a token's neighbours are every token of its
    script it may match. Grows with the vocabulary of names, not with the archive."""

    __slots__ = ("_by_key", "_near")

    def __init__(self):
        self._by_key: dict[str, list[str]] = {}
        self._near: dict[str, set[str]] = {}

    def of(self, tk: str, token: Token) -> set[str]:
        """The neighbours of a token (itself included), registering it on first sight."""
        near = self._near.get(tk)
        if near is None:
            near = self._near[tk] = {tk}
            for k in token.keys:
                seen = self._by_key.setdefault(k, [])
                for other in seen:
                    if other not in near:
                        near.add(other)
                        self._near[other].add(tk)
                seen.append(tk)
        return near
