"""A project opened for work: its config, its store and the active coder. Created by the faces, passed to
every service.

An SQLite store already at the current schema is opened lazily: until something asks for `store` (a write,
an ORM query), `reading_rows` serves plain SQL through a read-only sqlite3 connection (`sdi.storage.lean`),
so the workbench draws its first screen without importing SQLAlchemy; `warm_up` then loads SQLAlchemy and
the models and opens the store in a background thread. Any other store (new, to migrate, the target of an
unfinished copy, PostgreSQL) is opened at once, as before."""

from __future__ import annotations

import getpass
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sdi.config import CONFIG_NAME, Config, find_project, load_config, write_default
from sdi.storage import open_store

if TYPE_CHECKING:  # SQLAlchemy and the models load with the store, not with this module (`sdi status`)
    from sqlalchemy.orm import Session

    from sdi.storage.engine import Store
    from sdi.storage.lean import Reader
    from sdi.storage.models import AuditEvent

PROJECT_FOLDERS = ("corpus", "codebooks", "exports")
GITIGNORE = ".sdi/\n"


@dataclass
class Project:
    config: Config
    coder_name: str
    _store: Store | None = field(default=None, repr=False)
    _lean: sqlite3.Connection | None = field(default=None, repr=False)  # read while the store is unopened
    _coder_id: int | None = field(default=None, repr=False)
    coder_chosen: bool = True  # False when the name is only the login name: the workbench asks who codes
    _opening: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _warming: threading.Thread | None = field(default=None, repr=False)

    @property
    def store(self) -> Store:
        """The store, opened (checked, migrated if needed) on first use."""
        if self._store is None:
            self._settle()  # the warm-up may be opening it right now
            with self._opening:
                if self._store is None:
                    self._store = open_store(self.config)
        return self._store

    @property
    def store_url(self) -> str:
        """The store's URL without its password (a lean store's plain `sqlite:///` URL has none)."""
        if self._store is None and self._lean is not None:
            return self.config.resolved_database_url()
        return self.store.url

    @contextmanager
    def reading_rows(self) -> Iterator[Reader]:
        """Plain SQL (`sdi.storage.lean.Reader`) for a read: the lean connection while the store is not open,
        else a reading session of the store (any engine). The same SQL, the same rows either way."""
        lean = self._lean
        if self._store is None and lean is not None:
            begin = not lean.in_transaction  # else a read within a read: the outer one's snapshot
            if begin:
                lean.execute("BEGIN")  # one snapshot for every statement of the read, as a session has
            try:
                yield self._read_lean
            finally:
                if begin and lean.in_transaction:  # (an error the driver reported may have ended it)
                    lean.execute("COMMIT")
            return
        from sdi.storage.lean import session_reader

        with self.store.reading() as session:
            yield session_reader(session)

    def _read_lean(self, sql: str, **params: object) -> list[tuple[Any, ...]]:
        lean = self._lean  # closed with the project (idle, it holds no lock), unused once the store opens
        if lean is not None and self._store is None:
            try:
                return lean.execute(sql, params).fetchall()
            except sqlite3.Error:  # busy past the timeout, or changed meanwhile: the store reads or says why
                pass
        from sdi.storage.lean import session_reader

        with self.store.reading() as session:
            return session_reader(session)(sql, **params)

    def warm_up(self) -> None:
        """Load SQLAlchemy, configure the models and open the store in a background thread (the workbench
        calls this once its first screen is drawn), so the first write or ORM read does not pay for them."""
        if self._store is None and self._warming is None:
            self._warming = threading.Thread(target=self._warm, name="sdi-warm-up", daemon=True)
            self._warming.start()

    def _warm(self) -> None:
        """The warm-up thread: the models, then the store itself (its engine, its check). Whatever fails here
        (a store that cannot be opened now) is left to the first use, which says why in the ordinary way —
        never a traceback from a thread over the workbench."""
        try:
            _load_models()
            with self._opening:
                if self._store is None:
                    self._store = open_store(self.config)
        except Exception:  # said where the store is first used
            pass

    def _settle(self) -> None:
        warming, self._warming = self._warming, None
        if warming is not None and warming is not threading.current_thread():
            warming.join()

    def _drop_lean(self) -> None:
        lean, self._lean = self._lean, None
        if lean is not None:
            lean.close()

    def switch_coder(self, name: str) -> None:
        """Code as `name` (already checked) from now on: their undo history, their name on new codings."""
        self.coder_name, self._coder_id, self.coder_chosen = name, None, True

    @property
    def root(self) -> Path:
        return self.config.root

    def coder_id(self, session: Session) -> int:
        """The active coder's row, created on first write (so read-only use never writes)."""
        if self._coder_id is None:
            self._coder_id = coder_row(session, self.coder_name)
        return self._coder_id

    def record(
        self,
        session: Session,
        action: str,
        target_type: str,
        target_id: int | None,
        summary: str,
        *,
        undoable: bool = True,
        **details: object,
    ) -> AuditEvent:
        """Append an audit event in the caller's transaction (so it lands exactly when the change does).

        The first undoable event of a transaction names its undo entry; `undoable=False` (imports, undo
        itself) keeps the transaction out of the undo history."""
        from sdi.storage.history import INFO_CODER, INFO_LABEL, INFO_SKIP
        from sdi.storage.models import AuditEvent

        if undoable:
            session.info.setdefault(INFO_LABEL, summary)
            session.info[INFO_CODER] = self.coder_id(session)
        else:
            session.info[INFO_SKIP] = True
        event = AuditEvent(
            coder_id=self.coder_id(session),
            action=action,
            target_type=target_type,
            target_id=target_id,
            summary=summary,
            details=dict(details),
        )
        session.add(event)
        return event

    def close(self) -> None:
        self._settle()
        self._drop_lean()
        if self._store is not None:
            self._store.close()


