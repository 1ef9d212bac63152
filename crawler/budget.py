"""A wall-clock budget for parsing one document (LIQAAT_MAX_PARSE_SECONDS).

`parse_budget(seconds)` arms a one-shot SIGALRM timer around the block and raises `ParseTimeout`
in it when the time is up, so one pathological page (200,000 attributes on one element, a tag
soup that makes the extractor quadratic) is skipped instead of holding the crawl (and its
SIGTERM) for minutes. It acts in a process's main thread only (where signals arrive: the crawl
process, and each worker of LIQAAT_WORKERS); elsewhere, and with 0 seconds, it does nothing.
"""

from __future__ import annotations

import contextlib
import signal
import threading


class ParseTimeout(BaseException):  # not Exception: the extractors catch those
    pass


@contextlib.contextmanager
def parse_budget(seconds: float):
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expired(signum, frame):
        raise ParseTimeout(f"parsing took more than {seconds:g} s (LIQAAT_MAX_PARSE_SECONDS)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
