"""Gazetteers: data-file integrity and matching, from tables of our own sentences."""

from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.gazetteer import (
    agencies,
    capital_of,
    cities,
    city_of,
    countries,
    country_name,
    country_of,
    country_of_adjective,
    find_agencies,
    find_cities,
    find_countries,
    key,
    organizations,
)
from crawler.gazetteer.build_countries import DATA, build, load_sources, read_demonyms
from crawler.gazetteer.loader import AGENCY_TYPES, ORG_CODES, GazetteerError, check_agencies, check_cities
from crawler.textnorm import fold, fold_map

# --- data integrity ----------------------------------------------------------------------------------


def test_every_un_member_has_arabic_french_english_names():
    src = yaml.safe_load((DATA / "country_sources.yaml").read_text(encoding="utf-8"))
    members = src["un_members"]
    assert len(set(members)) == 193
    data = countries()
    for code in members:
        c = data[code]
        assert c["un_member"] is True
        for lang in ("ar", "fr", "en"):
            assert c["name"][lang], (code, lang)
            assert c["names"][lang], (code, lang)
    for code in ("PS", "XK", "TW", "VA"):
        assert data[code]["un_member"] is False
    assert "EH" not in data  # Western Sahara is no separate country


def test_codes_are_iso_alpha2_and_organisations_known():
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in countries())
    assert set(organizations()) == set(ORG_CODES)


def test_no_surface_names_two_countries_unless_marked_ambiguous():
    owners: dict[str, set[str]] = {}
    for code, c in countries().items():
        for group in ("names", "adjectives"):
            for surfaces in c[group].values():
                for s in surfaces:
                    owners.setdefault(key(s), set()).add(code)
        for s in c["acronyms"]:
            owners.setdefault(key(s), set()).add(code)
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_generated_file_is_up_to_date():
    """countries.yaml is what build_countries.py makes from the sources (rerun it after an edit)."""
    built = build(load_sources(), read_demonyms(DATA / "demonyms.tsv"))
    on_disk = yaml.safe_load((DATA / "countries.yaml").read_text(encoding="utf-8"))
    assert built == on_disk


def test_agencies_are_well_formed_and_many():
    recs = agencies()
    assert len(recs) >= 60
    known = set(countries()) | set(ORG_CODES)
    for a in recs:
        assert a["type"] in AGENCY_TYPES
        if a.get("ambiguous"):
            assert a.get("country") is None and a.get("candidates"), a["id"]
        else:
            assert a["country"] in known, a["id"]
    assert len({a["id"] for a in recs}) == len(recs)


def test_cities_are_well_formed():
    recs = cities()
    assert len(recs) >= 150
    assert len({c["name"] for c in recs}) == len(recs)
    assert all(c["country"] in countries() and c["ar"] for c in recs)


@pytest.mark.parametrize("entry,message", [
    ({"id": "X", "type": "spies", "country": "FR", "names": {"fr": ["x"]}}, r"agencies\[0\] \(X\): type"),
    ({"id": "X", "type": "police", "names": {"fr": ["x"]}}, "not marked ambiguous"),
    ({"id": "X", "type": "police", "country": "ZZ", "names": {"fr": ["x"]}}, "unknown country 'ZZ'"),
    ({"id": "X", "type": "police", "country": "FR", "domestic": True, "names": {"fr": ["x"]}}, "Moroccan"),
    ({"id": "X", "type": "police", "country": "FR"}, "no names"),
    ({"id": "X", "type": "police", "country": "FR", "names": {"de": ["x"]}}, r"names\.de"),
])
def test_a_malformed_agency_fails_naming_the_entry(entry, message):
    with pytest.raises(GazetteerError, match=message):
        check_agencies({"agencies": [entry]}, {"FR", "MA"})


def test_a_malformed_city_fails_naming_the_entry():
    with pytest.raises(GazetteerError, match=r"cities\[1\] \(Rabat\): duplicate"):
        check_cities({"cities": [{"name": "Rabat", "country": "MA", "ar": ["الرباط"]}] * 2}, {"MA"})
    with pytest.raises(GazetteerError, match="known ISO country"):
        check_cities({"cities": [{"name": "Atlantis", "country": "ZZ", "ar": ["أطلانتس"]}]}, {"MA"})


