"""`sdi merge` and `sdi agreement`, run as a team runs them: propose, edit the decisions file, apply; then
see where the coders still differ. Results are checked through the workflow, not the output alone."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest

import sdi.cli.main as cli_main
from sdi.cli import agreement as agreement_cli
from sdi.cli import merge as merge_cli
from sdi.workflow.code import add_coding, create_code, list_codes
from sdi.workflow.code_group import create_group, move_codes
from sdi.workflow.exchange.codebook import export_codebook
from sdi.workflow.memo import memos_for
from sdi.workflow.project import Project, open_project
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import transcript_md, write

BODY = """\
Moderator: Hva gjør dere når dere blir bekymret?

P1: Jeg venter med å ringe hjem. Jeg vil være helt sikker først.

P2: Stafettloggen ligger i en perm på kontoret. Den leser ingen.
"""


@pytest.fixture(autouse=True)
def team_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """`merge` and `agreement` as they will be in sdi.cli.main.COMMANDS."""
    extra = tuple(m for m in (merge_cli, agreement_cli) if m not in cli_main.COMMANDS)
    monkeypatch.setattr(cli_main, "COMMANDS", (*cli_main.COMMANDS, *extra))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli_main.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def coded(project: Project, statement: str, words: str) -> int:
    doc = list_transcripts(project)[0].id
    turn = next(t for t in transcript_view(project, doc).turns if words in t.text)
    start = turn.start + turn.text.index(words)
    code = create_code(project, statement)
    add_coding(project, code, doc, start, start + len(words))
    return code


def decide(text: str, left: str, decision: str, statement: str = "") -> str:
    """Edit the decisions file as a researcher does: the entry for the pair whose left code is `left`."""
    head = f'left = "{left}"'
    start = text.index(head)
    end = text.index('statement = ""', start) + len('statement = ""')
    entry = text[start:end].replace('decision = "accept"', f'decision = "{decision}"')
    return text[:start] + entry.replace('statement = ""', f'statement = "{statement}"') + text[end:]


@pytest.fixture
def root(project_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    write(project_dir, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    code, _, err = run(capsys, "--project", str(project_dir), "import")
    assert code == 0, err
    return project_dir


def test_merge_two_coders_then_agreement(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kari = open_project(root, coder="kari", exact=True)
    ola = open_project(root, coder="ola", exact=True)
    try:
        coded(kari, "Venter med å ringe hjem", "Jeg venter med å ringe hjem.")
        move_codes(kari, [coded(kari, "Stafettloggen i en perm", "Stafettloggen ligger i en perm")],
                   create_group(kari, "Dokumentasjon"))  # fmt: skip
        coded(ola, "Venter med å ringe hjem til hun er sikker", "Jeg venter med å ringe hjem. Jeg vil")
        move_codes(ola, [coded(ola, "Stafettloggen ligger i en perm", "Stafettloggen ligger i en perm")],
                   create_group(ola, "Rutiner"))  # fmt: skip
    finally:
        kari.close()
        ola.close()

    code, out, err = run(capsys, "--project", str(root), "merge", "--coders", "kari,ola")
    assert code == 0, err
    assert "venstre: kari" in out and "høyre: ola" in out
    assert "«Venter med å ringe hjem» (kari)" in out and "– «Jeg venter med å ringe hjem.» bh-1.md" in out
    assert "KONFLIKT: kodegruppe «Dokumentasjon» / «Rutiner»" in out
    path = root / "codebooks" / f"merge-{dt.date.today().isoformat()}.toml"
    assert f"beslutninger: {path}" in out
    plan = tomllib.loads(path.read_text(encoding="utf-8"))
    assert plan["left"] == {"kind": "coder", "origin": "kari", "name": "kari"}
    proposed = [p for p in plan["pairs"] if p["decision"] == "accept"]
    assert len(proposed) == 2

    # The researchers merge the waiting codes under a new statement and keep the log codes apart.
    project = open_project(root, exact=True)
    try:
        uid = {c.statement: c.id for c in export_codebook(project).codes}
    finally:
        project.close()
    assert {p["left"] for p in proposed} == {uid["Venter med å ringe hjem"], uid["Stafettloggen i en perm"]}
    text = decide(path.read_text(encoding="utf-8"), uid["Venter med å ringe hjem"], "rename",
                  "Venter med å ringe til hun er sikker")  # fmt: skip
    text = decide(text, uid["Stafettloggen i en perm"], "apart")
    path.write_text(text, encoding="utf-8")

    code, out, err = run(capsys, "--project", str(root), "merge", "--apply", str(path))
    assert code == 0, err
    assert "1 koder slått sammen (1 med ny formulering), 1 holdt adskilt" in out
    project = open_project(root, exact=True)
    try:
        codes = {c.statement: c for c in list_codes(project)}
        assert sorted(codes) == ["Stafettloggen i en perm", "Stafettloggen ligger i en perm",
                                 "Venter med å ringe til hun er sikker"]  # fmt: skip
        merged = codes["Venter med å ringe til hun er sikker"]
        assert merged.codings == 2
        assert memos_for(project, "code", merged.id)[0].text.startswith("Slått sammen fra")
    finally:
        project.close()

    code, out, err = run(capsys, "--project", str(root), "agreement", "--coders", "kari,ola")
    assert code == 0, err
    assert "koderne kari, ola: 1 transkripsjoner kodet av minst to, 4 setninger" in out
    assert "Venter med å ringe til hun er sikker" in out and "Alle koder" in out
    # ola's coding reaches only «Jeg vil» of the second sentence: under half of it, so not applied there.
    assert "corpus/bh-1.md:27" in out and "«Stafettloggen i en perm»: kari ja; ola nei" in out
    code, out, _ = run(capsys, "--project", str(root), "agreement", "--unit", "turn", "--coders", "kari,ola")
    assert code == 0 and "2 ytringer" in out


def test_merge_a_colleagues_exported_codebook(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = open_project(root, coder="ola", exact=True)
    try:
        coded(project, "Venter med å ringe hjem til hun er sikker", "Jeg venter med å ringe hjem.")
    finally:
        project.close()
    copy = tmp_path / "kari"
    assert run(capsys, "init", str(copy))[0] == 0
    shutil.copytree(root / "corpus", copy / "corpus", dirs_exist_ok=True)
    assert run(capsys, "--project", str(copy), "import")[0] == 0
    colleague = open_project(copy, coder="kari", exact=True)
    try:
        coded(colleague, "Venter med å ringe hjem til hun er helt sikker", "Jeg venter med å ringe hjem.")
        coded(colleague, "Ingen leser stafettloggen", "Den leser ingen.")
    finally:
        colleague.close()
    exported = tmp_path / "kari.toml"
    code, _, err = run(capsys, "--project", str(copy), "codebook", "export", str(exported), "--with-codings")
    assert code == 0, err

    code, out, err = run(capsys, "--project", str(root), "merge", str(exported), "--from", "kari")
    assert code == 0, err
    assert "høyre: kari.toml" in out and "likhet" in out
    first = root / "codebooks" / f"merge-{dt.date.today().isoformat()}.toml"
    plan = tomllib.loads(first.read_text(encoding="utf-8"))
    assert plan["right"]["kind"] == "file" and plan["right"]["name"] == "kari"
    run(capsys, "--project", str(root), "merge", str(exported), "--from", "kari")
    assert (root / "codebooks" / f"merge-{dt.date.today().isoformat()}-2.toml").exists()  # never overwritten

    code, out, err = run(capsys, "--project", str(root), "merge", str(exported), "--apply", str(first))
    assert code == 0, err
    assert "1 koder slått sammen" in out and "1 koder lagt til, 2 kodinger lagt til" in out
    project = open_project(root, exact=True)
    try:
        codes = {c.statement: c.codings for c in list_codes(project)}
    finally:
        project.close()
    assert codes == {"Venter med å ringe hjem til hun er sikker": 2, "Ingen leser stafettloggen": 1}

    code, out, _ = run(capsys, "--project", str(root), "agreement")  # the coders are found from the codings
    assert code == 0 and "koderne kari, ola:" in out  # kari's codings are recorded as hers (--from)


def test_problems_are_one_line(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--project", str(root), "merge")
    assert code == 2 and err.startswith("sdi: feil: oppgi en kodebokfil (eller to), eller --coders A,B")
    bad = tmp_path / "beslutninger.toml"
    bad.write_text('format = "sdi-merge/1"\n[[pairs]]\nleft = "a"\nright = "b"\ndecision = "accept"\n')
    code, _, err = run(capsys, "--project", str(root), "merge", "--apply", str(bad))
    assert code == 2 and "beslutningsfilen sier ikke hva som ble slått sammen" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "--project", str(root), "merge", "--coders", "kari")
    assert code == 2 and "--coders trenger to navn" in err
    code, _, err = run(capsys, "--project", str(root), "agreement")
    assert code == 2 and "samsvar krever minst to kodere" in err
