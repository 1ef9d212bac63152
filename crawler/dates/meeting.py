"""The day of a meeting: `meeting_date(text, sentence, published, others)`.

The date is the one tied to the meeting sentence (the sentence that reports THAT counterpart's
meeting), not the first date of the text: first a date phrase of the sentence itself, then a
span of days it refers back to, then a date phrase of its paragraph, then an explicit date of a
later sentence about the same meeting in its section, then the span of the visit it belongs to,
then the lead. Phrases that are not the meeting's are skipped: a future one ("نونبر المقبل",
"will arrive on Monday"), the day of a statement ("the police said on Thursday") or of a
newspaper's edition, a dateline (the publication day, "الرباط، 4 مارس 2025 -").

What the whole text says about days is read once (`_story`): the day relative phrases count from
(a dateline's, else the publication day), the day each dated phrase names in order, and the
visit's span ("يومي 3 و4 دجنبر", "depuis lundi", "a two-day visit that ended on …"). A day of
the visit ("في يومها الأول") counts from its first day, "le lendemain" / "اليوم الموالي" from the
day told before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

from crawler.dates.find import VISIT_DAY_RE, DateMention, find_dates
from crawler.dates.published import DATELINE_HEAD, DATELINE_PREFIX
from crawler.dates.resolve import RELATIVE, UNRESOLVED, YEAR_INFERRED, Resolved, resolve
from crawler.dates.tables import CUES, WEEKDAYS, alternation
from crawler.textnorm import match_fold as fold
from crawler.textnorm import match_fold_map as fold_map
from crawler.textnorm import sentence_spans
from crawler.vocab import load
from crawler.vocab.compiled import regex

_L = r"[^\W\d_]"
# The meeting verbs and nouns are the meetings lexicon's (one vocabulary, one place to extend it),
# read as data so that the dates package does not import the meetings package.
_LEXICON = load(Path(__file__).resolve().parents[1] / "meetings" / "data" / "lexicon.yaml")
_MEETING_WORDS = {lang: _LEXICON["meeting_verbs"][lang] + _LEXICON["meeting_nouns"][lang]
                  for lang in ("ar", "fr", "en")}
_AR_VERBS = alternation(_MEETING_WORDS["ar"])
_LATIN_VERBS = alternation(_MEETING_WORDS["fr"] + _MEETING_WORDS["en"])
MEETING_VERB_RE = regex(
    rf"(?<!{_L})(?:[وف]?(?:ال)?(?:{_AR_VERBS})(?:ه|ها|هما|هم)?|{_LATIN_VERBS})(?!{_L})", re.IGNORECASE)


def _words(key: str) -> re.Pattern:
    return regex(rf"(?<!{_L})(?:{alternation(CUES[key])})(?!{_L})", re.IGNORECASE)


_STATEMENT = alternation(CUES["statement_cues"] + CUES["report_cues"])
STATEMENT_RE = regex(rf"(?<!{_L})(?:{_STATEMENT})(?!{_L})", re.IGNORECASE)
FUTURE_RE = _words("future_cues")
ANAPHORA_RE = _words("range_anaphora")
RECALL_RE = _words("recall_cues")
VISIT_RE = regex(rf"(?<!{_L})[وفبل]?(?:{alternation(CUES['visit_nouns'])})(?!{_L})", re.IGNORECASE)
VISIT_START_RE = regex(rf"(?<!{_L})(?:{alternation(CUES['visit_start_cues'])})(?!{_L})[\s\w]{{0,8}}$",
                            re.IGNORECASE)
VISIT_END_RE = _words("visit_end_cues")
# "غداة لقائه", "عشية لقائه": the cue, at most one word, then a meeting verb or noun
AROUND_RE = {int(k): regex(rf"(?<!{_L})(?:{alternation(v)})\s+(?:\S+\s+)?(?:{MEETING_VERB_RE.pattern})",
                           re.IGNORECASE) for k, v in CUES["around_meeting"].items()}
_LENGTHS = {fold(w): int(n) for n, words in CUES["visit_lengths"].items() for w in words}
VISIT_LENGTH_RE = regex(rf"(?<![\w-])(?:{alternation(_LENGTHS)})(?![\w-])", re.IGNORECASE)
# After a dateline's date: a dash or colon, or the agency in brackets ("4 مارس 2025 (ومع) -").
DATELINE_END = re.compile(r"\s*(?:\(\s*[^()]{1,25}\)|[–—\-:|/])")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# How far before a written year its date phrase starts, at most (characters).
YEAR_WINDOW = 45
# How far before a date phrase a statement or future cue still governs it (characters).
CUE_REACH = 30
LEAD_PARAGRAPHS = 2
DATELINE_PARAGRAPHS = 3
# An explicit date about the meeting within this many days of a relative one is the same meeting
# told twice (the explicit one wins); further apart, the two are a conflict, flagged.
SAME_MEETING_DAYS = 7
# A visit told as ongoing ("depuis lundi") lasts up to the publication day, within this many days.
ONGOING_VISIT_DAYS = 14
# A short line among the first ones (a range of days under the headline) dates the visit.
OPENING_LINES = 2
SHORT_LINE = 120
# How far (characters) a visit day ("في اليوم الأول") and a date phrase are one phrase.
VISIT_DAY_REACH = 40
_DATED = ("explicit", "numeric", "range")
VISIT_DAY = "visit_day"
VISIT_SPAN = "visit_span"


@dataclass
class MeetingDate:
    """The day of one meeting, with the phrase it was read from and how."""

    date: str | None = None
    date_end: str | None = None
    weekday: str | None = None
    date_raw: str | None = None
    resolution: str | None = None
    """`explicit`, `year_inferred`, `relative_to_published`, `visit_day` (a day of a visit or after
    the day told before: "في يومها الأول", "le lendemain"), `visit_span` (the visit's days, no day
    of its own), `unresolved`; None: no date phrase."""
    weekday_mismatch: bool = False
    invalid: bool = False
    """The phrase names a day that does not exist ("31 شتنبر"): `date` is None."""
    conflict: str | None = None
    """Another phrase about the same meeting that names another day (`date` is the best-supported
    one: explicit over relative; a relative day kept when the explicit one is weeks away)."""


@dataclass
class _Visit:
    """The visit a text tells: its first day, its last (None: not told), the phrases it is read from
    and their positions in the text."""

    start: date
    end: date | None
    raw: str
    at: tuple[int, ...] = ()

    def span(self) -> Resolved:
        return Resolved(self.start, self.end if self.end and self.end > self.start else None,
                        resolution=VISIT_SPAN)


class _Story:
    """What a whole text says about days (see the module docstring). The publication day and the
    dateline are read at once; the dated phrases of the whole text and the visit only when a
    meeting needs them (a day of the visit, a year the text gives, a meeting without a day)."""

    def __init__(self, text: str, published: date | None):
        self.text = text
        dateline = _dateline(text, published)
        self.base: date | None = dateline[2] if dateline else published
        """The day relative phrases count from: the dateline's, else the publication day."""
        self.dateline: tuple[int, int] | None = dateline[:2] if dateline else None

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence of the text."""
        return sentences(self.text)

    @cached_property
    def mentions(self) -> list[DateMention]:
        """The text's date phrases, in order, without the dateline's."""
        d = self.dateline
        return [m for m in _candidates(self.text) if not (d and d[0] <= m.start < d[1])]

    @cached_property
    def days(self) -> list[Resolved | None]:
        """The day each of `mentions` names (a day of the visit or after the day told before
        counts from the visit's first day, or from the day dated last before it)."""
        mentions = self.mentions
        days: list[Resolved | None] = [None if m.kind in ("day_ref", "unresolvable") else
                                       _resolve(m, self, m.start) for m in mentions]
        self.__dict__["days"] = days  # a day after a day after reads the list being filled
        for i, m in enumerate(mentions):  # in order: "le lendemain" after "le lendemain"
            if m.kind == "day_ref":
                days[i] = _day_ref(m, self, m.start)
        return days

    @cached_property
    def visit(self) -> _Visit | None:
        """The visit the text tells."""
        return _visit(self.text, self)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text` (`crawler.textnorm.sentence_spans`)."""
    return [(s, e) for s, e, _ in sentence_spans(text)]


def meeting_sentence(text: str, spans: list[tuple[int, int]] | None = None) -> str | None:
    """The first sentence of `text` with a meeting verb (استقبل، أجرى مباحثات، reçoit,
    received…) and a date phrase (or a reference to days named before: "ces deux journées");
    else the first with a meeting verb. A headline or a teaser
    ("حموشي يستقبل …", an excerpt ending in "...") names the meeting without its day.
    `spans`: the text's sentences, when already split."""
    found = [text[s:e] for s, e in (sentences(text) if spans is None else spans)
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
    """The date phrase nearest to the meeting verb of `text` (the first one without a verb); a day
    of the visit ("في اليوم الأول من الزيارة، الإثنين 18 شتنبر") yields to a date beside it."""
    days = [m for m in mentions if m.kind != "unresolvable"]
    if not days:
        return None
    verb = MEETING_VERB_RE.search(fold_map(text)[0])
    if verb is None:
        chosen = days[0]
    else:
        # the meeting day usually follows the verb ("استقبل، اليوم الثلاثاء", "a reçu ce mardi");
        # one before it ("On Tuesday, … received") counts double distance
        chosen = min(days, key=lambda m: m.start - verb.end() if m.start >= verb.end()
                     else 2 * (verb.start() - m.end))
    if chosen.kind == "day_ref":
        beside = [m for m in days if m.kind in _DATED + ("weekday", "relative")
                  and abs(m.start - chosen.end) <= VISIT_DAY_REACH]
        if beside:
            return beside[0]
    return chosen


def _result(mention: DateMention | None, resolved: Resolved, raw: str | None = None) -> MeetingDate:
    return MeetingDate(
        date=resolved.date.isoformat() if resolved.date else None,
        date_end=resolved.date_end.isoformat() if resolved.date_end else None,
        weekday=resolved.weekday, date_raw=raw or (mention.raw if mention else None),
        resolution=resolved.resolution, weekday_mismatch=resolved.weekday_mismatch, invalid=resolved.invalid)


def _excerpt(paragraph: str) -> bool:
    """A teaser excerpt left in a text dump ("… استقبل المدير العام للأمن الوطني...")."""
    return paragraph.rstrip().endswith(("...", "…"))


def _paragraph(text: str, start: int) -> tuple[int, str]:
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", start)
    return s, text[s:e if e >= 0 else len(text)]


def _day(published: date | str | None) -> date | None:
    if isinstance(published, str):
        try:
            return date.fromisoformat(published[:10]) if published else None
        except ValueError:
            return None
    return published


def meeting_date(text: str, sentence: str | None = None, published: date | str | None = None,
                 others: list[str] | None = None, title: str | None = None,
                 name: str | None = None, role: str | None = None) -> MeetingDate:
    """The day of the meeting reported by `sentence` (an exact substring of `text`; None: the
    first sentence with a meeting verb), read against the publication day `published`.
    `others`: the sentences of the report's other meetings (they end this meeting's section);
    `title`: the headline (a range of days after it is the visit's: "… (3-4 دجنبر 2024)");
    `name`: the counterpart's name: in a sentence given with its continuation, the part naming
    them is read first ("اختتم … زيارة امتدت يومي 3 و4 دجنبر … ففي يومها الأول، اجتمع … بـX");
    `role`: the counterpart's title (where a nameless counterpart is named). A sentence telling of
    two meetings on two days takes the day written last before the counterpart ("استقبل يوم الاثنين
    13 أكتوبر السفير X، قبل أن يستقبل يوم الأربعاء 15 أكتوبر المدير Y": Y's is the 15th).

    No date phrase for the meeting: every field None. A phrase that does not fix the day
    ("الأسبوع الماضي", "earlier this week") or a relative one without `published`: `date`
    None, the named weekday kept.
    """
    published = _day(published)
    text = text or ""
    story = _story(text, published)
    if sentence is None:
        sentence = meeting_sentence(text, story.spans)
        if sentence is None:
            return MeetingDate()
    where = text.find(sentence)
    if name and where >= 0:
        sentence, where = _naming_part(sentence, where, name, story)
    mentions = _own(_candidates(sentence), where, story)
    chosen = _clause_day(mentions, sentence, name, role) or _pick(mentions, sentence)
    if chosen is None and any(m.kind == "unresolvable" for m in mentions):
        m = next(m for m in mentions if m.kind == "unresolvable")
        later = _section_explicit(text, where, sentence, others, story) if where >= 0 else None
        if later is not None:
            return _result(*later)
        return MeetingDate(date_raw=m.raw, resolution=UNRESOLVED)
    if chosen is None and where >= 0 and ANAPHORA_RE.search(fold_map(sentence)[0]):
        ranges = [m for m in _candidates(text[:where]) if m.kind == "range"]
        if ranges:
            return _result(ranges[-1], _resolve(ranges[-1], story, where))
    if chosen is None and where >= 0:
        p_start, paragraph = _paragraph(text, where)
        found = _in_paragraph(paragraph, where - p_start, where - p_start + len(sentence), p_start, story)
        if found is not None:
            chosen, offset = found
            if _defines_visit(chosen, offset, story):
                return _result(None, story.visit.span(), story.visit.raw)
            return _result(chosen, _resolve_at(chosen, offset, story, text))
        later = _section_explicit(text, where, sentence, others, story)
        if later is not None:
            return _result(*later)
        visit = story.visit or _title_visit(title, story)
        if visit is not None:
            return _result(None, visit.span(), visit.raw)
        found = _in_lead(text, p_start, story)
        if found is not None:
            chosen, pos = found
            if _defines_visit(chosen, 0, story, pos):
                return _result(None, story.visit.span(), story.visit.raw)
            return _result(chosen, _resolve(chosen, story, pos))
    if chosen is None:
        return MeetingDate()
    if chosen.kind == "weekday" and where >= 0:
        anchored = _within_dated_span(chosen, text[:where], story)
        if anchored is not None:
            return _result(chosen, anchored)
    if _defines_visit(chosen, where, story):
        return _result(None, story.visit.span(), story.visit.raw)
    got = _result(chosen, _resolve_at(chosen, where, story, text))
    if chosen.kind not in _DATED and where >= 0:
        got = _check_section(got, chosen, text, where, sentence, others, story)
    return _around_meeting(got, chosen, sentence)


def _around_meeting(got: MeetingDate, chosen: DateMention, sentence: str) -> MeetingDate:
    """The phrase dates a clause written before "غداة لقائه" (the day after his meeting) or "عشية
    لقائه" (its eve): the meeting is a day before, or after, the day it names (data
    `around_meeting`). "صرح X يوم الثلاثاء 11 مارس، غداة لقائه بحموشي" -> 10 March."""
    if got.date is None or got.date_end is not None:
        return got
    before, after = fold(sentence[:chosen.end]), fold(sentence[chosen.end:])
    for offset, rx in AROUND_RE.items():
        m = rx.search(after)
        # "استقبل حموشي يوم الاثنين X، عشية اجتماع اللجنة": a meeting told before the cue is the day's own
        if m and not MEETING_VERB_RE.search(before + after[:m.start()]):
            day = date.fromisoformat(got.date) + timedelta(days=offset)
            return replace(got, date=day.isoformat(), weekday=WEEKDAYS[day.weekday()], weekday_mismatch=False)
    return got


def _clause_day(mentions: list[DateMention], sentence: str, name: str | None,
                role: str | None) -> DateMention | None:
    """Of a sentence naming two or more days (a dated phrase, a weekday, a relative day), the last
    one written before the counterpart (its name, else its role): the day of its own clause; None
    when the sentence names fewer days or the counterpart comes before them all."""
    days = [m for m in mentions if m.kind in _DATED + ("weekday", "relative")]
    if len(days) < 2:
        return None
    at = next((i for i in (sentence.find(x) for x in (name, role) if x) if i >= 0), -1)
    before = [m for m in days if m.end <= at]
    return before[-1] if before else None


def _naming_part(sentence: str, where: int, name: str, story: _Story) -> tuple[str, int]:
    """The sentence of a meeting sentence given with its continuation that names the counterpart,
    when it has a date phrase of its own; else the whole."""
    at = sentence.find(name)
    if at < 0:
        return sentence, where
    parts = [(a, b) for a, b in story.spans if where <= a and b <= where + len(sentence)]
    part = next(((a, b) for a, b in parts if a <= where + at < b), None)
    if len(parts) < 2 or part is None:
        return sentence, where
    own = story.text[part[0]:part[1]]
    if any(m.kind != "unresolvable" for m in _own(_candidates(own), part[0], story)):
        return own, part[0]
    return sentence, where


def _in_lead(text: str, p_start: int, story: _Story) -> tuple[DateMention, int] | None:
    """The date phrase of the lead (the first long paragraphs before the sentence's one) nearest
    its meeting verb, with its position in the text."""
    parts, pos = [], 0
    for line in text[:p_start].split("\n"):
        if len(line.strip()) > 80 and not _excerpt(line):
            parts.append((pos, line))
        pos += len(line) + 1
    parts = parts[:LEAD_PARAGRAPHS]
    lead = "\n".join(p for _, p in parts)
    starts, at = [], 0
    for _, p in parts:
        starts.append(at)
        at += len(p) + 1

    def text_pos(k: int) -> int:
        j = max(i for i, a in enumerate(starts) if a <= k)
        return parts[j][0] + k - starts[j]

    mentions = _candidates(lead)
    if story.dateline is not None:
        s, e = story.dateline
        kept = [m for m in mentions if not s <= text_pos(m.start) < e]
        mentions = kept if any(m.kind != "unresolvable" for m in kept) else mentions
    chosen = _pick(mentions, lead)
    return (chosen, text_pos(chosen.start)) if chosen is not None else None


def _defines_visit(mention: DateMention, offset: int, story: _Story, pos: int | None = None) -> bool:
    """The phrase is one the visit is dated by ("منذ يوم أمس الثلاثاء بزيارة عمل"): a meeting it
    is the nearest date of, with no day of its own, takes the visit's span. Read in the phrase's
    sentence first (a range, a first-day cue before it, an end verb; a visit word), so that the
    visit is read only where it may be."""
    if mention.kind not in _DATED + ("relative", "weekday") or offset < 0:
        return False
    pos = offset + mention.start if pos is None else pos
    text = story.text
    s = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos)) + 1
    e = min((i for i in (text.find(".", pos), text.find("\n", pos)) if i >= 0), default=len(text))
    sentence = fold(text[s:e])
    if not VISIT_RE.search(sentence):
        return False
    if not (mention.kind == "range" or VISIT_START_RE.search(fold(text[max(s, pos - 20):pos]))
            or VISIT_END_RE.search(sentence)):
        return False
    return story.visit is not None and any(abs(pos - at) <= 2 for at in story.visit.at)


def _title_visit(title: str | None, story: _Story) -> _Visit | None:
    """A range of days in the headline ("حموشي في فيينا (3-4 دجنبر 2024)"): the visit's span."""
    if not title or not _may_hold_date(title):
        return None
    for m in _candidates(title):
        if m.kind == "range":
            got = _resolve(m, story, -1)
            if got.date is not None:
                return _Visit(got.date, got.date_end, m.raw)
    return None


def _own(mentions: list[DateMention], where: int, story: _Story) -> list[DateMention]:
    """`mentions` (of a piece of the text starting at `where`) without the dateline's date, the
    publication day, unless it is the only date phrase."""
    if story.dateline is None or where < 0:
        return mentions
    s, e = story.dateline
    kept = [m for m in mentions if not (s <= where + m.start < e)]
    return kept if any(m.kind != "unresolvable" for m in kept) else mentions


def _resolve_at(mention: DateMention, offset: int, story: _Story, text: str = "") -> Resolved:
    """The day of `mention` found in a piece of the text starting at `offset`."""
    return _resolve(mention, story, offset + mention.start if offset >= 0 else -1)


def _resolve(mention: DateMention, story: _Story, pos: int) -> Resolved:
    """The day of a phrase at text position `pos` (-1: unknown), read against the story: relative
    phrases from its base day, a day and month without a year in the year the text gives when
    there is no base day, a day of the visit or after the day told before from the timeline."""
    if mention.kind == "day_ref":
        return _day_ref(mention, story, pos)
    if mention.kind in ("explicit", "range") and mention.year is None and story.base is None \
            and not mention.current_month:
        year = _text_year(story, pos)
        if year is not None:
            got = resolve(replace(mention, year=year), None)
            got.resolution = YEAR_INFERRED if got.date else got.resolution
            return got
    return resolve(mention, story.base)


def _text_year(story: _Story, pos: int) -> int | None:
    """The year of the text's nearest full date (one before `pos` first). Only the places where
    a year is written are read (a quick scan for 19xx/20xx, then the date phrase around it)."""
    years = []
    for y in _YEAR.finditer(story.text):
        window_start = max(0, y.start() - YEAR_WINDOW)
        piece = story.text[window_start:y.end()]
        if any(m.kind in _DATED and m.year == int(y.group()) for m in find_dates(piece)):
            years.append((window_start, int(y.group())))
    if not years:
        return None
    before = [y for s, y in years if pos >= 0 and s <= pos]
    return before[-1] if before else years[0][1]


def _day_ref(mention: DateMention, story: _Story, pos: int) -> Resolved:
    if mention.visit_day is not None:
        visit = story.visit
        if visit is None or pos < 0:
            return Resolved(None)
        return Resolved(visit.start + timedelta(days=mention.visit_day - 1), resolution=VISIT_DAY)
    previous = _day_before(story, pos)
    if previous is None:
        return Resolved(None)
    return Resolved(previous + timedelta(days=mention.offset or 0), resolution=VISIT_DAY)


def _day_before(story: _Story, pos: int) -> date | None:
    """The day the text dated last before position `pos` (a span's first day: "le lendemain" of a
    visit over 3 and 4 June is the 4th)."""
    last = None
    for m, r in zip(story.mentions, story.days, strict=True):
        if pos < 0 or m.start >= pos:
            break
        if r is not None and r.date is not None:
            last = r.date
    return last


def _in_paragraph(paragraph: str, s: int, e: int, p_start: int,
                  story: _Story) -> tuple[DateMention, int] | None:
    """A date phrase of the sentence's paragraph: the nearest one before the sentence, else
    the first one after it in a sentence that also speaks of the meeting ("وجرى اللقاء يوم …").
    With the text offset of the piece it was found in."""
    before = [m for m in _own(_candidates(paragraph[:s]), p_start, story) if m.kind != "unresolvable"]
    if before:
        return before[-1], p_start
    for a, b in sentences(paragraph[e:]):
        part = paragraph[e + a:e + b]
        if MEETING_VERB_RE.search(fold_map(part)[0]):
            picked = _pick(_candidates(part), part)
            if picked is not None:
                return picked, p_start + e + a
    return None


def _within_dated_span(mention: DateMention, before: str, story: _Story) -> Resolved | None:
    """A weekday alone ("وفي يوم الثلاثاء", "Tuesday") inside the span of days the text dated
    just before ("يومي 13 و14 يناير 2025") is that day of the span, whatever the publication day."""
    dated = [m for m in _candidates(before) if m.kind in _DATED]
    if not dated:
        return None
    span = _resolve(dated[-1], story, dated[-1].start)
    if span.date is None:
        return None
    day = span.date
    while day <= (span.date_end or span.date):
        if WEEKDAYS[day.weekday()] == mention.weekday:
            return Resolved(day, weekday=mention.weekday, resolution=span.resolution)
        day += timedelta(days=1)
    return None


# --- one meeting, several date phrases ------------------------------------------------------

def _may_hold_date(s: str) -> bool:
    return bool(re.search(r"\d|فاتح|premier|first|1er", s, re.IGNORECASE))


def _section_explicit(text: str, where: int, sentence: str, others: list[str] | None,
                      story: _Story) -> tuple[DateMention, Resolved] | None:
    """An explicit date of a later sentence about the same meeting, in the meeting's section (up
    to the next meeting's sentence): "The meeting, held on 12 March 2025, …". Not a recalled
    earlier meeting ("الذي سبق أن التقاه في 12 ماي 2023")."""
    start = where + len(sentence)
    end = len(text)
    for other in others or ():
        at = text.find(other, start) if other and other != sentence else -1
        if at >= 0:
            end = min(end, at)
    if not _may_hold_date(text[start:end]):
        return None
    for a, b in story.spans:
        if a < start or b > end:
            continue
        part = text[a:b]
        if not _may_hold_date(part) or _excerpt(part):
            continue
        folded = fold_map(part)[0]
        if not MEETING_VERB_RE.search(folded) or RECALL_RE.search(folded):
            continue
        dated = [m for m in _own(_candidates(part), a, story) if m.kind in _DATED]
        for m in dated:
            got = _resolve(m, story, a + m.start)
            if got.date is not None:
                return m, got
    return None


def _check_section(got: MeetingDate, chosen: DateMention, text: str, where: int, sentence: str,
                   others: list[str] | None, story: _Story) -> MeetingDate:
    """A relative phrase of the meeting sentence against an explicit date of a later sentence about
    the same meeting: explicit over relative within SAME_MEETING_DAYS (the other phrase is kept as
    `conflict` when they differ); further apart, the sentence's own day is kept and flagged."""
    later = _section_explicit(text, where, sentence, others, story)
    if later is None:
        return got
    mention, resolved = later
    if got.date is None:
        return _result(mention, resolved)
    if resolved.date.isoformat() == got.date:
        return got
    if abs((resolved.date - date.fromisoformat(got.date)).days) <= SAME_MEETING_DAYS:
        better = _result(mention, resolved)
        better.conflict = got.date_raw
        return better
    got.conflict = mention.raw
    return got


# --- the story of the text: base day, timeline, visit ---------------------------------------

@lru_cache(maxsize=8)
def _story(text: str, published: date | None) -> _Story:
    """Read once per text (a report's meetings share it); a pure function of its arguments."""
    return _Story(text, published)


def _dateline(text: str, published: date | None) -> tuple[int, int, date] | None:
    """(start, end, day) of a dateline opening one of the first paragraphs ("الرباط، 4 مارس 2025
    -", "الرباط، 5 نونبر (ومع) -" in the publication year): the publication day."""
    pos = 0
    for _ in range(DATELINE_PARAGRAPHS):
        while pos < len(text) and text[pos] in "\n\r \t":
            pos += 1
        if pos >= len(text):
            return None
        head = text[pos:pos + 80]
        mentions = find_dates(head) if DATELINE_HEAD.match(head) else None
        if mentions and mentions[0].kind in ("explicit", "numeric") and DATELINE_PREFIX.match(
                head[:mentions[0].start]) and DATELINE_END.match(head[mentions[0].end:]):
            m = mentions[0]
            day = resolve(m, published).date
            return (pos + m.start, pos + m.end, day) if day else None
        nl = text.find("\n", pos)
        if nl < 0:
            return None
        pos = nl + 1
    return None


def _visit(text: str, story: _Story) -> _Visit | None:
    """The first and last day of the visit the text tells, from a sentence with a visit noun: a
    range ("يومي 3 و4 دجنبر 2024"), a start ("منذ يوم أمس الثلاثاء", "depuis lundi"), an end verb
    and its day ("اختتم … الثلاثاء 19 شتنبر 2023"), a length ("استغرقت يومين", "a two-day visit"),
    a day of the visit beside a date ("في اليوم الأول من الزيارة، الإثنين 18 شتنبر"); a range in a
    short opening line ("(3 - 4 دجنبر 2024)" under the headline). Only those sentences are read."""
    start = end = length = None
    ongoing = False
    raw: list[str] = []
    at: list[int] = []
    folded = fold(text)
    opening = _opening_end(text)
    dateline = story.dateline
    for s, e in story.spans:
        piece = folded[s:e]
        visit_noun = VISIT_RE.search(piece) is not None
        short_opening = s < opening and e - s <= SHORT_LINE and _may_hold_date(piece)
        if not visit_noun and not short_opening and not VISIT_DAY_RE.search(piece):
            continue
        own = [m for m in _candidates(text[s:e])
               if not (dateline and dateline[0] <= s + m.start < dateline[1])]
        inside = [(m, None if m.kind in ("day_ref", "unresolvable") else _resolve(m, story, s + m.start))
                  for m in own]
        visit_day = next((m for m, _ in inside if m.kind == "day_ref" and m.visit_day), None)
        if visit_day is not None and start is None:
            beside = next((r for m, r in inside if r is not None and r.date and m.kind != "day_ref"
                           and abs(m.start - visit_day.end) <= VISIT_DAY_REACH), None)
            if beside is not None:
                start = beside.date - timedelta(days=visit_day.visit_day - 1)
                raw.append(visit_day.raw)
        if not visit_noun and not short_opening:
            continue
        for m, r in inside:
            if r is None or r.date is None:
                continue
            if m.kind == "range" and start is None:
                start, end = r.date, r.date_end
                raw.append(m.raw)
                at.append(s + m.start)
            elif start is None and visit_noun and VISIT_START_RE.search(piece[max(0, m.start - 20):m.start]):
                start, ongoing = r.date, True
                raw.append(m.raw)
                at.append(s + m.start)
        if end is None and visit_noun and VISIT_END_RE.search(piece):
            dated = [(m, r) for m, r in inside if r is not None and r.date and m.kind != "day_ref"]
            if dated:
                end = dated[0][1].date_end or dated[0][1].date
                raw.append(dated[0][0].raw)
                at.append(s + dated[0][0].start)
        if length is None and visit_noun:
            found = VISIT_LENGTH_RE.search(piece)
            if found:
                length = _LENGTHS[re.sub(r"\s+", " ", found.group().lower())]
    if start is None and end is not None and length:
        start = end - timedelta(days=length - 1)
    if start is None:
        return None
    if end is None and length:
        end = start + timedelta(days=length - 1)
    if end is None and ongoing and story.base and 0 <= (story.base - start).days <= ONGOING_VISIT_DAYS:
        end = story.base
    return _Visit(start, end, " … ".join(raw), tuple(at))


def _opening_end(text: str) -> int:
    """Where the text's first OPENING_LINES non-empty lines end."""
    pos, seen = 0, 0
    while seen < OPENING_LINES:
        nl = text.find("\n", pos)
        if nl < 0:
            return len(text)
        if text[pos:nl].strip():
            seen += 1
        pos = nl + 1
    return pos


__all__ = ["MeetingDate", "meeting_date", "meeting_sentence", "sentences", "RELATIVE"]
