"""Reading vocabulary data files: one loader for every YAML file of the project.

Parsing YAML is most of the project's start-up (0.7 s for the gazetteer, lexicons and tables even
with libyaml), so each file's parsed content is kept in a compiled cache beside it, as Python
keeps bytecode: `__pycache__/<file name>.pickle` holds the BLAKE2b digest of the file's bytes and
the data, and is used only while the digest matches (an edited file is parsed again and its cache
rewritten). Where that folder cannot be written, the file is parsed each time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

#: Bump when the cache's layout or the loader's result changes.
CACHE_VERSION = 1


class VocabError(ValueError):
    """A data file is missing or malformed; the message names the file."""


def cache_path(path: Path) -> Path:
    return path.parent / "__pycache__" / f"{path.name}.pickle"


def load(path: str | Path) -> Any:
    """The parsed content of a YAML data file (from its compiled cache while the file is unchanged)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise VocabError(f"{path}: {exc}") from exc
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    cache = cache_path(path)
    try:
        with open(cache, "rb") as fh:
            version, stored, data = pickle.load(fh)
        if (version, stored) == (CACHE_VERSION, digest):
            return data
    except Exception:  # noqa: BLE001 - no cache, or an unreadable one: parse the file
        pass
    import yaml  # here: with every cache fresh, a run never parses YAML (the import is 0.015 s)

    try:  # libyaml's loader is several times faster on the large gazetteer files
        from yaml import CSafeLoader as loader
    except ImportError:  # pragma: no cover - a PyYAML built without libyaml
        from yaml import SafeLoader as loader
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise VocabError(f"{path}: {exc}") from exc
    _write_cache(cache, (CACHE_VERSION, digest, data))
    return data


def _write_cache(cache: Path, entry, dump=None) -> None:
    """Write the cache atomically (a temporary file renamed over it), with `dump` (pickle's by
    default); a folder that cannot be written (a read-only install) leaves the file parsed each time."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=f".{cache.name}.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            if dump is None:
                pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
            else:
                dump(entry, fh)
        os.replace(tmp, cache)
    except (OSError, ValueError, TypeError, AttributeError, pickle.PicklingError):  # a full disk, no pickle
        if os.path.exists(tmp):
            os.unlink(tmp)


def flat(entry) -> list[str]:
    """The phrases of an entry given as a list or as {ar: [...], fr: [...], en: [...]} (a `not` key
    holds look-alikes and is left out)."""
    if entry is None:
        return []
    if isinstance(entry, dict):
        return [str(p) for k, v in entry.items() if k != "not" for p in (v or [])]
    return [str(p) for p in entry]
