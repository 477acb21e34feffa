"""The tables' RocksDB, without its write-ahead log.

Each table write was a put to RocksDB and a message to the table's changelog topic, and the put
appended to RocksDB's write-ahead log too: a write system call a put, Faust's own put of the
changelog offset it keeps beside the data included. The changelog is the tables' source of
truth (Kafka Streams turns the log off for the same reason): what a worker loses with its
memtable when it is killed (the writes since RocksDB's last flush, the offsets beside them
included) it reads back from the changelog on restart, from the offset the flushed data says it
holds. RocksDB still flushes its memtables when a worker stops cleanly.
"""

from __future__ import annotations

from faust.stores import STORES
from faust.stores import rocksdb
from rocksdict import Rdict, WriteOptions

SCHEME = "rocksdb-nowal"


class Store(rocksdb.Store):
    def _open_for_partition(self, partition: int) -> Rdict:
        db = super()._open_for_partition(partition)
        options = WriteOptions()
        options.disable_wal = True
        db.set_write_options(options)
        return db


def register() -> None:
    STORES.aliases[SCHEME] = f"{__name__}:Store"
