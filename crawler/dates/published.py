"""The publication date of a document: `publication_date(body, kind, extracted, url)`.

Pages: the article's own metadata first (`<meta>` in every vocabulary htmldate knows: Open
Graph, Dublin Core `dc.*`/`dcterms.*`, Parse.ly, sailthru…; JSON-LD `datePublished`, also inside
`@graph`), then the date beside the headline (`<time datetime>`, RDFa `property` or microdata
`itemprop` with a `content`, a visible date line, a dateline opening the first paragraph), then
RDFa/microdata anywhere in the article, then a "modified" metadata date alone
(`og:updated_time`), then the extractor's candidates, then the date in the page's URL. Text
dumps: the date line or dateline next to the headline. Never a site header's "today" date, a
teaser, a sidebar, a comment or a footer: those sit in boilerplate containers, away from the
headline, and we only read the headline's neighbourhood.

Every metadata timestamp late in the UTC evening yields to a visible date (or the URL's) of the
next day; a metadata day that the URL contradicts yields to a visible date that agrees with it.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from types import SimpleNamespace

import lxml.html
from lxml import etree

from crawler.dates.find import DateMention, find_dates
from crawler.dates.resolve import hijri_day, parse_machine_date, resolve
from crawler.textnorm import match_fold as fold

logger = logging.getLogger(__name__)


@cache
def _htmldate():
    """The metadata vocabularies are htmldate's (maintained upstream: Open Graph, Dublin Core,
    Parse.ly, sailthru, schema.org itemprops…), read here with the raw value kept (htmldate returns
    a day only); with its test of a date element. Imported at the first page: a text document
    needs none of it, and the import is 0.05 s of a start."""
    from htmldate.core import (
        DATE_ATTRIBUTES,
        ITEMPROP_ATTRS_MODIFIED,
        ITEMPROP_ATTRS_ORIGINAL,
        NAME_MODIFIED,
        PROPERTY_MODIFIED,
        is_date_candidate,
    )

    published = frozenset(DATE_ATTRIBUTES | ITEMPROP_ATTRS_ORIGINAL) - {"pubyear"}
    modified = frozenset(PROPERTY_MODIFIED | NAME_MODIFIED | ITEMPROP_ATTRS_MODIFIED)
    return SimpleNamespace(published=published, modified=modified,
                           all=published | modified | set(PARSELY_JSON), is_date_candidate=is_date_candidate)


# Keys too generic to trust outside <head>'s <meta> ("date" in a teaser card's markup).
GENERIC_KEYS = frozenset({"date", "meta", "timestamp", "created", "gentime", "doc_date", "pdate", "ptime"})
# Parse.ly's JSON metadata (`<meta name="parsely-page" content='{"pub_date": …}'>`)
PARSELY_JSON = ("parsely-page", "parsely-metadata")
SCRIPT_DATE = re.compile(r'\\?"datePublished\\?"\s*:\s*\\?"([^"\\]{8,40})')
# "schema:datePublished", a vocabulary URL, "dc:date dc:created": read through metadata_keys
_PREFIXED = re.compile(r"^(?:schema:|https?:|dc:|dcterms:)|\s")
VOCABULARY_PREFIXES = (("http://schema.org/", ""), ("https://schema.org/", ""), ("schema:", ""),
                       ("http://purl.org/dc/terms/", "dcterms."), ("http://purl.org/dc/elements/1.1/", "dc."))
ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "Report", "LiveBlogPosting"}
# Containers whose dates are never the article's: comments, teasers, tickers, sidebars,
# the site header's "today" date, footers, cookie and consent pop-ups.
BOILERPLATE = re.compile(
    r"(?<![a-z])(?:comment|related|sidebar|widget|teaser|footer|ticker|breaking|topbar|top-bar|top-nav|"
    r"today|most-?read|read-?next|recommend|popular|latest|card|nav|menu|cookie|consent|didomi|"
    r"popup|modal|share|newsletter|trending|rdate|masthead|site-header|site-name|banner|also|"
    r"more-?news|views-field|marquee|breadcrumb|tags?(?![a-z]))", re.I)
BOILERPLATE_TAGS = {"aside", "footer", "nav", "marquee", "form", "dialog"}
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|element-invisible|visually-hidden|sr-only",
                    re.I)
UPDATED = re.compile(r"upd|modif|mis à jour|mis a jour|تحديث|updated|edited", re.I)
# Words a date line may carry besides its date: labels, a time, separators, a city.
DATE_LINE_LABELS = re.compile(
    r"(?<!\w)(?:نشر\s*في|منشور\s*في|نشر|بتاريخ|تاريخ\s*النشر|آخر\s*تحديث|على\s*الساعة|الساعة|publié\s*le|publié|"
    r"mis\s*à\s*jour\s*le|le|à|published|updated|posted|on|at|by|par|بواسطة|gmt|utc|am|pm)(?!\w)"
    r"|\d{1,2}[:h]\d{2}(?::\d{2})?", re.I)
MAX_DATE_LINE = 100
_DIGIT = re.compile(r"\d")
MAX_DATE_LINE_RESIDUE = 25
WINDOW_AFTER = 80
WINDOW_BEFORE = 12
BODY_PARAGRAPH = 200
SHORT_PARAGRAPH = 80
MAX_CHILDREN = 8
# A heading other than <h1> is the headline when it holds the title, or the title it, at this length.
MIN_TITLE_MATCH = 15
# How many elements after the headline a date-bearing element is looked for (body, footer line).
DATE_ELEMENT_REACH = 600
# From this UTC hour on, a metadata timestamp may fall on the day before the page's own date
# (Morocco is UTC+1); the date beside the headline then wins when it is the next day.
LATE_UTC_HOUR = 22
TEXT_WINDOW_BEFORE = 10
TEXT_WINDOW_AFTER = 12
# How many lines after a dump's body its closing publication line may come (share buttons between).
TEXT_TAIL_WINDOW = 4
# … and, when it opens with a publication label ("Publié le …", "Published:"), how many lines of tags
# and related links may stand between (none of them dated).
TEXT_TAIL_LABELLED_WINDOW = 10
PUBLISHED_LABEL = re.compile(
    r"^\W*(?:publié|publie|mis en ligne|published|posted|first published|نشر|تاريخ النشر)", re.I)
# A publication line in fields ("By U.S. Embassy Rabat | 23 October, 2025 | Topics: Press Releases",
# "11.04.2025 | Embassy of the Slovak Republic in Rabat"): one field a date line, each other one short
# and undated (a byline, a source, a list of topics).
FIELD_SEPARATOR = re.compile(r"\s+[|·•]\s+")
MAX_FIELD_WORDS = 10
MAX_FIELDED_LINE = 200
_SENTENCE_END = re.compile(r"[^\W\d_A-Z]{2}[.!?؟]\s")  # "… it said. ", not "By U.S. Embassy"


@dataclass
class PublishedDate:
    value: str
    """ISO 8601: the metadata value as given, or the day of a visible date line."""
    day: date
    raw: str
    """The string it was read from."""
    source: str
    """`meta`, `jsonld`, `time`, `rdfa`, `microdata`, `date_line`, `dateline`, `modified`,
    `extracted` or `url` (see docs/dates.md)."""


def _own_boilerplate(node) -> bool:
    if not isinstance(node.tag, str) or node.tag in ("html", "body"):
        return False
    if node.tag in BOILERPLATE_TAGS or (node.tag == "header" and node.get("role") == "banner"):
        return True
    marks = " ".join(filter(None, (node.get("class"), node.get("id"), node.get("role"))))
    if marks and BOILERPLATE.search(marks):
        return True
    return bool(HIDDEN.search((node.get("style") or "") + " " + (node.get("class") or "")))


def _boilerplate(el, memo: dict | None = None) -> bool:
    """The element sits in a comment, teaser, sidebar, ticker, header, footer or pop-up
    container (or a hidden one). `memo` shares the answers for ancestors within one page."""
    memo = {} if memo is None else memo
    chain = []
    node, answer = el, False
    while node is not None:
        if node in memo:
            answer = memo[node]
            break
        chain.append(node)
        if _own_boilerplate(node):
            answer = True
            break
        node = node.getparent()
    for n in chain:
        memo[n] = answer
    return answer


def parse_html(body: str):
    try:
        return lxml.html.document_fromstring(body)
    except ValueError:  # a str with an XML encoding declaration
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.document_fromstring(body.encode("utf-8"), parser=parser)
    except etree.ParserError:
        return None


def metadata_keys(el) -> list[tuple[str, str]]:
    """(attribute, folded key) pairs of an element's `name`, `property` and `itemprop`: lower case,
    vocabulary URLs and `schema:` dropped, `dc:date` also as `dc.date` ("dc:date dc:created" is two)."""
    out = []
    for attr in ("name", "property", "itemprop"):
        for key in (el.get(attr) or "").lower().split():
            for prefix, replacement in VOCABULARY_PREFIXES:
                if key.startswith(prefix):
                    key = replacement + key[len(prefix):]
            out.append((attr, key))
            if ":" in key and key.startswith(("dc:", "dcterms:")):
                out.append((attr, key.replace(":", ".", 1)))
    return out


def _meta(tree) -> tuple[PublishedDate | None, PublishedDate | None]:
    """The first published date of the page's `<meta>` tags, and the first modified one."""
    memo: dict = {}
    published = modified = None
    vocab = _htmldate()
    for el in tree.iter("meta"):
        content = el.get("content") or el.get("datetime") or ""
        if not content:
            continue
        raw = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if raw not in vocab.all and not _PREFIXED.search(raw):
            continue  # og:title, description, viewport…: the common case, read at once
        keys = metadata_keys(el)
        # microdata <meta itemprop> also sits in teaser cards: only the article's counts
        if any(a == "itemprop" for a, _ in keys) and _boilerplate(el, memo):
            continue
        names = {k for _, k in keys}
        if published is None and names & set(PARSELY_JSON):
            published = _parsely(content)
        if published is None and names & vocab.published:
            parsed = parse_machine_date(content)
            if parsed:
                published = PublishedDate(parsed[0], parsed[1], content, "meta")
        if modified is None and names & vocab.modified:
            parsed = parse_machine_date(content)
            if parsed:
                modified = PublishedDate(parsed[0], parsed[1], content, "modified")
        if published is not None:
            break
    return published, modified


