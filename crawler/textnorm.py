"""Arabic/Latin text normalisation shared by matching, gazetteers and deduplication."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
ARABIC_PUNCT = "،؛؟«»"
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                          "ی": "ي", "ک": "ك", "ڭ": "ك", "ݣ": "ك", "ڤ": "ف", "گ": "ك"})


# Arabic, Arabic Supplement (ݣ of Moroccan transliterations) and Arabic Extended-A.
ARABIC_SCRIPT = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
ARABIC_RE = re.compile(f"[{ARABIC_SCRIPT}]")


def is_arabic(text: str) -> bool:
    """The text holds Arabic letters."""
    return bool(ARABIC_RE.search(text))


def western_digits(text: str) -> str:
    """Eastern Arabic (and Persian) digits to 0-9."""
    return text.translate(EASTERN_DIGITS)


def strip_marks(text: str) -> str:
    """NFKC, without tashkeel and tatweel; letters otherwise as written."""
    return TASHKEEL.sub("", unicodedata.normalize("NFKC", text)).replace(TATWEEL, "")


def fold(text: str) -> str:
    """A matching key: no marks, one alef, ya for alef maqsura, ha for ta marbuta, lower case,
    Western digits, punctuation as spaces, single spaces. Not for display."""
    t = strip_marks(text).translate(_LETTERS_AND_DIGITS).lower()
    t = _PUNCT.sub(" ", t)
    return " ".join(t.split())


_PUNCT = re.compile(r"[^\w\s]|_")
_LETTERS_AND_DIGITS = {**_LETTERS, **EASTERN_DIGITS}  # one table: no letter folds into a digit



# `str.translate` with a dict looks every character up in Python (~150 µs per KB of text);
# a chain of `str.replace` and one character-class regex keep `words` cheap for deduplication.
_LETTER_PAIRS = [(chr(k), v) for k, v in _LETTERS.items()]
_EASTERN_RE = re.compile("[٠-٩۰-۹]")
_WORD = re.compile(r"[^\W_]+")


def prefold(text: str) -> str:
    """`fold` without its punctuation and spaces step: no marks, one alef, ya for alef maqsura,
    ha for ta marbuta, Western digits, lower case (what `words` cuts into words)."""
    t = strip_marks(text)
    for a, b in _LETTER_PAIRS:
        if a in t:
            t = t.replace(a, b)
    t = _EASTERN_RE.sub(lambda m: chr(EASTERN_DIGITS[ord(m.group())]), t)
    return t.lower()


def words(text: str) -> list[str]:
    """The words of `fold(text)` (same result, faster): the tokens for shingling. `fold` turns
    Arabic punctuation (، ؛ ؟ « ») and Latin punctuation into spaces, so "الرباط،" is "الرباط"."""
    return _WORD.findall(prefold(text))


@lru_cache(maxsize=8192)
def _fold_char(ch: str, accents: bool) -> str:
    t = strip_marks(ch).translate(_LETTERS).translate(EASTERN_DIGITS).lower()
    if not accents:
        t = "".join(c for c in unicodedata.normalize("NFD", t) if not unicodedata.combining(c))
    return re.sub(r"[^\w\s]|_", " ", t)


# The fast path of `fold_map`: a translate table per `accents` setting, filled lazily with every
# character whose fold is one character; characters folding to none or several take the slow path.
_FOLD_TABLES: dict[bool, dict[int, str]] = {True: {}, False: {}}
_FOLD_ODD: dict[bool, set[str]] = {True: set(), False: set()}
_FOLD_SEEN: dict[bool, set[str]] = {True: set(), False: set()}  # in the table or odd
_SPACE_RUN = re.compile(" {2,}")


def fold_map(text: str, accents: bool = True) -> tuple[str, list[int]]:
    """`fold(text)` with the index in `text` of each character of the key (see `_fold_map_slow`)."""
    table, odd, seen = _FOLD_TABLES[accents], _FOLD_ODD[accents], _FOLD_SEEN[accents]
    if not seen.issuperset(text):
        for ch in set(text) - seen:  # the characters met for the first time
            f = _fold_char(ch, accents)
            if len(f) == 1:
                table[ord(ch)] = " " if f.isspace() else f
            else:
                odd.add(ch)
            seen.add(ch)
    if odd and not odd.isdisjoint(text):
        return _fold_map_slow(text, accents)
    # every space-like character folds to " " here: the key is `t` without its leading and
    # trailing spaces, each run of spaces kept as its first one (its index is the offset)
    t = text.translate(table)
    start, end = len(t) - len(t.lstrip(" ")), len(t.rstrip(" "))
    if "  " not in t:  # no run: the key is a slice of `t`
        return t[start:end], list(range(start, end))
    offsets: list[int] = []
    pos = start
    for m in _SPACE_RUN.finditer(t, start, end):
        offsets.extend(range(pos, m.start() + 1))
        pos = m.end()
    offsets.extend(range(pos, end))
    return _SPACE_RUN.sub(" ", t[start:end]), offsets


def _fold_map_slow(text: str, accents: bool = True) -> tuple[str, list[int]]:
    """`fold(text)` computed character by character, with, for each character of the key, the index
    of the character of `text` it came from, so that a match in the key maps back to the original
    text. With `accents=False` Latin accents are dropped too ("Sûreté" -> "surete"). The key equals
    `fold(text)` for text in NFC (the common case); it is built per character so offsets stay exact."""
    out: list[str] = []
    offsets: list[int] = []
    space = True  # drop leading spaces and collapse runs
    for i, ch in enumerate(text):
        for c in _fold_char(ch, accents):
            if c.isspace():
                if space:
                    continue
                c, space = " ", True
            else:
                space = False
            out.append(c)
            offsets.append(i)
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


# --- the fold for matching vocabularies: keeps punctuation, spacing and (mostly) offsets -------------

_DROPPED = "\x00"  # a character the fold drops (tashkeel, tatweel); removed with an index map


def _match_fold_char(c: str) -> str:
    if c == "\u0640":
        return _DROPPED
    if c in "ىی":
        return "ي"
    if c == "ة":
        return "ه"
    if c == "ک":
        return "ك"
    if c in "’`´":
        return "'"
    if "\u0660" <= c <= "\u0669":
        return chr(ord(c) - 0x0660 + 48)
    if "\u06f0" <= c <= "\u06f9":
        return chr(ord(c) - 0x06F0 + 48)
    base = "".join(ch for ch in unicodedata.normalize("NFKD", c) if not unicodedata.combining(ch))
    if not base:
        return _DROPPED
    base = base.lower()
    return base if len(base) == 1 else c


def _match_table() -> dict[int, str]:
    table = {}
    for cp in list(range(0x41, 0x250)) + list(range(0x0600, 0x0700)) + [0x2018, 0x2019, 0x60, 0xB4]:
        c = chr(cp)
        f = _match_fold_char(c)
        if f != c:
            table[cp] = f
    return table


_MATCH_TABLE = _match_table()


def match_fold_map(text: str) -> tuple[str, list[int] | None]:
    """Fold `text` for matching: hamza forms of alef/waw/ya to the base letter, ى→ي, ة→ه,
    tashkeel and tatweel dropped, Latin lower case without accents, Eastern digits to 0-9.

    Returns the folded text and, when characters were dropped, the index in `text` of each
    folded character (None when the fold kept every character, so indices are the same).
    Unlike `crawler.textnorm.fold`, it keeps punctuation and spacing, so spans map back.
    """
    t = _match_translate(text)
    if _DROPPED not in t:
        return t, None
    pos: list[int] = []
    for run in _KEPT_RUN.finditer(t):
        pos.extend(range(run.start(), run.end()))
    return t.replace(_DROPPED, ""), pos


_MATCH_CHARS = {chr(k): v for k, v in _MATCH_TABLE.items()}
_MATCH_KEYS = frozenset(_MATCH_CHARS)
# no character folds into one that folds again: one `str.replace` per character is `translate`
assert _MATCH_KEYS.isdisjoint(_MATCH_CHARS.values())
# From this length on, a `str.replace` for each foldable character of the text (a few dozen at
# most) is faster than `translate`'s dictionary look-up for every character.
REPLACE_FROM = 200
_KEPT_RUN = re.compile(f"[^{_DROPPED}]+")


def _match_translate(text: str) -> str:
    """`text.translate(_MATCH_TABLE)`."""
    if len(text) < REPLACE_FROM:
        return text.translate(_MATCH_TABLE)
    for ch in _MATCH_KEYS.intersection(text):
        text = text.replace(ch, _MATCH_CHARS[ch])
    return text


@lru_cache(maxsize=16384)
def match_fold(text: str) -> str:
    """The text of `match_fold_map`. Memoised: the stages of the meetings reader and the date
    readers fold the same pieces, sentences and titles of a report again and again (half of the
    calls on the dev pages repeat one of the same report), and a str is immutable."""
    return match_fold_map(text)[0]


# --- sentences -------------------------------------------------------------------------------------

# Sentence ends: . ! ? ؟ followed by space, and line breaks; not after an initial, "M."/"Mme." or
# an abbreviated rank ("Lt. Gen. X", "Maj. Gen. X", "Col. X", "Supt. X", "Prof. X").
_NO_END_AFTER = ("Mme", "Mlle", "Dr", "Mr", "Mrs", "Ms", "St", "Lt", "Gen", "Maj", "Col", "Brig", "Adm",
                 "Capt", "Cmdr", "Cdr", "Supt", "Insp", "Prof", "Sgt", "Gal", "Cdt", "Pr")
# The one-character look-behind comes first: the assertions hold at the same place (same matches),
# and it fails at almost every position before the others are tried (7x faster with eight of them).
# An abbreviated month before a day or a year ("23 sept. 2025", "Bucarest, 3 déc. (MAP)" is cut
# there only when no digit follows) ends no sentence either.
_MONTH_ABBREVIATIONS = ("janv", "févr", "fevr", "avr", "juil", "sept", "oct", "nov", "déc", "dec",
                        "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
_SENTENCE_END = re.compile(
    r"(?<=[.!?؟])(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in _NO_END_AFTER)
    + "".join(rf"(?!(?<=\b{a}\.)\s+\d)" for a in _MONTH_ABBREVIATIONS) + r"\s+|\n+")


def sentence_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of each sentence of `text`: split at . ! ? ؟ and line breaks,
    not after an honorific or an initial ("M. Hammouchi", "J. Smith")."""
    out = []
    offset = 0
    for n, para in enumerate(text.split("\n")):
        start = 0
        for m in _SENTENCE_END.finditer(para):
            if m.start() > start:
                out.append((offset + start, offset + m.start(), n))
            start = m.end()
        if para[start:].strip():
            out.append((offset + start, offset + len(para), n))
        offset += len(para) + 1
    return out
