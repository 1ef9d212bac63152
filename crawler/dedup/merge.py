"""Which meeting does each meeting of a new report belong to? The merge decisions, in memory.

For every meeting a report describes, in this order:

1. Near-identical reports: the MinHash LSH index (datasketch) gives candidate reports; those
   whose estimated Jaccard similarity of shingles is at least `NEAR_JACCARD` are near-identical
   (a republished communiqué with a new headline, an added or dropped paragraph). Their meetings
   are matched to this report's meetings one by one, by counterpart (`counterparts.compatible`:
   no other country, no other name, and something positive — country, name or agency — in
   common). Dates, when both are known, must be at most a day apart. This is the only way a
   meeting with a null date merges.
2. Rewritten reports: a known meeting with the same counterpart (`counterparts.same_counterpart`:
   country plus name, or agency when the names cannot be compared) dated the same day or a day
   apart. The same counterpart a year later is a new meeting.
3. Otherwise a new meeting.

Text similarity alone never decides (two ambassadors received with one communiqué template are
near-identical texts of different meetings), two meetings of one report never merge, and a known
meeting takes at most one meeting of a report.
"""

from __future__ import annotations

import gc
import hashlib
from dataclasses import dataclass, field
from datetime import date as Date

import numpy as np
from datasketch import MinHashLSH

from crawler.dedup.counterparts import CP, compatible, same_counterpart
from crawler.dedup.signature import _MAX32 as _EMPTY
from crawler.dedup.signature import Signer, jaccard
from crawler.vocab import key as fold

#: Estimated Jaccard similarity of word 3-shingles above which two reports are near-identical.
#: A communiqué republished with a new headline or one paragraph added or dropped scores
#: 0.6–1.0; two different communiqués on one subject score under 0.3 (tests/test_store_dedup.py).
NEAR_JACCARD = 0.5
#: After this many reports, the merge state so far is moved out of the cyclic garbage collector's
#: sight (`gc.freeze`): the index holds millions of small sets that never form cycles, and
#: rescanning them made 100k reports 25% slower (bench/dedup.py). Reference counting still
#: frees everything as usual.
FREEZE_EVERY = 5000
#: Days apart that still count as the same day (outlets say "اليوم" and "أمس" of one meeting).
MAX_DAYS_APART = 1


def day_number(value: str | None) -> int | None:
    """The proleptic ordinal of a `YYYY-MM-DD…` date, or None."""
    try:
        return Date.fromisoformat(str(value)[:10]).toordinal() if value else None
    except ValueError:
        return None


def is_empty(sig: np.ndarray) -> bool:
    """The signature of a text without words."""
    return bool((sig == _EMPTY).all())


def _days_apart(a: int | None, b: int | None) -> int:
    return abs(a - b) if a is not None and b is not None else 0


@dataclass
class Mention:
    """One report's account of one meeting."""

    url: str
    index: int
    cp: CP
    day: int | None


@dataclass
class Cluster:
    meeting_id: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Decision:
    """Where a report's meeting went: `meeting_id`, whether it is `new`, and `how` (`new`, `near`,
    `counterpart`)."""

    meeting_id: str
    new: bool
    how: str


def new_meeting_id(date: str | None, cp: CP, url: str) -> str:
    """`m-<date or nodate>-<country or xx>-<8 hex>`: the hex digest of the date, country, folded
    counterpart key (Latin name, name, agency or title) and the first report's URL."""
    key = fold(cp.name_latin or cp.name or cp.agency or cp.title or "")
    digest = hashlib.blake2b(f"{date}|{cp.country}|{key}|{url}".encode(), digest_size=4).hexdigest()
    return f"m-{(date or 'nodate')[:10]}-{(cp.country or 'xx').lower()}-{digest}"


