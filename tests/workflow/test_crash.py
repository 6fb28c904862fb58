"""Killed in the middle of an import (SIGKILL, no clean-up at all): the store reopens consistent, holds
the files committed before the kill, and the import can simply be run again to completion."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import generate
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.integrity import check_store
from sdi.workflow.project import init_project, open_project
from sdi.workflow.transcript import list_transcripts

SCRIPT = """
import sys
from pathlib import Path
from sdi.workflow.project import open_project
from sdi.workflow.corpus_import import import_paths
project = open_project(Path(sys.argv[1]), exact=True)
import_paths(project, [], lambda i, n, o: print(o.action, o.path, flush=True))
"""


def test_sigkill_during_import(tmp_path: Path) -> None:
    root = tmp_path / "studie"
    init_project(root)
    files = generate(root / "corpus", 24 * 6_000, per_file=6_000)
    process = subprocess.Popen([sys.executable, "-c", SCRIPT, str(root)], stdout=subprocess.PIPE, text=True,
                               cwd=Path(__file__).resolve().parents[2])  # fmt: skip
    assert process.stdout is not None
    done = []
    deadline = time.monotonic() + 120
    while len(done) < 3 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if line.startswith("imported"):
            done.append(line.split()[1])
    os.kill(process.pid, signal.SIGKILL)  # somewhere inside the next file's transaction
    process.wait()
    assert len(done) == 3

    project = open_project(root, exact=True)
    try:
        stored = {t.source_path for t in list_transcripts(project)}
        assert set(done) <= stored and len(stored) < len(files)  # committed work kept, nothing half-written
        assert check_store(project).ok
        report = import_paths(project, [])
        assert {o.action for o in report.outcomes} <= {"imported", "unchanged"}
        assert len(list_transcripts(project)) == len(files)
        assert check_store(project).ok and check_store(project).notes == []
    finally:
        project.close()
