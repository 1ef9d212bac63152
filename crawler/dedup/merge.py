"""Which meeting does each meeting of a new report belong to? The merge decisions, in memory.

For every meeting a report describes, the rules, strongest first (docs/dedup.md):

1. `near` — near-identical reports: the MinHash LSH index gives candidate reports; those whose
   estimated Jaccard similarity of shingles is at least `NEAR_JACCARD` are near-identical (a
   republished communiqué with a new headline, an added or dropped paragraph). Their meetings are
   matched to this report's one by one, by counterpart (`counterparts.compatible`); dates, when
   both are known, must not conflict.
2. `counterpart` — a known meeting with the same counterpart (`counterparts.same_counterpart`)
   whose date (or span of days) is the same, or a day apart ("اليوم" and "أمس" of one meeting).
3. `undated` — either date unknown: the same person (`actors.names_match`; an agency alone
   needs two pieces of evidence), no conflicting date, publication days within
   `PUBLISHED_DAYS` (or unknown), and supporting evidence: the same city, the same visit (both
   abroad in the same host country, or the two reports share another counterpart), the same
   agency, shared distinctive words (acronyms such as "PST" in both texts).
4. Otherwise a new meeting.

A meeting of the same counterpart with another explicit date never merges; text similarity alone
never merges (two ambassadors received with one template are two meetings); two meetings of one
report never merge, and a known meeting takes at most one meeting of a report. When one mention
links two known meetings that do not conflict, they become one (`unions`): the result does not
depend on the order reports arrive in.

Every decision carries its rule (`how`, stored as `merged_by`) and its evidence (`evidence`,
stored as `merge_evidence`).
"""

from __future__ import annotations

import gc
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from itertools import islice, product
from pathlib import Path

import numpy as np

from crawler.dedup.actors import TokenNeighbours, index_tokens, name_tokens, skeleton_text
from crawler.dedup.counterparts import CP, agency_match, compatible, name_relation, same_counterpart
from crawler.dedup.lsh import BandIndex, SignatureFile
from crawler.dedup.signature import _MAX32 as _EMPTY
from crawler.dedup.signature import Signer, jaccard
from crawler.textnorm import fold
from crawler.vocab.load import load

#: Estimated Jaccard similarity of word 3-shingles above which two reports are near-identical.
#: A communiqué republished with a new headline or one paragraph added or dropped scores
#: 0.6–1.0; two different communiqués on one subject score under 0.3 (tests/test_store_dedup.py).
NEAR_JACCARD = 0.5
#: After this many reports, the merge state so far is moved out of the cyclic garbage collector's
#: sight (`gc.freeze`): the index holds millions of small objects that never form cycles.
FREEZE_EVERY = 5000
#: Days apart that still count as the same day (outlets say "اليوم" and "أمس" of one meeting).
MAX_DAYS_APART = 1
#: Undated rule: two reports published more than this many days apart are not of one meeting
#: (nor a report published this long after a dated meeting, or before it).
PUBLISHED_DAYS = 4
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,6}\b")
_CAPITALS = re.compile(r"[A-Z][A-Z0-9]")
EVIDENCE = Path(__file__).with_name("data") / "evidence.yaml"


@lru_cache(maxsize=1)
def common_acronyms() -> frozenset[str]:
    """Acronyms every report of the genre may carry (data/evidence.yaml): not evidence."""
    return frozenset(load(EVIDENCE)["common_acronyms"])


@lru_cache(maxsize=1)
def one_place() -> dict[str, str]:
    """Cities outlets write for one another's meetings (Temara's DGST headquarters "in Rabat"), each
    to the one that stands for them (data/evidence.yaml), folded."""
    return {fold(city): fold(main) for main, others in (load(EVIDENCE).get("one_place") or {}).items()
            for city in [main, *others]}


def place_of(city: str | None) -> str | None:
    """A folded city as `one_place` groups it: "temara" is "rabat"."""
    return one_place().get(city, city) if city else None


def day_number(value: str | None) -> int | None:
    """The proleptic ordinal of a `YYYY-MM-DD…` date, or None."""
    try:
        return Date.fromisoformat(str(value)[:10]).toordinal() if value else None
    except ValueError:
        return None


def is_empty(sig: np.ndarray) -> bool:
    """The signature of a text without words."""
    return bool((sig == _EMPTY).all())


def distinctive_words(text: str | None) -> frozenset[str]:
    """Acronyms of a text ("PST", "ONUDC"), lower case, without the genre's common ones."""
    if not text or not _CAPITALS.search(text):  # a text in Arabic script alone: none, found fast
        return frozenset()
    return frozenset(w.lower() for w in _ACRONYM.findall(text)) - common_acronyms()


