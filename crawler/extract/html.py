"""Main text and metadata of an HTML page, with trafilatura.

Two additions around it: old table layouts (the article in a `<td>` or `<div>` with paragraphs
split by `<br><br>`), where trafilatura either keeps the whole table or discards the page, get a
densest-text-block fallback; and the headline loses the " - Site name" that `<title>` adds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
)

from crawler.extract.boilerplate import is_read_also
from crawler.gazetteer import city_of

# Below this many characters trafilatura is taken to have missed the article.
MIN_TEXT_CHARS = 250
_DROP = "//script|//style|//noscript|//marquee|//form|//select|//iframe|//nav|//header|//footer|//aside"
_INLINE = {"b", "strong", "i", "em", "u", "span", "font", "br", "sup", "sub", "small", "big"}
_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"}
_BYLINE_PREFIX = re.compile(r"^(?:بواسطة|بقلم|by|par)\s*:?\s*", re.IGNORECASE)
_TITLE_SEP = re.compile(r"\s+(?:[-|–—:]|::|»|«)\s+")


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
    method: str = "trafilatura"
    """`trafilatura`, or `densest_block` when the fallback found the article."""


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Extract main text, title, author and site name from decoded HTML."""
    tree = _tree(html)
    if tree is None:
        return Extracted()
    out = _metadata(tree)
    h1s = _h1s(tree)
    page_title = _norm(tree.findtext(".//title"))
    # the tree is parsed once: trafilatura cleans it in place, so it goes last
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                                      include_tables=False, favor_precision=True)
    out.text = (doc.text or "") if doc is not None else ""
    if len(out.text) < MIN_TEXT_CHARS:
        block = densest_block(_tree(html))
        if len(block) > len(out.text):
            out.text, out.method = block, "densest_block"
    out.text = "\n".join(p for p in out.text.split("\n") if not is_read_also(p))
    out.title, site = split_title(out.title, out.outlet, h1s)
    if site is None and page_title:  # trafilatura may have cut the site off already: see `<title>`
        site = split_title(page_title, out.outlet, [*h1s, out.title or ""])[1]
    if site and (not out.outlet or _norm(out.outlet) == _norm(out.title) or len(out.outlet.split()) > 6):
        out.outlet = site  # trafilatura took a headline for the site name, or found none
    out.author = clean_author(out.author, out.outlet)
    return out


def _metadata(tree) -> Extracted:
    """Title, author, site name and language with trafilatura's own metadata readers (meta tags,
    JSON-LD, then the page), as `extract_metadata` does, without its htmldate step: publication
    dates are crawler.dates' job (htmldate picks teasers' dates), and it is a third of the cost."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # trafilatura's JSON-LD reader on broken JSON; the meta tags stand
        pass
    return Extracted(title=meta.title or extract_title(tree), author=meta.author or extract_author(tree),
                     outlet=(meta.sitename or extract_sitename(tree) or "").lstrip("@") or None,
                     lang=(tree.get("lang") or "").split("-")[0].lower() or None)


def _tree(html: str):
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    return tree


def densest_block(tree) -> str:
    """The text of the element holding the most text of its own (text and inline children, not
    links or nested blocks): the article of a table layout. Paragraphs split at `<br>` and blocks.
    Changes `tree`."""
    if tree is None:
        return ""
    for bad in tree.xpath(_DROP):
        bad.drop_tree()
    best, best_len = None, 0
    for el in tree.iter("div", "td", "article", "section", "main"):
        own = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str) and child.tag in _INLINE:
                own.append(child.text_content())
            own.append(child.tail or "")
        n = len(" ".join("".join(own).split()))
        if n > best_len:
            best, best_len = el, n
    if best is None:
        return ""
    for el in best.iter():
        if isinstance(el.tag, str) and el.tag in _BREAKS:
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(ln.split()) for ln in best.text_content().split("\n"))
    return "\n".join(ln for ln in lines if ln)


def split_title(title: str | None, outlet: str | None, h1s: list[str]) -> tuple[str | None, str | None]:
    """(headline, site name) of a `<title>` that adds the site ("… - مدار 24", "أصداء الشمال :: …"):
    the segment at either end that is the known site name, or whose rest is an `<h1>` of the page.
    A title that shows neither is kept whole (a dash may belong to the headline)."""
    if not title:
        return (h1s[0] if h1s else None), None
    seps = list(_TITLE_SEP.finditer(title))
    if not seps:
        return title.strip(), None
    headings = {_norm(h) for h in h1s}
    site = _norm(outlet).casefold()
    first, last = seps[0], seps[-1]
    site_last = (title[:last.start()], title[last.end():])
    site_first = (title[first.end():], title[:first.start()])
    for head, rest in (site_last, site_first):
        if (site and _norm(rest).casefold() == site) or _norm(head) in headings:
            return head.strip(), rest.strip()
    return title.strip(), None


def clean_title(title: str | None, outlet: str | None, h1s: list[str]) -> str | None:
    """The headline of `split_title`."""
    return split_title(title, outlet, h1s)[0]


def clean_author(author: str | None, outlet: str | None) -> str | None:
    """The byline without "بواسطة / By", without the site's name ("مدار; يوسف الطاهري"), and null
    when it is only the site or a city."""
    if not author:
        return None
    site = _norm(outlet).casefold()
    names = []
    for part in re.split(r"\s*[;|]\s*", author):
        part = _BYLINE_PREFIX.sub("", part).strip()
        key = _norm(part).casefold()
        if not part or (site and (key == site or site.startswith(key + " "))) or city_of(part):
            continue
        names.append(part)
    return "; ".join(names) or None


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _h1s(tree) -> list[str]:
    if tree is None:
        return []
    return [" ".join(h.text_content().split()) for h in tree.iter("h1") if h.text_content().strip()]
