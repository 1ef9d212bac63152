"""One table per stage of the meetings reader (crawler/meetings/*), on sentences written for these
tests: the persons are invented; the countries and agencies are real."""

from __future__ import annotations

import pytest

from crawler.meetings import extract_meetings
from crawler.meetings.agency import decide_agency, organisation_of
from crawler.meetings.country import country_in, decide_country
from crawler.meetings.cues import find_cues
from crawler.meetings.hammouchi import implicit_subject, mentions, names_hammouchi
from crawler.meetings.people import Person, read_people
from crawler.meetings.place import Story, place_cities, read_visit, sentence_city
from crawler.meetings.reason import Evidence, no_meeting_reason
from crawler.meetings.sentences import split_sentences, undouble
from crawler.vocab import fold

H_AR = "المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي"

# --- stage 1: sentences -------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "clean"), [
    ("a reçu avec avec le chef", "a reçu avec le chef"),
    ("تباحث مع مع رئيس الشرطة", "تباحث مع رئيس الشرطة"),
    ("met with the the head", "met with the head"),
    ("عبد العزيز بن عبد الله", "عبد العزيز بن عبد الله"),  # no word twice in a row: unchanged
])
def test_undouble(raw, clean):
    assert undouble(raw) == clean


def test_sentences_keep_the_raw_text_and_mark_teasers():
    text = ("استقبل حموشي مع مع سفير البيرو.\n"
            "حموشي يستقبل سفير الأرجنتين\n"
            "استقبل المدير العام للأمن الوطني سفير...\n")
    sents = split_sentences(text)
    assert sents[0].raw == "استقبل حموشي مع مع سفير البيرو."
    assert sents[0].text == "استقبل حموشي مع سفير البيرو."
    assert sents[0].folded == fold(sents[0].text)
    assert [s.teaser for s in sents] == [False, True, True]
    assert all(text[s.start:s.end] == s.raw for s in sents)


# --- stage 2: who is Hammouchi ---------------------------------------------------------------------------

MENTIONS = [
    # (text, the report names him, named before this text, kinds found)
    ("استقبل عبد اللطيف حموشي سفير البيرو", False, False, ["name"]),
    ("Abdellatif Hammouchi a reçu l'ambassadeur", False, False, ["name"]),
    (f"استقبل {H_AR}", False, False, ["title", "name"]),
    # the bare title is him once the report names him anywhere
    ("كان المدير العام للأمن الوطني في استقبال سفير البيرو", True, False, ["bare_title"]),
    ("كان المدير العام للأمن الوطني في استقبال سفير البيرو", False, False, []),
    # … not when a foreign country qualifies it
    ("استقبل المدير العام للأمن الوطني بجمهورية السنغال وفدا إيطاليا", True, True, []),
    ("استقبل المدير العام للأمن الوطني التونسي وفدا إيطاليا", True, True, []),
    ("Morocco's security and police chief welcomed a delegation", True, False, ["bare_title"]),
    # anaphora and pronouns need him named before
    ("وأجرى المسؤول الأمني المغربي مباحثات مع وزير الداخلية", True, True, ["anaphora"]),
    ("وأجرى المسؤول الأمني المغربي مباحثات مع وزير الداخلية", True, False, []),
    ("On Monday he met with the Kenyan police chief", True, True, ["pronoun"]),
    ("On Monday he met with the Kenyan police chief", True, False, []),
    # "المدير العام" followed by an institution is someone else
    ("التقى المدير العام للشرطة الكينية بنظيره", True, True, []),
]


@pytest.mark.parametrize(("text", "named", "before", "kinds"), MENTIONS)
def test_mentions(text, named, before, kinds):
    assert [m.kind for m in mentions(fold(text), named, before)] == kinds


def test_names_hammouchi_is_the_report_gate():
    assert names_hammouchi(fold("حموشى يستقبل"))  # Egyptian final ى
    assert names_hammouchi(fold("Hammoushi receives"))
    assert not names_hammouchi(fold("المدير العام للأمن الوطني يستقبل سفيرا"))


