"""Deduplication through real crawls of a small corpus of our own (tests/fixtures/dedup/corpus:
one meeting reported by a communiqué, an undated Arabic rewrite and a French dispatch, and the same
official received in another year): the undated rule, its audit trail, order independence and
report identity that does not depend on where the corpus lies."""

from __future__ import annotations

import shutil
import sqlite3

from tests.conftest import FIXTURES, crawl, read_jsonl

CORPUS = FIXTURES / "dedup" / "corpus"
FILES = sorted(CORPUS.rglob("*.txt"))


def run(tmp_path, folder):
    crawl(tmp_path, "-a", f"path={folder}", "-O", str(tmp_path / "reports.jsonl"), "-s", "LOG_LEVEL=WARNING")
    return read_jsonl(tmp_path / "meetings.jsonl")


def by_file(meetings):
    """meeting_id -> the names of its source files, without the order prefix of `ordered`."""
    return {m["meeting_id"]: sorted(s["url"].rsplit("/", 1)[-1].split("-", 1)[-1] for s in m["sources"])
            for m in meetings}


def ordered(tmp_path, names):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, name in enumerate(names):
        src = next(p for p in FILES if p.name == name)
        shutil.copy(src, folder / f"{i:02d}-{name}")
    return folder


def test_an_undated_rewrite_joins_its_meeting_with_the_rule_and_evidence(tmp_path):
    folder = ordered(tmp_path, [p.name for p in FILES if not p.name.startswith("04")])
    (m,) = run(tmp_path, folder)
    how = {s["url"].rsplit("/", 1)[-1].split("-", 1)[-1]: (s["merged_by"], s["merge_evidence"])
           for s in m["sources"]}
    # reports arrive in any order: the first is `new`, the undated rewrite and its dated
    # communiqué meet through the undated rule, whichever came first
    assert sorted(by for by, _ in how.values()).count("new") == 1
    undated = [ev for by, ev in how.values() if by == "undated"]
    assert undated and all(ev["identity"] == "name" and ev["place"] == "rabat" for ev in undated)
    assert how["02_rewrite.txt"][0] in ("new", "undated")
    assert any(ev["report"].endswith(("01_communique.txt", "02_rewrite.txt")) for ev in undated)
    assert m["date"] == "2025-10-14" and m["counterpart"]["actor"] == "p:at:brnkr"


def test_the_same_meetings_whatever_the_order_reports_arrive_in(tmp_path):
    names = [p.name for p in FILES]
    results = []
    for k, order in enumerate([names, names[::-1], [names[1], names[3], names[0], names[2]]]):
        sub = tmp_path / str(k)
        sub.mkdir()
        results.append(by_file(run(sub, ordered(sub, order))))
    assert results[0] == results[1] == results[2]
    groups = sorted(results[0].values())
    # the undated rewrite fits the official's meetings of two years: it is set apart, not guessed
    assert groups == [["01_communique.txt", "03_depeche.txt"], ["02_rewrite.txt"], ["04_other_year.txt"]]


def test_a_moved_corpus_folder_adds_no_meeting_and_no_source(tmp_path):
    first = tmp_path / "here" / "corpus"
    shutil.copytree(CORPUS, first)
    before = run(tmp_path, first)
    moved = tmp_path / "elsewhere" / "copy"
    shutil.copytree(first, moved)
    shutil.rmtree(first)
    after = run(tmp_path, moved)
    assert len(after) == len(before)
    assert sorted(m["meeting_id"] for m in after) == sorted(m["meeting_id"] for m in before)
    assert sum(len(m["sources"]) for m in after) == sum(len(m["sources"]) for m in before)
    # the sources now point to where the reports are
    assert all("/elsewhere/copy/" in s["url"] for m in after for s in m["sources"])
    with sqlite3.connect(tmp_path / "meetings.sqlite") as db:
        assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == len(FILES)