def _parsely(content: str) -> PublishedDate | None:
    try:
        data = json.loads(content)
    except (json.JSONDecodeError, TypeError):
        return None
    value = data.get("pub_date") if isinstance(data, dict) else None
    parsed = parse_machine_date(value) if isinstance(value, str) else None
    return PublishedDate(parsed[0], parsed[1], value, "meta") if parsed else None


def _structured(el) -> PublishedDate | None:
    """An RDFa `property` or microdata `itemprop` publication date on a body element
    (`<span property="dc:date" content=…>`, `<time itemprop="datePublished" datetime=…>`)."""
    value = el.get("content") or el.get("datetime")
    if not value:
        return None
    for attr, key in metadata_keys(el):
        if attr != "name" and key in _htmldate().published and key not in GENERIC_KEYS:
            parsed = parse_machine_date(value)
            if parsed:
                source = "microdata" if attr == "itemprop" else "rdfa"
                return PublishedDate(parsed[0], parsed[1], value, source)
    return None


def _structured_anywhere(tree) -> PublishedDate | None:
    """The first RDFa or microdata publication date of the page outside boilerplate containers."""
    memo: dict = {}
    for el in tree.xpath("//body//*[@content or @datetime][@property or @itemprop]"):
        found = _structured(el)
        if found and not _boilerplate(el, memo):
            return found
    return None


