"""Codebooks: export → import into another copy of the project gives the same analysis, import is
idempotent and all-or-nothing, and the repository's seeded demo analysis loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sdi.export.codebook_file import render_codebook, write_codebook
from sdi.ingest.model import IngestError
from sdi.workflow.code import add_coding, create_code, list_codes
from sdi.workflow.code_group import create_group, list_groups, move_codes, rest_group
from sdi.workflow.concept import create_concept, list_concepts, set_key_quotes
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.exchange.codebook import export_codebook, import_codebook_file
from sdi.workflow.history import undo
from sdi.workflow.memo import write_memo
from sdi.workflow.overview import project_status
from sdi.workflow.project import Project, init_project, open_project
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import REPO, dump_store, transcript_md, write

BODY = """\
Moderator: Hva gjør dere når dere blir bekymret?

P1: Jeg venter med å ringe hjem til jeg er helt sikker. Det er «tryggest» sånn, altså.

P2: Stafettloggen ligger i en perm \\ på kontoret.
"""


def analysed(project: Project) -> None:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    doc = list_transcripts(project)[0].id
    text = "\n".join(t.text for t in transcript_view(project, doc).turns)
    waiting = create_code(project, "Venter med å ringe hjem til hun er sikker", "Om å vente.")
    log = create_code(project, 'Stafettloggen ligger "i en perm"')
    loose = create_code(project, "Ugruppert kode")
    first = add_coding(project, waiting, doc, text.index("Jeg venter"), text.index("Jeg venter") + 28)
    add_coding(project, log, doc, text.index("Stafettloggen"), text.index("Stafettloggen") + 30)
    add_coding(project, loose, doc, text.index("tryggest"), text.index("tryggest") + 8)
    group = create_group(project, "Å vente", "Koder om å vente.\nTo linjer.")
    move_codes(project, [waiting], group)
    move_codes(project, [log], rest_group(project))
    concept = create_concept(project, group, "Sikkerhetsventing", "Å vente til man er sikker.")
    set_key_quotes(project, concept, [first])
    write_memo(project, "code", waiting, "Henger sammen med frykt for å ta feil.")


def copy_of(project: Project, root: Path) -> Project:
    """Another project with the same transcripts and no analysis (a colleague's copy)."""
    init_project(root)
    shutil.copytree(project.root / "corpus", root / "corpus", dirs_exist_ok=True)
    other = open_project(root, coder="kollega", exact=True)
    import_paths(other, [])
    return other


def test_round_trip_to_another_copy_of_the_project(project: Project, tmp_path: Path) -> None:
    analysed(project)
    exported = render_codebook(export_codebook(project, with_codings=True, title="Studie"))
    path = write_codebook(export_codebook(project, with_codings=True), tmp_path / "kodebok.toml")
    other = copy_of(project, tmp_path / "kopi")
    try:
        report = import_codebook_file(other, path)
        assert (report.groups, report.codes, report.codings, report.concepts, report.memos) == (2, 3, 3, 1, 1)
        assert render_codebook(export_codebook(other, with_codings=True, title="Studie")) == exported
        assert project_status(other).ungrouped_codes == 1
        assert list_concepts(other)[0].key_quotes[0].text == "Jeg venter med å ringe hjem "
        before = dump_store(other)
        again = import_codebook_file(other, path)  # idempotent
        assert again.added == 0 and again.skipped == 6  # 2 groups, 3 codes, 1 concept
        assert dump_store(other) == before
        undo(other)  # the whole codebook import is one undoable action
        assert list_codes(other) == [] and list_groups(other) == []
    finally:
        other.close()


def test_missing_words_import_nothing(project: Project, tmp_path: Path) -> None:
    analysed(project)
    text = render_codebook(export_codebook(project, with_codings=True)).replace(
        "Stafettloggen ligger", "Loggen ligger"
    )
    path = tmp_path / "feil.toml"
    path.write_text(text, encoding="utf-8")
    other = copy_of(project, tmp_path / "kopi")
    try:
        before = dump_store(other)
        with pytest.raises(WorkflowError, match=r"are not in corpus/bh-1\.md"):
            import_codebook_file(other, path)
        assert dump_store(other) == before
    finally:
        other.close()


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('format = "annet"\n', "not an sdi codebook", 1),
        ('format = "sdi-codebook/1"\n\n[[codes]]\nid = "a"\n', "'statement' is required", None),
        ('format = "sdi-codebook/1"\nfarge = 1\n', "unknown key 'farge'", 2),
        (
            'format = "sdi-codebook/1"\n[[codes]]\nid = "a"\nstatement = "x"\ngroup = "g9"\n',
            "unknown group 'g9'",
            5,
        ),
        ('format = "sdi-codebook/1"\n[[codes]]\nid = "a b"\nstatement = "x"\n', "must be 1–36", 3),
        ('format = "sdi-codebook/1\n', "invalid TOML", 1),
    ],
)
def test_bad_codebook_names_file_and_line(tmp_path: Path, text: str, message: str, line: int | None) -> None:
    from sdi.ingest.codebook import read_codebook

    path = tmp_path / "bok.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(IngestError, match=message) as caught:
        read_codebook(path)
    assert caught.value.path == path
    if line is not None:
        assert caught.value.line == line


def test_the_seeded_demo_analysis_loads(demo_root: Path, tmp_path: Path) -> None:
    seed = REPO / "codebooks" / "demo-analyse.toml"
    if not seed.exists():
        pytest.skip("no seeded demo analysis yet")
    root = tmp_path / "demo"
    shutil.copytree(demo_root, root)
    project = open_project(root, coder="demo", exact=True)
    try:
        report = import_codebook_file(project, seed)
        status = project_status(project)
    finally:
        project.close()
    assert 30 <= report.codes <= 40 and report.concepts == 2
    assert status.codes == report.codes and status.concepts == 2
    assert 3 <= status.ungrouped_codes <= 5
    assert status.coded_share > 0
