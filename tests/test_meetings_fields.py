"""The fields of a counterpart where real reports write them without the commas the genre has:
a rank between a role and a name, an organisation phrase that ends in adjectives, a second
ambassador in a list, Hammouchi received by a minister who names him by an anaphora, a stray full
stop after his name, an English possessive country, a foreign service's own release. Sentences
written for this test: invented persons, real countries and services."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.meetings import extract_meetings
from crawler.meetings.agency import agency_in, decide_agency
from crawler.meetings.hammouchi import mentions
from crawler.vocab import fold

# (text, [(country, name, honorific, title, agency)]); None in an expected field: not checked
RANK_SPLITS = [
 ("كما عقد حموشي جلسة عمل مع مدير المخابرات العامة الأردنية اللواء سامي الخطيب.",
  [("JO", "سامي الخطيب", "اللواء", "مدير المخابرات العامة الأردنية", None)]),
 ("استقبل عبد اللطيف حموشي بالرباط قائد الحرس الوطني الكويتي الفريق أول ركن هاشم العنزي.",
  [("KW", "هاشم العنزي", "الفريق أول ركن", "قائد الحرس الوطني الكويتي", None)]),
 ("استقبل حموشى اليوم بالرباط رئيس جهاز الأمن الوطنى المصرى العميد حسن فهمى.",
  [("EG", "حسن فهمى", "العميد", "رئيس جهاز الأمن الوطنى المصرى", None)]),
 ("وأجرى حموشي مباحثات مع مدير الشرطة الكندية الملكية مارك تيبو.",
  [("CA", "مارك تيبو", None, "مدير الشرطة الكندية الملكية", None)]),
 ("Abdellatif Hammouchi a reçu lundi à Rabat le directeur de la police nationale togolaise le "
  "général Kodjo Abalo.",
  [("TG", "Kodjo Abalo", "le général", "directeur de la police nationale togolaise", None)]),
 ("Abdellatif Hammouchi met on Monday in Rabat the head of the Ghana Police Service Inspector "
  "General Kofi Boateng.", [("GH", None, None, None, None)]),
 # no rank: the organisation phrase ends at its last organisation word or nationality
 ("Abdellatif Hammouchi received in Rabat the Director of the Zambia Police Service Chanda Mwale.",
  [("ZM", "Chanda Mwale", None, "Director of the Zambia Police Service", None)]),
 ("Abdellatif Hammouchi a reçu lundi à Rabat le chef de la police nationale malienne Oumar Traoré.",
  [("ML", "Oumar Traoré", None, "chef de la police nationale malienne", None)]),
 ("Abdellatif Hammouchi a reçu à Rabat le directeur de la police nationale nigérienne le contrôleur "
  "général Issa Moussa.", [("NE", "Issa Moussa", "le contrôleur général", None, None)]),
 ("Abdellatif Hammouchi met in Rabat the Director of the Police Service of Northern Ireland.",
  [("GB", None, None, "Director of the Police Service of Northern Ireland", None)]),
]


def _check(text: str, expected: list[tuple]) -> None:
    title, _, body = text.rpartition("\n")
    found = extract_meetings(body, title=title or None)
    got = [(m.counterpart.country, m.counterpart.name, m.counterpart.honorific, m.counterpart.title,
            m.counterpart.agency) for m in found.meetings]
    assert len(got) == len(expected), (found.reason, got)
    for g, e in zip(got, expected, strict=True):
        for gv, ev in zip(g, e, strict=True):
            assert ev is None or gv == ev, (got, expected)


@pytest.mark.parametrize(("text", "expected"), RANK_SPLITS)
def test_rank_or_end_of_organisation_splits_title_from_name(text, expected):
    _check(text, expected)


RANKS = ["اللواء", "العميد", "الفريق", "العقيد"]
ROLES = [("JO", "مدير الأمن العام الأردني"), ("TN", "المدير العام للأمن الوطني التونسي"),
         ("SA", "رئيس جهاز أمن الدولة السعودي"), ("IQ", "مدير الاستخبارات العراقية")]
NAMES = ["محمود الرفاعي", "عادل بن سالم", "كريم الزعبي"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(RANKS), st.sampled_from(ROLES), st.sampled_from(NAMES), st.booleans())
def test_a_rank_without_a_comma_is_a_rank_with_one(rank, role, name, comma):
    code, title = role
    sep = "، " if comma else " "
    found = extract_meetings(f"استقبل عبد اللطيف حموشي اليوم بالرباط {title}{sep}{rank} {name}.")
    assert [(m.counterpart.country, m.counterpart.name, m.counterpart.honorific, m.counterpart.title)
            for m in found.meetings] == [(code, name, rank, title)]


LISTS = [
 ("استقبل عبد اللطيف حموشي اليوم بالرباط سفير جمهورية إندونيسيا بالمغرب، السيد بودي هارتونو، "
  "والسفير الفيتنامي دانغ فان هو.",
  [("ID", "بودي هارتونو", "السيد", None, None), ("VN", "دانغ فان هو", None, "السفير الفيتنامي", None)]),
 ("استقبل السيد عبد اللطيف حموشي بالرباط سفيرة كندا، السيدة ليندا مارتن، والسفير الصيني لي تشانغ هو.",
  [("CA", "ليندا مارتن", "السيدة", None, None), ("CN", "لي تشانغ هو", None, "السفير الصيني", None)]),
]


LISTS += [
 ("واستقبل حموشي اليوم بالرباط سفير جمهورية كوريا الجنوبية، السيد بارك جي هو.",
  [("KR", "بارك جي هو", "السيد", "سفير جمهورية كوريا الجنوبية", None)]),
 ("Abdellatif Hammouchi received on Monday in Rabat the ambassador of Peru, Ms Rosa Quispe, and the "
  "South Korean ambassador Park Min Jun.",
  [("PE", "Rosa Quispe", "Ms", None, None), ("KR", "Park Min Jun", None, "South Korean ambassador", None)]),
 ("Abdellatif Hammouchi a reçu lundi à Rabat l'ambassadrice du Pérou, Mme Rosa Quispe, et "
  "l'ambassadeur sud-coréen Park Min Jun.",
  [("PE", "Rosa Quispe", "Mme", None, None), ("KR", "Park Min Jun", None, "ambassadeur sud-coréen", None)]),
]


@pytest.mark.parametrize(("text", "expected"), LISTS)
def test_a_name_ending_in_a_pronoun_word_is_a_name(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("text", "kinds"), [
    ("وقد بحث هو والسفير سبل التعاون", ["pronoun"]),
    ("On Monday he met with the Kenyan police chief", ["pronoun"]),
    ("والسفير الفيتنامي دانغ فان هو", []),
    ("the ambassador of Vietnam Dang Van He", []),
    ("السيد لي سونغ هو", []),
    ("Mr Dang Van He", []),
])
def test_a_pronoun_after_a_role_is_no_subject_pronoun(text, kinds):
    assert [m.kind for m in mentions(fold(text), True, True)] == kinds


HOSTS = [
 ("حموشي في زيارة عمل إلى أبوظبي\nحل عبد اللطيف حموشي بأبوظبي في زيارة عمل. واستقبل وزير الداخلية "
  "الإماراتي الفريق سيف بن زايد آل نهيان المسؤول الأمني المغربي بمقر الوزارة.",
  [("AE", "سيف بن زايد آل نهيان", "الفريق", "وزير الداخلية الإماراتي", None)]),
 ("حل عبد اللطيف حموشي بالقاهرة في زيارة عمل.\nوالتقى رئيس المخابرات العامة المصرية اللواء حسن "
  "رشاد المدير العام للأمن الوطني، حيث بحثا سبل التعاون.",
  [("EG", "حسن رشاد", "اللواء", "رئيس المخابرات العامة المصرية", None)]),
]


HOSTS += [
 # the host as the subject before the verb, no comma
 ("Abdellatif Hammouchi s'est rendu à Koweït pour une visite de travail.\nLe ministre koweïtien de "
  "l'Intérieur cheikh Fahad Al Sabah a reçu le responsable marocain au siège du ministère.",
  [("KW", "Fahad Al Sabah", "cheikh", "ministre koweïtien de l'Intérieur", None)]),
 ("Abdellatif Hammouchi travelled to Manama on a working visit.\nBahrain's Interior Minister General "
  "Rashid Al Khalifa received the Moroccan official at the ministry.",
  [("BH", "Rashid Al Khalifa", "General", "Bahrain's Interior Minister", None)]),
]


@pytest.mark.parametrize(("text", "expected"), HOSTS)
def test_a_host_between_the_verb_and_him_is_the_counterpart(text, expected):
    _check(text, expected)


HOST_ROLES = [("QA", "وزير الداخلية القطري", "الشيخ"), ("SA", "وزير الداخلية السعودي", "الأمير"),
              ("KW", "وزير الداخلية الكويتي", "الشيخ"), ("BH", "رئيس الأمن العام البحريني", "اللواء")]
HIM = ["المسؤول الأمني المغربي", "المدير العام للأمن الوطني", "عبد اللطيف حموشي"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(HOST_ROLES), st.sampled_from(NAMES), st.sampled_from(HIM), st.booleans())
def test_the_host_with_or_without_commas(host, name, him, commas):
    code, title, rank = host
    sep = "، " if commas else " "
    found = extract_meetings(f"حل عبد اللطيف حموشي في زيارة عمل رسمية.\n"
                             f"واستقبل {title}{sep}{rank} {name}{sep}{him}، حيث تم بحث التعاون الأمني.")
    assert [(m.counterpart.country, m.counterpart.name, m.counterpart.title) for m in found.meetings] \
        == [(code, name, title)]


@pytest.mark.parametrize("text", [
    "استقبل وزير الداخلية عبد الوافي لفتيت المدير العام للأمن الوطني عبد اللطيف حموشي بمقر الوزارة بالرباط.",
    "استقبل والي جهة الرباط سلا القنيطرة محمد اليعقوبي المسؤول الأمني المغربي عبد اللطيف حموشي.",
])
def test_a_moroccan_host_is_no_foreign_counterpart(text):
    assert extract_meetings(text).meetings == []


AGENCY_PHRASES = [
 # (role, agency): the whole organisation phrase when the gazetteer names only its second half
 ("مديرة جهاز الأمن والمخابرات الكيني (NIS)", "جهاز الأمن والمخابرات الكيني (NIS)"),
 ("رئيس وكالة الاستخبارات والأمن البولندية (ABW)", "وكالة الاستخبارات والأمن البولندية (ABW)"),
 ("director of the Security and Intelligence Service (SIS)", "Security and Intelligence Service (SIS)"),
 ("director of the AIVD", "AIVD"),
 # the definite adjectives that end the role after the gazetteer's name are its name too
 ("مدير الشرطة الكندية الملكية", "الشرطة الكندية الملكية"),
 # a name the gazetteer has whole stays the gazetteer's
 ("المدير العام للشرطة الوطنية الإسبانية", "الشرطة الوطنية الإسبانية"),
 ("مديرة جهاز الأمن الفيدرالي النمساوي", "جهاز الأمن الفيدرالي النمساوي"),
]


@pytest.mark.parametrize(("role", "agency"), AGENCY_PHRASES)
def test_an_agency_joined_by_and_is_the_whole_phrase(role, agency):
    assert decide_agency(role, agency_in(role)) == agency


def test_a_conjoined_agency_in_a_meeting():
    _check("استقبل عبد اللطيف حموشي بالرباط رئيس وكالة الاستخبارات والأمن البولندية (ABW) السيد "
           "توماش نوفاك.", [("PL", "توماش نوفاك", "السيد", None, "وكالة الاستخبارات والأمن البولندية (ABW)")])


STRAY_STOPS = [
 ("واستقبل عبد اللطيف حموشي. بمقر المديرية العامة للأمن الوطني بالرباط، مدير الشرطة الجنائية "
  "البرتغالية جواو سانتوس، حيث بحثا التعاون.",
  [("PT", "جواو سانتوس", None, "مدير الشرطة الجنائية البرتغالية", None)]),
 ("Abdellatif Hammouchi a reçu. Au siège de la DGST à Témara, le directeur de la police "
  "judiciaire belge, M. Pieter Claes.", [("BE", "Pieter Claes", "M", None, None)]),
 ("Abdellatif Hammouchi received. On Monday in Rabat, the Director of the Hungarian National "
  "Police, Gabor Nagy.", [("HU", "Gabor Nagy", None, None, None)]),
]


@pytest.mark.parametrize(("text", "expected"), STRAY_STOPS)
def test_a_stray_stop_after_his_name_then_the_place(text, expected):
    _check(text, expected)


def test_a_next_sentence_with_its_own_verb_is_no_continuation():
    found = extract_meetings("استقبل عبد اللطيف حموشي. بمقر المديرية العامة بالرباط، ترأس مدير الشرطة "
                             "حفل تخرج الفوج الجديد.")
    assert found.meetings == []


PLACES = ["بمقر المديرية العامة للأمن الوطني بالرباط", "اليوم الثلاثاء بتمارة", "بالرباط"]
FOREIGN = [("IT", "المدير المركزي للشرطة القضائية الإيطالية", "ماركو فيراري"),
           ("NL", "رئيس الشرطة الوطنية الهولندية", "يان بيترز"),
           ("ES", "المدير العام للحرس المدني الإسباني", "خوسيه رويث")]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PLACES), st.sampled_from(FOREIGN), st.booleans())
def test_a_stray_stop_before_the_place_gives_the_same_meeting(place, who, stop):
    code, title, name = who
    sep = ". " if stop else " "
    found = extract_meetings(f"واستقبل عبد اللطيف حموشي{sep}{place}، {title}، السيد {name}، "
                             "حيث بحثا التعاون.")
    assert [(m.counterpart.country, m.counterpart.name) for m in found.meetings] == [(code, name)]


POSSESSIVES = [
 ("Abdellatif Hammouchi held talks on Tuesday in Rabat with Ghana's director general of criminal "
  "investigations, Commissioner Kwame Mensah.",
  [("GH", "Kwame Mensah", "Commissioner", "Ghana's director general of criminal investigations",
    "criminal investigations")]),
 ("Abdellatif Hammouchi met in Rabat with Kenya's director of criminal investigations, Inspector "
  "General Peter Kamau.",
  [("KE", "Peter Kamau", "Inspector General", None, "criminal investigations")]),
 ("Abdellatif Hammouchi a reçu à Rabat le directeur général de la police nationale ivoirienne, "
  "l'inspecteur général Yao Kouassi.", [("CI", "Yao Kouassi", "l'inspecteur général", None, None)]),
 ("استقبل عبد اللطيف حموشي بالرباط المدير العام للشرطة الوطنية السنغالية، المفتش العام عثمان ديوب.",
  [("SN", "عثمان ديوب", "المفتش العام", "المدير العام للشرطة الوطنية السنغالية", None)]),
]


@pytest.mark.parametrize(("text", "expected"), POSSESSIVES)
def test_a_possessive_country_and_a_rank_that_is_also_a_role(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("role", "agency"), [
    ("Senegal's director general of national police", "national police"),
    ("Spain's Director of the National Intelligence Centre (CNI)", "National Intelligence Centre (CNI)"),
    ("Europol's Deputy Executive Director", "Europol"),
    # an organisation as the owner is the agency, its department is not
    ("AFRIPOL's Director of Operations Support", "AFRIPOL"),
])
def test_the_organisation_after_a_possessive_owner(role, agency):
    assert decide_agency(role, agency_in(role)) == agency


RELEASES = [
 ("Le Service de renseignement de la Confédération (SRC) a indiqué que son directeur, M. Luc "
  "Favre, a été reçu mardi à Rabat par Abdellatif Hammouchi.",
  [("CH", "Luc Favre", "M", "directeur", "Service de renseignement de la Confédération (SRC)")]),
 ("The Finnish Security and Intelligence Service (SUPO) announced that its Director, Ms Anna "
  "Virtanen, met in Rabat with Abdellatif Hammouchi.",
  [("FI", "Anna Virtanen", "Ms", "Director", "Finnish Security and Intelligence Service (SUPO)")]),
 ("أعلنت الشرطة الوطنية الهولندية أن مديرها العام، السيد يان سميت، استقبل بالرباط من طرف عبد اللطيف حموشي.",
  [("NL", "يان سميت", "السيد", "مديرها العام", "الشرطة الوطنية الهولندية")]),
]


@pytest.mark.parametrize(("text", "expected"), RELEASES)
def test_its_director_is_the_official_of_the_service_that_says_so(text, expected):
    _check(text, expected)


@pytest.mark.parametrize("text", [
    "Abdellatif Hammouchi a rencontré son homologue à Rabat.",
    "La Direction générale de la sûreté nationale a indiqué que son directeur a reçu à Rabat les "
    "lauréats de la nouvelle promotion.",
])
def test_a_possessive_without_a_foreign_service_names_no_one(text):
    assert extract_meetings(text).meetings == []