def _jsonld_nodes(data):
    if isinstance(data, list):
        for x in data:
            yield from _jsonld_nodes(x)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _jsonld_nodes(data[key])


def _jsonld(tree, body: str = "") -> PublishedDate | None:
    """JSON-LD `datePublished` (an Article type first); else a `"datePublished": "…"` written in
    any script (a JSON-LD block JSON cannot read, a framework's page data)."""
    found: list[tuple[int, str]] = []
    for script in tree.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        try:
            data = json.loads(script.text or "", strict=False)  # raw newlines inside strings
        except (json.JSONDecodeError, TypeError):
            logger.info("liqaat: unreadable JSON-LD block skipped")
            continue
        for node in _jsonld_nodes(data):
            types = node.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if isinstance(node.get("datePublished"), str):
                found.append((0 if types & ARTICLE_TYPES else 1, node["datePublished"]))
    for _, value in sorted(found, key=lambda x: x[0]):
        parsed = parse_machine_date(value)
        if parsed:
            return PublishedDate(parsed[0], parsed[1], value, "jsonld")
    for script in tree.iter("script") if "atePublished" in body else ():
        m = SCRIPT_DATE.search(script.text or "") if "atePublished" in (script.text or "") else None
        parsed = parse_machine_date(m.group(1)) if m else None
        if parsed:
            return PublishedDate(parsed[0], parsed[1], m.group(1), "jsonld")
    return None


