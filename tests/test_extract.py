"""Main text and headline: text dumps, table layouts, titles, in-body links; on frozen fixtures of
our own (tests/fixtures/extract) (the gold of ../shared is checked in test_extract_corpus.py)."""

from __future__ import annotations

import pytest

from crawler.extract import extract_html, extract_text_dump
from crawler.extract.html import clean_author, clean_title
from crawler.extract.textdump import classify
from tests.conftest import FIXTURES, crawl_reports

DUMP = (FIXTURES / "extract" / "dump-layout.txt").read_text(encoding="utf-8")
TABLE = FIXTURES / "extract" / "table-layout-cp1256.html"


def test_dump_keeps_headline_and_body_and_drops_the_rest():
    ex = extract_text_dump(DUMP)
    assert ex.title == "المجلس الجماعي يصادق على ميزانية السنة المقبلة بالإجماع"
    paragraphs = ex.text.split("\n")
    # the body whole, its subheading included, from its dateline and first paragraph to the last
    assert paragraphs[0] == "الرباط – الأربعاء 5 مارس 2025"
    assert paragraphs[1].startswith("صادق المجلس الجماعي للمدينة") and paragraphs[1].endswith("التجهيز.")
    assert "ميزانية موجهة للأحياء" in paragraphs
    assert paragraphs[-1].endswith("المشاريع المبرمجة.")
    for boilerplate in ("الحكومة تصادق", "افتتاح معرض الكتاب", "تساقطات ثلجية", "اقرأ أيضا", "Facebook",
                        "شارك المقال", "انطلاق أشغال تهيئة الكورنيش", "جميع الحقوق", "بقلم", "اتصل بنا"):
        assert boilerplate not in ex.text, boilerplate


DATELINES = [
    # a city (a country's homonym too), a dash or "في", a date: the article's dateline, kept
    ("بيروت - السبت 8 آذار 2025", True),
    ("عمّان – الخميس ٣ تموز ٢٠٢٥", True),
    ("جدة في ١٢ ربيع الأول ١٤٤٧هـ الموافق ٤ سبتمبر ٢٠٢٥م", True),
    ("Tunis - 14 mars 2025", True),
    # a date line of the outlet, a weekday, a headline: not a dateline
    ("الخميس - 14 مارس 2025", False),
    ("موقع الأطلس | 14 مارس 2025 - 10:20", False),
    ("حموشي يستقبل سفير البيرو - 2025", False),
]


@pytest.mark.parametrize("line, expected", DATELINES)
def test_a_dateline_line_opens_the_body_and_is_no_headline(line, expected):
    body = ("استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني اليوم سفير البيرو بالرباط وتباحث معه "
            "حول التعاون.")
    ex = extract_text_dump(f"حموشي يستقبل سفير البيرو بالرباط\n{line}\n{body}\n")
    assert ex.title == "حموشي يستقبل سفير البيرو بالرباط"
    assert ex.text.startswith(line) is expected
    assert ex.text.endswith(body)


def test_dump_without_a_long_paragraph_keeps_what_is_not_furniture():
    ex = extract_text_dump("حموشي يستقبل سفير اليابان بالرباط\nFacebook\nاستقبل حموشي اليوم سفير اليابان.\n")
    assert ex.title == "حموشي يستقبل سفير اليابان بالرباط"
    assert ex.text == "استقبل حموشي اليوم سفير اليابان."


@pytest.mark.parametrize("text", ["", "\n\n  \n"])
def test_empty_dump(text):
    ex = extract_text_dump(text)
    assert (ex.title, ex.text) == (None, "")


def test_table_layout_is_read_by_the_layout_pass():
    html = TABLE.read_bytes().decode("cp1256")
    ex = extract_html(html)
    assert ex.method == "layout"
    paragraphs = ex.text.split("\n")
    assert paragraphs[0].startswith("خصص المجلس الإقليمي") and paragraphs[0].endswith("الجبلية.")
    assert len(paragraphs) == 3  # the "read also" link between them is dropped
    for boilerplate in ("الرئيسية", "عاجل", "توقيف مروج", "الأكثر قراءة", "جميع الحقوق", "اقرأ أيضا"):
        assert boilerplate not in ex.text
    assert ex.title == "المجلس الإقليمي يخصص اعتمادات جديدة للطرق القروية"


