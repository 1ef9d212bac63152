"""`scrapy crawl SPIDER -a help=1` (and `./run --help`): what a spider takes and the project's
settings with their defaults, read from the code itself so it never drifts: each spider's
`arguments` and `setting_docs` (name -> description), and every setting of crawler/settings.py
with the comment above it and its value."""

from __future__ import annotations

import ast
import inspect
import textwrap

from crawler import settings as project_settings

#: Plumbing settings a user has no reason to change; left out of the listing.
INTERNAL = {"BOT_NAME", "SPIDER_MODULES", "NEWSPIDER_MODULE", "COMMANDS_MODULE", "ADDONS",
            "REQUEST_FINGERPRINTER_IMPLEMENTATION", "TWISTED_REACTOR", "FEED_EXPORT_FIELDS",
            "DOWNLOAD_HANDLERS", "DOWNLOADER_MIDDLEWARES", "EXTENSIONS", "FEED_EXPORTERS"}


def settings_docs() -> list[tuple[str, str, str]]:
    """(name, default as Python, comment) for each setting of crawler/settings.py; a comment
    describes the settings below it up to the next blank line."""
    source = inspect.getsource(project_settings)
    lines = source.splitlines()
    starts = {node.lineno: node.targets[0].id for node in ast.parse(source).body
              if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)}
    out, comment, fresh = [], [], False
    for no, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            comment, fresh = [], False
        elif text.startswith("#") and not line.startswith((" ", "\t")):
            if not fresh:
                comment, fresh = [], True
            comment.append(text.lstrip("# "))
        elif no in starts:
            fresh = False
            name = starts[no]
            if name.isupper() and name not in INTERNAL:
                out.append((name, repr(getattr(project_settings, name)), " ".join(comment)))
    return out


def _wrap(text: str, indent: int) -> str:
    return textwrap.fill(text, width=100, initial_indent=" " * indent, subsequent_indent=" " * indent)


def describe(spidercls) -> str:
    """The help text of a spider: its use, arguments, its own settings, the project's settings."""
    doc = inspect.cleandoc(spidercls.__dict__.get("__doc__") or "")
    module_doc = inspect.getdoc(inspect.getmodule(spidercls)) or ""
    out = [f"scrapy crawl {spidercls.name} [-a NAME=VALUE ...] [-s SETTING=VALUE ...] [-O FILE[:FORMAT]]", ""]
    first = (doc or module_doc).split("\n\n")[0]
    out += [_wrap(" ".join(first.split()), 0), ""]
    out.append("Arguments (-a NAME=VALUE):")
    args = {**getattr(spidercls, "arguments", {}), "help": "print this and exit"}
    width = max(len(k) for k in args)
    for name, text in args.items():
        out.append(f"  {name:<{width}}  " + _wrap(text, width + 4).lstrip())
    own = getattr(spidercls, "setting_docs", {})
    if own:
        out += ["", f"Settings of the {spidercls.name} spider (-s NAME=VALUE):"]
        for name, text in own.items():
            out += [f"  {name}", _wrap(text, 6)]
    out += ["", "Project settings (-s NAME=VALUE), with their defaults (crawler/settings.py):"]
    last = None
    for name, default, comment in settings_docs():
        if comment != last:
            out.append("")
            if comment:
                out.append(textwrap.fill(comment, width=100, initial_indent="  # ", subsequent_indent="  # "))
            last = comment
        out.append(textwrap.fill(f"{name} = {default}", width=100, initial_indent="  ",
                                 subsequent_indent="      "))
    out += ["", "Feeds: -O FILE.jsonl|.json|.csv|.xml, or FILE.csv:excel (CSV with a BOM); docs/dataset.md.",
            "Other commands: scrapy datasette [DB] (browse the store), scrapy report [DB] (HTML report),",
            "  python -m crawler.store export-csv|export-jsonl|search DB ... (docs/store.md)."]
    return "\n".join(out)
