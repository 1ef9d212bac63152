"""Main text of a text dump: a page's visible text, menus and teasers included.

A dump is the page read top to bottom: menus, a ticker, "headline / first words…" teaser pairs,
the article (its headline, a byline and a date line, its paragraphs, maybe subheadings), then
tags, share buttons, related articles and comments. Trafilatura on such text keeps every teaser
(the lines are all "paragraphs" to it), so dumps get their own step: the article's body starts at
its first long paragraph, its headline is the nearest headline-like line above that, and the body
runs until a line that ends an article ("ذات صلة", "مقالات ذات صلة", "شارك المقال", tags…) or a
teaser. Rules are about the genre's layout, with the vocabulary in data/boilerplate.yaml.
"""

from __future__ import annotations

from crawler.extract.boilerplate import ends_article, is_byline, is_furniture, is_read_also
from crawler.extract.html import Extracted

# A body paragraph is long; a headline is a line of a few words (not a menu item).
BODY_MIN_WORDS = 20
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 30


def _is_excerpt(line: str) -> bool:
    return line.rstrip().endswith(("...", "…"))


def _is_bullet(line: str) -> bool:
    return line.lstrip().startswith(("•", "·", "▪", "►", "»"))


def _teasers(lines: list[str]) -> set[int]:
    """Teaser pairs: an excerpt ending in "…" (with a byline in front, often) and the headline just
    above it; ticker and "most read" items written as bullets."""
    out = set()
    for i, line in enumerate(lines):
        if _is_excerpt(line):
            out.add(i)
            if i > 0 and not _is_excerpt(lines[i - 1]):
                out.add(i - 1)
        elif _is_bullet(line):
            out.add(i)
    return out


def _is_date_line(line: str) -> bool:
    """"الثلاثاء 2 يناير 2024", "نشر في: 12/09/2025 - 13:40", "الرباط – 12 شتنبر 2025": short and dated."""
    words = line.split()
    return len(words) <= 12 and any(sum(c.isdigit() for c in w) >= 2 for w in words)


def _headline_like(line: str) -> bool:
    n = len(line.split())
    return HEADLINE_MIN_WORDS <= n <= HEADLINE_MAX_WORDS and not is_byline(line) and not is_furniture(line) \
        and not _is_date_line(line) and not line.rstrip().endswith(".")


def extract_text_dump(text: str) -> Extracted:
    """Keep the headline and the article body; drop menus, teaser pairs, related lists."""
    lines = [" ".join(ln.split()) for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        return Extracted()
    teasers = _teasers(lines)
    start = next((i for i, ln in enumerate(lines)
                  if i not in teasers and len(ln.split()) >= BODY_MIN_WORDS and not ends_article(ln)), None)
    if start is None:  # no paragraph long enough: a brief; keep what is not furniture
        body = [ln for i, ln in enumerate(lines) if i not in teasers and not is_furniture(ln)]
        return Extracted(title=body[0] if body else None, text="\n".join(body[1:]))
    title = next((lines[i] for i in range(start - 1, -1, -1)
                  if i not in teasers and _headline_like(lines[i])), None)
    body = []
    for i in range(start, len(lines)):
        line = lines[i]
        if ends_article(line) or (i in teasers and body):
            break
        if is_furniture(line) or is_read_also(line):
            continue
        body.append(line)
    return Extracted(title=title, text="\n".join(body))
