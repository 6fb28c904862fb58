"""Coding any span: a passage over several turns becomes one coding per turn (each speaker keeps their own
words), in one transaction and one undo step; offsets are stored exactly as given."""

from __future__ import annotations

import pytest

from sdi.workflow.code import code_passage, code_span, codings_of_document, list_codes
from sdi.workflow.code_group import codings_of_code
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.history import undo
from sdi.workflow.project import Project
from sdi.workflow.transcript import transcript_view
from tests.conftest import transcript_md, write

BODY = """\
Moderator: Hva gjør dere når dere blir bekymret?

P1: Jeg venter med å ringe hjem. Til jeg er helt sikker.

P2: Det gjør jeg også. Men det er feil.
"""


def imported(project: Project) -> int:
    path = write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [path])
    return 1


def test_a_span_over_two_turns_is_one_coding_per_turn(project: Project) -> None:
    document = imported(project)
    turns = transcript_view(project, document).turns
    p1, p2 = turns[1], turns[2]
    start = p1.start + p1.text.index("Til jeg")  # the second sentence of P1 …
    end = p2.start + p2.text.index(" Men")  # … into the first sentence of P2
    coded = code_passage(project, document, [(start, end)], statement="Venter til de er sikre")
    assert len(coded.coding_ids) == 2
    codings = codings_of_document(project, document)
    assert [(c.start, c.end) for c in codings] == [(start, p1.end), (p2.start, end)]
    assert [c.text for c in codings] == ["Til jeg er helt sikker.", "Det gjør jeg også."]
    assert {c.code_id for c in codings} == {coded.code_id}
    contexts = codings_of_code(project, coded.code_id)
    assert [c.speaker for c in contexts] == ["P1", "P2"]  # each quote attributed to who said it
    assert undo(project) is not None  # one undo step takes both codings and the new code
    assert codings_of_document(project, document) == [] and list_codes(project) == []


def test_code_span_keeps_its_answer_for_one_turn(project: Project) -> None:
    document = imported(project)
    turn = transcript_view(project, document).turns[1]
    code_id, coding_id = code_span(project, document, turn.start, turn.start + 9, statement="Venter")
    (coding,) = codings_of_document(project, document)
    assert (coding.id, coding.code_id, coding.text) == (coding_id, code_id, "Jeg vente")  # exact characters


def test_a_span_of_only_the_break_between_turns_is_refused(project: Project) -> None:
    document = imported(project)
    first, second = transcript_view(project, document).turns[:2]
    assert second.start > first.end
    with pytest.raises(WorkflowError) as refused:
        code_passage(project, document, [(first.end, second.start)], statement="Ingenting")
    assert refused.value.key == "error.code.no_words"
    assert list_codes(project) == []  # the new code was not made either
