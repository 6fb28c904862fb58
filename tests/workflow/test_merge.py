"""Merging codebooks across coders: pairing by id and by lemmatised likeness, group conflicts listed and not
decided, decisions applied in one transaction (bad ones change nothing) as one undoable action."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sdi.export.codebook_file import write_codebook
from sdi.nlp.similarity import TermWeights, engine
from sdi.storage.models import Coder, Coding
from sdi.workflow.agreement import agreement
from sdi.workflow.code import add_coding, create_code, list_codes
from sdi.workflow.code_group import create_group, move_codes
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.exchange.codebook import export_codebook, import_codebook_file
from sdi.workflow.exchange.merge import (
    Decision,
    Side,
    SideCode,
    match,
    merge_sources,
    propose_coders,
    propose_files,
    propose_merge,
)
from sdi.workflow.exchange.merge_apply import apply_merge
from sdi.workflow.history import undo
from sdi.workflow.memo import memos_for, write_memo
from sdi.workflow.project import Project, init_project, open_project
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import dump_store, transcript_md, write

BODY = """\
Moderator: Hva gjør dere når dere blir bekymret?

P1: Jeg venter med å ringe hjem. Jeg vil være helt sikker først.

P2: Stafettloggen ligger i en perm på kontoret. Den leser ingen.
"""


def at(project: Project, words: str) -> tuple[int, int, int]:
    """(document, start, end) of `words` in the one transcript."""
    doc = list_transcripts(project)[0].id
    for turn in transcript_view(project, doc).turns:
        if words in turn.text:
            start = turn.start + turn.text.index(words)
            return doc, start, start + len(words)
    raise AssertionError(words)


def code(project: Project, statement: str, *passages: str) -> int:
    code_id = create_code(project, statement)
    for words in passages:
        add_coding(project, code_id, *at(project, words))
    return code_id


def copy_of(project: Project, root: Path, coder: str) -> Project:
    """A colleague's copy of the project: the same transcripts, no analysis."""
    init_project(root)
    shutil.copytree(project.root / "corpus", root / "corpus", dirs_exist_ok=True)
    other = open_project(root, coder=coder, exact=True)
    import_paths(other, [])
    return other


def summary(project: Project) -> list[tuple[int, str, str, int | None, int]]:
    return [(c.id, c.statement, c.description, c.group_id, c.codings) for c in list_codes(project)]


def codings_of(project: Project) -> dict[str, list[tuple[str, str]]]:
    """Statement → sorted (coder, coded words) of every coding."""
    found: dict[str, list[tuple[str, str]]] = {}
    summaries = {c.id: c.statement for c in list_codes(project)}
    with project.store.reading() as session:
        rows = session.execute(select(Coding, Coder.name).join(Coder, Coder.id == Coding.coder_id))
        for coding, name in rows:
            found.setdefault(summaries[coding.code_id], []).append((name, coding.anchor_text))
    return {k: sorted(v) for k, v in found.items()}


# --- pairing, without a store ------------------------------------------------------------------------


def side(*codes: SideCode) -> Side:
    return Side("file", "", "x", codes)


def test_pairs_by_id_then_one_to_one_by_likeness() -> None:
    left = side(
        SideCode("s", "stafettlogg perm", "a", group="Rutiner", group_key="g1"),
        SideCode("w1", "vente ringe hjem sikker", "a", group="Vente", group_key="g2"),
        SideCode("w2", "vente ringe hjem", "a"),
        SideCode("q", "barnehage tid", "a", group="Annet", group_key="g3"),
    )
    right = side(
        SideCode("s", "stafettlogg perm kontor", "b", group="Dokumentasjon", group_key="g9"),
        SideCode("v", "vente ringe hjem sikker", "b", group="vente", group_key="g8"),
        SideCode("z", "kontor skole", "b", group="Annet", group_key="g7"),
    )
    proposal = match(left, right, engine(TermWeights()))
    proposed = [(p.left, p.right, p.by_id) for p in proposal.pairs if p.proposed]
    assert proposed == [("s", "s", True), ("w1", "v", False)]  # v goes to its exact twin only
    assert ("w2", "v") in [(p.left, p.right) for p in proposal.pairs if not p.proposed]  # a candidate
    # Differing groups are listed for the pairs, never decided: a group named alike is the same group.
    assert [(c.left, c.left_group, c.right_group) for c in proposal.conflicts] == [
        ("s", "Rutiner", "Dokumentasjon")
    ]


