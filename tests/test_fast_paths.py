"""Fast paths give what the plain form they replace gives (issue 15: no output changes)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler import textnorm
from crawler.documents import has_crowded_tag, most_attributes
from crawler.meetings.people import split_outside_brackets

# The sentence end as first written: the abbreviations' look-behinds before the one-character one.
PLAIN_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in textnorm._NO_END_AFTER) + r"(?<=[.!?؟])\s+|\n+")

sentence_text = st.lists(st.sampled_from([*"ab MmeDrMrsSt.!?؟\n لي", "Mme. ", "M. ", "Dr. ", "J. ", "St. ",
                                          "Lt. ", "Gen. ", "Pr. ", "Prof. "]),
                         max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(sentence_text)
def test_sentence_end_matches_the_plain_regex(text):
    assert [m.span() for m in textnorm._SENTENCE_END.finditer(text)] == \
        [m.span() for m in PLAIN_SENTENCE_END.finditer(text)]


tag_text = st.lists(st.sampled_from([*"<>=a B\"1", "<a ", "<p ", "x=", "=="]), max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(tag_text, st.integers(min_value=0, max_value=5))
def test_crowded_tag_is_most_attributes_over_the_limit(text, limit):
    assert has_crowded_tag(text, limit) == (most_attributes(text) > limit)


def _plain_split(sentence: str) -> list[str]:
    """The character loop `split_outside_brackets` replaced."""
    parts, depth, cur = [], 0, []
    for ch in sentence:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        if depth == 0 and ch in "،,;؛":
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*"(（)）،,;؛ ab", "مع", "السيد"]), max_size=30).map("".join))
def test_split_outside_brackets_is_the_character_loop(sentence):
    assert split_outside_brackets(sentence) == _plain_split(sentence)


def _plain_match_fold_map(text: str):
    t = text.translate(textnorm._MATCH_TABLE)
    if textnorm._DROPPED not in t:
        return t, None
    return t.replace(textnorm._DROPPED, ""), [i for i, c in enumerate(t) if c != textnorm._DROPPED]


def _plain_fold(text: str) -> str:
    t = textnorm.strip_marks(text).translate(textnorm._LETTERS).translate(textnorm.EASTERN_DIGITS).lower()
    return " ".join(re.sub(r"[^\w\s]|_", " ", t).split())


# Arabic with its hamza forms, marks, tatweel and digits; Latin with accents and case; punctuation.
fold_text = st.text(alphabet=[*"أإآٱىةؤئیکڭاب جدًٌٍَُِّْـ٠١٩۰۹", *"AaÉéÀàçÇ’`´-.,!?_ 0", "\u0640"], max_size=600)


@settings(max_examples=150, deadline=None)
@given(fold_text)
def test_match_fold_map_is_its_translate_table(text):
    assert textnorm.match_fold_map(text) == _plain_match_fold_map(text)


@settings(max_examples=150, deadline=None)
@given(fold_text)
def test_fold_is_its_plain_form(text):
    assert textnorm.fold(text) == _plain_fold(text)


# the same letters with runs of spaces of every kind (a no-break space, tabs, line breaks) and
# punctuation that folds to a space, at the ends too
spaced_text = st.lists(st.sampled_from([*"أإىةبـًا aÉé", " ", "   ", "\u00a0", "\t", "\n", "،", ",", "«", "-",
                                        "_"]), max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(spaced_text, st.booleans())
def test_fold_map_is_its_character_loop(text, accents):
    assert textnorm.fold_map(text, accents) == textnorm._fold_map_slow(text, accents)


def _html_pages() -> list[str]:
    """Every HTML page under tests/fixtures and ../shared/corpus/dev (when present), decoded as
    UTF-8 with replacement characters (the bytes' own charset is the decoder's job)."""
    from tests.conftest import FIXTURES, SHARED

    files = sorted(FIXTURES.rglob("*.htm*")) + sorted((SHARED / "corpus" / "dev").glob("*.htm*"))
    return [f.read_bytes().decode("utf-8", "replace") for f in files]


markup = st.lists(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div class='a'>", "</div>", "<form>",
                                   "<input name=x>", "<!-- c -->", "<?pi x?>", "&amp;", "&nbsp;", "<br/>",
                                   '<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE html>", "<html/>",
                                   "\x00", "\n", "نص", "text"]), max_size=25).map("".join)


@settings(max_examples=200, deadline=None)
@given(markup)
def test_load_html_is_trafilaturas(html):
    _assert_same_tree(html)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["<!DOCTYPE html>", "<html>", " <!doctype html>\n<html lang=ar>", "<!DOCTYPE html "
                        'PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html>']), markup)
def test_load_html_is_trafilaturas_on_documents_with_comments(start, html):
    """A whole document is parsed with its comments kept, then stripped of them (load_html)."""
    _assert_same_tree(start + html)


def test_load_html_is_trafilaturas_on_every_page():
    pages = _html_pages()
    assert len(pages) >= 20
    for html in pages:
        _assert_same_tree(html)


def _assert_same_tree(html: str) -> None:
    """crawler.extract.html.load_html (its parser picks element classes in C) parses `html` into
    the tree trafilatura's `load_html` gives, every element an HtmlElement."""
    from lxml import etree
    from lxml import html as lxml_html
    from trafilatura.utils import load_html as trafilatura_load_html

    from crawler.extract.html import load_html

    ours, theirs = load_html(html), trafilatura_load_html(html)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")
        assert all(isinstance(el, lxml_html.HtmlElement) for el in ours.iter(etree.Element))


