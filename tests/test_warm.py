"""The warm-up of a web crawl (crawler/warm.py): asked for by the outlets spider, done in the crawl
process only when the chain runs there, and loading what the first pages would load."""

from __future__ import annotations

import subprocess
import sys

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawler.spiders.outlets import OutletsSpider
from crawler.spiders.seeds import SeedsSpider
from crawler.warm import WarmUp
from tests.conftest import ROOT


def test_the_outlets_spider_asks_for_it_and_a_crawl_of_files_does_not():
    assert OutletsSpider.custom_settings["LIQAAT_WARM_UP"] is True
    assert not (SeedsSpider.custom_settings or {}).get("LIQAAT_WARM_UP")


@pytest.mark.parametrize("settings", [{"LIQAAT_WARM_UP": False},
                                      {"LIQAAT_WARM_UP": True, "LIQAAT_WORKERS": 2}])
def test_not_in_the_crawl_process_when_off_or_with_workers(settings):
    with pytest.raises(NotConfigured):
        WarmUp.from_crawler(get_crawler(settings_dict=settings))


def test_it_loads_what_the_first_pages_would_load():
    """In a fresh process: trafilatura imported, the language model and the lexicon loaded."""
    code = ("import sys, py3langid.langid as L; from crawler.warm import WarmUp;"
            "from crawler.meetings.lexicon import lexicon;"
            "from scrapy.utils.test import get_crawler;"
            "assert 'trafilatura' not in sys.modules and L.IDENTIFIER is None;"
            "c = get_crawler(settings_dict={'LIQAAT_WARM_UP': True}); WarmUp.from_crawler(c);"
            "assert 'trafilatura' in sys.modules and L.IDENTIFIER is not None;"
            "assert lexicon.cache_info().currsize == 1;"
            "print(c.stats.get_value('liqaat/warm_up/seconds') > 0)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "True"
