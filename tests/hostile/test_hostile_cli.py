"""Every case of our hostile corpus (`corpus.py`), run as a researcher runs sdi — a separate process — on a
project that already holds a transcript: it ends within its bound with the exit code the case names and one
line naming the file (and line), never a traceback; a refused input leaves the store exactly as it was.

The bound is the process's own CPU time, under 10 s: the machine running the suite is shared, so its wall
clock says more about the neighbours than about sdi. A process still running after 60 s of wall clock is
killed and fails the case (a hang)."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import open_project
from tests.conftest import dump_store, transcript_md, write
from tests.hostile.corpus import CASES, Case

CPU_SECONDS = 10.0
HANG_SECONDS = 60.0
SQLITE_ONLY = ("database-url", "config-")  # cases about sdi.toml itself: the engine under test plays no part


def run_sdi(root: Path, *argv: str) -> tuple[int, str, str, float]:
    """Run `sdi --project ROOT ARGV…` in its own process: exit code, stdout, stderr and its CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(
        [sys.executable, "-m", "sdi.cli.main", "--project", str(root), *argv],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip
    try:
        out, err = process.communicate(timeout=HANG_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"sdi {' '.join(argv)} still ran after {HANG_SECONDS:.0f} s: a hang")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return process.returncode, out, err, cpu


@pytest.fixture
def seeded(project_dir: Path) -> Path:
    """The project with one ordinary transcript imported, so "unchanged" means something."""
    body = "Moderator: Velkommen.\nP1: Ja.\n"
    write(project_dir, "corpus/ok.md", transcript_md("Fjordvik barnehage", 2, body))
    project = open_project(project_dir, coder="tester", exact=True)
    try:
        assert not import_paths(project, []).failed
    finally:
        project.close()
    return project_dir


def _store(root: Path) -> tuple[str, int]:
    project = open_project(root, coder="tester", exact=True)
    try:
        dump = dump_store(project)
    finally:
        project.close()
    return dump, dump.count("\n")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(case: Case, seeded: Path, database_url: str) -> None:
    if database_url and case.name.startswith(SQLITE_ONLY):
        pytest.skip("a problem in sdi.toml: the same on every engine")
    config = (seeded / "sdi.toml").read_text(encoding="utf-8")
    before, rows_before = _store(seeded)
    case.setup(seeded)

    started = time.perf_counter()
    code, out, err, cpu = run_sdi(seeded, *case.command)
    wall = time.perf_counter() - started

    assert "Traceback" not in err + out, err
    assert code == case.exit_code, (code, err)
    assert cpu < CPU_SECONDS, f"{cpu:.1f} s of CPU ({wall:.1f} s wall)"
    lines = [line for line in err.splitlines() if line.strip()]
    (seeded / "sdi.toml").write_text(config, encoding="utf-8")  # the store is read with the project's own
    after, rows_after = _store(seeded)
    if case.refused:
        assert len(lines) == 1, err
        assert re.search(case.line, lines[0]), lines[0]
        assert after == before
    else:
        assert all(line.startswith("  ! ") for line in lines), err  # warnings only, one line each
        assert rows_after > rows_before
