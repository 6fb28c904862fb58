"""A schema upgrade is one transaction, DDL included: interrupted anywhere — between any two of its statements
(a hook), by Ctrl-C or by a kill in a real process — it leaves the old schema and data, the project opens
the next time, one owner-only backup per revision step is kept, and the failure names that backup."""

from __future__ import annotations

import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text

from sdi.storage.engine import create_store_engine
from sdi.storage.migrate import MigrationError, alembic_config, current_revision, head_revision, upgrade
from sdi.workflow.code import add_coding, create_code
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project, open_project
from sdi.workflow.search import search
from tests.conftest import transcript_md, write
from tests.workflow.test_search import STAGE_1

FIRST = "20261123_0001"
BEFORE_COMPACT = "20261123_0003"


class Interrupted(Exception):
    """What the statement hook raises to stop an upgrade (besides KeyboardInterrupt)."""


def _downgrade(engine: Engine, revision: str) -> None:
    cfg = alembic_config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)


def snapshot(engine: Engine) -> list[object]:
    """Tables, columns, indexes and every row (the engine's own full-text tables only by name): equal
    snapshots mean the upgrade left no trace."""
    found: list[object] = []
    schema = inspect(engine)
    with engine.connect() as connection:
        for table in sorted(schema.get_table_names()):
            found.append(table)
            if table.startswith("utterance_fts"):
                continue
            found.append([(c["name"], str(c["type"])) for c in schema.get_columns(table)])
            indexes = schema.get_indexes(table)
            found.append(sorted((i["name"] or "", tuple(i["column_names"])) for i in indexes))
            rows = connection.execute(text(f'SELECT * FROM "{table}"'))
            found.append(sorted(repr(tuple(row)) for row in rows))
    return found


def backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*") if p.is_file()) if folder.exists() else []


@pytest.fixture
def old_project(project: Project, project_dir: Path) -> Iterator[Path]:
    """A project with a coded transcript whose store was taken down to the first revision."""
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, STAGE_1))
    import_paths(project, [])
    document_id = 1
    code = create_code(project, "ingen visste hvem som hadde stafettpinnen")
    add_coding(project, code, document_id, 80, 120)
    engine = project.store.engine
    project.close()
    _downgrade(engine, FIRST)
    engine.dispose()
    yield project_dir


def stop_at(index: int) -> Callable[[str], None]:
    """A statement hook that stops the upgrade just before its `index`-th statement: Ctrl-C at odd
    indexes, an error at even ones."""
    seen = 0

    def hook(_statement: str) -> None:
        nonlocal seen
        if seen == index:
            raise KeyboardInterrupt if index % 2 else Interrupted(f"stopped before statement {index}")
        seen += 1

    return hook


def test_an_upgrade_stopped_between_any_two_statements_changes_nothing(
    old_project: Path, database_url: str
) -> None:
    from sdi.config import load_config

    url = load_config(old_project).resolved_database_url()
    folder = old_project / ".sdi" / "backups"
    engine = create_store_engine(url)
    before = snapshot(engine)
    assert current_revision(engine) == FIRST
    stops = 0
    for index in range(2000):
        try:
            upgrade(engine, folder, on_statement=stop_at(index))
        except KeyboardInterrupt:
            pass
        except MigrationError as exc:
            assert f"stopped before statement {index}" in str(exc)
            assert "nothing was changed" in str(exc) and FIRST in str(exc)
            kept = backups(folder)
            if kept:  # it names the known-good copy (none on PostgreSQL without pg_dump)
                assert str(kept[0]) in str(exc)
        else:
            break  # the hook never fired: the whole upgrade ran
        stops += 1
        engine.dispose()
        assert current_revision(engine) == FIRST, f"stopped before statement {index}"
        assert snapshot(engine) == before, f"stopped before statement {index}"
        kept = backups(folder)
        assert len(kept) <= 1 and not list(folder.glob(".*")), kept  # one per step, no half-written ones
        for path in kept:
            assert path.name.endswith(f"{FIRST}-to-{head_revision()}{path.suffix}")
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stops > 20  # every statement of four revisions was a stopping point (PostgreSQL: 28, SQLite: 90)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    assert len(backups(folder)) <= 1
    if not database_url:
        copy = sqlite3.connect(backups(folder)[0])
        try:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchone()[0] == FIRST
        finally:
            copy.close()
    reopened = open_project(old_project, coder="tester", exact=True)
    try:
        from sdi.workflow.search import reindex_missing

        reindex_missing(reopened)
        assert search(reopened, "stafettpinne").hits
    finally:
        reopened.close()


def test_a_failed_upgrade_names_the_backup_and_the_next_open_upgrades(old_project: Path) -> None:
    from sdi.config import load_config

    url = load_config(old_project).resolved_database_url()
    engine = create_store_engine(url)
    for _attempt in range(3):
        with pytest.raises(MigrationError, match="nothing was changed"):
            upgrade(engine, old_project / ".sdi" / "backups", on_statement=stop_at(12))
    engine.dispose()
    assert len(backups(old_project / ".sdi" / "backups")) <= 1  # three attempts, one copy of the step
    project = open_project(old_project, coder="tester", exact=True)
    try:
        assert current_revision(project.store.engine) == head_revision()
    finally:
        project.close()


