"""Publication dates of my own page and dump fixtures, the pipeline (order 200), and a crawl."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest
import yaml
from scrapy.utils.test import get_crawler

from crawler.dates import publication_date
from crawler.dates.published import _late_utc, date_line, dateline, fielded_date_line, url_date
from crawler.items import Report
from pipelines.published import PublishedPipeline
from tests.conftest import FIXTURES, crawl_reports, read_jsonl, shared_path

DIR = FIXTURES / "dates"
EXPECTED = yaml.safe_load((DIR / "published.yaml").read_text(encoding="utf-8"))


def _day(value):
    return value if value is None or isinstance(value, date) else date.fromisoformat(str(value))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_publication_date(name):
    want = EXPECTED[name]
    path = DIR / name.split("#")[0]  # "page.html#case": the same page, another case
    kind = "html" if path.suffix == ".html" else "text"
    found = publication_date(path.read_text(encoding="utf-8"), kind,
                             SimpleNamespace(title=want.get("title"), date_candidates=[]), want.get("url"))
    assert (found.day if found else None) == _day(want["day"])
    for key in ("source", "raw", "value"):
        if key in want:
            assert getattr(found, key) == want[key]


def test_a_january_first_the_page_does_not_say_is_no_date():
    body = (DIR / "nodate.html").read_text(encoding="utf-8")
    guessed = SimpleNamespace(title=None, date_candidates=[("htmldate", "2024-01-01")])
    assert publication_date(body, "html", guessed) is None
    said = SimpleNamespace(title=None, date_candidates=[("htmldate", "2024-03-02")])
    assert publication_date(body, "html", said).day == date(2024, 3, 2)
    body_jan1 = body.replace("<p>", "<p>الرباط – فاتح يناير 2024 - ")
    assert publication_date(body_jan1, "html", guessed).day == date(2024, 1, 1)


def test_late_utc_metadata_yields_to_the_date_line_of_the_next_day():
    body = (DIR / "meta.html").read_text(encoding="utf-8")
    late = body.replace("2024-03-05T21:40:00+01:00", "2024-03-04T23:40:00+00:00")
    assert publication_date(late, "html").day == date(2024, 3, 5)
    early = body.replace("2024-03-05T21:40:00+01:00", "2024-03-05T09:40:00+00:00")
    assert publication_date(early, "html").source == "meta"


@pytest.mark.parametrize("line, day", [
    ("الخميس 24 سبتمبر 2020 على الساعة 15:57", date(2020, 9, 24)),
    ("الثلاثاء 13 فبراير 2024 - 14:15", date(2024, 2, 13)),
    ("Publié le 27/09/2022", date(2022, 9, 27)),
    ("Publié le 02/10/2024 - 11:48", date(2024, 10, 2)),
    ("نشر في: 12/09/2025 - 13:40 | آخر تحديث: 2025-09-13 17:05", date(2025, 9, 12)),
    ("Mis à jour le 19/06/2025 à 07:10", None),
    ("هيئة التحرير _ موقع الرباط – الاثنين 8 شتنبر 2025 أوضحت وزارة النقل في بلاغ لها أن...", None),
    ("شهدت جماعة بوسكورة، يوم السبت 14 فبراير 2026، تنظيم حملة طبية", None),
])
def test_date_line(line, day):
    found = date_line(line)
    assert (found[0] if found else None) == day


@pytest.mark.parametrize("paragraph, day", [
    ("الرباط – 12 شتنبر 2025 - استقبل المدير العام للأمن الوطني", date(2025, 9, 12)),
    ("Rabat, 3 octobre 2024 - Le directeur général a reçu", date(2024, 10, 3)),
    # two cities of a joint desk
    ("Lisboa/Rabat, 3 mars 2025 (EFE) - Le chef de la police", date(2025, 3, 3)),
    ("الرباط – استقبل المدير العام للأمن الوطني ولمراقبة التراب الوطني، عبد اللطيف حموشي،"
     " صباح يوم الأربعاء 2 أكتوبر 2024", None),
    # a Gulf agency's dateline: the city, "في", the date; a verb before "في" is no city
    ("مسقط في ٣ يونيو ٢٠٢٤ /العمانية/ استقبل معالي الفريق", date(2024, 6, 3)),
    ("أبوظبي في 21 أكتوبر 2025 (وام) - التقى الفريق", date(2025, 10, 21)),
    ("اجتمع في 21 أكتوبر 2025 المدير العام للأمن الوطني", None),
    # the Algerian and Tunisian month names
    ("تونس - 9 جويلية 2025 - استقبل المدير العام", date(2025, 7, 9)),
    # the agencies' short French months: "fév.", "juill."
    ("Nouakchott, 11 fév. 2025 (AMI) - Le ministre a reçu", date(2025, 2, 11)),
    ("Dakar, 2 juill. 2025 (APS) - Le directeur", date(2025, 7, 2)),
])
def test_dateline(paragraph, day):
    found = dateline(paragraph)
    assert (found[0] if found else None) == day


def test_pipeline_sets_published_and_counts():
    crawler = get_crawler()
    pipeline = PublishedPipeline.from_crawler(crawler)
    item = Report(url="file:///meta.html", body=(DIR / "meta.html").read_text(encoding="utf-8"), kind="html")
    pipeline.process_item(item)
    assert (item.published, item.published_source) == ("2024-03-05T21:40:00+01:00", "meta")
    assert crawler.stats.get_value("liqaat/dates/published/meta") == 1
    empty = Report(url="file:///e.txt", body="سطر\nآخر", kind="text")
    pipeline.process_item(empty)
    assert empty.published is None
    assert crawler.stats.get_value("liqaat/dates/published/none") == 1


def test_crawl_exports_published_fields(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("meta.html", "rdfa.html", "visible.html", "dump_nodate.txt"):
        (folder / name).write_bytes((DIR / name).read_bytes())
    reports, _ = crawl_reports(tmp_path, folder, "-s", "LOG_LEVEL=WARNING")
    by_name = {r["url"].rsplit("/", 1)[-1]: r for r in reports}
    assert by_name["meta.html"]["published"].startswith("2024-03-05")
    assert by_name["rdfa.html"]["published"].startswith("2023-06-14")
    assert by_name["rdfa.html"]["published_source"] == "rdfa"
    assert by_name["visible.html"]["published"] == "2024-07-04"
    assert by_name["visible.html"]["published_raw"] == "الخميس 4 يوليوز 2024"
    assert by_name["dump_nodate.txt"]["published"] is None


def test_seeds_and_dev_publication_dates(tmp_path):
    """field_published on ../shared: every page's own day (or null where the page has none)."""
    for folder, gold in ((shared_path("seeds"), shared_path("corpus", "seeds_gold.jsonl")),
                         (shared_path("corpus", "dev"), shared_path("corpus", "dev", "gold.jsonl"))):
        out = tmp_path / f"{folder.name}.jsonl"
        reports, _ = crawl_reports(tmp_path, folder, "-O", str(out), "-s", "LOG_LEVEL=WARNING")
        got = {r["url"].rsplit("/", 1)[-1]: (r["published"] or "")[:10] or None for r in read_jsonl(out)}
        for row in read_jsonl(gold):
            assert got[row["file"]] in {row["published"], *row.get("published_accept", [])}, row["file"]
    json.dumps(reports)


