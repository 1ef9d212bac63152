"""The shared vocabulary toolkit (crawler.vocab): loader, folds, phrase matcher."""

from __future__ import annotations

import random
import re

import pytest

from crawler.outlets.prefilter import load_terms, matches
from crawler.vocab import PhraseMatcher, VocabError, alternation, flat, fold, key, load, phrase_regex
from crawler.vocab.phrases import factored


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
    assert re.match(alternation(["a", "a b", "a b c"]), "a  b c").group() == "a  b c"


def test_flat_reads_lists_and_language_maps():
    assert flat({"ar": ["x"], "fr": ["y"], "not": {"ar": ["z"]}}) == ["x", "y"]
    assert flat(["a", "b"]) == ["a", "b"]
    assert flat(None) == []


def test_prefilter_knows_every_spelling_of_the_meetings_lexicon():
    lexicon = load(__import__("crawler.meetings.lexicon", fromlist=["DATA"]).DATA / "lexicon.yaml")
    terms = load_terms()
    for name in lexicon["hammouchi"]["names"]:
        assert matches(terms, f"tribune du jour : {name} au sommet"), name


@pytest.mark.parametrize(("phrases", "factored_form"), [
    (["المدير", "الامن", "وزير"], "ال(?:مدير|امن)|وزير"),
    (["ab", "a", "b"], "a(?:b|)|b"),
    (["سفير كوريا", "سفير"], r"سفير(?:\s+كوريا|)"),
    (["sa", "ſb"], "sa|ſb"),  # two letters one text letter may match in any case: flat
    ([" x", "xy"], r"\s+x|xy"),  # a phrase starting with a space: flat
])
def test_factored_groups_phrases_by_first_letter(phrases, factored_form):
    assert factored(phrases) == factored_form


def test_factored_matches_what_the_flat_alternation_matches():
    """The same spans, phrase by phrase, as `"|".join` of the escaped phrases, on random phrase
    lists and texts (letters shared by many phrases, case pairs, spaces, suffixes after them)."""
    rnd = random.Random(15)
    letters = "abcاأبلك sSſiIıK"
    for _ in range(1500):
        phrases = sorted({" ".join("".join(rnd.choice(letters) for _ in range(rnd.randint(1, 5))).split())
                          for _ in range(rnd.randint(1, 12))} - {""}, key=len, reverse=True)
        tail = rnd.choice(["", r"(?![^\W\d_])", "b?c", r"(?:ي|يه)?(?!\w)"])
        flat = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
        flat_rx = re.compile(f"(?:{flat}){tail}", re.IGNORECASE)
        trie_rx = re.compile(f"(?:{factored(phrases)}){tail}", re.IGNORECASE)
        for _ in range(10):
            text = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 30)))
            assert [m.span() for m in trie_rx.finditer(text)] == [m.span() for m in flat_rx.finditer(text)]
