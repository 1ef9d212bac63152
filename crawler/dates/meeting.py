"""The day of a meeting: `meeting_date(text, sentence, published)`.

The date is the one tied to the meeting sentence (the sentence that reports THAT counterpart's
meeting), not the first date of the text: first a date phrase of the sentence itself, then a
span of days the sentence refers back to ("pendant ces deux journées"), then its paragraph,
then the lead. Phrases that are not the meeting's are skipped: a future one ("نونبر المقبل",
"will arrive on Monday"), the day of a statement ("the police said on Thursday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from crawler.dates.find import DateMention, find_dates
from crawler.dates.resolve import UNRESOLVED, Resolved, resolve
from crawler.dates.tables import CUES, WEEKDAYS, alternation
from crawler.textnorm import match_fold_map as fold_map
from crawler.textnorm import sentence_spans
from crawler.vocab import load

_L = r"[^\W\d_]"
# The meeting verbs and nouns are the meetings lexicon's (one vocabulary, one place to extend it),
# read as data so that the dates package does not import the meetings package.
_LEXICON = load(Path(__file__).resolve().parents[1] / "meetings" / "data" / "lexicon.yaml")
_MEETING_WORDS = {lang: _LEXICON["meeting_verbs"][lang] + _LEXICON["meeting_nouns"][lang]
                  for lang in ("ar", "fr", "en")}
_AR_VERBS = alternation(_MEETING_WORDS["ar"])
_LATIN_VERBS = alternation(_MEETING_WORDS["fr"] + _MEETING_WORDS["en"])
MEETING_VERB_RE = re.compile(
    rf"(?<!{_L})(?:[وف]?(?:ال)?(?:{_AR_VERBS})(?:ه|ها|هما|هم)?|{_LATIN_VERBS})(?!{_L})", re.IGNORECASE)
STATEMENT_RE = re.compile(rf"(?<!{_L})(?:{alternation(CUES['statement_cues'])})(?!{_L})", re.IGNORECASE)
FUTURE_RE = re.compile(rf"(?<!{_L})(?:{alternation(CUES['future_cues'])})(?!{_L})", re.IGNORECASE)
ANAPHORA_RE = re.compile(rf"(?<!{_L})(?:{alternation(CUES['range_anaphora'])})(?!{_L})", re.IGNORECASE)
# How far before a date phrase a statement or future cue still governs it (characters).
CUE_REACH = 30
LEAD_PARAGRAPHS = 2


@dataclass
class MeetingDate:
    """The day of one meeting, with the phrase it was read from and how."""

    date: str | None = None
    date_end: str | None = None
    weekday: str | None = None
    date_raw: str | None = None
    resolution: str | None = None
    """`explicit`, `year_inferred`, `relative_to_published`, `unresolved`; None: no date phrase."""
    weekday_mismatch: bool = False
    invalid: bool = False
    """The phrase names a day that does not exist ("31 شتنبر"): `date` is None."""


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text` (`crawler.textnorm.sentence_spans`)."""
    return [(s, e) for s, e, _ in sentence_spans(text)]


def meeting_sentence(text: str) -> str | None:
    """The first sentence of `text` with a meeting verb (استقبل، أجرى مباحثات، reçoit,
    received…) and a date phrase (or a reference to days named before: "ces deux journées");
    else the first with a meeting verb. A headline or a teaser
    ("حموشي يستقبل …", an excerpt ending in "...") names the meeting without its day."""
    found = [text[s:e] for s, e in sentences(text)
             if not _excerpt(text[s:e]) and MEETING_VERB_RE.search(fold_map(text[s:e])[0])]
    dated = (s for s in found if ANAPHORA_RE.search(fold_map(s)[0])
             or any(m.kind != "unresolvable" for m in _candidates(s)))
    return next(dated, found[0] if found else None)


def _cued(mention: DateMention, text: str) -> bool:
    """The phrase is governed by a statement or a future cue just before it ("said on
    Thursday", "will arrive on Monday"), with no meeting verb in between ("أفاد بلاغ أن حموشي
    استقبل اليوم" is the meeting's day)."""
    before = fold_map(text[max(0, mention.start - CUE_REACH):mention.start])[0]
    cues = [m.end() for rx in (STATEMENT_RE, FUTURE_RE) for m in rx.finditer(before)]
    return bool(cues) and not MEETING_VERB_RE.search(before, max(cues))


def _candidates(text: str) -> list[DateMention]:
    return [m for m in find_dates(text) if m.kind != "hijri" and not m.future and not _cued(m, text)]


