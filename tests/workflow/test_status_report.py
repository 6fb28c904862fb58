"""`sdi status` read the lean way (plain SQL over sqlite3, no SQLAlchemy) says exactly what the store says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sdi.storage.lean import sqlite_file
from sdi.workflow.overview import project_status, status_report
from sdi.workflow.project import Project, open_project
from sdi.workflow.reindex import plan


def test_the_lean_status_of_an_analysis_is_the_stores_own(demo_analysis: Path) -> None:
    report = status_report(demo_analysis, coder="tester")
    project = open_project(demo_analysis, coder="tester", exact=True)
    try:
        expected, stale = project_status(project), plan(project)
    finally:
        project.close()
    status = report.status
    assert status.codings and status.codes and status.code_groups and status.concepts  # a real analysis
    assert any(row.coded_share > 0 and row.date is not None for row in status.rows)
    assert status == expected
    assert (report.stale_documents, report.stale_pipeline) == (len(stale.documents), stale.pipeline)


def test_every_engine_and_a_new_store_are_read_the_ordinary_way(project: Project) -> None:
    """PostgreSQL (and an SQLite store not yet at the current schema) go through `open_store`; the status
    is the same either way."""
    assert status_report(project.root, coder="tester").status == project_status(project)
    fresh = project.root / "ny"
    fresh.mkdir()
    (fresh / "sdi.toml").write_text('[project]\ntitle = "Ny"\n', encoding="utf-8")
    report = status_report(fresh, coder="tester")
    assert report.status.rows == [] and report.status.title == "Ny"
    assert (fresh / ".sdi" / "sdi.sqlite").stat().st_size > 0  # created and migrated as before


def test_a_cold_status_imports_no_sqlalchemy(demo_analysis: Path) -> None:
    script = (
        "import sys\nfrom sdi.cli.main import main\n"
        f"main(['--project', {str(demo_analysis)!r}, 'status'])\n"
        "heavy = ('sqlalchemy', 'spacy', 'textual', 'alembic')\n"
        "print('HEAVY=' + ','.join(n for n in heavy if n in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "Kodinger" in result.stdout or "kodinger" in result.stdout
    assert result.stdout.splitlines()[-1] == "HEAVY="


def test_only_a_plain_sqlite_file_url_is_read_lean() -> None:
    assert sqlite_file("sqlite:////tmp/a b/sdi.sqlite") == Path("/tmp/a b/sdi.sqlite")
    assert sqlite_file("sqlite:///relative.sqlite") == Path("relative.sqlite")
    assert sqlite_file("sqlite:///:memory:") is None and sqlite_file("sqlite://") is None
    assert sqlite_file("sqlite:////tmp/x.sqlite?mode=ro") is None
    assert sqlite_file("postgresql+psycopg://u@h/db") is None
