"""Is this the same counterpart? Comparisons of the counterparts of two meeting mentions.

Names are compared by `crawler.dedup.actors.names_match` (spellings, scripts, given-name and
surname subsets); agencies by folded tokens without function words, and in two scripts through
the gazetteer (the same agency id).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from crawler.dedup.actors import spellings_match
from crawler.gazetteer import find_agencies
from crawler.vocab import words

# Function words of agency names: shared by different agencies, so they never count as overlap.
_AGENCY_STOP = {"في", "من", "على", "الى", "عن", "و", "ب", "ل", "لل", "بال", "وال", "the", "of", "and", "for",
                "de", "des", "du", "la", "le", "les", "l", "d", "et", "pour", "en", "a"}
AGENCY_OVERLAP = 0.6


@dataclass(frozen=True)
class CP:
    """The counterpart of one meeting mention, as compared for deduplication."""

    country: str | None = None
    name: str | None = None
    name_latin: str | None = None
    agency: str | None = None
    title: str | None = None

    @classmethod
    def of(cls, cp: dict) -> CP:
        country = (cp.get("country") or "").strip().upper() or None
        return cls(country, cp.get("name"), cp.get("name_latin"), cp.get("agency"), cp.get("title"))

    @cached_property
    def spellings(self) -> tuple[str, ...]:
        """The name and its Latin spelling, those given."""
        return tuple(x for x in (self.name, self.name_latin) if x)

    @cached_property
    def agency_tokens(self) -> tuple[frozenset, frozenset]:
        return _agency_tokens(self.agency), _agency_tokens(self.title)

    @cached_property
    def agency_ids(self) -> frozenset:
        """The gazetteer's ids of the agency (else the title): one id for "الشرطة القضائية
        الفيدرالية" and "police judiciaire fédérale", so that reports in two languages compare. A
        service with a country also gives "country/type": a homonym qualified by its country
        ("الشرطة الوطنية بجمهورية السنغال") and that country's own entry ("Police nationale
        sénégalaise") are then one service."""
        return _agency_ids(self.agency or self.title or "")


@lru_cache(maxsize=16384)
def _agency_ids(text: str) -> frozenset:
    ids = set()
    for m in find_agencies(text):
        if m.code:
            ids.add(m.code)
        if m.get("country") and m.get("type"):
            ids.add(f"{m.get('country')}/{m.get('type')}")
    return frozenset(ids)


def _is_latin(token: str) -> bool:
    return token[:1].isascii() or "a" <= token[:1] <= "ÿ"


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def name_relation(a: CP, b: CP) -> bool | None:
    """True when the names match (any spelling of one, any of the other, in either script), False
    when they differ, None when either side has no name (`actors.names_match`)."""
    return spellings_match(a.spellings, b.spellings)


@lru_cache(maxsize=16384)
def _agency_tokens(agency: str | None) -> frozenset:
    out = set()
    for t in words(agency or ""):
        if t in _AGENCY_STOP or len(t) < 2:
            continue
        for p in ("وال", "بال", "لل", "ال"):
            if t.startswith(p) and len(t) > len(p) + 2:
                t = t[len(p):]
                break
        out.add(t)
    return frozenset(out)


def agency_match(a: CP, b: CP) -> bool | None:
    """True/False when both name an agency (or, failing that, a title), None otherwise. Written in
    two scripts, they are the same when the gazetteer finds the same agency in both."""
    for tx, ty in zip(a.agency_tokens, b.agency_tokens, strict=True):
        if tx and ty:
            if _overlap(tx, ty) >= AGENCY_OVERLAP:
                return True
            if _scripts(tx) != _scripts(ty):
                return bool(a.agency_ids & b.agency_ids)
            return False
    return None


def _scripts(tokens: frozenset) -> frozenset:
    return frozenset("latin" if _is_latin(t) else "arabic" for t in tokens)


def same_counterpart(a: CP, b: CP) -> bool:
    """The counterpart rule for rewritten reports: the same country, and the same name — or,
    when the names cannot be compared, the same agency (or title)."""
    if not a.country or a.country != b.country:
        return False
    names = name_relation(a, b)
    if names is not None:
        return names
    return bool(agency_match(a, b))


def compatible(a: CP, b: CP) -> int:
    """For near-identical reports: 0 when the counterparts conflict (other country, other name,
    other agency) or nothing positive links them; else a score (higher is a better match)."""
    if a.country and b.country and a.country != b.country:
        return 0
    names = name_relation(a, b)
    if names is False:
        return 0
    agency = agency_match(a, b)
    if agency is False and names is None:
        return 0
    score = 4 * bool(names) + 2 * bool(agency) + bool(a.country and a.country == b.country)
    return score
