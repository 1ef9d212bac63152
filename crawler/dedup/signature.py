"""MinHash signatures of report texts over normalised word shingles.

A shingle is `SHINGLE_WORDS` consecutive words of `textnorm.words(text)` (no tashkeel or tatweel,
one alef, ya for alef maqsura, ha for ta marbuta, punctuation split off). Each word is hashed
to a stable 32-bit int: zlib's crc32 of its UTF-8 (in the standard library, fast, and unlike
`hash()` not salted per process, so signatures stored in the SQLite store stay valid across runs),
the words cut from the text encoded once, without a Python string per word; a
shingle's hash combines its words' hashes with numpy, and datasketch's "affine32" permutations
(the same parameters, drawn from `numpy.random.RandomState(SEED)` as datasketch 2.0.0 draws them,
and its MurmurHash3 pre-mix) are applied to the whole array at once. bench/dedup.py measures
this path against datasketch's per-shingle `update`: the per-shingle path is about ten times
slower. datasketch itself is imported only by `datasketch_signature` (the check that our
signatures are its signatures): importing it loads scipy and aiohttp, a second of start-up.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from crawler.textnorm import prefold

NUM_PERM = 128
SEED = 1
SHINGLE_WORDS = 3
# Multipliers (odd, 32-bit) that mix the word hashes of a shingle; order matters.
_MAX32 = np.uint32(0xFFFFFFFF)
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D], dtype=np.uint32)
# What `textnorm.words` does not keep, after `prefold`: anything but a word character (or the
# underscore) except the space, which splits the words (every other space becomes one).
_NOT_WORD = re.compile(r"[^\w ]|_")


def _identity(value: int) -> int:
    return value


def _fmix(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, datasketch's pre-mix of the "affine32" scheme."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h -> a*h + b mod 2^32 of datasketch 2.0.0's "affine32" MinHash with
    this seed (odd a)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


class Signer:
    """Turns texts into MinHash signatures (uint32 arrays of NUM_PERM values)."""

    def __init__(self, num_perm: int = NUM_PERM, seed: int = SEED, k: int = SHINGLE_WORDS):
        self.num_perm, self.seed, self.k = num_perm, seed, k
        self._perm = permutations(num_perm, seed)

    @staticmethod
    def word_hashes(text: str) -> np.ndarray:
        """crc32 of the UTF-8 of each of `textnorm.words(text)`, in order: the text folded as
        `words` folds it, every character that is not a word character (nor a space) made a
        space, and the bytes split at spaces, without a Python string per word."""
        tokens = _NOT_WORD.sub(" ", prefold(text)).encode("utf-8").split()
        return np.fromiter(map(zlib.crc32, tokens), dtype=np.uint32, count=len(tokens))

    def shingles(self, text: str, text_words: list[str] | None = None) -> np.ndarray:
        """Unique 32-bit shingle hashes of a text (a short text is one shingle of all its words);
        `text_words`: `textnorm.words(text)`, when the caller has it already."""
        if text_words is None:
            wh = self.word_hashes(text or "")
        else:
            tokens = " ".join(text_words).encode("utf-8").split()
            wh = np.fromiter(map(zlib.crc32, tokens), dtype=np.uint32, count=len(tokens))
        if len(wh) == 0:
            return wh
        k = min(self.k, len(wh))
        n = len(wh) - k + 1
        acc = wh[:n] * _MIX[0]
        for j in range(1, k):
            acc *= np.uint32(31)
            acc ^= wh[j:j + n] * _MIX[j % len(_MIX)]
        acc.sort()
        return acc[np.concatenate(([True], acc[1:] != acc[:-1]))]

    def signature(self, text: str, text_words: list[str] | None = None) -> np.ndarray:
        """The MinHash signature of a text (all max values for an empty text): what datasketch's
        `update_batch` gives for these shingle hashes (tests/test_store_dedup.py checks it), but
        without its per-value Python call, which costs as much as all the rest."""
        sh = self.shingles(text, text_words)
        if not len(sh):
            return np.full(self.num_perm, _MAX32, dtype=np.uint32)
        a, b = self._perm
        m = np.multiply.outer(_fmix(sh), a)
        m += b
        return m.min(axis=0)

    def datasketch_signature(self, text: str) -> np.ndarray:
        """The same signature through datasketch's own `update_batch` (slower; for checks)."""
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, seed=self.seed, hashfunc=_identity, scheme="affine32")
        sh = self.shingles(text)
        if len(sh):
            m.update_batch(sh.tolist())
        return np.asarray(m.hashvalues, dtype=np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)
