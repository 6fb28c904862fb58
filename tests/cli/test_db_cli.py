"""`sdi db upgrade` and `sdi db copy`, run as a researcher runs them; results checked through the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.cli.main import main
from sdi.config import load_config
from sdi.storage.engine import create_store_engine, stored_revision
from sdi.storage.migrate import upgrade
from sdi.storage.revision import HEAD_REVISION
from sdi.workflow.code import create_code
from sdi.workflow.project import open_project
from tests.conftest import dump_store

OLDER = "20261123_0002"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_upgrade_of_a_current_database_says_so(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    open_project(project_dir, exact=True).close()
    code, out, err = run(capsys, "--project", str(project_dir), "db", "upgrade")
    assert code == 0, err
    assert f"har allerede skjemaversjon {HEAD_REVISION}" in out


def test_upgrade_from_an_older_schema_backs_up_first(
    project_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = load_config(project_dir)
    engine = create_store_engine(config.resolved_database_url())
    try:
        upgrade(engine, config.state_dir / "backups", target=OLDER)
        assert stored_revision(engine) == OLDER
    finally:
        engine.dispose()
    code, out, err = run(capsys, "--project", str(project_dir), "db", "upgrade")
    assert code == 0, err
    assert f"oppgradert fra {OLDER} til {HEAD_REVISION}" in out
    backups = list((config.state_dir / "backups").iterdir())
    if config.database_url.startswith("postgresql") and not backups:
        assert "serverens egne sikkerhetskopier gjelder" in out  # no pg_dump on this machine
    else:
        assert len(backups) == 1 and f"Sikkerhetskopi: {backups[0]}" in out
        assert backups[0].stat().st_mode & 0o077 == 0  # owner-only, like the database
    engine = create_store_engine(config.resolved_database_url())
    try:
        assert stored_revision(engine) == HEAD_REVISION
    finally:
        engine.dispose()


def test_copy_to_a_database_in_use_is_one_line_and_changes_nothing(
    project_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = open_project(project_dir, coder="kari", exact=True)
    try:
        create_code(target, "Venter med å ringe hjem")
        before = dump_store(target)
        url = target.store.engine.url.render_as_string(hide_password=False)
    finally:
        target.close()
    source = tmp_path / "kilde"
    assert main(["init", str(source)]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "--project", str(source), "db", "copy", "--to", url)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sdi: feil: måldatabasen ")
    assert "ikke tom (1 rader i coders; 1 rader i audit_events; 1 rader i codes;" in lines[0]
    target = open_project(project_dir, exact=True)
    try:
        assert dump_store(target) == before
    finally:
        target.close()


def test_copy_without_the_environment_variable_is_one_line(
    project_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SDI_TEAM_URL", raising=False)
    code, _, err = run(capsys, "--project", str(project_dir), "db", "copy", "--to", "env:SDI_TEAM_URL")
    assert code == 2
    assert err.strip() == "sdi: feil: miljøvariabelen SDI_TEAM_URL i adressen er ikke satt"


def test_a_raw_database_error_is_still_one_line(
    project_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    def fails(config: object) -> None:
        raise OperationalError("SELECT version_num FROM alembic_version", {}, Exception("disk I/O error"))

    monkeypatch.setattr("sdi.workflow.database.upgrade_database", fails)
    code, _, err = run(capsys, "--project", str(project_dir), "db", "upgrade")
    assert code == 2
    assert err.strip().splitlines() == ["sdi: feil: (builtins.Exception) disk I/O error"]