class Deduper:
    """The merge state: signatures in an LSH index, meetings and their mentions."""

    def __init__(self, signer: Signer | None = None, threshold: float = NEAR_JACCARD):
        self.signer = signer or Signer()
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=self.signer.num_perm)
        self.signatures: dict[str, np.ndarray] = {}
        self.report_meetings: dict[str, list[str]] = {}
        self.clusters: dict[str, Cluster] = {}
        self.by_country_day: dict[tuple[str, int], list[str]] = {}
        self._since_freeze = 0

    # -- state -------------------------------------------------------------------------------
    def _index_signature(self, url: str, sig: np.ndarray, lean=None) -> None:
        if url in self.signatures:
            self.lsh.remove(url)
            del self.signatures[url]
        if is_empty(sig):
            return
        self.signatures[url] = sig
        self.lsh.insert(url, lean or self.signer.lean(sig), check_duplication=False)

    def _add_mention(self, meeting_id: str, m: Mention) -> None:
        cl = self.clusters.setdefault(meeting_id, Cluster(meeting_id))
        cl.mentions.append(m)
        if m.cp.country and m.day is not None:
            self.by_country_day.setdefault((m.cp.country, m.day), []).append(meeting_id)

    def load(self, url: str, sig: np.ndarray | None, links: list[tuple[int, str, dict, str | None]]) -> None:
        """Restore a stored report: its signature and (meeting index, meeting_id, counterpart, date)."""
        if sig is not None and len(sig) == self.signer.num_perm:
            self._index_signature(url, sig)
        ids = self.report_meetings.setdefault(url, [])
        for index, meeting_id, cp, date in sorted(links):
            ids.append(meeting_id)
            self._add_mention(meeting_id, Mention(url, index, CP.of(cp), day_number(date)))

    def remove(self, url: str) -> set[str]:
        """Forget a report (before it is read again); returns the meetings it was part of."""
        if url in self.signatures:
            self.lsh.remove(url)
            del self.signatures[url]
        touched = set(self.report_meetings.pop(url, []))
        for mid in touched:
            cl = self.clusters.get(mid)
            if cl:
                cl.mentions = [m for m in cl.mentions if m.url != url]
                if not cl.mentions:
                    del self.clusters[mid]
        return touched

    # -- decisions ---------------------------------------------------------------------------
    def near_reports(self, url: str, sig: np.ndarray, lean=None) -> list[str]:
        """Known reports whose text is near-identical to this signature's (none for an empty text:
        every empty text would look identical)."""
        if not self.signatures or is_empty(sig):
            return []
        out = []
        for other in self.lsh.query(lean or self.signer.lean(sig)):
            if other != url and jaccard(sig, self.signatures[other]) >= self.threshold:
                out.append(other)
        return sorted(out)

    def _candidates(self, mention: Mention, near: list[str]) -> list[tuple[int, str, str]]:
        """(score, meeting_id, how) for every known meeting this mention may join."""
        out = []
        for other in near:
            for mid in self.report_meetings.get(other, []):
                cl = self.clusters.get(mid)
                if not cl:
                    continue
                for m in cl.mentions:
                    if m.url != other:
                        continue
                    if _days_apart(mention.day, m.day) > MAX_DAYS_APART:
                        continue
                    score = compatible(mention.cp, m.cp)
                    if score:
                        out.append((10 + score, mid, "near"))
        if mention.day is not None and mention.cp.country:
            seen = set()
            for d in range(mention.day - MAX_DAYS_APART, mention.day + MAX_DAYS_APART + 1):
                for mid in self.by_country_day.get((mention.cp.country, d), []):
                    if mid in seen or mid not in self.clusters:
                        continue
                    seen.add(mid)
                    ok = any(m.day is not None and abs(m.day - mention.day) <= MAX_DAYS_APART
                             and same_counterpart(mention.cp, m.cp) for m in self.clusters[mid].mentions)
                    if ok:
                        out.append((5 - abs(d - mention.day), mid, "counterpart"))
        return out

    def add(self, url: str, sig: np.ndarray, meetings: list[dict]) -> list[Decision]:
        """Merge a new report: `meetings` are Meeting dicts (`counterpart` dict, `date`). Returns
        one Decision per meeting, in order, and records the report."""
        lean = self.signer.lean(sig)
        near = self.near_reports(url, sig, lean)
        mentions = [Mention(url, i, CP.of(m.get("counterpart") or {}), day_number(m.get("date")))
                    for i, m in enumerate(meetings)]
        options = []
        for i, mention in enumerate(mentions):
            for score, mid, how in self._candidates(mention, near):
                options.append((score, -i, mid, how))
        options.sort(reverse=True)
        chosen: dict[int, Decision] = {}
        taken: set[str] = set()
        for _score, neg_i, mid, how in options:
            i = -neg_i
            if i in chosen or mid in taken:
                continue
            chosen[i] = Decision(mid, False, how)
            taken.add(mid)
        decisions = []
        for i, (mention, m) in enumerate(zip(mentions, meetings, strict=True)):
            d = chosen.get(i)
            if d is None:
                mid = base = new_meeting_id(m.get("date"), mention.cp, url)
                n = 1
                while mid in self.clusters:
                    n += 1
                    mid = f"{base}-{n}"
                d = Decision(mid, True, "new")
            decisions.append(d)
            self._add_mention(d.meeting_id, mention)
        self.report_meetings[url] = [d.meeting_id for d in decisions]
        self._index_signature(url, sig, lean)
        self._since_freeze += 1
        if self._since_freeze >= FREEZE_EVERY:
            self._since_freeze = 0
            gc.freeze()
        return decisions
