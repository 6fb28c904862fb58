"""The workbench's first screen (Korpus) is drawn before SQLAlchemy is loaded: an SQLite store already at
the current schema is opened lazily, and what Korpus shows is read in plain SQL through a read-only sqlite3
connection (`Project.reading_rows`). These tests compare every such read with the ORM's answer on the same
store (both engines: on PostgreSQL the store opens at once and the plain SQL runs through its session), and
check that the lazy opening keeps what `open_store` guarantees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sdi.storage.faults import StoreError
from sdi.storage.models import Coder, Coding, Document, FocusGroup, Participant, Stage
from sdi.storage.revision import COPY_MARK
from sdi.workflow.coder import CoderSummary, list_coders
from sdi.workflow.corpus import participants_of_group, stage_view, update_stage_summary
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.freshness import change_mark
from sdi.workflow.memo import write_memo
from sdi.workflow.memo_index import MemoListing, corpus_memos, list_memos
from sdi.workflow.overview import project_status
from sdi.workflow.project import Project, init_project, open_project
from tests.conftest import transcript_md, write


def _seed(root: Path) -> None:
    """Two focus groups, two stages of one; memos on a group, a participant, a stage, a transcript and a
    code-free project memo; a stage summary; a second coder."""
    turns = "**Moderator:** Hei.\n\n**P1:** Vi ringer.\n\n**P2:** Æøå.\n"
    write(root, "corpus/a1.md", transcript_md("Barnehage Fjordvik", 1, turns))
    write(root, "corpus/a2.md", transcript_md("Barnehage Fjordvik", 2, turns))
    write(root, "corpus/b1.md", transcript_md("Skole Åsmark", 1, turns))
    project = open_project(root, coder="kari", exact=True)
    try:
        assert not import_paths(project, []).failed
        with project.store.reading() as session:
            groups = {g.name: g.id for g in session.scalars(select(FocusGroup))}
            people = select(Participant.id).where(Participant.group_id == groups["Skole Åsmark"])
            person = session.scalar(people)
            stage = session.scalar(select(Stage.id).where(Stage.group_id == groups["Barnehage Fjordvik"]))
            document = session.scalar(select(Document.id).order_by(Document.id))
        assert person is not None and stage is not None and document is not None
        write_memo(project, "focus_group", groups["Barnehage Fjordvik"], "Gruppa er ny i samarbeidet.")
        write_memo(project, "participant", person, "P2 snakker om «stafettlogg».")
        write_memo(project, "stage", stage, "Første runde: mye om foreldre.")
        write_memo(project, "document", document, "Lydfila er dårlig mot slutten.")
        write_memo(project, "project", None, "Hele studien.")
        update_stage_summary(project, "Barnehage Fjordvik", 1, "Det vi fant i første runde.\n\nOg mer.")
        project.switch_coder("ola")
        write_memo(project, "focus_group", groups["Skole Åsmark"], "Ola sitt memo.")
    finally:
        project.close()


def _orm_expectations(project: Project) -> dict[str, object]:
    """What Korpus shows, read through the ORM (the memo browser's listings, the stage rows, the coders)."""
    listings = list_memos(project)
    with project.store.reading() as session:
        stages = [
            (name, stage.id, stage.number, stage.date, stage.summary)
            for stage, name in session.execute(
                select(Stage, FocusGroup.name).join(FocusGroup, FocusGroup.id == Stage.group_id)
            )
        ]
        documents = {
            (name, number): set(session.scalars(select(Document.id).where(Document.stage_id == ident)))
            for name, ident, number, *_ in stages
        }
        coders = [
            CoderSummary(name, count)
            for name, count in session.execute(
                select(Coder.name, func.count(Coding.id))
                .outerjoin(Coding, Coding.coder_id == Coder.id)
                .group_by(Coder.id, Coder.name)
                .order_by(func.count(Coding.id).desc(), Coder.name)
            )
        ]

    def memos_of(group: str, number: int | None) -> list[MemoListing]:
        if number is None:
            return [m for m in listings if m.focus_group == group and m.memo.target_type != "stage"]
        on_documents = documents.get((group, number), set())
        return [m for m in listings if (m.focus_group, m.stage) == (group, number)
                or (m.memo.target_type == "document" and m.document_id in on_documents)]  # fmt: skip

    groups = sorted({name for name, *_ in stages})
    return {
        "memos": {(g, n): memos_of(g, n) for g in groups for n in (None, 1, 2)},
        "stages": stages,
        "coders": coders,
    }


def _plain_reads(project: Project, stages: list[tuple[str, int]]) -> dict[str, object]:
    """The same through Korpus's plain SQL (lean while the store is unopened, else the session)."""
    groups = sorted({name for name, _ in stages})
    views = [stage_view(project, name, number) for name, number in stages]
    return {
        "memos": {(g, n): corpus_memos(project, g, n) for g in groups for n in (None, 1, 2)},
        "stages": [(v.group, v.id, v.number, v.date, v.summary) for v in views],
        "coders": list_coders(project),
        "participants": {g: participants_of_group(project, g) for g in groups},
        "status": project_status(project),
        "mark": change_mark(project),
    }


def test_korpus_reads_the_same_in_plain_sql_as_through_the_orm(project_dir: Path, database_url: str) -> None:
    _seed(project_dir)
    full = open_project(project_dir, coder="tester", exact=True)
    try:
        expected = _orm_expectations(full)
    finally:
        full.close()
    stages = sorted(expected["stages"], key=lambda row: row[1])  # type: ignore[arg-type]
    lazy = open_project(project_dir, coder="tester", exact=True)
    try:
        assert (lazy._store is None) == (not database_url)  # SQLite at the current schema: opened when used
        plain = _plain_reads(lazy, [(name, number) for name, _, number, *_ in stages])
        assert (lazy._store is None) == (not database_url)  # Korpus's reads did not open the store
        assert plain["memos"] == expected["memos"]
        assert plain["stages"] == stages
        assert plain["coders"] == expected["coders"] == [CoderSummary("kari", 0), CoderSummary("ola", 0)]
        memos = plain["memos"]
        assert isinstance(memos, dict) and sum(len(found) for found in memos.values()) >= 5
        assert [m.memo.author for m in memos[("Skole Åsmark", None)]] == ["ola", "kari"]
        assert any(summary == "Det vi fant i første runde.\n\nOg mer." for *_, summary in stages)
        # the same reads once the store is open (the session path) give the same answers
        assert lazy.store is not None and lazy._store is not None
        assert _plain_reads(lazy, [(name, number) for name, _, number, *_ in stages]) == plain
    finally:
        lazy.close()


def test_a_lazily_opened_store_still_writes_and_a_marked_one_is_refused_at_open(tmp_path: Path) -> None:
    """(SQLite: only its stores open lazily.) A write through a lazily opened store goes the ordinary way (a
    transaction, the audit log); a store not at the current schema — here the target of an unfinished `sdi
    db copy` — takes the full path at open, and is refused there as before."""
    project_dir = tmp_path / "studie"
    init_project(project_dir, "Teststudie")
    _seed(project_dir)
    project = open_project(project_dir, coder="tester", exact=True)
    try:
        assert project._store is None and project._lean is not None
        before = change_mark(project)
        write_memo(project, "project", None, "Skrevet etter en lat åpning.")
        assert project._store is not None
        assert change_mark(project) != before
        with project.store.engine.begin() as connection:
            connection.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{COPY_MARK}'")
    finally:
        project.close()
    with pytest.raises(StoreError):
        open_project(project_dir, coder="tester", exact=True)


def test_the_workbench_draws_korpus_without_sqlalchemy_and_warms_it_afterwards(demo_analysis: Path) -> None:
    """In a fresh process: the first screen drawn, SQLAlchemy not imported; the warm-up loads it after."""
    script = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from sdi.workflow.project import open_project\n"
        "from sdi.tui.app import SdiApp, WARM_UP_AFTER\n"
        "async def main():\n"
        "    app = SdiApp(open_project(Path(sys.argv[1]), coder='bench', exact=True))\n"
        "    async with app.run_test(size=(160, 48)) as pilot:\n"
        "        await pilot.pause()\n"
        "        drawn = 'sqlalchemy' in sys.modules\n"
        "        text = app.export_screenshot()\n"
        "        await asyncio.sleep(WARM_UP_AFTER)\n"
        "        await pilot.pause()\n"
        "        app.project._settle()\n"
        "        print(drawn, 'sqlalchemy.orm' in sys.modules, type(app.screen).__name__, 'Fjordvik' in text)"
        "\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(demo_analysis)], capture_output=True, text=True,
                         check=True, timeout=120)  # fmt: skip
    assert out.stdout.split() == ["False", "True", "CorpusScreen", "True"], out.stdout + out.stderr
