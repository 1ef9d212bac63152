"""A merged meeting's fields, each from the best evidence among its reports' accounts."""

from __future__ import annotations

from collections import Counter

#: An explicit date beats one whose year was inferred, which beats one resolved from "today".
DATE_RANK = {"explicit": 3, "year_inferred": 2, "relative_to_published": 1}


def _longest(values):
    """The longest value; a damaged copy (U+FFFD, a byte that did not decode, or a control
    character) loses to any whole one, and damaged copies among themselves to the least damaged."""
    vals = [v for v in values if v]
    return max(vals, key=lambda v: (-_damage(v), len(v.split()), len(v)), default=None)


def _damage(value: str) -> int:
    return sum(1 for ch in value if ch == "\ufffd" or (ch < " " and ch not in "\t\n\r"))


def _most_common(values):
    vals = [v for v in values if v]
    if not vals:
        return None
    vals = [v for v in vals if not _damage(v)] or vals
    counts = Counter(vals)
    return max(vals, key=lambda v: (counts[v], -vals.index(v)))


def merge_fields(accounts: list[dict]) -> dict:
    """Merge Meeting dicts (one per report, in source order) into one meeting dict.

    date (with date_end, weekday, date_raw, date_resolution, weekday_mismatch): from the account
    with the best `date_resolution` (DATE_RANK), then the date most accounts give; name, name_latin,
    title, agency: the longest (a full name over a surname, a full title over a short one);
    a copy damaged by U+FFFD never wins over a whole one;
    country, city, location country: the most common; hammouchi_abroad: true when most say so;
    topics and attendees: the union."""
    dated = [a for a in accounts if a.get("date")]
    date_counts = Counter(a["date"] for a in dated)
    best = max(dated, key=lambda a: (DATE_RANK.get(a.get("date_resolution") or "", 0), date_counts[a["date"]],
                                     -accounts.index(a)), default=accounts[0] if accounts else {})
    cps = [a.get("counterpart") or {} for a in accounts]
    locs = [a.get("location") or {} for a in accounts]
    name = _longest(c.get("name") for c in cps)
    honorific = next((c.get("honorific") for c in cps if c.get("name") == name and c.get("honorific")), None)
    topics, attendees = [], []
    for a in accounts:
        topics += [t for t in a.get("topics") or [] if t not in topics]
        attendees += [t for t in a.get("attendees") or [] if t not in attendees]
    abroad = [bool(a.get("hammouchi_abroad")) for a in accounts]
    return {
        "date": best.get("date"),
        "date_end": best.get("date_end"),
        "weekday": best.get("weekday"),
        "date_raw": best.get("date_raw"),
        "date_resolution": best.get("date_resolution"),
        "weekday_mismatch": bool(best.get("weekday_mismatch")),
        "counterpart": {
            "name": name,
            "name_latin": _longest(c.get("name_latin") for c in cps),
            "title": _longest(c.get("title") for c in cps),
            "honorific": honorific,
            "country": _most_common((c.get("country") or "").upper() for c in cps),
            "agency": _longest(c.get("agency") for c in cps),
        },
        "attendees": attendees,
        "location": {"city": _most_common(lc.get("city") for lc in locs),
                     "country": _most_common(lc.get("country") for lc in locs)},
        "hammouchi_abroad": sum(abroad) * 2 > len(abroad),
        "topics": sorted(topics),
    }
