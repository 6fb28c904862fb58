"""The Coding screen's first display reads in plain SQL (`sdi.storage.lean_coding` through
`Project.reading_rows`), so `2` pressed the moment the workbench is up does not wait for SQLAlchemy: the
transcripts, one transcript with its turns, its codings and the code groups. These tests compare each read
with the ORM's answer on the same store — overlapping codings, a coding over two turns, a flagged one after a
re-import (version 2), codes of two coders, code groups with a concept and the rest group, memos — on SQLite
through the lean connection and again through the session once the store is open, and on PostgreSQL through
its session; and, in a fresh process, that `2` draws Coding with `sqlalchemy` not imported."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sdi.storage.lean import sqlite_file
from sdi.storage.models import (
    Code,
    CodeGroup,
    Coding,
    Concept,
    Document,
    FocusGroup,
    Participant,
    Stage,
    Utterance,
)
from sdi.workflow.code import CodingView, add_coding, code_passage, codings_of_document, create_code
from sdi.workflow.code_group import GroupSummary, create_group, list_groups, move_codes, rest_group
from sdi.workflow.concept import create_concept
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.memo import write_memo
from sdi.workflow.project import Project, init_project, open_project
from sdi.workflow.transcript import (
    TranscriptSummary,
    TranscriptView,
    TurnView,
    list_transcripts,
    transcript_view,
)
from tests.conftest import transcript_md, write

TURNS = (
    "**Moderator:** Hva gjør dere når dere blir bekymret?\n\n"
    "**P1:** Vi ringer foreldrene, men først snakker vi med styreren.\n\n"
    "**P2:** Æøå, vi skriver i stafettloggen før vi ringer.\n\n"
    "**Ola:** Jeg er ikke på lista, men sier noe likevel.\n"
)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _seed(root: Path) -> None:
    """Three transcripts in two groups; codings by two coders that overlap, one over two turns, one flagged
    by a re-import that changed its words; two code groups (one with a concept), the rest group; memos."""
    write(root, "corpus/b1.md", transcript_md("Skole Åsmark", 1, TURNS, site="Åsmark"))
    write(root, "corpus/a2.md", transcript_md("Barnehage Fjordvik", 2, TURNS))
    write(root, "corpus/a1.md", transcript_md("Barnehage Fjordvik", 1, TURNS))
    project = open_project(root, coder="kari", exact=True)
    try:
        assert not import_paths(project, []).failed
        with project.store.reading() as session:
            document = session.scalar(select(Document).where(Document.source_path == "corpus/a1.md"))
            assert document is not None
            ident, text = document.id, document.text
        ringer = create_code(project, "Vi ringer foreldrene")
        add_coding(project, ringer, ident, *_span(text, "Vi ringer foreldrene, men først"))
        styrer = create_code(project, "Snakker med styreren først")
        add_coding(project, styrer, ident, *_span(text, "først snakker vi med styreren"))  # overlaps
        both = _span(text, "styreren.\nÆøå, vi skriver")
        logg = code_passage(project, ident, [both], statement="Stafettloggen før telefonen").code_id
        project.switch_coder("ola")
        add_coding(project, logg, ident, *_span(text, "skriver i stafettloggen"))
        ikke = create_code(project, "Ikke på lista")
        add_coding(project, ikke, ident, *_span(text, "ikke på lista"))
        create_code(project, "Uten koding")
        group = create_group(project, "Samarbeid med foreldre", "Hvordan de tar kontakt")
        move_codes(project, [ringer, styrer], group)
        create_concept(project, group, "Forsiktig kontakt")
        create_group(project, "Dokumentasjon")
        move_codes(project, [ikke], rest_group(project))
        write_memo(project, "code", ringer, "Kari og Ola er enige.")
        write_memo(project, "document", ident, "Lydfila er dårlig.")
        path = root / "corpus/a1.md"
        path.write_text(path.read_text(encoding="utf-8").replace("snakker vi", "snakker vi alltid"),
                        encoding="utf-8")  # fmt: skip
        assert [o.action for o in import_paths(project, []).outcomes].count("updated") == 1
    finally:
        project.close()


def _orm_reads(project: Project) -> dict[str, object]:
    """What the Coding screen shows, read through the ORM (as these reads were written before)."""
    with project.store.reading() as session:
        transcripts = [
            TranscriptSummary(*row)
            for row in session.execute(
                select(Document.id, Document.title, Document.source_path, FocusGroup.name, Stage.number)
                .join(Stage, Stage.id == Document.stage_id)
                .join(FocusGroup, FocusGroup.id == Stage.group_id)
                .order_by(FocusGroup.name, Stage.number)
            )
        ]
        views, codings = {}, {}
        for summary in transcripts:
            document = session.get(Document, summary.id)
            assert document is not None
            stage = document.stage
            group = stage.group
            role = dict(session.execute(select(Participant.id, Participant.role)
                                         .where(Participant.group_id == group.id)).all())  # fmt: skip
            turns = [
                TurnView(u.seq, u.line, u.speaker, role.get(u.participant_id, "") if u.participant_id else "",
                         u.is_moderator, document.text[u.start : u.end], u.start, u.end, u.time_start)
                for u in session.scalars(select(Utterance).where(Utterance.document_id == document.id)
                                         .order_by(Utterance.seq))
            ]  # fmt: skip
            views[summary.id] = TranscriptView(document.id, document.title, document.source_path, group.name,
                                               group.site, stage.number, stage.date, document.version,
                                               document.word_count, turns)  # fmt: skip
            codings[summary.id] = [
                CodingView(c.id, c.code_id, statement, c.document_id, c.start, c.end,
                           document.text[c.start : c.end], c.anchor_text, c.status, version, group_id)
                for c, statement, version, group_id in session.execute(
                    select(Coding, Code.statement, Code.version, Code.group_id)
                    .join(Code, Code.id == Coding.code_id)
                    .where(Coding.document_id == document.id)
                    .order_by(Coding.start, Coding.id)
                )
            ]  # fmt: skip
        codes = dict(session.execute(select(Code.group_id, func.count()).group_by(Code.group_id)).all())
        coded = dict(session.execute(select(Code.group_id, func.count())
                                     .join(Coding, Coding.code_id == Code.id)
                                     .group_by(Code.group_id)).all())  # fmt: skip
        concepts = dict(session.execute(select(Concept.group_id, Concept.name)).all())
        groups = [
            GroupSummary(g.id, g.name, g.description, g.position, g.is_rest, codes.get(g.id, 0),
                         coded.get(g.id, 0), concepts.get(g.id), g.version)
            for g in session.scalars(select(CodeGroup).order_by(CodeGroup.is_rest, CodeGroup.position,
                                                                CodeGroup.id))
        ]  # fmt: skip
    return {"transcripts": transcripts, "views": views, "codings": codings, "groups": groups}


def _plain_reads(project: Project) -> dict[str, object]:
    """The same through the Coding screen's reads (lean while the store is unopened, else the session)."""
    transcripts = list_transcripts(project)
    return {
        "transcripts": transcripts,
        "views": {s.id: transcript_view(project, s.id) for s in transcripts},
        "codings": {s.id: codings_of_document(project, s.id) for s in transcripts},
        "groups": list_groups(project),
    }


