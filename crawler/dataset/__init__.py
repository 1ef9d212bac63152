"""The dataset for researchers: Datasette metadata and serving, and the static report.

`metadata(db_name)` is crawler/dataset/datasette.yaml with the database name filled in and a
description for every column: an item field's docstring (crawler/items.py; `counterpart_name` is
`Counterpart.name`), else the yaml's `columns`. `datasette_command(db, …)` is the one command that
serves a store on 127.0.0.1 (`scrapy datasette`, docs/dataset.md).
"""

from __future__ import annotations

import ast
import inspect
import sqlite3
import sys
from functools import cache
from pathlib import Path

import yaml

from crawler import items

HERE = Path(__file__).resolve().parent
METADATA = HERE / "datasette.yaml"
PLUGINS = HERE / "plugins"


@cache
def field_docs() -> dict[str, dict[str, str]]:
    """class name -> field name -> the docstring under the field in crawler/items.py."""
    tree = ast.parse(inspect.getsource(items))
    out: dict[str, dict[str, str]] = {}
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        docs = out.setdefault(cls.name, {})
        body = cls.body
        for a, b in zip(body, body[1:], strict=False):
            if (isinstance(a, ast.AnnAssign) and isinstance(a.target, ast.Name) and isinstance(b, ast.Expr)
                    and isinstance(b.value, ast.Constant) and isinstance(b.value.value, str)):
                docs[a.target.id] = " ".join(b.value.value.split())
    return out


@cache
def column_docs() -> dict[str, str]:
    """Column name -> description, for the columns that hold item fields."""
    docs = field_docs()
    out = {}
    for cls, prefix in (("Report", ""), ("Meeting", ""), ("Counterpart", "counterpart_"),
                        ("Location", "location_"), ("Source", "")):
        for name, doc in docs.get(cls, {}).items():
            out.setdefault(prefix + name, doc)
    out["meeting_id"] = docs["Meeting"]["meeting_id"]
    return out


def metadata(db_name: str, db_path: str | Path | None = None) -> dict:
    """The Datasette metadata for a store served under `db_name`; with `db_path`, a description
    for every column of every table and view it has (item docstrings, then the yaml's)."""
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    extra = meta.pop("columns")
    db = meta["databases"].pop("DB")
    meta["databases"][db_name] = db
    docs = {**column_docs(), **extra}
    tables = db["tables"]
    if db_path:
        with sqlite3.connect(db_path) as c:
            names = [n for (n,) in c.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
            for name in names:
                t = tables.setdefault(name, {})
                if "_fts" in name:  # the full-text indexes and their shadow tables
                    t["hidden"] = True
                if t.get("hidden"):
                    continue
                cols = [r[1] for r in c.execute(f"PRAGMA table_info({name})")]
                t["columns"] = {col: docs[col] for col in cols if col in docs}
    return meta


def undocumented(db_path: str | Path) -> dict[str, list[str]]:
    """Columns of visible tables and views without a description (a test keeps this empty)."""
    meta = metadata("x", db_path)
    out = {}
    with sqlite3.connect(db_path) as c:
        for name, t in meta["databases"]["x"]["tables"].items():
            if t.get("hidden"):
                continue
            cols = [r[1] for r in c.execute(f"PRAGMA table_info({name})")]
            missing = [col for col in cols if col not in t.get("columns", {})]
            missing += [f"({key} of the table)" for key in ("title", "description") if not t.get(key)]
            if missing:
                out[name] = missing
    return out


def datasette_command(db: str | Path, metadata_path: str | Path, host: str = "127.0.0.1",
                      port: int = 8001) -> list[str]:
    """The `datasette serve` command line for a store, with our metadata and SQL functions."""
    exe = Path(sys.executable).with_name("datasette")
    return [str(exe), "serve", str(db), "--metadata", str(metadata_path), "--plugins-dir", str(PLUGINS),
            "--host", host, "--port", str(port), "--setting", "sql_time_limit_ms", "5000",
            "--setting", "default_page_size", "50"]
