"""Coding assistance in the workbench: closeness warnings in the code picker (after the pipeline has loaded
in a worker) and grouping suggestions in the Code groups screen, accepted or dismissed."""

from __future__ import annotations

from textual.widgets import Input, Label, OptionList

from sdi.i18n import t
from sdi.tui.app import SdiApp
from sdi.tui.modals.code_picker import CodePicker
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.workflow.code import list_codes
from sdi.workflow.project import Project
from tests.tui.helpers import open_coding, type_text


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