def test_the_coding_screen_reads_the_same_in_plain_sql_as_through_the_orm(
    project_dir: Path, database_url: str
) -> None:
    _seed(project_dir)
    full = open_project(project_dir, coder="tester", exact=True)
    try:
        expected = _orm_reads(full)
    finally:
        full.close()
    lazy = open_project(project_dir, coder="tester", exact=True)
    try:
        assert (lazy._store is None) == (not database_url)  # SQLite at the current schema: opened when used
        plain = _plain_reads(lazy)
        assert (lazy._store is None) == (not database_url)  # the Coding screen's reads did not open the store
        assert plain == expected
        # the seed holds what these reads must get right
        transcripts = plain["transcripts"]
        assert isinstance(transcripts, list)
        assert [(s.group, s.stage, s.source_path) for s in transcripts] == [
            ("Barnehage Fjordvik", 1, "corpus/a1.md"), ("Barnehage Fjordvik", 2, "corpus/a2.md"),
            ("Skole Åsmark", 1, "corpus/b1.md"),
        ]  # fmt: skip
        first = transcripts[0].id
        views, codings = plain["views"], plain["codings"]
        assert isinstance(views, dict) and isinstance(codings, dict)
        view = views[first]
        assert view.version == 2 and view.date is not None and view.date.isoformat() == "2025-02-12"
        assert [(t.speaker, t.role, t.is_moderator) for t in view.turns] == [
            ("Moderator", "Moderator", True), ("P1", "Pedagogisk leder", False),
            ("P2", "Barnehagelærer", False), ("Ola", "", False),
        ]  # fmt: skip
        found = codings[first]
        assert len(found) == 6  # two overlapping, two from the passage over two turns, Ola's, «ikke på lista»
        assert [c.status for c in found].count("changed") >= 1  # the re-import changed words inside a coding
        assert any(c.text != c.original for c in found)
        assert len({c.group_id for c in found}) == 3  # a group, the rest group, no group
        groups = plain["groups"]
        assert isinstance(groups, list)
        assert [(g.name, g.codes, g.codings, g.concept, g.is_rest) for g in groups] == [
            ("Samarbeid med foreldre", 2, 2, "Forsiktig kontakt", False),
            ("Dokumentasjon", 0, 0, None, False),
            ("Restgruppe", 1, 1, None, True),
        ]  # fmt: skip
        # the same reads once the store is open (the session path) give the same answers
        assert lazy.store is not None and lazy._store is not None
        assert _plain_reads(lazy) == expected
    finally:
        lazy.close()