def _headline(tree, title: str | None):
    memo: dict = {}
    h1s = [h for h in tree.iter("h1") if not _boilerplate(h, memo)]
    if title:
        key = fold(title).strip()
        for h in h1s:
            text = fold(h.text_content()).strip()
            if text and (text in key or key in text):
                return h
        # the headline in an <h2>/<h3> under a site-name <h1> (a blog or portal template)
        if len(key) >= MIN_TITLE_MATCH:
            for h in tree.iter("h2", "h3"):
                text = fold(h.text_content()).strip()
                if len(text) >= MIN_TITLE_MATCH and (text in key or key in text) \
                        and not _boilerplate(h, memo):
                    return h
    if h1s:
        return h1s[0]
    titles = tree.xpath("//*[contains(@class, 'entry-title') or contains(@class, 'post-title') or "
                        "contains(@class, 'article-title') or @itemprop='headline']")
    return titles[0] if titles else None


def _first_dated(mentions: list[DateMention], text: str) -> DateMention | None:
    """The first mention of a date line that names a full day; a "last updated" one is skipped."""
    for m in mentions:
        if m.kind in ("explicit", "numeric") and m.year and not m.future:
            if UPDATED.search(text[max(0, m.start - 25):m.start]):
                continue
            return m
    return None


def date_line(text: str) -> tuple[date, str] | None:
    """The day of a line that is only a date, a time and a label ("الخميس 24 سبتمبر 2020 على
    الساعة 15:57", "Publié le 02/10/2024 - 11:48", "الرباط – 12 شتنبر 2025"), or None."""
    text = " ".join(text.split())
    if not text or len(text) > MAX_DATE_LINE or not _DIGIT.search(text):
        return None  # a full day has a year, in digits (Western or Eastern: both are \d)
    mentions = find_dates(text)
    m = _first_dated(mentions, text)
    if m is None:
        # "نشر في: الاثنين 14 جمادى الآخرة 1446هـ", "الرباط 13 جمادى الآخرة 1446 هـ واس": a Hijri day only
        m = next((x for x in mentions if x.kind == "hijri" and x.hijri), None)
        if m is None or any(x.kind in ("explicit", "numeric") for x in mentions):
            return None
    residue = text
    for x in sorted(mentions, key=lambda x: -x.start):
        residue = residue[:x.start] + " " + residue[x.end:]
    residue = DATE_LINE_LABELS.sub(" ", residue)
    letters = re.sub(r"[\W\d_]", "", residue)
    if len(letters) > MAX_DATE_LINE_RESIDUE:
        return None
    day = hijri_day(m) if m.kind == "hijri" else resolve(m, None).date
    return (day, m.raw) if day else None


