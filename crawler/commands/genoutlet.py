"""`scrapy genoutlet NAME --domain DOMAIN [...]`: a new registry entry, its fixture folder and its
test, the way `scrapy genspider` starts a spider.

Writes `crawler/outlets/registry/NAME.yaml` (start points given, or the host's robots.txt;
`article_patterns` drafted from the shape of the `--article` URLs), the fixture folder
`tests/fixtures/outlets/samples/NAME/` with `url_samples.tsv` (the `--article` and `--not-article` URLs),
and `tests/test_outlet_NAME.py`, which checks the entry on those samples. Refuses to overwrite
unless `--force`. See docs/outlets.md, "Adding an outlet".
"""

from __future__ import annotations

import re
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.utils.conf import closest_scrapy_cfg

from crawler.outlets import LANGUAGES, REGISTRY_DIR, OutletError, load_outlet
from crawler.outlets.urls import hostname

TEST = '''"""{name}: the registry entry classifies the outlet's URL samples right (written by
`scrapy genoutlet`; add samples to tests/fixtures/outlets/samples/{name}/url_samples.tsv)."""

from crawler.outlets import load_registry
from crawler.outlets.samples import misclassified, read_samples
from tests.conftest import FIXTURES

SAMPLES = read_samples(FIXTURES / "outlets" / "samples" / "{name}" / "url_samples.tsv")


def test_{name}_url_samples():
    registry = load_registry()
    assert "{name}" in registry
    kinds = {{s["kind"] for s in SAMPLES if s["outlet"] == "{name}"}}
    assert "article" in kinds and kinds - {{"article", "aggregator"}}, "samples of articles and of others"
    assert misclassified(registry, "{name}", SAMPLES) == []
'''

SAMPLES_HEAD = """# URL samples of {name}, one a line: outlet, kind (article, aggregator, listing, home, feed,
# sitemap, other), url, and where it was seen. Add real URLs of every shape the site has.
outlet\tkind\turl\tseen_in
"""


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "NAME --domain DOMAIN [--language ar] [--sitemap URL] [--feed URL] [--listing URL] " \
               "[--article URL ...] [--not-article URL ...]"

    def short_desc(self) -> str:
        return "Write a new outlet entry, its fixture folder and its test"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--domain", help="the outlet's domain, e.g. mada.example (covers its subdomains)")
        parser.add_argument("--language", default="ar", help=f"the edition's language: {sorted(LANGUAGES)}")
        helps = {"article": "an article URL (a sample; the patterns are drafted from these)",
                 "not-article": "a URL that is not an article (a sample)"}
        for key in ("sitemap", "feed", "listing", "article", "not-article"):
            parser.add_argument(f"--{key}", action="append", default=[], metavar="URL",
                                help=helps.get(key, f"a {key} URL"))
        parser.add_argument("--force", action="store_true", help="overwrite existing files")

    def run(self, args, opts) -> None:
        # imported here, not at start-up: Scrapy imports every command's module on every run
        from crawler.outlets.check import draft_pattern

        if len(args) != 1 or not re.fullmatch(r"[a-z0-9_]+", args[0]):
            raise UsageError("give one NAME: lowercase letters, digits and _")
        if not opts.domain or "/" in opts.domain:
            raise UsageError("--domain: the outlet's host name, e.g. mada.example")
        name, domain = args[0], opts.domain.lower()
        root = Path(closest_scrapy_cfg()).parent
        registry = Path(self.settings.get("OUTLETS_DIR") or REGISTRY_DIR)
        entry = registry / f"{name}.yaml"
        folder = root / "tests" / "fixtures" / "outlets" / "samples" / name
        test = root / "tests" / f"test_outlet_{name}.py"
        existing = [p for p in (entry, folder / "url_samples.tsv", test) if p.exists()]
        if existing and not opts.force:
            print(f"not overwritten (use --force): {', '.join(map(str, existing))}")
            self.exitcode = 1
            return
        given = [*opts.sitemap, *opts.feed, *opts.listing, *opts.article]
        host = next((hostname(u) for u in given if hostname(u)), domain)
        data = {
            "name": name,
            "domains": [domain],
            "editions": [{"language": opts.language, "host": host,
                          **({"sitemaps": opts.sitemap} if opts.sitemap else {}),
                          **({"feeds": opts.feed} if opts.feed else {}),
                          **({"listings": opts.listing} if opts.listing else {})}],
            "article_patterns": [{"pattern": p, "shape": shape}
                                 for p, shape in dict.fromkeys(draft_pattern(u) for u in opts.article)],
            "verified": False,
            "notes": f"Written by scrapy genoutlet; check with: scrapy checkoutlet {name} URL ...",
        }
        if not (opts.sitemap or opts.feed or opts.listing):
            data["editions"][0]["sitemaps"] = [f"https://{host}/robots.txt"]  # its Sitemap: lines
        if not data["article_patterns"]:
            del data["article_patterns"]
        import yaml  # here: Scrapy imports every command's module at each run

        entry.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        entry.write_text(text, encoding="utf-8")
        try:
            load_outlet(entry)
        except OutletError as error:
            entry.unlink()
            raise UsageError(str(error)) from error
        folder.mkdir(parents=True, exist_ok=True)
        rows = [(name, "article", u) for u in opts.article] + [(name, "other", u) for u in opts.not_article]
        (folder / "url_samples.tsv").write_text(
            SAMPLES_HEAD.format(name=name) + "".join(f"{o}\t{k}\t{u}\tgenoutlet\n" for o, k, u in rows),
            encoding="utf-8")
        test.write_text(TEST.format(name=name), encoding="utf-8")
        for path in (entry, folder / "url_samples.tsv", test):
            print(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
        print(f"next: scrapy checkoutlet {name} URL ... ; save pages in {folder.relative_to(root)}/ and "
              f"scrapy checkoutlet {name} --saved {folder.relative_to(root)}/")
