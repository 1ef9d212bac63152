"""Compiled vocabularies kept across processes, as Python keeps bytecode.

Every process used to build the vocabularies again at its first document: about 300 regular
expressions made from the data files (re parses and compiles them in Python: 0.15-0.2 s) and the
gazetteer's tries (0.1 s of folding surfaces). Two caches keep that work:

- `regex(pattern, flags)`: `re.compile`, but the compiled program of a pattern compiled before
  (re's parse and code generation, the slow part) is read from a cache file and handed to the
  regex engine directly. The program depends only on the pattern, the flags and the Python that
  made it, so the file is keyed by the pattern's text and holds the exact `sys.version` it was
  written by: another Python ignores it. New patterns are added to the file when the process
  exits (`MAX_PATTERNS` at most: past that, only the patterns this process used are kept).
  A new pattern is compiled in an equivalent faster form (`fast_form`): a look-ahead for the
  characters a match can start with before it, so that the engine rejects most positions of a
  text with one character-class test instead of trying every alternative (or a look-behind)
  there; `.pattern` stays the pattern as written.
- `built(name, build)`: the object `build()` returns (the gazetteer's tries), pickled, used while
  the project's code and data files are unchanged (`code_digest`: a digest of every file under
  crawler/ and pipelines/, so an edited vocabulary, fold rule or builder rebuilds it).

The files live in `LIQAAT_CACHE_DIR` when that environment variable is set, else in
`crawler/vocab/__pycache__/`. A cache that cannot be read or written is ignored: the work is
then done as before (a read-only install builds everything at each start).
"""

from __future__ import annotations

import _sre
import atexit
import gc
import hashlib
import marshal
import os
import pickle
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from re import _compiler, _constants, _parser
from typing import TypeVar

from crawler.vocab.load import _write_cache

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]
CODE_FOLDERS = ("crawler", "pipelines")
CODE_SUFFIXES = {".py", ".yaml", ".yml", ".tsv", ".json", ".txt"}
#: Bump when the layout of a cache file, or what its programs are compiled from, changes.
CACHE_VERSION = 2
#: Patterns kept in the regex cache file at most.
MAX_PATTERNS = 1000
# What the compiled programs depend on besides the pattern: the Python that made them.
_ENGINE = (CACHE_VERSION, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)


def cache_dir() -> Path:
    return Path(os.environ.get("LIQAAT_CACHE_DIR") or Path(__file__).resolve().parent / "__pycache__")


def tree_digest(root: Path) -> str | None:
    """A digest of the code and data files under `root`'s crawler/ and pipelines/ (their paths and
    bytes); None when there are none."""
    h = hashlib.blake2b(digest_size=8)
    files = sorted(p for folder in CODE_FOLDERS for p in (root / folder).rglob("*")
                   if p.suffix in CODE_SUFFIXES and "__pycache__" not in p.parts and p.is_file())
    if not files:
        return None
    for p in files:
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


@cache
def code_digest() -> str | None:
    """`tree_digest` of this project, read once per process; None when its files cannot be read
    (an installed egg)."""
    return tree_digest(ROOT)


# --- regexes ---------------------------------------------------------------------------------------

Program = tuple  # (flags, code, groups, groupindex, indexgroup): what re's compiler hands _sre