def test_a_transcript_that_is_not_there_is_said_the_same_way(project_dir: Path, database_url: str) -> None:
    _seed(project_dir)
    project = open_project(project_dir, coder="tester", exact=True)
    try:
        for read in (transcript_view, codings_of_document):
            with pytest.raises(WorkflowError) as refused:
                read(project, 9999)
            assert refused.value.key == "error.missing"
            assert refused.value.values == {"what": "error.what.transcript", "ident": 9999}
        assert (project._store is None) == (not database_url)
    finally:
        project.close()


def test_one_plain_read_sees_one_state_of_the_store(tmp_path: Path) -> None:
    """(SQLite: only its stores are read lean.) The statements of one read (a transcript and its turns, its
    text and its codings) see the store as it was when the read began, as a session's would — a colleague's
    change committed in between shows in the next read, not half in this one."""
    root = tmp_path / "studie"
    init_project(root, "Teststudie")
    _seed(root)
    project = open_project(root, coder="tester", exact=True)
    try:
        assert project._store is None and project._lean is not None
        path = sqlite_file(project.config.resolved_database_url())
        assert path is not None
        colleague = sqlite3.connect(path, timeout=5)
        query = "SELECT statement FROM codes ORDER BY id"
        with project.reading_rows() as read:
            before = read(query)
            colleague.execute("UPDATE codes SET statement = 'Endret av en kollega'")
            colleague.commit()
            assert read(query) == before
        with project.reading_rows() as read:
            assert {statement for (statement,) in read(query)} == {"Endret av en kollega"}
        colleague.close()
        assert project._store is None
    finally:
        project.close()


def test_the_workbench_draws_coding_at_once_without_sqlalchemy(demo_analysis: Path) -> None:
    """In a fresh process, warm-up held back: `2` pressed the moment Korpus is drawn shows the Coding screen
    — the first transcript, its codings — with SQLAlchemy not imported and the store unopened; the screen is
    the same as drawn once the store is open."""
    script = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from sdi.workflow.project import open_project\n"
        "import sdi.tui.app as workbench\n"
        "workbench.WARM_UP_AFTER = 600\n"
        "async def shown(opened):\n"
        "    app = workbench.SdiApp(open_project(Path(sys.argv[1]), coder='bench', exact=True))\n"
        "    async with app.run_test(size=(160, 48)) as pilot:\n"
        "        await pilot.pause()\n"
        "        if opened:\n"
        "            assert app.project.store is not None\n"
        "        await pilot.press('2')\n"
        "        await pilot.pause()\n"
        "        lean = 'sqlalchemy' in sys.modules, app.project._store is not None\n"
        "        return type(app.screen).__name__, len(app.screen.codings), lean, app.export_screenshot()\n"
        "async def main():\n"
        "    name, codings, lean, text = await shown(False)\n"
        "    *_, opened = await shown(True)\n"
        "    print(name, codings > 0, *lean, text == opened)\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(demo_analysis)], capture_output=True, text=True,
                         check=True, timeout=180)  # fmt: skip
    assert out.stdout.split() == ["CodingScreen", "True", "False", "False", "True"], out.stdout + out.stderr
