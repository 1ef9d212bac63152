"""The data dictionary and the README stand on their own in a clone: every item field and every
topic code is described in docs/data-dictionary.md; the README's links lead to files of the repo."""

from __future__ import annotations

import re
from dataclasses import fields

import yaml

from crawler.items import Counterpart, Location, Meeting, Report, Source
from tests.conftest import ROOT

DICTIONARY = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_field_and_topic_code_is_in_the_dictionary():
    names = [f.name for f in fields(Report) if f.name != "body"] + [f.name for f in fields(Meeting)]
    names += [f"counterpart.{f.name}" for f in fields(Counterpart)]
    names += [f"location.{f.name}" for f in fields(Location)]
    missing = [n for n in names if f"`{n}`" not in DICTIONARY]
    missing += [f"sources[].{f.name}" for f in fields(Source) if f"`{f.name}`" not in DICTIONARY]
    assert not missing, f"describe these in docs/data-dictionary.md: {missing}"
    topics = yaml.safe_load((ROOT / "crawler/meetings/data/topics.yaml").read_text(encoding="utf-8"))
    assert [t for t in topics if f"| `{t}` |" not in DICTIONARY] == []


def test_the_readme_points_only_at_files_a_clone_has():
    assert "../shared" not in README and "CONTRACT.md" not in README
    for link in re.findall(r"\]\(([^)#]+)\)", README):
        if not link.startswith("http"):
            assert (ROOT / link).exists(), link
    for path in re.findall(r"\b(docs/[\w-]+\.md)", README):
        assert (ROOT / path).exists(), path
    assert (ROOT / "LICENSE").is_file() and (ROOT / "CITATION.cff").is_file()
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] and cff["title"] and cff["authors"] and cff["license"] == "MIT"