def fielded_date_line(text: str) -> tuple[date, str] | None:
    """The day of a publication line written in fields (FIELD_SEPARATOR), or None."""
    text = " ".join(text.split())
    if len(text) > MAX_FIELDED_LINE:
        return None
    fields = FIELD_SEPARATOR.split(text)
    if len(fields) < 2:
        return None
    dated = [(f, date_line(f)) for f in fields]
    days = [d for _, d in dated if d]
    others = [f for f, d in dated if not d]
    if len(days) != 1 or any(len(f.split()) > MAX_FIELD_WORDS or find_dates(f) or _SENTENCE_END.search(f)
                             for f in others):
        return None
    return days[0]


# A dateline opens with one or two words (two cities of a joint desk: "Madrid/Rabat"), a separator
# and a digit or a word and a digit (a quick test before reading the date).
DATELINE_HEAD = re.compile(r"\W*[^\W\d_]+(?:[ /-][^\W\d_]+)?\s*[–—\-,،:]\s*(?:\d|[^\W\d_]+\s*[\d,،])")
DATELINE_PREFIX = re.compile(r"^\W*[^\W\d_]+(?:[ /-][^\W\d_]+)?\s*[–—\-,،:]\s*$")
# "الرباط في ١٤ مايو ٢٠٢٥ /العمانية/ -": a city, "في", the date (the Gulf agencies' dateline)
DATELINE_FI = re.compile(r"^\W*([^\W\d_]+(?:[ -][^\W\d_]+)?)\s+في\s+(?=\d)")


def dateline(paragraph: str) -> tuple[date, str] | None:
    """The day of a dateline opening a paragraph: "الرباط – 12 شتنبر 2025 - استقبل …"."""
    head = paragraph[:80]
    fi = DATELINE_FI.match(head)
    if fi:
        from crawler.gazetteer import find_cities  # the gazetteer loads on first use only

        if not any(c.start == 0 for c in find_cities(fi.group(1))):
            fi = None
    if not fi and not DATELINE_HEAD.match(head):
        return None
    mentions = find_dates(head)
    if not mentions or mentions[0].kind not in ("explicit", "numeric") or not mentions[0].year:
        return None
    m = mentions[0]
    if not (fi and m.start == fi.end() or DATELINE_PREFIX.match(head[:m.start])):
        return None
    resolved = resolve(m, None)
    return (resolved.date, m.raw) if resolved.date else None


def _near_headline(headline, comments: dict | None = None) -> tuple[Found, Found]:
    """The structured date (`<time>`, RDFa, microdata) and the visible one (a date line, a
    dateline) beside the headline: after it down to the first body paragraph, else just before.
    `comments`: the comment children of each element, for a tree parsed without them."""
    comments = comments or {}
    structured, visible = None, None
    after = headline.xpath(f"following::*[position() <= {WINDOW_AFTER}]")
    before = list(reversed(headline.xpath(f"preceding::*[position() <= {WINDOW_BEFORE}]")))  # nearest first
    memo: dict = {}
    for where, elements in (("after", after), ("before", before)):
        for el in elements:
            # containers (many children) are read through their children
            if not isinstance(el.tag, str) or el.tag in ("script", "style") \
                    or len(el) + comments.get(el, 0) > MAX_CHILDREN:
                continue
            if _boilerplate(el, memo):
                continue
            text = " ".join(el.text_content().split())
            if where == "after" and el.tag == "p" and visible is None:
                found = dateline(text)  # a dateline opens a first paragraph of any length
                if found:
                    visible = PublishedDate(found[0].isoformat(), found[0], found[1], "dateline")
            if where == "after" and el.tag == "p" and len(text) > BODY_PARAGRAPH:
                break
            if (structured is None and el.tag == "abbr" and el.get("title")
                    and _htmldate().is_date_candidate(el)):
                parsed = parse_machine_date(el.get("title"))  # <abbr class="published" title=…>
                if parsed:
                    structured = PublishedDate(parsed[0], parsed[1], el.get("title"), "time")
            if structured is None and el.tag == "time" and el.get("datetime"):
                if not UPDATED.search((el.get("class") or "") + " " + text[:20]):
                    parsed = parse_machine_date(el.get("datetime"))
                    if parsed:
                        structured = PublishedDate(parsed[0], parsed[1], el.get("datetime"), "time")
            if structured is None and (el.get("property") or el.get("itemprop")):
                structured = _structured(el)
            if visible is None and len(text) <= MAX_DATE_LINE:
                found = date_line(text)
                if found:
                    visible = PublishedDate(found[0].isoformat(), found[0], found[1], "date_line")
        if structured or visible:
            break
    return structured, visible