@pytest.mark.parametrize(("text", "implicit"), [
    ("كما اجتمع برئيس جهاز الأمن الوطني البحريني", True),
    ("والتقى مع قائد الشرطة الكينية", True),
    ("واستقبل وزير الداخلية الأردني الوفد المغربي", False),  # the subject follows the verb
    ("وبعد الظهر اجتمع برئيس الشرطة", False),  # more than an opener before the verb
])
def test_implicit_subject(text, implicit):
    f = fold(text)
    assert bool(implicit_subject(f, find_cues(f).verb)) is implicit


# --- stage 3: meeting cues --------------------------------------------------------------------------------

CUES = [
    # (text, a meeting cue, future, recall)
    ("حل حموشي أمس ضيفا على وزير الداخلية الأردني", True, False, False),  # parts with words between
    ("أجرى حموشي، صباح اليوم بالرباط، مباحثات مع", True, False, False),
    ("كان المدير العام في استقبال سفير السويد", True, False, False),
    ("استضاف حموشي قائد الشرطة الكينية", True, False, False),
    ("Hammouchi a tenu lundi à Rabat une séance de travail avec", True, False, False),
    ("Hammouchi sat down on Monday in Rabat with", True, False, False),
    ("Hammouchi held on Monday a working session with", True, False, False),
    ("Hammouchi was received on Monday by the Kenyan minister", True, False, False),
    ("من المرتقب أن يستقبل حموشي وزير الداخلية البيروفي", True, True, False),
    ("Hammouchi devrait rencontrer la semaine prochaine", False, True, False),
    ("وكان حموشي قد استقبل في وقت سابق سفير كينيا", True, False, True),
    ("Hammouchi inaugure un commissariat à Agadir", False, False, False),
    # a full stop ends the clause of a verb in parts
    ("حل حموشي بالرباط. وقدم ضيفا جديدا على", False, False, False),
]


@pytest.mark.parametrize(("text", "meeting", "future", "recall"), CUES)
def test_cues(text, meeting, future, recall):
    c = find_cues(fold(text))
    assert (c.meeting, c.future, c.recall) == (meeting, future, recall)


# --- stage 4: people ---------------------------------------------------------------------------------------