def _first_order(html: str, url: str | None):
    """The text passes as first written: the precise pass (its comparison where it could change
    the text), then the layout pass, then the recall pass."""
    from crawler.extract import html as extract

    tree = extract._parse(html)
    extract.drop_read_also(tree)
    doc = extract._bare(tree, url, favor_precision=True, fast=True)
    short = doc is None or len(doc.text or "") < extract.COMPARE_BELOW_CHARS
    if short or extract._needs_comparison(doc.body):
        doc = extract._bare(tree, url, favor_precision=True)
    method = "precision"
    for name, layout, options in (("layout", True, {"favor_precision": True, "fast": True}),
                                  ("recall", False, {"favor_recall": True, "fast": True})):
        if doc is not None and len(doc.text or "") >= extract.MIN_TEXT_CHARS:
            break
        other = extract._pass(tree, url, layout=layout, **options)
        if other is not None and len(other.text or "") > len((doc and doc.text) or ""):
            doc, method = other, name
    return (doc.text if doc is not None else None), method


def _main_text(html: str, url: str | None):
    from crawler.extract import html as extract

    tree = extract._parse(html)
    extract.drop_read_also(tree)
    doc, method = extract._main_text(tree, url)
    return (doc.text if doc is not None else None), method


def test_layout_first_is_the_first_order_on_every_page():
    """A table layout goes to the layout pass before the precise pass's comparison: the same text
    and pass as in the first order on every fixture and dev page, the layouts among them."""
    from crawler.extract.html import _parse, table_layout

    pages = _html_pages()
    layouts = [html for html in pages if (tree := _parse(html)) is not None and table_layout(tree)]
    assert len(layouts) >= 2
    for html in pages:
        assert _main_text(html, None) == _first_order(html, None)


PARAGRAPHS = [
    "بحث المدير العام للأمن الوطني ولمراقبة التراب الوطني بالرباط مع المدير الوطني للشرطة سبل تعقب"
    " الشبكات الإجرامية التي تستعمل الموانئ لتهريب المخدرات وتبادل المعلومات حول المبحوث عنهم.",
    "وتطرق الجانبان إلى آليات تسريع تبادل المعلومات وتسليم المطلوبين للعدالة في البلدين، وإلى تعزيز"
    " التعاون في تتبع الأموال المتحصلة من الأنشطة الإجرامية.",
    "Le directeur général de la police a reçu à Rabat son homologue, avec qui il a examiné la coopération"
    " contre le terrorisme et le crime organisé, ainsi que l'échange d'informations opérationnelles.",
    "The two officials discussed the exchange of information on wanted persons and the tracking of"
    " criminal networks that use European ports to smuggle drugs, and agreed to meet regularly.",
]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=5),
       st.sampled_from(["<br><br>", "<br>", "<br>\n<br>", "<p>"]),
       st.sampled_from(["div", "td", "span", "font"]),
       st.sampled_from(["", "<p>كل الحقوق محفوظة للموقع وناشريه ولا يجوز النقل دون إذن</p>",
                        "<div class='comments'><p>تعليق</p></div>"]))
def test_layout_first_is_the_first_order_on_made_up_layouts(paragraphs, separator, holder, after):
    text = "".join(f"<p>{p}</p>" for p in paragraphs) if separator == "<p>" else separator.join(paragraphs)
    held = text if holder == "td" else f"<{holder} class='news_text'>{text}</{holder}>"
    menu = "".join(f'<td><a href="/c/{i}">قسم {i}</a></td>' for i in range(8))
    side = "".join(f'<tr><td><a href="/n/{i}">خبر آخر رقم {i} في الموقع</a></td></tr>' for i in range(10))
    html = (f"<html><head><title>خبر</title></head><body><table width=980><tr>{menu}</tr><tr><td>"
            f"<table><tr><td width=690><b>عنوان الخبر</b><br>{held}</td><td width=270><table>{side}</table>"
            f"</td></tr></table></td></tr><tr><td class=footer>copyright</td></tr></table>{after}"
            "</body></html>")
    assert _main_text(html, "https://news.example/a.html") == _first_order(html, "https://news.example/a.html")


