"""The store: every raw message and attachment, content-addressed on disk (objects),
and an SQLite catalogue of what was seen where and what was made of it (catalogue).
The store owns all SQL: the other stages call its methods."""

from baocao.store.catalogue import FolderState, Store, dumps, now_utc
from baocao.store.errors import StoreError, StoreLocked, StoreWriteError
from baocao.store.objects import ObjectStore, sha256_hex
from baocao.store.readonly import ReadOnlyCatalogue
from baocao.store.schema import SCHEMA_VERSION

__all__ = ["FolderState", "ObjectStore", "ReadOnlyCatalogue", "SCHEMA_VERSION", "Store", "StoreError",
           "StoreLocked", "StoreWriteError", "dumps", "now_utc", "sha256_hex"]