WARM_UP_SWITCH = 0.0005  # seconds: the GIL changes hands this often while the models load


def _load_models() -> None:
    """Import what the store needs and configure every mapper (the first ORM query's cost). Meanwhile the
    interpreter hands the GIL over every half millisecond instead of every five, so a keystroke handled
    on the main thread does not wait behind an import."""
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, WARM_UP_SWITCH))
    try:
        from sqlalchemy.orm import configure_mappers

        import sdi.storage.engine
        import sdi.storage.history
        import sdi.storage.models  # noqa: F401

        configure_mappers()
    finally:
        sys.setswitchinterval(switch)


def coder_row(session: Session, name: str) -> int:
    """The id of the coder called `name`, created when new. Two processes making the same new coder at once
    both end up with the one row: the insert does nothing when the name was taken meanwhile (INSERT … ON
    CONFLICT DO NOTHING, on SQLite and PostgreSQL alike), and the row is read back."""
    from sqlalchemy import select

    from sdi.storage.base import new_uid, utcnow
    from sdi.storage.models import Coder

    found = session.scalar(select(Coder.id).where(Coder.name == name))
    if found is not None:
        return found
    from sqlalchemy.dialects import postgresql, sqlite

    values = {"name": name, "uid": new_uid(), "created_at": utcnow()}
    if session.get_bind().dialect.name == "postgresql":
        session.execute(postgresql.insert(Coder).values(**values).on_conflict_do_nothing(index_elements=["name"]))
    else:
        session.execute(sqlite.insert(Coder).values(**values).on_conflict_do_nothing(index_elements=["name"]))
    created = session.scalar(select(Coder.id).where(Coder.name == name))
    assert created is not None  # inserted now, or by the process that won the race
    return created


def chosen_coder(config: Config, explicit: str | None = None) -> str | None:
    """The coder someone named: --coder, then SDI_CODER, then sdi.toml; None when nobody did."""
    for candidate in (explicit, os.environ.get("SDI_CODER"), config.coder):
        if candidate and candidate.strip():
            return candidate.strip()
    return None


def resolve_coder(config: Config, explicit: str | None = None) -> str:
    """The named coder, else the login name."""
    named = chosen_coder(config, explicit)
    if named:
        return named
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "ukjent"


def open_project(start: Path | None = None, coder: str | None = None, *, exact: bool = False) -> Project:
    """Find `sdi.toml` at or above `start` (or exactly there), migrate the store and open it — or, when it is
    an SQLite file already at the current schema, only check that and open it on first use."""
    from sdi.storage.faults import lock_timeout
    from sdi.storage.lean import current_sqlite
    from sdi.storage.leftovers import remove_leftovers

    root = (start or Path.cwd()).resolve()
    if not exact:
        root = find_project(root)
    config = load_config(root)
    remove_leftovers(config.state_dir)  # a killed `sdi db copy`'s snapshot, as open_store does
    lean = current_sqlite(config.resolved_database_url(), lock_timeout())
    store = None if lean is not None else open_store(config)
    named = chosen_coder(config, coder)
    return Project(
        config=config,
        coder_name=named or resolve_coder(config),
        _store=store,
        _lean=lean,
        coder_chosen=named is not None,
    )


def init_project(directory: Path, title: str | None = None) -> Path:
    """Create a project: `sdi.toml`, `corpus/`, `codebooks/`, `exports/`, and a .gitignore for `.sdi/`."""
    directory = directory.resolve()
    directory.mkdir(parents=True, exist_ok=True)
    write_default(directory, title or directory.name)
    for name in PROJECT_FOLDERS:
        (directory / name).mkdir(exist_ok=True)
    ignore = directory / ".gitignore"
    existing = ignore.read_text(encoding="utf-8") if ignore.exists() else ""
    if ".sdi/" not in existing.split():
        ignore.write_text(
            existing + ("" if not existing or existing.endswith("\n") else "\n") + GITIGNORE, encoding="utf-8"
        )
    return directory / CONFIG_NAME
