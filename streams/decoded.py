"""A table whose values a stage keeps decoded between messages.

Dedupe reads a place's whole state on every report: parsing its JSON and rebuilding its
records cost more than the stage's own work (about a tenth of a worker's CPU through a
backlog). The same process wrote that state last, so it keeps what it wrote: a read of a place
written or read recently is the object itself, not a decode of the table's copy.

Every write still goes to the table (and so to its changelog), so the table stays the truth;
the decoded copies only save reading it back. They must be forgotten whenever the table may
change behind this process's back: when Faust moves partitions between workers or recovers a
table from its changelog (``forget``).

The stage functions never change a state they are given (they build a new one), which is what
makes handing the same object to the next message safe.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# Decoded states kept; past them, the least recently used is dropped and decoded from the table
# when it comes back. Dedupe's states of all 801 places of gva-dev take 15.5 MB decoded (the
# largest 0.3 MB), 30.7 MB without incident windows.
CAPACITY = 2048


class DecodedTable(MutableMapping[str, T], Generic[T]):
    """``table`` (values as stored: JSON-able) seen through ``decode``, with the decoded values
    of the ``capacity`` keys used last kept in memory."""

    def __init__(self, table: MutableMapping[str, Any], decode: Callable[[Any], T],
                 capacity: int = CAPACITY) -> None:
        self._table = table
        self._decode = decode
        self._capacity = capacity
        self._decoded: OrderedDict[str, T] = OrderedDict()

    def __getitem__(self, key: str) -> T:
        value = self._decoded.pop(key, None)
        if value is None:
            stored = self._table[key]
            if stored is None:  # a Faust table's default
                raise KeyError(key)
            value = self._decode(stored)
        self._keep(key, value)
        return value

    def __setitem__(self, key: str, value: T) -> None:
        # Dropped first: a write cut short (the stage's deadline) leaves no stale copy behind.
        self._decoded.pop(key, None)
        self._table[key] = value
        self._keep(key, value)

    def __delitem__(self, key: str) -> None:
        self._decoded.pop(key, None)
        del self._table[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def forget(self) -> None:
        """Drop every decoded value: the table may have changed under them."""
        self._decoded.clear()

    def _keep(self, key: str, value: T) -> None:
        self._decoded[key] = value
        if len(self._decoded) > self._capacity:
            self._decoded.popitem(last=False)