@pytest.mark.parametrize("text", [
    "  بِالْمَمْلَكَةِ  الْمُتَّحِدَةِ، «الرباط» ", "Sûreté de l’État (VSSE)", "حموشـــي ٢٠٢٥", "ﻻ", "a  \n b",
])
def test_fold_map_is_fold_with_offsets(text):
    key_, offsets = fold_map(text)
    assert key_ == fold(text)
    assert len(offsets) == len(key_) and offsets == sorted(offsets)
    for k, i in zip(key_, offsets, strict=True):
        assert k == " " or fold(text[i]) and k in fold(text[i]) or text[i] in "ﻻ"


def test_fold_map_without_accents():
    assert fold_map("Sûreté de l'État", accents=False)[0] == "surete de l etat"


def test_country_name():
    assert country_name("ES") == "Spain"
    assert country_name("ES", "ar") == "إسبانيا"
    assert country_name("NL", "fr") == "Pays-Bas"
    assert country_name("INTERPOL") == "INTERPOL"
    assert country_name("ZZ") is None


# --- countries ----------------------------------------------------------------------------------------

COUNTRY_CASES = [
    # (text, [(code, surface, kind)])
    ("زار المسؤول المملكة المتحدة ثم بريطانيا",
     [("GB", "المملكة المتحدة", "name"), ("GB", "بريطانيا", "name")]),
    ("وفد من الولايات المتحدة الأمريكية وآخر من أمريكا",
     [("US", "الولايات المتحدة الأمريكية", "name"), ("US", "أمريكا", "name")]),
    ("سفير دولة الإمارات العربية المتحدة", [("AE", "دولة الإمارات العربية المتحدة", "name")]),
    ("سفيرة الإمارات بالرباط", [("AE", "الإمارات", "name")]),
    ("المدير العام للشرطة بجمهورية السنغال", [("SN", "جمهورية السنغال", "name")]),
    ("سفير المملكة العربية السعودية", [("SA", "المملكة العربية السعودية", "name")]),
    ("بالجمهورية الإسلامية الموريتانية", [("MR", "الجمهورية الإسلامية الموريتانية", "name")]),
    ("وفد من كوت ديفوار", [("CI", "كوت ديفوار", "name")]),
    ("رئيس المكتب بجمهورية ألمانيا الاتحادية", [("DE", "جمهورية ألمانيا الاتحادية", "name")]),
    ("L'ambassadeur des Pays-Bas et celui de Hollande",
     [("NL", "Pays-Bas", "name"), ("NL", "Hollande", "name")]),
    ("Le Royaume-Uni et l’Espagne", [("GB", "Royaume-Uni", "name"), ("ES", "Espagne", "name")]),
    ("visite aux Émirats arabes unis", [("AE", "Émirats arabes unis", "name")]),
    ("talks in the United Kingdom and the UAE", [("GB", "United Kingdom", "name"), ("AE", "UAE", "acronym")]),
    ("the U.S. and the USA", [("US", "U.S", "acronym"), ("US", "USA", "acronym")]),
    ("the Republic of Korea and South Korea",
     [("KR", "Republic of Korea", "name"), ("KR", "South Korea", "name")]),
    ("Hammouchi in Côte d'Ivoire", [("CI", "Côte d'Ivoire", "name")]),
    ("vers la cote d ivoire", [("CI", "cote d ivoire", "name")]),  # accents and apostrophes fold
    ("المملكة الإسبانية والجمهورية الفرنسية",
     [("ES", "المملكة الإسبانية", "name"), ("FR", "الجمهورية الفرنسية", "name")]),
    ("غينيا بيساو وغينيا الاستوائية وغينيا",
     [("GW", "غينيا بيساو", "name"), ("GQ", "غينيا الاستوائية", "name"), ("GN", "غينيا", "name")]),
    ("جنوب السودان والسودان", [("SS", "جنوب السودان", "name"), ("SD", "السودان", "name")]),
    ("Northern Ireland and Ireland", [("GB", "Northern Ireland", "name"), ("IE", "Ireland", "name")]),
]


@pytest.mark.parametrize("text,expected", COUNTRY_CASES)
def test_find_countries(text, expected):
    got = [(m.code, m.surface, m.kind) for m in find_countries(text)]
    assert got == expected
    for m in find_countries(text):
        assert text[m.start:m.end] == m.surface