@dataclass(slots=True)
class Mention:
    """One report's account of one meeting: what a merge decision needs, nothing more."""

    url: str
    index: int
    cp: CP
    day: int | None
    end: int | None = None
    pub: int | None = None
    city: str | None = None
    host: str | None = None  # the host country when Hammouchi is abroad
    ambiguous: bool = False  # undated, no publication day, and fits meetings of several days
    weekday: int | None = None  # the weekday the report names (0 = Monday), dated or not
    #: (day, last day) when dated, else None (`day` and `end` are not changed once made)
    span: tuple[int, int] | None = field(init=False, repr=False, compare=False)
    _weekdays: frozenset[int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        self.span = None if self.day is None else (self.day, self.end or self.day)

    @classmethod
    def of(cls, url: str, index: int, m: dict, published: str | None = None) -> Mention:
        loc = m.get("location") or {}
        day = day_number(m.get("date"))
        end = day_number(m.get("date_end"))
        city = _fold_city(loc.get("city") or "") or None
        host = (loc.get("country") or "").upper() or None if m.get("hammouchi_abroad") else None
        end = end if end and day and end >= day else None
        weekday = _WEEKDAYS.get(str(m.get("weekday") or "").lower())
        return cls(url, index, CP.of(m.get("counterpart") or {}), day, end, day_number(published), city, host,
                   weekday=weekday)

    @property
    def weekdays(self) -> frozenset[int]:
        """The weekdays of the meeting: of its span of days when dated, else the one the report names."""
        if self._weekdays is None:
            if self.span is not None:
                lo, hi = self.span
                self._weekdays = frozenset(Date.fromordinal(d).weekday()
                                           for d in range(lo, min(hi, lo + 6) + 1))
            else:
                self._weekdays = frozenset() if self.weekday is None else frozenset((self.weekday,))
        return self._weekdays


@lru_cache(maxsize=4096)
def _fold_city(city: str) -> str:
    return fold(city)


def dates_conflict(a: Mention, b: Mention) -> bool:
    """Both dated, and their days (or spans of days) more than MAX_DAYS_APART apart."""
    x, y = a.span, b.span
    if x is None or y is None:
        return False
    return x[0] - MAX_DAYS_APART > y[1] or y[0] - MAX_DAYS_APART > x[1]


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = {d: i for i, d in enumerate(_WEEKDAY_NAMES)}


def weekdays_conflict(a: Mention, b: Mention) -> bool:
    """Both weekdays known (a date, or the weekday an undated report names) and more than
    MAX_DAYS_APART apart: "ce jeudi" is not the meeting of a Monday."""
    x, y = a.weekdays, b.weekdays
    return bool(x and y) and all(min((i - j) % 7, (j - i) % 7) > MAX_DAYS_APART for i in x for j in y)


def places_conflict(a: Mention, b: Mention) -> bool:
    """Both name the city, and the cities lie in different countries (Rabat and Madrid): the same
    person met at home and abroad is two meetings. Rabat and Temara (one meeting written loosely)
    do not conflict."""
    return bool(a.city and b.city) and (a.host or "MA") != (b.host or "MA")


def published_apart(a: Mention, b: Mention) -> int | None:
    """How far apart two mentions are in time, from what is known: publication days, or a
    publication day against the other's meeting day (a report comes out on the day or after).
    None when nothing is known; a large number when the publication precedes the meeting."""
    if a.pub is not None and b.pub is not None:
        return abs(a.pub - b.pub)
    for x, y in ((a, b), (b, a)):
        if x.pub is not None and y.day is not None:
            lag = x.pub - (y.end or y.day)
            return lag if lag >= -MAX_DAYS_APART else 10 ** 6
    return None


class Day:
    """The counterpart rule's index of one country's meetings on one day: meetings by the name
    tokens of their dated reports' counterparts, one dict per script (`actors.index_tokens`:
    token key -> a meeting id, or a set of them), and the meetings whose counterpart has no name
    token or a token too ambiguous for match keys (`other`: always compared)."""

    __slots__ = ("arabic", "latin", "other")

    def __init__(self):
        self.arabic: dict[str, str | set[str]] = {}
        self.latin: dict[str, str | set[str]] = {}
        self.other: set[str] = set()

    def add(self, mid: str, toks) -> None:
        if toks is None or toks[1]:
            self.other.add(mid)
            return
        for tk, _t in toks[0]:
            idx = self.arabic if tk[0] == "a" else self.latin
            v = idx.get(tk)
            if v is None:
                idx[tk] = mid
            elif isinstance(v, str):
                if v != mid:
                    idx[tk] = {v, mid}
            else:
                v.add(mid)

    def discard(self, mid: str, toks) -> None:
        if toks is None or toks[1]:
            self.other.discard(mid)
            return
        for tk, _t in toks[0]:
            idx = self.arabic if tk[0] == "a" else self.latin
            v = idx.get(tk)
            if v == mid:
                del idx[tk]
            elif isinstance(v, set):
                v.discard(mid)
                if len(v) == 1:
                    idx[tk] = next(iter(v))

    def empty(self) -> bool:
        return not (self.arabic or self.latin or self.other)


def _filed_near(cl: Cluster, country: str, lo: int, hi: int) -> bool:
    """A dated mention of the cluster, of this country, whose span meets the days `lo`..`hi`:
    the cluster is filed in the day index on one of those days."""
    for m in cl.mentions:
        span = m.span
        if span is not None and span[0] <= hi and span[1] >= lo and m.cp.country == country:
            return True
    return False


def _mids(out: set[str], v: str | set[str]) -> None:
    if isinstance(v, str):
        out.add(v)
    else:
        out.update(v)


@dataclass
class Cluster:
    meeting_id: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Decision:
    """Where a report's meeting went: `meeting_id`, whether it is `new`, `how` (the rule: `new`,
    `near`, `counterpart`, `undated`) and `evidence` (what the rule saw)."""

    meeting_id: str
    new: bool
    how: str
    evidence: dict = field(default_factory=dict)


def actor_label(cp: CP) -> str:
    """The folded counterpart key of a meeting id: its surname's skeleton, else agency or title."""
    for n in (cp.name_latin, cp.name):
        toks = [t for t in name_tokens(n) if t.skeleton]
        if toks:
            return skeleton_text(toks[-1].skeleton)
    return fold(cp.agency or cp.title or "")


def new_meeting_id(date: str | None, cp: CP, url: str | None = None) -> str:
    """`m-<date or nodate>-<country or xx>-<8 hex>`: the hex digest of the date, the country and
    the counterpart's key (`actor_label`). It depends on what the meeting is, not on which report
    came first nor where it lies; `url` is accepted for callers of the old form and unused."""
    key = actor_label(cp)
    digest = hashlib.blake2b(f"{(date or '')[:10]}|{cp.country}|{key}".encode(), digest_size=4).hexdigest()
    return f"m-{(date or 'nodate')[:10]}-{(cp.country or 'xx').lower()}-{digest}"


@lru_cache(maxsize=4096)
def _coarse_options(mask: int) -> list[str]:
    """Blocking letters of a skeleton symbol: one per class it may stand for."""
    return sorted(skeleton_text((1 << b,)) for b in range(11) if mask >> b & 1)


#: Undated rule: two titles sharing this share of their words are the same role (evidence).
TITLE_OVERLAP = 0.75
#: The undated rule looks at this many of the latest meetings under each blocking key: the
#: reports of one meeting come out within days of each other, and the cost stays linear.
RECENT_PER_KEY = 32


def blocking_keys(cp: CP) -> frozenset[tuple]:
    """Keys under which a mention is indexed for the undated rule: (country, skeleton) for every
    name token of three symbols or more, else of two (a token's variants when a symbol is
    ambiguous: "ch" gives an s and a k key), (country, "agency", id) for every gazetteer agency
    and (country, "agency words", words) for the agency's words in each script."""
    if not cp.country:
        return frozenset()
    return _blocking_keys(cp.country, cp.name, cp.name_latin, cp.agency_ids, cp.agency_tokens[0])


@lru_cache(maxsize=65536)
def _blocking_keys(country: str, name: str | None, name_latin: str | None,
                   agency_ids: frozenset, agency_words: frozenset) -> frozenset:
    keys = {(country, s) for s in _name_keys(name, name_latin)}
    for a in agency_ids:
        keys.add((country, "agency", a))
    # the agency's words in each script (an agency the gazetteer does not know, a name missing)
    for script in (True, False):
        ws = frozenset(w for w in agency_words if w.isascii() != script)
        if len(ws) >= 2:
            keys.add((country, "agency words", ws))
    return frozenset(keys)


@lru_cache(maxsize=65536)
def _name_keys(name: str | None, name_latin: str | None) -> frozenset[str]:
    """The skeleton keys of a name (its part of `blocking_keys`, which adds the country)."""
    keys = set()
    # tokens of three symbols or more; a name made only of shorter ones ("Mohamed Ould Sidya",
    # "Cheikh Ka") is keyed by its two-symbol tokens instead, or the undated rule never sees it
    for least in (3, 2):
        for n in (name, name_latin):
            toks = name_tokens(n)
            for t in (*toks, *(x.glued for x in toks if x.glued is not None)):
                if len(t.skeleton) < least:
                    continue
                options = [_coarse_options(m) for m in t.skeleton]
                variants = 1
                for o in options:
                    variants *= len(o)
                if variants > 4:
                    options = [o[:1] for o in options]
                for v in product(*options):
                    s = "".join(v)
                    keys.add("".join(c for i, c in enumerate(s) if i == 0 or s[i - 1] != c))
        if keys:
            break
    return frozenset(keys)


class Deduper:
    """The merge state: signatures in an LSH index (bands only), meetings and their mentions."""

    def __init__(self, signer: Signer | None = None, threshold: float = NEAR_JACCARD, undated: bool = True):
        """`undated=False` keeps the rules as they were before the undated rule (near and
        counterpart only): bench/dedup.py measures the new rules' cost against it."""
        self.signer = signer or Signer()
        self.undated = undated
        self.threshold = threshold
        self.lsh = BandIndex(self.signer.num_perm, threshold)
        self.signatures = SignatureFile(self.signer.num_perm)
        self.report_meetings: dict[str, list[str]] = {}
        self.report_words: dict[str, frozenset] = {}
        self.clusters: dict[str, Cluster] = {}
        #: the counterpart rule's index: (country, day) -> the meetings of its dated reports, by
        #: their counterparts' name tokens (`Day`); `neighbours`: which tokens may match which
        self.by_country_day: dict[tuple[str, int], Day] = {}
        self.neighbours = TokenNeighbours()
        self.by_key: dict[tuple, dict[str, None]] = {}  # insertion-ordered: latest last
        self._timeless: set[str] = set()  # meetings holding a mention with no date and no publication day
        self._undated: set[str] = set()  # meetings holding a mention with no date
        self.unions: list[tuple[str, str]] = []  # (absorbed meeting_id, kept meeting_id)
        #: (url, meeting index, from, to, merged_by, merge_evidence): accounts moved to another meeting
        self.detached: list[tuple[str, int, str, str, str, dict]] = []
        self._since_freeze = 0

    # -- state -------------------------------------------------------------------------------
    def _index_signature(self, url: str, sig: np.ndarray | None, bands: np.ndarray | None = None) -> None:
        if url in self.signatures:
            self.lsh.remove(url)
            del self.signatures[url]
        if sig is None or is_empty(sig):
            return
        self.signatures[url] = sig
        self.lsh.insert(url, sig, bands)

    def _add_mention(self, meeting_id: str, m: Mention) -> None:
        cl = self.clusters.setdefault(meeting_id, Cluster(meeting_id))
        cl.mentions.append(m)
        self._index_days(meeting_id, m)
        for k in blocking_keys(m.cp):
            self.by_key.setdefault(k, {})[meeting_id] = None
        if m.day is None:
            self._undated.add(meeting_id)
            if m.pub is None:
                self._timeless.add(meeting_id)

    def _index_days(self, meeting_id: str, m: Mention) -> None:
        """File a dated mention's meeting under its country and each day of its span (`Day`)."""
        if m.cp.country and m.span:
            toks = index_tokens(m.cp.spellings)
            if toks is not None and not toks[1]:
                for tk, t in toks[0]:
                    self.neighbours.of(tk, t)
            for d in range(m.span[0], m.span[1] + 1):
                day = self.by_country_day.get((m.cp.country, d))
                if day is None:
                    day = self.by_country_day[(m.cp.country, d)] = Day()
                day.add(meeting_id, toks)

    def _day_candidates(self, cp: CP, lo: int, hi: int) -> set[str]:
        """The meetings of `cp`'s country filed on the days `lo`..`hi` whose counterpart may be
        `cp`'s (`same_counterpart`): those with a name token that shares a match key with one of
        `cp`'s tokens (tokens of one script that match always share one), those with a token in
        the other script (compared by skeletons: no keys), and those of no name or of a
        wildcard token; every meeting of those days when `cp` has no name token or a wildcard."""
        out: set[str] = set()
        toks = index_tokens(cp.spellings)
        everything = toks is None or toks[1]
        near: list[set[str]] = []
        scripts = set()
        if not everything:
            for tk, t in toks[0]:
                near.append(self.neighbours.of(tk, t))
                scripts.add(tk[0])
        for d in range(lo, hi + 1):
            day = self.by_country_day.get((cp.country, d))
            if day is None:
                continue
            out.update(day.other)
            for script, idx in (("a", day.arabic), ("l", day.latin)):
                if not idx:
                    continue
                if everything or scripts - {script}:
                    # a token of the other script is compared by its skeleton: every meeting here
                    for v in idx.values():
                        _mids(out, v)
                    continue
                for n in near:
                    for tk in (idx.keys() & n if len(n) > len(idx) else (x for x in n if x in idx)):
                        _mids(out, idx[tk])
        return out

    def _unindex(self, meeting_id: str, m: Mention) -> None:
        if m.cp.country and m.span:
            toks = index_tokens(m.cp.spellings)
            for d in range(m.span[0], m.span[1] + 1):
                day = self.by_country_day.get((m.cp.country, d))
                if day is not None:
                    day.discard(meeting_id, toks)
                    if day.empty():
                        del self.by_country_day[(m.cp.country, d)]
        for k in blocking_keys(m.cp):
            self.by_key.get(k, {}).pop(meeting_id, None)

    def load(self, url: str, sig: np.ndarray | None, links: list[tuple[int, str, dict]],
             published: str | None = None, words: frozenset | None = None) -> None:
        """Restore a stored report: its signature, its (meeting index, meeting_id, account)
        links, its publication date and its distinctive words."""
        if sig is not None and len(sig) == self.signer.num_perm:
            self._index_signature(url, sig)
        if words:
            self.report_words[url] = words
        ids = self.report_meetings.setdefault(url, [])
        for index, meeting_id, account, *evidence in sorted(links, key=lambda x: x[0]):
            ids.append(meeting_id)
            m = Mention.of(url, index, account, published)
            ev = evidence[0] if evidence else None
            m.ambiguous = bool(ev and ("set_apart_from" in ev or ev.get("ambiguous")))
            self._add_mention(meeting_id, m)

    def remove(self, url: str) -> set[str]:
        """Forget a report (before it is read again); returns the meetings it was part of."""
        if url in self.signatures:
            self.lsh.remove(url)
            del self.signatures[url]
        self.report_words.pop(url, None)
        touched = set(self.report_meetings.pop(url, []))
        for mid in touched:
            cl = self.clusters.get(mid)
            if cl:
                for m in cl.mentions:
                    if m.url == url:
                        self._unindex(mid, m)
                cl.mentions = [m for m in cl.mentions if m.url != url]
                for m in cl.mentions:  # the keys the others still hold
                    self._add_keys(mid, m)
                if not cl.mentions:
                    del self.clusters[mid]
        return touched

    def _add_keys(self, mid: str, m: Mention) -> None:
        self._index_days(mid, m)
        for k in blocking_keys(m.cp):
            self.by_key.setdefault(k, {})[mid] = None
        if m.day is None:
            self._undated.add(mid)
            if m.pub is None:
                self._timeless.add(mid)

    def move(self, old: str, new: str) -> None:
        """A known report is now at another URL (its folder moved): the same report."""
        if old in self.signatures:
            sig = self.signatures.pop(old)
            self.lsh.remove(old)
            self._index_signature(new, sig)
        if old in self.report_words:
            self.report_words[new] = self.report_words.pop(old)
        ids = self.report_meetings.pop(old, [])
        self.report_meetings[new] = ids
        for mid in set(ids):
            for m in self.clusters[mid].mentions:
                if m.url == old:
                    m.url = new

    def rename(self, old: str, new: str) -> None:
        """Give a meeting another id (the store's canonical id for what it now holds)."""
        cl = self.clusters.pop(old)
        cl.meeting_id = new
        self.clusters[new] = cl
        for m in cl.mentions:
            self._unindex(old, m)
            self._add_keys(new, m)
            ids = self.report_meetings.get(m.url, [])
            self.report_meetings[m.url] = [new if x == old else x for x in ids]

    # -- decisions ---------------------------------------------------------------------------
    def near_reports(self, url: str, sig: np.ndarray,
                     bands: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Known reports whose text is near-identical to this signature's, with their estimated
        Jaccard similarity (none for an empty text: every empty text would look identical).
        `bands`: the signature's LSH band keys, when the caller has them."""
        if not self.signatures or (bands is None and is_empty(sig)):
            return []
        out = []
        for other in self.lsh.query(sig, bands):
            if other != url and other in self.signatures:
                j = jaccard(sig, self.signatures[other])
                if j >= self.threshold:
                    out.append((other, j))
        return sorted(out)

    def _fits(self, mention: Mention, cl: Cluster) -> bool:
        """The mention may join the cluster: not from a report already in it, no date conflict."""
        return all(m.url != mention.url and not dates_conflict(mention, m) for m in cl.mentions)

    def _undated_evidence(self, mention: Mention, m: Mention, words: frozenset) -> tuple[str, dict] | None:
        """The undated rule between two mentions: None, or (identity, evidence)."""
        if mention.day is not None and m.day is not None:
            return None
        if (mention.ambiguous and m.day is not None) or (m.ambiguous and mention.day is not None):
            return None
        if not mention.cp.country or mention.cp.country != m.cp.country:
            return None
        apart = published_apart(mention, m)
        if apart is not None and apart > PUBLISHED_DAYS:
            return None
        if places_conflict(mention, m) or weekdays_conflict(mention, m):
            return None
        names = name_relation(mention.cp, m.cp)
        agency = agency_match(mention.cp, m.cp)
        if names is False:
            return None
        if names is None and agency is not True:
            return None
        ev: dict = {}
        if mention.city and mention.city == m.city:
            ev["place"] = mention.city
        if mention.host and mention.host == m.host:
            ev["visit"] = mention.host
        if (mention.day is None) != (m.day is None) and mention.weekdays and mention.weekdays == m.weekdays:
            ev["weekday"] = _WEEKDAY_NAMES[min(mention.weekdays)]
        if names and agency:
            ev["agency"] = True
        ta, tb = mention.cp.agency_tokens[1], m.cp.agency_tokens[1]
        if ta and tb and len(ta & tb) / max(len(ta), len(tb)) >= TITLE_OVERLAP:
            ev["title"] = True
        shared = sorted(words & self.report_words.get(m.url, frozenset()))
        if shared:
            ev["words"] = shared[:5]
        if len(ev) < (1 if names else 2):
            return None
        ev["identity"] = "name" if names else "agency"
        if apart is not None:
            ev["days_apart"] = apart
        return ev["identity"], ev

    def _candidates(self, mention: Mention, near: list[tuple[str, float]], words: frozenset) -> list[tuple]:
        """(score, meeting_id, how, evidence) for every known meeting this mention may join."""
        out = []
        for other, j in near:
            for mid in self.report_meetings.get(other, []):
                cl = self.clusters.get(mid)
                if not cl or not self._fits(mention, cl):
                    continue
                for m in cl.mentions:
                    if m.url == other:
                        score = compatible(mention.cp, m.cp)
                        if score:
                            out.append((20 + score, mid, "near", {"report": other, "jaccard": round(j, 2)}))
        # (the checks of a candidate are pure: the cheap and selective ones come first)
        seen: set[str] = set()
        clusters = self.clusters
        cp = mention.cp
        if mention.span and cp.country:
            lo, hi = mention.span[0] - MAX_DAYS_APART, mention.span[1] + MAX_DAYS_APART
            # only the meetings whose counterpart may be this one: the index by name tokens
            for mid in sorted(self._day_candidates(cp, lo, hi)):
                if mid not in clusters:
                    continue
                cl = clusters[mid]
                m = next((m for m in cl.mentions if m.day is not None and same_counterpart(cp, m.cp)), None)
                if m is not None and self._fits(mention, cl):
                    ev = {"report": m.url, "days_apart": abs(m.day - mention.day)}
                    out.append((15 - ev["days_apart"], mid, "counterpart", ev))
        dated = mention.day is not None
        undated = self._undated
        for key in blocking_keys(cp) if self.undated else ():
            for mid in islice(reversed(self.by_key.get(key, {})), RECENT_PER_KEY):
                if dated and mid not in undated:
                    continue  # the rule needs one side undated
                if mid in seen or mid not in clusters:
                    continue
                seen.add(mid)
                cl = clusters[mid]
                if dated and cp.country and _filed_near(cl, cp.country, lo, hi):
                    continue  # a meeting of the country filed on these days: the counterpart rule's
                best = None
                for m in cl.mentions:
                    if dated and m.day is not None:
                        continue
                    r = self._undated_evidence(mention, m, words)
                    if r and (best is None or len(r[1]) > len(best[1])):
                        best = (m.url, r[1])
                if best and self._fits(mention, cl):
                    ev = {"report": best[0], **best[1]}
                    out.append((5 + len(ev), mid, "undated", ev))
        # an undated mention that fits meetings of one person on different days fits none, unless its
        # city is the city of one of them only
        spans = {self._span_of(mid) for _s, mid, how, _e in out if how == "undated"} - {None}
        if mention.day is None and len(spans) > 1:
            decided = self._place_decides(mention, out)
            if decided is None:
                out = [o for o in out if o[2] != "undated"]
                mention.ambiguous = mention.pub is None
            else:
                out = decided
        return out

    def _dated_places(self, mid: str) -> frozenset[str]:
        """The places (`place_of`) its dated reports give a meeting."""
        cl = self.clusters.get(mid)
        return frozenset(place_of(m.city) for m in cl.mentions if m.day is not None and m.city) \
            if cl else frozenset()

    def _place_decides(self, mention: Mention, out: list[tuple]) -> list[tuple] | None:
        """An undated mention fitting meetings of one person on different days: the candidates of the
        one day whose dated reports give the mention's city, when every other candidate's dated reports
        give another city ("à Marrakech": the October meeting in Marrakech, not February's in Rabat);
        None when the city decides nothing (unknown, shared, or a candidate of no known city)."""
        here = place_of(mention.city)
        if not here:
            return None
        undated = [o for o in out if o[2] == "undated"]
        keep = [o for o in undated if here in self._dated_places(o[1])]
        drop = [o for o in undated if here not in self._dated_places(o[1])]
        if not keep or len({self._span_of(o[1]) for o in keep}) != 1:
            return None
        if not all(self._dated_places(o[1]) for o in drop):
            return None
        over = sorted({o[1] for o in drop})
        return [o for o in out if o[2] != "undated"] + [
            (score, mid, how, {**ev, "place_decides_over": over}) for score, mid, how, ev in keep]

    def _span_of(self, mid: str) -> tuple[int, int] | None:
        days = [m.span for m in self.clusters[mid].mentions if m.span]
        return (min(d[0] for d in days), max(d[1] for d in days)) if days else None

    def _detach_ambiguous(self, mention: Mention, mid: str, words: frozenset) -> None:
        """A dated mention that makes a meeting of `mid`: loose undated mentions of the same
        person in meetings of other days fit this one as well; they are set apart in a meeting of
        their own, whatever the order reports arrived in (`self.detached`)."""
        if mention.day is None or not self.undated:
            return
        probe = Mention(mention.url, mention.index, mention.cp, None, None, mention.pub, mention.city,
                        mention.host)
        lo, hi = mention.span
        for key in blocking_keys(mention.cp):
            for other in list(islice(reversed(self.by_key.get(key, {})), RECENT_PER_KEY)):
                if other not in self._timeless or other == mid:
                    continue
                cl = self.clusters.get(other)
                if cl is None:
                    continue
                span = self._span_of(other)
                if span is None:
                    continue
                if not (span[0] - MAX_DAYS_APART > hi or lo - MAX_DAYS_APART > span[1]):
                    continue
                loose = [m for m in cl.mentions if m.day is None and m.pub is None
                         and self._undated_evidence(probe, m, words)]
                if not loose:
                    continue
                apart, moved = self._by_place(mention, mid, other, loose, words)
                for m, ev in moved:
                    # its city is this meeting's, and not the other's: it moves here
                    self._move(m, other, mid, "undated", ev)
                if apart:
                    new = base = new_meeting_id(None, apart[0].cp)
                    n = 1
                    while new in self.clusters:
                        n += 1
                        new = f"{base}-{n}"
                    for m in apart:
                        m.ambiguous = True
                        self._move(m, other, new, "new", {"set_apart_from": other, "because": mention.url})
                for m in cl.mentions:
                    self._add_keys(other, m)

    def _by_place(self, mention: Mention, mid: str, other: str, loose: list[Mention],
                  words: frozenset) -> tuple[list[Mention], list[tuple[Mention, dict]]]:
        """Loose undated mentions of meeting `other` that the dated `mention` (of meeting `mid`, another
        day) fits as well: the ones to set apart, and the ones whose city decides for `mid` (with the
        evidence of the move); those whose city is `other`'s and not `mid`'s stay where they are."""
        there, here_other = place_of(mention.city), self._dated_places(other)
        apart, moved = [], []
        for m in loose:
            p = place_of(m.city)
            if p and there and p != there and p in here_other:
                continue  # "à Marrakech", in the Marrakech meeting: not this Rabat one's
            r = self._undated_evidence(m, mention, words)
            if p and p == there and here_other and p not in here_other and r is not None \
                    and not any(x.url == m.url for x in self.clusters[mid].mentions):
                moved.append((m, {"report": mention.url, **r[1], "place_decides_over": [other]}))
            else:
                apart.append(m)
        return apart, moved

    def _move(self, m: Mention, old: str, new: str, how: str, evidence: dict) -> None:
        self.clusters[old].mentions.remove(m)
        self._unindex(old, m)
        self._add_mention(new, m)
        self.report_meetings[m.url] = [new if (x == old and i == m.index) else x
                                       for i, x in enumerate(self.report_meetings.get(m.url, []))]
        self.detached.append((m.url, m.index, old, new, how, evidence))

    def add(self, url: str, sig: np.ndarray, meetings: list[dict], published: str | None = None,
            text: str | None = None) -> list[Decision]:
        """Merge a new report: `meetings` are Meeting dicts (`counterpart`, `date`, `location`…),
        `published` the report's publication date, `text` its text (for distinctive words).
        Returns one Decision per meeting, in order, and records the report. Known meetings that
        one of its meetings links are united first (`self.unions` lists them)."""
        empty = is_empty(sig)
        bands = None if empty else self.lsh.band_keys(sig)
        near = [] if empty else self.near_reports(url, sig, bands)
        words = distinctive_words(text)
        mentions = [Mention.of(url, i, m, published) for i, m in enumerate(meetings)]
        per_mention = [self._candidates(mention, near, words) for mention in mentions]
        self._visits(per_mention)
        options = []
        for i, cands in enumerate(per_mention):
            for score, mid, how, ev in cands:
                options.append((score, -i, mid, how, ev))
        options.sort(key=lambda o: (o[0], o[1], o[2]), reverse=True)
        chosen: dict[int, Decision] = {}
        taken: set[str] = set()
        for _score, neg_i, mid, how, ev in options:
            i = -neg_i
            if i in chosen or mid in taken:
                continue
            chosen[i] = Decision(mid, False, how, ev)
            taken.add(mid)
        # a mention that links several known meetings unites them, when they fit together
        for i, d in chosen.items():
            for _score, neg_i, mid, _how, _ev in options:
                if -neg_i == i and mid != d.meeting_id and mid not in taken and mid in self.clusters:
                    self._unite(d.meeting_id, mid)
                    taken.add(mid)
        decisions = []
        for i, (mention, m) in enumerate(zip(mentions, meetings, strict=True)):
            d = chosen.get(i)
            if d is None:
                mid = base = new_meeting_id(m.get("date"), mention.cp)
                n = 1
                while mid in self.clusters or mid in {x.meeting_id for x in decisions}:
                    n += 1
                    mid = f"{base}-{n}"
                d = Decision(mid, True, "new", {"ambiguous": True} if mention.ambiguous else {})
            decisions.append(d)
            self._add_mention(d.meeting_id, mention)
            self._detach_ambiguous(mention, d.meeting_id, words)
        self.report_meetings[url] = [d.meeting_id for d in decisions]
        if words:
            self.report_words[url] = words
        self._index_signature(url, None if empty else sig, bands)
        self._since_freeze += 1
        if self._since_freeze >= FREEZE_EVERY:
            self._since_freeze = 0
            gc.freeze()
        return decisions

    def _visits(self, per_mention: list[list[tuple]]) -> None:
        """Visit evidence: when two meetings of this report join meetings reported together by
        another report, each undated candidate of theirs counts the other counterpart as
        evidence (the same trip, each report naming its subset of the officials)."""
        if len(per_mention) < 2:
            return
        reports_of = [{ev.get("report") for *_, ev in c} for c in per_mention]
        for i, cands in enumerate(per_mention):
            others = set().union(*(r for j, r in enumerate(reports_of) if j != i))
            for k, (score, mid, how, ev) in enumerate(cands):
                if ev.get("report") in others and "visit" not in ev:
                    cands[k] = (score + 1, mid, how, {**ev, "visit": "co-reported"})

    def _unite(self, keep: str, other: str) -> None:
        """Make `other` part of `keep` when no report is in both and no dates conflict."""
        a, b = self.clusters[keep], self.clusters[other]
        if any(x.url == y.url or dates_conflict(x, y) for x in a.mentions for y in b.mentions):
            return
        for m in b.mentions:
            self._unindex(other, m)
        del self.clusters[other]
        for m in b.mentions:
            a.mentions.append(m)
            self._add_keys(keep, m)
            ids = self.report_meetings.get(m.url, [])
            self.report_meetings[m.url] = [keep if x == other else x for x in ids]
        self.unions.append((other, keep))
