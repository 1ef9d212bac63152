"""Counterpart identity (crawler/dedup/actors.py): its own tables of spellings of one person that
must match and of different people with close names that must not."""

from pathlib import Path

import pytest

from crawler.dedup.actors import actor_key, name_tokens, names_match, skeleton_text, token_match

FIXTURES = Path(__file__).parent / "fixtures" / "dedup"


def table(name):
    rows = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            a, b, why = line.split("\t")
            rows.append(pytest.param(a, b, id=why))
    return rows


@pytest.mark.parametrize(("a", "b"), table("spelling_pairs.tsv"))
def test_spellings_of_one_person_match(a, b):
    assert names_match([a], [b]) is True
    assert names_match([b], [a]) is True


@pytest.mark.parametrize(("a", "b"), table("false_pairs.tsv"))
def test_different_people_with_close_names_do_not(a, b):
    assert names_match([a], [b]) is False
    assert names_match([b], [a]) is False


def test_tables_are_not_trivial():
    assert len(table("spelling_pairs.tsv")) >= 40
    assert len(table("false_pairs.tsv")) >= 20


def test_skeleton_is_shared_by_both_scripts():
    assert [skeleton_text(t.skeleton) for t in name_tokens("Hollenstein")] == ["lnstn"]
    assert [skeleton_text(t.skeleton) for t in name_tokens("هولنشتاين")] == ["lnstn"]
    # particles, honorifics and the Arabic article are not tokens; عبد joins the next token
    tokens = name_tokens("السيد عبد الرحيم بن سعيد الكتبي")
    assert [t.letters for t in tokens] == ["عبدالرحيم", "سعيد", "كتبي"]
    assert [t.letters for t in name_tokens("M. Jan van der Berg")] == ["jan", "berg"]


def test_short_names_prove_nothing():
    # one short token each: not a match, not a difference either
    assert names_match(["Ali"], ["علي"]) is None
    assert names_match([None], ["Lukas Brenninger"]) is None
    a, b = name_tokens("Omar")[0], name_tokens("Amir")[0]
    assert not token_match(a, b)  # same script: letters decide, not the vowel-less skeleton


def test_any_spelling_of_one_matches_any_of_the_other():
    assert names_match(["لوكاس برينينغر", "Lukas Brenninger"], ["Brenninger"]) is True
    assert names_match(["لوكاس برينينغر", None], ["Markus Brenninger"]) is False


def test_actor_key_is_the_same_across_spellings_and_scripts():
    spellings = ("Lukas Brenninger", "لوكاس برينينغر", "BRENNINGER", "Lucas Breninger")
    keys = {actor_key("AT", n) for n in spellings}
    assert keys == {"p:at:brnkr"}
    assert actor_key("AT", "Lukas Brenninger") != actor_key("DE", "Lukas Brenninger")
    assert actor_key("BE", None, agency_id="be-pjf") == "a:be-pjf"
    assert actor_key("BE", None, agency="Police judiciaire fédérale") == "a:be:police judiciaire federale"
