"""A table whose values a stage keeps decoded between messages.

Dedupe reads a place's whole state on every report: parsing it and rebuilding its records cost
more than the stage's own work (about a tenth of a worker's CPU through a backlog). The same
process wrote that state last, so it keeps what it wrote: a read of a place written or read
recently is the object itself, not a decode of the table's copy. And a write knows what the
table held before it, so the store can write only what changed (``agents/dedupe/layout.py``).

Every write still goes to the table (and so to its changelog), so the table stays the truth;
the decoded copies only save reading it back. They must be forgotten whenever the table may
change behind this process's back: when Faust moves partitions between workers or recovers a
table from its changelog (``forget``).

The stage functions never change a state they are given (they build a new one), which is what
makes handing the same object to the next message safe.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, MutableMapping
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")

# Decoded states kept; past them, the least recently used is dropped and decoded from the table
# when it comes back. Dedupe's states of all 801 places of gva-dev take 15.5 MB decoded (the
# largest 0.3 MB), 30.7 MB without incident windows.
CAPACITY = 2048


class Store(Protocol[T]):
    """Values of type ``T`` kept in a table, by key."""

    def load(self, key: str) -> T | None: ...

    def save(self, key: str, value: T, previous: T | None) -> None:
        """Write ``value`` where ``previous`` (what the table holds, if anything) was."""

    def delete(self, key: str, previous: T) -> None: ...

    def keys(self) -> Iterator[str]: ...


class DecodedTable(MutableMapping[str, T], Generic[T]):
    """``store`` seen as a mapping, with the decoded values of the ``capacity`` keys used last
    kept in memory."""

    def __init__(self, store: Store[T], capacity: int = CAPACITY) -> None:
        self._store = store
        self._capacity = capacity
        self._decoded: OrderedDict[str, T] = OrderedDict()

    def __getitem__(self, key: str) -> T:
        value = self._decoded.pop(key, None)
        if value is None:
            value = self._store.load(key)
            if value is None:
                raise KeyError(key)
        self._keep(key, value)
        return value

    def __setitem__(self, key: str, value: T) -> None:
        # Dropped first: a write cut short (the stage's deadline) leaves no stale copy behind.
        previous = self._decoded.pop(key, None)
        self._store.save(key, value, self._store.load(key) if previous is None else previous)
        self._keep(key, value)

    def __delitem__(self, key: str) -> None:
        previous = self._decoded.pop(key, None) or self._store.load(key)
        if previous is None:
            raise KeyError(key)
        self._store.delete(key, previous)

    def __iter__(self) -> Iterator[str]:
        return self._store.keys()

    def __len__(self) -> int:
        return sum(1 for _ in self._store.keys())

    def forget(self) -> None:
        """Drop every decoded value: the table may have changed under them."""
        self._decoded.clear()

    def _keep(self, key: str, value: T) -> None:
        self._decoded[key] = value
        if len(self._decoded) > self._capacity:
            self._decoded.popitem(last=False)
