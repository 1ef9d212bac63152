"""One writer at a time on a store: an exclusive `flock` on `<MEETINGS_DB>.lock`, held from the
moment a run opens the store until it closes it.

A second run on the same store waits for the first to finish (up to LIQAAT_STORE_LOCK_WAIT
seconds, default 3600; polled, so the crawl still answers Ctrl-C and SIGTERM) and then reads the
store as the first one left it: two concurrent runs give the meetings of two runs one after the
other. When the wait runs out, the run stops with one error line naming the store and the
process holding it. The lock is the kernel's: a run killed with SIGKILL releases it.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path


class StoreBusy(Exception):
    pass


class StoreLock:
    def __init__(self, db_path: str | os.PathLike):
        self.path = Path(f"{os.fspath(db_path)}.lock")
        self.fd: int | None = None

    def try_acquire(self) -> bool:
        """Take the lock if it is free; True when this process holds it."""
        if self.fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}\n".encode())
        self.fd = fd
        return True

    def holder(self) -> str:
        """`pid 1234 since 2025-02-18T05:17:00Z`, as the holder wrote it."""
        try:
            pid, _, since = self.path.read_text(encoding="utf-8").strip().partition(" ")
        except OSError:
            return "another process"
        return f"pid {pid} since {since}" if pid else "another process"

    def acquire(self, wait: float, poll: float = 0.2, sleep=time.sleep) -> None:
        """Blocking form (for scripts): wait up to `wait` seconds, else StoreBusy."""
        deadline = time.monotonic() + wait
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise StoreBusy(self.busy_message(wait))
            sleep(poll)

    def busy_message(self, wait: float) -> str:
        return (f"the store {self.path.with_suffix('')} is in use by another run ({self.holder()}); "
                f"waited {wait:g} s (LIQAAT_STORE_LOCK_WAIT)")

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
