"""The compiled vocabularies kept across processes (crawler/vocab/compiled.py): a regex from the
cache is the regex re compiles, a built object is rebuilt when a code or data file changes, and a
cache that is broken, foreign or out of reach is never in the way."""

from __future__ import annotations

import _sre
import marshal
import random
import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.gazetteer import loader
from crawler.meetings.lexicon import Lexicon, load
from crawler.vocab import compiled, fold
from crawler.vocab.compiled import RegexCache, built, fast_form, tree_digest
from tests.conftest import ROOT


def _vocabulary_patterns() -> list[re.Pattern]:
    lex = Lexicon(load("lexicon.yaml"))
    found = [v for v in vars(lex).values() if isinstance(v, re.Pattern)]
    found += [t for tails in lex.meeting_verb_gapped.tails.values() for t in tails]
    return found


def test_a_pattern_from_the_cache_is_the_pattern_re_compiles_in_its_fast_form(tmp_path):
    """Pattern equality in CPython compares the pattern, the flags and the compiled program: a
    cached pattern is its fast form as re compiles it (`.pattern` as written)."""
    patterns = _vocabulary_patterns() + [re.compile(r"(?P<d>\d+)[/.-](?P<m>\d+)", re.I), re.compile("a|b")]
    first = RegexCache(tmp_path / "regex.marshal")
    for p in patterns:
        mine = first.compile(p.pattern, p.flags & ~re.UNICODE)
        theirs = re.compile(fast_form(p.pattern, p.flags & ~re.UNICODE), p.flags)
        assert mine.pattern == p.pattern and mine.flags == theirs.flags == p.flags
        assert mine.groups == p.groups and mine.groupindex == p.groupindex
        # the same program as re's for the fast form (equality: pattern, flags and program)
        prog = compiled.program(theirs.pattern, p.flags & ~re.UNICODE)
        assert _sre.compile(theirs.pattern, *prog) == theirs and mine == _sre.compile(p.pattern, *prog)
    first.save()
    again = RegexCache(tmp_path / "regex.marshal")  # another process: every program read from the file
    for p in patterns:
        q = again.compile(p.pattern, p.flags & ~re.UNICODE)
        assert q == first.compile(p.pattern, p.flags & ~re.UNICODE)
        assert q.groupindex == p.groupindex and q.groups == p.groups
    assert again.new == 0


# Arabic with clitics and marks, Latin in both cases with the letters whose case re treats
# specially (ı İ ſ K ß), digits, punctuation and spaces of every kind
_TRICKY = [*"والبلك مديرامنوطني حموشي", *"aAbBdDgGhHiIkKsStTuU", "ı", "İ", "ſ", "\u212a", "ß", "é", "É", "1",
           "٣", " ", "  ", "\n", "\u00a0", "،", ",", ".", "'", "’", "-", "_", "(", "dgsn", "DGST", "police",
           "Hammouchi", "المدير العام للامن الوطني", "directeur general", "the ", "chief"]


def _every_vocabulary_pattern() -> list[tuple[re.Pattern, re.Pattern]]:
    """(as compiled through the cache, as re compiles it as written) for every pattern the
    meetings, dates, topics and gazetteer modules compile through `regex`."""
    import crawler.dates.find  # noqa: F401
    import crawler.dates.meeting  # noqa: F401
    from crawler.gazetteer import find_countries
    from crawler.meetings import topics
    from crawler.meetings.lexicon import lexicon

    lexicon()
    topics.topic_codes()
    find_countries("المغرب")
    held = list(compiled._regexes.patterns.items())
    return [(p, re.compile(pattern, flags)) for (pattern, flags), p in held]


