"""Fixtures for the TUI tests: the repository's demo corpus imported once into a real SQLite project, and a
fresh copy of it per test (tests write codings), opened as coder «tester». For steps 3–5 the same corpus
with the seeded demo analysis (codebooks/demo-analyse.toml: groups, codes, codings, two concepts)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sdi.workflow.project import Project, open_project

REPO = Path(__file__).resolve().parents[2]
NLP_LABEL = "offline nb (lemma lookup)"


@pytest.fixture(scope="session")
def tui_demo(demo_root: Path) -> Path:
    """The repository's demo project, imported once for the session (the root conftest's); never written."""
    return demo_root


@pytest.fixture(scope="session")
def tui_analysis(demo_analysis: Path) -> Path:
    """The demo corpus with the seeded analysis imported, once for the session; never written by a test."""
    return demo_analysis


@pytest.fixture
def project_root(tui_demo: Path, tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(tui_demo, root)
    return root


@pytest.fixture
def tui_project(project_root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    """The demo project for one test; the status line's pipeline name is fixed so output is the same on
    machines with and without the spaCy model."""
    monkeypatch.setattr("sdi.tui.app.nlp_description", lambda project: NLP_LABEL)
    project = open_project(project_root, coder="tester", exact=True)
    yield project
    project.close()


@pytest.fixture
def analysis_project(
    tui_analysis: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Project]:
    """A fresh copy of the demo project with its seeded analysis, for one test."""
    root = tmp_path / "demo"
    shutil.copytree(tui_analysis, root)
    monkeypatch.setattr("sdi.tui.app.nlp_description", lambda project: NLP_LABEL)
    project = open_project(root, coder="tester", exact=True)
    yield project
    project.close()
