"""Stage 9: why a report has no meeting (the `not_meeting_reason` of a report).

- `no_hammouchi`: the report never names him (by name or by his full title);
- `preview`: a meeting still to come ("سيستقبل", "devrait rencontrer");
- `ceremony`: he chairs a ceremony, a graduation, an inauguration (cue in the first lines);
- `earlier_meeting_recalled`: an earlier meeting recalled in passing ("سبق أن", "had met");
- `meeting_mentioned_in_passing`: a story about something else names a meeting near its end;
- `represented`: another official met someone on his behalf or on his instructions ("ممثلا لحموشي",
  "تنفيذا لتعليمات حموشي");
- `no_foreign_counterpart`: he is named, but no foreign official meets him;
- `no_meeting`: none of the above.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.meetings.lexicon import lexicon
from crawler.vocab import fold

CEREMONY_REACH = 600  # characters from the start where a ceremony cue makes the report a ceremony
PASSING_PARAGRAPHS = 3  # a first meeting this many paragraphs into a story about something else


@dataclass
class Evidence:
    """What the reader saw in a report without a meeting."""

    named: bool = False
    saw_future: bool = False
    saw_recall: bool = False
    represented: bool = False  # a sentence where another official acts for him


def no_meeting_reason(text: str, ev: Evidence) -> str:
    if ev.saw_future:
        return "preview"
    if lexicon().ceremony.search(fold(text[:CEREMONY_REACH])):
        return "ceremony"
    if ev.saw_recall:
        return "earlier_meeting_recalled"
    if ev.represented:
        return "represented"
    return "no_foreign_counterpart" if ev.named else "no_meeting"


def in_passing(text: str, first_start: int | None, first_paragraph: int | None,
               title_names_him: bool) -> bool:
    """A report about something else that recalls a meeting near its end."""
    return first_start is not None and first_start > len(text) / 2 \
        and first_paragraph >= PASSING_PARAGRAPHS and not title_names_him
