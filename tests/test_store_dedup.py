"""Merge decisions from tables of synthetic reports (our own sentences, not the corpus's)."""

from __future__ import annotations

import pytest

from crawler.dedup.counterparts import CP, agency_match, compatible, name_relation, same_counterpart
from crawler.dedup.fields import merge_fields
from crawler.dedup.merge import NEAR_JACCARD, Deduper, Mention, places_conflict
from crawler.dedup.signature import Signer, jaccard
from crawler.textnorm import fold, words

P1 = ("الرباط – استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني عبد اللطيف حموشي، اليوم الثلاثاء "
      "بمقر المديرية العامة بالرباط، السيد ألبرتو سيلفا كوستا المدير الوطني للشرطة القضائية البرتغالية "
      "والوفد المرافق له، في إطار زيارة عمل رسمية إلى المملكة المغربية.")
P2 = ("وتناولت المباحثات بين الجانبين سبل تطوير التعاون الأمني الثنائي، خصوصا في مجال مكافحة التهديدات "
      "الإرهابية والجريمة المنظمة العابرة للحدود والهجرة غير الشرعية وتهريب المخدرات والجريمة المعلوماتية.")
P3 = ("كما اتفق الطرفان على تعزيز تبادل المعلومات العملياتية وتنسيق الجهود في مجال التكوين وتبادل الخبرات، "
      "استعدادا لتأمين التظاهرات الرياضية الكبرى التي ستحتضنها المملكة خلال السنوات المقبلة.")
P4 = ("وأكد المسؤول الأمني الضيف في تصريح صحفي عقب اللقاء أن بلاده تثمن عاليا الدور الريادي للمصالح "
      "الأمنية المغربية في حفظ الأمن والاستقرار بالمنطقة.")
COMMUNIQUE = " ".join([P1, P2, P3, P4])
REWRITE = ("أجرى عبد اللطيف حموشي، مدير الأمن الوطني ومراقبة التراب، مباحثات مع ألبرتو كوستا، مدير الشرطة "
           "القضائية في البرتغال. اللقاء الذي جرى في العاصمة الرباط تناول ملفات الإرهاب والمخدرات، بحسب "
           "بلاغ رسمي توصل الموقع بنسخة منه، وانتهى بالتأكيد على مواصلة التنسيق بين البلدين.")
OTHER = ("ترأس المدير العام للأمن الوطني حفل تخرج الفوج الجديد من حراس الأمن "
         "بالمعهد الملكي للشرطة بالقنيطرة، "
         "بحضور عدد من المسؤولين الأمنيين والقضائيين وممثلي السلطات المحلية، حيث ألقى كلمة بالمناسبة.")


def template(name: str, country_word: str) -> str:
    return (f"استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني عبد اللطيف حموشي، "
            f"اليوم الخميس بالرباط، "
            f"السيد {name} سفير {country_word} المعتمد بالمملكة المغربية، وذلك في إطار زيارة مجاملة. "
            + P2 + " " + P3)


def meeting(country, name=None, date=None, agency=None, name_latin=None, title=None, **kw):
    return {"counterpart": {"country": country, "name": name, "agency": agency, "name_latin": name_latin,
                            "title": title}, "date": date, **kw}


PT = meeting("PT", "ألبرتو سيلفا كوستا", "2025-02-18", "الشرطة القضائية البرتغالية")


@pytest.fixture
def signer():
    return Signer()


def test_words_is_fold_split():
    for text in ["الرباط، في ١٢ شتنبر ٢٠٢٥ – «بلاغ» ؟", "Le DGSN a reçu M. Dupont_x (DGSI).",
                 "حموشـــي أَحْمَد ݣ"]:
        assert words(text) == fold(text).split()


@pytest.mark.parametrize("variant, near", [
    ("verbatim", True),
    ("new headline and intro", True),
    ("added paragraph", True),
    ("dropped last paragraph", True),
    ("tashkeel, tatweel, hamza and punctuation", True),
    ("rewritten", False),
    ("other subject", False),
])
def test_near_identical_threshold(signer, variant, near):
    text = {
        "verbatim": COMMUNIQUE,
        "new headline and intro": "حموشي يستقبل مسؤولا أمنيا برتغاليا. " + COMMUNIQUE,
        "added paragraph": COMMUNIQUE + " وحضر اللقاء عدد من أطر المديرية العامة والمسؤولين المركزيين.",
        "dropped last paragraph": " ".join([P1, P2, P3]),
        "tashkeel, tatweel, hamza and punctuation": COMMUNIQUE.replace("الأمن", "الأَمْــن").replace("،", " ،")
        .replace("إطار", "اطار").replace("المملكة", "المملكه"),
        "rewritten": REWRITE,
        "other subject": OTHER,
    }[variant]
    j = jaccard(signer.signature(COMMUNIQUE), signer.signature(text))
    assert (j >= NEAR_JACCARD) is near, j


