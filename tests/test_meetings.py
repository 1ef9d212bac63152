"""Meetings from report texts: one rule per table, on sentences written for these tests (the
persons are invented; the agencies and countries are real)."""

from __future__ import annotations

import pytest

from crawler.meetings import extract_meetings, find_topics
from crawler.meetings.reader import sentences
from tests.conftest import FIXTURES, crawl_reports, read_jsonl
from tests.conftest import one_meeting as one

H_AR = "المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي"
H_FR = "Le directeur général de la Sûreté nationale et de la Surveillance du territoire, Abdellatif Hammouchi"


# --- counterpart: name, honorific, title, country, agency ---------------------------------------

COUNTERPARTS = [
    # title, then name with an honorific
    (f"استقبل {H_AR}، اليوم الاثنين بمقر المديرية العامة للأمن الوطني بالرباط، السيد كارلوس مينديز، "
     "المدير العام للشرطة الوطنية الكولومبية، الذي يقوم بزيارة عمل إلى المملكة.",
     "CO", "كارلوس مينديز", "السيد", "المدير العام للشرطة الوطنية الكولومبية"),
    # title first, then a rank and the name
    (f"أجرى {H_AR}، صباح اليوم بالرباط، مباحثات مع رئيس جهاز المخابرات العامة المصرية، اللواء حسن عبد الغني، "
     "الذي يحل بالمغرب على رأس وفد.",
     "EG", "حسن عبد الغني", "اللواء", "رئيس جهاز المخابرات العامة المصرية"),
    # a nationality adjective in the feminine
    (f"استقبل {H_AR}، يوم الأربعاء، السيدة آنا كوالسكا، المديرة العامة للشرطة البولندية.",
     "PL", "آنا كوالسكا", "السيدة", "المديرة العامة للشرطة البولندية"),
    # French, M. before the name, the country after "de"
    (f"{H_FR}, a reçu lundi à Rabat M. Jan Novak, directeur général de la police de la République tchèque, "
     "en visite de travail au Maroc.",
     "CZ", "Jan Novak", "M", "directeur général de la police de la République tchèque"),
    # English, the name before the title
    ("Abdellatif Hammouchi, Director General of National Security and Territorial Surveillance, received on "
     "Monday in Rabat Maria Gonzalez, Director General of the Investigations Police of Chile, who is on a "
     "working visit to Morocco.",
     "CL", "Maria Gonzalez", None, "Director General of the Investigations Police of Chile"),
]


@pytest.mark.parametrize("text,country,name,honorific,title", COUNTERPARTS)
def test_counterpart(text, country, name, honorific, title):
    m = one(text)
    assert m.counterpart.country == country
    assert m.counterpart.name == name
    assert m.counterpart.honorific == honorific
    assert m.counterpart.title == title
    assert m.evidence["sentence"] in text


def test_title_only_gives_null_name():
    m = one(f"استقبل {H_AR}، اليوم الخميس بالرباط، سفير جمهورية كوريا المعتمد لدى المملكة المغربية.")
    assert m.counterpart.name is None
    assert m.counterpart.country == "KR"
    assert m.counterpart.title.startswith("سفير جمهورية كوريا")
    assert m.counterpart.agency is None


def test_latin_spelling_in_brackets():
    m = one(f"أجرى {H_AR}، اليوم الثلاثاء بالرباط، مباحثات مع بيتر هانسن (Peter Hansen)، رئيس جهاز الاستخبارات "
            "الدنماركي، الذي يزور المغرب.")
    assert m.counterpart.name == "بيتر هانسن"
    assert m.counterpart.name_latin == "Peter Hansen"
    assert m.counterpart.country == "DK"


def test_agency_gives_country_when_the_role_names_none():
    m = one("Abdellatif Hammouchi a reçu mardi à Rabat Mme Claire Martin, directrice générale de la DGSI.")
    assert m.counterpart.country == "FR"
    assert "DGSI" in m.counterpart.agency


