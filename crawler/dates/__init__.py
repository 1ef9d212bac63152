"""Dates of the genre: publication dates and meeting dates, from Arabic, French and English text.

- `find_dates(text)`: every date phrase with its span (`DateMention`), found with month,
  weekday and relative-day tables (data/calendar.yaml).
- `normalize_date(raw, base)` / `resolve(mention, base)`: the day, against the publication day.
- `publication_date(body, kind, extracted)`: the page's own publication date.
- `meeting_date(text, sentence, published)`: the day of the meeting a sentence reports.
"""

from crawler.dates.find import DateMention, find_dates
from crawler.dates.meeting import MeetingDate, meeting_date, meeting_sentence
from crawler.dates.published import PublishedDate, publication_date
from crawler.dates.resolve import Resolved, normalize_date, parse_machine_date, resolve

__all__ = ["DateMention", "MeetingDate", "PublishedDate", "Resolved", "find_dates", "meeting_date",
           "meeting_sentence", "normalize_date", "parse_machine_date", "publication_date", "resolve"]
