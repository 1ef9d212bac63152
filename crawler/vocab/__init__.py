"""The one vocabulary toolkit of the project: how a data file is read, how text is folded before a
phrase is looked up, and how a list of phrases becomes one matcher.

    from crawler.vocab import load, fold, fold_map, key, PhraseMatcher, alternation

- `load(path)`: a YAML data file (libyaml's CSafeLoader when present, else SafeLoader); a malformed
  file raises `VocabError` naming the file.
- `fold` / `fold_map`: the length-keeping match fold of `crawler.textnorm` (one alef, ي for ى, ه for
  ة, no tashkeel, Latin lower case without accents, punctuation kept); `key` / `words`: the word key
  (punctuation as spaces), for look-ups by whole folded words.
- `PhraseMatcher(phrases)`: every phrase, folded, as one regex over folded text: whole words,
  longest first, any run of spaces between words; Arabic phrases may carry the proclitics و ف ب ل ك
  (and لل for ال) and, when asked, suffixes.

Used by the meetings reader, the dates package, the outlets prefilter, the gazetteer and dedup.
"""

from crawler.vocab.fold import fold, fold_map, is_arabic, key, variants, words
from crawler.vocab.load import VocabError, flat, load
from crawler.vocab.phrases import AR_CLITICS, LETTER, GappedMatcher, PhraseMatcher, alternation, phrase_regex

__all__ = ["AR_CLITICS", "LETTER", "GappedMatcher", "PhraseMatcher", "VocabError", "alternation", "flat",
           "fold", "fold_map", "is_arabic", "key", "load", "phrase_regex", "variants", "words"]
