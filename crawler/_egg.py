"""Run from a zipped egg (a Scrapyd deployment): unpack it into a private folder, import from it.

The packages read their data files (YAML, TSV) by path, which a zip import cannot give, so when
`crawler` is imported from inside an egg the egg is extracted into a new folder that this process
creates itself (`tempfile.mkdtemp`: mode 0700, a fresh name, owned by us), put first on sys.path,
and removed when the process exits. No folder that already exists is ever used: a folder planted
in a shared temp dir under a predictable name cannot run code in a job. Outside an egg nothing
happens.
"""

from __future__ import annotations

import atexit
import os
import shutil
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
    """`crawler.__path__` to use: unchanged on disk, the private unpacked copy's inside a zip."""
    if os.path.exists(file):
        return path
    archive = _archive(file)
    if archive is None:
        return path
    target = Path(tempfile.mkdtemp(prefix="liqaat-egg-"))
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    with zipfile.ZipFile(archive) as egg:
        for member in egg.namelist():  # the egg's own files only: no absolute or `..` names
            if member.startswith("/") or ".." in Path(member).parts:
                raise ImportError(f"liqaat: {archive} holds an unsafe file name {member!r}")
        egg.extractall(target)
    sys.path.insert(0, str(target))
    return [str(target / "crawler")]
