"""Coding assistance in the workbench: closeness warnings in the code picker (after the pipeline has loaded
in a worker) and grouping suggestions in the Code groups screen, accepted or dismissed."""

from __future__ import annotations

from textual.widgets import Input, Label, OptionList

from sdi.i18n import t
from sdi.tui.app import SdiApp
from sdi.tui.modals.code_picker import CodePicker
from sdi.tui.modals.dialogs import InputModal
from sdi.tui.modals.grouping import GroupingModal
from sdi.tui.screens.code_group_rows import group_key
from sdi.tui.screens.code_group_screen import CodeGroupScreen
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.workflow.code import list_codes
from sdi.workflow.code_group import list_groups, move_codes
from sdi.workflow.project import Project
from tests.tui.helpers import answer, messages, open_coding, open_step, type_text


def warning_lines(picker: CodePicker) -> list[str]:
    label = picker.query_one("#warnings", Label)
    return str(label.render()).splitlines() if label.display else []


async def test_the_picker_warns_before_a_topic_label_is_created(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_coding(pilot)
        await pilot.press("j", "s", "c")
        picker = app.screen
        assert isinstance(picker, CodePicker)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert picker.assist is not None and picker.assist.ready and picker.assist.problem is None
        assert warning_lines(picker) == []  # the informant's own words: nothing to warn about
        await type_text(pilot, "Samarbeid")  # replaces the prefilled words
        await pilot.pause()
        assert picker.query_one(Input).value == "Samarbeid"
        assert warning_lines(picker) == [
            t("assist.closeness.topic_label"),
            t("assist.closeness.not_in_passage"),
            t("assist.closeness.only_guide_words", words="samarbeid"),
        ]
        await pilot.press("enter")  # a suggestion only: the researcher may still create it
        await pilot.pause()
        assert isinstance(app.screen, CodingScreen)
        assert [c.statement for c in list_codes(tui_project)] == ["Samarbeid"]


async def test_the_picker_finds_an_inflected_duplicate_once_lemmas_are_ready(tui_project: Project) -> None:
    from sdi.workflow.code import create_code

    create_code(tui_project, "Forelder ringe ikke tilbake")
    create_code(tui_project, "Barnehagen ringer ikke foreldrene tilbake")
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_coding(pilot)
        await pilot.press("j", "s", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await type_text(pilot, "foreldrene ringer ikke tilbake")
        await pilot.pause()
        matches = app.screen.query_one("#matches", OptionList)
        first = matches.get_option_at_index(0)
        codes = {str(c.id): c.statement for c in list_codes(tui_project)}
        assert codes[first.id or ""] == "Forelder ringe ikke tilbake"


async def open_suggestions(pilot) -> GroupingModal:  # type: ignore[no-untyped-def]
    await pilot.press("g")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    modal = pilot.app.screen
    assert isinstance(modal, GroupingModal)
    return modal


async def test_accept_a_grouping_suggestion_then_undo_it(analysis_project: Project) -> None:
    baton = next(g for g in list_groups(analysis_project) if g.name == "Når stafettpinnen blir mistet")
    move_codes(analysis_project, [c.id for c in list_codes(analysis_project) if c.group_id == baton.id], None)
    app = SdiApp(analysis_project)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        modal = await open_suggestions(pilot)
        shown = modal.query_one("#suggestions", OptionList)
        assert shown.option_count == len(modal.suggestions) >= 2
        index = next(n for n, s in enumerate(modal.suggestions) if "stafettpinne" in s.shared)
        assert "stafettpinne" in str(shown.get_option_at_index(index).prompt)
        suggestion = modal.suggestions[index]
        await pilot.press(*["down"] * index, "enter")
        await pilot.pause()
        naming = app.screen
        assert isinstance(naming, InputModal) and naming.query_one(Input).value == "Stafettpinne"
        await answer(pilot, "Ingen har pinnen")
        assert app.screen is screen
        group = next(g for g in list_groups(analysis_project) if g.name == "Ingen har pinnen")
        moved = {c.id for c in list_codes(analysis_project) if c.group_id == group.id}
        assert moved == set(suggestion.code_ids) and screen.group_key == group_key(group.id)
        assert messages(app)[-1] == t("assist.groups.accepted", name="Ingen har pinnen", count=len(moved))
        await pilot.press("ctrl+z")  # the group and the move go back in one step
        await pilot.pause()
        assert all(g.name != "Ingen har pinnen" for g in list_groups(analysis_project))
        assert {c.id for c in list_codes(analysis_project) if c.group_id is None} >= moved


async def test_a_dismissed_suggestion_stays_away(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        modal = await open_suggestions(pilot)
        first = modal.suggestions[0]
        count = len(modal.suggestions)
        await pilot.press("d")
        assert len(modal.suggestions) == count - 1 and first not in modal.suggestions
        await pilot.press("escape")
        assert app.screen is screen
        modal = await open_suggestions(pilot)
        assert first not in modal.suggestions and len(modal.suggestions) == count - 1
        groups = len(list_groups(analysis_project))
        await pilot.press("escape")
        assert len(list_groups(analysis_project)) == groups  # nothing written


async def test_a_missing_guide_is_said_once_and_the_check_goes_on(tui_project: Project) -> None:
    (tui_project.root / "intervjuguide.md").unlink()
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_coding(pilot)
        await pilot.press("j", "s", "c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CodePicker)
        (said,) = [m for m in messages(app) if "intervjuguide.md" in m]
        assert said.startswith("Nærhetssjekken går uten intervjuguiden: ") and "sdi.toml:" in said
        await type_text(pilot, "Stafettlogg")  # a model term from sdi.toml: still caught without the guide
        await pilot.pause()
        assert t("assist.closeness.only_guide_words", words="stafettlogg") in warning_lines(picker)


def test_grouping_dialog_snapshot(snap_compare, analysis_project: Project) -> None:  # type: ignore[no-untyped-def]
    """The suggestions as the researcher sees them: shared words in bold, the codes below."""
    from textual.pilot import Pilot

    baton = next(g for g in list_groups(analysis_project) if g.name == "Når stafettpinnen blir mistet")
    move_codes(analysis_project, [c.id for c in list_codes(analysis_project) if c.group_id == baton.id], None)

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        await open_suggestions(pilot)

    assert snap_compare(SdiApp(analysis_project), run_before=run, terminal_size=(100, 30))
