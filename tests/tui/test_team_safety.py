"""The workbench with a colleague at work on the same store, as the audit tried it: a transcript re-imported
while the code picker is open does not put the coding on other words, and ctrl+z on a step a colleague built
on is refused naming them — the workbench keeps running, nothing is reverted."""

from __future__ import annotations

from sdi.tui.app import SdiApp
from sdi.tui.modals.code_picker import CodePicker
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.workflow.code import add_coding, codings_of_document, list_codes
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project, open_project
from sdi.workflow.transcript import list_transcripts, transcript_view
from tests.tui.helpers import messages, open_coding, type_text

STATEMENT = "Har vært med en stund"


def _reimport_with_words_before(project: Project, document_id: int) -> None:
    """A colleague («ola») adds words to the transcript's first turn and re-imports it: every offset after
    them moves."""
    source = next(t for t in list_transcripts(project) if t.id == document_id).source_path
    first = transcript_view(project, document_id).turns[0].text
    path = project.root / source
    text = path.read_text(encoding="utf-8")
    assert first[:40] in text
    edited = text.replace(first[:40], "Ja, e må jo bare si det først. " + first[:40], 1)
    path.write_text(edited, encoding="utf-8")
    colleague = open_project(project.root, coder="ola", exact=True)
    try:
        report = import_paths(colleague, [])
        assert report.count("updated") == 1, report
    finally:
        colleague.close()


async def test_a_re_import_while_the_picker_is_open_codes_the_words_that_were_selected(
    tui_project: Project,
) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        reader, document = screen.reader, screen.document_id or 0
        await pilot.press("j", "s")
        start, end = reader.selection or (0, 0)
        words = reader.span_text(start, end)
        await pilot.press("c")
        assert isinstance(app.screen, CodePicker)
        _reimport_with_words_before(tui_project, document)  # while the coder writes the code
        await type_text(pilot, STATEMENT)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CodingScreen)
        (coding,) = codings_of_document(tui_project, document)
        assert coding.status == "ok"
        assert coding.text == words  # the selected words, not what now stands at the old offsets
        assert coding.start > start
        assert any("endret siden du markerte" in str(m) for m in messages(app))


async def test_ctrl_z_on_a_code_a_colleague_coded_with_is_refused_naming_them(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        document = screen.document_id or 0
        await pilot.press("j", "s", "c")
        await type_text(pilot, STATEMENT)
        await pilot.press("enter")
        await pilot.pause()
        (code,) = list_codes(tui_project)
        colleague = open_project(tui_project.root, coder="ola", exact=True)
        try:
            turn = transcript_view(colleague, document).turns[2]
            add_coding(colleague, code.id, document, turn.start, turn.start + 10)
        finally:
            colleague.close()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CodingScreen)
        refusal = messages(app)[-1]
        assert "kan ikke angre" in str(refusal) and "ola" in str(refusal)
        (kept,) = list_codes(tui_project)
        assert (kept.statement, kept.codings) == (STATEMENT, 2)  # nothing reverted
