"""The outlets spider against two local fixture sites on 127.0.0.1 (see tests/fixture_site.py)."""

import gzip
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import crawl, read_jsonl, shared_path
from tests.fixture_site import EXPECTED, OUTLETS, outlet_settings, serve

ARTICLE = re.compile(r"^/(news|old|private|articles)/")


def stats(proc) -> dict:
    dump = proc.stderr.split("Dumping Scrapy stats:")[-1]
    return {k: float(v) for k, v in re.findall(r"'([^']+)': (\d+(?:\.\d+)?)[,}]", dump)}


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    with serve(OUTLETS / "site") as ar, serve(OUTLETS / "site-fr") as fr:
        yield ar, fr


def outlet_args(ar, fr, *extra):
    return (*(a for k, v in outlet_settings(ar, fr).items() for a in ("-s", f"{k}={v}")), *extra)


def paths(url_list, site) -> set[str]:
    return {u.removeprefix(site.url) for u in url_list if u.startswith(site.url)}


@pytest.fixture(scope="module")
def first_run(sites, tmp_path_factory):
    ar, fr = sites
    ar.requests.clear()
    fr.requests.clear()
    tmp = tmp_path_factory.mktemp("first")
    proc = crawl(tmp, "-O", str(tmp / "r.jsonl"),
                 *outlet_args(ar, fr, "-s", f"WARC_PATH={tmp / 'crawl.warc.gz'}"), spider="outlets")
    return tmp, proc, read_jsonl(tmp / "r.jsonl"), list(ar.requests), list(fr.requests)


def test_crawl_finds_every_report_and_nothing_else(sites, first_run):
    ar, fr = sites
    _, proc, reports, ar_requests, fr_requests = first_run
    s = stats(proc)
    urls = [r["url"] for r in reports]
    assert len(urls) == len(set(urls))
    assert paths(urls, ar) | paths(urls, fr) == EXPECTED
    assert all(r["is_meeting_report"] for r in reports)
    # `outlet` is the registry's name, though the pages were fetched from 127.0.0.1:<port>
    assert {r["outlet"] for r in reports} == {"fixture", "fixture_fr"} and not any(r["via"] for r in reports)
    # every request Scrapy sent reached our two servers: none went off-domain
    assert s["downloader/request_count"] == len(ar_requests) + len(fr_requests)
    assert s["offsite/filtered"] == 1  # /old/900.html redirects off-site: never followed
    assert s["liqaat/outlets/offsite_skipped"] == 6  # links, feed entries, sitemap entries
    # robots.txt: no request to a disallowed path
    assert not [p for p in ar_requests if p.startswith("/private/")]
    assert not [p for p in fr_requests if p.startswith("/articles/brouillon")]
    assert s["robotstxt/forbidden"] == 2
    assert s["liqaat/politeness/crawl_delay"] == 0.02
    # errors are counted and the run goes on
    assert s["liqaat/outlets/errors/http_404"] == 1
    assert s["liqaat/outlets/errors/http_500"] == 1
    assert s["liqaat/outlets/redirect_offsite"] == 1
    assert "errors/IgnoreRequest" not in proc.stderr
    assert "could not fetch" in proc.stderr and "'finish_reason': 'finished'" in proc.stderr
    assert s["liqaat/outlets/prefilter/dropped"] == 3
    assert (s["liqaat/outlets/fetched/fixture"], s["liqaat/outlets/fetched/fixture_fr"]) == (7, 3)
    # numbered listing pages: stop at the first page without articles
    assert "/rubrique/3.html" in fr_requests and "/rubrique/4.html" not in fr_requests
    assert "/section-2.html" in ar_requests
    assert "/sitemap.xml" in fr_requests  # named by robots.txt's Sitemap: line
    assert "/sitemap-2025.xml.gz" in ar_requests  # a gzipped sitemap in the index
    assert "liqaat/outlets/bad_sitemap" not in s


def test_same_reports_and_meetings_as_seeds_over_the_same_pages(sites, first_run, tmp_path):
    crawled = {Path(r["url"]).name: r for r in first_run[2]}
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in crawled:
        source = next((OUTLETS).glob(f"site*/*/{name}"))
        (folder / name).write_bytes(source.read_bytes())
    out = tmp_path / "s.jsonl"
    crawl(tmp_path / "s", "-a", f"path={folder}", "-O", str(out))
    read = {Path(r["url"]).name: r for r in read_jsonl(out)}
    assert read.keys() == crawled.keys()
    for name, report in crawled.items():
        assert report["text"] and report["meetings"]
        # `outlet` falls back to the host name when a page names no site: a file has none;
        # a new meeting's id hashes its first report's URL
        for key in set(report) - {"url", "outlet", "meetings"}:
            assert report[key] == read[name][key], (name, key)
        assert without_ids(report["meetings"]) == without_ids(read[name]["meetings"]), name


