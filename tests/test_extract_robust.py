"""Extraction never fails on odd input: property tests over made-up lines and markup."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extract import extract_html, extract_text_dump

PIECES = ["حموشي يستقبل سفير اليابان", "ذات صلة", "ذات صلة:", "اقرأ أيضا: خبر آخر", "شارك المقال",
          "بقلم : سعاد", "بواسطة", "Facebook", "• خبر عاجل", "عنوان...", "…", "الوسوم: أ - ب", "389",
          "استقبل المدير العام للأمن الوطني اليوم بالرباط المفتش العام للشرطة في إطار زيارة عمل.",
          "Le directeur général a reçu ce mardi à Rabat le chef de la police fédérale suisse.", "", " ",
          "\t", "-", ":", "spot_img"]
TAGS = ["p", "div", "td", "table", "tr", "br", "h1", "h3", "ul", "li", "a", "strong", "article", "aside",
        "nav", "marquee", "em"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=80)), max_size=40))
def test_dump_never_fails_and_keeps_only_its_own_lines(lines):
    got = extract_text_dump("\n".join(lines))
    source = {ln.strip() for ln in "\n".join(lines).splitlines()}
    assert all(ln in source for ln in got.text.splitlines())
    assert got.title is None or got.title.strip()


@st.composite
def markup(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            inner = draw(markup(depth + 1))
            parts.append(f"<{tag}>{inner}</{tag}>" if tag != "br" else "<br>")
        else:
            parts.append(draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=40))))
    return "".join(parts)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup())
def test_pages_never_fail(body):
    got = extract_html(f"<html><head><title>t - s</title></head><body>{body}</body></html>")
    assert isinstance(got.text, str) and got.method in ("precision", "layout", "recall", "baseline", "none")
    assert isinstance(extract_html(body).text, str)
