"""Find the date phrases of a text: `find_dates(text)` → `DateMention`s with their spans.

Why a compiled regex over month tables and not dateparser here: dateparser knows the
Moroccan month names (شتنبر، نونبر، دجنبر…) only under the `ar-MA` locale and the Levantine
ones (تشرين الثاني…) only under `ar-LB`/`ar-SY`, and the two cannot be loaded into one
parser; `languages=['ar']` misses both. `search_dates` on raw Arabic text returns false hits,
and dateparser does not read "الخميس 24 سبتمبر 2020 على الساعة 15:57" whole. Measured on 500
visible Moroccan date lines, dateparser (ar-MA) read 352, while a regex with month tables
found all 500 at 1/500 of the cost. So the tables (data/calendar.yaml) FIND and decompose the
phrases; `crawler.dates.resolve` turns them into days against the publication date, and
dateparser reads what it is good at: machine and Latin-script date strings (`parse_machine_date`).
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass
from functools import lru_cache

from crawler.dates.tables import CALENDAR, MONTHS, RELATIVE_DAYS, WEEKDAY_NAMES, alternation, folded_set
from crawler.textnorm import match_fold as fold
from crawler.textnorm import match_fold_map as fold_map
from crawler.vocab.compiled import regex

# Regex literals below are written folded (ى→ي, ة→ه), as the text they run on.
_L = r"[^\W\d_]"
_NB = rf"(?<!{_L})"
_NA = rf"(?!{_L})"

_WD = alternation(WEEKDAY_NAMES)
_MONTH = alternation(MONTHS)
_HIJRI = alternation(CALENDAR["hijri_months"])
_HIJRI_NUMBER = {fold(k): int(v) for k, v in CALENDAR["hijri_month_numbers"].items()}
_FIRST = alternation(CALENDAR["first_day"])
_ORDINAL_DAY = {fold(w): int(n) for n, words in CALENDAR["ordinal_days"].items() for w in words}
_ORD = alternation(_ORDINAL_DAY)
# what may stand right before a day written as an ordinal without its weekday: "يوم الخامس عشر من ماي",
# "في الأول من أكتوبر"; else the ordinal is another noun's ("الأسبوع الأول من ماي")
_ORDINAL_AFTER = {fold(w) for w in CALENDAR["ordinal_day_after"]} | {""}


def fold_word_before(folded: str, at: int) -> str:
    """The word right before `at` (a punctuation mark or the text's start: "")."""
    head = folded[max(0, at - 20):at].rstrip()
    if not head or not head[-1].isalpha():
        return ""
    return head.split()[-1]
_REL = alternation(RELATIVE_DAYS)
_PART = alternation(CALENDAR["day_parts"])
_PAST = alternation(CALENDAR["past_markers"])
_FUT = alternation(CALENDAR["future_markers"])
_UNRES = alternation(CALENDAR["unresolvable"])
_VISIT_DAY = {fold(w): int(n) for n, words in CALENDAR["visit_days"].items() for w in words}
_AFTER_DAY = {fold(w): int(n) for n, words in CALENDAR["after_previous_day"].items() for w in words}

_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)(?:\s*م" + _NA + ")?"
_DAYNUM = r"(?<![\d/.-])[0-3]?\d(?:er|st|nd|rd|th)?(?![\d/:])"
_SEPW = r"[\s,،]*(?:\(\s*)?"


def _wd(name: str) -> str:
    return rf"{_NB}(?P<{name}>{_WD}){_NA}"


def _c(pattern: str) -> re.Pattern:
    return regex(pattern, re.IGNORECASE)


_DAY = rf"(?:{_NB}(?P<first>{_FIRST}){_NA}|(?P<d>{_DAYNUM}))"
# the day as an ordinal word, before "من" or a month: "الخامس عشر من شهر ماي"
_DAY_WORDS = rf"(?:{_DAY}|{_NB}(?P<dw>{_ORD}){_NA}(?=\s+(?:من\s+)?(?:شهر\s+)?(?:{_MONTH})))"
_MON = rf"{_NB}(?P<m>{_MONTH}|الشهر\s+الجاري|الشهر\s+الحالي)\.?(?![^\W\d_])"
# after the date: a year, "الجاري", a future or past marker ("12 نونبر المقبل", "15 ماي الماضي"),
# a weekday in parentheses
_TAIL = (rf"(?:{_SEPW}(?P<y>{_YEAR}))?(?:\s+(?P<cur>الجاري|الحالي){_NA})?"
         rf"(?:\s+(?P<fut>{_FUT}){_NA}|\s+(?P<past>{_PAST}){_NA})?(?:\s*\(\s*{_wd('wd_after')}\s*\))?")

