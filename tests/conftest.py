"""Shared fixtures: real project folders with real SQLite files, built in tmp_path."""

from __future__ import annotations

import os
import shutil
import textwrap
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sdi.storage.base import Base
from sdi.workflow.project import Project, init_project, open_project

REPO = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("SDI_TEST_POSTGRES_URL", "")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The store under test: "" (the project's default SQLite file) or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield ""
        return
    if not POSTGRES_URL:
        pytest.skip("no PostgreSQL server: run the suite through scripts/with-postgres (`make test` does)")
    import psycopg

    name = f"sdi_test_{uuid.uuid4().hex[:12]}"
    admin = POSTGRES_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def project_dir(tmp_path: Path, database_url: str) -> Path:
    root = tmp_path / "studie"
    init_project(root, "Teststudie")
    if database_url:
        config = root / "sdi.toml"
        config.write_text(
            config.read_text(encoding="utf-8").replace('url = ""', f'url = "{database_url}"'),
            encoding="utf-8",
        )
    return root


@pytest.fixture
def project(project_dir: Path) -> Iterator[Project]:
    opened = open_project(project_dir, coder="tester", exact=True)
    yield opened
    opened.close()


def transcript_md(group: str, stage: int, body: str, *, site: str = "Fjordvik", extra: str = "") -> str:
    """A Markdown transcript with TOML front matter, as researchers write them."""
    head = textwrap.dedent(
        f"""\
        +++
        title = "{group} – runde {stage}"
        group = "{group}"
        site = "{site}"
        category = "Barnehage"
        stage = {stage}
        date = 2025-02-12
        {extra}
        [[participants]]
        label = "Moderator"
        role = "Moderator"
        moderator = true

        [[participants]]
        label = "P1"
        role = "Pedagogisk leder"

        [[participants]]
        label = "P2"
        role = "Barnehagelærer"
        +++

        """
    )
    return head + textwrap.dedent(body)


def write(root: Path, relative: str, content: str | bytes) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def fjordvik_lookup_site(root: Path, database_url: str) -> Path:
    """A second project beside the demo: the demo's sdi.toml indexed by the lookup lemmatiser (on
    `database_url` when one is given) and the Fjordvik site's transcripts, not yet imported."""
    root.mkdir()
    config = (REPO / "sdi.toml").read_text(encoding="utf-8")
    config = config.replace('model = "nb_core_news_sm"', 'model = "nb_core_news_sm"\nindex = "lookup"')
    assert 'index = "lookup"' in config
    if database_url:
        config = config.replace('url = ""', f'url = "{database_url}"')
    (root / "sdi.toml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "corpus" / "fjordvik", root / "corpus" / "fjordvik")
    return root


def dump_store(project: Project) -> str:
    """Every row of every table in key order, on any engine: equal dumps mean the store did not change."""
    lines: list[str] = []
    with project.store.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            lines.append(f"-- {table.name}")
            query = select(table).order_by(*table.primary_key.columns)
            lines.extend(repr(tuple(row)) for row in connection.execute(query))
    return "\n".join(lines)


@pytest.fixture(scope="session")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's demo project (sdi.toml, its interview guide, corpus/), imported once for
    the session."""
    from sdi.workflow.corpus_import import import_paths

    root = tmp_path_factory.mktemp("demo")
    shutil.copy(REPO / "sdi.toml", root / "sdi.toml")
    shutil.copy(REPO / "intervjuguide.md", root / "intervjuguide.md")
    shutil.copytree(REPO / "corpus", root / "corpus")
    opened = open_project(root, coder="demo", exact=True)
    try:
        report = import_paths(opened, [])
        assert not report.failed, [o.message for o in report.failed]
    finally:
        opened.close()
    return root


@pytest.fixture(scope="session")
def demo_analysis(demo_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus with the seeded analysis (codebooks/demo-analyse.toml) imported, once for the
    session; never written by a test."""
    from sdi.workflow.exchange.codebook import import_codebook_file

    root = tmp_path_factory.mktemp("demo-analysis") / "demo"
    shutil.copytree(demo_root, root)
    project = open_project(root, coder="tester", exact=True)
    try:
        report = import_codebook_file(project, REPO / "codebooks/demo-analyse.toml")
        assert report.groups and report.codes and report.concepts, report
    finally:
        project.close()
    return root