@pytest.mark.parametrize("url, day", [
    ("https://www.example.org/2024/11/25/slug", date(2024, 11, 25)),
    ("https://example.org/news/2024-11-25-hammouchi-recoit", date(2024, 11, 25)),
    ("http://example.ma/ar/2023/2/7/12345.html", date(2023, 2, 7)),
    ("https://example.org/2024/11/slug", None),  # a month is not a day
    ("https://example.org/2024/13/45/slug", None),
    ("https://example.org/article?id=2024-11-25", None),  # the query is not the path
    ("https://2024-11-25.example.org/x", None),  # nor the host
    ("file:///tmp/2024-11-25-slug.html", None),  # a saved file's name is not the page's URL
    (None, None),
])
def test_url_date(url, day):
    found = url_date(url)
    assert (found.day if found else None) == day
    if found:
        assert found.source == "url"


@pytest.mark.parametrize("value, late", [
    ("2024-11-24T23:10:00+00:00", True),
    ("2024-11-24T22:00:00+00:00", True),
    ("2024-11-24T21:59:00+00:00", False),
    ("2024-11-24T18:30:00-05:00", True),  # 23:30 UTC
    ("2024-11-24T23:30:00+01:00", True),  # 22:30 UTC
    ("2024-11-24T21:30:00+01:00", False),
    ("2024-11-24T23:10:00", False),  # no offset: the page's own clock
    ("2024-11-24", False),
])
def test_late_utc(value, late):
    assert _late_utc(value) is late


