"""Settings checked when a crawl starts: a wrong value stops the run before anything is read,
with one error line naming the setting, the value and what it must be.

`check(settings)` returns the problems (empty when all is well); `crawler.commands.crawl`
logs the first one and exits with status 1. A setting missing from the table is not checked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Rule:
    kind: str  # int, float, bool, str, date, dict
    minimum: float | None = None
    maximum: float | None = None
    empty: bool = True  # a str or date setting may be empty


RULES = {
    "LIQAAT_MAX_DOCUMENT_BYTES": Rule("int", 1),
    "LIQAAT_MAX_PARSE_SECONDS": Rule("float", 0.001),
    "LIQAAT_MAX_ATTRIBUTES": Rule("int", 1),
    "LIQAAT_WORKERS": Rule("int", 0, 256),
    "LIQAAT_PARALLEL_BEFORE": Rule("int", 0),
    "LIQAAT_STORE_LOCK_WAIT": Rule("float", 0),
    "MEETINGS_DB": Rule("str", empty=False),
    "MEETINGS_DB_SYNC_EVERY": Rule("int", 1),
    "MEETINGS_DB_BATCH": Rule("int", 1),
    "MEETINGS_DB_BATCH_SECONDS": Rule("float", 0),
    "LIQAAT_SKIP_KNOWN": Rule("bool"),
    "MEETINGS_OUTPUT": Rule("str"),
    "WARC_PATH": Rule("str"),
    "OUTLETS_LASTMOD": Rule("bool"),
    "OUTLETS_SINCE": Rule("date"),
    "OUTLETS_HOST_MAP": Rule("dict"),
    "DOWNLOAD_TIMEOUT": Rule("float", 0.001),
    "DOWNLOAD_MAXSIZE": Rule("int", 0),
    "DOWNLOAD_WARNSIZE": Rule("int", 0),
    "DOWNLOAD_DELAY": Rule("float", 0),
    "CONCURRENT_REQUESTS": Rule("int", 1),
    "CONCURRENT_REQUESTS_PER_DOMAIN": Rule("int", 1),
    "RETRY_TIMES": Rule("int", 0),
    "CLOSESPIDER_ITEMCOUNT": Rule("int", 0),
    "CLOSESPIDER_PAGECOUNT": Rule("int", 0),
    "CLOSESPIDER_TIMEOUT": Rule("float", 0),
    "CLOSESPIDER_ERRORCOUNT": Rule("int", 0),
    "AUTOTHROTTLE_ENABLED": Rule("bool"),
    "ROBOTSTXT_OBEY": Rule("bool"),
}

_BOOLS = {"1": True, "0": False, "true": True, "false": False, "yes": True, "no": False}


def _value(rule: Rule, raw):
    """The value as the rule's type, or raise ValueError saying what it must be."""
    if rule.kind == "int":
        if isinstance(raw, bool) or not isinstance(raw, int | str) or (
                isinstance(raw, str) and not raw.strip().lstrip("+-").isdigit()):
            raise ValueError("must be a whole number (e.g. 5242880 for 5 MiB)")
        return int(raw)
    if rule.kind == "float":
        try:
            if isinstance(raw, bool):
                raise TypeError
            return float(raw)
        except (TypeError, ValueError):
            raise ValueError("must be a number") from None
    if rule.kind == "bool":
        if isinstance(raw, bool | int) and raw in (0, 1):
            return bool(raw)
        if isinstance(raw, str) and raw.strip().lower() in _BOOLS:
            return _BOOLS[raw.strip().lower()]
        raise ValueError("must be True or False")
    if rule.kind == "dict":
        if isinstance(raw, dict):
            return raw
        try:
            value = json.loads(raw) if isinstance(raw, str) and raw.strip() else {}
        except ValueError:
            value = None
        if not isinstance(value, dict):
            raise ValueError('must be a JSON object, e.g. {"hespress.com": "http://127.0.0.1:8001"}')
        return value
    if not isinstance(raw, str):
        raise ValueError("must be a string")
    if not raw.strip():
        if not rule.empty:
            raise ValueError("must not be empty")
        return raw
    if rule.kind == "date":
        try:
            datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("must be an ISO date, e.g. 2015-02-01") from None
    return raw


def check(settings) -> list[str]:
    """One message per wrong setting: `LIQAAT_WORKERS = '-3': must be at least 0`."""
    problems = []
    for name, rule in RULES.items():
        raw = settings.get(name)
        if raw is None:
            continue
        try:
            value = _value(rule, raw)
            if rule.minimum is not None and value < rule.minimum:
                raise ValueError(f"must be at least {rule.minimum:g}")
            if rule.maximum is not None and value > rule.maximum:
                raise ValueError(f"must be at most {rule.maximum:g}")
        except ValueError as error:
            problems.append(f"setting {name} = {raw!r}: {error}")
    return problems
