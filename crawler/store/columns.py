"""Items to table rows and back, read from the item definitions (`crawler.items`).

A nested item field (`counterpart`, `location`) becomes one column per sub-field
(`counterpart_name`), a list or dict a JSON column, a bool an INTEGER 0/1. The same flattening
serves the store, the CSV/XML exports and the views, so a field added to an item reaches them
all once the store has a column for it (a migration in `crawler.store.schema`;
tests/test_store_schema.py fails until it has).
"""

from __future__ import annotations

import json
import typing
from dataclasses import fields, is_dataclass
from functools import cache

from crawler.items import Meeting, Report

#: Meeting fields the `meetings` table does not hold: the id is its key, evidence and sources
#: belong to each report's account (`accounts.account`) and to `accounts`/`reports`.
MEETING_NOT_STORED = {"meeting_id", "evidence", "sources"}
#: Report fields the `reports` table does not hold (meetings are in `accounts`; `body` is the raw
#: document, never exported).
REPORT_NOT_STORED = {"meetings", "body"}


@cache
def _kinds(cls) -> dict[str, object]:
    """field name -> the nested dataclass, `list`, `dict`, `bool` or `str` it holds."""
    hints = typing.get_type_hints(cls)
    out = {}
    for f in fields(cls):
        t = hints[f.name]
        origin = typing.get_origin(t)
        if is_dataclass(t):
            out[f.name] = t
        elif origin in (list, dict) or t in (list, dict):
            out[f.name] = origin or t
        elif t is bool:
            out[f.name] = bool
        else:
            out[f.name] = str
    return out


def flat_columns(cls, skip=()) -> list[str]:
    """The flat column names of an item class, in field order (`counterpart_name`, …)."""
    out = []
    for name, kind in _kinds(cls).items():
        if name in skip:
            continue
        if is_dataclass(kind):
            out += [f"{name}_{f.name}" for f in fields(kind)]
        else:
            out.append(name)
    return out


def flatten(cls, d: dict, skip=()) -> dict:
    """An item dict (nested) as flat columns: lists and dicts as JSON, bools as 0/1."""
    out = {}
    for name, kind in _kinds(cls).items():
        if name in skip:
            continue
        v = d.get(name)
        if is_dataclass(kind):
            sub = v or {}
            if is_dataclass(sub):
                sub = sub.__dict__
            for f in fields(kind):
                out[f"{name}_{f.name}"] = sub.get(f.name)
        elif kind in (list, dict):
            out[name] = json.dumps(v if v is not None else kind(), ensure_ascii=False, default=str)
        elif kind is bool:
            out[name] = None if v is None else int(bool(v))
        else:
            out[name] = v
    return out


def unflatten(cls, row: dict, skip=()) -> dict:
    """Flat columns back to the item dict (nested, JSON parsed, bools)."""
    out = {}
    for name, kind in _kinds(cls).items():
        if name in skip:
            continue
        if is_dataclass(kind):
            out[name] = {f.name: row.get(f"{name}_{f.name}") for f in fields(kind)}
        elif kind in (list, dict):
            raw = row.get(name)
            out[name] = json.loads(raw) if raw else kind()
        elif kind is bool:
            out[name] = bool(row.get(name))
        else:
            out[name] = row.get(name)
    return out


def meeting_row(merged: dict) -> dict:
    return flatten(Meeting, merged, skip=MEETING_NOT_STORED)


def meeting_from_row(row: dict) -> dict:
    """A `meetings` row as the Meeting dict of MEETINGS_OUTPUT (without `sources`)."""
    d = {"meeting_id": row["meeting_id"]}
    d.update(unflatten(Meeting, row, skip=MEETING_NOT_STORED))
    return d


def report_row(rep: dict) -> dict:
    return flatten(Report, rep, skip=REPORT_NOT_STORED)


MEETING_COLUMNS = ["meeting_id", *flat_columns(Meeting, skip=MEETING_NOT_STORED)]
REPORT_COLUMNS = flat_columns(Report, skip=REPORT_NOT_STORED)