TITLES = [
    ("حموشي يستقبل سفير اليابان - مدار 24", "مدار 24", [], "حموشي يستقبل سفير اليابان"),
    ("أصداء الشمال :: المغرب والبرتغال يبحثان التعاون", None, ["المغرب والبرتغال يبحثان التعاون"],
     "المغرب والبرتغال يبحثان التعاون"),
    ("Hammouchi reçoit le patron du BKA | Atlas 360", "Atlas 360", [], "Hammouchi reçoit le patron du BKA"),
    # a dash inside the headline stays when nothing says the rest is the site
    ("Maroc - Espagne : une coopération renforcée", "Le Site", [],
     "Maroc - Espagne : une coopération renforcée"),
]


@pytest.mark.parametrize("title,site,h1s,expected", TITLES)
def test_clean_title(title, site, h1s, expected):

    assert clean_title(title, site, h1s) == expected


@pytest.mark.parametrize("author,site,expected", [
    ("بواسطة رشيد العلمي", "Le Site", "رشيد العلمي"),
    ("مدار; سميرة الفاسي", "مدار 24", "سميرة الفاسي"),
    ("صوت الجهة", "صوت الجهة", None),
    ("الرباط", None, None),
    ("By Jane Doe", "Kasbah Tribune", "Jane Doe"),
])
def test_clean_author(author, site, expected):
    assert clean_author(author, site) == expected


def test_site_name_from_the_page_title_when_metadata_has_none():
    html = ("<html><head><title>حموشي يستقبل سفير اليابان | صوت الجهة</title></head><body>"
            "<h1>حموشي يستقبل سفير اليابان</h1><article><p>" + "نص المقال هنا. " * 40
            + "</p></article></body></html>")
    ex = extract_html(html)
    assert (ex.title, ex.outlet) == ("حموشي يستقبل سفير اليابان", "صوت الجهة")


@pytest.mark.parametrize("line,expected", [
    ("اقرأ أيضا: توقيف شبكة للتهريب", True),
    ("À lire aussi : Sommet des chefs de police", True),
    ("Read also: How police track fugitives", True),
    ("وقرأ المسؤول البلاغ أمام الحضور", False),
    ("Il a lu aussi le rapport", False),
])
def test_read_also(line, expected):
    got = classify(line)
    assert (got.kind == "marker" and not got.section) is expected


@pytest.mark.parametrize("line,kind", [
    ("مقالات ذات صلة", "marker"), ("ذات صلة:", "marker"), ("الوسوم: حموشي - سويسرا", "marker"),
    ("Read next", "marker"), ("© 2025 Le Site", "short"),
    ("Facebook", "share"), ("فيسبوك X واتساب تيلقرام", "share"), ("389", "short"),
    ("استقبل حموشي سفير اليابان", "short"),
])
def test_line_classes(line, kind):
    assert classify(line).kind == kind


def test_crawl_decodes_cp1256_and_reads_both_layouts(tmp_path):
    reports, _ = crawl_reports(tmp_path, FIXTURES / "extract")
    by_name = {r["url"].rsplit("/", 1)[-1]: r for r in reports}
    page = by_name["table-layout-cp1256.html"]
    assert page["encoding"] in ("cp1256", "windows-1256")
    assert page["title"] == "المجلس الإقليمي يخصص اعتمادات جديدة للطرق القروية"
    assert "المديرية الإقليمية للتجهيز والنقل" in page["text"]
    dump = by_name["dump-layout.txt"]
    assert dump["kind"] == "text" and dump["title"].startswith("المجلس الجماعي يصادق")
    assert set(dump) == set(page)  # dumps and pages end in the same item shape
