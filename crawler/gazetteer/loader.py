"""Loads the gazetteer data files once (cached loader functions) and answers look-ups over them."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from crawler.gazetteer.matcher import _ARABIC, Entry, Match, Trie, to_match
from crawler.vocab import VocabError
from crawler.vocab import load as _load_file
from crawler.vocab.compiled import built

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("ar", "fr", "en")
ORG_CODES = ("INTERPOL", "EUROPOL", "AFRIPOL", "UNODC", "EU", "UN")
AGENCY_TYPES = ("intelligence", "police", "gendarmerie", "ministry", "border", "customs", "international",
                "security", "judicial", "military")
_CODE = re.compile(r"^[A-Z]{2}$")
# What may stand between a generic agency ("الشرطة الوطنية") and the country that qualifies it:
# nothing (an adjective: الشرطة الوطنية الفرنسية), a clitic (بجمهورية السنغال), or a preposition
# (في، لدى، de, du, of the…). Not و: "الشرطة الوطنية وإسبانيا" is "and Spain".
_QUALIFIER_GAP = re.compile(
    r"\s*(?:(?:في|لدى|التابعة\s+ل|التابع\s+ل|of(?:\s+the)?|de(?:\s+la|\s+l['’])?|du|des|d['’]|in|for)\s*)?"
    r"(?:بال|لل|ب|ل)?", re.IGNORECASE)


class GazetteerError(ValueError):
    """A data file is malformed; the message names the file and the entry."""


def _load(name: str) -> Any:
    path = DATA / name
    try:
        return _load_file(path)
    except VocabError as exc:
        raise GazetteerError(f"{path}: {exc}") from exc


def _load_all(name: str, field: str, ident: str) -> dict:
    """`name` (agencies.yaml) and then every file of the folder of its stem (agencies/*.yaml), their
    `field` lists joined. An entry `{extends: ID, names/acronyms/ar/fr/en: …}` of a folder file adds
    surfaces to the entry whose `ident` is ID instead of making a new one."""
    data = _load(name)
    items = list(data[field])
    stem = name.rsplit(".", 1)[0]
    for path in sorted((DATA / stem).glob("*.yaml")):
        items += (_load(f"{stem}/{path.name}") or {}).get(field) or []
    by_id = {e.get(ident): e for e in items if "extends" not in e}
    for e in items:
        if "extends" not in e:
            continue
        target = by_id.get(e["extends"])
        if target is None:
            raise GazetteerError(f"{stem}/: extends {e['extends']!r}: no such entry")
        for k, v in e.items():
            if isinstance(v, dict):
                for lang, surfaces in v.items():
                    target.setdefault(k, {}).setdefault(lang, [])
                    target[k][lang] = target[k][lang] + [s for s in surfaces if s not in target[k][lang]]
            elif isinstance(v, list):
                target[k] = (target.get(k) or []) + [s for s in v if s not in (target.get(k) or [])]
    data[field] = [e for e in items if "extends" not in e]
    return data


# --- countries and organisations -------------------------------------------------------------------

@cache
def _countries_file() -> dict:
    data = _load("countries.yaml")
    for code, c in data["countries"].items():
        if not _CODE.match(str(code)):
            raise GazetteerError(f"countries.yaml: countries.{code}: not an ISO alpha-2 code")
        for lang in LANGS:
            if not c["names"].get(lang):
                raise GazetteerError(f"countries.yaml: countries.{code}.names.{lang}: empty")
    for code in data["organizations"]:
        if code not in ORG_CODES:
            raise GazetteerError(f"countries.yaml: organizations.{code}: not one of {ORG_CODES}")
    return data


def countries() -> dict[str, dict]:
    """ISO alpha-2 -> {un_member, name: {ar, fr, en}, names, adjectives, acronyms}."""
    return _countries_file()["countries"]


def organizations() -> dict[str, dict]:
    """Organisation code (INTERPOL, EUROPOL, AFRIPOL, UNODC, EU, UN) -> {ar, fr, en, acronyms, adjectives}."""
    return _countries_file()["organizations"]


def country_name(code: str, lang: str = "en") -> str | None:
    """The CLDR name of a country in `lang` (ar, fr, en), the code itself for an organisation."""
    c = countries().get(code)
    if c:
        return c["name"][lang]
    return code if code in organizations() else None


@cache
def _country_trie() -> Trie:
    return built("gazetteer-countries.trie", _build_country_trie)


def _build_country_trie() -> Trie:
    trie = Trie()
    for code, c in countries().items():
        base = {"type": "country"}
        for lang in LANGS:
            for s in c["names"][lang]:
                trie.add(s, Entry(code, "name", s, {**base, "lang": lang}, case_sensitive=lang == "en"))
        for lang in LANGS:
            for s in c["adjectives"][lang]:
                trie.add(s, Entry(code, "adjective", s, {**base, "lang": lang}, case_sensitive=lang == "en"))
        for s in c["acronyms"]:
            trie.add(s, Entry(code, "acronym", s, base, case_sensitive=True))
    for code, o in organizations().items():
        base = {"type": "organization"}
        for lang in LANGS:
            for s in o.get(lang) or []:
                trie.add(s, Entry(code, "name", s, {**base, "lang": lang}))
        for s in o.get("acronyms") or []:
            trie.add(s, Entry(code, "acronym", s, base, case_sensitive=True))
        for s in o.get("adjectives") or []:
            trie.add(s, Entry(code, "adjective", s, base))
    for a in _countries_file()["ambiguous"]:
        trie.add(a["surface"], Entry(None, a.get("kind", "adjective"), a["surface"],
                                     {"type": "country", "ambiguous": True, "candidates": a["codes"],
                                      "note": a.get("note")}))
    for s in _countries_file()["blocked"]:
        trie.add(s, Entry(None, "blocked", s, {"type": "blocked"}))
    return trie


def _best(entries: list[Entry]) -> Entry:
    order = {"name": 0, "acronym": 1, "adjective": 2, "blocked": 3}
    return min(entries, key=lambda e: order.get(e.kind, 9))


def find_countries(text: str) -> list[Match]:
    """Countries and organisations named in `text`: names (إسبانيا، بالمملكة المتحدة، Pays-Bas),
    nationality adjectives (الإسبانية، belge, Dutch) and acronyms (USA, UE, INTERPOL). `code` is the
    ISO alpha-2 code or the organisation's code, None for an ambiguous surface (see
    `match.get("candidates")`); `match.get("type")` is `country` or `organization`. Phrases such as
    "الصحراء المغربية" or "Amérique latine" name no country and yield nothing."""
    out = []
    for start, end, entries, base in _country_trie().find(text):
        e = _best(entries)
        if e.kind != "blocked":
            out.append(to_match(text, start, end, e, base))
    return out


def _whole(trie: Trie, surface: str) -> list[Entry]:
    """The entries of a surface that is one match from end to end (a clitic before it allowed)."""
    found = trie.find(surface)
    if len(found) == 1 and " " not in surface[:found[0][0]] and found[0][1] == len(surface.rstrip(".")):
        return found[0][2]
    return []


def country_of(surface: str) -> str | None:
    """The code named by a whole surface (a name, adjective or acronym, clitics allowed), or None when it
    names no country or several."""
    entries = [e for e in _whole(_country_trie(), surface.strip()) if e.kind != "blocked"]
    codes = {e.code for e in entries}
    return codes.pop() if len(codes) == 1 else None


def country_of_adjective(word: str) -> str | None:
    """The country of a nationality adjective (الإسبانية، البريطاني، espagnole, Belgian), None otherwise."""
    entries = [e for e in _whole(_country_trie(), word.strip()) if e.kind == "adjective"]
    codes = {e.code for e in entries}
    return codes.pop() if len(codes) == 1 else None


# --- agencies ----------------------------------------------------------------------------------------

def check_agencies(data: dict, known: set[str]) -> list[dict]:
    """The agency records of an agencies.yaml document, or GazetteerError naming the entry at fault."""
    seen = set()
    for i, a in enumerate(data["agencies"]):
        where = f"agencies.yaml: agencies[{i}] ({a.get('id', '?')})"
        if not a.get("id") or a["id"] in seen:
            raise GazetteerError(f"{where}: missing or duplicate id")
        seen.add(a["id"])
        if a.get("type") not in AGENCY_TYPES:
            raise GazetteerError(f"{where}: type must be one of {AGENCY_TYPES}")
        if a.get("country") is None and not a.get("ambiguous"):
            raise GazetteerError(f"{where}: no country and not marked ambiguous")
        for c in [a.get("country"), a.get("unqualified"), *(a.get("candidates") or [])]:
            if c is not None and c not in known:
                raise GazetteerError(f"{where}: unknown country {c!r}")
        if a.get("domestic") and a.get("country") != "MA" and "MA" not in (a.get("candidates") or []):
            raise GazetteerError(f"{where}: domestic agencies are Moroccan")
        names = a.setdefault("names", {}) or {}
        for lang in names:
            if lang not in LANGS:
                raise GazetteerError(f"{where}: names.{lang}: language must be one of {LANGS}")
        if not any(names.get(lang) for lang in LANGS) and not a.get("acronyms"):
            raise GazetteerError(f"{where}: no names and no acronyms")
    return data["agencies"]


@cache
def _agencies_file() -> list[dict]:
    return check_agencies(_load_all("agencies.yaml", "agencies", "id"), set(countries()) | set(ORG_CODES))


def agencies() -> list[dict]:
    """Every agency record of agencies.yaml and agencies/*.yaml."""
    return _agencies_file()


@cache
def _agency_trie() -> Trie:
    return built("gazetteer-agencies.trie", _build_agency_trie)


def _build_agency_trie() -> Trie:
    trie = Trie()
    for a in agencies():
        data = {"id": a["id"], "country": a.get("country"), "type": a["type"],
                "domestic": bool(a.get("domestic")), "ambiguous": bool(a.get("ambiguous")),
                "candidates": a.get("candidates") or [], "unqualified": a.get("unqualified"),
                "generic": bool(a.get("generic")),
                "name_en": (a["names"].get("en") or [None])[0]}
        for lang in LANGS:
            for s in a["names"].get(lang) or []:
                trie.add(s, Entry(a["id"], "name", s, {**data, "lang": lang}))
        for s in a.get("acronyms") or []:
            trie.add(s, Entry(a["id"], "acronym", s, data, case_sensitive=True))
    return trie


def _qualifier(text: str, end: int) -> Match | None:
    """A country named right after an agency: an adjective (الشرطة الوطنية الفرنسية) or a
    prepositional phrase (بجمهورية السنغال، du Luxembourg, of Belgium)."""
    window = text[end:end + 120]
    found = find_countries(window)
    if not found:
        return None
    m = found[0]
    if m.code is None or not _QUALIFIER_GAP.fullmatch(window[:m.start]):
        return None
    return Match(code=m.code, start=end + m.start, end=end + m.end, surface=m.surface, kind=m.kind,
                 written=m.written, base=m.base, data=m.data)


def _preceding_qualifier(text: str, start: int) -> Match | None:
    """A country adjective right before a Latin-script agency name ("Belgian Federal Police",
    "British intelligence services")."""
    lo = max(0, start - 60)
    found = find_countries(text[lo:start])
    if not found:
        return None
    m = found[-1]
    if m.code is None or m.kind != "adjective" or text[lo + m.end:start].strip():
        return None
    return Match(code=m.code, start=lo + m.start, end=lo + m.end, surface=m.surface, kind=m.kind,
                 written=m.written, base=m.base, data=m.data)


def find_agencies(text: str, qualify: bool = True) -> list[Match]:
    """Security agencies named in `text`. `code` is the agency id; `match.get("country")` its ISO code,
    None for a homonym ("الشرطة الوطنية", "الأمن الوطني", "DGSN": `candidates` lists who has one).
    With `qualify`, a homonym followed by a country (adjective or "بجمهورية X", "de X", "of X") gets
    that country, and `match.get("qualifier")` holds the country's match. `domestic` marks Morocco's own
    services; `unqualified` names the country a homonym means when nothing qualifies it in a Moroccan
    report (MA for "المديرية العامة للأمن الوطني"). A `generic` noun (الشرطة، المخابرات, police) is
    found only with a country after it (الشرطة البلجيكية), and then only when `qualify` is on.
    `with_adjective` is the agency's base form with the adjective that follows it ("الشرطة الفيدرالية
    البلجيكية" for "للشرطة الفيدرالية البلجيكية"), when the qualifier is one."""
    out = []
    for start, end, entries, base in _agency_trie().find(text):
        e = entries[0]
        m = to_match(text, start, end, e, base)
        if qualify and m.get("country") is None:
            q = _qualifier(text, end)
            if q is None and not _ARABIC.match(m.surface):
                q = _preceding_qualifier(text, start)
            if q is not None:
                full = (base + text[end:q.end]) if q.kind == "adjective" and q.start >= end else None
                m = to_match(text, start, end, e, base, country=q.code, qualifier=q, domestic=q.code == "MA",
                             with_adjective=full)
        out.append(m)
    # "police judiciaire fédérale (DGJ)": an acronym in brackets right after a homonym names it
    for i, m in enumerate(out[:-1]):
        nxt = out[i + 1]
        if qualify and m.get("country") is None and nxt.get("country") and \
                re.fullmatch(r"\s*[(\[]\s*", text[m.end:nxt.start]):
            out[i] = to_match(text, m.start, m.end, Entry(m.code, m.kind, m.written, m.data), m.base,
                              country=nxt.get("country"), qualifier=nxt, domestic=bool(nxt.get("domestic")))
    return [m for m in out if not (m.get("generic") and m.get("qualifier") is None)]


# --- cities ------------------------------------------------------------------------------------------

def check_cities(data: dict, known: set[str]) -> list[dict]:
    """The city records of a cities.yaml document, or GazetteerError naming the entry at fault."""
    seen = set()
    for i, c in enumerate(data["cities"]):
        where = f"cities.yaml: cities[{i}] ({c.get('name', '?')})"
        if not c.get("name") or c.get("country") not in known:
            raise GazetteerError(f"{where}: needs a name and a known ISO country")
        if c["name"] in seen:
            raise GazetteerError(f"{where}: duplicate name")
        seen.add(c["name"])
        if not c.get("ar"):
            raise GazetteerError(f"{where}: no Arabic name")
    return data["cities"]


@cache
def _cities_file() -> list[dict]:
    return check_cities(_load_all("cities.yaml", "cities", "name"), set(countries()))


def cities() -> list[dict]:
    """Every city record of cities.yaml and cities/*.yaml."""
    return _cities_file()


@cache
def _city_trie() -> Trie:
    return built("gazetteer-cities.trie", _build_city_trie)


def _build_city_trie() -> Trie:
    trie = Trie()
    for c in cities():
        data = {"country": c["country"], "capital": bool(c.get("capital")),
                "country_homonym": bool(c.get("country_homonym"))}
        for lang in LANGS:
            for s in c.get(lang) or []:
                trie.add(s, Entry(c["name"], "name", s, {**data, "lang": lang}, case_sensitive=lang != "ar"))
        trie.add(c["name"], Entry(c["name"], "name", c["name"], {**data, "lang": "en"}, case_sensitive=True))
    return trie


def find_cities(text: str) -> list[Match]:
    """Cities named in `text`; `code` is the English name, `match.get("country")` its ISO code.
    `country_homonym` marks a city written like its country (الجزائر، تونس، الكويت): the caller
    decides which is meant."""
    return [to_match(text, start, end, entries[0], base)
            for start, end, entries, base in _city_trie().find(text)]


def city_of(surface: str) -> dict | None:
    """The city record named by a whole surface (clitics allowed: بتمارة، بالرباط), or None."""
    entries = _whole(_city_trie(), surface.strip())
    names = {e.code for e in entries}
    if len(names) != 1:
        return None
    name = names.pop()
    return next(c for c in cities() if c["name"] == name)


def capital_of(code: str) -> str | None:
    """The English name of a country's capital ("العاصمة البلجيكية" -> capital_of("BE") == "Brussels"),
    None when cities.yaml has none."""
    for c in cities():
        if c["country"] == code and c.get("capital"):
            return c["name"]
    return None
