"""Meetings of Hammouchi with foreign officials, from a report's text: `extract_meetings`.

A staged reader (docs/meetings.md): sentences → hammouchi → cues → people → country → agency →
place → topics → reason, one module each, orchestrated by `crawler.meetings.reader`.
"""

from crawler.meetings.hammouchi import names_hammouchi
from crawler.meetings.reader import Found, extract_meetings
from crawler.meetings.topics import find_topics, topic_codes

__all__ = ["Found", "extract_meetings", "find_topics", "names_hammouchi", "topic_codes"]
