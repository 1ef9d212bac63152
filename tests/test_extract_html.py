"""HTML extraction on made-up pages (tests/fixtures/extract/html): passes, read-also, titles."""

from __future__ import annotations

import pytest
import yaml
from lxml import html as lxml_html
from trafilatura.metadata import extract_author

from crawler.extract import extract_html
from crawler.extract.html import clean_author, clean_title, delayout, drop_read_also
from crawler.extract.lang import detect_lang
from tests.conftest import FIXTURES

PAGES = FIXTURES / "extract" / "html"
EXPECTED = yaml.safe_load((FIXTURES / "extract" / "html.yaml").read_text(encoding="utf-8"))

PARA = ("استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني اليوم بالرباط المفتش العام للشرطة "
        "الذي يقوم بزيارة عمل إلى المملكة على رأس وفد أمني رفيع المستوى.")


def page(body: str) -> str:
    return f'<html><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_made_up_pages(name):
    want = EXPECTED[name]
    got = extract_html((PAGES / name).read_text(encoding="utf-8"), f"https://example.org/{name}")
    assert got.title == want["title"]
    assert got.method == want["method"]
    if "author" in want:
        assert got.author == want["author"]
    for keep in want["keeps"]:
        assert keep in got.text, f"{name}: body lost: {keep}"
    for junk in want["drops"]:
        assert junk not in got.text, f"{name}: boilerplate kept: {junk}"
    assert not got.text.startswith(want["title"]), "the headline is the title, not the text's first line"


def test_table_layout_paragraphs_stay_apart():
    got = extract_html((PAGES / "table_layout.html").read_text(encoding="utf-8"))
    assert len(got.text.splitlines()) == 3


@pytest.mark.parametrize("snippet, removed", [
    ('<p><strong>اقرأ أيضا:</strong> <a href="/x">حجز أطنان من الشيرا بالعرائش</a></p>', 1),
    ('<p><em>Lire aussi : <a href="/x">Saisie record au port</a></em></p>', 1),
    ('<p>Read also: <a href="/x">How police track fugitives</a></p>', 1),
    ('<h3>مقالات ذات صلة</h3><ul><li><a href="/a">خبر أول</a></li><li><a href="/b">خبر ثان</a></li></ul>', 2),
    ('<div class="inline-related"><span>إقرأ أيضاً</span><ul><li><a href="/a">خبر أول عن الأمن</a></li>'
     '<li><a href="/b">خبر ثان عن الرياضة</a></li></ul></div>', 1),
    ('<p>À LIRE AUSSI : <a href="/x">Saisie record au port de Tanger Med</a></p>', 1),
    # a body paragraph that only starts with the words, without a link, stays
    ('<p>ذات صلة بالموضوع، أكد المسؤول أن التعاون سيتواصل خلال السنوات المقبلة.</p>', 0),
    # a label followed by body text with a small link inside is not a read-also block
    ('<p>Voir aussi le communiqué de la <a href="/d">DGSN</a> publié hier, qui détaille les '
     "mesures prises par les services pour sécuriser la compétition et les supporters.</p>", 0),
])
def test_drop_read_also(snippet, removed):
    tree = lxml_html.fromstring(page(f"<article><p>{PARA}</p>{snippet}<p>{PARA}</p></article>"))
    assert drop_read_also(tree) == removed
    assert tree.text_content().count(PARA) == 2


def test_delayout_turns_cells_into_blocks_and_breaks_into_paragraphs():
    tree = lxml_html.fromstring(page(f"<table><tr><td>{PARA}<br><br>{PARA}<br /><br />"
                                     f"<b>{PARA}</b></td></tr></table>"))
    delayout(tree)
    assert not tree.xpath("//table|//tr|//td")
    assert [p.text_content() for p in tree.iter("p")] == [PARA, PARA, PARA]


@pytest.mark.parametrize("title, outlet, headings, want", [
    ("حموشي يستقبل سفير اليابان - أخبار الساحل", "أخبار الساحل", [], "حموشي يستقبل سفير اليابان"),
    ("Le Courrier :: Hammouchi reçoit", "Le Courrier", [], "Hammouchi reçoit"),
    ("صوت الريف :: حموشي يستقبل سفير اليابان", None, ["حموشي يستقبل سفير اليابان"],
     "حموشي يستقبل سفير اليابان"),
    ("Tanger : Hammouchi inaugure un commissariat", "Le Courrier", [],
     "Tanger : Hammouchi inaugure un commissariat"),
    (None, "x", [], None),
])
def test_clean_title(title, outlet, headings, want):
    assert clean_title(title, outlet, headings) == want


@pytest.mark.parametrize("author, outlet, want", [
    ("بواسطة رشيد العلمي", None, "رشيد العلمي"),
    ("مدار; يوسف البقالي", "مدار 24", "يوسف البقالي"),
    ("Par Yasmine Berrada", "Le Courrier", "Yasmine Berrada"),
    ("هيئة التحرير", "أخبار الساحل", "هيئة التحرير"),
    ("الرباط سعاد البقالي", None, "سعاد البقالي"),
    ("طنجة: مراسل الموقع", None, None),
    ("وكالات", None, None),
    ("Belga", "La Gazette", None),
    ("Correspondant à Rabat", None, None),
    (None, None, None),
])
def test_clean_author(author, outlet, want):
    assert clean_author(author, outlet) == want


def test_empty_or_markup_free_input_gives_empty_text():
    assert extract_html("").text == ""
    assert extract_html("<html><body></body></html>").method == "none"


@pytest.mark.parametrize("text, declared, want", [
    (PARA, None, "ar"),
    ("Le directeur général de la Sûreté nationale a reçu ce mardi à Rabat le chef de la police "
     "fédérale suisse, en visite de travail au Maroc.", None, "fr"),
    ("The Director General of National Security received on Thursday in Rabat the head of the "
     "Belgian federal judicial police.", None, "en"),
    ("", "fr-FR", "fr"),
    ("", None, None),
])
def test_detect_lang(text, declared, want):
    assert detect_lang(text, declared) == want


def test_pages_carry_their_language():
    langs = {name: extract_html((PAGES / name).read_text(encoding="utf-8")).lang for name in EXPECTED}
    assert langs == {"modern.html": "ar", "table_layout.html": "ar", "fr_read_also.html": "fr"}


def test_a_commenter_is_not_the_byline():
    comments = ("<section class='site-comments' id='reactions'><h2>Réactions (1)</h2><ul>"
                "<li class='site-comment'><div class='site-comment__head'>"
                "<span class='site-comment__author'>Paul R.</span></div>"
                "<p>Très bonne nouvelle pour les deux pays.</p></li></ul></section>")
    html = ("<html><head><title>x</title></head><body><article><h1>Hammouchi reçoit le chef de la police"
            f"</h1><p>{PARA}</p>{comments}</article></body></html>")
    assert extract_author(lxml_html.fromstring(html)) == "Paul R"  # what trafilatura alone would say
    assert extract_html(html).author is None
