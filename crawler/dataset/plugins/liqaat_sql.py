"""Datasette plugin: the project's Arabic fold as SQL functions on every connection.

- `liqaat_query(q)`: the FTS5 MATCH expression for a user's words (`crawler.store.search`), so
  `WHERE reports_fts MATCH liqaat_query(:q)` finds "للشرطة" for "الشرطة";
- `liqaat_fold(text)`: the matching key of `crawler.textnorm.fold` (one alef, no tashkeel…), for
  comparing names: `WHERE liqaat_fold(counterpart_name) LIKE '%' || liqaat_fold(:name) || '%'`.
"""

import sys
from pathlib import Path

from datasette import hookimpl

ROOT = str(Path(__file__).resolve().parents[3])
if ROOT not in sys.path:  # Datasette loads this file by path; the project's code sits three levels up
    sys.path.insert(0, ROOT)

from crawler.store.search import fts_query  # noqa: E402
from crawler.textnorm import fold  # noqa: E402


@hookimpl
def prepare_connection(conn):
    conn.create_function("liqaat_query", 1, fts_query, deterministic=True)
    conn.create_function("liqaat_fold", 1, lambda t: fold(t) if t else t, deterministic=True)