def program(pattern: str, flags: int) -> Program:
    """What `re._compiler.compile` computes for a pattern before it calls `_sre.compile`."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1, groupindex,
            tuple(indexgroup))


class _Unknown(Exception):
    """A part of a pattern whose first character `first_chars` does not work out."""


_ZERO_WIDTH = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}
_REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT}
_CATEGORIES = {_constants.CATEGORY_DIGIT: r"\d", _constants.CATEGORY_NOT_DIGIT: r"\D",
               _constants.CATEGORY_SPACE: r"\s", _constants.CATEGORY_NOT_SPACE: r"\S",
               _constants.CATEGORY_WORD: r"\w", _constants.CATEGORY_NOT_WORD: r"\W"}


def _first_of_sequence(items) -> tuple[set[str], bool]:
    """The class items (escaped) a match of a sequence can start with, and whether it can be empty."""
    first: set[str] = set()
    for op, av in items:
        found, empty = _first_of_item(op, av)
        first |= found
        if not empty:
            return first, False
    return first, True


def _first_of_item(op, av) -> tuple[set[str], bool]:
    c = _constants
    if op is c.LITERAL:
        return {re.escape(chr(av))}, False
    if op is c.IN:
        out = set()
        for o, a in av:
            if o is c.LITERAL:
                out.add(re.escape(chr(a)))
            elif o is c.RANGE:
                out.add(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
            elif o is c.CATEGORY and a in _CATEGORIES:
                out.add(_CATEGORIES[a])
            else:  # a negated class, another category
                raise _Unknown
        return out, False
    if op in _ZERO_WIDTH:  # consumes nothing: the match starts with what follows
        return set(), True
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, p = av
        if add_flags or del_flags:
            raise _Unknown
        return _first_of_sequence(p.data)
    if op is c.ATOMIC_GROUP:
        return _first_of_sequence(av.data)
    if op is c.BRANCH:
        first, empty = set(), False
        for alternative in av[1]:
            found, e = _first_of_sequence(alternative.data)
            first |= found
            empty |= e
        return first, empty
    if op in _REPEATS:
        low, _high, p = av
        found, empty = _first_of_sequence(p.data)
        return found, empty or low == 0
    raise _Unknown  # a back-reference, any character, a conditional group


def first_chars(pattern: str, flags: int = 0) -> list[str] | None:
    """The class items (escaped, sorted) every match of `pattern` starts with one of; None when the
    pattern can match the empty string, sets flags inside it, or holds a part not worked out here."""
    try:
        p = _parser.parse(pattern, flags)
        if p.state.flags & ~re.UNICODE != flags & ~re.UNICODE:
            return None  # inline global flags: they must stay at the start of the pattern
        first, empty = _first_of_sequence(p.data)
    except (_Unknown, re.error):
        return None
    return None if empty or not first else sorted(first)


def fast_form(pattern: str, flags: int = 0) -> str:
    """`pattern` with a look-ahead for the characters its matches start with, before it: the same
    matches (same spans, groups and flags; the look-ahead is tested under the same flags, case
    included, and consumes nothing), found faster. `pattern` itself when `first_chars` is None."""
    first = first_chars(pattern, flags)
    return pattern if first is None else f"(?=[{''.join(first)}])(?:{pattern})"


class RegexCache:
    """The programs read from the cache file, those compiled here, and the patterns built."""

    def __init__(self, path: Path) -> None:
        self.programs: dict[tuple[str, int], Program] | None = None  # read at the first call
        self.patterns: dict[tuple[str, int], re.Pattern] = {}
        self.new = 0
        self.path = path

    def _read(self) -> dict[tuple[str, int], Program]:
        try:
            with open(self.path, "rb") as fh:
                engine, programs = marshal.loads(fh.read())  # load(fh) reads in small pieces: 50x slower
            if tuple(engine) == _ENGINE and isinstance(programs, dict):
                return programs
        except Exception:  # noqa: BLE001 - no cache, or an unreadable one: compile
            pass
        return {}

    def compile(self, pattern: str, flags: int) -> re.Pattern:
        key = (pattern, int(flags))  # a RegexFlag does not marshal
        found = self.patterns.get(key)
        if found is not None:
            return found
        if self.programs is None:
            self.programs = self._read()
            atexit.register(self.save)  # a worker ended by os._exit skips it: its patterns are not kept
        prog = self.programs.get(key)
        compiled = None
        if prog is not None:
            try:
                compiled = _sre.compile(pattern, *prog)
            except Exception:  # noqa: BLE001 - a program this engine refuses: compile it
                compiled = None
        if compiled is None:
            try:
                prog = program(fast_form(pattern, flags), flags)
            except re.error:  # inline global flags ("(?i)…") must open the pattern: as written
                prog = program(pattern, flags)
            compiled = _sre.compile(pattern, *prog)
            self.programs[key] = prog
            self.new += 1
        self.patterns[key] = compiled
        return compiled

    def save(self) -> None:
        """Write the file when this process compiled patterns it did not hold."""
        if not self.new or self.programs is None:
            return
        programs = self.programs
        if len(programs) > MAX_PATTERNS:
            used = [k for k in self.patterns if k in programs][:MAX_PATTERNS]
            programs = {k: programs[k] for k in used}
        _write_cache(self.path, (_ENGINE, programs), dump=marshal.dump)
        self.new = 0


_regexes = RegexCache(cache_dir() / "regex.marshal")


def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)` for a vocabulary's pattern (a str), through the cache."""
    if not isinstance(pattern, str) or flags & (re.DEBUG | re.TEMPLATE):
        return re.compile(pattern, flags)
    return _regexes.compile(pattern, flags)


# --- built objects ---------------------------------------------------------------------------------

def built(name: str, build: Callable[[], T]) -> T:
    """`build()`, or its result pickled by an earlier process with the same code and data files."""
    digest = code_digest()
    if digest is None:
        return build()
    path = cache_dir() / f"{name}.pickle"
    collecting = gc.isenabled()
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        gc.disable()  # thousands of small objects: the collector would run many times, finding nothing
        version, stored, obj = pickle.loads(raw)
        if (version, stored) == (CACHE_VERSION, digest):
            return obj
    except Exception:  # noqa: BLE001 - no cache, or an unreadable or stale one: build it
        pass
    finally:
        if collecting:
            gc.enable()
    obj = build()
    _write_cache(path, (CACHE_VERSION, digest, obj))
    return obj
