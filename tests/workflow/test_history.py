"""Undo/redo: every coding and naming action, per coder, persisted, refused when work happened since."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sdi.storage.models import Coding, Document
from sdi.workflow.code import add_coding, create_code, delete_code, list_codes, rename_code
from sdi.workflow.corpus import stage_view, update_stage_summary
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.history import recent, redo, undo
from sdi.workflow.memo import memos_for, write_memo
from sdi.workflow.project import Project, open_project
from tests.conftest import dump_store, transcript_md, write

BODY = """\
Moderator: Hva gjør dere når dere blir bekymret?

P1: Jeg venter med å ringe hjem til jeg er helt sikker.

P2: Jeg ringer med en gang.
"""


@pytest.fixture
def doc(project: Project) -> int:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    with project.store.reading() as session:
        return session.scalars(select(Document.id)).one()


def statements(project: Project) -> list[str]:
    return [c.statement for c in list_codes(project)]


def test_nothing_to_undo(project: Project, doc: int) -> None:
    assert undo(project) is None  # the import itself is not undoable
    assert redo(project) is None


def test_undo_and_redo_a_new_code_with_its_coding(project: Project, doc: int) -> None:
    before = dump_store(project)
    code = create_code(project, "Venter til hun er helt sikker")
    add_coding(project, code, doc, 50, 60)
    assert undo(project) is not None  # the coding
    assert undo(project) == "ny kode: Venter til hun er helt sikker"
    assert statements(project) == []
    assert redo(project) is not None
    assert redo(project) is not None
    assert statements(project) == ["Venter til hun er helt sikker"]
    with project.store.reading() as session:
        coding = session.scalars(select(Coding)).one()
        assert (coding.code_id, coding.start, coding.end) == (code, 50, 60)
    undo(project)
    undo(project)
    tables_without_log = [line for line in dump_store(project).splitlines() if line.startswith("-- ")]
    assert tables_without_log == [line for line in before.splitlines() if line.startswith("-- ")]


def test_undo_rename_and_delete(project: Project, doc: int) -> None:
    code = create_code(project, "Ringer hjem med en gang")
    add_coding(project, code, doc, 10, 20)
    rename_code(project, code, "Ringer foreldrene med en gang")
    assert statements(project) == ["Ringer foreldrene med en gang"]
    undo(project)
    assert statements(project) == ["Ringer hjem med en gang"]
    redo(project)
    assert delete_code(project, code) == 1
    assert statements(project) == []
    undo(project)  # the code and its coding come back, with their ids
    codes = list_codes(project)
    assert [(c.id, c.statement, c.codings) for c in codes] == [(code, "Ringer foreldrene med en gang", 1)]


def test_a_new_action_discards_the_redo(project: Project, doc: int) -> None:
    create_code(project, "A")
    undo(project)
    create_code(project, "B")
    assert redo(project) is None
    assert statements(project) == ["B"]


def test_history_survives_a_restart(project: Project, doc: int) -> None:
    create_code(project, "Stafettloggen ligger i en perm")
    update_stage_summary(project, "Barnehage Fjordvik", 1, "De venter lenge før de ringer.")
    write_memo(project, "document", doc, "Se også runde 2.")
    config_root = project.root
    project.close()
    again = open_project(config_root, coder="tester", exact=True)
    try:
        assert [item.state for item in recent(again)] == ["done", "done", "done"]
        undo(again)
        assert memos_for(again, "document", doc) == []
        undo(again)
        assert stage_view(again, "Barnehage Fjordvik", 1).summary == ""
        undo(again)
        assert statements(again) == []
    finally:
        again.close()


def test_undo_is_per_coder(project: Project, doc: int) -> None:
    create_code(project, "Kodet av tester")
    other = open_project(project.root, coder="kollega", exact=True)
    try:
        assert undo(other) is None
        create_code(other, "Kodet av kollega")
        undo(project)
        assert statements(project) == ["Kodet av kollega"]
    finally:
        other.close()


def test_undo_refuses_to_overwrite_later_work(project: Project, doc: int) -> None:
    code = create_code(project, "Første ordlyd")
    other = open_project(project.root, coder="kollega", exact=True)
    try:
        rename_code(other, code, "Kollegaens ordlyd")
    finally:
        other.close()
    with pytest.raises(WorkflowError, match="cannot undo"):
        undo(project)
    assert statements(project) == ["Kollegaens ordlyd"]


def test_coding_with_a_new_code_is_one_undo(project: Project, doc: int) -> None:
    from sdi.workflow.code import code_span

    code, _ = code_span(project, doc, 50, 60, statement="Ringer med en gang")
    code_span(project, doc, 10, 20, code_id=code)
    assert [c.codings for c in list_codes(project)] == [2]
    undo(project)
    assert [c.codings for c in list_codes(project)] == [1]
    undo(project)  # the new code and its first coding together
    assert list_codes(project) == []
    with pytest.raises(WorkflowError, match="either an existing code or a new statement"):
        code_span(project, doc, 1, 2)