def test_a_failure_also_names_the_copy_an_earlier_sdi_took_first(old_project: Path) -> None:
    """A store an earlier sdi left half upgraded fails the same step each time: the message points at the
    oldest copy that sdi took before its first attempt, the one to put back."""
    from sdi.config import load_config

    folder = old_project / ".sdi" / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    oldest = folder / f"sdi-20260101-080000-000000-before-{head_revision()}.sqlite"
    for stamp in ("20260101-080000-000000", "20260102-080000-000000"):
        (folder / f"sdi-{stamp}-before-{head_revision()}.sqlite").write_bytes(b"")
    engine = create_store_engine(load_config(old_project).resolved_database_url())
    with pytest.raises(MigrationError) as failed:
        upgrade(engine, folder, on_statement=stop_at(12))
    engine.dispose()
    message = str(failed.value)
    assert "An earlier version of sdi took this copy before its first, interrupted attempt" in message
    assert str(oldest) in message


def test_two_processes_opening_an_old_store_upgrade_it_once(old_project: Path) -> None:
    runs = [
        subprocess.Popen([sys.executable, "-m", "sdi.cli.main", "status"], cwd=old_project,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]  # fmt: skip
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert "Traceback" not in err
    from sdi.config import load_config

    engine = create_store_engine(load_config(old_project).resolved_database_url())
    assert current_revision(engine) == head_revision()
    engine.dispose()
    assert len(backups(old_project / ".sdi" / "backups")) <= 1


# ---- real signals on a store whose upgrade takes seconds (SQLite) ------------------------------------------


def _multiply_turns(database: Path, times: int) -> None:
    """Copy every turn and its index row `times - 1` more times (at revision 0003), so the compact-index
    upgrade has tens of thousands of rows to rewrite."""
    connection = sqlite3.connect(database)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(utterances)")]
        index_columns = [row[1] for row in connection.execute("PRAGMA table_info(utterance_index)")]
        turns = connection.execute("SELECT max(id) FROM utterances").fetchone()[0]
        seqs = connection.execute("SELECT max(seq) FROM utterances").fetchone()[0] + 1
        for k in range(1, times):
            moved = {"id": f"id + {k * turns}", "seq": f"seq + {k * seqs}"}
            picked = ", ".join(moved.get(c, f'"{c}"') for c in columns)
            names = ", ".join(f'"{c}"' for c in columns)
            connection.execute(f"INSERT INTO utterances ({names}) SELECT {picked} FROM utterances "
                               f"WHERE id <= {turns}")  # fmt: skip
            shifted = f"utterance_id + {k * turns}"
            picked = ", ".join(shifted if c == "utterance_id" else c for c in index_columns)
            connection.execute(f"INSERT INTO utterance_index ({', '.join(index_columns)}) SELECT {picked} "
                               f"FROM utterance_index WHERE utterance_id <= {turns}")  # fmt: skip
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


@pytest.fixture(scope="module")
def large_old_store(demo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project's store at revision 0003 with its turns copied 25 times (a few seconds to upgrade)."""
    database = tmp_path_factory.mktemp("large") / "sdi.sqlite"
    source = sqlite3.connect(demo_root / ".sdi" / "sdi.sqlite")
    target = sqlite3.connect(database)
    source.backup(target)
    source.close()
    target.close()
    engine = create_store_engine(f"sqlite:///{database}")
    _downgrade(engine, BEFORE_COMPACT)
    engine.dispose()
    _multiply_turns(database, 25)
    return database


def _revision(database: Path) -> str:
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def _wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the upgrade never got there"
        time.sleep(0.01)


@pytest.mark.parametrize(
    ("signal_number", "moment"),
    [(signal.SIGKILL, "backup"), (signal.SIGKILL, 0.3), (signal.SIGKILL, 1.5), (signal.SIGINT, "backup"),
     (signal.SIGINT, 0.3), (signal.SIGINT, 1.5)],
)  # fmt: skip
def test_a_killed_or_interrupted_upgrade_leaves_a_project_that_opens(
    large_old_store: Path, tmp_path: Path, signal_number: int, moment: str | float
) -> None:
    from sdi.workflow.project import init_project

    root = tmp_path / "studie"
    init_project(root)
    state = root / ".sdi"
    state.mkdir()
    database = state / "sdi.sqlite"
    source, target = sqlite3.connect(large_old_store), sqlite3.connect(database)
    source.backup(target)
    source.close()
    target.close()
    folder = state / "backups"
    step = f"sdi-{BEFORE_COMPACT}-to-{head_revision()}.sqlite"
    run = subprocess.Popen([sys.executable, "-m", "sdi.cli.main", "db", "upgrade"], cwd=root,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, umask=0)  # fmt: skip
    try:
        if moment == "backup":  # while the copy is being written: owner-only already, whatever the umask
            _wait_for(lambda: any(folder.glob(f".{step}.*")) if folder.exists() else False)
            partial = next(folder.glob(f".{step}.*"))
            assert stat.S_IMODE(partial.stat().st_mode) == 0o600
        else:
            _wait_for(lambda: (folder / step).exists())
            time.sleep(float(moment))
        run.send_signal(signal_number)
        _out, err = run.communicate(timeout=120)
    finally:
        run.kill()
    assert run.returncode != 0, "the upgrade finished before the signal: make the store larger"
    assert "Traceback" not in err
    assert _revision(database) == BEFORE_COMPACT  # the old schema, whole
    for path in folder.glob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    done = subprocess.run([sys.executable, "-m", "sdi.cli.main", "status"], cwd=root, capture_output=True,
                          text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _revision(database) == head_revision()
    assert [p.name for p in backups(folder)] == [step] and not list(folder.glob(".*"))
