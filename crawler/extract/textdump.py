"""Main text of a text dump: a page's visible text, menus and teasers included.

A dump has no markup, so the body is found from the shape of its lines, as body-text extraction
does over tags (Finn et al., "BTE"): every line gets a score — a long line that ends a sentence
counts its words, anything else costs — and the body is the run of lines with the highest total
(a maximum-sum subarray). Menus, tickers and most-read lists are runs of short lines; teaser pairs
end in "..." or "…" and cost heavily; "ذات صلة" costs. The run never crosses a section header
("الأكثر قراءة", "مقالات ذات صلة", tags, comments: `data/boilerplate.yaml`), and once a body is
found it ends at the first header that only follows an article (tags, comments, related list), so
comments never outweigh it. Inside the run, labels, teasers, share lines and the headline of a
related link after a bare "ذات صلة" are dropped; subheadings are kept. The headline is the nearest
line above the body that looks like one (not a byline, a date, a share button).

Written here rather than taken from a library: trafilatura, justext and readability all need
markup (tags, link density) to tell boilerplate from body, which a dump no longer has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.extract.lang import detect_lang
from crawler.extract.result import Extracted, clean_author
from crawler.extract.vocab import Vocab, vocab
from crawler.textnorm import fold

# A body paragraph has at least this many words and ends a sentence.
MIN_BODY_WORDS = 12
# A line without final punctuation this long is still a paragraph (an outlet that drops periods).
MIN_UNPUNCTUATED_BODY_WORDS = 25
# A short sentence (a last paragraph of one line) neither counts nor costs much.
MIN_SENTENCE_WORDS = 5
# A headline has at least this many words (a byline name or a city has fewer).
MIN_TITLE_WORDS = 4
# How far above the body to look for the headline.
TITLE_WINDOW = 12
# A run this good before a tags/comments/related header is the article: the run ends there.
MIN_ARTICLE_SCORE = 2 * MIN_BODY_WORDS
# A related-link line after a "ذات صلة:" label is a headline, not a paragraph.
MAX_MARKER_WORDS = 25

TEASER_ENDS = ("...", "…", "..")
# … and an excerpt's elision mark ("… on border security [...]": the paragraph cut by whoever quoted it)
SENTENCE_ENDS = (".", "!", "?", "؟", ":", "»", '"', "”", ")", "۔", "؛", "[...]", "[…]")
BULLETS = ("•", "·", "▪", "►", "■", "●", "◄", "*", "-", "–", "—")
_WORD = re.compile(r"\w*[^\W\d_]\w*")
# a year may carry its era glued after it ("١٤٤٦هـ", "2025م")
_DATE_OR_TIME = re.compile(r"\b\d{4}(?:هـ|ه|م)?\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b")
# A dateline on a line of its own ("عمّان - الأربعاء ١٦ نيسان ٢٠٢٥", "الرباط في 14 مايو 2025"): a
# city, a dash or "في", a date. It opens the article (where its outlet writes from): the body keeps it.
_DATELINE_LINE = re.compile(
    r"^\W*([^\W\d_]+(?:[ -][^\W\d_]+)?)\s*(?:[–—-]|\sفي\s)\s*(?:\d|[^\W\d_]+[،,]?\s*\d)")
MAX_DATELINE_WORDS = 16
# share lines that may stand between a dateline and the paragraph it opens
DATELINE_GAP = 2
_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")

# A read-also label ("اقرأ أيضا: headline", or "ذات صلة:" above a headline) sits inside a body
# as often as after it: it costs little, so the body around it stays one run (the label and its
# headline are dropped afterwards). Section headers (share, tags, comments) cost the most.
INLINE_MARKER_SCORE = -5
READ_ALSO_LABEL_SCORE = -8
# a line of this many words or more, all share buttons but one, is a share widget
SHARE_MIN_WORDS = 4
SCORES = {"short": -3, "sentence": 1, "marker": -25, "bullet": -5, "share": -5, "byline": -3}


@dataclass
class Line:
    text: str
    kind: str
    words: int
    #: a marker with nothing after its label ("ذات صلة:"): the lines under it are its links
    bare: bool = False
    #: a marker of a section that never sits inside a body (share, tags, comments, most read)
    section: bool = False
    #: a section header the body never runs across (tags, comments, related, most read)
    barrier: bool = False
    #: a header that only follows an article (tags, comments, related): the body ends there
    ends_article: bool = False

    @property
    def score(self) -> int:
        if self.kind == "body":
            return self.words
        if self.kind == "teaser":
            return -10 - self.words
        if self.kind == "marker" and not self.section:
            return INLINE_MARKER_SCORE if not self.bare else READ_ALSO_LABEL_SCORE
        return SCORES[self.kind]


def classify(text: str, words: Vocab | None = None) -> Line:
    """What a (stripped, non-empty) line of a dump is: `body`, `sentence`, `short`, `teaser`,
    `marker` (read-also, share, tags, comments headers), `bullet` (ticker), `share`, `byline`."""
    words = words or vocab()
    n = len(_WORD.findall(text))
    key = fold(text)
    if text.endswith(TEASER_ENDS):
        return Line(text, "teaser", n)
    section = words.label_of(text, words.section)
    if section and (section[1] or n < MIN_BODY_WORDS):
        if section[0].split()[0] in words.share_words:  # "شارك المقال": a share widget's header,
            return Line(text, "share", n)  # which some layouts put between two paragraphs
        return Line(text, "marker", n, bare=section[1], section=True, barrier=True,
                    ends_article=section[0] in words.article_end)
    label = words.starts_with(words.read_also, key)
    if label and n <= MAX_MARKER_WORDS:
        return Line(text, "marker", n, bare=key == label)
    if text.startswith(BULLETS) and not text.startswith(("--", "...")):
        return Line(text, "bullet", n)
    ws = key.split() if key else []
    if ws and (all(w in words.share_words for w in ws)
               or len(ws) >= SHARE_MIN_WORDS and sum(w not in words.share_words for w in ws) == 1):
        # "فيسبوك تويتر واتساب تيلغرام": a row of networks, one of them spelt as no list has it
        return Line(text, "share", n)
    if n < MIN_BODY_WORDS and (words.starts_with(words.byline_prefixes, key)
                               or words.starts_with(words.desks, key)):
        return Line(text, "byline", n)
    ends = text.endswith(SENTENCE_ENDS)
    if (n >= MIN_BODY_WORDS and ends) or n >= MIN_UNPUNCTUATED_BODY_WORDS:
        return Line(text, "body", n)
    if n >= MIN_SENTENCE_WORDS and ends:
        return Line(text, "sentence", n)
    if _CREDIT_LINE.match(text) and _credit(text):
        # "(واس)" under the last paragraph: the dispatch's credit ends the body and says whose it is
        return Line(text, "sentence", n)
    return Line(text, "short", n)


_CREDIT_LINE = re.compile(r"^[(/][^()/]{1,12}[)/]\.?$")


def _credit(text: str) -> bool:
    from crawler.gazetteer.credits import find_credits  # the gazetteer loads on first use only

    return bool(find_credits(text))


def body_span(lines: list[Line]) -> tuple[int, int] | None:
    """[start, end) of the run of lines with the highest total score (Kadane), or None. A run
    never crosses a barrier: comments or a related list after the body never join it, however
    long their lines."""
    best, best_span = 0, None
    total, start = 0, 0
    for i, line in enumerate(lines):
        if line.ends_article and best >= MIN_ARTICLE_SCORE:
            break  # comments and related lists follow the article: never a body of their own
        if line.barrier:
            total, start = 0, i + 1
            continue
        if total <= 0:
            total, start = 0, i
        total += line.score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def is_dateline(line: Line) -> bool:
    """A line that is a dateline: a city (of the gazetteer), a dash or "في", then a date."""
    if line.kind not in ("short", "sentence") or line.words > MAX_DATELINE_WORDS:
        return False
    text = _TASHKEEL.sub("", line.text)  # "عمّان": a shadda is no letter
    m = _DATELINE_LINE.match(text)
    from crawler.gazetteer import find_cities  # the gazetteer loads on first use only
    from crawler.gazetteer.credits import find_credits

    if not m or not _DATE_OR_TIME.search(text):
        # "الرباط - قنا:", "أنقرة/ الأناضول", "الرباط 13 جمادى الآخرة 1446 هـ واس": a city and a news
        # agency's credit
        return bool(find_credits(text)) and any(c.start == 0 for c in find_cities(text))
    return any(c.start == 0 and c.end >= len(m.group(1).split()[0]) for c in find_cities(m.group(1)))


def _looks_like_title(line: Line) -> bool:
    if line.kind not in ("short", "sentence", "body") or line.words < MIN_TITLE_WORDS:
        return False
    return not (_DATE_OR_TIME.search(line.text) and line.words < 8) and not is_dateline(line)


def find_title(lines: list[Line], start: int) -> int | None:
    """Index of the headline: the nearest title-like line above the body. A line ending in a full
    stop is a standfirst under the headline, not the headline, unless no other line qualifies."""
    window = range(start - 1, max(start - TITLE_WINDOW, 0) - 1, -1)
    candidates = [i for i in window if _looks_like_title(lines[i])]
    for i in candidates:
        if not lines[i].text.endswith("."):
            return i
    return candidates[0] if candidates else None


def find_author(lines: list[Line], words: Vocab | None = None) -> str | None:
    """The byline among the lines between headline and body ("بقلم: name", "بواسطة" + name)."""
    words = words or vocab()
    for i, line in enumerate(lines):
        if line.kind != "byline":
            continue
        key = fold(line.text)
        desk = words.starts_with(words.desks, key)
        label = words.starts_with(words.byline_prefixes, key)
        if label:
            rest = re.sub(r"^\W*", "", line.text.split(None, len(label.split()))[-1]) \
                if line.words > len(label.split()) else ""
            if not rest and i + 1 < len(lines) and lines[i + 1].kind == "short" and lines[i + 1].words <= 4:
                rest = lines[i + 1].text
            rest_desk = words.starts_with(words.desks, fold(rest))
            if rest_desk:
                return _desk_as_written(rest, rest_desk)
            return clean_author(rest, None)
        if desk:
            return _desk_as_written(line.text, desk)
    return None


def _desk_as_written(text: str, desk: str) -> str:
    """The desk's words as the line writes them ("هيئة التحرير _ LES7TV" -> "هيئة التحرير")."""
    return " ".join(text.split()[: len(desk.split())])


