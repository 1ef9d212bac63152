"""The shared vocabulary toolkit (crawler.vocab): loader, folds, phrase matcher."""

from __future__ import annotations

import pytest

from crawler.outlets.prefilter import load_terms, matches
from crawler.vocab import PhraseMatcher, VocabError, alternation, flat, fold, key, load, phrase_regex


def test_load_reads_yaml_and_names_a_broken_file(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("verbs: [استقبل, received]\n", encoding="utf-8")
    assert load(good) == {"verbs": ["استقبل", "received"]}
    bad = tmp_path / "bad.yaml"
    bad.write_text("verbs: [unclosed\n", encoding="utf-8")
    with pytest.raises(VocabError, match="bad.yaml"):
        load(bad)
    with pytest.raises(VocabError, match="missing.yaml"):
        load(tmp_path / "missing.yaml")


@pytest.mark.parametrize(("raw", "folded"), [
    ("إستقبل", "استقبل"),
    ("المديرة العامة", "المديره العامه"),
    ("مستشفى", "مستشفي"),
    ("Sûreté", "surete"),
    ("a reçu", "a recu"),
])
def test_fold_keeps_length_and_folds_letters(raw, folded):
    assert fold(raw) == folded


def test_key_turns_punctuation_into_spaces():
    assert key("الرباط، (المغرب)") == "الرباط المغرب"


@pytest.mark.parametrize(("phrases", "text", "found"), [
    (["المدير العام"], "التقى للمدير العام", "للمدير العام"),       # لل for ال
    (["سفير"], "وبسفير كوريا", "وبسفير"),                          # two proclitics
    (["met with"], "he met   with her", "met   with"),              # any run of spaces
    (["rencontre"], "a rencontré", "rencontré"),                    # accents folded
    (["chef"], "la cheffe", None),                                  # whole words only
    (["معالي"], "معالى الوزير", "معالى"),                          # Egyptian final ى
])
def test_phrase_matcher(phrases, text, found):
    m = PhraseMatcher(phrases)
    span = m.search(text)
    assert (text[span[0]:span[1]] if span else None) == found


def test_phrase_regex_prefix_and_suffix():
    assert phrase_regex(["terroris"], prefix=True).search(fold("terroristes"))
    assert not phrase_regex(["terroris"]).search(fold("terroristes"))
    assert phrase_regex(["مدير"], ar_suffix="(?:ها)?").search(fold("مديرها العام"))


def test_alternation_is_longest_first():
    assert alternation(["a", "a b", "a b c"]).split("|")[0] == r"a\s+b\s+c"


def test_flat_reads_lists_and_language_maps():
    assert flat({"ar": ["x"], "fr": ["y"], "not": {"ar": ["z"]}}) == ["x", "y"]
    assert flat(["a", "b"]) == ["a", "b"]
    assert flat(None) == []


def test_prefilter_knows_every_spelling_of_the_meetings_lexicon():
    lexicon = load(__import__("crawler.meetings.lexicon", fromlist=["DATA"]).DATA / "lexicon.yaml")
    terms = load_terms()
    for name in lexicon["hammouchi"]["names"]:
        assert matches(terms, f"tribune du jour : {name} au sommet"), name