def _pick(mentions: list[DateMention], text: str) -> DateMention | None:
    """The date phrase nearest to the meeting verb of `text` (the first one without a verb)."""
    days = [m for m in mentions if m.kind != "unresolvable"]
    if not days:
        return None
    verb = MEETING_VERB_RE.search(fold_map(text)[0])
    if verb is None:
        return days[0]
    # the meeting day usually follows the verb ("استقبل، اليوم الثلاثاء", "a reçu ce mardi");
    # one before it ("On Tuesday, … received") counts double distance
    return min(days, key=lambda m: m.start - verb.end() if m.start >= verb.end()
               else 2 * (verb.start() - m.end))


def _result(mention: DateMention, resolved: Resolved) -> MeetingDate:
    return MeetingDate(
        date=resolved.date.isoformat() if resolved.date else None,
        date_end=resolved.date_end.isoformat() if resolved.date_end else None,
        weekday=resolved.weekday, date_raw=mention.raw, resolution=resolved.resolution,
        weekday_mismatch=resolved.weekday_mismatch, invalid=resolved.invalid)


def _excerpt(paragraph: str) -> bool:
    """A teaser excerpt left in a text dump ("… استقبل المدير العام للأمن الوطني...")."""
    return paragraph.rstrip().endswith(("...", "…"))


def _paragraph(text: str, start: int) -> tuple[int, str]:
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", start)
    return s, text[s:e if e >= 0 else len(text)]


def meeting_date(text: str, sentence: str | None = None, published: date | str | None = None) -> MeetingDate:
    """The day of the meeting reported by `sentence` (an exact substring of `text`; None: the
    first sentence with a meeting verb), read against the publication day `published`.

    No date phrase for the meeting: every field None. A phrase that does not fix the day
    ("الأسبوع الماضي", "earlier this week") or a relative one without `published`: `date`
    None, the named weekday kept.
    """
    if isinstance(published, str):
        published = date.fromisoformat(published[:10]) if published else None
    text = text or ""
    if sentence is None:
        sentence = meeting_sentence(text)
        if sentence is None:
            return MeetingDate()
    where = text.find(sentence)
    mentions = _candidates(sentence)
    chosen = _pick(mentions, sentence)
    if chosen is None and any(m.kind == "unresolvable" for m in mentions):
        m = next(m for m in mentions if m.kind == "unresolvable")
        return MeetingDate(date_raw=m.raw, resolution=UNRESOLVED)
    if chosen is None and where >= 0 and ANAPHORA_RE.search(fold_map(sentence)[0]):
        ranges = [m for m in _candidates(text[:where]) if m.kind == "range"]
        if ranges:
            return _result(ranges[-1], resolve(ranges[-1], published))
    if chosen is None and where >= 0:
        p_start, paragraph = _paragraph(text, where)
        chosen = _in_paragraph(paragraph, where - p_start, where - p_start + len(sentence))
        if chosen is None:
            lead = "\n".join([p for p in text[:p_start].split("\n")
                              if len(p.strip()) > 80 and not _excerpt(p)][:LEAD_PARAGRAPHS])
            chosen = _pick(_candidates(lead), lead)
    if chosen is None:
        return MeetingDate()
    if chosen.kind == "weekday" and where >= 0:
        anchored = _within_dated_span(chosen, text[:where], published)
        if anchored is not None:
            return _result(chosen, anchored)
    return _result(chosen, resolve(chosen, published))


def _in_paragraph(paragraph: str, s: int, e: int) -> DateMention | None:
    """A date phrase of the sentence's paragraph: the nearest one before the sentence, else
    the first one after it in a sentence that also speaks of the meeting ("وجرى اللقاء يوم …")."""
    before = [m for m in _candidates(paragraph[:s]) if m.kind != "unresolvable"]
    if before:
        return before[-1]
    for a, b in sentences(paragraph[e:]):
        part = paragraph[e + a:e + b]
        if MEETING_VERB_RE.search(fold_map(part)[0]):
            picked = _pick(_candidates(part), part)
            if picked is not None:
                return picked
    return None


def _within_dated_span(mention: DateMention, before: str, published: date | None) -> Resolved | None:
    """A weekday alone ("وفي يوم الثلاثاء", "Tuesday") inside the span of days the text dated
    just before ("يومي 13 و14 يناير 2025") is that day of the span, whatever the publication day."""
    dated = [m for m in _candidates(before) if m.kind in ("explicit", "numeric", "range")]
    if not dated:
        return None
    span = resolve(dated[-1], published)
    if span.date is None:
        return None
    day = span.date
    while day <= (span.date_end or span.date):
        if WEEKDAYS[day.weekday()] == mention.weekday:
            return Resolved(day, weekday=mention.weekday, resolution=span.resolution)
        day += timedelta(days=1)
    return None
