"""A database that refuses writes — a read-only file or folder, a write lock held by another process, a full
disk — gives one clear sentence (in the CLI: one `sdi: feil:` line, exit 2), loses nothing committed,
stays sound (`PRAGMA integrity_check`), and can still be read."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdi.cli.main import main
from sdi.storage.faults import LOCK_TIMEOUT_ENV, StoreError
from sdi.workflow.code import create_code, list_codes
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.integrity import check_store
from sdi.workflow.project import Project, open_project
from sdi.workflow.search import search
from tests.conftest import POSTGRES_URL, REPO, dump_store

CODEBOOK = REPO / "codebooks" / "demo-analyse.toml"
SQLITE_HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("INSERT INTO coders (uid, name, created_at) VALUES ('x', 'holder', '2026-01-01')")
print("locked", flush=True)
time.sleep(300)
"""
POSTGRES_HOLDER = """
import sys, time, psycopg
connection = psycopg.connect(sys.argv[1].replace("postgresql+psycopg://", "postgresql://"))
connection.execute("LOCK TABLE codes IN EXCLUSIVE MODE")  # others may read codes, nobody may write them
print("locked", flush=True)
time.sleep(300)
"""


@pytest.fixture
def demo(demo_root: Path, tmp_path: Path) -> Path:
    """A private copy of the imported demo project."""
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root)
    return root


def one_line_error(err: str, *words: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sdi: feil: "), err
    assert all(word in lines[0] for word in words), lines[0]
    return lines[0]


def sound(root: Path) -> None:
    """`PRAGMA integrity_check` ok and everything `sdi check` checks."""
    with sqlite3.connect(root / ".sdi" / "sdi.sqlite") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    project = open_project(root, exact=True)
    try:
        assert check_store(project).ok, check_store(project).problems
    finally:
        project.close()


def snapshot(root: Path) -> str:
    project = open_project(root, exact=True)
    try:
        return dump_store(project)
    finally:
        project.close()


# ---- read-only ---------------------------------------------------------------------------------------------


def as_ordinary_user() -> list[str]:
    """Root writes through any permission bits: run the child without that power (CAP_DAC_OVERRIDE)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot be made to bind")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def sdi_child(root: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    command = [*as_ordinary_user(), sys.executable, "-m", "sdi.cli.main", "--project", str(root), *argv]
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_can_be_read_and_refuses_writes_clearly(demo: Path, what: str) -> None:
    before = snapshot(demo)
    database = demo / ".sdi" / "sdi.sqlite"
    locked = database if what == "file" else database.parent
    mode = locked.stat().st_mode
    locked.chmod(stat.S_IRUSR | (stat.S_IXUSR if what == "folder" else 0))
    try:
        status = sdi_child(demo, "status")
        assert status.returncode == 0, status.stderr
        assert "16" in status.stdout  # the transcripts are there to read
        found = sdi_child(demo, "search", "ringe")
        assert found.returncode == 0 and "ringe" in found.stdout.lower(), found.stderr
        refused = sdi_child(demo, "codebook", "import", str(CODEBOOK))
        assert refused.returncode == 2
        one_line_error(refused.stderr, "skrivebeskyttet", "Ingenting ble lagret", str(database))
    finally:
        locked.chmod(mode)
    assert snapshot(demo) == before
    sound(demo)


def test_a_read_only_postgresql_database_can_be_read_and_refuses_writes_clearly(
    project: Project, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    if not database_url:
        pytest.skip("PostgreSQL only (SQLite: the file and folder tests above)")
    import psycopg

    create_code(project, "Venter med å ringe hjem")
    before = dump_store(project)
    name = database_url.rsplit("/", 1)[1]
    admin = POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://")  # the server's own database
    with psycopg.connect(admin, autocommit=True) as connection:  # as a standby or a read-only role is
        connection.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    try:
        reader = open_project(project.root, coder="tester", exact=True)
        try:
            assert [c.statement for c in list_codes(reader)] == ["Venter med å ringe hjem"]
            with pytest.raises(StoreError, match="skrivebeskyttet") as refused:
                create_code(reader, "Stafettloggen ligger i en perm")
            assert refused.value.kind == "read_only"
        finally:
            reader.close()
        assert main(["--project", str(project.root), "codebook", "import", str(CODEBOOK)]) == 2
        one_line_error(capsys.readouterr().err, "skrivebeskyttet", "Ingenting ble lagret")
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
    assert dump_store(project) == before


# ---- locked by another process ----------------------------------------------------------------------------


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.5")


def hold_write_lock(project: Project) -> subprocess.Popen[str]:
    url = project.store.engine.url.render_as_string(hide_password=False)
    if url.startswith("sqlite"):
        script, target = SQLITE_HOLDER, str(project.root / ".sdi" / "sdi.sqlite")
    else:
        script, target = POSTGRES_HOLDER, url
    holder = subprocess.Popen([sys.executable, "-c", script, target], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


@pytest.fixture
def locked(project: Project, short_lock_wait: None) -> Iterator[subprocess.Popen[str]]:
    create_code(project, "Venter med å ringe hjem")
    holder = hold_write_lock(project)
    yield holder
    holder.kill()
    holder.wait()


def test_a_write_lock_held_elsewhere_is_a_clear_refusal(
    project: Project, locked: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = [c.statement for c in list_codes(project)]
    with pytest.raises(StoreError, match="låst av en annen prosess") as refused:
        create_code(project, "Stafettloggen ligger i en perm")
    assert refused.value.kind == "locked"
    assert [c.statement for c in list_codes(project)] == before  # reading goes on
    code = main(["--project", str(project.root), "codebook", "import", str(CODEBOOK)])
    assert code == 2
    one_line_error(capsys.readouterr().err, "låst av en annen prosess", "Ingenting ble lagret")
    locked.kill()
    locked.wait()
    create_code(project, "Stafettloggen ligger i en perm")  # once the lock is gone, writing works again
    assert sorted(c.statement for c in list_codes(project)) == sorted(
        [*before, "Stafettloggen ligger i en perm"]
    )
    assert check_store(project).ok


# ---- disk full --------------------------------------------------------------------------------------------


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """No new SQLite connection may grow the file (and the test vacuums it first, so there are no free pages
    inside it either): SQLite reports SQLITE_FULL, exactly as on a full disk."""
    from sdi.storage import engine

    original = engine._sqlite_pragmas

    def limited(connection, record):  # type: ignore[no-untyped-def]
        original(connection, record)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(engine, "_sqlite_pragmas", limited)


def test_a_full_disk_loses_nothing_and_still_reads(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(demo)
    with sqlite3.connect(demo / ".sdi" / "sdi.sqlite") as connection:
        connection.execute("VACUUM")
    with monkeypatch.context() as patch:
        full_disk(patch)
        project = open_project(demo, coder="tester", exact=True)
        try:
            with pytest.raises(StoreError, match="disken er full") as refused:
                import_codebook_file(project, CODEBOOK)
            assert refused.value.kind == "full"
            assert search(project, "ringe").hits  # reading still works
        finally:
            project.close()
        assert main(["--project", str(demo), "codebook", "import", str(CODEBOOK)]) == 2
        one_line_error(capsys.readouterr().err, "disken er full", "Ingenting ble lagret")
    assert snapshot(demo) == before
    sound(demo)
    project = open_project(demo, coder="tester", exact=True)  # room again: the same import completes
    try:
        assert import_codebook_file(project, CODEBOOK).codes
    finally:
        project.close()
    sound(demo)
