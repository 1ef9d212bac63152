"""The researcher's commands: `scrapy checkoutlet` (how URLs are classified and why, start points
reachable from a saved copy, samples) and `scrapy genoutlet` (a new entry, fixture folder and
test); and docs/outlets.md's "Adding an outlet" walk-through, run as written on a copy of the
project (tracked and new files, no output/; the shared .venv linked), with the saved copies of
tests/fixtures/outlets/walkthrough/ put in place of its `wget` line (no network)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess

import pytest

from tests.conftest import FIXTURES, ROOT, SCRAPY

DOC = ROOT / "docs" / "outlets.md"


def scrapy(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRAPY), *args], cwd=cwd, capture_output=True, text=True, timeout=120)


VERDICT = re.compile(r"^(article|not article|copy|other outlet|off-site) +(\S+)$", re.M)
REGISTRY_HOSTS = f"OUTLETS_DIR={FIXTURES / 'outlets' / 'registry-hosts'}"


def test_checkoutlet_says_what_each_url_is_and_why():
    expected = {
        "https://www.hespress.com/politique": "not article",
        "https://www.hespress.com/%d8%a3%d9%85%d9%86-12.html": "article",
        "https://fr.hespress.com/12-hammouchi.html": "article",
        "https://www.maghress.com/hespress/99": "copy",
        "https://fr.le360.ma/politique/": "other outlet",
        "https://covid.hespress.com/fr": "off-site",
        "https://example.org/x-1.html": "off-site",
    }
    proc = scrapy("checkoutlet", "hespress", *expected)
    assert proc.returncode == 0, proc.stderr
    assert {url: label for label, url in VERDICT.findall(proc.stdout)} == expected
    assert "'/أمن-12.html'" in proc.stdout  # the pattern saw the decoded path
    assert "in hespress's exclude_hosts" in proc.stdout
    unknown = scrapy("checkoutlet", "nope")
    assert unknown.returncode != 0 and "unknown outlet 'nope'" in unknown.stderr + unknown.stdout


def test_checkoutlet_samples_exit_status(tmp_path):
    own = FIXTURES / "outlets" / "samples" / "le360" / "url_samples.tsv"
    good = scrapy("checkoutlet", "le360", "--samples", str(own))
    assert good.returncode == 0 and "classified right" in good.stdout and "verified: {date:" in good.stdout
    bad = tmp_path / "bad.tsv"
    bad.write_text("outlet\tkind\turl\nle360\tarticle\thttps://fr.le360.ma/politique/\n", encoding="utf-8")
    proc = scrapy("checkoutlet", "le360", "--samples", str(bad))
    assert proc.returncode == 1 and "0 of 1 classified right" in proc.stdout
    assert "wrong: article https://fr.le360.ma/politique/: expected an article of le360" in proc.stdout


def test_checkoutlet_start_points_reachable_from_a_saved_copy():
    site = FIXTURES / "outlets" / "site-hosts"
    proc = scrapy("checkoutlet", "wadi", "--saved", str(site), "-s", REGISTRY_HOSTS)
    assert proc.returncode == 0, proc.stderr
    found = re.findall(r"^  (saved|linked|unreachable) +\w+ +(\S+)$", proc.stdout, re.M)
    points = {url: status for status, url in found}
    assert points == {"http://fr.wadi.test/robots.txt": "saved", "http://ar.wadi.test/feed.xml": "saved",
                      "http://ar.wadi.test/sections/politique.html": "saved"}
    assert "feed, 3 distinct URLs, 2 of them articles" in proc.stdout  # one article twice, a tag
    # robots.txt leads to its saved sitemap: two articles and a section page
    assert "robots.txt naming 1 sitemaps (1 saved), 3 distinct URLs, 2 of them articles" in proc.stdout
    proc = scrapy("checkoutlet", "wadi", "-f", str(site / "ar.wadi.test" / "feed.xml"), "-s", REGISTRY_HOSTS)
    assert "feed.xml: feed, 4 URLs" in proc.stdout and "exclude_patterns[0]" in proc.stdout


def walkthrough() -> list[str]:
    """The command lines of the doc's walk-through block (continuations joined, comments out)."""
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- walkthrough -->\n```sh\n(.*?)```", text, re.S)
    assert block, "docs/outlets.md has no walk-through block"
    joined = block.group(1).replace("\\\n", " ")
    lines = [line.strip() for line in joined.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


@pytest.fixture
def clone(tmp_path):
    """A copy of the project as a fresh clone has it (plus files not yet committed)."""
    listed = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: no file list to copy")
    copy = tmp_path / "liqaat"
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if name == ".venv" or not source.is_file():
            continue
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, copy / name)
    (copy / ".venv").symlink_to((ROOT / ".venv").resolve())
    return copy


