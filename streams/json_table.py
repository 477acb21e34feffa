"""A table whose values are JSON bytes underneath and records or dicts above.

The Faust tables store the bytes raw (``value_type=bytes``), so the worker encodes a state
once per write with orjson: Faust's own codec would encode it twice, once for the changelog
and once for RocksDB. ``wirewatch process`` keeps the bytes in a dict, so both paths store
and read the very same JSON.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from streams.records import dumps, loads


class JsonTable(MutableMapping[str, Any]):
    """``store`` (a dict unless given) seen with its values serialised on write and parsed on
    read."""

    def __init__(self, store: MutableMapping[str, bytes] | None = None) -> None:
        self._data: MutableMapping[str, bytes] = {} if store is None else store

    def __getitem__(self, key: str) -> Any:
        return loads(self._data[key])

    def __setitem__(self, key: str, value: Any) -> None:
        # orjson hands back its 4 KiB working buffer as the bytes object: kept as it is, a table
        # of small values would hold 4 KiB a key. A copy is the size of the JSON.
        self._data[key] = memoryview(dumps(value)).tobytes()

    def __delitem__(self, key: str) -> None:
        del self._data[key]

    def __contains__(self, key: object) -> bool:
        # Mapping's own would parse the value only to learn the key is there (dedupe's layout
        # asks it of every key it drops).
        return key in self._data

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def stored_bytes(self) -> int:
        """The size of the JSON the table holds (the memory benchmark's table sizes)."""
        return sum(map(len, self._data.values()))
