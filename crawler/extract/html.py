"""Main text and metadata of an HTML page, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura


@dataclass
class Extracted:
    """What extraction finds in one document, before dates and meetings."""

    title: str | None = None
    text: str = ""
    author: str | None = None
    outlet: str | None = None
    lang: str | None = None
    #: publication-date candidates found in metadata: (source, raw string)
    date_candidates: list[tuple[str, str]] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Extract main text, title, author and site name from decoded HTML."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        return Extracted()
    return Extracted(title=doc.title, text=doc.text or "", author=doc.author, outlet=doc.sitename,
                     lang=doc.language)
