"""The worker's tables keep RocksDB without its write-ahead log: the changelog is their truth."""

from pathlib import Path

import pytest

from streams import stores, tables


# The table folder is moved to the test's after the app was configured: nothing else uses it.
@pytest.mark.filterwarnings("ignore::faust.exceptions.AlreadyConfiguredWarning")
def test_the_tables_write_rocksdb_without_a_write_ahead_log(tmp_path, monkeypatch):
    table = tables.place_incidents._data
    monkeypatch.setattr(table.app.conf, "tabledir", tmp_path)
    store = table._new_store()
    assert isinstance(store, stores.Store)
    db = store._db_for_partition(0)
    for number in range(100):
        db.put(f"geonames:{number}".encode(), b"{}" * 500)
    folder = Path(store.partition_path(0))
    assert folder.is_relative_to(tmp_path)
    logs = list(folder.glob("*.log"))
    assert logs and all(log.stat().st_size == 0 for log in logs)
    db.close()
