"""Alembic migrations run on open: one transaction per upgrade, DDL included, after a backup copy.

The upgrade takes the database's write lock first (SQLite: `BEGIN IMMEDIATE` on a connection whose driver
leaves transaction control to us, see `sdi.storage.engine.transactional_sqlite_engine`; PostgreSQL: a
transaction-scoped advisory lock, its DDL being transactional anyway), reads the revision under that lock,
copies the database to `.sdi/backups/` and runs every migration step in that same transaction. So an upgrade
that fails, is interrupted with Ctrl-C or killed leaves the old schema and data exactly as they were, and
the next open simply tries again. The backup is written owner-only from its first byte under a temporary
name and renamed into place when whole; there is one per revision step (`sdi-<from>-to-<to>.sqlite`), a new
attempt replacing the old one. Called by `sdi.storage.open_store` and `sdi.workflow.database`."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.exc import DBAPIError

from sdi.i18n import said, t
from sdi.i18n.outside import os_reason
from sdi.storage.engine import sqlite_path, transactional_sqlite_engine
from sdi.storage.faults import describe, store_error

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
PARTIAL = ".partial"  # suffix of a backup still being written (never a good copy)
# pg_advisory_xact_lock key: two processes opening an old store at once upgrade it one after the other
_POSTGRES_LOCK = 0x5D1_0001

StatementHook = Callable[[str], None]


class MigrationError(Exception):
    """A schema upgrade failed or could not start; the database is as it was before."""


def alembic_config(engine: Engine | None = None) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


# ---- backups ----------------------------------------------------------------------------------------------


def private_folder(folder: Path) -> Path:
    """Create `folder` (and parents) for copies of the analysis: owner-only."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def copy_sqlite(database: Path, target: Path) -> Path:
    """A consistent copy of `database` at `target` through SQLite's online backup API (safe with WAL and
    open readers). Owner-only from its first byte, written under a temporary name beside `target` and
    renamed over it only when whole: whatever is found at `target` is a complete copy."""
    private_folder(target.parent)
    partial = target.with_name(f".{target.name}.{os.getpid()}{PARTIAL}")
    os.close(os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600))
    try:
        source = sqlite3.connect(database)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        with open(partial, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return target


def backup_sqlite(database: Path, backup_dir: Path, label: str) -> Path:
    """A time-stamped consistent copy of `database` in `backup_dir` (see `copy_sqlite`)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return copy_sqlite(database, backup_dir / f"{database.stem}-{stamp}-{label}.sqlite")


def step_backup(backup_dir: Path, stem: str, current: str, wanted: str, suffix: str) -> Path:
    """Where the copy taken before upgrading from `current` to `wanted` is kept (one per step)."""
    return backup_dir / f"{stem}-{current}-to-{wanted}{suffix}"


def remove_partial_backups(backup_dir: Path, stem: str) -> None:
    """Half-written backups of `stem` left by a process killed while copying (called under the write
    lock, so no other process is writing one now)."""
    if backup_dir.is_dir():
        for leftover in backup_dir.glob(f".{stem}-*{PARTIAL}*"):
            leftover.unlink(missing_ok=True)


def backup_postgres(url: str, target: Path, language: str = "nb") -> Path | None:
    """A `pg_dump` (custom format) of the database at `target` when the client tools are installed; None
    otherwise — then the server's own backups are what protects the data, and the caller says so. Written
    owner-only from its first byte (umask 077) under a temporary name, renamed when whole."""
    import shutil

    from sqlalchemy.engine import make_url

    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        return None
    parsed = make_url(url)
    private_folder(target.parent)
    partial = target.with_name(f".{target.name}.{os.getpid()}{PARTIAL}")
    env = {**os.environ}
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    command_line = [pg_dump, "--format=custom", "--file", str(partial), "--dbname", str(parsed.database)]
    for flag, value in (("--host", parsed.host), ("--port", parsed.port), ("--username", parsed.username)):
        if value:
            command_line += [flag, str(value)]
    try:
        result = subprocess.run(command_line, env=env, capture_output=True, text=True, umask=0o077)
        if result.returncode != 0:
            raise MigrationError(t("safety.upgrade.pg_dump", language, detail=result.stderr.strip()))
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


# ---- the upgrade ------------------------------------------------------------------------------------------


def upgrade(
    engine: Engine,
    backup_dir: Path,
    target: str = "head",
    *,
    language: str = "en",
    on_statement: StatementHook | None = None,
) -> Path | None:
    """Bring the schema to `target` in one transaction, after a backup (an SQLite copy, or a `pg_dump` on
    PostgreSQL when installed). Returns that backup; None when there was nothing to do, for a new database,
    or without pg_dump. `on_statement` is called with each SQL statement before it runs (the tests stop
    the upgrade there). A failure raises MigrationError naming the backup, with the database unchanged."""
    wanted = head_revision() if target == "head" else target
    current = current_revision(engine)
    if current == wanted:
        return None
    url = engine.url.render_as_string(hide_password=False)
    database = sqlite_path(url)
    step = _Step(current, wanted)
    try:
        _run(engine, url, database, backup_dir, target, step, language, on_statement)
    except MigrationError:
        raise
    except Exception as exc:
        if _interrupted(exc):  # Ctrl-C, then a clean-up step failing on the closed connection
            raise KeyboardInterrupt from exc
        known = store_error(exc, url, language, writing=False) if isinstance(exc, DBAPIError) else None
        if known is not None and not step.locked:
            raise known from exc  # the write lock or the file refused before anything began
        raise MigrationError(_failure(engine, step, exc, language)) from exc
    return step.backup


@dataclass
class _Step:
    """What an upgrade got to: the revision it found, whether it holds the lock, the backup it took."""

    current: str | None
    wanted: str
    locked: bool = False
    backup: Path | None = None
    older: Path | None = None  # a copy an earlier sdi took before its own, not atomic, attempt at this step


def _run(
    engine: Engine,
    url: str,
    database: Path | None,
    backup_dir: Path,
    target: str,
    step: _Step,
    language: str,
    on_statement: StatementHook | None,
) -> None:
    """Lock, read the revision again, back up, migrate: one transaction (see the module docstring)."""
    migrator = transactional_sqlite_engine(url) if database is not None else engine

    def listener(_conn: Connection, _cursor: Any, statement: str, *_rest: Any) -> None:
        if on_statement is not None:
            on_statement(statement)

    event.listen(migrator, "before_cursor_execute", listener)
    try:
        with migrator.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _POSTGRES_LOCK})
            step.locked = True
            step.current = MigrationContext.configure(connection).get_current_revision()
            if step.current == step.wanted:  # another process upgraded it while we waited for the lock
                return
            if step.current is not None:
                step.backup = _backup(url, database, backup_dir, step.current, step.wanted, language)
                earlier = sorted(backup_dir.glob(f"*-before-{step.wanted}.*")) if backup_dir.is_dir() else []
                step.older = earlier[0] if earlier else None
            cfg = alembic_config(engine)
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, target)
    finally:
        event.remove(migrator, "before_cursor_execute", listener)
        if migrator is not engine:
            migrator.dispose()


def _backup(
    url: str, database: Path | None, backup_dir: Path, current: str, wanted: str, language: str
) -> Path | None:
    """The copy before the step `current` → `wanted`, replacing an earlier attempt's copy of that step."""
    try:
        if database is not None:
            remove_partial_backups(backup_dir, database.stem)
            return copy_sqlite(database, step_backup(backup_dir, database.stem, current, wanted, ".sqlite"))
        from sqlalchemy.engine import make_url

        stem = str(make_url(url).database)
        remove_partial_backups(backup_dir, stem)
        return backup_postgres(url, step_backup(backup_dir, stem, current, wanted, ".dump"), language)
    except OSError as exc:
        raise MigrationError(
            t("safety.upgrade.no_room", language, folder=backup_dir, detail=said(os_reason(exc), language))
        ) from exc


def _interrupted(exc: BaseException) -> bool:
    """Did a KeyboardInterrupt start this chain of exceptions?"""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _failure(engine: Engine, step: _Step, exc: Exception, language: str) -> str:
    """One sentence: what failed, that nothing changed (checked), and which copy is known to be good."""
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    reason = detail[0] if detail else type(exc).__name__
    database = describe(engine.url.render_as_string(hide_password=True))
    try:
        now = current_revision(engine)
    except Exception:  # the store cannot be read at all: say so through the backup
        now = "?"
    key = "safety.upgrade.failed" if now == step.current else "safety.upgrade.failed_changed"
    before = step.current or "—"
    message = t(key, language, database=database, before=before, after=step.wanted, detail=reason)
    if step.backup is not None:
        message += " " + t("safety.upgrade.known_good", language, path=step.backup)
    if step.older is not None:  # the database may be half upgraded by that sdi: this copy is from before
        message += " " + t("safety.upgrade.older", language, path=step.older)
    return message
