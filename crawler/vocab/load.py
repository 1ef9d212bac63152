"""Reading vocabulary data files: one loader for every YAML file of the project."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's loader is several times faster on the large gazetteer files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    from yaml import SafeLoader as _Loader


class VocabError(ValueError):
    """A data file is missing or malformed; the message names the file."""


def load(path: str | Path) -> Any:
    """The parsed content of a YAML data file."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_Loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise VocabError(f"{path}: {exc}") from exc


def flat(entry) -> list[str]:
    """The phrases of an entry given as a list or as {ar: [...], fr: [...], en: [...]} (a `not` key
    holds look-alikes and is left out)."""
    if entry is None:
        return []
    if isinstance(entry, dict):
        return [str(p) for k, v in entry.items() if k != "not" for p in (v or [])]
    return [str(p) for p in entry]
