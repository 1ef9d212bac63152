"""A compact MinHash LSH index: band keys in sorted numpy arrays, 12 bytes per band per report.

The banding is datasketch's (`MinHashLSH`: `b` bands of `r` rows chosen to minimise the weighted
false positive and negative probabilities at the threshold; 25 bands of 5 rows for 0.5 and 128
permutations), the storage is not: datasketch keeps a Python dict of byte strings per band and the
band keys of every report again, about 13 KB per report (14 GB for a million). Here each band of a
report is one 64-bit key in a sorted array beside a 32-bit report number; recent reports wait in a
small dict and are flushed into sorted runs, runs of similar size are merged (a log-structured
index: appends are cheap, a query is one `searchsorted` per run). Removing a report marks it dead.
"""

from __future__ import annotations

import numpy as np

#: Reports kept in the recent-reports dict before it becomes a sorted run.
FLUSH_EVERY = 2048
_PRIME = np.uint64(0x100000001B3)
_BAND_SEED = np.uint64(0x9E3779B97F4A7C15)


def _integrate(f, a: float, b: float, n: int = 200) -> float:
    xs = np.linspace(a, b, n + 1)
    ys = np.array([f(x) for x in xs])
    return float(np.sum((ys[1:] + ys[:-1]) / 2) * (b - a) / n)


def optimal_param(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5):
    """(bands, rows) minimising the weighted false positive and false negative areas, as
    datasketch's MinHashLSH chooses them."""
    best, params = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = _integrate(lambda s, b=b, r=r: 1 - (1 - s ** r) ** b, 0.0, threshold)
            fn = _integrate(lambda s, b=b, r=r: 1 - (1 - (1 - s ** r) ** b), threshold, 1.0)
            err = fp * fp_weight + fn * fn_weight
            if err < best:
                best, params = err, (b, r)
    return params


_PARAMS: dict[tuple[float, int], tuple[int, int]] = {(0.5, 128): (25, 5)}


class BandIndex:
    """Insert (key, signature), query a signature for the keys sharing a band with it."""

    def __init__(self, num_perm: int, threshold: float):
        if (threshold, num_perm) not in _PARAMS:
            _PARAMS[(threshold, num_perm)] = optimal_param(threshold, num_perm)
        self.b, self.r = _PARAMS[(threshold, num_perm)]
        self._salt = (np.arange(self.b, dtype=np.uint64) + np.uint64(1)) * _BAND_SEED
        self._number: dict[str, int] = {}
        self._keys: list[str | None] = []
        self._recent: dict[int, list[int]] = {}
        self._recent_reports = 0
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted band keys, report numbers)

    def __len__(self) -> int:
        return len(self._number)

    def band_keys(self, sig: np.ndarray) -> np.ndarray:
        """The `b` 64-bit band keys of a signature."""
        rows = np.asarray(sig[: self.b * self.r], dtype=np.uint64).reshape(self.b, self.r)
        h = self._salt.copy()
        for j in range(self.r):
            h = (h ^ rows[:, j]) * _PRIME
        return h

    def insert(self, key: str, sig: np.ndarray) -> None:
        if key in self._number:
            self.remove(key)
        n = len(self._keys)
        self._keys.append(key)
        self._number[key] = n
        recent = self._recent
        for k in self.band_keys(sig).tolist():
            recent.setdefault(k, []).append(n)
        self._recent_reports += 1
        if self._recent_reports >= FLUSH_EVERY:
            self._flush()

    def remove(self, key: str) -> None:
        n = self._number.pop(key, None)
        if n is not None:
            self._keys[n] = None

    def query(self, sig: np.ndarray) -> set[str]:
        """Keys of the reports that share at least one band with this signature."""
        q = self.band_keys(sig)
        found: set[int] = set()
        for k in q.tolist():
            found.update(self._recent.get(k, ()))
        for keys, nums in self._runs:
            lo = np.searchsorted(keys, q, side="left")
            hi = np.searchsorted(keys, q, side="right")
            for a, b in zip(lo.tolist(), hi.tolist(), strict=True):
                if b > a:
                    found.update(nums[a:b].tolist())
        out = set()
        for n in found:
            k = self._keys[n]
            if k is not None:
                out.add(k)
        return out

    def _flush(self) -> None:
        if not self._recent:
            return
        keys = np.fromiter((k for k, v in self._recent.items() for _ in v), dtype=np.uint64)
        nums = np.fromiter((n for v in self._recent.values() for n in v), dtype=np.int32)
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], nums[order]))
        self._recent = {}
        self._recent_reports = 0
        while len(self._runs) >= 2 and len(self._runs[-1][0]) * 2 >= len(self._runs[-2][0]):
            (k2, n2), (k1, n1) = self._runs.pop(), self._runs.pop()
            keys = np.concatenate([k1, k2])
            nums = np.concatenate([n1, n2])
            order = np.argsort(keys, kind="stable")
            self._runs.append((keys[order], nums[order]))

    def nbytes(self) -> int:
        """Bytes held by the sorted runs (the recent dict not counted)."""
        return sum(k.nbytes + n.nbytes for k, n in self._runs)


class SignatureFile:
    """Signatures on disk: an append-only temporary file of `num_perm` uint32 per report and, in
    memory, only each key's offset. The near-identical check reads the few candidates' signatures
    back (`os.pread`, from the page cache), so a million reports hold 512 MB of signatures on disk,
    not in the process. A dict's interface: `in`, `[]`, `del`, `pop`, `len`."""

    def __init__(self, num_perm: int):
        import tempfile

        self.num_perm = num_perm
        self._size = num_perm * 4
        self._fh = tempfile.TemporaryFile(prefix="liqaat-signatures-")
        self._offset: dict[str, int] = {}
        self._end = 0

    def __contains__(self, key: str) -> bool:
        return key in self._offset

    def __len__(self) -> int:
        return len(self._offset)

    def __setitem__(self, key: str, sig: np.ndarray) -> None:
        import os

        os.pwrite(self._fh.fileno(), np.asarray(sig, dtype="<u4").tobytes(), self._end)
        self._offset[key] = self._end
        self._end += self._size

    def __getitem__(self, key: str) -> np.ndarray:
        import os

        data = os.pread(self._fh.fileno(), self._size, self._offset[key])
        return np.frombuffer(data, dtype="<u4").astype(np.uint32)

    def __delitem__(self, key: str) -> None:
        del self._offset[key]

    def pop(self, key: str) -> np.ndarray:
        sig = self[key]
        del self[key]
        return sig