def test_names_and_agencies():
    a = CP("PT", "ألبرتو سيلفا كوستا", None, "الشرطة القضائية")
    assert name_relation(a, CP("PT", "ألبرتو كوستا")) is True
    assert name_relation(a, CP("PT", "جوزيه ماريا")) is False
    assert name_relation(CP("ES", "السيد كوستا"), CP("ES", "السيد غارسيا")) is False
    assert name_relation(CP("FR", None, "M. Dupont"), CP("FR", None, "Jean Dupont")) is True
    assert name_relation(a, CP("PT", None, "Alberto Costa")) is True  # other script: the skeleton
    assert name_relation(a, CP("PT", None, "Alberto Cunha")) is False
    assert name_relation(CP("QA", "عبد الرحمن بن سالم المري"), CP("QA", "عبد الله بن خالد العطية")) is False
    assert same_counterpart(a, CP("PT", None, "Alberto Costa", "الشرطة القضائية البرتغالية"))
    assert not same_counterpart(a, CP("ES", "ألبرتو سيلفا كوستا"))
    assert not same_counterpart(CP("BE", None, None, "Sûreté de l'État (VSSE)"),
                                CP("BE", None, None, "Organe de coordination pour l'analyse de la menace"))
    assert not compatible(CP("JP", "هيروشي تاناكا"), CP("BR", "فرناندو لينس"))
    assert not compatible(CP(None), CP(None))  # nothing positive in common


def run(reports):
    """Feed (url, text, meetings) rows to a Deduper; return the meeting_id lists per url."""
    d, s = Deduper(), Signer()
    out = {}
    for url, text, ms in reports:
        out[url] = [x.meeting_id for x in d.add(url, s.signature(text), ms)]
    return out


def test_republications_and_rewrite_are_one_meeting():
    ids = run([
        ("a", COMMUNIQUE, [PT]),
        ("b", "عنوان جديد. " + COMMUNIQUE + " فقرة مضافة في آخر الخبر.",
         [meeting("PT", "ألبرتو كوستا", "2025-02-18")]),
        ("c", " ".join([P1, P2, P3]), [meeting("PT", None, None, "الشرطة القضائية", title="المدير الوطني")]),
        # "أمس" in a report of the next day
        ("d", REWRITE, [meeting("PT", "ألبرتو كوستا", "2025-02-19", "الشرطة القضائية")]),
    ])
    assert len({x for v in ids.values() for x in v}) == 1


def test_two_ambassadors_with_one_template_are_two_meetings():
    ids = run([
        ("a", template("هيروشي تاناكا", "اليابان"), [meeting("JP", "هيروشي تاناكا", "2024-11-14")]),
        ("b", template("فرناندو لينس", "البرازيل"), [meeting("BR", "فرناندو لينس", "2024-11-14")]),
        ("c", template("سيلين مارتان", "فرنسا"), [meeting(None, "سيلين مارتان", "2024-11-14")]),
    ])
    assert len({x for v in ids.values() for x in v}) == 3


def test_same_counterpart_a_year_later_is_a_new_meeting():
    ids = run([("a", COMMUNIQUE, [PT]),
               ("b", REWRITE, [meeting("PT", "ألبرتو سيلفا كوستا", "2026-02-17", "الشرطة القضائية")])])
    assert ids["a"] != ids["b"]


def test_null_date_merges_with_a_near_identical_report_or_on_identity_and_evidence():
    nodate = meeting("PT", "ألبرتو سيلفا كوستا", None, "الشرطة القضائية البرتغالية")
    bare = meeting("PT", "ألبرتو سيلفا كوستا", None)  # the same name, nothing else in common
    ids = run([("a", COMMUNIQUE, [nodate]), ("b", COMMUNIQUE + " آخر.", [nodate]), ("c", REWRITE, [nodate]),
               ("d", OTHER, [bare])])
    assert ids["a"] == ids["b"] == ids["c"] != ids["d"]


def test_cross_language_reports_merge_by_counterpart():
    en = ("Hammouchi received on Thursday in Rabat the director of Belgium's federal judicial police, "
          "Jan Peeters.")
    fr = "Le directeur de la police judiciaire fédérale belge, Jan Peeters, a été reçu hier, jeudi, à Rabat."
    ids = run([
        ("en", en, [meeting("BE", "Jan Peeters", "2024-10-03", "Federal Judicial Police", "Jan Peeters")]),
        ("fr", fr, [meeting("BE", "Jan Peeters", "2024-10-03", "police judiciaire fédérale", "Jan Peeters")]),
    ])
    assert ids["en"] == ids["fr"]


