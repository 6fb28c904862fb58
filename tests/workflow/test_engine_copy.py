"""`sdi db copy`: the imported demo with a coded analysis goes SQLite → PostgreSQL → SQLite and comes back
row for row; the copy searches like the original; a target that is not empty is refused; a copy that does
not verify is left marked so it is never opened for work."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdi.cli.main import main
from sdi.storage import copy as store_copy
from sdi.storage.faults import StoreError
from sdi.workflow.check import record_check
from sdi.workflow.code import create_code, list_codes, rename_code
from sdi.workflow.database import copy_store, resolve_url
from sdi.workflow.errors import WorkflowError
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.history import undo
from sdi.workflow.integrity import check_store
from sdi.workflow.project import Project, init_project, open_project
from sdi.workflow.search import search
from tests.conftest import POSTGRES_URL, REPO, dump_store


@pytest.fixture(scope="module")
def analysed_demo(tmp_path_factory: pytest.TempPathFactory, demo_root: Path) -> Path:
    """The demo corpus with the seeded analysis, a recorded check and an undone rename (history rows)."""
    root = tmp_path_factory.mktemp("copy") / "demo"
    shutil.copytree(demo_root, root)
    project = open_project(root, coder="tester", exact=True)
    try:
        import_codebook_file(project, REPO / "codebooks" / "demo-analyse.toml")
        code = list_codes(project)[0]
        rename_code(project, code.id, "Æ, ø og å i en omdøpt kode")
        undo(project)
        record_check(project, "code", code.id, "lest mot utsagnene")
    finally:
        project.close()
    return root


@pytest.fixture
def demo(analysed_demo: Path, tmp_path: Path) -> Iterator[Project]:
    root = tmp_path / "demo"
    shutil.copytree(analysed_demo, root)
    project = open_project(root, coder="tester", exact=True)
    yield project
    project.close()


def project_on(root: Path, url: str) -> Project:
    """A project folder whose sdi.toml points at `url` (as a researcher switches after a copy)."""
    init_project(root, "Kopi")
    config = root / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('url = ""', f'url = "{url}"'), "utf-8")
    return open_project(root, coder="tester", exact=True)


def hits(project: Project, query: str) -> list[tuple[str, int]]:
    """Where a search finds turns (sorted: each engine ranks in its own way)."""
    return sorted((hit.source_path, hit.line) for hit in search(project, query, limit=1000).hits)


def test_sqlite_to_postgresql_and_back_is_identical(demo: Project, database_url: str, tmp_path: Path) -> None:
    if not database_url:
        pytest.skip("the PostgreSQL leg of the round trip (the sqlite param is covered below)")
    before = dump_store(demo)
    first = copy_store(demo, database_url)
    assert first.ok, first.checks
    assert {check.table for check in first.checks} >= {
        "codings",
        "codes",
        "history_changes",
        "(search index)",
    }
    assert first.rows > 1000
    team = project_on(tmp_path / "team", database_url)
    try:
        assert check_store(team).ok
        # PostgreSQL also stems the text itself (the norwegian configuration), so it may find more
        assert set(hits(demo, "ringe")) <= set(hits(team, "ringe")) and hits(demo, "ringe")
        back = copy_store(team, "tilbake.sqlite")  # relative: inside the project folder
        assert back.ok, back.checks
        new_code = create_code(team, "Ny kode på serveren")  # sequences moved past the copied ids
        assert new_code > max(code.id for code in list_codes(demo))
    finally:
        team.close()
    home = project_on(tmp_path / "home", f"sqlite:///{tmp_path / 'team' / 'tilbake.sqlite'}")
    try:
        assert dump_store(home) == before
        assert check_store(home).ok and check_store(home).notes == []
        assert hits(home, "ringe") == hits(demo, "ringe")
    finally:
        home.close()


def test_sqlite_to_sqlite_copy_is_identical_and_searchable(demo: Project, tmp_path: Path) -> None:
    report = copy_store(demo, str(tmp_path / "kopi.sqlite"))
    assert report.ok and all(check.source_rows == check.target_rows for check in report.checks)
    copy = project_on(tmp_path / "kopi", f"sqlite:///{tmp_path / 'kopi.sqlite'}")
    try:
        assert dump_store(copy) == dump_store(demo)
        assert hits(copy, "stafettlogg") == hits(demo, "stafettlogg")
        assert check_store(copy).ok
    finally:
        copy.close()


def test_a_target_that_is_not_empty_is_refused(demo: Project, project: Project) -> None:
    create_code(project, "Noe som allerede er kodet")
    before = dump_store(project)
    url = project.store.engine.url.render_as_string(hide_password=False)
    with pytest.raises(WorkflowError, match=r"ikke tom \(.*1 rader i codes"):
        copy_store(demo, url)
    assert dump_store(project) == before


def test_copying_onto_itself_is_refused(demo: Project) -> None:
    with pytest.raises(WorkflowError, match="til seg selv"):
        copy_store(demo, ".sdi/sdi.sqlite")


def test_a_copy_that_does_not_verify_is_marked_and_never_opened(
    demo: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = store_copy.copy_rows

    def loses_a_row(source, target, table):  # type: ignore[no-untyped-def]
        copied = real(source, target, table)
        if table.name == "codings":
            target.execute(table.delete().where(table.c.id == 1))
        return copied

    monkeypatch.setattr(store_copy, "copy_rows", loses_a_row)
    target = tmp_path / "halv.sqlite"
    code = main(["--project", str(demo.root), "db", "copy", "--to", str(target)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "codings" in out and "ULIK" in out
    assert err.strip().splitlines() == [
        "sdi: feil: kopien stemmer ikke i codings; måldatabasen er merket som ubrukelig"
    ]
    with pytest.raises(StoreError, match="ikke ble fullført"):
        project_on(tmp_path / "halv", f"sqlite:///{target}")
    monkeypatch.setattr(store_copy, "copy_rows", real)
    with pytest.raises(WorkflowError, match="ikke tom"):  # and a second copy will not write over it
        copy_store(demo, str(target))


def test_the_cli_copies_and_prints_the_comparison(demo: Project, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--project", str(demo.root), "db", "copy", "--to", str(tmp_path / "k.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "codings" in out and "lik" in out and "ULIK" not in out
    assert "Alle 19 tabeller stemmer" in out


def test_an_environment_variable_keeps_the_password_out_of_files(
    demo: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SDI_COPY_PASSWORD", "hemmelig")
    monkeypatch.setenv("SDI_COPY_URL", "postgresql+psycopg://kari:${SDI_COPY_PASSWORD}@server/sdi")
    url = "postgresql+psycopg://kari:${SDI_COPY_PASSWORD}@server/sdi"
    assert resolve_url(demo.config, url) == "postgresql+psycopg://kari:hemmelig@server/sdi"
    assert resolve_url(demo.config, "env:SDI_COPY_URL") == "postgresql+psycopg://kari:hemmelig@server/sdi"
    with pytest.raises(WorkflowError, match="SDI_NOT_SET i adressen er ikke satt"):
        resolve_url(demo.config, "postgresql+psycopg://kari:${SDI_NOT_SET}@server/sdi")
    assert resolve_url(demo.config, "sqlite:///a/b.sqlite") == f"sqlite:///{demo.root / 'a/b.sqlite'}"


@pytest.mark.skipif(not POSTGRES_URL, reason="needs a PostgreSQL server (scripts/with-postgres)")
def test_the_mark_also_keeps_a_postgresql_copy_closed(
    demo: Project, database_url: str, tmp_path: Path
) -> None:
    if not database_url:
        pytest.skip("PostgreSQL only")
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
            connection.execute(text("INSERT INTO alembic_version VALUES ('sdi-copy-unverified')"))
    finally:
        engine.dispose()
    with pytest.raises(StoreError, match="ikke ble fullført"):
        project_on(tmp_path / "merket", database_url)
