"""Fast paths give what the plain form they replace gives (issue 15: no output changes)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crawler import textnorm
from crawler.documents import has_crowded_tag, most_attributes

# The sentence end as first written: the abbreviations' look-behinds before the one-character one.
PLAIN_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in textnorm._NO_END_AFTER) + r"(?<=[.!?؟])\s+|\n+")

sentence_text = st.lists(st.sampled_from([*"ab MmeDrMrsSt.!?؟\n لي", "Mme. ", "M. ", "Dr. ", "J. ", "St. ",
                                          "Lt. ", "Gen. ", "Pr. ", "Prof. "]),
                         max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(sentence_text)
def test_sentence_end_matches_the_plain_regex(text):
    assert [m.span() for m in textnorm._SENTENCE_END.finditer(text)] == \
        [m.span() for m in PLAIN_SENTENCE_END.finditer(text)]


tag_text = st.lists(st.sampled_from([*"<>=a B\"1", "<a ", "<p ", "x=", "=="]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(tag_text, st.integers(min_value=0, max_value=5))
def test_crowded_tag_is_most_attributes_over_the_limit(text, limit):
    assert has_crowded_tag(text, limit) == (most_attributes(text) > limit)