def test_agencies_in_two_scripts_compare_through_the_gazetteer():
    ar = CP("BE", "يان بيترز", None, "الشرطة القضائية الفيدرالية البلجيكية")
    assert same_counterpart(ar, CP("BE", "Jan Peeters", "Jan Peeters", "police judiciaire fédérale (DGJ)"))
    assert not same_counterpart(ar, CP("BE", "Griet Peeters", "Griet Peeters", "Sûreté de l'État (VSSE)"))
    ar_bka = CP("DE", "ماتياس كونيل", None, "المكتب الفيدرالي للشرطة الجنائية")
    fr_bka = CP("DE", "Matthias Kühnel", None, "Office fédéral de police criminelle (BKA)")
    assert same_counterpart(ar_bka, fr_bka)


def test_a_qualified_homonym_and_the_country_s_own_entry_are_one_agency():
    """"الشرطة الوطنية بجمهورية السنغال" is the gazetteer's homonym national-police with the country
    after it, "Police nationale sénégalaise" Senegal's own entry: the same service (country/type)."""
    ar = CP("SN", None, None, "الشرطة الوطنية بجمهورية السنغال")
    assert agency_match(ar, CP("SN", None, None, "Police nationale sénégalaise"))
    assert not agency_match(ar, CP("SN", None, None, "Gendarmerie nationale sénégalaise"))


def test_several_meetings_merge_meeting_by_meeting():
    three = [meeting("JP", "هيروشي تاناكا", "2024-11-14"), meeting("BR", "فرناندو لينس", "2024-11-14"),
             meeting("NG", "إبراهيم موسى", "2024-11-14")]
    text = template("هيروشي تاناكا", "اليابان") + " " + P4
    ids = run([("a", text, three), ("b", text + " خبر.", list(reversed(three[:2])))])
    assert len(set(ids["a"])) == 3
    assert ids["b"] == [ids["a"][1], ids["a"][0]]


def test_two_meetings_of_one_report_never_merge():
    two = [meeting("BE", None, "2025-06-16", title="المدير العام"), meeting("BE", None, "2025-06-17",
                                                                          title="المدير العام")]
    ids = run([("a", COMMUNIQUE, two)])
    assert len(set(ids["a"])) == 2


def test_best_evidence():
    merged = merge_fields([
        {"date": "2025-02-19", "date_resolution": "relative_to_published", "topics": ["terrorism"],
         "counterpart": {"name": "كوستا", "country": "pt", "title": "المدير"}},
        {"date": "2025-02-18", "date_resolution": "explicit", "date_raw": "18 فبراير 2025",
         "topics": ["training"],
         "counterpart": {"name": "ألبرتو سيلفا كوستا", "country": "PT",
                         "title": "المدير الوطني للشرطة القضائية"}},
    ])
    assert merged["date"] == "2025-02-18" and merged["date_raw"] == "18 فبراير 2025"
    assert merged["counterpart"]["name"] == "ألبرتو سيلفا كوستا"
    assert merged["counterpart"]["title"] == "المدير الوطني للشرطة القضائية"
    assert merged["counterpart"]["country"] == "PT"
    assert merged["topics"] == ["terrorism", "training"]


def test_signature_is_datasketchs(signer):
    for text in [COMMUNIQUE, REWRITE, "كلمة", ""]:
        assert (signer.signature(text) == signer.datasketch_signature(text)).all()


def test_empty_texts_are_not_near_identical():
    pt = meeting("PT", None, None, title="المدير")
    ids = run([("a", "", [pt]), ("b", "", [pt])])
    assert ids["a"] != ids["b"]


def test_an_undated_report_without_a_name_needs_the_agency_and_two_pieces_of_evidence():
    agency = "جهاز الاستخبارات الأمنية الدنماركي"
    known = meeting("DK", "ميكيل هانسن", "2025-04-02", agency,
                    title="رئيس جهاز الاستخبارات الأمنية الدنماركي", location={"city": "Temara"})
    # an Egyptian spelling of the same agency and role, the same city, no name, no date
    role = meeting("DK", None, None, "جهاز الاستخبارات الامنيه الدنماركى",
                   title="رئيس جهاز الاستخبارات الامنيه الدنماركى", location={"city": "Temara"})
    # the same agency and city, another role: one piece of evidence is not enough
    other_role = meeting("DK", None, None, agency, title="سفير الدنمارك", location={"city": "Temara"})
    ids = run([("a", COMMUNIQUE, [known]), ("b", OTHER, [role]), ("c", REWRITE, [other_role])])
    assert ids["a"] == ids["b"] != ids["c"]


