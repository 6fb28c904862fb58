"""Coding any span in the reader: word by word across a sentence boundary, across turns (one coding per
turn, the coder told), by character and by line, and by dragging the mouse — each coded at its exact
characters, named in the code picker word for word, and shown as a stripe beside the text."""

from __future__ import annotations

from textual.widgets import Static

from sdi.tui.app import SdiApp
from sdi.tui.modals.code_picker import CodePicker
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.widgets.transcript_view import TranscriptReader
from sdi.workflow.code import codings_of_document
from sdi.workflow.project import Project
from tests.tui.helpers import messages, open_coding, type_text


def margin_of(reader: TranscriptReader, row: int) -> str:
    """The stripe margin of display row `row`: what is drawn right of the text."""
    layout = reader._layout
    assert layout is not None
    reader.scroll_to(y=row, animate=False, immediate=True)
    text = "".join(segment.text for segment in reader.render_line(row - round(reader.scroll_offset.y)))
    return text[8 + layout.width :]


async def code_with(pilot, statement: str, shows: str = "") -> CodePicker:  # type: ignore[no-untyped-def]
    """`c`, check the picker says `shows` above the words, name the code, `enter`."""
    await pilot.press("c")
    picker = pilot.app.screen
    assert isinstance(picker, CodePicker)
    assert shows in str(picker.query_one("#passage-title").render())
    await type_text(pilot, statement)
    await pilot.press("enter")
    await pilot.pause()
    return picker


async def test_words_across_a_sentence_boundary_are_coded_exactly_and_striped(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        reader = screen.reader
        await pilot.press("j", "l", "l")  # FB1: «Skal jeg begynne? (ler) Jeg har …», caret on «begynne?»
        turn = reader.current_turn
        assert turn is not None and turn.speaker == "FB1"
        start = turn.start + turn.text.index("begynne?")
        assert reader.caret == start
        await pilot.press("shift+right", "shift+right", "shift+right")
        end = turn.start + turn.text.index("(ler) Jeg") + len("(ler) Jeg")
        assert reader.selection == (start, end)  # «begynne? (ler) Jeg»: over the end of the first sentence
        await pilot.press("c")
        picker = app.screen
        assert isinstance(picker, CodePicker)
        assert "«begynne? (ler) Jeg»" in str(picker.query_one("#passage-words", Static).render())
        await type_text(pilot, "Nøler med å begynne")
        await pilot.press("enter")
        await pilot.pause()
        (coding,) = codings_of_document(tui_project, screen.document_id or 0)
        assert (coding.start, coding.end, coding.text) == (start, end, "begynne? (ler) Jeg")
        assert reader.selection is None
        (stripe,) = reader.stripes.of_coding[coding.id]
        assert "┃" in margin_of(reader, stripe.top) or "█" in margin_of(reader, stripe.top)
        listed = screen.panel.query_one("#turn-codings").get_option_at_index(0).prompt
        assert "Nøler med å begynne" in str(listed)


async def test_a_selection_over_two_turns_becomes_a_coding_per_turn(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        reader = screen.reader
        await pilot.press("j", "j", "K")  # the last sentence of FB1's turn
        first = reader.current_turn
        assert first is not None
        await pilot.press("s", *["shift+right"] * 3)  # the sentence, then three words into FB3's turn
        second = reader.current_turn
        assert second is not None and second.seq != first.seq
        await code_with(pilot, "Tegn blir oversett", shows="2 ytringer, én koding per ytring")
        codings = codings_of_document(tui_project, screen.document_id or 0)
        assert [(c.start >= first.start and c.end <= first.end) for c in codings[:1]] == [True]
        assert codings[1].start == second.start and codings[1].text == "Mm. Og så"
        assert any("2 kodinger, én per ytring" in message for message in messages(app))
        assert len(reader.stripes.of_coding[codings[0].id]) == 1 and codings[1].id in reader.stripes.of_coding


async def test_characters_and_lines(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        reader = screen.reader
        await pilot.press("j")
        turn = reader.current_turn
        assert turn is not None
        await pilot.press("greater_than_sign", "greater_than_sign", "greater_than_sign")
        assert reader.selection == (turn.start, turn.start + 3)
        await pilot.press("less_than_sign")
        assert reader.span_text(*reader.selection or (0, 0)) == "Sk"
        await pilot.press("escape", "shift+down")  # from the line's first word: the whole line
        layout = reader._layout
        assert layout is not None
        row = layout.line_of_offset(turn.start)
        assert reader.selection == (turn.start, layout.lines[row].end)
        await pilot.press("shift+down")
        assert reader.selection == (turn.start, layout.lines[row + 1].end)
        await pilot.press("shift+up")  # back: the end lands on a word's end in the first line
        selection = reader.selection
        assert selection is not None and layout.line_of_offset(selection[1] - 1) == row
        assert turn.text[selection[1] - turn.start - 1] != " "


async def test_dragging_the_mouse_selects_whole_words(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_coding(pilot)
        reader = screen.reader
        layout = reader._layout
        assert layout is not None
        turn = reader.visible_turns[1]
        row = layout.line_of_offset(turn.start) - round(reader.scroll_offset.y)
        await pilot.mouse_down(TranscriptReader, offset=(8 + 2, row))  # inside «Skal»
        await pilot.hover(TranscriptReader, offset=(8 + 14, row + 1))  # a word on the next line
        await pilot.mouse_up(TranscriptReader, offset=(8 + 14, row + 1))
        await pilot.pause()
        selection = reader.selection
        assert selection is not None and selection[0] == turn.start
        words = reader.span_text(*selection)
        assert words.startswith("Skal jeg begynne? (ler)") and not words.endswith(" ")
        assert turn.text[selection[1] - turn.start - 1 : selection[1] - turn.start + 1][-1] in " ,."
        picker = await code_with(pilot, "Dratt")
        assert picker.passage[0][1] == words
        (coding,) = codings_of_document(tui_project, screen.document_id or 0)
        assert (coding.start, coding.end) == selection
        assert isinstance(app.screen, CodingScreen)
