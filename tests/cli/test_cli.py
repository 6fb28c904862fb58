"""The `sdi` command, run as a researcher runs it; results checked through the workflow, not output alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sdi.cli.main import build_parser, main
from sdi.workflow.overview import project_status
from sdi.workflow.project import open_project
from tests.conftest import transcript_md, write

BODY = """\
Moderator: Hva tenker dere om handlingsveilederen?

P1: Den ligger i en perm, altså. Ingen leser den.

P2: Jeg synes den hjelper de nye (ler).
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_import_status_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "studie"
    code, out, _ = run(capsys, "init", str(root), "--title", "Min studie")
    assert code == 0 and "studie" in out
    for name in ("sdi.toml", "corpus", "codebooks", "exports", ".gitignore"):
        assert (root / name).exists()
    write(root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    write(root, "corpus/bh-2.md", transcript_md("Barnehage Fjordvik", 2, BODY))

    code, out, err = run(capsys, "--project", str(root), "import")
    assert code == 0, err
    assert "2 importert" in out

    project = open_project(root, exact=True)
    status = project_status(project)
    project.close()
    assert status.transcripts == 2 and status.groups == 1
    assert [r.speakers for r in status.rows] == [2, 2]

    code, out, _ = run(capsys, "--project", str(root), "status")
    assert code == 0
    assert "Barnehage Fjordvik" in out and "Min studie" in out
    assert "nb_core_news_sm" in out

    code, out, _ = run(capsys, "--project", str(root), "show", "bh-2", "--width", "100")
    assert code == 0
    assert "P1 (Pedagogisk leder)" in out
    assert "Den ligger i en perm" in out


def test_import_failure_is_one_line_and_nonzero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "studie"
    main(["init", str(root)])
    write(root, "corpus/tom.txt", b"")
    code, _, err = run(capsys, "--project", str(root), "import")
    assert code != 0
    assert "corpus/tom.txt: fila er tom" in err  # the project's language: bokmål
    assert "Traceback" not in err


def test_broken_config_is_one_line_and_nonzero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sdi.toml").write_text('[project]\ntitel = "x"\n', encoding="utf-8")
    code, _, err = run(capsys, "--project", str(tmp_path), "status")
    assert code == 2
    assert err.strip().endswith("(kjente: title, language, coder)")  # no language set: bokmål
    assert "sdi.toml:2:" in err


def test_unknown_transcript_in_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", str(tmp_path)])
    capsys.readouterr()
    code, _, err = run(capsys, "--project", str(tmp_path), "show", "finnes-ikke")
    assert code == 2 and "ingen transkripsjon passer til «finnes-ikke»" in err


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["init", str(tmp_path)])
    code, _, err = run(capsys, "init", str(tmp_path))
    assert code == 2 and "finnes allerede" in err


def test_every_command_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(commands) >= {"init", "import", "status", "show"}
    for name, sub in commands.items():
        assert sub.description, f"{name} has no description"
        with pytest.raises(SystemExit) as exited:
            main([name, "--help"])
        assert exited.value.code == 0
        assert f"bruk: sdi {name}" in capsys.readouterr().out  # the help in bokmål: no project here


def test_cli_import_stays_light() -> None:
    """`sdi --help` must not pay for SQLAlchemy, spaCy or Textual."""
    script = (
        "import sys, sdi.cli.main as m\n"
        "try:\n    m.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [n for n in ('sqlalchemy', 'spacy', 'textual', 'docx', 'rapidfuzz', 'matplotlib',\n"
        "                     'openpyxl') if n in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "bruk: sdi" in result.stdout
    assert result.stdout.splitlines()[-1] == "HEAVY="


def test_status_does_not_load_spacy_or_textual(demo_root: Path) -> None:
    script = (
        "import sys\nfrom sdi.cli.main import main\n"
        f"main(['--project', {str(demo_root)!r}, 'status'])\n"
        "print('HEAVY=' + ','.join(n for n in ('spacy', 'textual') if n in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "HEAVY=\n" in result.stdout + "\n"


def test_search_from_the_command_line(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--project", str(demo_root), "search", "stafettholder", "-n", "5")
    assert code == 0
    assert "[stafettholder" in out.lower() or "[stafettholderen" in out.lower()
    last = out.strip().splitlines()[-1]  # how many there are in all, not the limit
    assert last.endswith("de 5 beste vist (--limit N for flere)") and int(last.split()[0]) > 5
    code, out, _ = run(
        capsys, "--project", str(demo_root), "search", "--fuzzy", "ingen visste hvem som hadde stafettpinnen"
    )
    assert code == 0
    assert out.splitlines()[0].startswith("100.0")
