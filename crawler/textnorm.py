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
    t = strip_marks(text).translate(_LETTERS).translate(EASTERN_DIGITS).lower()
    t = re.sub(r"[^\w\s]|_", " ", t)
    return " ".join(t.split())



# `str.translate` with a dict looks every character up in Python (~150 µs per KB of text);
# a chain of `str.replace` and one character-class regex keep `words` cheap for deduplication.
_LETTER_PAIRS = [(chr(k), v) for k, v in _LETTERS.items()]
_EASTERN_RE = re.compile("[٠-٩۰-۹]")
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of `fold(text)` (same result, faster): the tokens for shingling. `fold` turns
    Arabic punctuation (، ؛ ؟ « ») and Latin punctuation into spaces, so "الرباط،" is "الرباط"."""
    t = strip_marks(text)
    for a, b in _LETTER_PAIRS:
        if a in t:
            t = t.replace(a, b)
    t = _EASTERN_RE.sub(lambda m: chr(EASTERN_DIGITS[ord(m.group())]), t)
    return _WORD.findall(t.lower())


@lru_cache(maxsize=8192)
def _fold_char(ch: str, accents: bool) -> str:
    t = strip_marks(ch).translate(_LETTERS).translate(EASTERN_DIGITS).lower()
    if not accents:
        t = "".join(c for c in unicodedata.normalize("NFD", t) if not unicodedata.combining(c))
    return re.sub(r"[^\w\s]|_", " ", t)


def fold_map(text: str, accents: bool = True) -> tuple[str, list[int]]:
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
