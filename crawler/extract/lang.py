"""Language of a report's main text: `ar`, `fr`, `en` (or another ISO 639-1 code)."""

from __future__ import annotations

import re

import py3langid

from crawler.textnorm import ARABIC_SCRIPT

# Text mostly in Arabic script is Arabic: checked first, without the model (two reports in
# three), and because py3langid names Arabic dialects (`ary` for Moroccan) where the contract
# wants the macrolanguage `ar`.
ARABIC_SHARE = 0.5
# Fewer letters than this say nothing: the page's declared language is used instead.
MIN_LETTERS = 40
SAMPLE_CHARS = 1000
# Letters (`[^\W\d_]`) and Arabic-script characters are counted as what is left once every other
# character is removed: one string, not a list of one-character strings (3x faster, same counts;
# a test compares them with `findall`).
_NOT_LETTER = re.compile(r"[\W\d_]+")
_NOT_ARABIC = re.compile(f"[^{ARABIC_SCRIPT}]+")
# py3langid's dialect and variant codes that stand for a contract language.
MACRO = {"ary": "ar", "arz": "ar", "apc": "ar", "acm": "ar"}


def detect_lang(text: str, declared: str | None = None) -> str | None:
    """The main text's language; the page's own `lang` (primary subtag) when the text is too short."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_NOT_LETTER.sub("", sample))
    if letters < MIN_LETTERS:
        return declared.split("-")[0].lower() if declared else None
    if len(_NOT_ARABIC.sub("", sample)) >= ARABIC_SHARE * letters:
        return "ar"
    code, _ = py3langid.classify(sample)
    return MACRO.get(code, code)
