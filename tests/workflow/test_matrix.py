"""Matrices, co-occurrence and stage comparison against counts made by hand (see comparison_fixture), on
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from sdi.workflow.cooccurrence import cooccurrence
from sdi.workflow.errors import WorkflowError
from sdi.workflow.matrix import Cell, Matrix, cell_passages, matrix
from sdi.workflow.project import Project
from sdi.workflow.stage_comparison import compare_stages
from tests.workflow.comparison_fixture import Study, build_study


@pytest.fixture
def study(project: Project) -> Study:
    return build_study(project)


def grid(table: Matrix, measure: str) -> dict[tuple[str, str], object]:
    return {
        (row.label, column.label): table.cell(r, c).value(measure)
        for r, row in enumerate(table.rows)
        for c, column in enumerate(table.columns)
    }


def test_code_groups_by_focus_group(study: Study) -> None:
    table = matrix(study.project, "code_group", "group")
    assert [r.label for r in table.rows] == ["Å vente", "Stafettbrudd", "(uten kodegruppe)"]
    assert [c.label for c in table.columns] == ["Barnehage Fjordvik", "Skole Åsmark"]
    bh, sk = "Barnehage Fjordvik", "Skole Åsmark"
    assert grid(table, "codings") == {
        ("Å vente", bh): 3, ("Å vente", sk): 1,
        ("Stafettbrudd", bh): 3, ("Stafettbrudd", sk): 2,
        ("(uten kodegruppe)", bh): 2, ("(uten kodegruppe)", sk): 0,
    }  # fmt: skip
    assert grid(table, "turns") == {
        ("Å vente", bh): 2, ("Å vente", sk): 1,
        ("Stafettbrudd", bh): 3, ("Stafettbrudd", sk): 2,
        ("(uten kodegruppe)", bh): 2, ("(uten kodegruppe)", sk): 0,
    }  # fmt: skip
    assert grid(table, "speakers") == {
        ("Å vente", bh): 2, ("Å vente", sk): 1,
        ("Stafettbrudd", bh): 2, ("Stafettbrudd", sk): 2,
        ("(uten kodegruppe)", bh): 1, ("(uten kodegruppe)", sk): 0,  # the moderator's turn does not count
    }  # fmt: skip
    assert grid(table, "share")[("Å vente", sk)] == 0.5
    assert table.row_totals == (Cell(4, 3, 3, 4), Cell(5, 5, 4, 4), Cell(2, 2, 1, 4))
    assert table.row_totals[0].share == 0.75
    assert table.column_totals == (Cell(8, 6, 2, 2), Cell(3, 2, 2, 2))
    assert table.total == Cell(11, 8, 4, 4)


def test_a_coding_over_two_speakers_counts_for_both_but_once_in_the_totals(study: Study) -> None:
    table = matrix(study.project, "code_group", "participant")
    labels = [c.label for c in table.columns]
    assert labels == ["Moderator (Barnehage Fjordvik)", "P1 (Barnehage Fjordvik)", "P2 (Barnehage Fjordvik)",
                      "Moderator (Skole Åsmark)", "S1 (Skole Åsmark)", "S2 (Skole Åsmark)"]  # fmt: skip
    stafett = [table.cell(1, c).codings for c in range(len(labels))]
    assert stafett == [0, 2, 2, 0, 1, 1]  # c4 runs from P2's turn into P1's
    assert sum(stafett) == 6 and table.row_totals[1].codings == 5
    assert [c.codings for c in table.column_totals] == [1, 5, 3, 0, 1, 2]  # P1: c1, c2, c4, c6, c11
    assert table.column_totals[0].share is None  # nobody to share among: only the moderator spoke there
    assert table.cell(2, 0) == Cell(1, 1, 0, 0)  # D on the moderator's question


def test_stages_roles_concepts_and_codes(study: Study) -> None:
    by_stage = matrix(study.project, "code_group", "stage")
    assert [c.label for c in by_stage.columns] == ["runde 1", "runde 2"]
    assert grid(by_stage, "codings")[("Å vente", "runde 1")] == 3
    assert grid(by_stage, "codings")[("Stafettbrudd", "runde 1")] == 4
    assert [c.informants for c in by_stage.column_totals] == [4, 2]
    by_role = matrix(study.project, "code", "role")
    assert [c.label for c in by_role.columns] == ["Barnehagelærer", "Helsesykepleier", "Kontaktlærer",
                                                  "Pedagogisk leder", "Moderator"]  # fmt: skip
    assert grid(by_role, "codings")[("Venter til de er sikre", "Pedagogisk leder")] == 2
    concepts = matrix(study.project, "concept", "category")
    assert [r.label for r in concepts.rows] == ["Stafettbrudd"]
    assert [c.label for c in concepts.columns] == ["Barnehage", "Skole"]
    assert concepts.values("codings") == [[3, 2]] and concepts.total.codings == 5
    codes = matrix(study.project, "code", "site")
    assert [t.codings for t in codes.row_totals] == [4, 3, 2, 1, 1]
    by_transcript = matrix(study.project, "code_group", "transcript", "en")
    assert [c.label for c in by_transcript.columns] == [
        "Barnehage Fjordvik, stage 1", "Barnehage Fjordvik, stage 2", "Skole Åsmark, stage 1"]


def test_a_cell_lists_its_passages_in_transcript_order(study: Study) -> None:
    table = matrix(study.project, "code_group", "group")
    passages = cell_passages(study.project, table, 0, 0)
    assert [p.coding_id for p in passages] == [study.codings[1], study.codings[2], study.codings[5]]
    assert passages[0].text == "Vi venter til vi er sikre."
    assert (passages[0].group, passages[0].stage, passages[0].speaker) == ("Barnehage Fjordvik", 1, "P1")
    assert cell_passages(study.project, table, 2, 1) == []


def test_cooccurrence_in_the_same_turn(study: Study) -> None:
    found = cooccurrence(study.project, "code", "turn")
    labels = {i: item.label for i, item in enumerate(found.items)}
    pairs = {(labels[p.first], labels[p.second]): (p.count, round(p.jaccard, 4)) for p in found.pairs}
    assert pairs == {
        ("Venter til de er sikre", "Ingen har stafettpinnen"): (1, 0.2),  # SK t2 of 5 turns with A or C
        ("Loggen blir borte", "Ingen har stafettpinnen"): (1, 0.2),  # BH1 t2
        ("Loggen blir borte", "Ny logg hjelper"): (1, round(1 / 3, 4)),  # BH2 t2 of 3
    }
    assert found.units == (3, 3, 3, 1, 1)


def test_cooccurrence_of_overlapping_codings(study: Study) -> None:
    found = cooccurrence(study.project, "code", "overlap")
    labels = {i: item.label for i, item in enumerate(found.items)}
    pairs = {(labels[p.first], labels[p.second]): (p.count, p.jaccard) for p in found.pairs}
    length = {n: end - start for n, (start, end) in study.spans.items()}
    a = length[1] + length[2] + length[5] + length[8]
    b = length[3] + length[6] + length[7]
    c = length[4] + length[9]
    e = length[11]
    assert pairs == {
        ("Venter til de er sikre", "Ingen har stafettpinnen"): (1, 17 / (a + c - 17)),  # «Vi venter på svar»
        ("Loggen blir borte", "Ingen har stafettpinnen"): (1, 11 / (b + c - 11)),  # «på kontoret»
        ("Loggen blir borte", "Ny logg hjelper"): (1, e / (b + e - e)),  # the same words
    }
    assert found.units == (4, 3, 2, 1, 1)  # codings


def test_cooccurrence_within_n_turns(study: Study) -> None:
    found = cooccurrence(study.project, "code", "near", within=1)
    labels = {i: item.label[:6] for i, item in enumerate(found.items)}
    pairs = {(labels[p.first], labels[p.second]): (p.count, round(p.jaccard, 4)) for p in found.pairs}
    assert pairs == {
        ("Venter", "Loggen"): (3, 1.0),
        ("Venter", "Ingen "): (2, 0.6),
        ("Loggen", "Ingen "): (3, 0.8),
        ("Venter", "Modera"): (1, 0.5),
        ("Venter", "Ny log"): (1, 0.5),
        ("Loggen", "Ny log"): (1, round(1 / 3, 4)),
    }
    same_turn = cooccurrence(study.project, "code", "near", within=0)
    turn = cooccurrence(study.project, "code", "turn")
    assert [(p.first, p.second, p.count, p.jaccard) for p in same_turn.pairs] == [
        (p.first, p.second, p.count, p.jaccard) for p in turn.pairs]
    groups = cooccurrence(study.project, "code_group", "turn")
    assert [(groups.items[p.first].label, groups.items[p.second].label, p.count) for p in groups.pairs] == [
        ("Stafettbrudd", "(uten kodegruppe)", 1),  # Jaccard 1/6 (BH2 t2 of 6 turns)
        ("Å vente", "Stafettbrudd", 1),  # Jaccard 1/7
    ]


def test_stage_comparison(study: Study) -> None:
    (change,) = compare_stages(study.project, "code")
    assert (change.group, change.earlier, change.later) == ("Barnehage Fjordvik", 1, 2)
    assert change.new == (("Ny logg hjelper", 1),)
    assert change.gone == (("Ingen har stafettpinnen", 1), ("Moderator spør om bekymring", 1))
    assert change.kept == (("Venter til de er sikre", 2, 1), ("Loggen blir borte", 1, 1))


def test_unknown_choices_are_refused_in_the_projects_language(study: Study) -> None:
    with pytest.raises(WorkflowError) as refused:
        matrix(study.project, "code_group", "kommune")
    assert "group, category, site" in str(refused.value)
    assert refused.value.in_language("nb").startswith("kolonner etter «kommune»?")
    with pytest.raises(WorkflowError):
        matrix(study.project, "tema", "group")
    with pytest.raises(WorkflowError):
        cooccurrence(study.project, "code", "near", within=-1)
    with pytest.raises(WorkflowError):
        matrix(study.project).values("andel")


def test_an_empty_project_gives_an_empty_matrix(project: Project) -> None:
    table = matrix(project, "code_group", "group")
    assert table.rows == () and table.columns == () and table.total == Cell()
    assert cooccurrence(project).pairs == ()
    assert compare_stages(project) == []


def test_spans_between_turns_and_empty_spans_find_their_turn(study: Study) -> None:
    from sqlalchemy import select

    from sdi.storage.models import Coding, Document
    from sdi.workflow.coded_turns import load_coded_turns

    project = study.project
    with project.store.reading() as session:
        document_id, text = session.execute(
            select(Document.id, Document.text).where(Document.source_path == "corpus/bh-1.md")
        ).one()
    first_words = text.index("Loggen ligger")
    gap = first_words - 1  # the line break between P1's turn and P2's
    assert text[gap] == "\n"
    with project.store.transaction() as session:  # spans as a re-import can leave them
        for start, end in ((gap, gap + 1), (gap, first_words + 6), (first_words, first_words)):
            session.add(Coding(code_id=study.codes["D"], document_id=document_id, start=start, end=end))
    with project.store.reading() as session:
        coded = load_coded_turns(session, "code", "nb")
    here = [p for p in coded.codings if p.document_id == document_id]
    turns = {(p.start, p.end): (p.first_turn, p.last_turn) for p in here}
    t1 = turns[study.spans[1]][0]  # P1's first turn
    assert turns[study.spans[3]] == (t1 + 1, t1 + 1)  # B in P2's turn
    assert turns[study.spans[4]] == (t1 + 1, t1 + 2)  # C from P2's turn into P1's
    assert turns[(gap, gap + 1)] == (t1, t1)  # wholly between two turns: the one before
    assert turns[(gap, first_words + 6)] == (t1 + 1, t1 + 1)  # starts between, runs into P2's words
    assert turns[(first_words, first_words)] == (t1 + 1, t1 + 1)  # an empty span: the turn around it


def test_a_turn_without_a_participant_counts_by_its_label(study: Study) -> None:
    """Turns stored without a participant (a label the importer could not tie to one) are spoken by their
    label: one speaker per label and focus group."""
    from sqlalchemy import update

    from sdi.storage.models import Utterance

    with study.project.store.transaction() as session:
        session.execute(update(Utterance).where(Utterance.speaker == "S2").values(participant_id=None))
    table = matrix(study.project, "code_group", "participant")
    labels = [c.label for c in table.columns]
    assert "S2 (Skole Åsmark)" in labels
    column = labels.index("S2 (Skole Åsmark)")
    assert table.cell(0, column) == Cell(1, 1, 1, 1)  # A (c8) on S2's turn
    by_group = matrix(study.project, "code_group", "group")
    assert by_group.column_totals[1] == Cell(3, 2, 2, 2)  # still two informants in Skole Åsmark


def test_turns_out_of_text_order_are_refused_naming_the_transcript(study: Study) -> None:
    from sqlalchemy import select, update

    from sdi.storage.models import Utterance

    with study.project.store.transaction() as session:  # a damaged store: two turns' numbers swapped
        document = session.scalars(select(Utterance.document_id).order_by(Utterance.id).limit(1)).one()
        query = select(Utterance.id, Utterance.seq).where(Utterance.document_id == document)
        turns = session.execute(query.order_by(Utterance.seq)).all()
        first, second = turns[1], turns[2]
        session.execute(update(Utterance).where(Utterance.id == first.id).values(seq=-1))
        session.execute(update(Utterance).where(Utterance.id == second.id).values(seq=first.seq))
        session.execute(update(Utterance).where(Utterance.id == first.id).values(seq=second.seq))
    with pytest.raises(WorkflowError) as refused:
        matrix(study.project)
    assert refused.value.key == "error.matrix.turn_order"
    assert f"transcript {document}:" in str(refused.value)
