"""Killed (SIGKILL, no clean-up) inside the one transaction of a codebook merge and of a REFI-QDA import: the
store reopens exactly as before — never half merged or half imported — `sdi check` finds it sound, and the
same command run again completes.

The child runs the real `sdi` command with SDI_TEST_PAUSE_BEFORE_COMMIT set: it sends the whole unit of
work to the database, says so on stderr and sleeps before committing; that is when it is killed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from sdi.export.refi import write_qdpx
from sdi.storage.copy import TableDigest, digest_all
from sdi.storage.faults import PAUSE_ENV, PAUSE_SIGNAL
from sdi.workflow.code import add_coding, create_code, list_codes
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.exchange.codebook import import_codebook_file
from sdi.workflow.exchange.refi import gather_refi
from sdi.workflow.integrity import check_store
from sdi.workflow.project import Project, open_project
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import REPO, dump_store, transcript_md, write

BODY = """\
Moderator: Hva gjør dere når dere blir bekymret?

P1: Jeg venter med å ringe hjem. Jeg vil være helt sikker først.

P2: Stafettloggen ligger i en perm på kontoret. Den leser ingen.
"""


def sdi(root: Path, *argv: str, pause: bool = False) -> subprocess.Popen[str]:
    env = (
        {**os.environ, PAUSE_ENV: "120"} if pause else {k: v for k, v in os.environ.items() if k != PAUSE_ENV}
    )
    return subprocess.Popen([sys.executable, "-m", "sdi.cli.main", "--project", str(root), *argv], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def kill_before_commit(root: Path, *argv: str) -> None:
    """Run `sdi ARGV` until it is about to commit, then SIGKILL it."""
    child = sdi(root, *argv, pause=True)
    assert child.stderr is not None
    seen: list[str] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = child.stderr.readline()
        if not line:  # the child ended without reaching its commit: a failure of the test's setup
            break
        seen.append(line)
        if PAUSE_SIGNAL in line:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert seen and PAUSE_SIGNAL in seen[-1], "".join(seen)
    assert child.returncode == -signal.SIGKILL


def completes(root: Path, *argv: str) -> str:
    child = sdi(root, *argv)
    out, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    return out


def coded(project: Project, statement: str, words: str) -> int:
    doc = list_transcripts(project)[0].id
    turn = next(t for t in transcript_view(project, doc).turns if words in t.text)
    start = turn.start + turn.text.index(words)
    code = create_code(project, statement)
    add_coding(project, code, doc, start, start + len(words))
    return code


def test_sigkill_during_a_codebook_merge(project: Project) -> None:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    kari = open_project(project.root, coder="kari", exact=True)
    ola = open_project(project.root, coder="ola", exact=True)
    try:
        coded(kari, "Venter med å ringe hjem", "Jeg venter med å ringe hjem.")
        coded(kari, "Stafettloggen i en perm", "Stafettloggen ligger i en perm")
        coded(ola, "Venter med å ringe hjem til hun er sikker", "Jeg venter med å ringe hjem. Jeg vil")
        coded(ola, "Stafettloggen ligger i en perm", "Stafettloggen ligger i en perm")
    finally:
        kari.close()
        ola.close()
    completes(project.root, "merge", "--coders", "kari,ola")  # the proposal only reads
    decisions = project.root / "codebooks" / f"merge-{dt.date.today().isoformat()}.toml"
    assert decisions.exists()
    before = dump_store(project)

    kill_before_commit(project.root, "merge", "--apply", str(decisions))

    assert dump_store(project) == before  # not half merged: exactly as before
    assert "Lageret er i orden." in completes(project.root, "check")
    out = completes(project.root, "merge", "--apply", str(decisions))
    assert "2 koder slått sammen" in out
    assert len(list_codes(project)) == 2 and sum(c.codings for c in list_codes(project)) == 4
    assert check_store(project).ok


def test_sigkill_during_a_refi_qda_import(project: Project, demo_root: Path, tmp_path: Path) -> None:
    source_root = tmp_path / "kilde"
    shutil.copytree(demo_root, source_root)
    source = open_project(source_root, coder="kari", exact=True)
    try:
        import_codebook_file(source, REPO / "codebooks" / "demo-analyse.toml")
        qdpx = write_qdpx(gather_refi(source), tmp_path / "demo.qdpx")
        wanted = {(c.statement, c.codings) for c in list_codes(source)}
    finally:
        source.close()
    before = dump_store(project)

    kill_before_commit(project.root, "refi", "import", str(qdpx))

    assert dump_store(project) == before  # nothing half imported
    assert "Lageret er i orden." in completes(project.root, "check")
    completes(project.root, "refi", "import", str(qdpx))
    assert len(list_transcripts(project)) == 16
    assert {(c.statement, c.codings) for c in list_codes(project)} == wanted
    report = check_store(project)
    assert report.ok and report.notes == [], (report.problems, report.notes)
    after = dump_store(project)
    completes(project.root, "refi", "import", str(qdpx))  # and once more: nothing new
    assert dump_store(project) == after


def test_sigkill_during_a_database_copy(demo_root: Path, database_url: str, tmp_path: Path) -> None:
    """Killed while filling the target: the target is left as empty as it was, and the copy can be run
    again. (A copy that commits but does not verify is left marked; see test_engine_copy.)"""
    source = tmp_path / "demo"
    shutil.copytree(demo_root, source)
    target = database_url or str(tmp_path / "kopi.sqlite")

    kill_before_commit(source, "db", "copy", "--to", target)

    out = completes(source, "db", "copy", "--to", target)
    assert "Alle 19 tabeller stemmer" in out
    copy_root = tmp_path / "kopi"
    copy_root.mkdir()
    url = database_url or f"sqlite:///{target}"
    (copy_root / "sdi.toml").write_text(f'[database]\nurl = "{url}"\n', encoding="utf-8")
    assert digests(source) == digests(copy_root)  # the same rows, compared engine-neutrally


def digests(root: Path) -> list[TableDigest]:
    project = open_project(root, exact=True)
    try:
        with project.store.engine.connect() as connection:
            return digest_all(connection)
    finally:
        project.close()
