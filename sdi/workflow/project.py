"""A project opened for work: its config, its store and the active coder. Created by the faces, passed to
every service."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.config import CONFIG_NAME, Config, find_project, load_config, write_default
from sdi.storage import open_store

if TYPE_CHECKING:  # SQLAlchemy and the models load with the store, not with this module (`sdi status`)
    from sqlalchemy.orm import Session

    from sdi.storage.engine import Store
    from sdi.storage.models import AuditEvent

PROJECT_FOLDERS = ("corpus", "codebooks", "exports")
GITIGNORE = ".sdi/\n"


@dataclass
class Project:
    config: Config
    store: Store
    coder_name: str
    _coder_id: int | None = field(default=None, repr=False)
    coder_chosen: bool = True  # False when the name is only the login name: the workbench asks who codes

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
        self.store.close()


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
    """Find `sdi.toml` at or above `start` (or exactly there), migrate the store and open it."""
    root = (start or Path.cwd()).resolve()
    if not exact:
        root = find_project(root)
    config = load_config(root)
    store = open_store(config)
    named = chosen_coder(config, coder)
    return Project(
        config=config, store=store, coder_name=named or resolve_coder(config), coder_chosen=named is not None
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
