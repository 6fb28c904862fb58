"""Across the steps: the walk back (`enter` down from a concept to a transcript line, `escape` back up the
same path), recorded checks and the audit log, undo/redo seen from another screen, and a restart that finds
it all."""

from __future__ import annotations

import pytest

from sdi.tui.app import SdiApp
from sdi.tui.modals.audit import AuditModal
from sdi.tui.modals.dialogs import InputModal
from sdi.tui.modals.help import HelpModal
from sdi.tui.screens.code_group_rows import UNGROUPED, group_key
from sdi.tui.screens.code_group_screen import CodeGroupScreen
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.screens.concept_screen import ConceptScreen
from sdi.tui.screens.quote_screen import QuoteScreen
from sdi.workflow.check import audit_log
from sdi.workflow.code_group import code_spread, list_groups
from sdi.workflow.concept import list_concepts
from sdi.workflow.project import Project, open_project
from sdi.workflow.quote import add_quote, create_quote_set, list_quote_sets
from tests.tui.helpers import answer, messages, open_step, pick, type_text

SIZE = (120, 40)
NOTE = "koder lest mot utsagnene, 3 omdøpt"


async def test_walk_from_a_concept_down_to_a_transcript_line_and_back_up(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        concepts = await open_step(pilot, "4", ConceptScreen)
        group = list_groups(analysis_project)[0]
        assert concepts.group_id == group.id
        await pilot.press("enter")  # concept → its group
        groups = app.screen
        assert isinstance(groups, CodeGroupScreen)
        assert groups.group_key == group_key(group.id) and groups.pane == "codes"
        await pilot.press("down", "enter")  # → a code's codings in context
        code = [c for c in code_spread(analysis_project) if c.group_id == group.id][1]
        assert groups.pane == "codings" and groups.code_id == code.code_id
        await pilot.press("down")
        context = groups.codings.highlighted_context()
        assert context is not None and context.code_id == code.code_id
        await pilot.press("enter")  # → the transcript, cursor on the coding's line
        coding = app.screen
        assert isinstance(coding, CodingScreen) and coding.document_id == context.document_id
        assert coding.reader.current_turn is not None and coding.reader.current_turn.line == context.line
        assert context.coding_id in {c.id for c in coding.reader.codings_at_cursor()}
        assert len(app.trail) == 3

        await pilot.press("escape")
        assert app.screen is groups and groups.pane == "codings"
        assert groups.codings.highlighted_context() == context
        await pilot.press("escape")
        assert groups.pane == "codes" and groups.code_list.highlighted_id == f"code-{code.code_id}"
        await pilot.press("escape")
        assert app.screen is concepts and concepts.group_id == group.id and concepts.pane == "groups"
        await pilot.press("escape")  # the trail is empty: nothing happens
        assert app.screen is concepts and len(app.trail) == 0


async def test_from_a_quote_to_its_coding_in_the_transcript_and_back(analysis_project: Project) -> None:
    set_id = create_quote_set(analysis_project, "Artikkel")
    key_quote = list_concepts(analysis_project)[1].key_quotes[0]
    add_quote(analysis_project, set_id, key_quote.coding_id)
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        quotes = await open_step(pilot, "5", QuoteScreen)
        await pilot.press("enter", "enter")  # into the set, then the quote → the transcript
        coding = app.screen
        assert isinstance(coding, CodingScreen) and coding.document_id == key_quote.document_id
        assert coding.reader.current_turn is not None and coding.reader.current_turn.line == key_quote.line
        await pilot.press("s", "escape")  # the first escape clears a selection, the second walks back
        assert app.screen is coding and coding.reader.selection is None
        await pilot.press("escape")
        assert app.screen is quotes and quotes.pane == "quotes"
        await pilot.press("1", "5", "escape")  # a jump by number forgets the trail
        assert app.screen is quotes and len(app.trail) == 0


async def test_record_a_check_and_read_it_in_the_audit_log(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        group = list_groups(analysis_project)[0]
        await pilot.press("down", "ctrl+k")
        assert isinstance(app.screen, InputModal) and "Å vente til man er sikker" in app.screen.title_text
        await answer(pilot, NOTE)
        (event,) = audit_log(analysis_project, "code_group", group.id, checks_only=True)
        assert (event.summary, event.coder) == (NOTE, "tester")
        assert messages(app)[-1] == "Sjekk registrert: Å vente til man er sikker"
        await pilot.press("a")
        log = app.screen
        assert isinstance(log, AuditModal) and log.summaries[0] == NOTE
        await pilot.press("escape", "enter", "exclamation_mark")  # `!` too, on a code this time
        await type_text(pilot, "lest")
        await pilot.press("enter")
        await pilot.pause()
        code = screen._highlighted_code()
        assert code is not None
        assert [e.summary for e in audit_log(analysis_project, "code", code.code_id, checks_only=True)] == [
            "lest"
        ]


async def test_record_a_check_on_a_transcript(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "2", CodingScreen)
        await pilot.press("ctrl+k")
        await answer(pilot, "hele transkripsjonen lest på nytt")
        await pilot.press("a")
        assert isinstance(app.screen, AuditModal)
        assert app.screen.summaries[0] == "hele transkripsjonen lest på nytt"
        assert audit_log(analysis_project, "document", screen.document_id)[0].action == "check"


async def test_undo_in_the_quotes_screen_of_a_move_made_in_the_code_groups_screen(
    analysis_project: Project,
) -> None:
    pytest.importorskip("sdi.workflow.history")
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        groups = await open_step(pilot, "3", CodeGroupScreen)
        rest = next(g for g in list_groups(analysis_project) if g.is_rest)
        await pilot.press("enter", "space", "space", "m")
        await pick(pilot, group_key(rest.id))
        assert len(groups.code_list.ids()) == 2
        await open_step(pilot, "5", QuoteScreen)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert messages(app)[-1] == "Angret: flyttet 2 koder til «Restgruppe»"
        assert sum(1 for c in code_spread(analysis_project) if c.group_id is None) == 4
        assert await open_step(pilot, "3", CodeGroupScreen) is groups
        assert groups.group_key == UNGROUPED and len(groups.code_list.ids()) == 4  # reloaded on return
        await pilot.press("ctrl+y")  # redo on the visible screen: it reloads at once
        await pilot.pause()
        assert len(groups.code_list.ids()) == 2


async def test_the_help_and_the_palette_know_the_new_keys(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, "3", CodeGroupScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpModal)
        keys = app.screen.keys
        assert (
            keys["Noter sjekk"] == "^k / !"
            and keys["Flytt koder"] == "m"
            and keys["Gruppe opp"] == "^↑ / shift+↑"
        )
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Ny gruppe")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InputModal)


async def test_restart_finds_groups_concepts_quotes_and_checks(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, "3", CodeGroupScreen)
        await pilot.press("n")
        await answer(pilot, "Tillit")
        concepts = await open_step(pilot, "4", ConceptScreen)
        await pilot.press("tab")
        first = concepts.contexts[0].coding_id
        await pilot.press("k", "q")  # no longer a key quote, but quoted in a new set
        await pick(pilot, "new")
        await answer(pilot, "Artikkel")
        await pilot.press("ctrl+k")
        await answer(pilot, NOTE)
    reopened = open_project(analysis_project.root, coder="tester", exact=True)
    try:
        again = SdiApp(reopened)
        async with again.run_test(size=SIZE) as pilot:
            groups = await open_step(pilot, "3", CodeGroupScreen)
            assert "Tillit" in [g.name for g in groups.groups]
            concepts = await open_step(pilot, "4", ConceptScreen)
            assert concepts.concept is not None and concepts.concept.name == "Sikkerhetsventing"
            assert first not in [q.coding_id for q in concepts.concept.key_quotes]
            assert len(concepts.concept.key_quotes) == 2
            quotes = await open_step(pilot, "5", QuoteScreen)
            assert [q.context.coding_id for q in quotes.quotes] == [first]
            assert [s.name for s in list_quote_sets(reopened)] == ["Artikkel"]
            await pilot.press("tab", "a")
            assert isinstance(again.screen, AuditModal)
            assert any("la til sitat" in summary for summary in again.screen.summaries)
            assert [e.summary for e in audit_log(reopened, "coding", first, checks_only=True)] == [NOTE]
    finally:
        reopened.close()
