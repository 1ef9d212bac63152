"""The folds a phrase is matched under, built on `crawler.textnorm`."""

from __future__ import annotations

from crawler.textnorm import fold as key
from crawler.textnorm import is_arabic, words
from crawler.textnorm import match_fold as fold
from crawler.textnorm import match_fold_map as fold_map

__all__ = ["fold", "fold_map", "is_arabic", "key", "variants", "words"]


def variants(phrase: str) -> list[str]:
    """A folded phrase and, for an Arabic one starting with ال, its form after ل (للمدير)."""
    f = " ".join(fold(phrase).split())
    out = [f]
    if f.startswith("ال"):
        out.append("ل" + f[1:])
    return out