def test_international_organisation_code():
    m = one(f"استقبل {H_AR}، اليوم بالرباط، الأمين العام للمنظمة الدولية للشرطة الجنائية (الإنتربول)، "
            "ميغيل سانتوس، في زيارة عمل.")
    assert m.counterpart.country == "INTERPOL"
    assert m.counterpart.name == "ميغيل سانتوس"


def test_counterpart_as_subject_and_hammouchi_after_with():
    m = one("أشاد المدير العام للشرطة الفيدرالية النمساوية، فرانز هوبر، بمستوى التعاون الأمني، وذلك عقب المباحثات "
            "التي أجراها أمس بالرباط مع المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي.")
    assert m.counterpart.country == "AT"
    assert m.counterpart.name == "فرانز هوبر"


def test_passive_french_received_by():
    m = one("Le chef de la police fédérale suisse, Urs Keller, a été reçu hier à Rabat par Abdellatif Hammouchi.")
    assert m.counterpart.country == "CH"
    assert m.counterpart.name == "Urs Keller"


# --- several counterparts, attendees -----------------------------------------------------------------

def test_one_meeting_per_counterpart_in_a_day_of_audiences():
    text = (f"استقبل {H_AR}، اليوم الخميس بمقر المديرية العامة للأمن الوطني بالرباط، على التوالي، سفراء كل من "
            "كندا والمكسيك.\n"
            "وخلال لقائه بسفير كندا، السيد ديفيد براون، تباحث حموشي في سبل مكافحة الجريمة الإلكترونية.\n"
            "أما اللقاء مع سفير المكسيك، السيد خوان رويث، فقد تمحور حول مكافحة تهريب الكوكايين.")
    found = extract_meetings(text)
    assert [m.counterpart.country for m in found.meetings] == ["CA", "MX"]
    assert [m.counterpart.name for m in found.meetings] == ["ديفيد براون", "خوان رويث"]
    # each meeting takes the topics of its own paragraph, and the city of the day
    assert found.meetings[0].topics == ["cybercrime"]
    assert found.meetings[1].topics == ["drug_trafficking"]
    assert {m.location.city for m in found.meetings} == {"Rabat"}


def test_ambassador_present_is_an_attendee_not_a_counterpart():
    text = (f"استقبل {H_AR}، اليوم الثلاثاء بالرباط، السيد أندرياس مولر، رئيس المكتب الفيدرالي لحماية الدستور "
            "الألماني.\nوجرى هذا اللقاء بحضور سفير جمهورية ألمانيا الاتحادية المعتمد بالرباط.")
    found = extract_meetings(text)
    assert len(found.meetings) == 1
    assert found.meetings[0].counterpart.name == "أندرياس مولر"
    assert any("سفير" in a for a in found.meetings[0].attendees)


COUNTERPART_FORMS = [
    # the counterpart right after "استقبل حموشي", no comma
    ("استقبل عبد اللطيف حموشي، اليوم الجمعة بالرباط، سفير فرنسا بالمغرب، السيد بيير لوران.", "FR", "بيير لوران"),
    ("استقبل حموشي اليوم بالرباط سفير جمهورية الهند المعتمد بالمغرب.", "IN", None),
    # "his counterpart" with a nationality, no name
    ("Abdellatif Hammouchi held talks in Rabat on Monday with his Spanish counterpart.", "ES", None),
    ("Abdellatif Hammouchi a reçu l'ambassadeur d'Italie au Maroc, Marco Bianchi, ce lundi à Rabat.", "IT",
     "Marco Bianchi"),
    # a Latin name glued after the role word
    ("Abdellatif Hammouchi held talks in Rabat on Monday with the Spanish Interior Minister Pedro Alonso Ruiz.",
     "ES", "Pedro Alonso Ruiz"),
    # "a également reçu", an honorific before the name
    ("M. Hammouchi a également reçu l'Ambassadeur de Suède au Maroc, M. Erik Lund, avec qui il a évoqué la "
     "coopération.", "SE", "Erik Lund"),
    # Moroccan transliteration letters ݣ (g) and ڤ (v), outside the basic Arabic block
    ("استقبل عبد اللطيف حموشي، اليوم بالرباط، السيد ݣوستاڤو ميندوزا، المدير العام للشرطة الوطنية الكولومبية.",
     "CO", "ݣوستاڤو ميندوزا"),
    # a delegation led by a named head: the head is the one counterpart
    ("استقبل حموشي، بتمارة، وفدا أمنيا بريطانيا رفيع المستوى يترأسه مدير جهاز الاستخبارات الخارجية البريطاني، "
     "السير جون سميث.", "GB", "جون سميث"),
    # "son homologue espagnol, NAME, directeur …": one counterpart, named
    ("M. Hammouchi s'est entretenu lundi à Rabat avec son homologue espagnol, Luis Ortega, directeur général de "
     "la Police nationale.", "ES", "Luis Ortega"),
]


