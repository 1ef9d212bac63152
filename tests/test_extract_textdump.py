"""The text-dump boilerplate step, on made-up dumps (tests/fixtures/extract/dumps) and line tables."""

from __future__ import annotations

import pytest
import yaml

from crawler.extract import extract_text_dump
from crawler.extract.textdump import body_span, classify, find_title
from crawler.extract.vocab import load_vocab
from tests.conftest import FIXTURES

DUMPS = FIXTURES / "extract" / "dumps"
EXPECTED = yaml.safe_load((FIXTURES / "extract" / "dumps.yaml").read_text(encoding="utf-8"))

BODY_AR = ("واستقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني اليوم بالرباط المفتش العام "
           "للشرطة في إطار زيارة عمل يقوم بها إلى المملكة على رأس وفد أمني.")
BODY_AR_2 = ("وتناولت المباحثات سبل تعزيز التعاون الثنائي في مكافحة الإرهاب والجريمة المنظمة "
             "العابرة للحدود وتبادل المعلومات بين المصالح المختصة في البلدين.")
BODY_AR_3 = ("واتفق الجانبان في ختام اللقاء على مواصلة التنسيق وتكثيف الزيارات المتبادلة بين "
             "أطر الجهازين خلال الأشهر المقبلة.")


def dump(*lines: str) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_made_up_dumps(name):
    want = EXPECTED[name]
    got = extract_text_dump((DUMPS / name).read_text(encoding="utf-8"))
    assert got.title == want["title"]
    assert got.author == want["author"]
    lines = got.text.splitlines()
    for paragraph in want["keeps"]:
        assert paragraph in lines, f"{name}: paragraph not kept whole: {paragraph[:60]}"
    for junk in want["drops"]:
        assert junk not in got.text, f"{name}: boilerplate kept: {junk}"
    assert got.method == "textdump" and got.dropped > 0
    assert got.lang == {"fr": "fr", "en": "en"}.get(name[:2], "ar")


@pytest.mark.parametrize("line, kind", [
    (BODY_AR, "body"),
    ("Les entretiens ont porté sur la lutte contre le terrorisme et le partage du renseignement.", "body"),
    ("وأضاف المصدر أن اللقاء مر في أجواء ودية.", "sentence"),
    ("الرئيسية", "short"),
    ("مباحثات حول أمن الحدود", "short"),
    ("حموشي يستقبل سفير اليابان بالرباط", "short"),
    ("أعلن المجلس الجماعي عن افتتاح سوق أسبوعي...", "teaser"),
    ("بقلم : خالد بنعلي استقبل المدير العام للأمن الوطني…", "teaser"),
    ("ذات صلة", "marker"),
    ("مقالات ذات صلة", "marker"),
    ("ذات صلة:", "marker"),
    ("اقرأ أيضا: حموشي يستقبل وفدا من الشرطة الإسبانية", "marker"),
    ("شارك المقال", "share"),
    ("الوسوم: حموشي - غانا", "marker"),
    ("Lire aussi : la DGSN lance une application", "marker"),
    ("Articles similaires", "marker"),
    ("• رسميا.. لاعب دولي ينضم إلى نادي الوداد الرياضي في صفقة انتقال حر لموسمين", "bullet"),
    ("فيسبوك X واتساب تيلقرام", "share"),
    ("Facebook", "share"),
    ("بقلم : خالد بنعلي", "byline"),
    ("بواسطة", "byline"),
    ("هيئة التحرير _ LES7TV", "byline"),
    ("Par Karim Alami", "byline"),
])
def test_classify(line, kind):
    assert classify(line).kind == kind


def test_a_long_line_that_starts_like_a_section_header_is_body():
    line = ("شارك في اللقاء عدد من المسؤولين الأمنيين من البلدين إلى جانب أطر من المصالح المركزية "
            "للمديرية العامة للأمن الوطني.")
    assert classify(line).kind == "body"


def test_body_span_is_the_best_run_and_bridges_a_subheading():
    lines = [classify(s) for s in ("الرئيسية", "سياسة", "عنوان المقال الطويل هنا", BODY_AR,
                                   "مباحثات حول الحدود", BODY_AR_2, "شارك المقال", "فيسبوك تويتر")]
    assert body_span(lines) == (3, 6)


def test_no_body_gives_no_span_and_no_text():
    got = extract_text_dump((DUMPS / "no_body.txt").read_text(encoding="utf-8"))
    assert body_span([classify("الرئيسية")]) is None
    assert got.text == "" and got.title is None