PEOPLE = [
    # (sentence, [(name, title)])
    # role then honorific and name, glued (no comma), in a list joined by و
    (f"استقبل {H_AR}، على التوالي، سفير جمهورية البيرو السيد خوان كارلوس ريبيرا، وسفيرة مملكة السويد "
     "السيدة إنغريد نيلسون.",
     [("خوان كارلوس ريبيرا", "سفير جمهورية البيرو"), ("إنغريد نيلسون", "سفيرة مملكة السويد")]),
    # French list: role, honorific + name, role, honorific + name
    ("Abdellatif Hammouchi a reçu l'ambassadeur du Pérou, M. Julio Ramos, et l'ambassadrice de Suède, "
     "Mme Karin Berg.",
     [("Julio Ramos", "ambassadeur du Pérou"), ("Karin Berg", "ambassadrice de Suède")]),
    # name first, then role
    ("Abdellatif Hammouchi a reçu M. Julio Ramos, ambassadeur du Pérou, et Mme Karin Berg, ambassadrice de "
     "Suède.",
     [("Julio Ramos", "ambassadeur du Pérou"), ("Karin Berg", "ambassadrice de Suède")]),
    # a rank before the name; a feminine role
    ("التقى حموشي رئيسة جهاز الأمن الإستوني، اللواء ليزا تام.", [("ليزا تام", "رئيسة جهاز الأمن الإستوني")]),
    # the name, its clause, no comma
    (f"استقبل {H_AR} بمقر المديرية المديرة العامة للشرطة البرازيلية السيدة ماريا سوزا التي تزور المملكة.",
     [("ماريا سوزا", "المديرة العامة للشرطة البرازيلية")]),
    # a Latin name inside Arabic text, after an acronym in brackets
    ("التقى حموشي مدير جهاز الأمن السويدي (SÄPO) Erik Lindqvist بالرباط.",
     [("Erik Lindqvist", "مدير جهاز الأمن السويدي (SÄPO)")]),
    # English: the owner of a role written before it
    ("Hammouchi held talks with Anna Korhonen, Frontex's Deputy Executive Director.",
     [("Anna Korhonen", "Frontex's Deputy Executive Director")]),
    # a delegation led by a ranked head, the name followed by lower-case words
    ("Hammouchi welcomed a Kenyan delegation led by Deputy Commissioner Grace Wanjiru to Rabat.",
     [("Grace Wanjiru", "Deputy Commissioner")]),
    # an award is nobody
    ("Hammouchi received the Grand Cross of the Order of Merit of Peru.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), PEOPLE)
def test_people(sentence, expected):
    reading = read_people(sentence, True, True)
    got = [(p.name, p.title) for p in reading.people if not p.attendee]
    assert got == expected


def test_attendee_is_marked():
    reading = read_people(f"استقبل {H_AR} وزير الداخلية الكيني، الذي كان مرفوقا بسفير كينيا بالرباط.",
                          True, True)
    assert [(p.title.split()[:2], p.attendee) for p in reading.people] == [
        (["وزير", "الداخلية"], False), (["سفير", "كينيا"], True)]


def test_attending_hammouchi_is_not_his_meeting():
    reading = read_people("استقبل وزير الداخلية نظيره الكيني، بحضور عبد اللطيف حموشي.", True, True)
    assert reading.attending


# --- stage 5: country ---------------------------------------------------------------------------------------

COUNTRY_IN = [
    ("سفير جمهورية البيرو", "PE"),
    ("المديرة العامة للشرطة البرازيلية", "BR"),  # feminine adjective
    ("رئيسة جهاز الأمن الإستوني", "EE"),
    ("directeur de la Direction centrale d'INTERPOL de la police du Pérou", "PE"),  # a state before an org
    ("الأمين العام للمنظمة الدولية للشرطة الجنائية (الإنتربول)", "INTERPOL"),
    ("مدير الشرطة القضائية", None),
]


@pytest.mark.parametrize(("text", "code"), COUNTRY_IN)
def test_country_in(text, code):
    assert country_in(text)[0] == code


def _story(text: str, title: str | None = None) -> Story:
    return Story(split_sentences(text), title, text)


def test_decide_country_order():
    story = _story("حل حموشي أمس بالعاصمة الكينية نيروبي في زيارة عمل إلى كينيا.")
    # the role first
    assert decide_country(Person(title="سفير جمهورية البيرو"), "", story).source == "role"
    # a Moroccan role: no foreign counterpart
    assert decide_country(Person(title="مدير الشرطة القضائية المغربية"), "", story).code == "MA"
    # the sentence, before its topics clause
    d = decide_country(Person(title="مدير الشرطة"), "مدير الشرطة البيروفية لبحث التعاون مع إسبانيا", story)
    assert (d.code, d.source) == ("PE", "sentence")
    d = decide_country(Person(title="مدير الشرطة"), "مدير الشرطة لبحث التعاون مع إسبانيا", story)
    assert (d.code, d.source) == ("KE", "visit")


# --- stage 6: agency ----------------------------------------------------------------------------------------

AGENCIES = [
    ("المدير العام لوكالة الشرطة الوطنية الكينية", "وكالة الشرطة الوطنية الكينية"),
    ("نائب قائد الشرطة الوطنية الإندونيسية", "الشرطة الوطنية الإندونيسية"),
    ("directeur général de la Police fédérale du Brésil", "Police fédérale du Brésil"),
    ("Director General of the Investigations Police of Peru", "Investigations Police of Peru"),
    ("سفير جمهورية البيرو", None),  # an ambassador has no agency
    ("وزير الداخلية الكيني", None),
]


@pytest.mark.parametrize(("role", "agency"), AGENCIES)
def test_organisation_of(role, agency):
    assert organisation_of(role) == agency


def test_gazetteer_agency_comes_first():
    from crawler.meetings.agency import agency_in
    found = agency_in("directrice de la Direction générale de la sécurité intérieure (DGSI)")
    assert found is not None and "DGSI" in found.written
    assert decide_agency("directrice de la DGSI", found) == found.written


# --- stage 7: place -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "cities"), [
    ("استقبل حموشي بالرباط", ["Rabat"]),
    ("عقد اللقاء بمدينة مراكش", ["Marrakech"]),
    ("le chef de la police de Lisbonne", []),  # not named as a place
    ("Hammouchi met in Lisbon the chief", ["Lisbon"]),
])
def test_place_cities(text, cities):
    assert [c.code for c in place_cities(text)] == cities