@pytest.mark.parametrize("text,country,name", COUNTERPART_FORMS)
def test_counterpart_forms(text, country, name):
    m = one(text)
    assert (m.counterpart.country, m.counterpart.name) == (country, name)


def test_delegation_head_is_the_counterpart():
    m = one(f"استقبل {H_AR}، اليوم الثلاثاء بالرباط، وفدا أمنيا رفيع المستوى برئاسة السيد مارك دوبوا، المدير العام "
            "للشرطة الوطنية الفرنسية.")
    assert m.counterpart.name == "مارك دوبوا"
    assert m.counterpart.country == "FR"


def test_headline_and_body_of_one_meeting_are_one_meeting():
    text = ("حموشي يستقبل المدير العام للشرطة الوطنية البرتغالية\n"
            f"استقبل {H_AR}، اليوم الجمعة بالرباط، السيد روي كوستا، المدير العام للشرطة الوطنية البرتغالية.")
    m = one(text)
    assert m.counterpart.name == "روي كوستا"
    assert "روي كوستا" in m.evidence["sentence"]


# --- place ---------------------------------------------------------------------------------------------

def test_visit_abroad_gives_the_city_and_country_of_each_meeting():
    text = (f"{H_FR}, effectue depuis lundi une visite de travail en Allemagne.\n"
            "M. Hammouchi s'est entretenu mardi à Berlin avec Thomas Weber, président de l'Office fédéral de "
            "police criminelle (BKA).\n"
            "Ce mercredi, le responsable marocain a été reçu par Sabine Klein, présidente de l'Office fédéral de "
            "protection de la Constitution (BfV).")
    found = extract_meetings(text)
    assert [m.counterpart.name for m in found.meetings] == ["Thomas Weber", "Sabine Klein"]
    assert all(m.hammouchi_abroad for m in found.meetings)
    assert [m.location.city for m in found.meetings] == ["Berlin", "Berlin"]
    assert {m.location.country for m in found.meetings} == {"DE"}


def test_no_city_when_the_text_names_none():
    m = one(f"استقبل {H_AR}، بمقر المديرية العامة لمراقبة التراب الوطني، السيد لوكاس سيلفا، مدير الشرطة "
            "الفيدرالية البرازيلية.")
    assert m.location.city is None
    assert m.location.country == "MA"
    assert m.hammouchi_abroad is False


# --- not meeting reports ------------------------------------------------------------------------------