PREFIX_CASES = [
    # clitics stay outside the span; longest match wins
    ("وإسبانيا", "ES", "إسبانيا"),
    ("بإسبانيا", "ES", "إسبانيا"),
    ("لإسبانيا", "ES", "إسبانيا"),
    ("فإسبانيا", "ES", "إسبانيا"),
    ("بالمملكة المتحدة", "GB", "المملكة المتحدة"),
    ("والمملكة المتحدة", "GB", "المملكة المتحدة"),
    ("فالمملكة المتحدة", "GB", "المملكة المتحدة"),
    ("وبالمملكة المغربية", "MA", "المملكة المغربية"),
    ("للمملكة المتحدة", "GB", "لمملكة المتحدة"),
    ("كالولايات المتحدة", "US", "الولايات المتحدة"),
    ("بدولة قطر", "QA", "دولة قطر"),
    ("بِالْمَمْلَكَةِ الْمُتَّحِدَةِ", "GB", "الْمَمْلَكَةِ الْمُتَّحِدَةِ"),  # tashkeel kept in the span
    ("بالمملكة المتحـدة", "GB", "المملكة المتحـدة"),  # tatweel
]


@pytest.mark.parametrize("text,code,surface", PREFIX_CASES)
def test_arabic_clitic_prefixes(text, code, surface):
    (m,) = find_countries(text)
    assert (m.code, m.surface) == (code, surface)


def test_double_lam_gives_a_base_form():
    (m,) = find_countries("للمملكة المتحدة")
    assert m.base == "المملكة المتحدة"


ADJECTIVES = [
    # Arabic nisba: masculine/feminine, with and without ال, clitics
    ("الإسباني", "ES"), ("الإسبانية", "ES"), ("إسباني", "ES"), ("إسبانية", "ES"), ("والإسبانية", "ES"),
    ("البريطاني", "GB"), ("البريطانية", "GB"), ("الأمريكي", "US"), ("الأميركي", "US"), ("الأمريكية", "US"),
    ("الإماراتي", "AE"), ("الإماراتية", "AE"), ("الهولندي", "NL"), ("الهولندية", "NL"), ("البلجيكي", "BE"),
    ("البلجيكية", "BE"), ("الإيفواري", "CI"), ("الإيفوارية", "CI"), ("البرتغالية", "PT"), ("الفرنسية", "FR"),
    ("الألمانية", "DE"), ("السنغالي", "SN"), ("الموريتانية", "MR"), ("الأردنية", "JO"), ("القطري", "QA"),
    ("السعودية", "SA"), ("العماني", "OM"), ("النمساوي", "AT"), ("السويسرية", "CH"), ("البرازيلية", "BR"),
    ("الياباني", "JP"), ("النيجيري", "NG"), ("النيجري", "NE"), ("الكوري الجنوبي", "KR"),
    ("البريطانيين", "GB"), ("الإسبان", "ES"), ("الفرنسيون", "FR"), ("التوغولي", "TG"), ("الإيطالية", "IT"),
    # French, masculine/feminine/plural
    ("espagnol", "ES"), ("espagnole", "ES"), ("espagnols", "ES"), ("espagnoles", "ES"), ("belge", "BE"),
    ("belges", "BE"), ("néerlandais", "NL"), ("néerlandaise", "NL"), ("ivoirien", "CI"), ("ivoirienne", "CI"),
    ("britannique", "GB"), ("émirati", "AE"), ("grecque", "GR"), ("turque", "TR"), ("sud-coréen", "KR"),
    ("Espagnol", "ES"), ("francaise", "FR"),
    # English, capitalised
    ("Spanish", "ES"), ("Belgian", "BE"), ("Dutch", "NL"), ("Emirati", "AE"), ("British", "GB"),
    ("American", "US"), ("Portuguese", "PT"), ("Saudi", "SA"), ("Belgians", "BE"),
]


@pytest.mark.parametrize("word,code", ADJECTIVES)
def test_country_of_adjective(word, code):
    assert country_of_adjective(word) == code


@pytest.mark.parametrize("word", ["polish", "turkish", "المالية", "مالي", "السامية", "العربية", "الوطنية",
                                  "الإسبانيا", "Spain", "grece"])
def test_not_adjectives(word):
    assert country_of_adjective(word) is None


def test_adjective_in_sentence_is_marked_adjective():
    (m,) = find_countries("استقبل السفير البلجيكي")
    assert (m.code, m.kind, m.surface) == ("BE", "adjective", "البلجيكي")


AMBIGUOUS = [
    ("وفد من كوريا", ["KR", "KP"]),
    ("une délégation du Congo", ["CG", "CD"]),
    ("زيارة إلى عمان", ["OM", "JO"]),
]