Found = PublishedDate | None


def _from_html(body: str, title: str | None, url: str | None) -> tuple[Found, Found]:
    """The page's date, and the date of its URL (the one it declares, else `url`)."""
    tree = parse_html(body)
    if tree is None:
        return None, url_date(url)
    return _from_tree(tree, body, title, url)


class OwnParseNeeded(Exception):
    """`from_tree` was given a tree without its comments and reached a step that counts them."""


def from_tree(tree, body: str, title: str | None, url: str | None,
              comments: dict) -> tuple[Found, Found] | None:
    """What `publication_date` reads from a page (its date, its URL's date), on a tree parsed
    once for extraction and the dates: `tree` is `parse_html(body)` without its comments and
    processing instructions (crawler.extract.html parses the page once and strips them), and
    `comments` counts, per element, the comments and instructions it held. Every step reads
    elements only but two, which count the children of an element (`MAX_CHILDREN`: with
    `comments` added, the same count) and the first `DATE_ELEMENT_REACH` nodes of the page or
    article (`_date_element`, on pages that reach it: the last resort). On a page with comments
    that reaches the latter, None: the caller parses the page (`publication_date`). The same
    result as `publication_date`'s own parse otherwise (tests/test_dates_published.py)."""
    try:
        return _from_tree(tree, body, title, url, comments)
    except OwnParseNeeded:
        return None


def _from_tree(tree, body: str, title: str | None, url: str | None,
               comments: dict | None = None) -> tuple[Found, Found]:
    """`_from_html` on a parsed page; `comments` as for `from_tree` (None: `tree` has them)."""
    published, modified = _meta(tree)
    found = published or _jsonld(tree, body)
    declared = _page_url(tree) if "canonical" in body or "og:url" in body else None
    in_url = url_date(declared or url)
    structured = visible = None
    if found is None or _late_utc(found.value) or (in_url and in_url.day != found.day):
        headline = _headline(tree, title)
        if headline is not None:
            structured, visible = _near_headline(headline, comments)
    found = found or structured
    if found is None:
        if visible:
            return visible, in_url
        found = _structured_anywhere(tree)
        if found is None:
            if comments:  # it counts the nodes it reads, comments included
                raise OwnParseNeeded
            visible = _date_element(tree, headline)
            if visible is not None:
                return visible, in_url
            found = modified
        if found is None:
            return None, in_url
    # a metadata timestamp late in the UTC evening against the next day, visible or in the URL
    for other in (visible, in_url):
        if other and _late_utc(found.value) and (other.day - found.day).days == 1:
            return other, in_url
    # a metadata day the URL contradicts, against a visible date that agrees with the URL
    if in_url and in_url.day != found.day and visible and visible.day == in_url.day:
        return visible, in_url
    return found, in_url