def test_teaser_pairs_before_the_article_are_dropped():
    got = extract_text_dump(dump(
        "الوداد يفوز على الرجاء في ديربي مثير", "انتهت مباراة الديربي بفوز الوداد بهدفين...",
        "افتتاح المعرض الدولي للكتاب بالرباط", "افتتح وزير الثقافة الدورة الجديدة من المعرض…",
        "حموشي يستقبل المفتش العام للشرطة الكينية", BODY_AR, BODY_AR_2))
    assert got.title == "حموشي يستقبل المفتش العام للشرطة الكينية"
    assert got.text.splitlines() == [BODY_AR, BODY_AR_2]


def test_short_menu_lines_are_dropped():
    got = extract_text_dump(dump("الرئيسية", "سياسة", "مجتمع", "رياضة", "اتصل بنا",
                                 "حموشي يستقبل مسؤولا أمنيا نرويجيا", BODY_AR, BODY_AR_3,
                                 "من نحن", "سياسة الخصوصية"))
    assert got.text.splitlines() == [BODY_AR, BODY_AR_3]


def test_repeated_headline_is_the_title_once_and_not_in_the_text():
    headline = "حموشي يستقبل مسؤولا أمنيا نرويجيا"
    got = extract_text_dump(dump("عاجل", headline, headline, BODY_AR, headline, BODY_AR_2))
    assert got.title == headline
    assert got.text.splitlines() == [BODY_AR, BODY_AR_2]


def test_byline_on_its_own_line_and_the_name_after_it():
    got = extract_text_dump(dump("حموشي يستقبل مسؤولا أمنيا نرويجيا", "بواسطة", "سعاد العلوي",
                                 "الثلاثاء 4 مارس 2025", "0", "Facebook", "Twitter", BODY_AR, BODY_AR_2))
    assert got.title == "حموشي يستقبل مسؤولا أمنيا نرويجيا"
    assert got.author == "سعاد العلوي"
    assert "سعاد العلوي" not in got.text and "Facebook" not in got.text


def test_editorial_desk_byline_is_the_author():
    got = extract_text_dump(dump("حموشي يستقبل مسؤولا أمنيا نرويجيا", "هيئة التحرير _ موقع",
                                 "الرباط – 3 مارس 2025", BODY_AR, BODY_AR_2))
    assert got.author == "هيئة التحرير"
    assert got.title == "حموشي يستقبل مسؤولا أمنيا نرويجيا"


def test_share_lists_and_related_sections_after_the_body_are_dropped():
    got = extract_text_dump(dump(
        "حموشي يستقبل مسؤولا أمنيا نرويجيا", BODY_AR, BODY_AR_2, "شارك المقال",
        "فيسبوك تويتر واتساب", "مقالات ذات صلة", "حموشي يستقبل سفير كندا بالرباط",
        "استقبل المدير العام للأمن الوطني سفير كندا المعتمد لدى المملكة في إطار...",
        "ذات صلة", "تفكيك شبكة للهجرة السرية بالناظور"))
    assert got.text.splitlines() == [BODY_AR, BODY_AR_2]


def test_inline_read_also_and_a_bare_related_label_with_its_headline_are_dropped():
    got = extract_text_dump(dump(
        "حموشي يستقبل مسؤولا أمنيا نرويجيا", BODY_AR,
        "اقرأ أيضا: حموشي يستقبل سفير كندا بالرباط", BODY_AR_2,
        "ذات صلة:", "تفكيك شبكة للهجرة السرية بالناظور", BODY_AR_3))
    assert got.text.splitlines() == [BODY_AR, BODY_AR_2, BODY_AR_3]


def test_subheadings_inside_the_body_are_kept():
    got = extract_text_dump(dump("حموشي يستقبل مسؤولا أمنيا نرويجيا", BODY_AR,
                                 "تعزيز التعاون الثنائي", BODY_AR_2))
    assert got.text.splitlines() == [BODY_AR, "تعزيز التعاون الثنائي", BODY_AR_2]


def test_ticker_bullets_and_timestamp_are_not_the_title():
    got = extract_text_dump(dump(
        "• وزارة الفلاحة تعلن عن إجراءات جديدة لدعم مربي الماشية في الجهات المتضررة من الجفاف",
        "  • المنتخب الوطني يواصل استعداداته لمواجهة منتخب زامبيا بملعب فاس الكبير يوم السبت",
        "الخميس 24 أبريل 2025 على الساعة 15:57",
        "حموشي يستقبل مسؤولا أمنيا نرويجيا", BODY_AR, BODY_AR_2))
    assert got.title == "حموشي يستقبل مسؤولا أمنيا نرويجيا"
    assert "وزارة الفلاحة" not in got.text and "على الساعة" not in got.text


