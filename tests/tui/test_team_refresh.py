"""Two coders on one store: the workbench shows what the other changed when a screen is shown again or on
its periodic check, refuses a rename made on a stale view (and shows the colleague's version), and stays
usable for reading when a write is refused because another process holds the write lock."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from textual.widgets import TextArea

from sdi.storage.faults import LOCK_TIMEOUT_ENV
from sdi.tui.app import SdiApp
from sdi.tui.modals.code_picker import CodePicker
from sdi.tui.screens.code_group_screen import CodeGroupScreen
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.screens.concept_screen import ConceptScreen
from sdi.tui.widgets.concept_form import ConceptForm
from sdi.workflow.code import list_codes, rename_code
from sdi.workflow.code_group import code_spread, list_groups, rename_group
from sdi.workflow.concept import concept_view, update_concept
from sdi.workflow.project import Project, open_project
from tests.tui.helpers import answer, messages, open_coding, open_step, type_text

SIZE = (120, 40)
HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(300)
"""


@pytest.fixture
def colleague(analysis_project: Project) -> Iterator[Project]:
    """Another coder with the same project open (another terminal, or another machine on the server)."""
    other = open_project(analysis_project.root, coder="ola", exact=True)
    yield other
    other.close()


def prompts(screen: CodeGroupScreen) -> list[str]:
    return [str(screen.code_list.get_option_at_index(i).prompt) for i in range(screen.code_list.option_count)]


async def test_a_colleagues_rename_shows_after_switching_screens(
    analysis_project: Project, colleague: Project
) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        first = next(code for code in code_spread(analysis_project) if code.group_id is None)
        assert any(first.statement in prompt for prompt in prompts(screen))
        rename_code(colleague, first.code_id, "Ola sin ordlyd for koden")
        await open_step(pilot, "2", CodingScreen)
        screen = await open_step(pilot, "3", CodeGroupScreen)
        assert any("Ola sin ordlyd for koden" in prompt for prompt in prompts(screen))
        assert not any(first.statement in prompt for prompt in prompts(screen))


async def test_the_periodic_check_reloads_the_screen_shown(
    analysis_project: Project, colleague: Project
) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        app.poll_store()  # nothing changed: nothing happens
        assert "Oppdatert med endringer fra andre kodere." not in messages(app)
        first = next(code for code in code_spread(analysis_project) if code.group_id is None)
        rename_code(colleague, first.code_id, "Endret mens skjermen var åpen")
        app.poll_store()  # what the timer calls every few seconds
        await pilot.pause()
        assert any("Endret mens skjermen var åpen" in prompt for prompt in prompts(screen))
        assert "Oppdatert med endringer fra andre kodere." in messages(app)
    rename_code(colleague, first.code_id, "Endret mens appen lukket")
    app.poll_store()  # the timer's last tick while the app closes: its screens are gone, nothing to reread


async def test_a_rename_on_a_stale_view_is_refused_and_shows_the_colleagues_version(
    analysis_project: Project, colleague: Project
) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        await pilot.press("down")  # the first group
        group = list_groups(analysis_project)[0]
        assert screen.group_key.endswith(str(group.id))
        rename_group(colleague, group.id, "Olas gruppenavn")  # meanwhile, on the other machine
        await pilot.press("r")
        await answer(pilot, "Mitt gruppenavn")
        assert any("er endret av ola siden du åpnet visningen" in message for message in messages(app))
        assert list_groups(analysis_project)[0].name == "Olas gruppenavn"  # their work stands
        assert "Olas gruppenavn" in str(screen.group_list.get_option_at_index(1).prompt)


async def test_a_locked_store_refuses_a_write_with_a_message_and_still_reads(
    analysis_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(LOCK_TIMEOUT_ENV, "0.3")
    project = open_project(analysis_project.root, coder="tester", exact=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(project.root / ".sdi" / "sdi.sqlite")],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        app = SdiApp(project)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_step(pilot, "3", CodeGroupScreen)
            await pilot.press("down")
            await pilot.press("r")
            await answer(pilot, "Et nytt navn")
            assert any("låst av en annen prosess" in message for message in messages(app))
            await pilot.press("down")  # the screen still works: the next group's codes are shown
            second = list_groups(project)[1]
            assert screen.group_key.endswith(str(second.id)) and len(prompts(screen)) == second.codes
            coding = await open_step(pilot, "2", CodingScreen)  # and so do the other screens
            assert coding.view is not None and coding.codings
        assert "Et nytt navn" not in {g.name for g in list_groups(project)}
        assert len(list_codes(project)) == len(list_codes(analysis_project))
    finally:
        holder.kill()
        holder.wait()
        project.close()


async def test_a_concept_edited_by_a_colleague_meanwhile_is_not_overwritten(
    analysis_project: Project, colleague: Project
) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "4", ConceptScreen)
        assert screen.concept is not None and screen.concept.name == "Sikkerhetsventing"
        concept = screen.concept
        await pilot.press("e")
        editor = screen.query_one(ConceptForm)
        assert editor.display
        update_concept(colleague, concept.id, definition="Olas definisjon.")  # while the editor is open
        editor.query_one("#definition", TextArea).text = "Min definisjon."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("er endret av ola siden du åpnet visningen" in message for message in messages(app))
        assert concept_view(analysis_project, concept.id).definition == "Olas definisjon."
        assert screen.concept is not None and screen.concept.definition == "Olas definisjon."


async def test_a_code_renamed_by_a_colleague_meanwhile_is_not_overwritten(
    analysis_project: Project, colleague: Project
) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        await pilot.press("enter")  # into the ungrouped codes; the first one is highlighted
        first = next(code for code in code_spread(analysis_project) if code.group_id is None)
        assert screen.pane == "codes" and first.statement in prompts(screen)[0]
        rename_code(colleague, first.code_id, "Olas ordlyd")
        await pilot.press("r")
        await answer(pilot, "Min ordlyd")
        assert any("er endret av ola siden du åpnet visningen" in message for message in messages(app))
        statements = {code.code_id: code.statement for code in code_spread(analysis_project)}
        assert statements[first.code_id] == "Olas ordlyd"
        assert any("Olas ordlyd" in prompt for prompt in prompts(screen))


async def test_a_rename_in_the_coding_screen_carries_the_version_it_showed(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        await pilot.press("j", "c")
        assert isinstance(app.screen, CodePicker)
        await type_text(pilot, "Skal jeg begynne")
        await pilot.press("enter")
        await pilot.pause()
        (code,) = list_codes(tui_project)
        other = open_project(tui_project.root, coder="ola", exact=True)
        try:
            rename_code(other, code.id, "Olas ordlyd")
        finally:
            other.close()
        await pilot.press("r")
        await answer(pilot, "Min ordlyd")
        assert any("er endret av ola siden du åpnet visningen" in message for message in messages(app))
        assert [c.statement for c in list_codes(tui_project)] == ["Olas ordlyd"]
        assert [c.statement for c in screen.codings] == ["Olas ordlyd"]  # reread at once