def test_a_visit_merges_per_counterpart_across_reports_naming_different_subsets():
    def abroad(name, date=None, agency=None):
        return meeting("PL", name, date, agency, hammouchi_abroad=True,
                       location={"city": None, "country": "PL"})

    # a working visit over two days: one report names two officials, another two (one in common)
    visit_a = [abroad("توماش كفياتكوفسكي", "2025-05-12"), abroad("آنا زيلينسكا", "2025-05-13")]
    visit_b = [abroad("Anna Zielińska"), abroad("Piotr Malinski")]  # undated, Latin spellings
    visit_c = [abroad("كفياتكوفسكي"), abroad("مالينسكي")]  # surnames alone, undated
    ids = run([("a", COMMUNIQUE, visit_a), ("b", OTHER, visit_b), ("c", REWRITE, visit_c)])
    assert ids["b"][0] == ids["a"][1]  # Zielińska
    assert ids["c"][0] == ids["a"][0]  # Kwiatkowski
    assert ids["c"][1] == ids["b"][1]  # Malinski
    assert len({*ids["a"], *ids["b"], *ids["c"]}) == 3


SES = "Secretary of State for Internal Affairs"


def test_an_undated_report_does_not_join_a_meeting_in_another_country():
    # the same official met in Rabat in June and in Lisbon in September; an undated report with no
    # publication day tells of a meeting in Lisbon: it is the September one, not the June one
    rabat = meeting("PT", "Duarte Vasconcelos", "2025-06-10", title=SES,
                    location={"city": "Rabat", "country": "MA"})
    lisbon = meeting("PT", "Duarte Vasconcelos", "2025-09-16", title=SES,
                     hammouchi_abroad=True, location={"city": "Lisbon", "country": "PT"})
    undated = meeting("PT", "Duarte Vasconcelos", None, title=SES,
                      hammouchi_abroad=True, location={"city": "Lisbon", "country": "PT"})
    ids = run([("a", COMMUNIQUE, [rabat]), ("b", REWRITE, [lisbon]), ("c", OTHER, [undated])])
    assert ids["c"] == ids["b"] != ids["a"]
    # Rabat and Temara (one meeting written loosely) do not conflict; Rabat and Lisbon do
    temara = meeting("PT", "Duarte Vasconcelos", None, location={"city": "Temara", "country": "MA"})
    assert not places_conflict(Mention.of("a", 0, rabat), Mention.of("c", 0, temara))
    assert places_conflict(Mention.of("a", 0, rabat), Mention.of("c", 0, undated))


def test_the_weekday_of_an_undated_report_is_evidence_or_a_conflict():
    # an undated English report of a Wednesday naming only the role; the known meeting was on a
    # Wednesday, in the same city: the place and the weekday are its two pieces of evidence
    known = meeting("EUROPOL", "Ilse Vandamme", "2025-10-15", "Europol", location={"city": "Rabat"})
    role = meeting("EUROPOL", None, None, "Europol", weekday="wednesday", location={"city": "Rabat"})
    # the same role received on a Friday, in another report: not that meeting
    friday = meeting("EUROPOL", None, None, "Europol", weekday="friday", location={"city": "Rabat"})
    ids = run([("a", COMMUNIQUE, [known]), ("b", OTHER, [role]), ("c", REWRITE, [friday])])
    assert ids["a"] == ids["b"] != ids["c"]
    named = meeting("EUROPOL", "Ilse Vandamme", None, "Europol", weekday="friday", location={"city": "Rabat"})
    ids = run([("a", COMMUNIQUE, [known]), ("c", REWRITE, [named])])
    assert ids["a"] != ids["c"]  # the same person, but "ce vendredi" is not a Wednesday's meeting


def test_names_of_short_tokens_only_are_keyed_for_the_undated_rule():
    # "Mohamed Ould Sidya": no token of three consonant classes; the undated rule must still find it
    dated = meeting("MR", "Mohamed Ould Cheikh Sidya", "2025-12-02", hammouchi_abroad=True,
                    location={"city": "Nouakchott", "country": "MR"})
    undated = meeting("MR", "Mohamed Ould Sidya", None, hammouchi_abroad=True,
                      location={"city": "Nouakchott", "country": "MR"})
    arabic = meeting("MR", "محمد ولد سيديا", None, hammouchi_abroad=True,
                     location={"city": "Nouakchott", "country": "MR"})
    ids = run([("a", COMMUNIQUE, [dated]), ("b", OTHER, [undated]), ("c", REWRITE, [arabic])])
    assert ids["a"] == ids["b"] == ids["c"]


