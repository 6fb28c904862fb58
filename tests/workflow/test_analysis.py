"""Steps 3–5 of SDI over a real store: code groups, concepts with key quotes, quote sets, checks."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sdi.storage.models import Document
from sdi.workflow.check import audit_log, record_check
from sdi.workflow.code import add_coding, create_code, delete_code, list_codes
from sdi.workflow.code_group import (
    code_spread,
    codings_of_code,
    codings_of_group,
    create_group,
    delete_group,
    list_groups,
    move_codes,
    order_groups,
    rename_group,
    rest_group,
)
from sdi.workflow.concept import concept_view, create_concept, set_key_quotes, update_concept
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.history import undo
from sdi.workflow.overview import project_status
from sdi.workflow.project import Project
from sdi.workflow.quote import (
    add_quote,
    create_quote_set,
    edit_display,
    move_quote,
    quotes_of_set,
    remove_quote,
    tidy_display,
)
from tests.conftest import transcript_md, write

STAGE_1 = """\
Moderator: Hva gjør dere når dere blir bekymret?

P1: Eh, jeg venter med å ringe hjem til jeg er helt sikker.

P2: Jeg ringer med en gang (ler). Det er bedre å ringe tidlig.
"""
STAGE_2 = """\
Moderator: Sist sa dere at dere venter.

P1: Ja, vi venter fortsatt for lenge, altså.