def _date_element(tree, headline) -> PublishedDate | None:
    """A date line in an element htmldate takes for a date's (`class="date"`, `post-meta`,
    `itemprop="dateCreated"`, `byline`…) after the headline (the whole page without one), away
    from its neighbourhood: below the body, in the article's footer line."""
    memo: dict = {}
    article = next(headline.iterancestors("article"), None) if headline is not None else None
    if article is not None:  # the headline's <article>: what follows the headline in it
        elements = list(article.iter())
        elements = elements[elements.index(headline) + 1:]
    elif headline is not None:
        elements = headline.xpath(f"following::*[position() <= {DATE_ELEMENT_REACH}]")
    else:
        elements = list(tree.iter())
    is_candidate = _htmldate().is_date_candidate
    for el in elements[:DATE_ELEMENT_REACH]:
        if not isinstance(el.tag, str) or el.tag in ("script", "style") or not is_candidate(el):
            continue
        if el.tag in BOILERPLATE_TAGS or _boilerplate(el, memo):
            continue
        if el.tag == "abbr" and el.get("title"):
            parsed = parse_machine_date(el.get("title"))
            if parsed:
                return PublishedDate(parsed[0], parsed[1], el.get("title"), "time")
        text = " ".join(el.text_content().split())
        found = date_line(text) if len(text) <= MAX_DATE_LINE else None
        if found:
            return PublishedDate(found[0].isoformat(), found[0], found[1], "date_line")
    return None


def _page_url(tree) -> str | None:
    """The page's own URL as it declares it (`<link rel="canonical">`, `og:url`)."""
    for el in tree.iter("link", "meta"):
        if el.tag == "link" and (el.get("rel") or "").lower() == "canonical":
            href = (el.get("href") or "").strip()
        elif el.tag == "meta" and el.get("property") == "og:url":
            href = (el.get("content") or "").strip()
        else:
            continue
        if href:
            return href
    return None


URL_DATE = re.compile(r"(?<![\d])(20\d\d)([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d])")


def url_date(url: str | None) -> PublishedDate | None:
    """The day in a page URL's path (`/2024/11/25/`, `/2024-11-25-slug`), a weak source: only web
    URLs (a saved file's name is not the page's URL)."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    path = url.split("://", 1)[1].partition("/")[2].split("?")[0]
    m = URL_DATE.search(path)
    if not m:
        return None
    try:
        day = date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None
    return PublishedDate(day.isoformat(), day, m.group(0), "url")


def _late_utc(value: str) -> bool:
    """A timestamp late in the UTC evening (from LATE_UTC_HOUR, whatever offset it is written
    in): the page's own day (Morocco is UTC+1, the Gulf UTC+3/+4) may be the next."""
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return False
    if dt.utcoffset() is None:
        return False
    utc = dt.astimezone(UTC)
    return utc.hour >= LATE_UTC_HOUR or utc.date() > dt.date()


def _excerpt(line: str) -> bool:
    return line.endswith(("...", "…", "[…]", "[...]"))


def _from_text(body: str, title: str | None) -> PublishedDate | None:
    """A text dump: the date line (or dateline) between the headline and the first body
    paragraph, or just above the headline. Teaser excerpts (ending in "...") bound the search,
    so their dates, the ticker and a top-bar "today" date are never read."""
    lines = [" ".join(ln.split()) for ln in body.splitlines()]
    lines = [ln for ln in lines if ln]
    key = fold(title).strip() if title else None
    # the headline followed by the body; without a known headline, the first body paragraph
    starts = [i for i, ln in enumerate(lines) if key and fold(ln).strip() == key]
    anchor = None
    spans = [(i, min(len(lines), i + TEXT_WINDOW_AFTER)) for i in reversed(starts)] + [(0, len(lines))]
    # a short report has no long paragraph: then its first one of a sentence's length after the headline
    for least, where in ((BODY_PARAGRAPH, spans), (SHORT_PARAGRAPH, spans[:-1])):
        for start, reach in where:
            first = start + 1 if least == SHORT_PARAGRAPH else start
            anchor = next((i for i in range(first, reach)
                           if len(lines[i]) > least and not _excerpt(lines[i])), None)
            if anchor is not None:
                break
        if anchor is not None:
            break
    if anchor is None:
        return None
    found = dateline(lines[anchor])
    if found:
        return PublishedDate(found[0].isoformat(), found[0], found[1], "dateline")
    headline = max((i for i in starts if i < anchor), default=None)
    above = None  # a date line above the headline: a site's header may show today's date there
    for i in range(anchor - 1, max(-1, anchor - 1 - TEXT_WINDOW_BEFORE), -1):
        if len(lines[i]) > BODY_PARAGRAPH or _excerpt(lines[i]):
            break
        found = date_line(lines[i]) or fielded_date_line(lines[i])
        if found and headline is not None and i < headline:
            above = PublishedDate(found[0].isoformat(), found[0], found[1], "date_line")
            break
        if found:
            return PublishedDate(found[0].isoformat(), found[0], found[1], "date_line")
        found = dateline(lines[i])  # a short first paragraph opening with a dateline
        if found:
            return PublishedDate(found[0].isoformat(), found[0], found[1], "dateline")
    # the closing publication line under the body wins over a date above the headline
    return _closing_line(body) or above