NEGATIVES = [
    ("سيستقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي، الأسبوع المقبل بالرباط، وزير "
     "الداخلية الإيطالي.", "preview"),
    ("Abdellatif Hammouchi is expected to meet the Director of the Federal Bureau of Investigation next week.",
     "preview"),
    (f"ترأس {H_AR}، اليوم الخميس بالقنيطرة، حفل تخرج الفوج الجديد من ضباط الشرطة.", "ceremony"),
    ("أجرى وزير الداخلية، اليوم الثلاثاء بالرباط، مباحثات مع وزير الداخلية الإسباني.", "no_hammouchi"),
    ("استقبل وزير الداخلية، اليوم بالرباط، نظيره الإسباني، السيد خوسيه لوبيث.\nوحضر اللقاء المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي.",
     "no_foreign_counterpart"),
    (f"ترأس {H_AR}، اليوم بالرباط، اجتماعا مع رؤساء المصالح الأمنية الجهوية لتقييم الحصيلة السنوية.",
     "no_foreign_counterpart"),
    (f"استقبل {H_AR}، اليوم بالرباط، والي أمن الدار البيضاء ورؤساء المصالح الجهوية.", "no_foreign_counterpart"),
    ("استقبل وزير الداخلية، اليوم بالرباط، وزير الداخلية البرتغالي، السيد نونو سيلفا، بحضور المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي.",
     "no_foreign_counterpart"),
]


@pytest.mark.parametrize("text,reason", NEGATIVES)
def test_not_a_meeting_report(text, reason):
    found = extract_meetings(text)
    assert found.meetings == []
    assert found.reason == reason


def test_a_future_event_after_the_verb_does_not_make_a_preview():
    m = one(f"استقبل {H_AR}، اليوم بالرباط، السيد ماركو روسي، مدير الشرطة الإيطالية، وتناول اللقاء الجمعية العامة "
            "للإنتربول المرتقب انعقادها بمراكش.")
    assert m.counterpart.country == "IT"
    assert "interpol_ga_2025" in m.topics


def test_talks_on_the_sidelines_of_a_ceremony_are_a_meeting():
    text = (f"ترأس {H_AR}، اليوم الخميس بالقنيطرة، حفل تخرج فوج جديد من ضباط الشرطة.\n"
            "وعلى هامش الحفل، أجرى حموشي مباحثات مع السفير الفرنسي بالمغرب، السيد جان بول مارتن، تناولت مكافحة "
            "الإرهاب.")
    m = one(text)
    assert (m.counterpart.country, m.counterpart.name, m.topics) == ("FR", "جان بول مارتن", ["terrorism"])


def test_meeting_recalled_at_the_end_of_another_story():
    text = ("تمكنت عناصر الشرطة القضائية بالناظور من تفكيك شبكة إجرامية تنشط في تهريب المهاجرين.\n"
            "وأسفرت العملية عن توقيف ستة أشخاص وحجز قاربين مطاطيين ومبالغ مالية.\n"
            "وتم إخضاع الموقوفين لتدبير الحراسة النظرية رهن إشارة البحث القضائي.\n"
            "ويذكر أن حموشي استقبل مدير الشرطة الإسبانية، السيد خوسيه غارسيا، لبحث ملف الهجرة.")
    found = extract_meetings(text)
    assert found.meetings == []
    assert found.reason == "meeting_mentioned_in_passing"


# --- topics --------------------------------------------------------------------------------------------

TOPICS = [
    ("تناولت المباحثات سبل مكافحة الهجرة غير النظامية", {"illegal_migration"}),
    ("l'immigration clandestine et le trafic de drogue", {"illegal_migration", "drug_trafficking"}),
    ("the terrorist threat and violent extremism", {"terrorism", "extremism"}),
    ("تعزيز تبادل المعلومات العملياتية", {"information_exchange"}),
    ("l'échange d'expériences et de bonnes pratiques", set()),
    ("to exchange experience in securing major events", set()),
    ("التحضيرات الأمنية لكأس العالم 2030", {"world_cup_2030"}),
    ("la sécurisation de la CAN 2025", {"afcon_2025"}),
    ("الجمعية العامة للإنتربول المقررة بمراكش", {"interpol_ga_2025"}),
    ("برامج التكوين والدعم التقني", {"training", "technical_assistance"}),
    ("الوضع الأمني في منطقة الساحل والصحراء", {"sahel"}),
    ("la cybercriminalité et l'espionnage", {"cybercrime", "espionage"}),
    ("الكشف عن المتفجرات ومراقبة الحدود", {"explosives", "border_security"}),
    ("شبكات الجريمة المنظمة العابرة للحدود", {"organized_crime"}),
    ("المناطق الساحلية", set()),
    ("تأمين كأس إفريقيا للأمم التي سيحتضنها المغرب", {"afcon_2025"}),
    ("تجربة تنظيم كأس إفريقيا للأمم 2023 بكوت ديفوار", set()),
    ("cross-border crime and cyber threats", {"organized_crime", "cybercrime"}),
]