# --- a colleague's codebook file ---------------------------------------------------------------------


@pytest.fixture
def kari_file(project: Project, tmp_path: Path) -> Iterator[Path]:
    """tester and kari share the code «Stafettloggen…» (same id), coded apart, in different groups."""
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    shared = code(project, "Stafettloggen ligger i en perm", "Stafettloggen ligger i en perm")
    move_codes(project, [shared], create_group(project, "Rutiner"))
    write_codebook(export_codebook(project), tmp_path / "felles.toml")
    code(project, "Venter med å ringe hjem til hun er sikker", "Jeg venter med å ringe hjem.")
    code(project, "Ingen leser loggen", "Den leser ingen.")

    kari = copy_of(project, tmp_path / "kari", "kari")
    try:
        import_codebook_file(kari, tmp_path / "felles.toml")
        own = {c.statement: c.id for c in list_codes(kari)}["Stafettloggen ligger i en perm"]
        move_codes(kari, [own], create_group(kari, "Dokumentasjon"))
        add_coding(kari, own, *at(kari, "Stafettloggen ligger i en perm"))
        code(kari, "Venter med å ringe hjem til hun er helt sikker", "Jeg venter med å ringe hjem. Jeg vil")
        code(kari, "Vil være sikker først", "Jeg vil være helt sikker først.")
        yield write_codebook(export_codebook(kari, with_codings=True), tmp_path / "kari.toml")
    finally:
        kari.close()


def test_merge_a_colleagues_codebook(project: Project, kari_file: Path) -> None:
    proposal = propose_merge(project, kari_file, "kari")
    names = {c.key: c.statement for c in (*proposal.left.codes, *proposal.right.codes)}
    proposed = [(names[p.left], names[p.right], p.by_id) for p in proposal.pairs if p.proposed]
    assert proposed == [
        ("Stafettloggen ligger i en perm", "Stafettloggen ligger i en perm", True),
        (
            "Venter med å ringe hjem til hun er sikker",
            "Venter med å ringe hjem til hun er helt sikker",
            False,
        ),
    ]
    assert [(c.left_group, c.right_group) for c in proposal.conflicts] == [("Rutiner", "Dokumentasjon")]
    kari_waits = proposal.right.code(proposal.pairs[1].right)
    assert kari_waits is not None and kari_waits.passages[0].words == "Jeg venter med å ringe hjem. Jeg vil"

    before_codes, before_codings = summary(project), codings_of(project)
    first, second = (p for p in proposal.pairs if p.proposed)
    decisions = [
        Decision(first.left, first.right, "accept"),
        Decision(second.left, second.right, "rename", "Venter med å ringe hjem"),
        *(Decision(p.left, p.right, "apart") for p in proposal.pairs if not p.proposed),
    ]
    report = apply_merge(project, proposal, decisions)
    assert (report.merged, report.renamed, report.codes_added, report.codings_added) == (2, 1, 1, 3)
    assert len(report.conflicts) == 1

    codes = {c.statement: c for c in list_codes(project)}
    assert sorted(codes) == ["Ingen leser loggen", "Stafettloggen ligger i en perm",
                             "Venter med å ringe hjem", "Vil være sikker først"]  # fmt: skip
    assert codes["Stafettloggen ligger i en perm"].group_name == "Rutiner"  # the conflict is not decided
    assert codes["Vil være sikker først"].group_name is None
    assert codings_of(project)["Venter med å ringe hjem"] == [
        ("kari", "Jeg venter med å ringe hjem. Jeg vil"),
        ("tester", "Jeg venter med å ringe hjem."),
    ]
    assert codings_of(project)["Stafettloggen ligger i en perm"] == [
        ("kari", "Stafettloggen ligger i en perm"),
        ("tester", "Stafettloggen ligger i en perm"),
    ]
    memo = memos_for(project, "code", codes["Venter med å ringe hjem"].id)[0].text
    assert memo.startswith("Slått sammen fra «Venter med å ringe hjem til hun er sikker» (tester) og")
    assert "(kari, kari.toml)" in memo
    conflict_memo = memos_for(project, "code", codes["Stafettloggen ligger i en perm"].id)[0].text
    assert "«Rutiner» / «Dokumentasjon»" in conflict_memo

    after, memos = summary(project), len(memos_for(project, "code", codes["Venter med å ringe hjem"].id))
    again = apply_merge(project, propose_merge(project, kari_file, "kari"), decisions)  # applied twice
    assert (again.codes_added, again.codings_added) == (0, 0) and summary(project) == after
    assert len(memos_for(project, "code", codes["Venter med å ringe hjem"].id)) == memos

    assert undo(project) is not None  # the whole merge is one undoable action (the second changed nothing)
    assert summary(project) == before_codes and codings_of(project) == before_codings