@pytest.mark.parametrize("text,candidates", AMBIGUOUS)
def test_ambiguous_country_surfaces_have_no_code(text, candidates):
    (m,) = find_countries(text)
    assert m.code is None and m.get("ambiguous") and m.get("candidates") == candidates


@pytest.mark.parametrize("text", [
    "الأقاليم الجنوبية للمملكة",
    "التنمية في الصحراء المغربية",
    "قضية الصحراء الغربية",
    "le Sahara marocain",
    "au Maghreb",
    "les pays d'Amérique latine",
    "دول أمريكا اللاتينية",
    "دعم مالي مهم",                      # مالي "financial", not Mali
    "المفوضية السامية لشؤون اللاجئين",   # سامي "high", not Samoa
    "we met us there",                    # lowercase "us"
    "Maurice Dupont et Dominique Martin",  # first names, not Mauritius/Dominica
    "الأمير تركي بن محمد",                # a given name, not Türkiye
    "Salvador Illa",
])
def test_phrases_naming_no_country(text):
    assert [m.code for m in find_countries(text)] == []


def test_mali_by_its_long_form_and_in_latin_script():
    assert [m.code for m in find_countries("سفير جمهورية مالي")] == ["ML"]
    assert [m.code for m in find_countries("l'ambassadeur du Mali")] == ["ML"]


ORGS = [
    ("الأمين العام للمنظمة الدولية للشرطة الجنائية (الإنتربول)", ["INTERPOL", "INTERPOL"]),
    ("الأنتربول والانتربول", ["INTERPOL", "INTERPOL"]),
    ("le secrétaire général d'Interpol et l'OIPC", ["INTERPOL", "INTERPOL"]),
    ("مدير اليوروبول", ["EUROPOL"]),
    ("Europol and AFRIPOL", ["EUROPOL", "AFRIPOL"]),
    ("مكتب الأمم المتحدة المعني بالمخدرات والجريمة", ["UNODC"]),
    ("سفير الاتحاد الأوروبي", ["EU"]),
    ("l'ambassadrice de l'Union européenne", ["EU"]),
    ("المسؤول الأممي", ["UN"]),
    ("منظمة الأمم المتحدة", ["UN"]),
]


@pytest.mark.parametrize("text,codes", ORGS)
def test_organisations(text, codes):
    found = find_countries(text)
    assert [m.code for m in found] == codes
    assert all(m.get("type") == "organization" for m in found)


def test_latin_names_inside_arabic_text():
    found = find_countries("التقى Alex PINFIELD سفير United Kingdom ووفد Belgian")
    assert [(m.code, m.surface) for m in found] == [("GB", "United Kingdom"), ("BE", "Belgian")]


def test_country_of():
    assert country_of("Espagne") == "ES"
    assert country_of("للولايات المتحدة") == "US"
    assert country_of("EAU") == "AE"
    assert country_of("كوريا") is None
    assert country_of("مدريد") is None


# --- agencies -----------------------------------------------------------------------------------------

