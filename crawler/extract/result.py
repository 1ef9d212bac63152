"""What extraction finds in a document (`Extracted`) and the author clean-up every extractor
shares: kept apart from crawler.extract.html so that reading a text dump never imports trafilatura."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.extract.vocab import vocab
from crawler.gazetteer import city_of
from crawler.textnorm import fold


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
    #: how the text was found: `precision`, `layout`, `recall`, `baseline` (HTML), `textdump`,
    #: or `none`
    method: str = "none"
    #: boilerplate blocks removed before or during extraction (read-also links, teasers, menus)
    dropped: int = 0
    #: HTML: the publication date and the URL's date as the dates reader found them on the
    #: extraction's parse of the page (crawler.dates.published.from_tree), for the dates
    #: pipeline; None when it needs its own parse
    page_date: tuple | None = field(default=None, repr=False, compare=False)



def clean_author(author: str | None, outlet: str | None) -> str | None:
    """trafilatura's author without a byline label ("بواسطة", "Par"), without a city before the
    name ("الرباط: سعاد البقالي"), and without the parts that are only (a piece of) the outlet's
    name ("مدار; يوسف الطاهري" -> "يوسف الطاهري"), a city, an agency or a correspondent without
    a name ("وكالات", "Belga", "مراسل الموقع": `not_authors` in data/boilerplate.yaml)."""
    if not author:
        return None
    words = vocab()
    site = fold(outlet or "")
    parts = []
    for part in author.split(";"):
        part = part.strip()
        label = words.starts_with(words.byline_prefixes, fold(part))
        if label:
            part = part.split(None, len(label.split()))[-1] if len(part.split()) > len(label.split()) else ""
        tokens = part.split()
        for n in (2, 1):  # a dateline glued before the name: "الرباط: سعاد البقالي"
            if len(tokens) > n and city_of(" ".join(tokens[:n]).rstrip(":-–")):
                part = " ".join(tokens[n:]).lstrip(":-– ")
                break
        if (part and not (site and fold(part) in site) and not city_of(part)
                and not words.starts_with(words.not_authors, fold(part))):
            parts.append(part)
    return "; ".join(parts) or None
