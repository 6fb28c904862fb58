"""No leftovers and no writes outside the store's rules, on both engines: a killed `sdi db copy` leaves its
working folder (a snapshot of the whole database) only until the next run; a link in corpus/ that leads out
of the project is refused; and every file sdi writes — the pseudonym key, `export codebook`, `refi export`,
`codebook export`, `anonymise --write-review` — reports a full or read-only folder in one line, with the file
as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sdi.cli.main import main
from sdi.workflow.code import add_coding, create_code
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import REPO, transcript_md, write
from tests.workflow.test_crash_team import completes, kill_before_commit
from tests.workflow.test_faults import as_ordinary_user

BODY = """\
Moderator: Hvem ringte dere?

P1: Vi ringte Kari på helsestasjonen, og stafettloggen ligger i en perm.

P2: Jeg ringer foreldrene med en gang.
"""


@pytest.fixture
def coded(project: Project) -> Project:
    config = project.root / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'key_file = ".sdi/pseudonymnokkel.toml"', 'key_file = ".sdi/pseudonymnokkel.toml"\nnames = ["Kari"]'
    ), encoding="utf-8")  # fmt: skip
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    document = list_transcripts(project)[0].id
    turn = next(t for t in transcript_view(project, document).turns if "stafettloggen" in t.text)
    start = turn.start + turn.text.index("stafettloggen ligger")
    add_coding(project, create_code(project, "Loggen ligger i en perm"), document, start, start + 20)
    return project


def test_a_killed_copy_leaves_no_snapshot_after_the_next_run(coded: Project, tmp_path: Path) -> None:
    target = tmp_path / "kopi.sqlite"
    kill_before_commit(coded.root, "db", "copy", "--to", str(target))
    left = list((coded.root / ".sdi").glob("copy-*"))
    assert left, "the killed copy left no working folder: the test no longer kills it mid-copy"
    assert "Barnehage Fjordvik" in completes(coded.root, "status")  # the next run of anything
    assert not list((coded.root / ".sdi").glob("copy-*"))
    target.unlink()
    completes(coded.root, "db", "copy", "--to", str(target))
    assert not list((coded.root / ".sdi").glob("copy-*"))


def test_a_running_copys_folder_is_left_alone(coded: Project) -> None:
    from sdi.storage.leftovers import remove_leftovers, work_prefix

    mine = coded.root / ".sdi" / f"{work_prefix()}abc"  # this process is alive: a copy under way
    mine.mkdir(parents=True)
    gone = coded.root / ".sdi" / "copy-999999999-abc"  # no such process
    gone.mkdir()
    (gone / "copy-source.sqlite").write_bytes(b"x")
    assert remove_leftovers(coded.root / ".sdi") == [gone]
    assert mine.exists() and not gone.exists()


def test_a_link_out_of_the_project_is_not_imported(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = write(tmp_path / "elsewhere", "hemmelig.md", transcript_md("Skole Åsmark", 1, BODY))
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    (project.root / "corpus" / "lenke.md").symlink_to(outside)
    (project.root / "corpus" / "mappe").symlink_to(outside.parent, target_is_directory=True)
    code = main(["--project", str(project.root), "import"])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in err
    assert "corpus/lenke.md: en lenke til" in out + err and "utenfor prosjektet" in out + err
    assert [t.source_path for t in list_transcripts(project)] == ["corpus/bh-1.md"]


# ---- a full or read-only folder ---------------------------------------------------------------------------

WRITES = {
    "pseudonym add": (["pseudonym", "add", "Ola Nordmann", "[lærer]"], ".sdi", ".sdi/pseudonymnokkel.toml"),
    "export codebook": (["export", "codebook"], "exports", "exports/kodebok.docx"),
    "refi export": (["refi", "export"], "exports", "exports/teststudie.qdpx"),
    "codebook export": (["codebook", "export"], "codebooks", "codebooks/kodebok.toml"),
    "anonymise --write-review": (["anonymise", "--write-review", "{root}/.sdi/review/navn.toml"],
                                 ".sdi/review", ".sdi/review/navn.toml"),
}  # fmt: skip


def _child(root: Path, argv: list[str], wrapper: list[str]) -> subprocess.CompletedProcess[str]:
    command = [*wrapper, sys.executable, "-m", "sdi.cli.main", "--project", str(root),
               *(a.format(root=root) for a in argv)]  # fmt: skip
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=300)


def _one_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and lines[0].startswith("sdi: feil: "), result.stderr
    assert all(word in lines[0] for word in words), lines[0]


@pytest.mark.parametrize("what", sorted(WRITES))
def test_a_read_only_folder_is_one_line(coded: Project, what: str) -> None:
    argv, folder, written = WRITES[what]
    locked = coded.root / folder
    locked.mkdir(parents=True, exist_ok=True)
    (coded.root / ".sdi" / "pseudonymnokkel.toml").unlink(missing_ok=True)
    mode = locked.stat().st_mode
    locked.chmod(0o555)
    try:
        result = _child(coded.root, argv, as_ordinary_user())
    finally:
        locked.chmod(mode)
    _one_line(result, str(coded.root / written), "skrivebeskyttet", "ingenting er endret")
    assert not (coded.root / written).exists()


@pytest.mark.parametrize("what", sorted(WRITES))
def test_a_full_disk_is_one_line(coded: Project, what: str) -> None:
    """The folder is a tiny file system of its own, filled up, in a mount namespace of the child only."""
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("a full file system needs root and unshare(1) to mount a small tmpfs for the child")
    argv, folder, written = WRITES[what]
    (coded.root / folder).mkdir(parents=True, exist_ok=True)
    fill = 'mount -t tmpfs -o size=64k sdi-full "$0" && { cat /dev/zero >"$0/.fill" 2>/dev/null; true; }'
    wrapper = [unshare, "--mount", "--propagation", "private", "sh", "-c", fill + ' && exec "$@"',
               str(coded.root / folder)]  # fmt: skip
    probe = subprocess.run([*wrapper, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {probe.stderr.strip()}")
    result = _child(coded.root, argv, wrapper)
    _one_line(result, str(coded.root / written), "disken er full", "ingenting er endret")
    assert not (coded.root / written).exists()  # the namespace is gone; the real folder never got it