def _closing_line(body: str) -> PublishedDate | None:
    """A dump whose date comes after its body ("Publié le 18/06/2025 à 16:40", "Par La Rédaction ·
    Le 03/03/2025 à 18h05" under the last paragraph or its share buttons): the first date line
    within `TEXT_TAIL_WINDOW` lines of the body's end (the text-dump extractor's body run). A
    header (comments, related links, most read, tags), a teaser or another paragraph ends the
    search: their dates are never the article's."""
    from crawler.extract.textdump import body_span, classify  # the extractor's own reading of lines

    lines = [classify(s) for s in (raw.strip() for raw in body.splitlines()) if s]
    span = body_span(lines)
    if span is None:
        return None
    headed = False  # a header (tags, related links) came: only a labelled line may follow
    for k, line in enumerate(lines[span[1]:span[1] + TEXT_TAIL_LABELLED_WINDOW]):
        if k >= TEXT_TAIL_WINDOW and not headed:
            return None
        found = date_line(line.text) or (None if headed else fielded_date_line(line.text))
        if found and (not headed or PUBLISHED_LABEL.match(line.text)):
            return PublishedDate(found[0].isoformat(), found[0], found[1], "date_line")
        if found or line.kind == "body" or find_dates(line.text):
            return None  # another paragraph, or a dated teaser: the dates below are theirs
        if line.kind in ("marker", "teaser", "bullet"):
            headed = True
    return None


def _jan1_unsaid(day: date, body: str) -> bool:
    """htmldate and trafilatura turn a date they cannot read into YYYY-01-01: a January 1st
    the page itself does not say is no date."""
    if (day.month, day.day) != (1, 1):
        return False
    if day.isoformat() in body:
        return False
    return not any(resolve(m, None).date == day for m in find_dates(body) if m.year == day.year)


def publication_date(body: str | None, kind: str | None, extracted=None,
                     url: str | None = None, page: tuple[Found, Found] | None = None) -> PublishedDate | None:
    """The publication date of a decoded document (`kind` `html` or `text`), or None.

    `extracted` is the extraction result (`title`, and `date_candidates`: (source, raw) pairs
    found by the extractor, used late, without a January 1st the page does not say). `url`: the
    page's URL; its date (`/2024/11/25/`) is the last source, after the page's declared URL's.
    `page`: what `from_tree` read on the extraction's parse of this page (`kind` html), which
    saves parsing it again.
    """
    if not body:
        return None
    title = getattr(extracted, "title", None)
    if kind == "html":
        found, in_url = page if page is not None else _from_html(body, title, url)
    else:
        found, in_url = _from_text(body, title), url_date(url)
    if found:
        return found
    for _source, raw in getattr(extracted, "date_candidates", None) or []:
        parsed = parse_machine_date(raw)
        if parsed and not _jan1_unsaid(parsed[1], body):
            return PublishedDate(parsed[0], parsed[1], raw, "extracted")
    return in_url