def test_title_is_the_nearest_headline_above_the_body():
    lines = [classify(s) for s in ("عنوان قديم من القائمة الجانبية", "حموشي يستقبل مسؤولا أمنيا نرويجيا",
                                   "بقلم : سعاد العلوي", BODY_AR)]
    assert find_title(lines, 3) == 1


def test_vocabulary_errors_name_the_file_and_key(tmp_path):
    bad = tmp_path / "boilerplate.yaml"
    bad.write_text("read_also: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"boilerplate\.yaml.*read_also"):
        load_vocab(bad)


def test_a_comment_after_share_and_comment_headers_is_not_body():
    comment = ("تعليق زائر: هذا اللقاء مهم جدا للبلدين ونتمنى أن يستمر التعاون في مجالات أخرى كثيرة "
               "مثل التعليم والصحة.")
    got = extract_text_dump(dump("حموشي يستقبل مسؤولا أمنيا نرويجيا", BODY_AR, BODY_AR_2,
                                 "شارك المقال", "اترك تعليقا", comment))
    assert got.text.splitlines() == [BODY_AR, BODY_AR_2]


def test_french_dump_with_inline_lire_aussi():
    body_1 = ("Le directeur général de la Sûreté nationale a reçu ce mardi à Rabat le chef de la police "
              "fédérale suisse, en visite de travail au Maroc.")
    body_2 = ("Les deux responsables ont évoqué la lutte contre la cybercriminalité et le blanchiment "
              "d'argent, selon un communiqué.")
    got = extract_text_dump(dump("Accueil", "Monde", "Hammouchi reçoit la cheffe de fedpol",
                                 "Par Nadia Tahiri", body_1,
                                 "Lire aussi : Saisie record au port de Tanger Med", body_2,
                                 "Partager", "Facebook Twitter"))
    assert got.title == "Hammouchi reçoit la cheffe de fedpol"
    assert got.author == "Nadia Tahiri"
    assert got.text.splitlines() == [body_1, body_2]


def test_a_related_list_with_untruncated_leads_is_not_body():
    lead = ("أعلنت المديرية العامة للأمن الوطني عن إطلاق حملة وطنية جديدة للتحسيس بمخاطر حوادث "
            "السير لفائدة تلاميذ المؤسسات التعليمية.")
    got = extract_text_dump(dump("حموشي يستقبل مسؤولا أمنيا نرويجيا", BODY_AR, BODY_AR_2, BODY_AR_3,
                                 "مقالات ذات صلة", "حملة وطنية للتحسيس بمخاطر حوادث السير", lead))
    assert got.text.splitlines() == [BODY_AR, BODY_AR_2, BODY_AR_3]


def test_section_words_opening_a_sentence_are_not_a_section_header():
    assert classify("شارك في اللقاء ممثلون عن السفارة.").kind == "sentence"
    assert classify("Tags: Hammouchi, Ghana").kind == "marker"


def test_long_comments_after_a_comments_header_never_join_the_body():
    comment = ("نتمنى أن يستمر هذا التعاون بين البلدين الشقيقين لما فيه خير للشعبين في كل المجالات "
               "الأمنية والاقتصادية.")
    got = extract_text_dump(dump("حموشي يستقبل مسؤولا أمنيا نرويجيا", BODY_AR, BODY_AR_2,
                                 "تعليقات الزوار", *[x for i in range(5) for x in
                                                     (f"{i + 1} - زائر من الرباط", comment)]))
    assert got.text.splitlines() == [BODY_AR, BODY_AR_2]


def test_a_share_header_between_two_paragraphs_does_not_cut_the_body():
    got = extract_text_dump(dump("حموشي يستقبل مسؤولا أمنيا نرويجيا", BODY_AR, "شارك",
                                 "فيسبوك تويتر", BODY_AR_2, BODY_AR_3))
    assert got.text.splitlines() == [BODY_AR, BODY_AR_2, BODY_AR_3]


def test_a_standfirst_under_the_headline_is_not_the_title():
    got = extract_text_dump(dump("Accueil", "Hammouchi reçoit le patron de la police danoise",
                                 "Les deux hommes ont parlé de cybercriminalité.", "Par Nadia Tahiri",
                                 "Le directeur général de la Sûreté nationale a reçu ce mardi à Rabat le "
                                 "chef de la police danoise, en visite de travail au Maroc."))
    assert got.title == "Hammouchi reçoit le patron de la police danoise"
