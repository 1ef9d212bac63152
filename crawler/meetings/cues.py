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

from crawler.meetings.lexicon import lexicon

RECALL_SLACK = 10  # characters after the first cue where a recall cue still governs it


@dataclass
class Cues:
    """The meeting cues of one sentence (spans in its folded text)."""

    verb: re.Match | None = None
    noun: re.Match | None = None
    future: bool = False
    recall: bool = False
    remote: bool = False  # a phone call, a videoconference

    @property
    def meeting(self) -> bool:
        return bool(self.verb or self.noun)

    @property
    def first(self) -> int | None:
        starts = [m.start() for m in (self.verb, self.noun) if m]
        return min(starts) if starts else None


def _earliest(*matches: re.Match | None) -> re.Match | None:
    found = [m for m in matches if m]
    return min(found, key=lambda m: m.start()) if found else None


def find_cues(folded: str) -> Cues:
    lx = lexicon()
    verb = _earliest(lx.meeting_verb.search(folded), lx.meeting_verb_gapped.search(folded))
    noun = lx.meeting_noun.search(folded)
    cues = Cues(verb=verb, noun=noun)
    first = cues.first if cues.first is not None else len(folded)
    future = lx.future.search(folded)
    # a future or recall cue governs the meeting only when it comes before its verb ("سيستقبل",
    # "is expected to meet"), not in a clause after it ("… المرتقب انعقادها")
    cues.future = bool(future and future.start() <= first)
    if not cues.meeting:
        return cues  # recall and remote cues qualify a meeting cue: none here
    recall = lx.recall.search(folded)
    cues.recall = bool(recall and recall.start() <= first + RECALL_SLACK)
    cues.remote = bool(lx.remote.search(folded))
    return cues