def test_adding_an_outlet_walkthrough_works_as_written(clone):
    lines = walkthrough()
    programs = [line.split()[0] for line in lines]
    assert programs == [".venv/bin/scrapy"] * 2 + ["wget"] + [".venv/bin/scrapy"] * 3 + [".venv/bin/python"]
    outputs = []
    for line in lines:
        if line.startswith("wget "):  # no network: the saved copies the test ships
            folder = clone / shlex.split(line)[shlex.split(line).index("-P") + 1]
            shutil.copytree(FIXTURES / "outlets" / "walkthrough", folder, dirs_exist_ok=True)
            continue
        proc = subprocess.run(line, shell=True, cwd=clone, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, f"{line}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
        outputs.append(proc.stdout)
    generated, check, feed, saved, samples, tests = outputs
    assert "wrote crawler/outlets/registry/mada.yaml" in generated
    assert "wrote tests/test_outlet_mada.py" in generated
    assert (clone / "tests" / "fixtures" / "outlets" / "samples" / "mada" / "url_samples.tsv").is_file()
    assert re.search(r"^not article +https://www.mada.example/politique/page/2/$", check, re.M)
    assert re.search(r"^article +https://m.mada.example/sport/5521.html$", check, re.M)
    assert "feed: feed, 3 URLs" in feed and "3 article" in feed
    assert re.search(r"^  saved +feed +https://www.mada.example/feed$", saved, re.M)
    assert "samples: 4 of 4 classified right" in samples
    assert " passed" in tests and "failed" not in tests
    # the template refuses to overwrite what it wrote
    again = scrapy("genoutlet", "mada", "--domain", "mada.example", cwd=clone)
    assert again.returncode == 1 and "not overwritten" in again.stdout


def test_checkoutlet_start_points_linked_from_a_saved_home_page(tmp_path):
    home = tmp_path / "home.html"
    home.write_text('<html><head><link rel="alternate" type="application/rss+xml" href="/feed">'
                    '</head><body><a href="/politique">سياسة</a></body></html>', encoding="utf-8")
    proc = scrapy("checkoutlet", "hespress", "--saved", str(home))
    lines = re.findall(r"^  (saved|linked|unreachable) +\w+ +(\S+)$", proc.stdout, re.M)
    found = {url: status for status, url in lines}
    assert found["https://www.hespress.com/feed"] == "linked"  # relative links: against the edition's host
    assert found["https://www.hespress.com/politique"] == "linked"
    assert found["https://fr.hespress.com/feed"] == "unreachable"


def test_checkoutlet_says_when_a_start_point_lists_no_url_of_the_shape_it_should(tmp_path):
    # le360's first pattern (Arc URLs) says fr.le360.ma/rss lists its shape; a saved feed holding
    # only an older-shape article and a section does not
    feed = tmp_path / "fr.le360.ma" / "rss"
    feed.parent.mkdir()
    items = ["https://fr.le360.ma/politique/un-titre-de-depeche-245841/", "https://fr.le360.ma/politique/"]
    feed.write_text('<rss version="2.0"><channel>' + "".join(f"<item><link>{u}</link></item>" for u in items)
                    + "</channel></rss>", encoding="utf-8")
    proc = scrapy("checkoutlet", "le360", "--saved", str(tmp_path))
    assert "feed, 2 distinct URLs, 1 of them articles (by pattern: [0] 0, [1] 1)" in proc.stdout
    assert "article_patterns[0] says it lists its shape: none here" in proc.stdout
