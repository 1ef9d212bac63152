"""Arabic as outlets nobody here wrote write it: feminine subjects, audiences granted ("خص …
باستقبال"), Darija, delegations listed after the counterpart, officials acting for Hammouchi, the
Tunisian and Libyan "آمر", formal state names. One table per mechanism, and hypothesis properties
where a mechanism is new. Sentences written for this test: invented persons, real countries and
agencies; none comes from a corpus."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.gazetteer import country_of
from crawler.meetings import extract_meetings
from crawler.meetings.place import place_cities
from crawler.vocab import fold
from crawler.vocab.phrases import GappedMatcher
from tests.conftest import one_meeting as one

H = "المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي"


# --- a woman as the subject, an audience granted, Darija verbs ---------------------------------------

VERBS = [
    (f"استقبلت وزيرة الداخلية الليتوانية، السيدة روتا ياناكيينه، اليوم بفيلنيوس، {H}.", "LT", None),
    (f"تباحثت سفيرة الدنمارك بالمغرب، السيدة ميته لارسن، اليوم الخميس بالرباط، مع {H}.", "DK", "ميته لارسن"),
    (f"حلت رئيسة الشرطة الوطنية الإستونية، السيدة كاترين تام، ضيفة على {H}، بتمارة.", "EE", "كاترين تام"),
    (f"حل المدير العام للشرطة الوطنية البنينية، السيد كوفي أهوانسو، ضيفة على {H}.", "BJ", "كوفي أهوانسو"),
    (f"أجرت المديرة العامة لجهاز الاستخبارات الأسترالي، السيدة كلير هيوز، مباحثات مع {H}.", "AU",
     "كلير هيوز"),
    (f"خص {H}، صباح اليوم الاثنين بمقر المديرية العامة للأمن الوطني بالرباط، المفتش العام للشرطة "
     "الأوغندية، الجنرال جوزيف أوتشينغ موانغا، باستقبال خاص.", "UG", "جوزيف أوتشينغ موانغا"),
    ("عبد اللطيف حموشي تلاقى البارح مع الكومندار ديال الشرطة النمساوية، فرانز هوبر.", "AT", "فرانز هوبر"),
    ("حموشي دار اليوم لقاء مع المدير ديال الشرطة البرتغالية، جواو فيريرا.", "PT", "جواو فيريرا"),
    ("الحموشي تلاقى فالرباط مع الشاف ديال البوليس الفنلندي، ميكو فيرتانن.", "FI", "ميكو فيرتانن"),
]


@pytest.mark.parametrize("text,country,name", VERBS)
def test_feminine_audience_and_darija_verbs(text, country, name):
    m = one(text)
    assert m.counterpart.country == country
    if name:
        assert m.counterpart.name == name


def test_a_long_gap_only_where_the_phrase_doubles_its_ellipsis():
    words = " ".join(f"كلمة{k}" for k in range(20))
    long = GappedMatcher(["خص …… باستقبال"])
    short = GappedMatcher(["خص … باستقبال"])
    text = fold(f"خص {words} باستقبال")
    assert long.search(text) is not None
    assert short.search(text) is None
    assert long.search(fold(f"خص {words}. باستقبال")) is None  # one clause only


# --- a city after the Darija ف glued to it, or after "the capital" and two adjectives --------------

@pytest.mark.parametrize("text,city", [
    ("تلاقى حموشي فمراكش مع المسؤول", "Marrakech"),
    ("اللقاء كان فالرباط", "Rabat"),
    ("جمعو لقاء فطنجة", "Tangier"),
    ("حل حموشي بالعاصمة الكورية الجنوبية سول", "Seoul"),
    ("في العاصمة الجنوب إفريقية بريتوريا", "Pretoria"),
    ("بالعاصمة الإسبانية مدريد", "Madrid"),
])
def test_a_city_after_a_darija_f_or_a_capital_with_adjectives(text, city):
    assert [c.code for c in place_cities(text)] == [city]


def test_darija_meeting_in_marrakesh():
    m = one("عبد اللطيف حموشي تلاقى نهار الجمعة فمراكش مع الرئيس ديال الشرطة الهنغارية، لاسلو ناغي.")
    assert (m.counterpart.country, m.location.city) == ("HU", "Marrakech")


# --- a delegation listed after the counterpart -------------------------------------------------------

RANKS = ["العقيد", "المقدم", "العميد", "السيد", "الرائد"]
NAMES = ["سامر الخطيب", "زياد النمر", "فراس العبادي", "نضال الحسن", "مهند الزعبي", "رامي القضاة"]
ROLES = ["مدير الأمن الوقائي", "رئيس قسم العلاقات الدولية", "مدير إدارة المعلومات",
         "رئيس مكتب الإنتربول", "الملحق الأمني بالسفارة"]
CUES = ["مرفوقا بوفد يضم كلا من", "على رأس وفد يضم", "يرافقه", "مرفوقا ب", "الذي يقود وفدا يضم"]


def _delegation(cue: str, members: list[tuple[str, str, str]], role_first: bool) -> str:
    listed = []
    for k, (rank, name, role) in enumerate(members):
        joint = "و" if k else ""
        listed.append(f"{joint}{role}، {rank} {name}" if role_first else f"{joint}{rank} {name}، {role}")
    sep = "" if cue.endswith(" ب") else " "  # "مرفوقا بالعقيد …"
    tail = f"، {cue}{sep}" + "، ".join(listed) if members else ""
    return (f"استقبل {H}، اليوم الثلاثاء بالرباط، اللواء كمال الشريف، مدير الأمن العام الأردني"
            f"{tail}.")


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(cue=st.sampled_from(CUES),
       members=st.lists(st.tuples(st.sampled_from(RANKS), st.sampled_from(NAMES), st.sampled_from(ROLES)),
                        max_size=4, unique_by=lambda t: t[1]),
       role_first=st.booleans())
def test_a_delegation_after_the_counterpart_adds_no_meeting(cue, members, role_first):
    text = _delegation(cue, members, role_first)
    m = one(text)
    assert (m.counterpart.country, m.counterpart.name) == ("JO", "كمال الشريف"), text


def test_a_second_verb_ends_the_delegation():
    found = extract_meetings(
        f"استقبل {H}، اليوم بالرباط، سفير إيطاليا، السيد ماركو فيراري، مرفوقا بالملحق الأمني "
        "بالسفارة، السيد لوكا مارتيني، كما استقبل سفيرة بولندا، السيدة آنا كوفالسكا.")
    assert [m.counterpart.name for m in found.meetings] == ["ماركو فيراري", "آنا كوفالسكا"]


def test_an_attendee_before_the_counterpart_is_still_only_present():
    m = one(f"استقبل {H}، بحضور سفير بلجيكا بالرباط، المفوض العام للشرطة الفيدرالية البلجيكية، "
            "السيد يان ديبوك.")
    assert m.counterpart.name == "يان ديبوك"


# --- someone else acts for him -----------------------------------------------------------------------

PROXY_NEG = [
    "استقبل رئيس المنطقة الأمنية بالناظور، صباح اليوم، وفدا من الحرس المدني الإسباني برئاسة العقيد "
    f"خوان مورينو، وذلك بتعليمات من {H}.",
    f"أجرى والي أمن الدار البيضاء، اليوم، مباحثات مع قنصل فرنسا، تنفيذا لتعليمات {H}.",
    "ترأس نائب المدير العام، يوسف بنعلي، ممثلا لعبد اللطيف حموشي، الوفد المغربي في اجتماع ثلاثي "
    "بلشبونة. وأجرى المسؤول المغربي مباحثات مع المدير الوطني للشرطة القضائية البرتغالية، السيد روي سانتوس.",
    "شارك مدير الشرطة القضائية، نيابة عن المدير العام للأمن الوطني ولمراقبة التراب الوطني، في اجتماع "
    "بمدريد، حيث التقى المفوض العام للاستعلامات الإسباني.",
]


@pytest.mark.parametrize("text", PROXY_NEG)
def test_an_official_acting_for_him_is_no_meeting_of_his(text):
    found = extract_meetings(text)
    assert found.meetings == [] and found.reason == "represented", (text, found)


def test_named_again_after_a_representative_his_own_meeting_counts():
    m = one("ترأس نائب المدير العام، يوسف بنعلي، ممثلا لعبد اللطيف حموشي، الوفد المغربي في اجتماع "
            "ثلاثي بلشبونة. وفي اليوم الموالي، استقبل عبد اللطيف حموشي بالرباط سفير البرازيل، "
            "السيد باولو سيلفا.")
    assert m.counterpart.country == "BR"


def test_instructions_told_after_his_own_meeting_change_nothing():
    m = one(f"استقبل {H}، اليوم بالرباط، سفير البرتغال، السيد نونو كوستا. وبتعليمات من حموشي، "
            "ستنظم دورة تكوينية لفائدة الضباط.")
    assert m.counterpart.country == "PT"


# --- roles and states that the vocabularies lacked ---------------------------------------------------

def test_the_commander_of_a_guard():
    m = one("عقد حموشي، اليوم بالرباط، جلسة عمل مع آمر الحرس الوطني الليبي، العميد سالم الورفلي.")
    assert (m.counterpart.country, m.counterpart.title) == ("LY", "آمر الحرس الوطني الليبي")


@pytest.mark.parametrize("surface,code", [
    ("الولايات المتحدة المكسيكية", "MX"), ("États-Unis mexicains", "MX"), ("United Mexican States", "MX"),
    ("الولايات المتحدة الأمريكية", "US"),
])
def test_formal_state_names(surface, code):
    assert country_of(surface) == code


def test_his_title_after_a_clitic_names_him():
    # "للمدير العام …": the title written after ل is his too (here after a proxy cue)
    found = extract_meetings("التقى مدير الشرطة القضائية، ممثلا للمدير العام للأمن الوطني ولمراقبة "
                             "التراب الوطني، سفير كندا.")
    assert found.reason == "represented"


# --- a visit told as a story -------------------------------------------------------------------------

def test_the_capital_named_by_its_adjective_and_his_object_pronoun():
    m = one("حموشي في بروكسل\nحل عبد اللطيف حموشي، أمس الاثنين، بالعاصمة البلجيكية في زيارة عمل.\n"
            "وكان في استقباله المفوض العام للشرطة الفيدرالية البلجيكية، السيد يان ديبوك.")
    assert (m.counterpart.country, m.counterpart.name) == ("BE", "يان ديبوك")
    assert (m.location.city, m.hammouchi_abroad) == ("Brussels", True)


@pytest.mark.parametrize("verb", ["وكان في استقباله", "والتقاه", "واستقبله"])
def test_his_object_pronoun_after_he_is_named(verb):
    m = one("حط عبد اللطيف حموشي الرحال بالعاصمة الكينية نيروبي في زيارة عمل.\n"
            f"وفي أولى محطات الزيارة، {verb} المفتش العام للشرطة الوطنية الكينية، السيد بيتر كاماو.")
    assert (m.counterpart.country, m.location.city) == ("KE", "Nairobi")


def test_an_object_pronoun_before_he_is_named_is_nobody():
    found = extract_meetings("وكان في استقباله المفتش العام للشرطة الوطنية الكينية، السيد بيتر كاماو. "
                             "وأشاد عبد اللطيف حموشي بالتعاون.")
    assert found.meetings == []


def test_a_name_ending_in_ho_is_no_pronoun():
    found = extract_meetings("حموشي في سول\nحل عبد اللطيف حموشي بالعاصمة الكورية الجنوبية في زيارة عمل. "
                             "وكان في استقباله المفوض العام لوكالة الشرطة الوطنية الكورية، كيم جونغ هو، "
                             "الذي تباحث معه سبل التعاون.")
    assert [m.counterpart.name for m in found.meetings] == ["كيم جونغ هو"]
    assert found.meetings[0].location.city == "Seoul"


def test_his_director_written_with_ha_is_the_service_named_before():
    m = one("حموشي في فيينا\nيقوم عبد اللطيف حموشي بزيارة عمل إلى النمسا. وانتقل حموشي بعد ذلك إلى مقر "
            "المديرية العامة للأمن العام النمساوية، حيث عقد جلسة عمل مع مديره، السيد فرانز هوبر.")
    assert (m.counterpart.country, m.counterpart.name) == ("AT", "فرانز هوبر")
    assert m.counterpart.agency and "للأمن العام" in m.counterpart.agency


def test_a_woman_director_is_no_possessive():
    m = one("استقبل عبد اللطيف حموشي، اليوم بالرباط، مديرة الشرطة الوطنية الإستونية، السيدة كاترين تام.")
    assert (m.counterpart.country, m.counterpart.title) == ("EE", "مديرة الشرطة الوطنية الإستونية")


# --- topics by the rank of the meeting; an agency after a clitic --------------------------------------

@pytest.mark.parametrize("first,second", [
    ("وتناول اللقاء الأول الأمن السيبراني، فيما انصب اللقاء الثاني على تهريب المخدرات.", ""),
    ("وتناول اللقاء الأول الأمن السيبراني. أما اللقاء الثاني فانصب على تهريب المخدرات.", ""),
])
def test_the_meeting_named_by_its_rank_gets_its_clause(first, second):
    found = extract_meetings("استقبل عبد اللطيف حموشي، اليوم بالرباط، سفير كوريا الجنوبية، السيد لي جونغ هو، "
                             f"وسفيرة الفلبين، السيدة ماريا سانتوس. {first}{second}")
    topics = {m.counterpart.country: m.topics for m in found.meetings}
    assert topics == {"KR": ["cybercrime"], "PH": ["drug_trafficking"]}


def test_a_rank_beyond_the_meetings_is_nobody():
    from crawler.meetings.sections import _ordinal
    assert _ordinal(fold("وتناول اللقاء الثالث الارهاب"), 2) is None
    assert _ordinal(fold("the second meeting focused on"), 2) == 1


def test_a_generic_service_inside_the_phrase_after_a_clitic():
    m = one("استقبل عبد اللطيف حموشي، اليوم بالرباط، المدير العام للوكالة الوطنية للأمن بجمهورية بنين، "
            "الجنرال بيير أهوانو.")
    assert m.counterpart.agency == "الوكالة الوطنية للأمن بجمهورية بنين"


# --- the passive with a verbal noun, Darija "ديال", French ranks, a chargé d'affaires ------------------

@pytest.mark.parametrize("text,country,name", [
    (f"تم، صباح اليوم بالرباط، استقبال المدير العام للشرطة الوطنية التوغولية، العقيد كوفي أمينو، "
     f"من قبل {H}.", "TG", "كوفي أمينو"),
    (f"جرى، أمس بتمارة، استقبال رئيس جهاز الاستخبارات الليبي، السيد علي الزوي، من طرف {H}.",
     "LY", "علي الزوي"),
    ("عبد اللطيف الحموشي ستقبل اليوم المدير العام ديال الشرطة الوطنية البنينية، الكولونيل "
     "سيلفان أكبلو.", "BJ", "سيلفان أكبلو"),
    (f"استقبل {H}، اليوم بالرباط، القائم بالأعمال في سفارة كندا، السيد مارك تريمبلاي.",
     "CA", "مارك تريمبلاي"),
])
def test_passive_noun_darija_of_and_chargé(text, country, name):
    m = one(text)
    assert (m.counterpart.country, m.counterpart.name) == (country, name)


def test_a_chargé_d_affaires_has_no_agency():
    m = one(f"استقبل {H}، اليوم بالرباط، القائمة بالأعمال بالنيابة في سفارة أستراليا، السيدة جين ميلر.")
    assert (m.counterpart.country, m.counterpart.agency) == ("AU", None)
    assert m.counterpart.title.startswith("القائمة بالأعمال")


def test_a_comma_after_the_first_part_of_a_phrase_in_parts():
    matcher = GappedMatcher(["تم … استقبال"])
    assert matcher.search(fold("تم، اليوم بالرباط، استقبال السفير")) is not None
    assert matcher.search(fold("تم. استقبال")) is None


def test_the_topics_clause_ending_a_list_is_every_counterparts():
    found = extract_meetings(f"أجرى {H}، اليوم بالرباط، مباحثات مع وزير الداخلية النيجري، السيد موسى "
                             "كوليبالي، ومدير أمن الدولة النيجري، العقيد بكاري تراوري، تمحورت حول الوضع في "
                             "منطقة الساحل.")
    assert [(m.counterpart.name, m.topics) for m in found.meetings] == [
        ("موسى كوليبالي", ["sahel"]), ("بكاري تراوري", ["sahel"])]


def test_a_counterpart_with_its_own_topics_keeps_them():
    found = extract_meetings(f"أجرى {H} لقاءين، الأول مع وزير الداخلية النيجري، السيد موسى كوليبالي، حول "
                             "الهجرة غير النظامية، والثاني مع مدير أمن الدولة النيجري، العقيد بكاري تراوري، "
                             "وخصص لبحث الوضع في منطقة الساحل.")
    assert [m.topics for m in found.meetings] == [["illegal_migration"], ["sahel"]]


# --- the Gulf and Levantine press: datelines, forms of address, the host as subject -----------------

GULF = [
    # forms of address in a row before the name, the verb opening the counterpart's piece
    (f"اجتمع سعادة العميد راشد خلفان المهيري، مدير عام الشرطة البحرينية، اليوم، مع {H}.", "BH",
     "راشد خلفان المهيري"),
    (f"التقى معالي الفريق ماجد بن سعيد الشكيلي المفتش العام للشرطة العمانية اليوم بالسيد {H}.", "OM",
     "ماجد بن سعيد الشكيلي"),
    (f"استقبل معالي وزير الداخلية الكويتي الأستاذ بدر سالم العتيبي، في مكتبه، {H}.", "KW",
     "بدر سالم العتيبي"),
    (f"أجرى فرانتشيسكو بيلوني، مدير الشرطة الإيطالية، اليوم بالرباط، مباحثات مع {H}.", "IT",
     "فرانتشيسكو بيلوني"),
    # a name written right before its role, no honorific, no comma
    ("وأفادت اليومية أن عبد اللطيف حموشي استقبل، نهاية الأسبوع، يوهان بيرغمان رئيس الشرطة السويدية، "
     "وتباحث معه حول الجريمة المنظمة.", "SE", "يوهان بيرغمان"),
    # a name joined to his by a glued و
    ("جرت بالرباط مباحثات بين عبد اللطيف حموشي وكوامي أسانتي، المفتش العام للشرطة الغانية.", "GH",
     "كوامي أسانتي"),
    # feminine roles the list lacked, a chargé written "بأعمال" (no article)
    (f"استقبل {H}، اليوم، منسقة مكافحة الإرهاب بوزارة الخارجية الأمريكية، السيدة جينيفر ووكر.", "US",
     "جينيفر ووكر"),
    (f"استقبل {H}، اليوم، القائمة بأعمال سفارة جمهورية التشيك، السيدة يانا نوفاكوفا.", "CZ", "يانا نوفاكوفا"),
]


@pytest.mark.parametrize("text,country,name", GULF)
def test_forms_of_address_verbs_and_names_beside_roles(text, country, name):
    m = one(text)
    assert (m.counterpart.country, m.counterpart.name) == (country, name)


def test_a_piece_of_a_meeting_noun_is_no_name():
    m = one(f"وخلال لقائه بسفير البرازيل، السيد باولو سوزا، تباحث {H} في سبل مكافحة المخدرات.")
    assert m.counterpart.name == "باولو سوزا"


@pytest.mark.parametrize("text,country,city", [
    # a foreign outlet's dateline on a line of its own: its own official, met in Rabat; a city that is
    # also a country's name ("الكويت", "عمّان") is the city in a dateline
    ("الكويت - الأحد ٦ تموز ٢٠٢٥\nالتقى وكيل وزارة الداخلية الفريق سعد مبارك الرشيدي، أمس، في الرباط، "
     "عبد اللطيف حموشي.", "KW", "Rabat"),
    ("عمّان – الخميس ٣ تموز ٢٠٢٥\nاجتمع مدير الأمن العام اللواء عمر فايز الزعبي في الرباط مع "
     "عبد اللطيف حموشي.",
     "JO", "Rabat"),
    # his trip in the subject's clause names Morocco, not the role's country
    ("بغداد - الاثنين 7 تموز 2025\nيواصل قائد الشرطة الاتحادية الفريق حيدر كاظم الساعدي زيارته إلى المملكة "
     "المغربية، حيث التقى اليوم بالرباط عبد اللطيف حموشي.", "IQ", "Rabat"),
    # a Gulf agency's dateline with "في" and its credit, the counterpart as the subject
    ("الرباط في ٩ يوليو ٢٠٢٥ /قنا/ التقى سعادة اللواء خالد سعد النعيمي مدير الأمن العام القطري اليوم بالسيد "
     "عبد اللطيف حموشي.", "QA", "Rabat"),
])
def test_a_foreign_dateline_gives_its_country(text, country, city):
    m = one(text)
    assert (m.counterpart.country, m.location.city) == (country, city)


def test_his_guest_title_in_a_foreign_outlet():
    text = ("الكويت - الثلاثاء ٨ تموز ٢٠٢٥\nاستقبل وزير الداخلية الكويتي، أمس، عبد اللطيف حموشي، "
            "المدير العام للأمن الوطني ولمراقبة التراب الوطني بالمملكة المغربية.\nكما التقى الضيف المغربي، "
            "اليوم، وكيل وزارة الداخلية، الفريق سعد مبارك الرشيدي.")
    found = extract_meetings(text)
    assert [(m.counterpart.country, m.counterpart.name) for m in found.meetings] == [
        ("KW", None), ("KW", "سعد مبارك الرشيدي")]


def test_a_named_official_after_a_nameless_one_of_other_office_is_a_second_meeting():
    text = ("استقبل وزير الداخلية البحريني، أمس بالمنامة، عبد اللطيف حموشي.\n"
            "وفي وقت لاحق، اجتمع حموشي مع رئيس الأمن العام، اللواء طارق عيسى الحسن.")
    found = extract_meetings(text)
    assert [m.counterpart.name for m in found.meetings] == [None, "طارق عيسى الحسن"]
    # a nameless mention after the named one points back at them
    text = ("اجتمع حموشي، أمس بالمنامة، مع رئيس الأمن العام البحريني، اللواء طارق عيسى الحسن.\n"
            "وأشاد المسؤول البحريني بالتعاون، فيما أكد وزير الداخلية البحريني خلال اللقاء أهمية التنسيق.")
    assert len(extract_meetings(text).meetings) == 1


def test_under_a_foreign_dateline_a_bare_title_is_that_countrys_director():
    text = ("تونس - الجمعة 11 جويلية 2025\nاستقبل المدير العام للأمن الوطني، اليوم بتونس العاصمة، وفدا "
            "أمنيا ليبيا، حيث بحث الطرفان مراقبة الحدود.\nويأتي ذلك فيما يعزز المغرب، بقيادة عبد اللطيف "
            "حموشي، شراكاته الأمنية.")
    assert extract_meetings(text).meetings == []


def test_a_headline_of_the_meeting_keeps_a_long_preamble_a_meeting_report():
    pre = "تجمع البلدين علاقات تاريخية متينة في مجالات عديدة، من بينها التعاون الأمني والقضائي والاقتصادي."
    text = (f"{pre}\n{pre}\n{pre}\nوفي هذا الإطار، استقبل رئيس جهاز الأمن الوطني الكويتي، الشيخ فهد سالم "
            "الصباح، أمس بالكويت، المدير العام للأمن الوطني ولمراقبة التراب الوطني عبد اللطيف حموشي.")
    title = "رئيس جهاز الأمن الوطني الكويتي يستقبل المدير العام للأمن الوطني المغربي"
    assert [m.counterpart.country for m in extract_meetings(text, title).meetings] == ["KW"]
    assert extract_meetings(text, "علاقات أخوية متينة").reason == "meeting_mentioned_in_passing"


def test_a_nameless_official_met_in_a_sentence_of_his_own_is_a_second_meeting():
    text = ("استقبل مدير جهاز الاستخبارات السوداني، الفريق عثمان بشير الطيب، أمس بالخرطوم، "
            "عبد اللطيف حموشي.\n"
            "والتقى حموشي في اليوم نفسه وزير الداخلية السوداني، وبحثا ضبط الحدود.")
    found = extract_meetings(text)
    assert [m.counterpart.name for m in found.meetings] == ["عثمان بشير الطيب", None]
    assert found.meetings[1].topics == ["border_security"]
