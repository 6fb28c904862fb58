"""Alembic migrations run on open, after a backup copy of the database; a failed migration puts the
backup back so the researcher's previous database is what remains."""

from __future__ import annotations

import datetime as dt
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


def _restore_sqlite(backup: Path, database: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, database)


def upgrade(engine: Engine, backup_dir: Path, target: str = "head") -> Path | None:
    """Bring the schema to `target`. Returns the backup file taken first (None when nothing to do, for a
    fresh database, or for non-SQLite engines, whose servers keep their own backups)."""
    current = current_revision(engine)
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return None
    database = sqlite_path(engine.url.render_as_string(hide_password=False))
    backup = None
    if database is not None and current is not None:
        backup = backup_sqlite(database, backup_dir, f"before-{wanted}")
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