def test_sentence_city_stops_at_the_topic_clause_and_prefers_an_inner_place():
    text = "Hammouchi met Grace Wanjiru, focused on next year's assembly in Marrakech"
    assert sentence_city(text, []) is None
    c = sentence_city("Rabat, 3 mai (MAP) – Hammouchi a reçu à Témara le chef", [])
    assert c.code == "Temara"


def test_visit_narrative():
    text = ("حل عبد اللطيف حموشي، أمس الأحد، بالعاصمة البيروفية ليما، في زيارة عمل.\n"
            "وأجرى المسؤول الأمني المغربي مباحثات مع وزير الداخلية البيروفي.")
    v = read_visit(split_sentences(text), None, text)
    assert (v.city, v.country) == ("Lima", "PE")


def test_foreign_dateline_is_a_visit():
    text = "NAIROBI — Abdellatif Hammouchi held talks on Monday with the Inspector General of Police."
    v = read_visit(split_sentences(text), "Hammouchi in Kenya", text)
    assert (v.city, v.country) == ("Nairobi", "KE")


# --- stage 9: the reason a report has no meeting ------------------------------------------------

@pytest.mark.parametrize(("text", "ev", "reason"), [
    ("", Evidence(named=True, saw_future=True), "preview"),
    ("ترأس حموشي حفل تخرج فوج جديد", Evidence(named=True), "ceremony"),
    ("", Evidence(named=True, saw_recall=True), "earlier_meeting_recalled"),
    ("", Evidence(named=True, represented=True), "represented"),
    ("", Evidence(named=True), "no_foreign_counterpart"),
    ("", Evidence(named=False), "no_meeting"),
])
def test_no_meeting_reason(text, ev, reason):
    assert no_meeting_reason(text, ev) == reason


def test_the_lead_counts_paragraphs_that_hold_text():
    text = ("بقلم: سعيد العلوي\n\nالأحد 2 مارس 2025\n\n"
            "حل عبد اللطيف حموشي، أمس السبت، بالعاصمة البيروفية ليما، في زيارة عمل.\n\n"
            "وأجرى المسؤول الأمني المغربي مباحثات مع وزير الداخلية البيروفي، السيد خورخي سالازار.")
    v = read_visit(split_sentences(text), None, text)
    assert (v.city, v.country) == ("Lima", "PE")


# --- stage 8: each meeting's part of the text ------------------------------------------------------------

def test_each_meeting_takes_the_clauses_about_its_counterpart():
    text = ("استقبل عبد اللطيف حموشي، اليوم بالرباط، سفير البيرو، السيد خوان ريبيرا، وسفيرة السويد، السيدة "
            "إنغريد نيلسون.\n"
            "وتناولت المباحثات مع السفير البيروفي مكافحة تهريب المخدرات، فيما تمحور اللقاء مع السفيرة "
            "السويدية حول الجريمة الإلكترونية.\n"
            "وشكل اللقاءان مناسبة للتأكيد على أهمية التكوين.")
    found = extract_meetings(text)
    topics = {m.counterpart.country: set(m.topics) for m in found.meetings}
    assert topics == {"PE": {"drug_trafficking", "training"}, "SE": {"cybercrime", "training"}}


def test_a_clause_about_both_meetings_is_both_meetings():
    text = ("Abdellatif Hammouchi a reçu à Rabat M. Julio Ramos, directeur de la police péruvienne, puis "
            "Mme Karin Berg, directrice de la police suédoise ; ces entretiens ont porté sur le terrorisme.")
    found = extract_meetings(text)
    assert [set(m.topics) for m in found.meetings] == [{"terrorism"}, {"terrorism"}]
