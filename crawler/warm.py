"""Load before a crawl opens what its first pages would load: the warm-up of a web crawl.

The chain loads its heavy parts at first use, so that a short run over a few files pays only for
what it reads: trafilatura (imported at the first HTML page, 0.4 s), py3langid's model (at the
first page not in Arabic, 0.5-1 s), htmldate's vocabularies, the meetings lexicon, the topic table
and the gazetteer's tries (from their caches, crawler/vocab/compiled.py). A crawl of hundreds of
pages needs them all within its first seconds; loaded while its pages are being fetched they
hold back the first items, and with `LIQAAT_WORKERS` each worker process loaded them again.

- `WarmUp` (an extension, EXTENSIONS): with `LIQAAT_WARM_UP = True` (the outlets spider sets it)
  and the chain in the crawl process, `warm_up()` runs while the crawler is built, before the
  spider opens. Stats: `liqaat/warm_up/seconds`.
- With `LIQAAT_WORKERS` the fork server of crawler/parallel.py warms up once (its preload module
  `crawler.forkserver_preload`) and every worker is forked from it, warm.
"""

from __future__ import annotations

import time

from scrapy.exceptions import NotConfigured

# Enough Latin letters for the language model to be asked (crawler.extract.lang.MIN_LETTERS).
_LATIN_SAMPLE = "warm up " * 12


def warm_up() -> None:
    """Import and build what the extraction, dates and meetings steps load at their first page."""
    from crawler.dates.published import _htmldate
    from crawler.extract.html import extract_html  # noqa: F401 (trafilatura)
    from crawler.extract.lang import detect_lang
    from crawler.gazetteer import loader
    from crawler.meetings import topics
    from crawler.meetings.lexicon import lexicon

    detect_lang(_LATIN_SAMPLE)  # py3langid's model
    _htmldate()
    lexicon()
    topics.topic_codes()
    loader._country_trie(), loader._agency_trie(), loader._city_trie()  # noqa: SLF001


class WarmUp:
    """Runs `warm_up()` when the crawler is built (before the spider opens), with
    `LIQAAT_WARM_UP` on and no worker processes (they are forked warm)."""

    def __init__(self, stats):
        start = time.perf_counter()
        warm_up()
        stats.set_value("liqaat/warm_up/seconds", round(time.perf_counter() - start, 3))

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("LIQAAT_WARM_UP") or crawler.settings.getint("LIQAAT_WORKERS") > 0:
            raise NotConfigured
        return cls(crawler.stats)