RANGE_RE = _c(
    rf"(?:{_wd('wd')}[\s,،]+(?:(?:و|et|and)\s*(?:{_WD}){_NA}[\s,،]+)?)?"
    rf"(?:{_NB}(?:يومي|ايام|بين|du|les|from|between){_NA}\s+)?"
    rf"(?P<d1>{_DAYNUM})\s*(?:و|et|and|to|au|الي|-|–|&)\s*(?P<d2>(?<!\d)[0-3]?\d(?:er|st|nd|rd|th)?(?![\d/:]))\s*"
    rf"(?:من\s+|de\s+|of\s+)?(?:شهر\s+)?{_MON}{_TAIL}")
ISO_RE = _c(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?![\d/])")
NUM_RE = _c(rf"(?:{_wd('wd')}{_SEPW})?(?<![\d/.-])(?P<d>[0-3]?\d)(?P<sep>[/.-])(?P<m>[0-3]?\d)(?P=sep)"
            r"(?P<y>(?:19|20)\d\d)(?![\d/])")
DMY_RE = _c(rf"(?:{_wd('wd')}{_SEPW}(?:{_NB}(?:le|the){_NA}\s+)?)?(?:{_NB}(?:le|the){_NA}\s+)?"
            rf"{_DAY_WORDS}\s*(?:من\s+|de\s+|of\s+)?(?:شهر\s+)?{_MON}{_TAIL}")
MDY_RE = _c(rf"(?:{_wd('wd')}{_SEPW})?{_NB}(?P<m>{_MONTH})\.?\s+"
            r"(?P<d>(?<!\d)[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
            rf"(?:{_SEPW}(?P<y>{_YEAR}))?")
HIJRI_RE = _c(rf"(?:{_wd('wd')}{_SEPW})?(?:{_DAY}\s*(?:من\s+)?)?{_NB}(?P<hm>{_HIJRI}){_NA}"
              rf"(?:\s*(?P<hy>1[34]\d\d)(?!\d)\s*(?:ه{_NA}|هـ)?)?")
REL_RE = _c(rf"(?:{_NB}(?P<part>{_PART})\s+(?:يوم\s+)?)?{_NB}(?P<rel>{_REL}){_NA}"
            rf"(?:[\s,،]+(?:يوم\s+)?{_wd('wd')})?")
WEEKDAY_RE = _c(rf"(?:{_NB}(?P<pre>ce|cette|this|on|last|next|le|يوم|{_PART}\s+يوم|{_PART}){_NA}\s+)?"
                rf"{_wd('wd')}(?:\s+(?P<post>{_PAST}|{_FUT}){_NA})?")
UNRES_RE = _c(rf"{_NB}(?:{_UNRES}){_NA}")
DAY_REF_RE = _c(rf"{_NB}(?:(?P<ord>{alternation(_VISIT_DAY)})|(?P<after>{alternation(_AFTER_DAY)})){_NA}")
VISIT_DAY_RE = _c(rf"{_NB}(?:{alternation(_VISIT_DAY)}){_NA}")
_RANGE_JOIN = _c(r"\s*(?:و|et|and|to|au|الي|حتي|-|–)\s*$")

# (kind, regex), in order of preference when phrases overlap
_FORMS = [("range", RANGE_RE), ("numeric", ISO_RE), ("numeric", NUM_RE), ("explicit", DMY_RE),
          ("explicit", MDY_RE), ("hijri", HIJRI_RE), ("day_ref", DAY_REF_RE), ("relative", REL_RE),
          ("weekday", WEEKDAY_RE), ("unresolvable", UNRES_RE)]
