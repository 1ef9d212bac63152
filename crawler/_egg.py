"""Run from a zipped egg (a Scrapyd deployment): unpack it once, import from the copy.

The packages read their data files (YAML, TSV) by path, which a zip import cannot give, so when
`crawler` is imported from inside an egg the whole egg is extracted to a folder named by its
content hash under the temp dir, put first on sys.path, and `crawler.__path__` points there.
Outside an egg nothing happens.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import zipfile
from pathlib import Path


def _archive(file: str) -> Path | None:
    for parent in Path(file).parents:
        if parent.is_file() and zipfile.is_zipfile(parent):
            return parent
    return None


def unpacked_path(path: list[str], file: str) -> list[str]:
    """`crawler.__path__` to use: unchanged on disk, the unpacked copy's inside a zip."""
    if os.path.exists(file):
        return path
    archive = _archive(file)
    if archive is None:
        return path
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()[:16]
    target = Path(tempfile.gettempdir()) / f"liqaat-egg-{digest}"
    if not (target / "crawler").is_dir():
        partial = Path(tempfile.mkdtemp(prefix="liqaat-egg-", dir=tempfile.gettempdir()))
        with zipfile.ZipFile(archive) as egg:
            egg.extractall(partial)
        try:
            partial.rename(target)
        except OSError:  # another process unpacked the same egg first
            pass
    sys.path.insert(0, str(target))
    return [str(target / "crawler")]