@pytest.mark.parametrize("source", ["meta", "jsonld", "rdfa", "time"])
def test_every_late_metadata_source_yields_to_a_visible_next_day(source):
    stamp = "2024-11-24T23:10:00+00:00"
    marks = {"meta": f'<meta property="article:published_time" content="{stamp}">',
             "jsonld": '<script type="application/ld+json">'
                       f'{{"@type": "NewsArticle", "datePublished": "{stamp}"}}</script>',
             "rdfa": f'<span property="dc:date" content="{stamp}"></span>',
             "time": f'<time datetime="{stamp}"></time>'}
    head, body = (marks[source], "") if source in ("meta", "jsonld") else ("", marks[source])
    page = (f"<html><head><title>T</title>{head}</head><body><h1>T</h1>{body}"
            "<div>الإثنين 25 نونبر 2024</div><p>" + "نص " * 80 + "</p></body></html>")
    assert publication_date(page, "html").day == date(2024, 11, 25)
    assert publication_date(page.replace("23:10", "10:10"), "html").day == date(2024, 11, 24)
    in_url = publication_date(page.replace("الإثنين 25 نونبر 2024", ""), "html", None,
                              "https://example.org/2024/11/25/t")
    assert (in_url.day, in_url.source) == (date(2024, 11, 25), "url")


def _html_inputs() -> list[str]:
    """Every HTML page under tests/fixtures and ../shared/corpus/dev (when present)."""
    from tests.conftest import SHARED

    files = sorted(FIXTURES.rglob("*.htm*")) + sorted((SHARED / "corpus" / "dev").glob("*.htm*"))
    return [f.read_bytes().decode("utf-8", "replace") for f in files]


def _own_and_shared(html: str, url: str | None = None):
    """The page's date as `publication_date` reads it on its own parse, and as it reads it on
    the extraction's (`Extracted.page_date`, None where the dates need their own parse)."""
    from crawler.extract.html import extract_html

    extracted = extract_html(html, url)
    own = publication_date(html, "html", extracted, url)
    shared = publication_date(html, "html", extracted, url, page=extracted.page_date)
    return own, shared, extracted.page_date


def test_the_extraction_parse_gives_the_date_of_the_own_parse_on_every_page():
    pages = _html_inputs()
    assert len(pages) >= 20
    shared = 0
    for html in pages:
        for url in (None, "https://example.org/2024/11/25/t"):
            own, found, page = _own_and_shared(html, url)
            assert found == own
            shared += page is not None
    assert shared >= len(pages)  # most pages need no second parse


# A date line whose element holds comments or processing instructions: with them it has more
# children than MAX_CHILDREN (a container, read through its children) from five on
@pytest.mark.parametrize("comments", range(8))
@pytest.mark.parametrize("node", ["<!-- c -->", "<?pi x?>"])
def test_the_extraction_parse_counts_an_elements_comments(comments, node):
    line = "<span>الخميس</span> <span>24</span> <span>سبتمبر</span> <span>2020</span>" + node * comments
    page = ("<!DOCTYPE html><html><head><title>حموشي يستقبل وفدا</title></head><body>"
            f"<h1>حموشي يستقبل وفدا</h1><div>{line}</div><p>{'نص ' * 90}</p></body></html>")
    own, found, page_date = _own_and_shared(page)
    assert found == own
    assert (own is not None) == (comments <= 4)
    assert (page_date is not None) == (comments <= 4)  # the date element's search gives way


# A date element (`class="post-date"`) below the body, after many comments: the own parse reads
# the first DATE_ELEMENT_REACH nodes of the article (or the page), comments included
@pytest.mark.parametrize("comments", [0, 1, 560, 600, 700])
@pytest.mark.parametrize("article", [True, False])
def test_the_extraction_parse_gives_way_where_comments_count(comments, article):
    inner = (f"<h1>حموشي يستقبل وفدا</h1><p>{'نص ' * 90}</p>" + "<!-- x -->" * comments
             + '<div class="post-date">الخميس 24 سبتمبر 2020</div>')
    page = ("<!DOCTYPE html><html><head><title>حموشي يستقبل وفدا</title></head><body>"
            + (f"<article>{inner}</article>" if article else inner) + "</body></html>")
    own, found, page_date = _own_and_shared(page)
    assert found == own
    assert (page_date is None) == (comments > 0)


@pytest.mark.parametrize("line, day", [
    ("By U.S. Embassy Rabat | 17 March, 2025 | Topics: Law Enforcement, Press Releases", date(2025, 3, 17)),
    ("08.09.2025 | Embassy of the Republic of Latvia in Rabat", date(2025, 9, 8)),
    ("Par la rédaction · 4 avril 2025 · Société", date(2025, 4, 4)),
    # two dates, or a field that is a sentence: no publication line
    ("Agadir : le salon ouvre le 12/04/2025 | 10/04/2025", None),
    ("12 mai 2025 | The minister said the talks went well. Both sides agreed to meet again", None),
    ("Fès : démantèlement d'un réseau de faux billets et de cartes bancaires falsifiées à travers la région",
     None),
])
def test_fielded_date_line(line, day):
    found = fielded_date_line(line)
    assert (found[0] if found else None) == day