# Forms that cannot match a text without a digit (a quick test saves their scan).
_NEED_DIGITS = {RANGE_RE, ISO_RE, NUM_RE, MDY_RE}
_DIGIT = re.compile(r"\d")
# What a form cannot match without (a plain scan, much cheaper than the form's own): two numbers
# joined for a range, a Hijri month name, a month name (or "this month") for a day and month, the
# digits of a numeric date.
_MONTH_NAMED = _c(rf"{_MONTH}|الشهر\s+الجاري|الشهر\s+الحالي")
_QUICK = {RANGE_RE: _c(r"\d\s*(?:[^\W\d_]{1,3}|-|–|&)\s*\d"), HIJRI_RE: _c(_HIJRI),
          NUM_RE: _c(r"\d[/.-][0-3]?\d[/.-](?:19|20)\d\d"), DMY_RE: _MONTH_NAMED, MDY_RE: _MONTH_NAMED}
_RANK = {"range": 0, "numeric": 1, "explicit": 2, "hijri": 3, "day_ref": 4, "relative": 5, "weekday": 6,
         "unresolvable": 7}
_PAST_SET = folded_set(CALENDAR["past_markers"])
_CURRENT_MONTH = {"الشهر الجاري", "الشهر الحالي"}


@dataclass
class DateMention:
    """One date phrase of a text, decomposed but not yet resolved to a day."""

    start: int
    end: int
    raw: str
    """The phrase as written ("يوم أمس الخميس", "27نونبر2025م", "les 16 et 17 juin")."""
    kind: str
    """`explicit` (day and month), `numeric` (12/09/2025), `range`, `relative` (اليوم, hier),
    `weekday` (a weekday alone), `day_ref` (a day of a visit or after the day told before: "في
    يومها الأول", "le lendemain"), `hijri` (ignored), `unresolvable` (الأسبوع الماضي)."""
    day: int | None = None
    month: int | None = None
    year: int | None = None
    day_end: int | None = None
    month_end: int | None = None
    year_end: int | None = None
    current_month: bool = False
    """The month is the publication month ("12 من الشهر الجاري")."""
    weekday: str | None = None
    """The weekday the phrase names, English lower case."""
    offset: int | None = None
    """For `relative`: days from the publication date (0 today, -1 yesterday)."""
    past: bool = False
    """A weekday said to be past ("الخميس الماضي", "mardi dernier"): strictly before publication."""
    future: bool = False
    """A future phrase ("نونبر المقبل", "next Monday"): never a meeting or publication day."""
    hijri: tuple[int, int, int] | None = None
    """For `hijri`: (year, month, day) in the Hijri calendar when the phrase gives all three
    ("14 جمادى الآخرة 1446هـ"); read for a Hijri-only publication line only (`resolve.hijri_day`)."""
    visit_day: int | None = None
    """For `day_ref`: the day of the visit it names (1 for "في اليوم الأول من الزيارة"); None for a
    day after the day told before, whose `offset` is then 1 ("le lendemain") or 0 ("اليوم ذاته")."""


def _int(s: str | None) -> int | None:
    if not s:
        return None
    return int(re.match(r"\d+", s).group())


def _mention(kind: str, m: re.Match, folded: str) -> DateMention | None:
    g = m.groupdict()
    wd = g.get("wd") or g.get("wd_after")
    wd = WEEKDAY_NAMES.get(re.sub(r"\s+", " ", wd)) if wd else None
    mention = DateMention(m.start(), m.end(), "", kind, weekday=wd)
    if g.get("dw") and not wd and fold_word_before(folded, m.start("dw")) not in _ORDINAL_AFTER:
        return None  # "الأسبوع الأول من ماي": an ordinal of another noun, not a day
    if kind in ("explicit", "range", "numeric"):
        month = g.get("m")
        if month is not None:
            month = re.sub(r"\s+", " ", month)
            if month in _CURRENT_MONTH:
                mention.current_month = True
            else:
                mention.month = int(month) if month.isdigit() else MONTHS[month.rstrip(".")]
        mention.year = _int(g.get("y"))
        mention.current_month = mention.current_month or bool(g.get("cur"))
        mention.future = bool(g.get("fut"))
        mention.past = bool(g.get("past"))
        if kind == "numeric" and m.re is NUM_RE and mention.month > 12 and int(g["d"]) <= 12:
            # "11/25/2024" cannot be day first: it is month first (a US date line)
            mention.month, g = int(g["d"]), {**g, "d": g["m"]}
        if kind == "range":
            mention.day, mention.day_end = _int(g["d1"]), _int(g["d2"])
            mention.month_end, mention.year_end = mention.month, mention.year
        else:
            mention.day = 1 if g.get("first") else _ORDINAL_DAY[re.sub(r"\s+", " ", g["dw"])] \
                if g.get("dw") else _int(g.get("d"))
    elif kind == "relative":
        rel = re.sub(r"\s+", " ", g["rel"])
        if rel in ("اليوم", "يومه") and not wd and not g.get("part"):
            # "اليوم العالمي", "اليوم الدراسي", "اليوم الموالي": a noun, not "today"
            if re.match(r"\s+ال", folded[m.end():m.end() + 4]):
                return None
        mention.offset = RELATIVE_DAYS[rel]
    elif kind == "hijri":
        day, year = (_int(g.get("d")) or (1 if g.get("first") else None)), _int(g.get("hy"))
        month = _HIJRI_NUMBER.get(re.sub(r"\s+", " ", g["hm"]))
        if day and year and month and 1 <= day <= 30:
            mention.hijri = (year, month, day)
    elif kind == "day_ref":
        if g.get("ord"):
            mention.visit_day = _VISIT_DAY[re.sub(r"\s+", " ", g["ord"])]
        else:
            mention.offset = _AFTER_DAY[re.sub(r"\s+", " ", g["after"])]
    elif kind == "weekday":
        pre = (g.get("pre") or "").lower()
        post = (g.get("post") or "").lower()
        mention.past = post in _PAST_SET or pre == "last"
        mention.future = bool(post) and not mention.past or pre == "next"
    return mention


