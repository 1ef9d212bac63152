"""Meetings of Hammouchi with foreign officials, from a report's text: `extract_meetings`."""

from crawler.meetings.extract import Found, extract_meetings, names_hammouchi
from crawler.meetings.topics import find_topics, topic_codes

__all__ = ["Found", "extract_meetings", "find_topics", "names_hammouchi", "topic_codes"]