def _snippet_body(lines: list[Line]) -> list[Line]:
    """An aggregator's snippet: a headline, a source line and one paragraph cut off with "…". When no
    line is a body and exactly one teaser-ended line is as long as a paragraph, that line is the
    body, truncated (a page of several teasers is a list of other articles and stays one).

    Otherwise, when no line is a body, lines as long as a paragraph that only lack their final
    punctuation (a rewrite or a copy that drops full stops) are the body: without them the dump
    would keep no text at all."""
    if any(ln.kind == "body" for ln in lines):
        return lines
    long_teasers = [i for i, ln in enumerate(lines) if ln.kind == "teaser" and ln.words >= MIN_BODY_WORDS]
    if len(long_teasers) > 1:
        return lines
    if not long_teasers:
        long_teasers = [i for i, ln in enumerate(lines) if ln.kind == "short" and ln.words >= MIN_BODY_WORDS]
    lines = list(lines)
    for i in long_teasers:
        lines[i] = Line(lines[i].text, "body", lines[i].words)
    return lines


def extract_text_dump(text: str) -> Extracted:
    """Keep the headline and the article body; drop menus, teaser pairs, related lists."""
    words = vocab()
    lines = _snippet_body([classify(s, words) for s in (raw.strip() for raw in text.splitlines()) if s])
    span = body_span(lines)
    if span is None:
        kept = [ln.text for ln in lines if ln.kind in ("body", "sentence")]
        body = "\n".join(kept)
        return Extracted(text=body, lang=detect_lang(body), method="textdump", dropped=len(lines) - len(kept))
    start, end = span
    above = start - 1
    while above > 0 and lines[above].kind == "share" and start - above <= DATELINE_GAP:
        above -= 1  # a share widget between the dateline and the first paragraph
    if above >= 0 and is_dateline(lines[above]):
        start = above  # the dateline just above the first paragraph opens the article
    t = find_title(lines, start)
    title = " ".join(lines[t].text.split()) if t is not None else None
    author = find_author(lines[t + 1 if t is not None else max(start - TITLE_WINDOW, 0):start], words)
    kept, under_marker = [], False
    title_key = fold(title or "")
    for line in lines[start:end]:
        if line.kind == "body":
            under_marker = False
        if line.kind == "marker":
            under_marker = line.bare
            continue
        if under_marker or line.kind in ("teaser", "bullet", "share", "byline"):
            continue
        if title_key and fold(line.text) == title_key:
            continue
        kept.append(line.text)
    body = "\n".join(kept)
    return Extracted(title=title, text=body, author=author, lang=detect_lang(body), method="textdump",
                     dropped=len(lines) - len(kept) - (t is not None))