def find_dates(text: str) -> list[DateMention]:
    """Every date phrase of `text`, in order, non-overlapping, with spans into `text`.

    Overlapping phrases are one mention: "صباح اليوم الاثنين 25 نونبر 2024" is an explicit date
    that also names a weekday; "30 يونيو و1 يوليوز 2025" is a range. Memoised per text (the
    meeting dates read a report's sentences, paragraphs and sections again for each meeting and
    step: a quarter of the calls on dev and excerpts): each call gets its own copies.
    """
    if not text:
        return []
    return [copy(m) for m in _find_dates(text)]


@lru_cache(maxsize=256)
def _find_dates(text: str) -> tuple[DateMention, ...]:
    """`find_dates`, once per text."""
    folded, pos = fold_map(text)
    found: list[DateMention] = []
    digits = _DIGIT.search(folded) is not None
    quick_found: dict[re.Pattern, bool] = {}
    for kind, rx in _FORMS:
        if not digits and rx in _NEED_DIGITS:
            continue
        quick = _QUICK.get(rx)
        if quick is not None and quick not in quick_found:
            quick_found[quick] = quick.search(folded) is not None
        if quick is not None and not quick_found[quick]:
            continue
        for m in rx.finditer(folded):
            mention = _mention(kind, m, folded)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    clusters: list[list[DateMention]] = []
    for mention in found:
        if clusters and mention.start < max(x.end for x in clusters[-1]):
            clusters[-1].append(mention)
        else:
            clusters.append([mention])
    merged: list[DateMention] = []
    for cluster in clusters:
        best = min(cluster, key=lambda x: (_RANK[x.kind], -(x.end - x.start)))
        best.start, best.end = min(x.start for x in cluster), max(x.end for x in cluster)
        best.weekday = best.weekday or next((x.weekday for x in cluster if x.weekday), None)
        best.offset = best.offset if best.offset is not None else next(
            (x.offset for x in cluster if x.offset is not None), None)
        merged.append(best)
    merged = _join_ranges(merged, folded)
    for mention in merged:
        s, e = mention.start, mention.end
        if pos is not None:
            s, e = pos[s], pos[e - 1] + 1
            while e < len(text) and fold_map(text[e])[1] is not None:  # a trailing tatweel or mark
                e += 1
        mention.start, mention.end = s, e
        mention.raw = text[s:e].strip()
    return tuple(merged)


def _join_ranges(mentions: list[DateMention], folded: str) -> list[DateMention]:
    """"30 يونيو و1 يوليوز 2025", "du 30 juin au 2 juillet": two explicit dates joined by a
    connector, the first without a year, are one range."""
    out: list[DateMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "explicit" and mention.kind == "explicit"
                and prev.year is None and prev.month and mention.month
                and _RANGE_JOIN.match(folded[prev.end:mention.start])):
            prev.kind = "range"
            prev.day_end, prev.month_end, prev.year_end = mention.day, mention.month, mention.year
            prev.year = mention.year
            prev.end = mention.end
            continue
        out.append(mention)
    return out
