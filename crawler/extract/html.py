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

from crawler.extract.boilerplate import is_read_also

# Below this many characters trafilatura is taken to have missed the article.
MIN_TEXT_CHARS = 250
_DROP = "//script|//style|//noscript|//marquee|//form|//select|//iframe|//nav|//header|//footer|//aside"
_INLINE = {"b", "strong", "i", "em", "u", "span", "font", "br", "sup", "sub", "small", "big"}
_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"}
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
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    out = Extracted() if doc is None else Extracted(
        title=doc.title, text=doc.text or "", author=doc.author, outlet=doc.sitename, lang=doc.language)
    tree = _tree(html)
    if len(out.text) < MIN_TEXT_CHARS and tree is not None:
        block = densest_block(tree)
        if len(block) > len(out.text):
            out.text, out.method = block, "densest_block"
    out.text = "\n".join(p for p in out.text.split("\n") if not is_read_also(p))
    out.title = clean_title(out.title, out.outlet, tree)
    return out


def _tree(html: str):
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    return tree


def densest_block(tree) -> str:
    """The text of the element holding the most text of its own (text and inline children, not
    links or nested blocks): the article of a table layout. Paragraphs split at `<br>` and blocks."""
    tree = lxml.html.fromstring(lxml.html.tostring(tree))  # a copy: the caller's tree stays whole
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


def clean_title(title: str | None, outlet: str | None, tree) -> str | None:
    """The headline without the site name `<title>` adds ("… - مدار 24", "أصداء الشمال :: …"): a
    segment at either end that is the site name, or an `<h1>` of the page equal to the rest."""
    if not title:
        h1 = _h1s(tree)
        return h1[0] if h1 else None
    parts = _TITLE_SEP.split(title)
    if len(parts) < 2:
        return title.strip()
    h1s = {" ".join(h.split()) for h in _h1s(tree)}
    site = " ".join((outlet or "").split()).casefold()
    for keep in (parts[:-1], parts[1:]):
        dropped = parts[-1] if keep == parts[:-1] else parts[0]
        joined = title[len(parts[0]) + len(_TITLE_SEP.search(title).group()):] if keep == parts[1:] \
            else title[:title.rfind(parts[-1])].rstrip(" -|–—:»«")
        if dropped.strip().casefold() == site or " ".join(joined.split()) in h1s:
            return joined.strip()
    return title.strip()


def _h1s(tree) -> list[str]:
    if tree is None:
        return []
    return [" ".join(h.text_content().split()) for h in tree.iter("h1") if h.text_content().strip()]
