"""Reading a corpus folder safely: the listing (`walk`) and the bounded `file://` download
handler (`handler.FileDownloadHandler`). Nothing outside the folder is read, a folder that
cannot be listed is logged and counted, and no file is read past the size limit."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path


def inside(root: str, path: str) -> bool:
    """`path` (already resolved) is `root` or under it."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def walk(root: Path, stats, logger) -> Iterator[Path]:
    """Every entry under `root` that is not a folder, in sorted order (as `sorted(rglob('*'))`),
    without following links to folders. Entries that cannot be read as files inside `root` are
    counted as seen and skipped here, each with one log line:

    - `liqaat/files/skipped/outside_folder`: a link to a file outside the folder (never opened);
    - `liqaat/files/skipped/link_to_folder`: a link to a folder (its files are read where they are,
      or not at all when it leads outside; loops cannot happen);
    - `liqaat/files/skipped/broken_link`: a link to nothing, or a loop of links;
    - `liqaat/files/skipped/vanished`: removed while the folder was read;
    - `liqaat/folders/unreadable`: a folder that cannot be listed (permission denied): a warning
      line names it, its files cannot be counted.
    """
    real_root = os.path.realpath(root)
    stack = [iter(_listing(root, stats, logger))]  # one iterator per open folder: no recursion
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                target = os.path.realpath(path)
                if not os.path.exists(target):
                    _skip(stats, logger, path, "broken_link", "broken link or a loop of links")
                elif not inside(real_root, target):
                    _skip(stats, logger, path, "outside_folder",
                          f"a link to {target}, outside {real_root}: not read")
                elif os.path.isdir(target):
                    _skip(stats, logger, path, "link_to_folder", "a link to a folder: not followed",
                          level="info")
                else:
                    yield path
                continue
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:  # changed while we looked: the reader decides
            is_dir = False
        if not is_dir:
            yield path
            continue
        listed = _listing(path, stats, logger)
        if listed is None:  # a folder replaced by a file while its parent was listed
            yield path
        else:
            stack.append(iter(listed))


def _listing(folder: Path, stats, logger) -> list | None:
    """The folder's entries sorted by name; [] (logged, counted) when it cannot be listed."""
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except PermissionError as error:
        stats.inc_value("liqaat/folders/unreadable")
        logger.warning("liqaat: skipped folder %s: cannot list it (%s); its files are not read",
                       folder, error.strerror)
    except NotADirectoryError:
        return None
    except FileNotFoundError:
        _skip(stats, logger, folder, "vanished", "removed while the folder was read")
    except OSError as error:
        stats.inc_value("liqaat/folders/unreadable")
        logger.warning("liqaat: skipped folder %s: cannot list it (%s)", folder, error)
    return []


def _skip(stats, logger, path, reason: str, why: str, level: str = "warning") -> None:
    stats.inc_value("liqaat/files/seen")
    stats.inc_value(f"liqaat/files/skipped/{reason}")
    getattr(logger, level)("liqaat: skipped %s: %s", path, why)