def without_ids(meetings):
    return [{k: v for k, v in m.items() if k != "meeting_id"} for m in meetings]


def test_second_run_fetches_no_known_article(sites, first_run, tmp_path):
    ar, fr = sites
    shutil.copy(first_run[0] / "meetings.sqlite", tmp_path / "meetings.sqlite")
    ar.requests.clear()
    fr.requests.clear()
    # without lastmod, so that only the seen-URL table keeps known articles out
    proc = crawl(tmp_path, "-O", str(tmp_path / "2.jsonl"),
                 *outlet_args(ar, fr, "-s", "OUTLETS_LASTMOD=False"), spider="outlets")
    assert read_jsonl(tmp_path / "2.jsonl") == []
    fetched = [p for p in ar.requests + fr.requests if ARTICLE.match(p)]
    assert set(fetched) == {"/news/500.html"}  # a server error is tried again next run
    assert stats(proc)["liqaat/outlets/known_skipped"] >= len(EXPECTED) + 3


def test_lastmod_skips_unchanged_sitemaps_and_old_entries(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(OUTLETS / "site", site)
    with serve(site) as ar, serve(OUTLETS / "site-fr") as fr:
        crawl(tmp_path, "-O", str(tmp_path / "1.jsonl"), *outlet_args(ar, fr), spider="outlets")
        # the outlet publishes a new article: its news sitemap and the index change
        now = datetime.now(UTC).isoformat(timespec="seconds")
        shutil.copy(site / "news" / "104.html", site / "news" / "105.html")
        news = (site / "sitemap-news.xml").read_text(encoding="utf-8")
        (site / "sitemap-news.xml").write_text(news.replace(
            "</urlset>", f"<url><loc>/news/105.html</loc><lastmod>{now}</lastmod></url>\n"
                         "<url><loc>/news/106.html</loc><lastmod>2025-01-01</lastmod></url>\n</urlset>"),
            encoding="utf-8")
        index = (site / "sitemap_index.xml").read_text(encoding="utf-8")
        (site / "sitemap_index.xml").write_text(
            index.replace("2025-06-02T08:00:00+01:00", now), encoding="utf-8")
        ar.requests.clear()
        proc = crawl(tmp_path, "-O", str(tmp_path / "2.jsonl"), *outlet_args(ar, fr), spider="outlets")
    assert [r["url"] for r in read_jsonl(tmp_path / "2.jsonl")] == [f"{ar.url}/news/105.html"]
    assert "/sitemap-news.xml" in ar.requests
    assert "/sitemap-1.xml" not in ar.requests  # unchanged since the last run: not fetched
    assert [p for p in ar.requests if ARTICLE.match(p)] == ["/news/105.html"]
    # sitemap-1, sitemap-2025.xml.gz, 104, 106, and the French site's 401
    assert stats(proc)["liqaat/outlets/sitemap/not_modified"] == 5


def test_stopped_and_resumed_run_loses_and_duplicates_nothing(sites, tmp_path):
    ar, fr = sites
    job = ("-s", f"JOBDIR={tmp_path / 'job'}", "-s", "CONCURRENT_REQUESTS=1")
    first = crawl(tmp_path, "-o", str(tmp_path / "1.jsonl"),
                  *outlet_args(ar, fr, *job, "-s", "CLOSESPIDER_ITEMCOUNT=2"), spider="outlets", check=False)
    assert "'finish_reason': 'closespider_itemcount'" in first.stderr
    assert first.returncode == 1  # a stopped run is not a finished one, for cron and Scrapyd
    second = crawl(tmp_path, "-o", str(tmp_path / "2.jsonl"), *outlet_args(ar, fr, *job), spider="outlets")
    assert "Resuming crawl" in second.stderr
    one = [r["url"] for r in read_jsonl(tmp_path / "1.jsonl")]
    two = [r["url"] for r in read_jsonl(tmp_path / "2.jsonl")]
    assert one and two
    assert len(one + two) == len(set(one + two))
    assert paths(one + two, ar) | paths(one + two, fr) == EXPECTED


def test_warc_archive_read_back_gives_the_same_reports(first_run, tmp_path):
    tmp, proc, reports, ar_requests, fr_requests = first_run
    archive = tmp / "crawl.warc.gz"
    # every response is archived: every request but the two redirects, which were followed
    assert stats(proc)["liqaat/warc/records"] == len(ar_requests) + len(fr_requests) - 2
    with gzip.open(archive) as fh:
        assert b"WARC-Liqaat-Page: article" in fh.read()
    crawled = {r["url"]: r for r in reports}
    # no server needed: the archive alone gives the same reports (the file, or a folder holding it)
    folder = tmp_path / "archives"
    folder.mkdir()
    shutil.copy(archive, folder / archive.name)
    for path in (archive, folder):
        out = tmp_path / f"w-{path.name}.jsonl"
        crawl(tmp_path / f"w-{path.name}", "-a", f"path={path}", "-O", str(out))
        read = {r["url"]: r for r in read_jsonl(out)}
        assert {u for u, r in read.items() if r["is_meeting_report"]} == set(crawled)
        for url, report in crawled.items():
            assert read[url] == report, url
        # the pages the crawl's pre-filter dropped are archived articles too, not meeting reports
        assert {Path(u).name for u in set(read) - set(crawled)} == {
            "102.html", "301.html", "meteo-week-end-402.html"}


def test_dev_corpus_pages_crawled_give_the_seeds_reports(tmp_path):
    """The dev corpus pages served as an outlet: every meeting report is found, each equal to
    what `seeds` reads from the same files."""
    dev = shared_path("corpus", "dev")
    gold = {g["file"]: g for g in read_jsonl(dev / "gold.jsonl")}
    site, pages = tmp_path / "site", tmp_path / "pages"
    (site / "news").mkdir(parents=True)
    pages.mkdir()
    names = sorted(p.name for p in dev.glob("*.html"))
    for name in names:
        shutil.copy(dev / name, site / "news" / name)
        shutil.copy(dev / name, pages / name)
    (site / "sitemap.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>/news/{n}</loc></url>" for n in names) + "</urlset>", encoding="utf-8")
    registry = tmp_path / "registry"
    registry.mkdir()
    (registry / "dev.yaml").write_text("name: dev\ndomains: [dev.example]\nlanguages: [ar, fr, en]\n"
                                       "sitemaps: [http://dev.example/sitemap.xml]\n", encoding="utf-8")
    with serve(site) as server:
        crawl(tmp_path / "o", "-O", str(tmp_path / "o.jsonl"), "-s", f"OUTLETS_DIR={registry}",
              "-s", f"OUTLETS_BASE_URL={server.url}", "-s", "AUTOTHROTTLE_ENABLED=False", spider="outlets")
    crawled = {Path(r["url"]).name: r for r in read_jsonl(tmp_path / "o.jsonl")}
    crawl(tmp_path / "s", "-a", f"path={pages}", "-O", str(tmp_path / "s.jsonl"))
    read = {Path(r["url"]).name: r for r in read_jsonl(tmp_path / "s.jsonl")}
    assert {n for n in names if gold[n]["is_meeting_report"]} <= set(crawled)
    for name, report in crawled.items():
        for key in set(report) - {"url", "outlet", "meetings"}:
            assert report[key] == read[name][key], (name, key)
        assert without_ids(report["meetings"]) == without_ids(read[name]["meetings"]), name


