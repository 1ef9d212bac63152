"""Gazetteers of countries, international organisations, security agencies and cities, kept as data
files under data/, with a matcher that finds them in Arabic, French and English text.

    from crawler.gazetteer import find_countries, find_agencies, find_cities, country_of_adjective

Every finder returns `Match` objects (code, start, end in the original text, surface, kind, written
form, data); see docs/meetings.md, section Gazetteers.
"""

from __future__ import annotations

from crawler.gazetteer.loader import (
    agencies,
    capital_of,
    cities,
    city_of,
    countries,
    country_name,
    country_of,
    country_of_adjective,
    find_agencies,
    find_cities,
    find_countries,
    organizations,
)
from crawler.gazetteer.matcher import Match, key

__all__ = ["Match", "agencies", "capital_of", "cities", "city_of", "countries", "country_name", "country_of",
           "country_of_adjective", "find_agencies", "find_cities", "find_countries", "key", "organizations"]