ATTRIBUTE_PIECES = ["mvp-post-add-box", "mvp-post-add-wrap", "mvp-post-add", "infinite-scroll",
                    "infinitescroll", "Infinite-Scroll", "infinite", "scroll", "elementor-share-buttons",
                    "elementor-widget", "share-buttons", "post", "add-box", "-", " ", "_"]
attribute_value = st.lists(st.sampled_from(ATTRIBUTE_PIECES), max_size=4).map("".join)
element = st.tuples(st.sampled_from(["div", "section", "aside", "span", "p"]), attribute_value,
                    attribute_value, st.booleans())


@settings(max_examples=200, deadline=None)
@given(st.lists(element, min_size=1, max_size=6))
def test_raw_prune_is_skipped_only_where_it_prunes_nothing(elements):
    """Where `raw_prune_where_needed` skips trafilatura's raw-tree prune (no id or class holds
    what it looks for), none of its XPaths (trafilatura's own, as installed) finds an element."""
    from crawler.extract.html import _IDS_AND_CLASSES, RAW_PRUNE_NEEDS, RAW_PRUNE_XPATH, _parse

    inner = "".join(f'<{tag} id="{i}" class="{c}">{"<h1>t</h1>" if h1 else ""}texte</{tag}>'
                    for tag, i, c, h1 in elements)
    tree = _parse(f"<html><body><div>{inner}</div><p>fin</p></body></html>")
    if not RAW_PRUNE_NEEDS.search("\n".join(_IDS_AND_CLASSES(tree))):
        assert not any(expression(tree) for expression in RAW_PRUNE_XPATH)


def test_raw_prune_is_put_back():
    import trafilatura.core

    from crawler.extract.html import RAW_PRUNE_XPATH, _parse, raw_prune_where_needed

    plain = _parse("<html><body><div class='a'>x</div><p>y</p></body></html>")
    scrolling = _parse("<html><body><div class='infinite-scroll'>x</div><p>y</p></body></html>")
    with raw_prune_where_needed(scrolling):
        assert trafilatura.core.RAW_TREE_PRUNE_XPATH is RAW_PRUNE_XPATH
    with pytest.raises(ZeroDivisionError), raw_prune_where_needed(plain):
        assert trafilatura.core.RAW_TREE_PRUNE_XPATH == []
        raise ZeroDivisionError
    assert trafilatura.core.RAW_TREE_PRUNE_XPATH is RAW_PRUNE_XPATH
    assert len(RAW_PRUNE_XPATH) == 2


def test_pages_with_an_infinite_scroll_keep_their_prune():
    """A page holding a follow-up article in an infinite-scroll container: the prune runs, and
    the follow-up is not in the text."""
    from crawler.extract import extract_html

    body = "".join(f"<p>La coopération sécuritaire entre les deux pays a été au centre de l'entretien"
                   f" {i}, consacré aussi à la lutte contre le terrorisme et le crime.</p>" for i in range(4))
    follow = "".join(f"<p>Un autre article sans rapport, paragraphe numéro {i}, sur la météo du week-end "
                     "dans le nord du pays et les prévisions.</p>" for i in range(6))
    html = (f"<html><body><article><h1>Titre</h1>{body}</article>"
            f"<div class='mvp-post-add-box'><article><h2>Autre</h2>{follow}</article></div></body></html>")
    text = extract_html(html).text
    assert "entretien 0" in text and "météo" not in text


lang_text = st.text(alphabet=[*"abcéÉ ٠١2_-.,'²½Ⅻلقاءۿݐ", "\u08a0", "\u064b", "ـ", "\n"], max_size=300)


@settings(max_examples=200, deadline=None)
@given(lang_text)
def test_letter_counts_are_findalls(text):
    from crawler.extract import lang
    from crawler.textnorm import ARABIC_RE

    assert len(lang._NOT_LETTER.sub("", text)) == len(re.findall(r"[^\W\d_]", text))
    assert len(lang._NOT_ARABIC.sub("", text)) == len(ARABIC_RE.findall(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["اقرأ أيضا", "Lire aussi", "word", " ", "  ", ":", " - ", "\t"]),
                max_size=60).map("".join))
def test_read_also_line_is_its_plain_form(line):
    from crawler.extract.vocab import _READ_ALSO_SEPARATOR, MAX_READ_ALSO_WORDS, vocab

    words = vocab()
    head = _READ_ALSO_SEPARATOR.split(line, 1)
    plain = (not (len(head) < 2 or len(line.split()) > MAX_READ_ALSO_WORDS)
             and textnorm.fold(head[0]) in words.read_also)
    assert words.is_read_also_line(line) == plain