AGENCY_CASES = [
    # (text, [(agency id, surface, country)])
    ("استقبل رئيس الحرس المدني الإسباني", [("ES-GC", "الحرس المدني الإسباني", "ES")]),
    ("مدير الحرس المدني", [("ES-GC", "الحرس المدني", "ES")]),
    ("la directrice du CNI espagnol", [("ES-CNI", "CNI", "ES")]),
    ("le directeur de la DGSI et celui de la DGSE", [("FR-DGSI", "DGSI", "FR"), ("FR-DGSE", "DGSE", "FR")]),
    ("وفد من مكتب التحقيقات الفيدرالي الأمريكي", [("US-FBI", "مكتب التحقيقات الفيدرالي", "US")]),
    ("a delegation of the FBI and the CIA", [("US-FBI", "FBI", "US"), ("US-CIA", "CIA", "US")]),
    ("the heads of MI5 and MI6", [("GB-MI5", "MI5", "GB"), ("GB-MI6", "MI6", "GB")]),
    ("رئيس المكتب الفيدرالي للشرطة الجنائية", [("DE-BKA", "المكتب الفيدرالي للشرطة الجنائية", "DE")]),
    ("the BKA, the BfV and the BND",
     [("DE-BKA", "BKA", "DE"), ("DE-BFV", "BfV", "DE"), ("DE-BND", "BND", "DE")]),
    ("directrice générale de l'AIVD", [("NL-AIVD", "AIVD", "NL")]),
    ("administratrice générale de la VSSE", [("BE-VSSE", "VSSE", "BE")]),
    ("directeur de l'Organe de coordination pour l'analyse de la menace (OCAM)",
     [("BE-OCAM", "Organe de coordination pour l'analyse de la menace", "BE"), ("BE-OCAM", "OCAM", "BE")]),
    ("مديرة المكتب الفيدرالي للشرطة بالكونفدرالية السويسرية (fedpol)",
     [("CH-FEDPOL", "المكتب الفيدرالي للشرطة", "CH"), ("CH-FEDPOL", "fedpol", "CH")]),
    ("l'AISE et l'AISI", [("IT-AISE", "AISE", "IT"), ("IT-AISI", "AISI", "IT")]),
    ("le chef de la Police d'État", [("IT-PS", "Police d'État", "IT")]),
    ("a PSP e o SEF", [("PT-PSP", "PSP", "PT"), ("PT-SEF", "SEF", "PT")]),
    ("مدير دائرة المخابرات العامة الأردنية", [("JO-GID", "دائرة المخابرات العامة الأردنية", "JO")]),
    ("القائد العام لشرطة أبوظبي", [("AE-ADP", "شرطة أبوظبي", "AE")]),
    ("نائب رئيس أمن الدولة بالمملكة العربية السعودية", [("state-security", "أمن الدولة", "SA")]),
    ("Inspector General of the Royal Oman Police", [("OM-ROP", "Royal Oman Police", "OM")]),
    ("directeur général de la Police grand-ducale", [("LU-POLICE", "Police grand-ducale", "LU")]),
    ("the Inspector-General of the Nigeria Police Force", [("NG-NPF", "Nigeria Police Force", "NG")]),
    ("قائد الحرس الوطني الجمهوري", [("PT-GNR", "الحرس الوطني الجمهوري", "PT")]),
    ("la Direction centrale de la police aux frontières",
     [("FR-DCPAF", "Direction centrale de la police aux frontières", "FR")]),
]


@pytest.mark.parametrize("text,expected", AGENCY_CASES)
def test_find_agencies(text, expected):
    got = [(m.code, m.surface, m.get("country")) for m in find_agencies(text)]
    assert got == expected


QUALIFIED = [
    # a homonym gets the country that follows it: adjective, clitic + country, preposition + country
    ("المدير العام للشرطة الوطنية بجمهورية السنغال", "national-police", "SN", "جمهورية السنغال"),
    ("المدير العام للشرطة الوطنية بجمهورية كوت ديفوار", "national-police", "CI", "جمهورية كوت ديفوار"),
    ("المفوض العام للشرطة الفيدرالية البلجيكية", "federal-police", "BE", "البلجيكية"),
    ("المدير العام للشرطة الفيدرالية البرازيلية", "BR-PF", "BR", None),
    ("مدير الشرطة القضائية بالجمهورية البرتغالية", "judicial-police", "PT", "الجمهورية البرتغالية"),
    ("رئيس جهاز أمن الدولة بدولة قطر", "state-security", "QA", "دولة قطر"),
    ("رئيس جهاز أمن الدولة بدولة الإمارات العربية المتحدة", "state-security", "AE",
     "دولة الإمارات العربية المتحدة"),
    ("المدير العام للأمن الوطني بالجمهورية الإسلامية الموريتانية", "MA-DGSN", "MR",
     "الجمهورية الإسلامية الموريتانية"),
    ("le chef de la police fédérale belge", "federal-police", "BE", "belge"),
    ("the Director General of the Federal Judicial Police of Belgium", "federal-judicial-police", "BE",
     "Belgium"),
    ("la Police nationale du Sénégal", "national-police", "SN", "Sénégal"),
    ("وزير الداخلية ووزارة الداخلية الإسبانية", "interior-ministry", "ES", "الإسبانية"),
    ("المديرة العامة لأمن الدولة بمملكة بلجيكا", "state-security", "BE", "مملكة بلجيكا"),
    ("المديرة العامة للأمن الداخلي الفرنسي", "internal-security-service", "FR", "الفرنسي"),
    ("رئيس جهاز المخابرات البريطاني", "intelligence-service", "GB", "البريطاني"),
    ("وفد عن الشرطة البلجيكية", "police", "BE", "البلجيكية"),
    ("les services de renseignement espagnols", "intelligence-service", "ES", "espagnols"),
    # English puts the adjective first
    ("the head of British intelligence services", "intelligence-service", "GB", "British"),
    ("the Belgian Federal Police", "federal-police", "BE", "Belgian"),
]


