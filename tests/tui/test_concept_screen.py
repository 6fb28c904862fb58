"""The Concepts screen on the seeded demo analysis: name a concept for a group, write its definition with all
the group's codings in view, choose key quotes (listed first), and quote a coding into a quote set."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from sdi.tui.app import SdiApp
from sdi.tui.modals.dialogs import ConfirmModal
from sdi.tui.modals.picker import PickerModal
from sdi.tui.screens.concept_screen import ConceptScreen
from sdi.tui.widgets.concept_form import ConceptForm
from sdi.workflow.code_group import codings_of_group, list_groups
from sdi.workflow.concept import concept_of_group, concept_view
from sdi.workflow.project import Project
from sdi.workflow.quote import list_quote_sets, quotes_of_set
from tests.tui.helpers import answer, messages, open_step, pick, status

SIZE = (120, 40)
DEFINITION = "Henvisningstomrom er når en melding til PPT eller barnevernet ikke gir noe svar tilbake."


async def test_write_a_concept_with_a_definition_and_two_key_quotes(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "4", ConceptScreen)
        hole = next(g for g in list_groups(analysis_project) if g.name == "Det sorte hullet")
        await pilot.press("down", "down")
        assert screen.group_id == hole.id and screen.concept is None
        assert len(screen.codings.contexts) == hole.codings  # all of the group's codings, in context
        await pilot.press("e")  # no concept yet
        assert "n lager ett" in messages(app)[-1]
        await pilot.press("n")
        await answer(pilot, "Henvisningstomrom")
        concept_id = concept_of_group(analysis_project, hole.id)
        assert concept_id is not None and screen.concept is not None
        assert "3 begreper" in status(app)  # the status line follows at once
        await pilot.press("e")
        editor = screen.query_one(ConceptForm)  # in the concept's pane: the codings stay in view under it
        assert app.screen is screen and editor.display and screen.codings.display
        assert editor.region.bottom <= screen.codings.region.y and screen.codings.region.height >= 3
        assert editor.query_one("#name", Input).value == "Henvisningstomrom"
        editor.query_one("#definition", TextArea).text = DEFINITION
        editor.query_one("#notes", TextArea).text = "Sjekket mot alle ti kodingene."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not editor.display
        view = concept_view(analysis_project, concept_id)
        assert (view.definition, view.notes) == (DEFINITION, "Sjekket mot alle ti kodingene.")
        assert DEFINITION in str(screen.query_one("#concept-text").render())

        contexts = codings_of_group(analysis_project, hole.id)
        await pilot.press("tab", "down", "k")  # the second coding becomes the first key quote
        await pilot.press("down", "down", "k")  # and the third one after it
        view = concept_view(analysis_project, concept_id)
        first, second = contexts[1].coding_id, contexts[2].coding_id
        assert [quote.coding_id for quote in view.key_quotes] == [first, second]
        assert [c.coding_id for c in screen.codings.contexts[:2]] == [first, second]  # key quotes first
        assert str(screen.codings.get_option_at_index(1).prompt).startswith("★ ")
        assert not str(screen.codings.get_option_at_index(2).prompt).startswith("★ ")
        await pilot.press("up", "k")  # off again
        assert [q.coding_id for q in concept_view(analysis_project, concept_id).key_quotes] == [second]


async def test_one_concept_per_group_and_deleting_it(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "4", ConceptScreen)
        assert screen.concept is not None and screen.concept.name == "Sikkerhetsventing"
        await pilot.press("n")
        assert "allerede et begrep" in messages(app)[-1]
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert concept_of_group(analysis_project, screen.group_id or 0) is None and screen.concept is None


async def test_q_puts_a_coding_into_a_new_then_an_existing_quote_set(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "4", ConceptScreen)
        await pilot.press("q")  # the group list has the focus: no coding to quote
        assert "Velg en koding" in messages(app)[-1]
        await pilot.press("tab", "q")
        assert isinstance(app.screen, PickerModal)
        await pick(pilot, "new")
        await answer(pilot, "Artikkel om venting")
        await pilot.press("down", "q")
        (quote_set,) = list_quote_sets(analysis_project)
        await pick(pilot, str(quote_set.id))
        quotes = quotes_of_set(analysis_project, quote_set.id)
        assert [q.context.coding_id for q in quotes] == [c.coding_id for c in screen.codings.contexts[:2]]
        assert messages(app)[-1] == "Lagt til i «Artikkel om venting»"
