"""Main text and metadata of an HTML page, with trafilatura.

Passes, each only when the one before finds too little text:
1. `precision`: trafilatura with `favor_precision` (the cleanest text on modern templates);
2. `layout`: old table layouts (the body in a `<td>`, paragraphs split by `<br><br>`) are pruned
   whole by the precise pass ("discarding data"); the same pass runs again on the page with its
   layout tables turned into plain blocks and its `<br>` runs into paragraphs, as readability
   does with `<td>` and `<br>`. A page that the fast precise pass rejects and that `table_layout`
   recognises (text in layout tables, no `<p>` in them) goes to this pass before the precise
   pass's comparison, which finds nothing on such a page;
3. `recall`: trafilatura with `favor_recall` on the page as it is;
4. `baseline`: `trafilatura.baseline`, trafilatura's own last resort.
Before any pass, "read also" paragraphs inside the body (a label such as "اقرأ أيضا" or "Lire
aussi" followed by a link) are removed from the tree, as no pass of trafilatura drops them.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from copy import copy, deepcopy
from functools import cache

import trafilatura
import trafilatura.core
import trafilatura.external
from lxml import etree
from lxml import html as lxml_html
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, Extractor
from trafilatura.utils import DOCTYPE_TAG, is_dubious_html, repair_faulty_html

from crawler.extract.lang import detect_lang
from crawler.extract.result import Extracted, clean_author
from crawler.extract.vocab import Vocab, vocab
from crawler.textnorm import fold

# Below this many characters the precise pass has missed the body (a two-sentence brief is
# about 250): try the recall pass and keep the longer text.
MIN_TEXT_CHARS = 200
# A "read also" block is short: its label, a headline or two. Longer elements are containers.
READ_ALSO_MAX_CHARS = 400
# Share of a read-also element's text (after the label) that must be link text.
READ_ALSO_MIN_LINK_SHARE = 0.5
READ_ALSO_TAGS = ("p", "div", "li", "span", "em", "strong", "b", "i", "h2", "h3", "h4", "h5", "h6",
                  "section", "aside", "blockquote", "figure")

# trafilatura logs "discarding data" / "no main text found" at WARNING for each page its precise
# pass rejects; the pipeline logs its own line when every pass fails, so keep only its errors.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _spaced_text(el) -> str:
    """The element's text with a space between its pieces: `text_content` glues a label and the
    link under it ("اقرأ أيضا" + "خبر" -> "أيضاخبر") when they sit in different blocks."""
    return " ".join(" ".join(el.itertext()).split())


def drop_read_also(tree, words: Vocab | None = None) -> int:
    """Remove "read also" blocks from a parsed page; return how many were removed.

    A block is an element whose text starts with a read-also label and is then mostly link
    text ("اقرأ أيضا: <a>headline</a>"), or a label standing alone (a heading) together with
    the link list that follows it. Only the text nodes that start with a label are looked at
    (one regular expression over the page's text nodes), then the element around each.
    """
    words = words or vocab()
    pattern = _label_pattern(words.read_also)
    doomed = []
    for node in tree.xpath("//text()[normalize-space()]"):
        if not pattern.match(node):
            continue
        el = node.getparent()
        if el is None or not isinstance(el.tag, str):
            continue
        if node.is_tail:  # "<b>x</b> اقرأ أيضا …": the label belongs to the parent
            el = el.getparent()
        el = _read_also_block(el, words)
        if el is not None:
            doomed.append(el)
    removed = 0
    for el in doomed:
        for item in (el, *_links_under_label(el, words)):
            if item.getparent() is not None and not _detached(item):
                item.drop_tree()
                removed += 1
    return removed


_STRING_LENGTH = etree.XPath("string-length(.)")


def _read_also_block(el, words: Vocab):
    """The outermost short element from `el` up whose text starts with a read-also label and is
    then mostly links (or is the label alone), or None."""
    found = None
    while el is not None and isinstance(el.tag, str) and el.tag not in ("body", "html"):
        if _STRING_LENGTH(el) > READ_ALSO_MAX_CHARS:  # in C: no text built for big containers
            break
        text = _spaced_text(el)
        if len(text) > READ_ALSO_MAX_CHARS:
            break
        key = fold(text)
        label = words.starts_with(words.read_also, key)
        if label is None:
            break
        rest = len(key) - len(label)
        # the link text is counted only where it decides
        if el.tag in READ_ALSO_TAGS and (rest <= 0 or ((links := _link_chars(el))
                                                       and links >= READ_ALSO_MIN_LINK_SHARE * rest)):
            found = el
        el = el.getparent()
    return found


def _link_chars(el) -> int:
    """Characters of link text under `el`, folded."""
    return sum(len(fold(_spaced_text(a))) for a in el.iter("a"))


def _links_under_label(el, words: Vocab) -> list:
    """The link list that follows a label standing alone ("<h3>مقالات ذات صلة</h3><ul>…")."""
    key = fold(_spaced_text(el))
    if words.starts_with(words.read_also, key) != key:
        return []
    nxt = el.getnext()
    if nxt is not None and nxt.tag in ("ul", "ol", "div", "p") and _link_share(nxt) >= 0.5:
        return [nxt]
    return []


@cache
def _label_pattern(labels: tuple[str, ...]) -> re.Pattern:
    """A regular expression matching a text that starts with one of the (folded) labels, on the
    raw text: each folded letter matches its unfolded forms, marks and punctuation may follow."""
    unfold = {"ا": "[اأإآٱ]", "ي": "[يى]", "ه": "[هة]", "و": "[وؤ]"}
    alternatives = []
    for label in labels:
        parts = []
        for ch in label:
            if ch == " ":
                parts.append(r"[\W_]+")
            else:
                parts.append(unfold.get(ch, re.escape(ch)) + "[\u064b-\u065f\u0670\u0640]*")
        alternatives.append("".join(parts))
    return re.compile(r"\W*(?:" + "|".join(alternatives) + r")(?:\W|$)", re.IGNORECASE)


def _detached(el) -> bool:
    """True when an ancestor of `el` was already removed (no longer reaches the root <html>)."""
    root = el
    while root.getparent() is not None:
        root = root.getparent()
    return root.tag != "html"


def _link_share(el) -> float:
    text = len(_text(el))
    return sum(len(_text(a)) for a in el.iter("a")) / text if text else 0.0


def _parser(keep_comments: bool = False) -> lxml_html.HTMLParser:
    """trafilatura's own HTML parser (`trafilatura.utils.HTML_PARSER`: comments and processing
    instructions dropped, no id table, no default doctype), with lxml's element class chosen in C.
    lxml.html's parser picks each element's Python class by calling a Python method
    (`HtmlElementClassLookup.lookup`) every time an element is reached from Python: 140,000
    calls for the 31 dev pages, a twentieth of the extraction. Here every element is an
    `HtmlElement`, also `<form>`, `<input>`, `<select>`, `<textarea>` and `<label>`, which
    lxml.html gives subclasses for their form methods (`.fields`, `.value`…) that neither
    trafilatura nor this module reads; the same tree, the same text. `keep_comments`: the same
    parser keeping comments and processing instructions (`load_html` strips them after reading
    what the dates need)."""
    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=not keep_comments, remove_pis=not keep_comments)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    return parser


HTML_PARSER = _parser()
HTML_PARSER_COMMENTS = _parser(keep_comments=True)
_NOT_ELEMENTS = (etree.Comment, etree.ProcessingInstruction)


def load_html(html: str):
    """`trafilatura.utils.load_html` for a decoded page, with HTML_PARSER: the markup repaired as
    trafilatura does, parsed as a string, as UTF-8 bytes when lxml refuses the string (an
    encoding declaration) or finds no element; None for text that is not HTML."""
    return load_html_and_comments(html)[0]


def load_html_and_comments(html: str):
    """(`load_html(html)`, the comments and processing instructions each element of it held,
    or None). A full document (what lxml.html's `fromstring` returns whole) is parsed once with
    them kept (HTML_PARSER_COMMENTS), counted, then stripped: the same tree as HTML_PARSER's (a
    test compares them on every page and on random markup), and, with the counts, what the
    dates reader needs of its own parse (`lxml.html.document_fromstring`, comments kept;
    crawler.dates.published.from_tree). The counts are None where that parse would not give
    this tree: markup trafilatura repaired beyond a first-line doctype; and every other page
    (a fragment, a string lxml refuses, a page with no element) goes `load_html`'s way as before."""
    beginning = html[:50].lower()
    repaired = repair_faulty_html(html, beginning)
    if not _FULL_HTML(repaired):  # lxml.html's fromstring keeps a part of a fragment
        return _load_plain(html), None
    try:
        tree = lxml_html.fromstring(repaired, parser=HTML_PARSER_COMMENTS)
    except Exception:  # noqa: BLE001 (`_load_plain` meets it again, and logs it as before)
        return _load_plain(html), None
    comments = {}
    for node in tree.iter(_NOT_ELEMENTS):
        parent = node.getparent()
        if parent is not None:
            comments[parent] = comments.get(parent, 0) + 1
    if comments:
        etree.strip_tags(tree, *_NOT_ELEMENTS)
    if len(tree) < 1:  # trafilatura then tries the page as bytes
        return _load_plain(html), None
    if is_dubious_html(beginning) and len(tree) < 2:  # not HTML at all
        return None, None
    return tree, comments if _repaired_doctype_only(html, repaired) else None


