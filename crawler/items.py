"""The items liqaat produces: one `Report` per document, holding the `Meeting`s it describes.

Codes are listed in docs/data-dictionary.md. Each normalised value keeps the raw evidence it
came from beside it (`published_raw` beside `published`, `date_raw` beside `date`), so a
researcher can audit every field. Every field is documented in the README with an example.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class Counterpart:
    """The foreign official Hammouchi met."""

    name: str | None = None
    """The person's name as written in the body, without honorific or rank ("جواو مانويل ترافاسوس")."""
    name_latin: str | None = None
    """A Latin-script spelling, only when the text itself gives one ("Dirk Claessens")."""
    title: str | None = None
    """The role as written, without the rank ("المدير العام للشرطة الوطنية بجمهورية السنغال")."""
    honorific: str | None = None
    """The honorific or rank split off the name ("اللواء", "نائب الأميرال", "M.")."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the counterpart's state, or an organisation code (`INTERPOL`)."""
    agency: str | None = None
    """The agency as written, in its base form ("الشرطة القضائية"); null for ambassadors."""
    actor: str | None = None
    """The counterpart's identity key, the same across spellings and scripts: `p:<country>:<surname
    skeleton>` for a person ("p:at:lnstn" for Hollenstein, هولنشتاين), `a:<agency id>` for an agency
    alone; set by the store (docs/dedup.md, "Counterpart identity")."""


@dataclass
class Location:
    """Where the meeting took place."""

    city: str | None = None
    """City of the meeting, in English ("Rabat", "Temara", "Abu Dhabi"); null when not stated."""
    country: str | None = None
    """ISO alpha-2 code of the place of the meeting ("MA")."""


@dataclass
class Source:
    """One report of a meeting (in the meetings file and the store)."""

    url: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    merged_by: str | None = None
    """The rule that put this report in the meeting: `new` (its first report), `near`,
    `counterpart`, `undated` (docs/dedup.md)."""
    merge_evidence: dict | None = None
    """What the rule saw: `{"report": <the report matched>, "jaccard": 0.83}` for `near`,
    `{"report": …, "identity": "name", "place": "rabat", "days_apart": 1}` for `undated`."""


@dataclass
class Meeting:
    """One meeting of Hammouchi with one foreign counterpart."""

    meeting_id: str | None = None
    """Stable id of the deduplicated meeting (docs/dedup.md); set by the store."""
    date: str | None = None
    """The day the meeting took place, `YYYY-MM-DD`; null when the text does not determine it."""
    date_end: str | None = None
    """Last day of a meeting over several days; null otherwise."""
    weekday: str | None = None
    """The weekday the text names for the meeting, in English lower case, even if it contradicts `date`."""
    date_raw: str | None = None
    """The phrase the date was read from ("اليوم الثلاثاء", "الخميس 28 دجنبر")."""
    date_resolution: str | None = None
    """How `date` was found: `explicit`, `year_inferred`, `relative_to_published`, `visit_day` (a day
    of a visit or after the day told before: "في يومها الأول", "le lendemain"), `visit_span` (the
    days of the visit, no day of its own: `date`..`date_end`), `unresolved`."""
    weekday_mismatch: bool = False
    """True when the named weekday contradicts the explicit date (the date is kept)."""
    date_conflict: bool = False
    """True when another phrase about the same meeting names another day (`evidence["date_conflict"]`
    holds it; `date` is the best-supported one: explicit over relative)."""
    counterpart: Counterpart = field(default_factory=Counterpart)
    """The foreign official met."""
    attendees: list[str] = field(default_factory=list)
    """Others present who are not the counterpart (an ambassador, a delegation), as written."""
    location: Location = field(default_factory=Location)
    """Where the meeting took place."""
    hammouchi_abroad: bool = False
    """True when the meeting took place outside Morocco."""
    topics: list[str] = field(default_factory=list)
    """Topic codes of docs/data-dictionary.md (`terrorism`, `information_exchange`, `world_cup_2030`…)."""
    evidence: dict[str, str] = field(default_factory=dict)
    """For each field, the phrase of the text it came from; `sentence` is the meeting sentence."""
    sources: list[Source] = field(default_factory=list)
    """Meetings file only: every report of this meeting."""


@dataclass
class Report:
    """One document (a saved page, a text dump or a crawled page) and the meetings it reports."""

    url: str
    """The page URL; for a file, a `file://` URL ending in the file's name."""
    title: str | None = None
    """The article's headline."""
    text: str = ""
    """The main text: the article body without menus, teasers, comments, footers."""
    published: str | None = None
    """Publication date, ISO 8601 (`2025-09-12` or `2025-09-12T15:57:00+01:00`)."""
    published_raw: str | None = None
    """The string `published` was read from ("الثلاثاء 18 فبراير 2025 - 10:42")."""
    published_source: str | None = None
    """Where `published` came from: `meta`, `jsonld`, `time`, `rdfa`, `microdata`, `date_line`,
    `dateline`, `modified` (a "modified" metadata date alone), `extracted` (a date the extractor
    found), `url` (the date in the page's URL)."""
    author: str | None = None
    """The byline (a person or an editorial desk); null for an agency alone or no byline."""
    outlet: str | None = None
    """The outlet: for a crawled page the registry's name of it (`hespress`; for a mirror's copy,
    the original outlet's), for a saved page its name as the page shows it ("مدار 24")."""
    via: str | None = None
    """The mirror (aggregator) the page was fetched from, when it is a copy (`maghress`)."""
    lang: str | None = None
    """Language of the main text: `ar`, `fr`, `en` (or another ISO 639-1 code)."""
    kind: str | None = None
    """What the document is: `html` (a page) or `text` (a text dump of a page's visible text)."""
    encoding: str | None = None
    """The character encoding the document was decoded with ("utf-8", "cp1256")."""
    is_meeting_report: bool = False
    """True when the report describes at least one meeting with a foreign official."""
    not_meeting_reason: str | None = None
    """Why a report mentioning Hammouchi is not a meeting report (`preview`, `ceremony`…)."""
    meetings: list[Meeting] = field(default_factory=list)
    """The meetings this report describes; empty when it describes none."""
    body: str | None = field(default=None, repr=False)
    """The decoded document, for the pipelines; never exported."""


#: Fields written to feeds: every field but the raw document.
REPORT_EXPORT_FIELDS = [f.name for f in fields(Report) if f.name != "body"]
