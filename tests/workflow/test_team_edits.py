"""Edits that know what they saw, on both engines: a coding made on offsets of an older version of a
transcript follows its words or is refused (never lands on other words); an undo that would pull work from
under a colleague is refused naming them (never an IntegrityError, never a silent revert); the same new
coder, code group or quote set created by separate processes at once ends in one row and clear refusals."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sdi.storage.models import Code, CodeGroup, Coder, Coding, QuoteSet
from sdi.workflow.code import add_coding, code_passage, code_span, create_code, list_codes, remove_coding
from sdi.workflow.code_group import create_group, delete_group, list_groups, move_codes
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.history import undo
from sdi.workflow.memo import write_memo
from sdi.workflow.project import Project, open_project
from sdi.workflow.quote import add_quote, create_quote_set
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.conftest import dump_store, transcript_md, write

REPO = Path(__file__).resolve().parents[2]
BODY = """\
Moderator: Hvordan bruker dere stafettloggen?

P1: Vi fører alt i stafettloggen, men ingen leser den.

P2: Jeg ringer foreldrene med en gang.
"""


@pytest.fixture
def document(project: Project) -> int:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    import_paths(project, [])
    return list_transcripts(project)[0].id


@pytest.fixture
def colleague(project: Project) -> Iterator[Project]:
    other = open_project(project.root, coder="ola", exact=True)
    yield other
    other.close()


def _span(project: Project, document_id: int, words: str) -> tuple[int, int, int]:
    view = transcript_view(project, document_id)
    turn = next(t for t in view.turns if words in t.text)
    start = turn.start + turn.text.index(words)
    return start, start + len(words), view.version


def _reimport(colleague: Project, body: str) -> None:
    write(colleague.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, body))
    report = import_paths(colleague, [])
    assert report.count("updated") == 1, report


# ---- a coding on a stale selection ---------------------------------------------------------------------


def test_a_coding_on_an_older_version_follows_its_words(
    project: Project, colleague: Project, document: int
) -> None:
    start, end, seen = _span(project, document, "stafettloggen, men ingen leser den")
    _reimport(colleague, BODY.replace("Vi fører alt", "Ja, e må jo bare si at vi fører alt"))
    done = code_span(project, document, start, end, statement="Ingen leser loggen", document_version=seen)
    assert done.moved
    with project.store.reading() as session:
        coding = session.get(Coding, done[1])
        assert coding is not None and coding.status == "ok" and coding.document_version == seen + 1
    words = transcript_view(project, document)
    text = "\n".join(t.text for t in words.turns)
    assert "stafettloggen, men ingen leser den" in text
    assert [c.text for c in list_codings(project, document)] == ["stafettloggen, men ingen leser den"]


def test_a_coding_whose_words_are_gone_is_refused_naming_who_changed_the_text(
    project: Project, colleague: Project, document: int
) -> None:
    start, end, seen = _span(project, document, "stafettloggen, men ingen leser den")
    _reimport(colleague, BODY.replace("stafettloggen, men ingen leser den", "e må jo bar gjøre det"))
    before = dump_store(project)
    refusal = r"changed by ola since you selected .*no longer there"
    with pytest.raises(WorkflowError, match=refusal) as refused:
        code_span(project, document, start, end, statement="Ingen leser loggen", document_version=seen)
    assert "stafettloggen, men ingen leser den" in str(refused.value)
    assert dump_store(project) == before  # no code, no coding: nothing on «e må jo bar»
    with pytest.raises(WorkflowError, match="no longer there"):
        add_coding(project, create_code(project, "Logg"), document, start, end, document_version=seen)


def test_a_passage_over_two_turns_selected_in_an_older_version_follows_its_words(
    project: Project, colleague: Project, document: int
) -> None:
    """The workbench codes a selection turn by turn (`code_passage`): each piece follows its words."""
    first = _span(project, document, "ingen leser den")
    second = _span(project, document, "Jeg ringer foreldrene")
    seen = first[2]
    _reimport(colleague, BODY.replace("Vi fører alt", "Ja, e må jo bare si at vi fører alt"))
    coded = code_passage(project, document, [first[:2], second[:2]], statement="Leser og ringer",
                         document_version=seen)  # fmt: skip
    assert coded.moved and len(coded.coding_ids) == 2
    texts = sorted(c.text for c in list_codings(project, document))
    assert texts == ["Jeg ringer foreldrene", "ingen leser den"]
    assert all(c.status == "ok" for c in list_codings(project, document))


def test_a_passage_with_one_piece_gone_is_refused_whole(
    project: Project, colleague: Project, document: int
) -> None:
    first = _span(project, document, "ingen leser den")
    second = _span(project, document, "Jeg ringer foreldrene")
    _reimport(colleague, BODY.replace("Jeg ringer foreldrene", "e må jo bar"))
    before = dump_store(project)
    with pytest.raises(WorkflowError, match="changed by ola since you selected"):
        code_passage(project, document, [first[:2], second[:2]], statement="Leser og ringer",
                     document_version=first[2])  # fmt: skip
    assert dump_store(project) == before


def list_codings(project: Project, document_id: int):  # type: ignore[no-untyped-def]
    from sdi.workflow.code import codings_of_document

    return codings_of_document(project, document_id)


# ---- undo that would pull work from under a colleague --------------------------------------------------


def test_undoing_a_group_a_colleague_filled_is_refused_naming_them(
    project: Project, colleague: Project, document: int
) -> None:
    code = create_code(colleague, "Ingen leser loggen")
    group = create_group(project, "Loggen")
    move_codes(colleague, [code], group)  # ola builds on the group
    before = dump_store(project)
    with pytest.raises(WorkflowError, match=r"cannot undo «ny kodegruppe: Loggen»: code \d+, added or "
                                            r"changed by ola since, builds on it"):  # fmt: skip
        undo(project)
    assert dump_store(project) == before  # ola's grouping stands
    assert [g.name for g in list_groups(project)] == ["Loggen"]


def test_undoing_a_code_a_colleague_coded_with_is_refused_naming_them(
    project: Project, colleague: Project, document: int
) -> None:
    code = create_code(project, "Ingen leser loggen")
    start, end, _ = _span(colleague, document, "ingen leser den")
    add_coding(colleague, code, document, start, end)
    with pytest.raises(WorkflowError, match=r"coding \d+, added or changed by ola since"):
        undo(project)
    assert [c.statement for c in list_codes(project)] == ["Ingen leser loggen"]


def test_undoing_a_coding_a_colleague_quoted_or_wrote_a_memo_on_is_refused(
    project: Project, colleague: Project, document: int
) -> None:
    code = create_code(project, "Ingen leser loggen")
    start, end, _ = _span(project, document, "ingen leser den")
    coding = add_coding(project, code, document, start, end)
    poster = create_quote_set(colleague, "Poster")
    add_quote(colleague, poster, coding)
    with pytest.raises(WorkflowError, match=r"quote \d+, added or changed by ola since"):
        undo(project)
    write_memo(colleague, "code", code, "Viktig for plakaten")
    other = create_code(project, "Ringer med en gang")
    write_memo(colleague, "code", other, "Jf. Fjordvik")
    with pytest.raises(WorkflowError, match=r"memo \d+, added or changed by ola since"):
        undo(project)


def test_undoing_a_move_out_of_a_group_a_colleague_deleted_is_refused(
    project: Project, colleague: Project, document: int
) -> None:
    code = create_code(project, "Ingen leser loggen")
    old = create_group(project, "Loggen")
    move_codes(project, [code], old)
    new = create_group(project, "Papir")
    move_codes(project, [code], new)
    delete_group(colleague, old)
    with pytest.raises(WorkflowError, match=r"code group \d+ was deleted by ola since"):
        undo(project)
    assert list_codes(project)[0].group_name == "Papir"


def test_own_undo_still_works_and_a_colleagues_unrelated_work_is_no_obstacle(
    project: Project, colleague: Project, document: int
) -> None:
    create_code(colleague, "Ringer med en gang")
    group = create_group(project, "Loggen")
    code = create_code(project, "Ingen leser loggen")
    move_codes(project, [code], group)
    start, end, _ = _span(project, document, "ingen leser den")
    coding = add_coding(project, code, document, start, end)
    remove_coding(project, coding)
    for _ in range(5):
        assert undo(project) is not None
    assert [c.statement for c in list_codes(project)] == ["Ringer med en gang"] and list_groups(project) == []


# ---- same-name races from separate processes ----------------------------------------------------------

RACER = """
import json, sys, time
from pathlib import Path
from sdi.workflow.project import open_project
from sdi.workflow.errors import describe, reportable_errors
root, coder, what, go = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
project = open_project(root, coder=coder, exact=True)
while not go.exists():
    time.sleep(0.005)