P2: Stafettloggen ligger i en perm.
"""


@pytest.fixture
def coded(project: Project) -> dict[str, int]:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, STAGE_1))
    write(project.root, "corpus/bh-2.md", transcript_md("Barnehage Fjordvik", 2, STAGE_2))
    import_paths(project, [])
    with project.store.reading() as session:
        docs = {d.source_path: (d.id, d.text) for d in session.scalars(select(Document))}
    ids: dict[str, int] = {}

    def code(statement: str, path: str, words: str) -> int:
        doc_id, text = docs[path]
        start = text.index(words)
        code_id = ids.get(statement) or create_code(project, statement)
        ids[statement] = code_id
        return add_coding(project, code_id, doc_id, start, start + len(words))

    ids["c1"] = code(
        "Venter med å ringe hjem til hun er sikker", "corpus/bh-1.md", "jeg venter med å ringe hjem"
    )
    ids["c2"] = code("Ringer hjem med en gang", "corpus/bh-1.md", "Jeg ringer med en gang")
    ids["c3"] = code(
        "Venter med å ringe hjem til hun er sikker", "corpus/bh-2.md", "vi venter fortsatt for lenge"
    )
    ids["c4"] = code("Stafettloggen ligger i en perm", "corpus/bh-2.md", "Stafettloggen ligger i en perm")
    return ids


def test_groups_collect_codes_and_count_them(project: Project, coded: dict[str, int]) -> None:
    timing = create_group(project, "Å vente eller handle")
    tools = create_group(project, "Verktøy som ikke brukes")
    with pytest.raises(WorkflowError, match="already a code group"):
        create_group(project, "Å vente eller handle")
    waiting, calling, log = (
        coded["Venter med å ringe hjem til hun er sikker"],
        coded["Ringer hjem med en gang"],
        coded["Stafettloggen ligger i en perm"],
    )
    assert project_status(project).ungrouped_codes == 3
    assert move_codes(project, [waiting, calling], timing) == 2  # several codes in one move
    move_codes(project, [log], tools)
    groups = {g.name: g for g in list_groups(project)}
    assert (groups["Å vente eller handle"].codes, groups["Å vente eller handle"].codings) == (2, 3)
    assert project_status(project).ungrouped_codes == 0
    undo(project)
    assert project_status(project).ungrouped_codes == 1
    spread = {s.statement: s for s in code_spread(project)}
    assert spread["Venter med å ringe hjem til hun er sikker"].codings == 2
    assert spread["Venter med å ringe hjem til hun er sikker"].stages == (
        "Barnehage Fjordvik/1",
        "Barnehage Fjordvik/2",
    )
    assert spread["Venter med å ringe hjem til hun er sikker"].speakers == 1
    order_groups(project, [tools, timing])
    assert [g.name for g in list_groups(project)] == ["Verktøy som ikke brukes", "Å vente eller handle"]
    rename_group(project, tools, "Stafettloggen sover")
    assert {g.name for g in list_groups(project)} == {"Stafettloggen sover", "Å vente eller handle"}


def test_one_rest_group(project: Project, coded: dict[str, int]) -> None:
    rest = rest_group(project)
    assert rest_group(project) == rest
    with pytest.raises(WorkflowError, match="already has a rest group"):
        create_group(project, "Rest 2", rest=True)
    assert list_groups(project)[-1].is_rest


def test_concept_from_a_group_with_key_quotes_from_its_codings(
    project: Project, coded: dict[str, int]
) -> None:
    group = create_group(project, "Å vente eller handle")
    waiting = coded["Venter med å ringe hjem til hun er sikker"]
    move_codes(project, [waiting], group)
    concept = create_concept(
        project, group, "Sikkerhetsventing", "Å vente til man er sikker før foreldre kontaktes."
    )
    with pytest.raises(WorkflowError, match="one concept per code group"):
        create_concept(project, group, "Et til")
    with pytest.raises(WorkflowError, match="not in the group"):
        set_key_quotes(project, concept, [coded["c2"]])
    set_key_quotes(project, concept, [coded["c3"], coded["c1"]])
    view = concept_view(project, concept)
    assert [q.text for q in view.key_quotes] == [
        "vi venter fortsatt for lenge",
        "jeg venter med å ringe hjem",
    ]
    assert view.key_quotes[0].attribution == "Pedagogisk leder, Barnehage Fjordvik, runde 2"
    assert view.key_quotes[0].line > 0 and "altså" in view.key_quotes[0].turn_text
    update_concept(project, concept, definition="Ny definisjon")
    assert concept_view(project, concept).definition == "Ny definisjon"
    with pytest.raises(WorkflowError, match="delete the concept first"):
        delete_group(project, group)
    # walk back: concept → group → codes → codings in context
    contexts = codings_of_group(project, view.group_id)
    assert {c.coding_id for c in contexts} == {coded["c1"], coded["c3"]}
    assert [c.stage for c in codings_of_code(project, waiting)] == [1, 2]
    undo(project)  # the definition
    undo(project)  # the key quotes
    assert concept_view(project, concept).key_quotes == ()


def test_quote_set_keeps_order_display_version_and_original(project: Project, coded: dict[str, int]) -> None:
    poster = create_quote_set(project, "Poster")
    first = add_quote(project, poster, coded["c1"])
    second = add_quote(project, poster, coded["c2"])
    with pytest.raises(WorkflowError, match="already in"):
        add_quote(project, poster, coded["c1"])
    move_quote(project, second, 0)
    edit_display(project, first, "Jeg venter […] til jeg er helt sikker")
    views = quotes_of_set(project, poster)
    assert [v.id for v in views] == [second, first]
    assert views[1].display == "Jeg venter […] til jeg er helt sikker"
    assert views[1].original == "jeg venter med å ringe hjem"
    assert views[0].attribution == "Barnehagelærer, Barnehage Fjordvik, runde 1"
    with pytest.raises(WorkflowError, match="quoted in «Poster»"):
        delete_code(project, coded["Ringer hjem med en gang"])
    remove_quote(project, second)
    assert [v.position for v in quotes_of_set(project, poster)] == [0]
    assert delete_code(project, coded["Ringer hjem med en gang"]) == 1
    assert {c.statement for c in list_codes(project)} == {
        "Venter med å ringe hjem til hun er sikker",
        "Stafettloggen ligger i en perm",
    }


def test_tidy_display_removes_hesitations_and_cues() -> None:
    assert (
        tidy_display("eh, jeg jeg venter (pause) med å ringe, ehm, hjem (ler)")
        == "Jeg venter med å ringe, hjem"
    )


def test_checks_land_in_the_audit_log_of_their_object(project: Project, coded: dict[str, int]) -> None:
    group = create_group(project, "Å vente eller handle")
    record_check(project, "code_group", group, "koder lest mot utsagnene, 3 omdøpt")
    log = audit_log(project, "code_group", group)
    assert [(e.action, e.summary) for e in log] == [
        ("check", "koder lest mot utsagnene, 3 omdøpt"),
        ("create-group", "ny kodegruppe: Å vente eller handle"),
    ]
    assert log[0].coder == "tester"
    assert [e.summary for e in audit_log(project, checks_only=True)] == ["koder lest mot utsagnene, 3 omdøpt"]
    with pytest.raises(WorkflowError):
        record_check(project, "code_group", group, "  ")
    assert undo(project) == "ny kodegruppe: Å vente eller handle"  # a check is not an undoable edit


def test_deleting_concepts_and_quote_sets_is_undoable(project: Project, coded: dict[str, int]) -> None:
    import warnings

    from sdi.workflow.concept import delete_concept, list_concepts
    from sdi.workflow.quote import delete_quote_set, list_quote_sets

    group = create_group(project, "Å vente")
    move_codes(project, [coded["Venter med å ringe hjem til hun er sikker"]], group)
    concept = create_concept(project, group, "Sikkerhetsventing")
    set_key_quotes(project, concept, [coded["c1"], coded["c3"]])
    poster = create_quote_set(project, "Poster")
    add_quote(project, poster, coded["c1"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "expected to delete N rows" from a double delete
        delete_concept(project, concept)
        delete_quote_set(project, poster)
    assert list_concepts(project) == [] and list_quote_sets(project) == []
    undo(project)
    undo(project)
    assert [len(c.key_quotes) for c in list_concepts(project)] == [2]
    assert [s.quotes for s in list_quote_sets(project)] == [1]
