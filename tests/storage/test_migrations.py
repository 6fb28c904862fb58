"""The schema comes from Alembic, upgrades run on open after a backup, and a failed upgrade restores it."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

import sdi.storage.migrate as migrate
from sdi.storage.base import Base
from sdi.storage.engine import create_store_engine
from sdi.storage.migrate import MigrationError, alembic_config, current_revision, head_revision, upgrade

EXPECTED_TABLES = {
    "focus_groups",
    "stages",
    "participants",
    "documents",
    "document_versions",
    "utterances",
    "coders",
    "codes",
    "codings",
    "code_groups",
    "concepts",
    "concept_quotes",
    "memos",
    "quote_sets",
    "quotes",
    "audit_events",
    "alembic_version",
    "history_entries",
    "history_changes",
    "utterance_index",
}


def test_fresh_database_is_migrated_to_head(tmp_path: Path) -> None:
    engine = create_store_engine(f"sqlite:///{tmp_path / 'a.sqlite'}")
    assert upgrade(engine, tmp_path / "backups") is None  # nothing to back up in a new file
    assert current_revision(engine) == head_revision()
    tables = {name for name in inspect(engine).get_table_names() if not name.startswith("utterance_fts")}
    assert tables == EXPECTED_TABLES
    assert not (tmp_path / "backups").exists()
    engine.dispose()


def test_models_and_migrations_agree(tmp_path: Path, database_url: str) -> None:
    engine = create_store_engine(database_url or f"sqlite:///{tmp_path / 'a.sqlite'}")
    upgrade(engine, tmp_path / "backups")
    with engine.connect() as connection:
        from sdi.storage.migrations_filter import include_object

        context = MigrationContext.configure(connection, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    engine.dispose()


def test_head_constant_matches_the_migration_scripts() -> None:
    from sdi.storage.revision import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for revision in revisions:
        assert not revision.is_merge_point


def test_sqlite_is_wal_with_foreign_keys_and_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "store" / "a.sqlite"
    engine = create_store_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    engine.dispose()


def _extra_revisions(tmp_path: Path, body: str) -> Path:
    """A copy of the real migrations plus one more revision on top of head."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9999_extra.py").write_text(
        f'''
import sqlalchemy as sa
from alembic import op

revision = "9999_extra"
down_revision = "{head_revision()}"
branch_labels = None
depends_on = None


def upgrade():
{body}


def downgrade():
    pass
''',
        encoding="utf-8",
    )
    return folder


def _store_with_a_group(tmp_path: Path) -> tuple[Path, object]:
    database = tmp_path / "a.sqlite"
    engine = create_store_engine(f"sqlite:///{database}")
    upgrade(engine, tmp_path / "backups")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO focus_groups (name, site, category, description, uid, created_at) "
                "VALUES ('Barnehage Fjordvik', 'Fjordvik', 'Barnehage', '', 'u1', '2025-01-01')"
            )
        )
    return database, engine


def test_upgrade_takes_a_backup_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, engine = _store_with_a_group(tmp_path)
    monkeypatch.setattr(
        migrate,
        "MIGRATIONS_DIR",
        _extra_revisions(
            tmp_path, '    op.add_column("focus_groups", sa.Column("note", sa.Text(), nullable=True))'
        ),
    )
    backup = upgrade(engine, tmp_path / "backups")  # type: ignore[arg-type]
    assert backup is not None and backup.exists()
    assert current_revision(engine) == "9999_extra"  # type: ignore[arg-type]
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("SELECT name FROM focus_groups").fetchall() == [("Barnehage Fjordvik",)]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "9999_extra"
    finally:
        copy.close()
    engine.dispose()  # type: ignore[attr-defined]


def test_failed_upgrade_leaves_the_previous_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database, engine = _store_with_a_group(tmp_path)
    before = head_revision()
    monkeypatch.setattr(
        migrate,
        "MIGRATIONS_DIR",
        _extra_revisions(
            tmp_path,
            '    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))\n'
            '    op.execute("DELETE FROM focus_groups")\n'
            '    raise RuntimeError("power cut")',
        ),
    )
    with pytest.raises(MigrationError, match="nothing was changed") as failure:
        upgrade(engine, tmp_path / "backups")  # type: ignore[arg-type]
    backups = list((tmp_path / "backups").glob("*"))
    assert len(backups) == 1 and str(backups[0]) in str(failure.value)  # it names the known-good copy
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("SELECT name FROM focus_groups").fetchall() == [("Barnehage Fjordvik",)]
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == before
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "half_done" not in tables
    finally:
        connection.close()


def test_opening_a_project_migrates_it_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sdi.workflow.project import init_project, open_project

    root = tmp_path / "studie"
    init_project(root)
    open_project(root, exact=True).close()  # a store at the current head
    monkeypatch.setattr(
        migrate,
        "MIGRATIONS_DIR",
        _extra_revisions(
            tmp_path, '    op.add_column("codes", sa.Column("colour_name", sa.Text(), nullable=True))'
        ),
    )
    monkeypatch.setattr("sdi.storage.revision.HEAD_REVISION", "9999_extra")
    project = open_project(root, exact=True)
    try:
        assert current_revision(project.store.engine) == "9999_extra"
    finally:
        project.close()
    backups = list((root / ".sdi" / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600


def test_postgres_upgrade_is_preceded_by_a_pg_dump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    if not database_url:
        pytest.skip("the PostgreSQL half of this test")
    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed")
    engine = create_store_engine(database_url)
    upgrade(engine, tmp_path / "backups")
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO focus_groups (name, site, category, description, uid, created_at) "
                 "VALUES ('Skole Åsmark', 'Åsmark', 'Skole', '', 'u2', now())")
        )  # fmt: skip
    extra = '    op.add_column("focus_groups", sa.Column("note", sa.Text(), nullable=True))'
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", _extra_revisions(tmp_path, extra))
    backup = upgrade(engine, tmp_path / "backups")
    engine.dispose()
    assert backup is not None and backup.suffix == ".dump" and stat.S_IMODE(backup.stat().st_mode) == 0o600
    listing = subprocess.run(["pg_restore", "--list", str(backup)], capture_output=True, text=True)
    assert "TABLE DATA public focus_groups" in listing.stdout