def test_an_acronym_in_brackets_names_a_homonym():
    m, dgj = find_agencies("directeur général de la police judiciaire fédérale (DGJ)")
    assert (m.code, m.get("country"), m.get("qualifier").surface) == ("federal-judicial-police", "BE", "DGJ")
    assert dgj.code == "BE-DGJ"


@pytest.mark.parametrize("text,agency,country,qualifier", QUALIFIED)
def test_homonyms_take_the_country_that_follows(text, agency, country, qualifier):
    m = find_agencies(text)[-1]
    assert (m.code, m.get("country")) == (agency, country)
    q = m.get("qualifier")
    assert (q.surface if q else None) == qualifier
    assert m.get("domestic") is False


def test_agency_with_its_adjective():
    (m,) = find_agencies("المفوض العام للشرطة الفيدرالية البلجيكية، السيد")
    assert m.get("with_adjective") == "الشرطة الفيدرالية البلجيكية"
    (m,) = find_agencies("المدير العام للشرطة الوطنية بجمهورية السنغال")
    assert m.get("with_adjective") is None


@pytest.mark.parametrize("text,agency,candidates", [
    ("المدير العام للشرطة الوطنية", "national-police", "FR"),
    ("رئيس جهاز أمن الدولة", "state-security", "AE"),
    ("la police fédérale", "federal-police", "BE"),
    ("مدير الشرطة القضائية", "judicial-police", "PT"),
    ("التعاون بين الشرطة الوطنية وإسبانيا", "national-police", "ES"),  # و is "and", not "of"
    ("la police fédérale et la Belgique", "federal-police", "BE"),
])
def test_unqualified_homonyms_have_no_country(text, agency, candidates):
    (m,) = find_agencies(text)
    assert m.code == agency and m.get("country") is None and m.get("ambiguous")
    assert candidates in m.get("candidates")


@pytest.mark.parametrize("text,agency", [
    ("المدير العام للأمن الوطني ولمراقبة التراب الوطني", "MA-DGSN"),
    ("المديرية العامة لمراقبة التراب الوطني", "MA-DGST"),
    ("le patron de la DGSN-DGST", "MA-DGSN"),
    ("المكتب المركزي للأبحاث القضائية", "MA-BCIJ"),
    ("القيادة العامة للدرك الملكي", "MA-GR"),
    ("وزارة الداخلية", "interior-ministry"),
])
def test_moroccan_services_are_domestic(text, agency):
    m = find_agencies(text)[0]
    assert m.code == agency and m.get("domestic") is True
    assert m.get("country") == "MA" or m.get("unqualified") == "MA"


@pytest.mark.parametrize("text", [
    "تعزيز التعاون مع الشرطة والمخابرات",   # common nouns without a country: no agency
    "la police et le renseignement",
    "intelligence services and police",
])
def test_generic_nouns_need_a_country(text):
    assert find_agencies(text) == []


def test_domestic_homonym_and_moroccan_gendarmerie_are_told_apart():
    (m,) = find_agencies("الدرك الملكي الهولندي")
    assert (m.code, m.get("country"), m.get("domestic")) == ("NL-KMAR", "NL", False)


def test_short_acronyms_match_in_capitals_only():
    assert [m.code for m in find_agencies("the cia and the fbi")] == []
    assert [m.code for m in find_agencies("SIS")] == ["SIS"]
    assert find_agencies("SIS")[0].get("candidates") == ["GB", "PT"]


def test_agency_spans_are_exact_substrings():
    text = "استقبل، بِمقرِّ المديرية، رئيسَ الحرسِ المدنيِّ الإسبانيِّ، وللشرطة الوطنية الفرنسية"
    for m in find_agencies(text):
        assert text[m.start:m.end] == m.surface
    assert [m.code for m in find_agencies(text)] == ["ES-GC", "FR-DGPN"]


# --- cities -------------------------------------------------------------------------------------------