def test_a_bad_decision_set_changes_nothing(project: Project, kari_file: Path) -> None:
    proposal = propose_merge(project, kari_file, "kari")
    pair = next(p for p in proposal.pairs if p.by_id)
    other = next(c.key for c in proposal.left.codes if c.key != pair.left)
    before = dump_store(project)
    bad = [
        ([Decision(pair.left, pair.right, "accept"), Decision(other, pair.right, "accept")], "already"),
        ([Decision(pair.left, pair.right, "rename")], "needs the new statement"),
        ([Decision(pair.left, pair.right, "slå sammen")], "must be accept, rename or apart"),
        ([Decision("ukjent", pair.right, "accept")], "no such code"),
        ([Decision(pair.left, pair.right, "apart"), Decision(pair.left, pair.right, "accept")], "twice"),
    ]
    for decisions, message in bad:
        with pytest.raises(WorkflowError, match=message):
            apply_merge(project, proposal, decisions)
        assert dump_store(project) == before
    # A failure half-way (a passage whose words are not in the transcript) rolls everything back.
    kari_file.write_text(
        kari_file.read_text(encoding="utf-8").replace("Jeg vil være helt sikker først.", "Jeg vil vente."),
        encoding="utf-8",
    )
    broken = propose_merge(project, kari_file, "kari")
    accept = [Decision(p.left, p.right, "accept") for p in broken.pairs if p.proposed]
    with pytest.raises(WorkflowError, match=r"are not in corpus/bh-1\.md"):
        apply_merge(project, broken, accept)
    assert dump_store(project) == before


def test_two_codebook_files_into_a_fresh_copy(project: Project, kari_file: Path, tmp_path: Path) -> None:
    mine = write_codebook(export_codebook(project, with_codings=True), tmp_path / "tester.toml")
    target = copy_of(project, tmp_path / "samlet", "leder")
    try:
        proposal = propose_files(target, mine, kari_file, ["tester", "kari"])
        assert sum(p.by_id for p in proposal.pairs) == 1
        report = apply_merge(target, proposal, [Decision(p.left, p.right, "accept")
                                                for p in proposal.pairs if p.proposed])  # fmt: skip
        assert report.merged == 2 and report.codes_added == 4  # tester's three codes and kari's own one
        codings = codings_of(target)
        assert codings["Stafettloggen ligger i en perm"] == [
            ("kari", "Stafettloggen ligger i en perm"),
            ("tester", "Stafettloggen ligger i en perm"),
        ]
        assert len(codings) == 4 and sum(len(v) for v in codings.values()) == 6  # three each
    finally:
        target.close()


# --- two coders in one store -------------------------------------------------------------------------