_FAST_CHECKED = _every_vocabulary_pattern()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_TRICKY), max_size=60).map("".join))
def test_every_vocabulary_pattern_matches_as_written(text):
    """The fast form finds what the pattern as written finds: the same spans and groups, by search,
    match and fullmatch, on text as written and folded."""
    assert len(_FAST_CHECKED) > 100
    for fast, written in _FAST_CHECKED:
        for t in (text, fold(text)):
            assert [(m.span(), m.groups()) for m in fast.finditer(t)] == \
                [(m.span(), m.groups()) for m in written.finditer(t)], written.pattern[:80]
            for pos in (0, len(t) // 2):
                a, b = fast.match(t, pos), written.match(t, pos)
                assert (a and a.span()) == (b and b.span())
            assert bool(fast.fullmatch(t)) == bool(written.fullmatch(t))


def test_fast_form_leaves_what_it_cannot_work_out():
    assert fast_form(r"(?<![^\W\d_])(?:[وف]?[بلك]?)(?:امن|وطني)", re.I) == \
        r"(?=[ابفكلو])(?:(?<![^\W\d_])(?:[وف]?[بلك]?)(?:امن|وطني))"
    assert fast_form(r"^\s*(?:ab|c)", 0) == r"(?=[\sac])(?:^\s*(?:ab|c))"
    for pattern in (r"a?", r"\s*", r"[^a]b", r".b", r"(?i:a)b", r"(?:a|)"):
        assert fast_form(pattern, 0) == pattern
    # inline global flags stay at the start: the pattern is compiled as written
    assert compiled.regex(r"(?i)hammouchi", re.I).search("HAMMOUCHI")


def test_cached_patterns_match_as_re_does(tmp_path):
    rnd = random.Random(7)
    words = ["الأمن", "الوطني", "وفد", "police", "Sûreté", "a", "ab", "d'", "13", "،", " ", "\n"]
    texts = ["".join(rnd.choice(words) + rnd.choice(["", " ", "  "]) for _ in range(40)) for _ in range(50)]
    path = tmp_path / "regex.marshal"
    RegexCache(path).compile(r"(?<![^\W\d_])(?:ال(?:امن|وطني)|police)(?![^\W\d_])", re.I)
    RegexCache(path).save()
    cache = RegexCache(path)
    for pattern in (r"(?<![^\W\d_])(?:ال(?:امن|وطني)|police)(?![^\W\d_])", r"(\w+)\s+(?P<n>\d+)?"):
        mine, theirs = cache.compile(pattern, re.I), re.compile(pattern, re.I)
        for t in texts:
            assert [m.span() for m in mine.finditer(t)] == [m.span() for m in theirs.finditer(t)]


def test_a_foreign_or_broken_regex_cache_is_ignored(tmp_path):
    path = tmp_path / "regex.marshal"
    # (patterns that can match the empty string: their fast form is the pattern itself)
    path.write_bytes(marshal.dumps(((0, "another python"), {("a?", 0): (0, [1, 2, 3], 0, {}, ())})))
    assert RegexCache(path).compile("a?", 0) == re.compile("a?")
    path.write_bytes(b"not marshal")
    cache = RegexCache(path)
    assert cache.compile("b*", 0) == re.compile("b*")
    cache.save()  # rewritten whole
    assert RegexCache(path).compile("b*", 0) == re.compile("b*")


def test_vocabulary_patterns_are_the_same_in_every_process(tmp_path):
    """A set's order changes with the hash seed; an alternation is sorted so the cache key holds."""
    code = ("from crawler.meetings.lexicon import Lexicon, load; import hashlib;"
            "lex = Lexicon(load('lexicon.yaml'));"
            "text = ''.join(v.pattern for v in vars(lex).values() if hasattr(v, 'pattern'));"
            "print(hashlib.md5(text.encode()).hexdigest())")
    seen = {subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": str(seed), "LIQAAT_CACHE_DIR": str(tmp_path)}).stdout
            for seed in (1, 2, 3)}
    assert len(seen) == 1


def test_tree_digest_changes_with_a_vocabulary_file(tmp_path):
    data = tmp_path / "crawler" / "gazetteer" / "data"
    data.mkdir(parents=True)
    (data / "cities.yaml").write_text("cities: []\n", encoding="utf-8")
    before = tree_digest(tmp_path)
    assert before and tree_digest(tmp_path) == before
    (data / "cities.yaml").write_text("cities: [{name: Rabat, country: MA}]\n", encoding="utf-8")
    assert tree_digest(tmp_path) != before
    assert tree_digest(tmp_path / "nothing") is None


def test_built_is_rebuilt_when_the_code_or_data_change(tmp_path, monkeypatch):
    monkeypatch.setenv("LIQAAT_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"built": len(calls)}

    monkeypatch.setattr(compiled, "code_digest", lambda: "one")
    assert built("thing", build) == {"built": 1}
    assert built("thing", build) == {"built": 1} and len(calls) == 1  # from the file
    monkeypatch.setattr(compiled, "code_digest", lambda: "two")  # a vocabulary file was edited
    assert built("thing", build) == {"built": 2}
    (tmp_path / "thing.pickle").write_bytes(b"broken")
    assert built("thing", build) == {"built": 3}
    monkeypatch.setattr(compiled, "code_digest", lambda: None)  # an install without its files
    assert built("thing", build) == {"built": 4} and built("thing", build) == {"built": 5}


def test_built_where_no_cache_can_be_written(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("a file where the cache folder would be")
    monkeypatch.setenv("LIQAAT_CACHE_DIR", str(tmp_path / "file" / "cache"))
    assert built("thing", lambda: [1, 2]) == [1, 2]


def _walk(node: dict) -> list:
    out = []
    for k, v in sorted(node.items(), key=lambda kv: kv[0]):
        if k == "":
            out.append([(e.code, e.kind, e.written, e.data, e.case_sensitive) for e in v])
        else:
            out.append((k, _walk(v)))
    return out


def test_gazetteer_tries_from_the_cache_are_the_tries_built():
    for cached, build in ((loader._country_trie, loader._build_country_trie),
                          (loader._agency_trie, loader._build_agency_trie),
                          (loader._city_trie, loader._build_city_trie)):
        a, b = cached(), build()
        assert a.size == b.size and _walk(a.root) == _walk(b.root)