try:
    if what == "group":
        from sdi.workflow.code_group import create_group
        create_group(project, "Å vente")
    elif what == "quote set":
        from sdi.workflow.quote import create_quote_set
        create_quote_set(project, "Poster")
    else:
        from sdi.workflow.code import create_code
        create_code(project, f"Kode fra {sys.argv[5]}")
    print(json.dumps({"ok": True}))
except reportable_errors() as error:
    print(json.dumps({"ok": False, "message": describe(error, "en")}))
finally:
    project.close()
"""


@pytest.mark.parametrize("what", ["coder", "group", "quote set"])
def test_same_name_creations_racing_from_separate_processes(
    project: Project, what: str, tmp_path: Path
) -> None:
    project.close()
    go = tmp_path / "go"
    racers = [
        subprocess.Popen([sys.executable, "-c", RACER, str(project.root),
                          "nyansatt" if what == "coder" else f"koder{n}", what, str(go), str(n)],
                         cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(8)
    ]  # fmt: skip
    time.sleep(3)  # every racer opened the project and waits
    go.touch()
    results = []
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        assert racer.returncode == 0 and "Traceback" not in err, err
        results.append(json.loads(out))
    reopened = open_project(project.root, coder="tester", exact=True)
    try:
        with reopened.store.reading() as session:
            coders = session.scalar(select(func.count()).select_from(Coder).where(Coder.name == "nyansatt"))
            groups = session.scalar(select(func.count()).select_from(CodeGroup))
            sets = session.scalar(select(func.count()).select_from(QuoteSet))
            codes = session.scalar(select(func.count()).select_from(Code))
    finally:
        reopened.close()
    if what == "coder":  # everyone codes; one row for the new coder, reused by all
        assert all(r["ok"] for r in results) and (coders, codes) == (1, 8)
        return
    assert sum(r["ok"] for r in results) == 1 and (groups if what == "group" else sets) == 1
    expected = "a code group called «Å vente»" if what == "group" else "a quote set called «Poster»"
    for refused in (r for r in results if not r["ok"]):
        assert expected in refused["message"], refused
