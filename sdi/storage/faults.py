"""When the database refuses a write: a read-only file or folder, a write lock held by another process, a
full disk. The driver's error (several lines with the SQL) becomes one `StoreError` sentence that names the
database, so the faces can show it as one line. Also the test-only pause that lets fault tests kill a process
in the middle of a transaction.

Called by `sdi.storage.engine.Store`; nothing here connects or reads the environment at import time."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sdi.i18n import t

if TYPE_CHECKING:  # SQLAlchemy is imported where a driver error is read, not for `lock_timeout`
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.orm import Session

    from sdi.storage.engine import Store

PAUSE_ENV = "SDI_TEST_PAUSE_BEFORE_COMMIT"  # seconds; only the fault tests set it
PAUSE_SIGNAL = "sdi-test: paused before commit"
LOCK_TIMEOUT_ENV = "SDI_LOCK_TIMEOUT"  # seconds to wait for another coder's write lock (default 15)

# (SQLite extended error name prefix, PostgreSQL SQLSTATE prefix) → the kind of refusal
_SQLITE_KINDS = {
    "SQLITE_READONLY": "read_only",
    "SQLITE_BUSY": "locked",
    "SQLITE_LOCKED": "locked",
    "SQLITE_FULL": "full",
    "SQLITE_IOERR": "io",
    "SQLITE_CANTOPEN": "cannot_open",
    "SQLITE_CORRUPT": "corrupt",
    "SQLITE_NOTADB": "corrupt",
}
_POSTGRES_KINDS = {
    "25006": "read_only",  # read_only_sql_transaction (a standby, or default_transaction_read_only)
    "55P03": "locked",  # lock_not_available (our lock_timeout ran out)
    "40P01": "locked",  # deadlock_detected
    "53100": "full",  # disk_full
    "53": "resources",  # insufficient_resources (out of memory, too many connections, …)
    "58": "io",  # system error (I/O)
}


class StoreError(Exception):
    """The database could not do what was asked (read-only, locked, full, unreadable). Nothing was written
    by the failed unit of work; what was committed before is untouched."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)


def lock_timeout() -> float:
    """How long a write waits for another process's lock before giving up with a clear message."""
    try:
        return max(0.0, float(os.environ.get(LOCK_TIMEOUT_ENV, "15")))
    except ValueError:
        return 15.0


def kind_of(error: DBAPIError) -> str | None:
    """The refusal a driver error stands for, or None when it is something else (a bug, a constraint)."""
    original = error.orig
    name = getattr(original, "sqlite_errorname", None)
    if isinstance(name, str):
        for prefix, kind in _SQLITE_KINDS.items():
            if name.startswith(prefix):
                return kind
        return None
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    if isinstance(state, str):
        for prefix in sorted(_POSTGRES_KINDS, key=len, reverse=True):
            if state.startswith(prefix):
                return _POSTGRES_KINDS[prefix]
    text = str(original).lower()
    if "read-only" in text or "readonly" in text:
        return "read_only"
    if "database is locked" in text:
        return "locked"
    return None


def describe(url: str) -> str:
    """The database as a researcher knows it: the SQLite file, or host/database without the password."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database or ":memory:")
    return f"{parsed.host or 'localhost'}/{parsed.database}"


def store_error(error: DBAPIError, url: str, language: str, *, writing: bool) -> StoreError | None:
    """One sentence for a known refusal (None: let the original error through)."""
    kind = kind_of(error)
    if kind is None:
        return None
    detail = str(error.orig).strip().splitlines()[0] if error.orig is not None else ""
    key = f"safety.store.{kind}"
    message = t(key, language, database=describe(url), detail=detail, seconds=f"{lock_timeout():g}")
    if writing:
        message += " " + t("safety.store.nothing_written", language)
    return StoreError(kind, message)


@contextmanager
def said_as_store_errors(store: Store, *, writing: bool) -> Iterator[None]:
    """A known refusal the store's driver raises in the block becomes its `StoreError` (`store_error`); any
    other error goes through as it is. Shared by the store's transactions and readings and the warm
    search's pooled reader."""
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as exc:
        known = store_error(exc, store.url, store.language, writing=writing)
        if known is None:
            raise
        raise known from exc


def pause_if_asked(session: Session) -> None:
    """Test-only: with SDI_TEST_PAUSE_BEFORE_COMMIT set, flush, say so on stderr and sleep — the moment a
    fault test kills the process, with the whole unit of work sent to the database but not committed."""
    value = os.environ.get(PAUSE_ENV)
    if not value:
        return
    session.flush()
    print(PAUSE_SIGNAL, file=sys.stderr, flush=True)
    time.sleep(float(value))