def test_band_index_bands_as_datasketch_and_finds_what_its_lsh_finds():
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    from crawler.dedup.lsh import BandIndex, SignatureFile, optimal_param

    ref = MinHashLSH(threshold=NEAR_JACCARD, num_perm=128)
    assert optimal_param(NEAR_JACCARD, 128) == (ref.b, ref.r)
    signer, idx, sigs = Signer(), BandIndex(128, NEAR_JACCARD), SignatureFile(128)
    texts = {"a": COMMUNIQUE, "b": COMMUNIQUE + " وحضر اللقاء عدد من الأطر.", "c": REWRITE, "d": OTHER}
    for key, text in texts.items():
        sig = signer.signature(text)
        idx.insert(key, sig)
        sigs[key] = sig
        ref.insert(key, LeanMinHash(seed=signer.seed, hashvalues=sig, scheme="affine32"))
    assert all(np.array_equal(sigs[k], signer.signature(t)) for k, t in texts.items())
    for text in texts.values():
        sig = signer.signature(text)
        lean = LeanMinHash(seed=signer.seed, hashvalues=sig, scheme="affine32")
        assert idx.query(sig) == set(ref.query(lean))
    assert {"a", "b"} <= idx.query(signer.signature(COMMUNIQUE))
    idx.remove("b")
    assert "b" not in idx.query(signer.signature(COMMUNIQUE))


def test_band_index_sorted_runs_answer_as_the_recent_dict(monkeypatch):
    from crawler.dedup import lsh

    signer = Signer()
    texts = [COMMUNIQUE, COMMUNIQUE + " خبر.", REWRITE, OTHER, template("هيروشي تاناكا", "اليابان")]
    fresh = lsh.BandIndex(128, NEAR_JACCARD)
    for i, t in enumerate(texts):
        fresh.insert(str(i), signer.signature(t))
    monkeypatch.setattr(lsh, "FLUSH_EVERY", 1)  # every insert flushed into runs, runs merged
    runs = lsh.BandIndex(128, NEAR_JACCARD)
    for i, t in enumerate(texts):
        runs.insert(str(i), signer.signature(t))
    assert runs._runs and not runs._recent and runs.nbytes() > 0
    for t in texts:
        assert runs.query(signer.signature(t)) == fresh.query(signer.signature(t))


def test_word_hashes_are_the_crc32_of_each_word():
    """The signature hashes the words without a string per word: the same hashes as crc32 of the
    UTF-8 of each of `words(text)`, on texts of every script, punctuation and space."""
    import random
    import zlib

    rnd = random.Random(5)
    alphabet = [chr(rnd.randrange(0x20, 0x2400)) for _ in range(400)] + list(" \t\n\u00a0\u2009._،«»ـ١") * 10
    texts = [COMMUNIQUE, REWRITE, "Le DGSN a reçu M. Dupont_x (DGSI).", "", " ", "_", "a_b __c"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 80))) for _ in range(500)]
    for text in texts:
        expected = [zlib.crc32(w.encode("utf-8")) for w in words(text)]
        assert Signer.word_hashes(text).tolist() == expected, text


def test_band_index_finds_every_report_sharing_a_band(monkeypatch):
    """Against a brute force over every band of every report: republished signatures (shared
    bands), a band repeated within one signature, removals, re-insertions, runs merged."""
    import numpy as np

    from crawler.dedup import lsh

    monkeypatch.setattr(lsh, "FLUSH_EVERY", 7)
    rng = np.random.default_rng(3)
    idx = lsh.BandIndex(128, NEAR_JACCARD)
    base = rng.integers(0, 2 ** 32, (40, 128), dtype=np.uint32)
    held: dict[str, set] = {}
    for i in range(600):
        sig = base[rng.integers(40)].copy()
        change = rng.random(128) < rng.random() * 0.6
        sig[change] = rng.integers(0, 2 ** 32, int(change.sum()), dtype=np.uint32)
        if i % 25 == 0:
            sig[:5] = sig[5:10]
        key = f"r{i % 500}"
        idx.insert(key, sig)
        held[key] = set(idx.band_keys(sig).tolist())
        if i % 9 == 0:
            gone = f"r{rng.integers(i + 1) % 500}"
            idx.remove(gone)
            held.pop(gone, None)
        if i % 4 == 0:
            q = set(idx.band_keys(sig).tolist())
            assert idx.query(sig) == {k for k, bands in held.items() if bands & q}
    assert len(idx._runs) > 1
