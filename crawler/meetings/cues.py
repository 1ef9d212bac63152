"""Stage 3: does a sentence speak of a meeting, and of which time.

A meeting cue is an interaction verb ("استقبل", "s'est entretenu", "sat down with") or noun ("لقاء",
"séance de travail", "talks") of data/lexicon.yaml; a verb may be written in parts with words
between them ("حل … ضيفا على", "a tenu … une séance de travail", "أجرى … مباحثات"). A future cue
("سيستقبل", "devrait rencontrer") or a recall cue ("سبق أن", "had met") placed before the first
meeting cue makes the sentence a preview or a recollection, not this report's meeting; talks at a
distance ("اتصال هاتفي", "par visioconférence", "phone call") are no meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from crawler.meetings.lexicon import lexicon

RECALL_SLACK = 10  # characters after the first cue where a recall cue still governs it


@dataclass
class Cues:
    """The meeting cues of one sentence (spans in its folded text). The future, recall and remote
    cues are looked for at their first use (the reader asks for them only in a sentence that names
    Hammouchi or holds a meeting cue: most sentences need neither search)."""

    verb: re.Match | None = None
    noun: re.Match | None = None
    folded: str = ""

    @property
    def meeting(self) -> bool:
        return bool(self.verb or self.noun)

    @property
    def first(self) -> int | None:
        starts = [m.start() for m in (self.verb, self.noun) if m]
        return min(starts) if starts else None

    @cached_property
    def future(self) -> bool:
        # a future or recall cue governs the meeting only when it comes before its verb ("سيستقبل",
        # "is expected to meet"), not in a clause after it ("… المرتقب انعقادها")
        future = lexicon().future.search(self.folded)
        first = self.first if self.first is not None else len(self.folded)
        return bool(future and future.start() <= first)

    @cached_property
    def recall(self) -> bool:
        if not self.meeting:
            return False  # recall and remote cues qualify a meeting cue: none here
        recall = lexicon().recall.search(self.folded)
        return bool(recall and recall.start() <= self.first + RECALL_SLACK)

    @cached_property
    def remote(self) -> bool:
        return self.meeting and bool(lexicon().remote.search(self.folded))  # a phone call, a videoconference


def _earliest(*matches: re.Match | None) -> re.Match | None:
    found = [m for m in matches if m]
    return min(found, key=lambda m: m.start()) if found else None


@lru_cache(maxsize=4096)
def find_cues(folded: str) -> Cues:
    """The cues of a folded sentence. Memoised: the reader asks again for a sentence it read before
    (a later counterpart's check, a name introduced before); a `Cues` is not changed once made."""
    lx = lexicon()
    verb = _earliest(lx.meeting_verb.search(folded), lx.meeting_verb_gapped.search(folded))
    noun = lx.meeting_noun.search(folded)
    return Cues(verb=verb, noun=noun, folded=folded)
