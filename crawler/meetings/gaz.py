"""The gazetteer finders as the meetings reader calls them: memoised (the same pieces and sentences
are looked up several times per report) and returning tuples (the matches are immutable)."""

from __future__ import annotations

from functools import lru_cache

from crawler.gazetteer import find_agencies as _find_agencies
from crawler.gazetteer import find_cities as _find_cities
from crawler.gazetteer import find_countries as _find_countries


@lru_cache(maxsize=8192)
def find_countries(text: str) -> tuple:
    return tuple(_find_countries(text))


@lru_cache(maxsize=8192)
def find_cities(text: str) -> tuple:
    return tuple(_find_cities(text))


@lru_cache(maxsize=4096)
def find_agencies(text: str) -> tuple:
    return tuple(_find_agencies(text))


def cities(text: str) -> list:
    """Cities named in `text`, without the names that are also a country's ("الجزائر", "Djibouti");
    the city's own names are kept ("Alger", "الجزائر العاصمة")."""
    return [c for c in find_cities(text) if not c.get("country_homonym") or not find_countries(c.surface)]
