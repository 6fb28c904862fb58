"""Lean read paths for cold commands: plain SQL read through whatever the process has open, so a read-only
command (`sdi status`) started from the shell pays neither for importing SQLAlchemy nor for mapping models.

A `Reader` runs one SQL text with named parameters and returns its rows as tuples. `session_reader` serves it
from an open session (SQLAlchemy, any engine: how the workbench and the tests run the same SQL on SQLite and
PostgreSQL); `sqlite_reader` from Python's own sqlite3 module, read-only, and only when the store is an SQLite
file already at the schema revision this code expects — a store to create, migrate or refuse (an unfinished
`sdi db copy`) goes the ordinary way through `open_store`, which does all that. The SQL must therefore be
plain enough for both engines (no dialect functions; booleans written as `= false`).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Collection, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from sdi.storage.revision import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Reader = Callable[..., list[tuple[Any, ...]]]


def session_reader(session: Session) -> Reader:
    """A reader over an open session (its transaction, its engine). On SQLite the SQL goes to the driver's
    own connection as written (sqlite3 takes `:name` itself: no statement to parse and cache per call, as a
    search's IN lists differ every time, and the rows are those the lean reader of a cold command gets);
    other drivers get it through SQLAlchemy's `text`."""
    from sqlalchemy import text

    if session.get_bind().dialect.name == "sqlite":
        driver = session.connection().connection.driver_connection
        assert isinstance(driver, sqlite3.Connection)

        def direct(sql: str, **params: object) -> list[tuple[Any, ...]]:
            return driver.execute(sql, params).fetchall()

        return direct

    def read(sql: str, **params: object) -> list[tuple[Any, ...]]:
        result = session.connection().execute(text(sql), params)
        return [tuple(row) for row in result] if result.returns_rows else []

    return read


def stored_datetime(value: object) -> dt.datetime:
    """A timestamp column as plain SQL reads it — text on SQLite (read back naive, as SQLAlchemy's SQLite
    dialect does), already a datetime from PostgreSQL's driver."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def stored_date(value: object) -> dt.date | None:
    """A date column as plain SQL reads it (text on SQLite, a date from PostgreSQL's driver)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def sqlite_file(url: str) -> Path | None:
    """The file of a plain `sqlite:///path` URL (no query string), or None for anything else."""
    if not url.startswith("sqlite:///") or "?" in url:
        return None
    path = unquote(url[len("sqlite:///") :])
    return Path(path) if path and path != ":memory:" else None


def current_sqlite(url: str, timeout: float) -> sqlite3.Connection | None:
    """A read-only connection to the SQLite file of `url` when it exists at the expected revision; None when
    the store is anything else (to create, migrate or refuse: the caller opens it the ordinary way). The
    connection may be handed between threads (its owner uses it from one at a time)."""
    path = sqlite_file(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=timeout,
                                     check_same_thread=False)  # fmt: skip
    except sqlite3.Error:
        return None
    try:
        connection.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:  # no such table (a new store), or not a database at all
        found = []
    if [row[0] for row in found] != [HEAD_REVISION]:
        connection.close()
        return None
    return connection


@contextmanager
def sqlite_reader(url: str, timeout: float) -> Iterator[Reader | None]:
    """A read-only reader over the SQLite file of `url` when it exists at the expected revision; None when
    the store is anything else (then the caller opens it the ordinary way)."""
    connection = current_sqlite(url, timeout)
    if connection is None:
        yield None
        return
    with closing(connection):

        def read(sql: str, **params: object) -> list[tuple[Any, ...]]:
            return connection.execute(sql, params).fetchall()

        yield read


SQLITE_TERMS_AT_ONCE = 400  # terms per lookup in the FTS5 vocabulary (each is one seek in the index)


def single_words(terms: Collection[str]) -> list[str]:
    """The single-word terms the index can count, sorted."""
    return sorted({t for t in terms if t and t == t.strip() and " " not in t})


def sqlite_term_counts(read: Reader, terms: Collection[str]) -> tuple[int, dict[str, int]]:
    """`search_index.term_document_counts` on SQLite (the FTS5 vocabulary: a temporary table, which a
    read-only connection may create): (turns indexed, {term: turns whose lemmas or words hold it})."""
    wanted = single_words(terms)
    counts = dict.fromkeys(wanted, 0)
    turns = int(read("SELECT count(*) FROM utterance_index")[0][0] or 0)
    if wanted and turns:
        read("CREATE VIRTUAL TABLE IF NOT EXISTS temp.utterance_fts_row "
             "USING fts5vocab(main, 'utterance_fts', 'row')")  # fmt: skip
        for at in range(0, len(wanted), SQLITE_TERMS_AT_ONCE):
            chunk = wanted[at : at + SQLITE_TERMS_AT_ONCE]
            marks = ", ".join(f":t{n}" for n in range(len(chunk)))
            rows = read(f"SELECT term, doc FROM temp.utterance_fts_row WHERE term IN ({marks})",
                        **{f"t{n}": term for n, term in enumerate(chunk)})  # fmt: skip
            counts.update({str(term): int(doc) for term, doc in rows})
    return turns, counts
