"""Shared fixtures: real project folders with real SQLite files, built in tmp_path."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdi.workflow.project import Project, init_project, open_project

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    root = tmp_path / "studie"
    init_project(root, "Teststudie")
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


def dump_store(project: Project) -> str:
    """Every row of every table, as SQL text: equal dumps mean the store did not change."""
    database = project.config.resolved_database_url().removeprefix("sqlite:///")
    connection = sqlite3.connect(database)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture(scope="session")
def demo_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's demo project (sdi.toml + corpus/), imported once for the session."""
    from sdi.workflow.corpus_import import import_paths

    root = tmp_path_factory.mktemp("demo")
    shutil.copy(REPO / "sdi.toml", root / "sdi.toml")
    shutil.copytree(REPO / "corpus", root / "corpus")
    opened = open_project(root, coder="demo", exact=True)
    try:
        report = import_paths(opened, [])
        assert not report.failed, [o.message for o in report.failed]
    finally:
        opened.close()
    return root
