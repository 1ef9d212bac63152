"""Stage 6: the counterpart's agency.

The gazetteer's agency named in the role, as written with its acronym ("جهاز الاستخبارات الأمنية
الفنلندي (SUPO)"); else the role's own organisation phrase: what follows the role's head words
("المدير العام لـ|وكالة الشرطة الوطنية اليابانية", "director general of the|Investigations Police
of Chile"). An ambassador, a minister or a head of state has no agency (data: `roles.no_agency`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.meetings.gaz import find_agencies, find_countries
from crawler.meetings.lexicon import lexicon
from crawler.meetings.people import HEADS as _HEADS
from crawler.meetings.people import rx as _rx
from crawler.textnorm import ARABIC_RE
from crawler.vocab import fold

_ACRONYM_AFTER = re.compile(r"\s*\(([^()]{2,12})\)")
_LATIN_OF = re.compile(  # a whole word: not the "Of" of "Office"
    r"^(?:(?:of\s+the|of|de\s+la|du|des|de|at\s+the|at|for\s+the|for)(?!\w)|de\s+l['’]|d['’])\s*",
    re.IGNORECASE)
_AR_OF = ("لل", "ل", "ب")
_CONJUNCT_BEFORE = re.compile(r"(?:(?<=\s)|^)و$|\s(?:and|et|et\s+de|et\s+du|et\s+des|et\s+de\s+la|y)\s+$",
                              re.IGNORECASE)
# a possessive owner before an English role: "Senegal's", "the Garda Síochána's"
_OWNER = _rx(r"^(?:the\s+)?((?:[{U}][\w-]*\s+){0,3}[{U}][\w-]*)['’]s\s+")
_ACRONYM_ONLY = re.compile(r"^[A-Z][A-Za-z.\-]{1,11}$")
MIN_ORG_WORDS = 1
MAX_TRAILING_ADJECTIVES = 2


@dataclass(frozen=True)
class AgencyFind:
    """An agency of the gazetteer named in a text."""

    written: str
    country: str | None
    generic: bool = False  # a generic service named with its country ("Customs of the Sultanate of Oman")
    # the second half of a name joined by "و" / "and" / "et" ("… للاستخبارات والأمن الهولندية"), or
    # only an acronym: the whole organisation phrase of the role is the agency
    partial: bool = False
    candidates: tuple[str, ...] = ()  # the countries an ambiguous name may be ("جهاز المخابرات الوطني")


def agency_in(text: str) -> AgencyFind | None:
    for a in find_agencies(text):
        if a.get("domestic") and not a.get("qualifier"):
            continue
        written = a.get("with_adjective") or a.base or a.surface
        # keep the acronym in brackets right after the agency: "(AIVD)"
        after = _ACRONYM_AFTER.match(text[a.end:])
        if after and not a.get("with_adjective"):
            written = f"{written} ({after.group(1)})"
        elif not after:
            written += _trailing_adjectives(text, max(a.end, getattr(a.get("qualifier"), "end", 0) or 0))
        country = a.get("country") or a.code if a.get("type") == "international" else a.get("country")
        partial = bool(_CONJUNCT_BEFORE.search(text[max(0, a.start - 12):a.start])) \
            or bool(_ACRONYM_ONLY.match(written))
        return AgencyFind(written, country, generic=bool(a.get("qualifier")) and not a.get("with_adjective"),
                          partial=partial, candidates=tuple(a.get("candidates") or ()))
    return None


def _trailing_adjectives(text: str, end: int) -> str:
    """"مدير الشرطة الأسترالية الفيدرالية": the definite adjectives that end a role after the
    gazetteer's name (up to MAX_TRAILING_ADJECTIVES, none a country or a role word) are its name too."""
    tail = text[end:].strip(" .،,")
    toks = tail.split()
    if not toks or len(toks) > MAX_TRAILING_ADJECTIVES or not all(
            ARABIC_RE.search(t) and fold(t).startswith("ال") for t in toks):
        return ""
    if find_countries(tail) or lexicon().role.search(fold(tail)):
        return ""
    return " " + tail


def organisation_of(role: str) -> str | None:
    """The organisation phrase of a role, without its head words; None for a role without one
    (an ambassador, a minister) or whose rest is only a country."""
    lx = lexicon()
    text = role.strip()
    heads = _HEADS.match(text)
    if heads:
        # "(who) heads Denmark's Security and Intelligence Service (PET)": the verb's object is the service
        text = text[heads.end():]
        owner = _OWNER.match(text)
        text = _LATIN_OF.sub("", text[owner.end():] if owner else text).strip(" ,.")
        return text if text and not _only_country(text) else None
    owner = _OWNER.match(text)
    if owner:
        # "Senegal's director general of national police": the owner comes before the role
        text = text[owner.end():]
    head = False
    while True:
        m = lx.role.match(fold(text))
        if not m or m.end() == 0:
            break
        if lx.no_agency.match(fold(text)):
            return None
        head = True
        text = text[m.end():].strip(" ,،")
    if head and not text and owner and not _only_country(owner.group(1)):
        return owner.group(1)  # "Europol's Deputy Executive Director": the owner is the organisation
    if not head or not text:
        return None
    if ARABIC_RE.search(text[:2]):
        for c in _AR_OF:
            if text.startswith(c) and len(text) > len(c) + 2:
                text = ("ال" + text[2:]) if c == "لل" else text[len(c):]
                break
    else:
        text = _LATIN_OF.sub("", text)
    text = text.strip(" ,،.")
    if len(text.split()) < MIN_ORG_WORDS:
        return None
    countries = find_countries(text)
    if countries and countries[0].start == 0 and countries[0].end >= len(text.rstrip()) - 1:
        return None  # "سفير كندا": the rest names the country only
    return text


def _only_country(text: str) -> bool:
    found = find_countries(text)
    return bool(found) and found[0].start == 0 and found[0].end >= len(text.rstrip()) - 1


def decide_agency(role: str | None, found: AgencyFind | None) -> str | None:
    """The gazetteer's agency; the role's organisation phrase when the gazetteer names only a generic
    service inside it ("Police and Customs of the Sultanate of Oman", not "Customs") or none."""
    own = organisation_of(role) if role else None
    # an acronym alone stands for the phrase only when it is that phrase's ("… (AIVD)"), not an owner
    # before the role ("INTERPOL's Executive Director of Police Services")
    partial = found is not None and found.partial and not (
        _ACRONYM_ONLY.match(found.written) and own and found.written not in own)
    if found is not None and own and partial:
        return own  # "رئيس المصلحة العامة للاستخبارات والأمن الهولندية (AIVD)": all of it
    if found is not None and own and found.written not in own and role and _HEADS.match(role) and re.search(
            re.escape(found.written) + r"['’]s\s", role):
        return own  # "heads the State Department's Bureau of …": the owner's own service, not the owner
    if found is not None and not (found.generic and own and _definite(found.written) in _definite(own)):
        return found.written
    return own


_CLITIC_ARTICLE = re.compile(r"(?<!\S)(?:لل|بال|وال|فال|كال)(?=\S)")


def _definite(text: str) -> str:
    """The folded text with the article standing alone: "للأمن" and "بالأمن" read "الامن", so a
    generic service ("الأمن") is found inside "الوكالة الوطنية للأمن بجمهورية تشاد"."""
    return _CLITIC_ARTICLE.sub("ال", fold(text))
