"""Scrapy settings for liqaat. One file for every environment: override with `-s NAME=value`."""

from scrapy.settings import default_settings

from crawler.items import REPORT_EXPORT_FIELDS

BOT_NAME = "liqaat"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
# Our `crawl` command exits non-zero when a spider closes for any reason but "finished".
COMMANDS_MODULE = "crawler.commands"

# Politeness (see docs/outlets.md).
ROBOTSTXT_OBEY = True
LIQAAT_CONTACT_URL = "https://github.com/liqaat/liqaat"
USER_AGENT = f"liqaat/0.1 (+{LIQAAT_CONTACT_URL})"
CONCURRENT_REQUESTS_PER_DOMAIN = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
# robots.txt Crawl-delay, which Scrapy does not apply by itself (docs/outlets.md).
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.crawl_delay.CrawlDelayMiddleware": 150,
    # the same, telling the outlets spider about dropped off-site redirects
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.middlewares.offsite.OffsiteMiddleware": 50,
    # every fetched page into WARC_PATH when set (docs/outlets.md); after decompression
    "crawler.middlewares.warc.WarcArchiveMiddleware": 580,
}
# e.g. output/crawl.warc.gz; empty: no archive
WARC_PATH = ""
# Only http(s) for the web and our bounded reader for files (crawler/files/handler.py): no
# ftp:// (it ignores DOWNLOAD_TIMEOUT), s3:// or data: request is ever made.
DOWNLOAD_HANDLERS = {
    "file": "crawler.files.handler.FileDownloadHandler",
    "ftp": None,
    "s3": None,
    "data": None,
}

# Feeds to local files that a failed or killed run cannot empty or duplicate (crawler/feeds.py),
# and JOBDIR jobs that are resumed after a stop or a kill, and renewed once finished (crawler/jobs.py).
FEED_STORAGES = {"": "crawler.feeds.SafeFileFeedStorage", "file": "crawler.feeds.SafeFileFeedStorage"}
# seconds a run waits for another run on the same MEETINGS_DB to finish (crawler/store/lock.py)
LIQAAT_STORE_LOCK_WAIT = 3600

# Item pipelines, one concern each, ordered with gaps (docs/pipelines.md).
ITEM_PIPELINES = {
    "pipelines.known.KnownPipeline": 50,
    "pipelines.extract.ExtractPipeline": 100,
    "pipelines.published.PublishedPipeline": 200,
    "pipelines.meetings.MeetingsPipeline": 300,
    "pipelines.meeting_dates.MeetingDatesPipeline": 400,
    "pipelines.store.StorePipeline": 500,
}

# LIQAAT_WORKERS > 0: the pipelines before the store run in that many worker processes
# (crawler/parallel.py, docs/outlets.md); 0 runs everything in the crawl process.
LIQAAT_WORKERS = 0
ADDONS = {"crawler.parallel.ParallelAddon": 0}

# Feeds: UTF-8 so Arabic stays readable; the raw document is never exported.
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = REPORT_EXPORT_FIELDS
# CSV and XML feeds with readable nested meetings (JSON cells, XML elements), never Python reprs;
# `-O reports.csv:excel` is the CSV with a UTF-8 BOM for spreadsheet software (docs/dataset.md).
FEED_EXPORTERS = {
    "csv": "crawler.exporters.ReadableCsvItemExporter",
    "excel": "crawler.exporters.ExcelCsvItemExporter",
    "xml": "crawler.exporters.ReadableXmlItemExporter",
}

# Run feedback (crawler/feedback.py): a progress line every so many seconds (0: none) and a
# summary block at the end of the run, after Scrapy's stats.
EXTENSIONS = {"crawler.jobs.JobDirExtension": 100, "crawler.warm.WarmUp": 200,
              "crawler.feedback.RunFeedback": 900}
LIQAAT_PROGRESS_INTERVAL = 15.0

# Warm-up (crawler/warm.py, extension crawler.warm.WarmUp): True loads trafilatura, the language
# model and the vocabularies before the spider opens, not at the first page that needs them; the
# outlets spider sets it. False: a short run over a few files loads only what it reads.
LIQAAT_WARM_UP = False

# Scrapy's remote-control HTTP server (code execution, for its MCP server) is off and left out of
# the base extensions: nothing here uses it, and Scrapy imports every listed extension, even a
# disabled one; its aiohttp was a fifth of the start-up (docs/benchmarks.md).
REMOTE_CONTROL_ENABLED = False
EXTENSIONS_BASE = {k: v for k, v in default_settings.EXTENSIONS_BASE.items()
                   if not k.endswith(".RemoteControl")}

# The meetings store and its export at the end of the run: JSON Lines, or the meetings CSV
# when MEETINGS_OUTPUT ends in .csv (docs/store.md, docs/dataset.md).
MEETINGS_DB = "output/meetings.sqlite"
MEETINGS_OUTPUT = "output/meetings.jsonl"
# Reports between two syncs of MEETINGS_DB to disk: a power cut loses at most these, which the
# next run reads again; a killed crawl loses none (docs/store.md, "Durability").
MEETINGS_DB_SYNC_EVERY = 100
# Reports per transaction of the store, and the seconds a transaction stays open at most: a crawl
# killed hard loses at most the open batch, which its resumed run reads again (docs/store.md).
MEETINGS_DB_BATCH = 50
MEETINGS_DB_BATCH_SECONDS = 2.0
# A document the store holds unchanged (same URL, identity, content, and code) is dropped before
# extraction by pipeline 50: a second run over the same documents is nearly free. False: read
# every document again (docs/pipelines.md).
LIQAAT_SKIP_KNOWN = True

# A document larger than this is skipped (junk or a dump of many pages), counted in stats.
LIQAAT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
# A page with an element carrying more attributes than this is skipped before parsing (it makes
# the extractor quadratic); a parse longer than this many seconds is cut and skipped (0: no limit).
LIQAAT_MAX_ATTRIBUTES = 1000
LIQAAT_MAX_PARSE_SECONDS = 30

# INFO shows the progress lines and the run summary; WARNING keeps only the problems.
LOG_LEVEL = "INFO"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
