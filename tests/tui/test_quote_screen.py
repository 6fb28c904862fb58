"""The Quotes screen: build a quote set (from the Coding screen and the Concepts screen), reorder it, edit a
display version with a cut, tidy it, go back to the original, remove a quote, rename and delete the set."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from sdi.tui.app import SdiApp
from sdi.tui.modals.dialogs import ConfirmModal, InputModal
from sdi.tui.modals.editors import QuoteEditor
from sdi.tui.screens.concept_screen import ConceptScreen
from sdi.tui.screens.quote_screen import QuoteScreen
from sdi.workflow.code import codings_of_document
from sdi.workflow.concept import list_concepts
from sdi.workflow.project import Project
from sdi.workflow.quote import add_quote, create_quote_set, list_quote_sets, quotes_of_set, tidy_display
from tests.tui.helpers import answer, open_coding, open_step, pick

SIZE = (120, 40)


def seed_set(project: Project) -> tuple[int, list[int]]:
    """A quote set with the first concept's three key quotes."""
    set_id = create_quote_set(project, "Artikkel 1")
    codings = [quote.coding_id for quote in list_concepts(project)[0].key_quotes]
    for coding_id in codings:
        add_quote(project, set_id, coding_id)
    return set_id, codings


async def test_build_a_quote_set_reorder_and_edit_a_display_version(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        concepts = await open_step(pilot, "4", ConceptScreen)
        await pilot.press("tab", "q")
        await pick(pilot, "new")
        await answer(pilot, "Poster")
        await pilot.press("down", "q")
        (quote_set,) = list_quote_sets(analysis_project)
        await pick(pilot, str(quote_set.id))
        first, second = (c.coding_id for c in concepts.contexts[:2])

        screen = await open_step(pilot, "5", QuoteScreen)
        assert screen.set_id == quote_set.id
        assert [q.context.coding_id for q in screen.quotes] == [first, second]
        await pilot.press("enter", "down", "ctrl+up")  # into the quotes; the second one moves up
        assert [q.context.coding_id for q in quotes_of_set(analysis_project, quote_set.id)] == [second, first]
        assert screen.quote_list.highlighted_id == f"quote-{screen.quotes[0].id}"  # the cursor went with it

        quote = screen.quotes[0]
        await pilot.press("e")
        editor = app.screen
        assert isinstance(editor, QuoteEditor)
        area = editor.query_one(TextArea)
        assert area.text == quote.original
        words = quote.original.split()
        area.text = " ".join(words[:4])
        area.move_cursor(area.document.end)
        await pilot.press("ctrl+r", "ctrl+s")  # a cut at the end, then save
        await pilot.pause()
        edited = quotes_of_set(analysis_project, quote_set.id)[0]
        assert edited.display == " ".join(words[:4]) + " […]" and edited.edited
        assert edited.original == quote.original  # the transcript's words stay
        assert "redigert" in str(screen.quote_list.get_option_at_index(0).prompt)

        await pilot.press("t")  # the tidied original, offered for editing
        assert isinstance(app.screen, QuoteEditor)
        assert app.screen.query_one(TextArea).text == tidy_display(quote.original)
        await pilot.press("escape", "o")  # cancel; then back to the original words
        await pilot.pause()
        assert not quotes_of_set(analysis_project, quote_set.id)[0].edited

        await pilot.press("x")
        assert [q.context.coding_id for q in quotes_of_set(analysis_project, quote_set.id)] == [first]


async def test_rename_and_delete_a_quote_set(analysis_project: Project) -> None:
    set_id, _ = seed_set(analysis_project)
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "5", QuoteScreen)
        assert len(screen.quotes) == 3
        await pilot.press("r")
        assert isinstance(app.screen, InputModal) and app.screen.query_one(Input).value == "Artikkel 1"
        await answer(pilot, "Artikkel i Tidsskrift for samfunnsforskning")
        assert list_quote_sets(analysis_project)[0].name == "Artikkel i Tidsskrift for samfunnsforskning"
        await pilot.press("n")
        await answer(pilot, "Poster")
        assert screen.set_id != set_id and screen.quotes == []
        await pilot.press("up", "delete")
        assert isinstance(app.screen, ConfirmModal) and "3 sitater" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert [s.name for s in list_quote_sets(analysis_project)] == ["Poster"]


async def test_q_on_the_coding_screen_quotes_the_coding_under_the_cursor(analysis_project: Project) -> None:
    seed_set(analysis_project)
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_coding(pilot)
        coded = codings_of_document(analysis_project, screen.document_id or 0)[0]
        screen.reader.go_to(coded.start)
        await pilot.press("q")
        (quote_set,) = list_quote_sets(analysis_project)
        await pick(pilot, str(quote_set.id))
        quotes = quotes_of_set(analysis_project, quote_set.id)
        assert len(quotes) == 4 and quotes[-1].context.coding_id == coded.id
