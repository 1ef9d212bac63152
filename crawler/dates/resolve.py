"""Turn a `DateMention` into a day, against the publication date: `resolve`, `normalize_date`."""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from crawler.dates.find import DateMention, find_dates
from crawler.dates.tables import WEEKDAYS

logger = logging.getLogger(__name__)

EXPLICIT = "explicit"
YEAR_INFERRED = "year_inferred"
RELATIVE = "relative_to_published"
UNRESOLVED = "unresolved"


@dataclass
class Resolved:
    """A day read from a date phrase."""

    date: date | None
    date_end: date | None = None
    weekday: str | None = None
    """The weekday the phrase names (kept even when it contradicts `date`)."""
    resolution: str = UNRESOLVED
    """`explicit`, `year_inferred`, `relative_to_published` or `unresolved`."""
    weekday_mismatch: bool = False
    """The named weekday is not the weekday of an explicit `date` (the date is kept)."""
    invalid: bool = False
    """The phrase names a day that does not exist ("31 شتنبر"); `date` is None."""


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _weekday_on_or_before(day: date, weekday: str, strictly: bool = False) -> date:
    back = (day.weekday() - WEEKDAYS.index(weekday)) % 7
    if strictly and back == 0:
        back = 7
    return day - timedelta(days=back)


def resolve(mention: DateMention, base: date | None) -> Resolved:
    """The day of `mention`, reading relative phrases and missing years against `base`
    (the publication day; None when unknown: then only a full explicit date resolves).

    A day and month without a year take the year of `base`, or the year before when that
    would put the day more than a week after publication ("28 دجنبر" on 2 January).
    """
    wd = mention.weekday
    if mention.kind in ("hijri", "unresolvable") or mention.future:
        return Resolved(None, weekday=wd)
    if mention.kind == "relative":
        if base is None:
            return Resolved(None, weekday=wd)
        day = base + timedelta(days=mention.offset)
        if wd and WEEKDAYS[day.weekday()] != wd:
            # the named weekday wins, one day off at most: "اليوم الأربعاء" on a page dated
            # just after midnight on Thursday, or stamped in UTC late on Tuesday, is that
            # Wednesday; further off, the latest such day before
            near = [d for d in (day - timedelta(days=1), day + timedelta(days=1))
                    if WEEKDAYS[d.weekday()] == wd]
            day = near[0] if near else _weekday_on_or_before(day, wd)
        return Resolved(day, weekday=wd, resolution=RELATIVE)
    if mention.kind == "weekday":
        if base is None:
            return Resolved(None, weekday=wd)
        day = _weekday_on_or_before(base, wd, strictly=mention.past)
        return Resolved(day, weekday=wd, resolution=RELATIVE)
    # explicit, numeric, range
    month, year, resolution = mention.month, mention.year, EXPLICIT
    if mention.current_month:
        if base is None:
            return Resolved(None, weekday=wd)
        month = month or base.month
        year, resolution = year or base.year, RELATIVE
    if year is None:
        if base is None:
            return Resolved(None, weekday=wd)
        year, resolution = base.year, YEAR_INFERRED
        probe = _day(year, month, mention.day) if month else None
        if probe and (probe > base + timedelta(days=7) or (mention.past and probe >= base)):
            year -= 1
    day = _day(year, month, mention.day) if month and mention.day else None
    if day is None:
        logger.info("liqaat: impossible date %r (day %s, month %s, year %s)",
                    mention.raw, mention.day, month, year)
        return Resolved(None, weekday=wd, invalid=True)
    end = None
    if mention.kind == "range":
        end_month = mention.month_end or month
        end_year = mention.year_end or (year + 1 if end_month < month else year)
        end = _day(end_year, end_month, mention.day_end)
        if end is None or end < day:
            logger.info("liqaat: impossible date range %r", mention.raw)
            return Resolved(None, weekday=wd, invalid=True)
    mismatch = bool(wd) and WEEKDAYS[day.weekday()] != wd
    return Resolved(day, end, wd, resolution, mismatch)


def normalize_date(raw: str, base: date | None = None) -> Resolved | None:
    """The day of the first date phrase in `raw` that names a day, or None when it has none.

    >>> normalize_date("يوم أمس الخميس", date(2025, 9, 12)).date
    datetime.date(2025, 9, 11)
    """
    for mention in find_dates(raw):
        if mention.kind in ("hijri",) or mention.future:
            continue
        return resolve(mention, base)
    return None


# The arithmetical (tabular) Islamic calendar: day 1 of year 1 is Julian 16 July 622, and 11 of
# every 30 years are leap years. Saudi Umm al-Qura and sighted months differ from it by a day or two.
_HIJRI_EPOCH = 1948439  # Julian day number of 1 Muharram 1 AH, minus one
_JDN_ORDINAL = 1721425  # date.fromordinal(1) is Julian day number 1721426
HIJRI_SLACK = 2


def hijri_day(mention) -> date | None:
    """The Gregorian day of a Hijri date ("الاثنين 14 جمادى الآخرة 1446هـ" → 2024-12-16): the
    tabular calendar's day, moved to the weekday the phrase names when one within HIJRI_SLACK days
    has it (the weekday settles the day or two that calendars disagree on); None without a year."""
    if not getattr(mention, "hijri", None):
        return None
    y, m, d = mention.hijri
    jdn = d + math.ceil(29.5 * (m - 1)) + (y - 1) * 354 + (3 + 11 * y) // 30 + _HIJRI_EPOCH
    day = date.fromordinal(jdn - _JDN_ORDINAL)
    wd = mention.weekday
    if wd and WEEKDAYS[day.weekday()] != wd:
        near = sorted((day + timedelta(days=k) for k in range(-HIJRI_SLACK, HIJRI_SLACK + 1)),
                      key=lambda x: abs((x - day).days))
        day = next((x for x in near if WEEKDAYS[x.weekday()] == wd), day)
    return day


_ISO_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}")
_COMPACT_DATE = re.compile(r"^((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)(?:T?\d{4,6}Z?)?$")
_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                        "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}


def parse_machine_date(value: str) -> tuple[str, date] | None:
    """An ISO 8601 string and its day from a metadata value: `article:published_time`,
    JSON-LD `datePublished`, `<time datetime>`, RDFa `content` ("2024-10-04T09:20:00.000Z",
    "Tue, 18 Feb 2025 13:47:22 GMT", "Oct 4, 2024"). ISO forms are read as they are (their
    day is the page's, never shifted to UTC); other forms are what dateparser reads well.
    """
    value = (value or "").strip()
    if not value:
        return None
    compact = _COMPACT_DATE.match(value)
    if compact:  # "20241125", "20241125T103000" (a `pubdate` meta)
        day = _day(*map(int, compact.groups()))
        return (day.isoformat(), day) if day else None
    if _ISO_DATE.match(value):
        text = value.replace("Z", "+00:00") if value.endswith("Z") else value
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            day = _day(*map(int, value[:10].split("-")))
            return (value[:10], day) if day else None
        if len(value.strip()) <= 10:
            return dt.date().isoformat(), dt.date()
        return dt.isoformat(), dt.date()
    import dateparser  # here, not at start-up: only metadata values in other forms need it

    dt = dateparser.parse(value, languages=["en", "fr"], settings=_DATEPARSER_SETTINGS)
    if dt is None:  # an Arabic month name in a metadata value ("25 نونبر 2024")
        found = normalize_date(value)
        if found is None or found.date is None or found.resolution != EXPLICIT:
            return None
        return found.date.isoformat(), found.date
    return dt.date().isoformat(), dt.date()