CITY_CASES = [
    ("استقبل اليوم بالرباط", [("Rabat", "MA")]),
    ("بمقر المديرية بتمارة", [("Temara", "MA")]),
    ("à Témara, puis à Tanger", [("Temara", "MA"), ("Tangier", "MA")]),
    ("بمراكش وطنجة والدار البيضاء", [("Marrakech", "MA"), ("Tangier", "MA"), ("Casablanca", "MA")]),
    ("in Marrakech and Fes", [("Marrakech", "MA"), ("Fez", "MA")]),
    ("زيارة عمل إلى مدريد ولشبونة", [("Madrid", "ES"), ("Lisbon", "PT")]),
    ("à Bruxelles et à La Haye", [("Brussels", "BE"), ("The Hague", "NL")]),
    ("في أبوظبي وأبو ظبي والدوحة", [("Abu Dhabi", "AE"), ("Abu Dhabi", "AE"), ("Doha", "QA")]),
    ("held talks in Washington, D.C.", [("Washington", "US")]),
    ("بالعاصمة النمساوية فيينا", [("Vienna", "AT")]),
    ("بالعيون والداخلة", [("Laayoune", "MA"), ("Dakhla", "MA")]),
]


@pytest.mark.parametrize("text,expected", CITY_CASES)
def test_find_cities(text, expected):
    assert [(m.code, m.get("country")) for m in find_cities(text)] == expected


@pytest.mark.parametrize("text", [
    "الاستراتيجية الجديدة",   # الجديدة "new", not El Jadida
    "a nice meeting",          # lowercase, not Nice
    "سيول جارفة",              # "floods", not Seoul
])
def test_common_words_are_not_cities(text):
    assert find_cities(text) == []


def test_cities_written_like_their_country_are_flagged():
    (m,) = find_cities("بالجزائر")
    assert m.code == "Algiers" and m.get("country_homonym")


def test_city_of_and_capital_of():
    assert city_of("بتمارة")["name"] == "Temara"
    assert city_of("Marrakech")["country"] == "MA"
    assert city_of("Atlantis") is None
    assert capital_of("BE") == "Brussels"
    assert capital_of("ES") == "Madrid"
    assert capital_of("MA") == "Rabat"


def test_latin_acronym_glued_to_an_arabic_clitic():
    (m,) = find_agencies("التقى مدير الـDGSI وبـDGSE")[:1]
    assert (m.code, m.surface) == ("FR-DGSI", "DGSI")
    assert [m.surface for m in find_countries("سفير الـUSA ولـEspagne")] == ["USA", "Espagne"]
    assert [m.code for m in find_agencies("التقى مدير الـDGSI وبـDGSE")] == ["FR-DGSI", "FR-DGSE"]


def _surfaces(records, fields):
    for r in records:
        names = r.get("names") or r
        for lang in fields:
            for s in names.get(lang) or []:
                yield r, s


def test_no_surface_names_two_agencies():
    owners: dict[str, set[str]] = {}
    for a, s in _surfaces(agencies(), ("ar", "fr", "en")):
        owners.setdefault(key(s), set()).add(a["id"])
    for a in agencies():
        for s in a.get("acronyms") or []:
            owners.setdefault(key(s), set()).add(a["id"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_no_surface_names_two_cities():
    owners: dict[str, set[str]] = {}
    for c, s in _surfaces(cities(), ("ar", "fr", "en")):
        owners.setdefault(key(s), set()).add(c["name"])
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_every_agency_name_finds_its_agency():
    for a, s in _surfaces(agencies(), ("ar", "fr", "en")):
        found = find_agencies(s, qualify=False)
        if a.get("generic"):
            continue
        assert [m.code for m in found] == [a["id"]], s


def test_every_city_name_finds_its_city():
    for c, s in _surfaces(cities(), ("ar", "fr", "en")):
        assert [m.code for m in find_cities(s)] == [c["name"]], s


_PIECES = st.sampled_from([
    "بالمملكة المتحدة", "الإسبانية", "ـ", "\u064e", "\u0651", " ", "،", "(", "fedpol", "DGSI",
    "للشرطة الوطنية",
    "Sûreté de l’État", "e\u0301", "ﻻ", "İ", "\n", "US", "us", "٢٠٢٥", "الصحراء المغربية", "الـ", "x", "بـ",
    "Côte d'Ivoire", "بتمارة",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_spans_are_always_exact_substrings(text):
    for finder in (find_countries, find_agencies, find_cities):
        last = 0
        for m in finder(text):
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start:m.end] == m.surface
            assert m.start >= last  # non-overlapping, in order
            last = m.end