def test_one_outlet_by_name(sites, tmp_path):
    ar, fr = sites
    ar.requests.clear()
    fr.requests.clear()
    crawl(tmp_path, "-O", str(tmp_path / "fr.jsonl"), "-a", "outlet=fixture_fr", *outlet_args(ar, fr),
          spider="outlets")
    assert ar.requests == []
    assert paths([r["url"] for r in read_jsonl(tmp_path / "fr.jsonl")], fr) == {
        p for p in EXPECTED if p.startswith("/articles/")}
    wrong = crawl(tmp_path / "x", "-a", "outlet=nope", *outlet_args(ar, fr), spider="outlets", check=False)
    assert wrong.returncode != 0 and "unknown outlet 'nope'" in wrong.stderr


def test_since_skips_older_sitemap_entries(sites, tmp_path):
    ar, fr = sites
    proc = crawl(tmp_path, "-O", str(tmp_path / "fr.jsonl"), "-a", "outlet=fixture_fr",
                 *outlet_args(ar, fr, "-s", "OUTLETS_SINCE=2025-03-01"), spider="outlets")
    assert stats(proc)["liqaat/outlets/sitemap/not_modified"] == 1  # 401, dated 2025-02-10
    # the feed and the listing still lead to it: OUTLETS_SINCE only reads sitemap dates
    assert len(read_jsonl(tmp_path / "fr.jsonl")) == 2
