"""The warm search's way into an open SQLite store: a `Reader` (`sdi.storage.lean`) on one of the engine's
pooled connections, without a `Session` — a search in the workbench reads a few rows in one statement, and
a session's set-up and tear-down cost as much as the ranked page itself. Errors the store reports are
translated as `Store.reading` translates them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sdi.storage.engine import Store
    from sdi.storage.lean import Reader


@contextmanager
def pooled_reader(store: Store) -> Iterator[Reader]:
    """A reader over one of `store`'s pooled SQLite connections for the block (nothing is written: the
    pool rolls the connection back when it is returned). Only for an SQLite store: the SQL goes to the
    driver as written."""

    from sdi.storage.faults import said_as_store_errors

    with said_as_store_errors(store, writing=False), store.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)

        def read(sql: str, **params: object) -> list[tuple[Any, ...]]:
            return driver.execute(sql, params).fetchall()

        yield read
