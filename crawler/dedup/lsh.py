"""A compact MinHash LSH index: band keys in sorted numpy arrays, 12 bytes per band per report.

The banding is datasketch's (`MinHashLSH`: `b` bands of `r` rows chosen to minimise the weighted
false positive and negative probabilities at the threshold; 25 bands of 5 rows for 0.5 and 128
permutations), the storage is not: datasketch keeps a Python dict of byte strings per band and the
band keys of every report again, about 13 KB per report (14 GB for a million). Here each band of a
report is one 64-bit key in a sorted array beside a 32-bit report number; recent reports wait in a
small dict and are flushed into sorted runs, runs of similar size are merged (a log-structured
index: appends are cheap). Band keys are hashes, spread evenly over 64 bits: each run has a
directory of where each value of the keys' top bits starts (about `PER_BUCKET` keys a bucket), so
a query reads one directory entry and one short stretch of keys per band, in a few numpy calls,
instead of a binary search through millions of keys (cache misses that grew with the archive).
Removing a report marks it dead.
"""

from __future__ import annotations

from itertools import repeat

import numpy as np

#: Reports kept in the recent-reports dict before it becomes a sorted run.
FLUSH_EVERY = 2048
#: Keys per directory bucket of a sorted run, on average (the directory costs 4 bytes a bucket).
PER_BUCKET = 4
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


class _Run:
    """Sorted band keys, the report number of each, and the directory of their top bits:
    `starts[t]` is where the keys whose top `bits` bits are t begin. The arrays end with copies of
    their last entry, as many as the largest bucket holds, so that a query reads a bucket's
    whole width without a bound check (a key past its bucket has other top bits, and the copies
    repeat a key already there)."""

    __slots__ = ("size", "keys", "nums", "starts", "shift", "_cols")

    def __init__(self, keys: np.ndarray, nums: np.ndarray, order: np.ndarray):
        """The run of `keys` and `nums` (unsorted) in the `order` that sorts the keys: gathered
        straight into the padded arrays (a merge of large runs holds one copy less)."""
        self.size = n = len(keys)
        bits = max(1, min(31, (n // PER_BUCKET).bit_length()))
        self.shift = np.uint64(64 - bits)
        counts = np.bincount((keys >> self.shift).astype(np.intp), minlength=1 << bits)
        self.starts = np.zeros((1 << bits) + 1, dtype=np.int32 if n < 2 ** 31 else np.int64)
        np.cumsum(counts, out=self.starts[1:])
        width = int(counts.max())
        del counts
        self._cols = np.arange(width)
        self.keys = np.empty(n + width, dtype=keys.dtype)
        np.take(keys, order, out=self.keys[:n])
        self.keys[n:] = self.keys[n - 1]
        self.nums = np.empty(n + width, dtype=nums.dtype)
        np.take(nums, order, out=self.nums[:n])
        self.nums[n:] = self.nums[n - 1]

    def sorted(self) -> tuple[np.ndarray, np.ndarray]:
        """The run's keys and report numbers, without the copies at the end."""
        return self.keys[: self.size], self.nums[: self.size]

    def find(self, q: np.ndarray, column: np.ndarray, found: set[int]) -> None:
        """Add to `found` the report numbers of the keys equal to one of `q` (`column`: `q` as a
        column, `q[:, None]`)."""
        at = self.starts[q >> self.shift][:, None] + self._cols  # each query's bucket, whole width
        hit = self.keys[at] == column
        if hit.any():
            found.update(self.nums[at[hit]].tolist())

    @property
    def nbytes(self) -> int:
        return self.keys.nbytes + self.nums.nbytes + self.starts.nbytes


class BandIndex:
    """Insert (key, signature), query a signature for the keys sharing a band with it."""

    def __init__(self, num_perm: int, threshold: float):
        if (threshold, num_perm) not in _PARAMS:
            _PARAMS[(threshold, num_perm)] = optimal_param(threshold, num_perm)
        self.b, self.r = _PARAMS[(threshold, num_perm)]
        self._salt = (np.arange(self.b, dtype=np.uint64) + np.uint64(1)) * _BAND_SEED
        self._number: dict[str, int] = {}
        self._keys: list[str | None] = []
        # recent reports: band key -> report number, and every number of a key that several hold
        self._recent: dict[int, int] = {}
        self._recent_shared: dict[int, list[int]] = {}
        self._recent_bands: list[np.ndarray] = []
        self._recent_numbers: list[int] = []
        self._runs: list[_Run] = []

    def __len__(self) -> int:
        return len(self._number)

    def band_keys(self, sig: np.ndarray) -> np.ndarray:
        """The `b` 64-bit band keys of a signature."""
        rows = np.asarray(sig[: self.b * self.r], dtype=np.uint64).reshape(self.b, self.r)
        h = self._salt.copy()
        for j in range(self.r):
            h ^= rows[:, j]
            h *= _PRIME
        return h

    def insert(self, key: str, sig: np.ndarray, bands: np.ndarray | None = None) -> None:
        """Index a report's signature (`bands`: its `band_keys`, when the caller has them)."""
        if key in self._number:
            self.remove(key)
        n = len(self._keys)
        self._keys.append(key)
        self._number[key] = n
        bands = self.band_keys(sig) if bands is None else bands
        ks = bands.tolist()
        recent = self._recent
        for k in recent.keys() & ks:  # a band another recent report holds too (a republication)
            self._recent_shared.setdefault(k, [recent[k]]).append(n)
        recent.update(zip(ks, repeat(n)))
        self._recent_bands.append(bands)
        self._recent_numbers.append(n)
        if len(self._recent_numbers) >= FLUSH_EVERY:
            self._flush()

    def remove(self, key: str) -> None:
        n = self._number.pop(key, None)
        if n is not None:
            self._keys[n] = None

    def query(self, sig: np.ndarray, bands: np.ndarray | None = None) -> set[str]:
        """Keys of the reports that share at least one band with this signature (`bands`: its
        `band_keys`, when the caller has them)."""
        q = self.band_keys(sig) if bands is None else bands
        found: set[int] = set()
        recent, shared = self._recent, self._recent_shared
        for k in recent.keys() & q.tolist():
            found.update(shared[k]) if k in shared else found.add(recent[k])
        column = q[:, None]
        for run in self._runs:
            run.find(q, column, found)
        out = set()
        for n in found:
            k = self._keys[n]
            if k is not None:
                out.add(k)
        return out

    def _flush(self) -> None:
        if not self._recent_numbers:
            return
        keys = np.concatenate(self._recent_bands)
        nums = np.repeat(np.array(self._recent_numbers, dtype=np.int32), self.b)
        self._recent, self._recent_shared, self._recent_bands, self._recent_numbers = {}, {}, [], []
        order = np.argsort(keys, kind="stable")
        # runs of similar size are merged (a stable sort of two sorted runs is one merge pass)
        while self._runs and len(keys) * 2 >= self._runs[-1].size:
            old_keys, old_nums = self._runs.pop().sorted()
            keys = np.concatenate([old_keys, keys[order]])
            nums = np.concatenate([old_nums, nums[order]])
            del old_keys, old_nums
            order = np.argsort(keys, kind="stable")
        self._runs.append(_Run(keys, nums, order))

    def nbytes(self) -> int:
        """Bytes held by the sorted runs and their directories (the recent dict not counted)."""
        return sum(run.nbytes for run in self._runs)


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
