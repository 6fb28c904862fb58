"""The Coding screen driven as a coder would: move, select, code (new and reused codes), rename, delete,
uncode, memo, filters, and finding the work again after a restart."""

from __future__ import annotations

from rich.segment import Segment
from textual.widgets import Input, TextArea

from sdi.tui.app import SdiApp
from sdi.tui.modals.code_picker import CodePicker
from sdi.tui.modals.dialogs import ConfirmModal, InputModal, TextModal
from sdi.tui.modals.transcript_picker import TranscriptPicker
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.widgets.transcript_view import TranscriptReader
from sdi.workflow.code import codings_of_document, list_codes
from sdi.workflow.memo import memos_for
from sdi.workflow.project import Project
from tests.tui.helpers import open_coding, type_text

STATEMENT = "Små tegn legger seg oppå hverandre"


def styled_segments(reader: TranscriptReader, offset: int) -> list[Segment]:
    """The drawn segments of the row that shows character `offset`."""
    layout = reader._layout
    assert layout is not None
    row = layout.line_of_offset(offset)
    reader.scroll_to(y=row, animate=False, immediate=True)
    return list(reader.render_line(row - round(reader.scroll_offset.y)))


async def code_current(pilot, statement: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("c")
    assert isinstance(pilot.app.screen, CodePicker)
    await type_text(pilot, statement)
    await pilot.press("enter")
    await pilot.pause()


async def test_cursor_moves_by_turn_and_by_sentence(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        reader = screen.reader
        assert (reader.cursor_turn, reader.cursor_sentence) == (0, 0)
        await pilot.press("j", "j")
        assert (reader.cursor_turn, reader.cursor_sentence) == (2, 0)
        await pilot.press("J", "J")
        assert (reader.cursor_turn, reader.cursor_sentence) == (2, 2)
        await pilot.press("K")
        assert reader.cursor_sentence == 1
        await pilot.press("k")
        assert (reader.cursor_turn, reader.cursor_sentence) == (1, 0)
        await pilot.press("K")  # back across the turn boundary: the last sentence of turn 0
        assert reader.cursor_turn == 0 and reader.cursor_sentence > 0


async def test_code_a_sentence_with_a_new_code_then_reuse_it(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        reader, document = screen.reader, screen.document_id or 0
        await pilot.press("j", "s")
        start, end = reader.selection or (0, 0)
        await pilot.press("c")
        picker = app.screen
        assert isinstance(picker, CodePicker)
        assert picker.query_one(Input).value == "Skal jeg begynne? (ler) Jeg har jo vært med en stund."
        await type_text(pilot, STATEMENT)  # the prefilled words are selected: typing replaces them
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CodingScreen)
        (coding,) = codings_of_document(tui_project, document)
        assert (coding.statement, coding.start, coding.end) == (STATEMENT, start, end)
        assert reader.selection is None
        coded_style = reader.get_component_rich_style("transcript-view--coded", partial=True)
        assert any(s.style and s.style.underline and s.text.strip() for s in styled_segments(reader, start))
        assert coded_style.underline

        await pilot.press("j", "c")  # no selection: the cursor sentence
        await type_text(pilot, "oppå hverandre")
        picker = app.screen
        assert isinstance(picker, CodePicker)
        await pilot.press("down", "enter")
        await pilot.pause()
        (code,) = list_codes(tui_project)
        assert (code.statement, code.codings) == (STATEMENT, 2)
        assert len(screen.codings) == 2


async def test_escape_in_the_picker_codes_nothing(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        await pilot.press("t", "c", "escape")
        assert isinstance(app.screen, CodingScreen)
        assert screen.reader.selection is not None  # still there to try again
        assert list_codes(tui_project) == []


async def test_rename_then_delete_after_confirmation(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        await pilot.press("j")
        await code_current(pilot, "Skal jeg begynne")
        await pilot.press("r")
        assert isinstance(app.screen, InputModal)
        app.screen.query_one(Input).value = "Begynner forsiktig"
        await pilot.press("enter")
        await pilot.pause()
        assert [c.statement for c in list_codes(tui_project)] == ["Begynner forsiktig"]
        assert "Begynner forsiktig" in str(screen.panel.query_one("#all-codes").get_option_at_index(0).prompt)

        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmModal)
        assert "1 koding." in app.screen.question
        await pilot.press("n")
        assert len(list_codes(tui_project)) == 1
        await pilot.press("delete", "y")
        await pilot.pause()
        assert list_codes(tui_project) == []
        assert screen.codings == [] and codings_of_document(tui_project, screen.document_id or 0) == []


async def test_x_removes_the_coding_under_the_cursor(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        await pilot.press("x")  # nothing coded here yet
        await pilot.press("j")
        await code_current(pilot, "Skal jeg begynne")
        await pilot.press("x")
        await pilot.pause()
        assert codings_of_document(tui_project, screen.document_id or 0) == []
        assert len(list_codes(tui_project)) == 1  # the code stays, only the coding went


async def test_uncoded_only_hides_coded_turns(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        reader = screen.reader
        total = len(reader.visible_turns)
        await pilot.press("j")
        await code_current(pilot, "Skal jeg begynne")
        await pilot.press("u")
        visible = reader.visible_turns
        assert len(visible) == total - 1
        assert all(not reader.codings_of_turn(turn) for turn in visible)
        assert reader.current_turn in visible
        assert "bare ukodede" in screen.query_one("StepBar").context
        await pilot.press("u")
        assert len(reader.visible_turns) == total


async def test_f_cycles_through_single_speakers_informants_first(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        await pilot.press("f")
        assert {turn.speaker for turn in screen.reader.visible_turns} == {"FB1"}
        speakers = {turn.speaker for turn in screen.reader.transcript.turns}  # type: ignore[union-attr]
        await pilot.press(*["f"] * (len(speakers) - 1))
        assert {turn.speaker for turn in screen.reader.visible_turns} == {"Moderator"}  # the moderator last
        await pilot.press("f")
        assert screen.speaker is None and len(screen.reader.visible_turns) == len(screen.view.turns)  # type: ignore[union-attr]


async def test_m_writes_a_memo_on_the_transcript(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, TextModal)
        app.screen.query_one(TextArea).text = "Moderator leder mye i starten."
        await pilot.press("ctrl+s")
        await pilot.pause()
        (memo,) = memos_for(tui_project, "document", screen.document_id)
        assert memo.text == "Moderator leder mye i starten."


async def test_o_opens_another_transcript(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        first = screen.document_id
        await pilot.press("o")
        assert isinstance(app.screen, TranscriptPicker)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.document_id not in (None, first)
        assert screen.reader.transcript is not None and screen.reader.transcript.id == screen.document_id


async def test_codings_are_there_after_a_restart(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_coding(pilot)
        await pilot.press("j", "s", "s")
        await code_current(pilot, STATEMENT)
    again = SdiApp(tui_project)
    async with again.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        (coding,) = screen.codings
        assert coding.statement == STATEMENT
        await pilot.press("j")
        assert [c.statement for c in screen.reader.codings_of_turn()] == [STATEMENT]
        option = screen.panel.query_one("#turn-codings").get_option_at_index(0)
        assert STATEMENT in str(option.prompt)


async def test_panel_actions_act_on_the_highlighted_code_and_coding(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        await pilot.press("j")
        await code_current(pilot, "Begynner")
        await pilot.press("tab")  # the codings of this turn
        assert screen.panel.focus_target == "coding"
        await pilot.press("m")
        assert isinstance(app.screen, TextModal)
        app.screen.query_one(TextArea).text = "Usikker start."
        await pilot.press("ctrl+s")
        await pilot.pause()
        (coding,) = screen.codings
        assert [m.text for m in memos_for(tui_project, "coding", coding.id)] == ["Usikker start."]
        await pilot.press("tab")  # every code of the transcript
        assert screen.panel.focus_target == "code"
        await pilot.press("m")
        app.screen.query_one(TextArea).text = "Kode om å nøle."
        await pilot.press("ctrl+s", "r")
        await pilot.pause()
        assert isinstance(app.screen, InputModal)
        app.screen.query_one(Input).value = "Nøler i starten"
        await pilot.press("enter")
        await pilot.pause()
        (code,) = list_codes(tui_project)
        assert code.statement == "Nøler i starten"
        assert [m.text for m in memos_for(tui_project, "code", code.id)] == ["Kode om å nøle."]


async def test_a_coding_whose_words_are_gone_is_flagged_at_its_turn(tui_project: Project) -> None:
    from sdi.workflow.code import code_span
    from sdi.workflow.corpus_import import import_paths
    from sdi.workflow.transcript import list_transcripts, transcript_view

    first = list_transcripts(tui_project)[0]
    view = transcript_view(tui_project, first.id)
    turn = next(t for t in view.turns if not t.is_moderator and len(t.text) > 40)
    words = turn.text[:30]
    code_span(tui_project, first.id, turn.start, turn.start + 30, statement="Ord som forsvinner")
    path = tui_project.root / first.source_path
    path.write_text(
        path.read_text(encoding="utf-8").replace(words, "Helt andre ord her nå"), encoding="utf-8"
    )
    import_paths(tui_project, [path])
    assert [c.status for c in codings_of_document(tui_project, first.id)] == ["orphaned"]
    app = SdiApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_coding(pilot)
        reader = screen.reader
        layout = reader._layout
        assert layout is not None
        headers = [
            "".join(segment.text for segment in reader.render_line(row))
            for row in range(min(len(layout), 38))
        ]
        flagged = [line for line in headers if "mistet ordene sine" in line]
        assert len(flagged) == 1 and "⚠ 1 koding(er)" in flagged[0]
