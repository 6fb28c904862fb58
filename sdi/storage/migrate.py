"""Alembic migrations run on open, after a backup copy of the database; a failed migration puts the
backup back so the researcher's previous database is what remains."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from sdi.storage.engine import sqlite_path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class MigrationError(Exception):
    """A schema upgrade failed; the database was restored from its backup where one was taken."""


def alembic_config(engine: Engine | None = None) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_sqlite(database: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's online backup API (safe with WAL and open readers)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{database.stem}-{stamp}-{label}.sqlite"
    source = sqlite3.connect(database)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    target.chmod(0o600)
    return target


def backup_postgres(url: str, backup_dir: Path, label: str) -> Path | None:
    """A `pg_dump` (custom format) of the database when the client tools are installed; None otherwise —
    then the server's own backups are what protects the data, and the caller says so."""
    import shutil as _shutil
    import subprocess

    from sqlalchemy.engine import make_url

    pg_dump = _shutil.which("pg_dump")
    if pg_dump is None:
        return None
    parsed = make_url(url)
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{parsed.database}-{stamp}-{label}.dump"
    env = {**os.environ}
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    command = [pg_dump, "--format=custom", "--file", str(target), "--dbname", str(parsed.database)]
    for flag, value in (("--host", parsed.host), ("--port", parsed.port), ("--username", parsed.username)):
        if value:
            command += [flag, str(value)]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        target.unlink(missing_ok=True)
        raise MigrationError(
            f"pg_dump failed before the schema upgrade, nothing was changed: {result.stderr.strip()}"
        )
    target.chmod(0o600)
    return target


def _restore_sqlite(backup: Path, database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, database)


def upgrade(engine: Engine, backup_dir: Path, target: str = "head") -> Path | None:
    """Bring the schema to `target`. Returns the backup taken first: an SQLite copy, or a `pg_dump` on
    PostgreSQL (None when nothing was to do, for a fresh database, or without pg_dump — the server's own
    backups apply then; PostgreSQL's transactional DDL rolls a failed upgrade back in any case)."""
    current = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return None
    url = engine.url.render_as_string(hide_password=False)
    database = sqlite_path(url)
    backup = None
    if database is not None and current is not None:
        backup = backup_sqlite(database, backup_dir, f"before-{wanted}")
    elif engine.dialect.name == "postgresql" and current is not None:
        backup = backup_postgres(url, backup_dir, f"before-{wanted}")
    cfg = alembic_config(engine)
    try:
        with engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, target)
    except Exception as exc:
        engine.dispose()
        if backup is not None and database is not None:
            _restore_sqlite(backup, database)
            raise MigrationError(
                f"schema upgrade to {wanted} failed ({exc}); the database was restored from {backup}"
            ) from exc
        raise MigrationError(f"schema upgrade to {wanted} failed: {exc}") from exc
    return backup
