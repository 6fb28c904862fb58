"""Engine and session factory. SQLite is opened in WAL mode with foreign keys on; nothing connects at
import time."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from sdi.i18n import t
from sdi.storage.faults import lock_timeout, pause_if_asked, said_as_store_errors


class ConcurrentEditError(Exception):
    """A shared object was changed by another session between reading and writing it."""


def sqlite_path(url: str) -> Path | None:
    """The database file of an SQLite URL, or None for other engines and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _prepare_sqlite_file(path: Path) -> None:
    """Create the folder and an empty owner-only file, so the analysis is never world-readable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def sqlite_writable(path: Path) -> bool:
    """Can this process write the database file and create its WAL files beside it?"""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def create_store_engine(url: str) -> Engine:
    """An engine that waits `SDI_LOCK_TIMEOUT` seconds (default 15) for another process's lock.

    A database file (or folder) this process may not write is opened read-only, so the analysis can still
    be read; every write is then refused with a clear message."""
    wait = lock_timeout()
    path = sqlite_path(url)
    if path is not None:
        _prepare_sqlite_file(path)
        if not sqlite_writable(path):
            return _read_only_sqlite(url, path, wait)
        engine = create_engine(url, connect_args={"timeout": wait})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {"options": f"-c lock_timeout={int(wait * 1000)}"} if url.startswith("postgresql") else {}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def transactional_sqlite_engine(url: str) -> Engine:
    """An SQLite engine whose transactions include DDL, for schema upgrades.

    Python's sqlite3 driver (before 3.12's `autocommit=False`) begins a transaction only before DML, so a
    CREATE/ALTER/DROP would commit on its own. Here the driver's own transaction handling is switched off
    (`isolation_level = None`) and every SQLAlchemy transaction starts with `BEGIN IMMEDIATE`: the write
    lock is taken before the first statement, and COMMIT/ROLLBACK cover every statement in between, DDL
    included — SQLAlchemy's documented recipe for transactional DDL with pysqlite. No pool: each upgrade
    gets a fresh connection and leaves none behind."""
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": lock_timeout()})

    def connect(dbapi_connection: Any, record: Any) -> None:
        _sqlite_pragmas(dbapi_connection, record)
        dbapi_connection.isolation_level = None  # the driver emits no BEGIN (nor COMMIT before DDL)

    def begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", connect)
    event.listen(engine, "begin", begin)
    return engine


def _read_only_sqlite(url: str, path: Path, wait: float) -> Engine:
    """Read-only access. In a folder we cannot write, SQLite cannot create the WAL index beside the file;
    then the file is opened as immutable (nobody can change it there either)."""
    query = "mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists():
        query += "&immutable=1"
    uri = f"file:{quote(str(path.resolve()))}?{query}"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=wait, check_same_thread=False)

    engine = create_engine(url, creator=connect)
    event.listen(engine, "connect", _sqlite_read_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    _sqlite_read_pragmas(dbapi_connection, _record)


def _sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(lock_timeout() * 1000)}")
    cursor.close()


def stored_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database (None for a new one), read without Alembic."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


class Store:
    """The project database: an engine plus a session factory. Every write goes through `transaction()`."""

    def __init__(self, engine: Engine, language: str = "nb") -> None:
        from sdi.storage import history, lengths

        self.engine = engine
        self.language = language  # of the messages a refused write is reported with
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        history.install(self._sessions)
        lengths.install(self._sessions, language)  # text no longer than its column, on every engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back completely on any exception.

        Two coders updating the same shared row at the same moment: the later commit finds the row's version
        moved and is refused (ConcurrentEditError) instead of overwriting the other's change. A database
        that refuses the write (read-only, locked by another process, disk full) raises StoreError."""
        with said_as_store_errors(self, writing=True):
            try:
                with self._sessions() as session, session.begin():
                    yield session
                    pause_if_asked(session)
            except StaleDataError as exc:
                raise ConcurrentEditError(t("safety.concurrent_edit", self.language)) from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only: it is closed without a commit, so nothing it touched is written.
        Loaded objects stay readable afterwards (closing detaches them without expiring them)."""
        with said_as_store_errors(self, writing=False), self._sessions() as session:
            yield session

    def checkpoint(self) -> None:
        """Fold SQLite's write-ahead log back into the database file (after bulk writes such as an import,
        so the log does not sit beside the database at several times its size). No-op on other engines, and
        skipped when the database cannot take it (read-only, busy): it only saves space."""
        if self.engine.dialect.name == "sqlite":
            try:
                with self.engine.connect() as connection:
                    free = connection.exec_driver_sql("PRAGMA freelist_count").scalar() or 0
                    pages = connection.exec_driver_sql("PRAGMA page_count").scalar() or 1
                    if free * 8 > pages:  # pages freed by merging the full-text index: give them back
                        with suppress(OperationalError):  # another process is busy: reclaim it next time
                            connection.exec_driver_sql("VACUUM")
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except DBAPIError:  # read-only or busy: the next checkpoint takes it
                pass

    def close(self) -> None:
        self.engine.dispose()