# lxml.html's test for a whole document (`lxml.html._looks_like_full_html_unicode`)
_FULL_HTML = re.compile(r"^\s*<(?:html|!doctype)", re.I).match


def _load_plain(html: str):
    """`load_html` with HTML_PARSER (comments dropped by the parser)."""
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    tree, as_bytes = None, False
    try:
        tree = lxml_html.fromstring(html, parser=HTML_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, as_bytes = _from_bytes(html), True
    except Exception as err:  # trafilatura's guard
        logging.getLogger(__name__).error("lxml parsing failed: %s", err)
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:  # not HTML at all
        return None
    return tree


def _repaired_doctype_only(html: str, repaired: str) -> bool:
    """`repair_faulty_html` changed at most the first line's doctype (which lxml keeps apart
    from the elements): no character dropped, no `<html/>` repaired."""
    if repaired == html:
        return True
    first, _, rest = html.partition("\n")
    first_repaired, _, rest_repaired = repaired.partition("\n")
    return rest == rest_repaired and DOCTYPE_TAG.sub("", first, count=1) == first_repaired


def _from_bytes(html: str):
    try:
        return lxml_html.fromstring(html.encode("utf8", "surrogatepass"), parser=HTML_PARSER)
    except Exception as err:
        logging.getLogger(__name__).error("lxml parser bytestring %s", err)
    return None


def _parse(html: str):
    return _parse_and_comments(html)[0]


def _parse_and_comments(html: str):
    """(the page's tree, or None; the comments per element for the dates reader, or None)."""
    tree, comments = load_html_and_comments(html)
    if tree is None or not isinstance(tree, lxml_html.HtmlElement):
        return None, None
    return tree, comments


def _bare(tree, url: str | None, favor_precision: bool = False, favor_recall: bool = False,
          fast: bool = False):
    """`trafilatura.bare_extraction` on a parsed page (it works on a copy: `tree` is not changed),
    without comments and tables, with the same `Extractor` options it would build from these
    arguments (built once: reading trafilatura's configuration costs 0.3 ms a call)."""
    options = copy(_extractor(favor_precision, favor_recall, fast))
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return trafilatura.bare_extraction(tree, url=url, options=options)


@cache
def _extractor(precision: bool, recall: bool, fast: bool) -> Extractor:
    """The options `bare_extraction(url=None, include_comments=False, include_tables=False, …)`
    builds; `_bare` copies them and sets the page's URL."""
    return Extractor(output_format="python", fast=fast, precision=precision, recall=recall, comments=False,
                     tables=False)


# trafilatura's comparison with readability and jusText (what `fast=True` skips) can replace its
# own text only when that text is short, "unclean" (holds one of these), or has no paragraph or
# more tables than paragraphs (trafilatura.external.compare_extraction).
_UNCLEAN = etree.XPath(trafilatura.external.SANITIZED_XPATH)
_PARAGRAPH_TEXT = etree.XPath(".//p//text()")
# Under this many characters, the fast pass's text may come from trafilatura's recovery of wild
# paragraphs, which keeps teasers in fast mode only; twice its MIN_EXTRACTED_SIZE (250).
COMPARE_BELOW_CHARS = 500


# trafilatura's raw-tree prune (`trafilatura.core.RAW_TREE_PRUNE_XPATH`, run on the whole page at
# the start of every pass: a sixth of the precise pass) removes infinite-scroll containers and
# Elementor share buttons: elements whose id or class holds one of these strings (its two XPaths
# test `re:test(@id|@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')` and
# `contains(@class, 'elementor-share-buttons')`). A page with no such id or class has nothing
# for it to remove. A test pins the XPaths this was read from.
RAW_PRUNE_NEEDS = re.compile("mvp-post-add-|infinite|elementor-share-buttons")
RAW_PRUNE_XPATH = trafilatura.core.RAW_TREE_PRUNE_XPATH
_IDS_AND_CLASSES = etree.XPath("//@id|//@class", smart_strings=False)


@contextmanager
def raw_prune_where_needed(tree):
    """While in this block, trafilatura's passes skip their raw-tree prune if `tree` (the page or
    a part of it: the passes work on copies of it, with fewer elements or other tags but the
    same attributes) has no id or class it could remove (RAW_PRUNE_NEEDS): the same trees
    pruned, the same texts. One scan of the ids and classes, in C, costs a third of the prune."""
    if RAW_PRUNE_NEEDS.search("\n".join(_IDS_AND_CLASSES(tree))):
        yield
        return
    trafilatura.core.RAW_TREE_PRUNE_XPATH = []
    try:
        yield
    finally:
        trafilatura.core.RAW_TREE_PRUNE_XPATH = RAW_PRUNE_XPATH


# A page is an old table layout when its layout tables hold at least this share of its text.
LAYOUT_TEXT_SHARE = 0.5
_OUTER_TABLES = etree.XPath(".//table[not(ancestor::table)]")
_TABLE_PARAGRAPH = etree.XPath("boolean(.//table//p[normalize-space()])")


def table_layout(tree) -> bool:
    """True for an old table layout whose paragraphs are split by `<br>`: its outermost tables
    hold LAYOUT_TEXT_SHARE of the body's text (scripts included: both counted in C) and no
    `<p>` with text sits in a table. On such a page the precise pass's comparison finds nothing
    either: readability keeps the `<br>` blocks, which trafilatura's clean-up of its output then
    empties, and jusText finds no good paragraph (checked on 2,232 made-up layouts of the dev
    articles in Arabic, French and English: `<br>`, `<br><br>`, text in a `<td>`, `<div>`,
    `<span>` or `<font>`, a `<p>` or comments outside the tables). With `<p>` paragraphs in
    the cells the comparison does find the text (readability), so those pages keep the order."""
    body = tree.find("body")
    if body is None:
        return False
    total = _STRING_LENGTH(body)
    if not total or sum(_STRING_LENGTH(t) for t in _OUTER_TABLES(body)) < LAYOUT_TEXT_SHARE * total:
        return False
    return not _TABLE_PARAGRAPH(body)


def _main_text(tree, url: str | None):
    """(trafilatura's document, the pass that found it) for the passes of the module's doc.

    An old table layout (`table_layout`) that the fast precise pass rejects goes to the layout
    pass at once: the precise pass's comparison, which would run next, finds no text on such a
    page (see `table_layout`) and costs 4-8 ms there, about as much as the layout pass itself. When the
    layout pass finds too little there, the passes run in their usual order (the layout pass's
    result kept, not run twice)."""
    fast = _bare(tree, url, favor_precision=True, fast=True)
    if fast is not None and len(fast.text or "") >= COMPARE_BELOW_CHARS and not _needs_comparison(fast.body):
        return fast, "precision"
    done = {}
    if fast is None and table_layout(tree):
        done["layout"] = _pass(tree, url, layout=True, **FALLBACKS["layout"])
        if _long_enough(done["layout"]):
            return done["layout"], "layout"
    doc, method = _bare(tree, url, favor_precision=True), "precision"
    # The fallback passes skip trafilatura's own comparison with readability/jusText (`fast`):
    # on the pages that reach them it found nothing either, and it would double their cost.
    for name, options in FALLBACKS.items():
        if _long_enough(doc):
            break
        other = done[name] if name in done else _pass(tree, url, layout=name == "layout", **options)
        if other is not None and len(other.text or "") > len((doc and doc.text) or ""):
            doc, method = other, name
    return doc, method


# The fallback passes, in their order, with their options.
FALLBACKS = {"layout": {"favor_precision": True, "fast": True},
             "recall": {"favor_recall": True, "fast": True}}


def _long_enough(doc) -> bool:
    return doc is not None and len(doc.text or "") >= MIN_TEXT_CHARS


def _needs_comparison(body) -> bool:
    if _UNCLEAN(body) or not _PARAGRAPH_TEXT(body):
        return True
    return len(body.findall(".//table")) > len(body.findall(".//p"))


COMMENTS_XPATH = ".//*[contains(@class, 'comment') or contains(@id, 'comment')]"


def _byline_scope(tree):
    """Where to look for a byline: the page's main `<article>` (the longest) when it holds the
    headline, else the whole page. trafilatura's `extract_author` copies and prunes the tree it
    is given; on the article alone it costs a third as much and finds the same bylines."""
    articles = tree.xpath("//article[.//h1]")
    return max(articles, key=lambda a: len(a.text_content())) if articles else tree


def _author(tree) -> str | None:
    """trafilatura's `extract_author` on the byline scope with its comment sections set aside
    for the call (a commenter's name is no byline), and put back after."""
    scope = _byline_scope(tree)
    found = scope.xpath(COMMENTS_XPATH)
    inside = set(found)
    away = [(el.getparent(), el.getparent().index(el), el) for el in found
            if el.getparent() is not None and not any(a in inside for a in el.iterancestors())]
    for parent, _, el in away:
        parent.remove(el)
    try:
        return extract_author(scope)
    finally:
        for parent, index, el in reversed(away):
            parent.insert(index, el)


def _domain(tree, url: str | None) -> str | None:
    """The site's domain ("example.ma"), trafilatura's last resort for the site name."""
    found = META_URL.match(extract_url(tree, url) or "")
    return found[1] if found else None


def page_metadata(tree, url: str | None = None) -> Document:
    """Title, author and site name as trafilatura's `extract_metadata` finds them, without its
    publication date: htmldate costs a third of the extraction, and the dates pipeline reads
    the date itself (docs/dates.md)."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:  # as trafilatura: a lone word is not a byline
        meta.author = None
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as err:  # trafilatura's own guard: its JSON-LD reader has known bugs
        logging.getLogger(__name__).debug("JSON-LD metadata unreadable: %s", err)
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or _author(tree)
    meta.sitename = (meta.sitename or extract_sitename(tree) or "").lstrip("@") or None
    if meta.sitename and meta.title and fold(meta.sitename) == fold(meta.title):
        meta.sitename = None  # trafilatura took the headline for the site's name
    meta.clean_and_trim()
    return meta


LAYOUT_TAGS = ("table", "tbody", "thead", "tfoot", "tr", "td", "th")
BLOCK_TAGS = {"div", "p", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "section", "article", "aside", "form", "figure", "center"}


def delayout(tree) -> None:
    """Turn layout tables into plain blocks and `<br>`-separated text into paragraphs, in place."""
    for el in tree.iter(LAYOUT_TAGS):
        el.tag = "div"
    for el in list(tree.iter("div")):
        if sum(1 for c in el if c.tag == "br") >= 2:
            _paragraphs_from_breaks(el)


def _paragraphs_from_breaks(el) -> None:
    """Regroup the children of `el` into `<p>`s at each `<br>`; block children stay as they are."""
    out, cur = [], lxml_html.Element("p")
    cur.text, el.text = el.text, None

    def close(p):
        if (p.text and p.text.strip()) or len(p):
            out.append(p)

    for child in list(el):
        el.remove(child)
        if child.tag == "br" or child.tag in BLOCK_TAGS:
            close(cur)
            cur = lxml_html.Element("p")
            cur.text, child.tail = child.tail, None
            if child.tag != "br":
                out.append(child)
        else:
            cur.append(child)
    close(cur)
    el.extend(out)


def _pass(tree, url: str | None, layout: bool = False, **options):
    """A fallback pass on the page as the precise pass saw it (read-also blocks removed); the
    layout pass changes a copy."""
    if layout:
        tree = deepcopy(tree)
        delayout(tree)
    return _bare(tree, url, **options)


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Extract main text, title, author and site name from decoded HTML."""
    tree, comments = _parse_and_comments(html)
    if tree is None:
        return Extracted()
    headings = [_text(h) for h in tree.iter("h1")]
    page_title = " ".join((tree.findtext(".//title") or "").split())
    meta = page_metadata(tree, url)
    title, site = split_title(meta.title, meta.sitename, headings)
    page_date = _page_date(tree, html, title, url, comments)  # before the tree is changed
    dropped = drop_read_also(tree)
    with raw_prune_where_needed(tree):
        doc, method = _main_text(tree, url)
    text = (doc.text or "") if doc is not None else ""
    if not text:
        _, text, _ = trafilatura.baseline(tree)  # on a copy
        method = "baseline" if text else "none"
    if site is None and page_title and page_title != meta.title:  # og:title may lack the site
        site = split_title(page_title, meta.sitename, [*headings, title or ""])[1]
    outlet = meta.sitename or site or _domain(tree, url)
    words = vocab()
    lines = drop_leading_title(text, title).split("\n")
    kept = [ln for ln in lines if not words.is_read_also_line(ln)]  # a read-also without a link
    dropped += len(lines) - len(kept)
    text = "\n".join(kept)
    return Extracted(title=title, text=text, author=clean_author(meta.author, outlet), outlet=outlet,
                     lang=detect_lang(text, tree.get("lang")), method=method, dropped=dropped,
                     page_date=page_date)


def _page_date(tree, html: str, title: str | None, url: str | None, comments: dict | None):
    """The dates reader on the extraction's parse (`from_tree`), or None where it needs its own
    (`comments` None, a step that counts comments, or an error: the dates pipeline then parses
    the page, and logs and counts the error if it has one)."""
    if comments is None:
        return None
    from crawler.dates.published import from_tree

    try:
        return from_tree(tree, html, title, url, comments)
    except Exception:  # noqa: BLE001 (the dates pipeline reads the page again and logs it)
        return None


def drop_leading_title(text: str, title: str | None) -> str:
    """The text without a first line that repeats the headline (some passes keep the `<h1>`)."""
    first, _, rest = text.partition("\n")
    if title and fold(first) == fold(title):
        return rest
    return text


TITLE_SEPARATORS = (" - ", " | ", " :: ", " – ", " — ", " « ", " » ", " : ")


def split_title(title: str | None, outlet: str | None,
                headings: list[str] = ()) -> tuple[str | None, str | None]:
    """(headline, site name) of a `<title>`/`og:title` that adds the site around the headline
    ("headline - Outlet", "Outlet :: headline"): the part equal to the outlet's name, or, with no
    outlet name known, the part beside a heading of the page. A title showing neither is kept
    whole (a dash or a colon may belong to the headline)."""
    if not title:
        return title, None
    folded = {fold(h) for h in headings}
    for sep in TITLE_SEPARATORS:
        parts = [p.strip() for p in title.split(sep) if p.strip()]
        if len(parts) < 2:
            continue
        if outlet:
            kept = [p for p in parts if fold(p) != fold(outlet)]
            if kept and len(kept) < len(parts):
                return sep.join(kept), outlet
        for i in (0, len(parts) - 1):
            if fold(parts[i]) in folded:
                rest = [p for j, p in enumerate(parts) if j != i]
                return parts[i], sep.join(rest) if len(rest) == 1 else None
    return title, None


def clean_title(title: str | None, outlet: str | None, headings: list[str] = ()) -> str | None:
    """The headline of `split_title`."""
    return split_title(title, outlet, headings)[0]