@pytest.mark.parametrize("text,codes", TOPICS)
def test_topics(text, codes):
    found = find_topics(text)
    assert set(found) == codes
    for phrase in found.values():
        assert phrase in text


# --- helpers -------------------------------------------------------------------------------------------

def test_sentences_do_not_end_after_an_honorific():
    text = "Au cours de cette visite, M. Hammouchi s'est entretenu avec Mme. Dupont. Puis il est rentré."
    assert [text[s:e] for s, e, _ in sentences(text)] == [
        "Au cours de cette visite, M. Hammouchi s'est entretenu avec Mme. Dupont.", "Puis il est rentré."]


# --- the pipeline in a real crawl -----------------------------------------------------------------------

def test_crawl_fills_meetings_and_their_dates(tmp_path):
    items, _ = crawl_reports(tmp_path, FIXTURES / "meetings")
    reports = {r["url"].rsplit("/", 1)[-1]: r for r in items}
    report = reports["report-colombia.txt"]
    assert report["is_meeting_report"] is True
    assert report["lang"] == "ar"
    [m] = report["meetings"]
    assert m["counterpart"]["country"] == "CO"
    assert m["counterpart"]["name"] == "كارلوس مينديز"
    assert m["location"] == {"city": "Rabat", "country": "MA"}
    assert m["date"] == "2024-03-14" and m["weekday"] == "thursday"  # "اليوم الخميس" on 14 March
    assert set(m["topics"]) == {"information_exchange", "drug_trafficking"}
    ceremony = reports["ceremonie.html"]
    assert ceremony["meetings"] == [] and ceremony["not_meeting_reason"] == "ceremony"
    written = read_jsonl(tmp_path / "meetings.jsonl")
    assert [w["counterpart"]["country"] for w in written] == ["CO"]


def test_teaser_pairs_of_a_text_dump_are_not_meetings():
    text = ("حموشي يستقبل سفير جمهورية الهند المعتمد بالمغرب\n"
            "استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي، سفير...\n"
            f"استقبل {H_AR}، اليوم الخميس بالرباط، السيد توماس نوفاك، مدير الشرطة التشيكية.")
    m = one(text)
    assert m.counterpart.country == "CZ"


def test_glued_name_after_a_nationality():
    m = one("التقى عبد اللطيف حموشي، أمس الاثنين بمدريد، وزير الداخلية الإسباني فرناندو لوبيث غارسيا.")
    assert (m.counterpart.title, m.counterpart.name) == ("وزير الداخلية الإسباني", "فرناندو لوبيث غارسيا")
    assert m.hammouchi_abroad and m.location.city == "Madrid"


def test_delegation_without_a_named_head():
    m = one("استقبل حموشي، اليوم الأربعاء بالرباط، وفدا عن الشرطة الفيدرالية الأسترالية.")
    assert m.counterpart.country == "AU" and m.counterpart.name is None


def test_a_ticker_headline_is_no_meeting_when_the_body_reports_one():
    text = ("حموشي يستقبل وفدا عن الشرطة الفيدرالية الأسترالية بالرباط\n"
            "وزارة الصحة تطلق حملة وطنية للتلقيح\n"
            f"استقبل {H_AR}، اليوم الخميس بالرباط، السيد توماس نوفاك، مدير الشرطة التشيكية.")
    assert one(text).counterpart.country == "CZ"
    # a two-line brief made of a headline only still counts
    assert one(text.split("\n")[0]).counterpart.country == "AU"