def test_merge_the_codes_of_two_coders_in_one_store(project: Project) -> None:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    kari = open_project(project.root, coder="kari", exact=True)
    ola = open_project(project.root, coder="ola", exact=True)
    try:
        waits = code(kari, "Venter med å ringe hjem", "Jeg venter med å ringe hjem.")
        documented = code(kari, "Stafettloggen ligger i perm på kontoret", "Stafettloggen ligger i en perm")
        move_codes(kari, [documented], create_group(kari, "Dokumentasjon"))
        ola_waits = code(ola, "Venter med å ringe hjem til hun er sikker", "Jeg venter med å ringe hjem.")
        write_memo(ola, "code", ola_waits, "Frykt for å ta feil.")
        move_codes(ola, [code(ola, "Stafettloggen ligger i en perm", "Stafettloggen ligger i en perm på")],
                   create_group(ola, "Rutiner"))  # fmt: skip
        code(ola, "Ingen leser den", "Den leser ingen.")
        with pytest.raises(WorkflowError, match="no coder called «per»"):
            propose_coders(project, "kari", "per")
        before = summary(project)

        proposal = propose_coders(project, "kari", "ola")
        assert len([p for p in proposal.pairs if p.proposed]) == 2
        assert [(c.left_group, c.right_group) for c in proposal.conflicts] == [("Dokumentasjon", "Rutiner")]
        report = apply_merge(project, proposal, [Decision(p.left, p.right, "accept")
                                                 for p in proposal.pairs if p.proposed])  # fmt: skip
        assert (report.merged, report.codings_moved, report.codes_added) == (2, 2, 0)
        codes = {c.statement: c for c in list_codes(project)}
        assert sorted(codes) == ["Ingen leser den", "Stafettloggen ligger i perm på kontoret",
                                 "Venter med å ringe hjem"]  # fmt: skip
        assert codes["Venter med å ringe hjem"].id == waits and codes["Venter med å ringe hjem"].codings == 2
        memos = [m.text for m in memos_for(project, "code", waits)]
        assert "Frykt for å ta feil." in memos  # ola's memo follows the code
        assert any(m.startswith("Slått sammen fra «Venter med å ringe hjem» (kari) og") for m in memos)
        # The codings keep their coders, so the merged codebook is ready for an agreement check.
        both = agreement(project, "sentence", ["kari", "ola"], code=str(waits))
        assert both.codes[0].applied == (1, 1) and both.codes[0].percent == 1.0

        undo(project)
        assert summary(project) == before
    finally:
        kari.close()
        ola.close()


def test_the_same_id_kept_apart_becomes_a_code_of_its_own(project: Project, kari_file: Path) -> None:
    proposal = propose_merge(project, kari_file, "kari")
    shared = next(p for p in proposal.pairs if p.by_id)
    report = apply_merge(project, proposal, [Decision(shared.left, shared.right, "apart")])
    assert (report.merged, report.kept_apart, report.codes_added) == (0, 1, 3)  # and kari's other two
    statements = sorted(c.statement for c in list_codes(project))
    assert statements.count("Stafettloggen ligger i en perm") == 2 and len(statements) == 6
    assert codings_of(project)["Stafettloggen ligger i en perm"] == [
        ("kari", "Stafettloggen ligger i en perm"),
        ("tester", "Stafettloggen ligger i en perm"),
    ]


def test_merge_sources_lists_codebook_files_and_coders_with_codes(project: Project, kari_file: Path) -> None:
    """What the TUI offers: codebook files (never the decision files `sdi merge` writes beside them), and
    only coders who made codes."""
    folder = project.config.codebooks_dir
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(kari_file, folder / "kari.toml")
    (folder / "merge-2026-01-01.toml").write_text('format = "sdi-merge/1"\n', encoding="utf-8")
    lurker = open_project(project.root, coder="lurker", exact=True)  # a coder without codes
    with lurker.store.transaction() as session:
        lurker.coder_id(session)
    lurker.close()
    sources = merge_sources(project)
    assert [p.name for p in sources.files] == ["kari.toml"]
    assert sources.coders == ("tester",)
