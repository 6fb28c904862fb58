"""The Corpus screen: groups → stages → transcripts, details, summary editing, opening a transcript."""

from __future__ import annotations

from textual.widgets import Static, TextArea, Tree

from sdi.tui.app import SdiApp
from sdi.tui.modals.dialogs import TextModal
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.screens.corpus_screen import CorpusScreen
from sdi.workflow.corpus import stage_view
from sdi.workflow.overview import project_status
from sdi.workflow.project import Project
from tests.tui.helpers import open_coding, type_text


async def test_tree_holds_every_group_stage_and_transcript(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(Tree)
        groups = list(tree.root.children)
        stages = [stage for group in groups for stage in group.children]
        transcripts = [leaf for stage in stages for leaf in stage.children]
        assert (len(groups), len(stages), len(transcripts)) == (8, 16, 16)
        first = project_status(tui_project).rows[0]
        assert str(groups[0].label).startswith(first.group)
        assert "13.02.2025" in str(stages[0].label) and "0 % kodet" in str(stages[0].label)
        assert "barnehage-1.md" in str(transcripts[0].label) and "ord" in str(transcripts[0].label)


async def test_detail_shows_participants_and_stage_summary(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        group_detail = str(app.screen.query_one("#group-detail", Static).content)
        assert "Deltakere" in group_detail and "Pedagogisk leder" in group_detail
        await pilot.press("down")
        stage_detail = str(app.screen.query_one("#stage-detail", Static).content)
        assert "Oppsummering" in stage_detail and "stille barna" in stage_detail


async def test_enter_on_a_transcript_opens_it_for_coding(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "down", "down", "enter")  # group 1, stage 2's transcript
        await pilot.pause()
        assert isinstance(app.screen, CodingScreen)
        second = project_status(tui_project).rows[1]
        assert app.screen.reader.transcript is not None
        assert app.screen.reader.transcript.id == second.document_id


async def test_e_edits_the_stage_summary(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")  # on a group: nothing to edit
        assert isinstance(app.screen, CorpusScreen)
        await pilot.press("down", "e")
        assert isinstance(app.screen, TextModal)
        app.screen.query_one(TextArea).text = "Foreldresamarbeid og ventetid hos PPT."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen)
        row = project_status(tui_project).rows[0]
        assert stage_view(tui_project, row.group, 1).summary == "Foreldresamarbeid og ventetid hos PPT."
        assert "ventetid hos PPT" in str(app.screen.query_one("#stage-detail", Static).content)


async def test_escape_leaves_the_summary_unchanged(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        row = project_status(tui_project).rows[0]
        before = stage_view(tui_project, row.group, 1).summary
        await pilot.press("down", "e")
        app.screen.query_one(TextArea).text = "kastes"
        await pilot.press("escape")
        assert stage_view(tui_project, row.group, 1).summary == before


async def test_tree_shows_new_coding_progress_when_coming_back(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        stage = app.screen.query_one(Tree).root.children[0].children[0]
        assert "0 % kodet" in str(stage.label)
        await open_coding(pilot)
        await pilot.press("j", "t", "c")
        await type_text(pilot, "Begynner")
        await pilot.press("enter", "1")
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen)
        assert "0 % kodet" not in str(stage.label) and "kodet" in str(stage.label)


def drawn(tree: Tree[object]) -> str:
    """The tree's lines as they are drawn now."""
    return "\n".join(tree.render_line(y).text.rstrip() for y in range(tree.size.height))


async def test_the_tree_is_drawn_anew_when_the_terminal_is_resized(tui_project: Project) -> None:
    """`CorpusTree` keeps its drawn lines for a resize to the size it was drawn at; any other resize draws
    them anew: taller, the lines that now fit; wider, the labels cut before whole; back, as it was."""
    app = SdiApp(tui_project)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(Tree)
        small = drawn(tree)
        assert "Barnehage Åsmark" in small and "Skole Åsmark" not in small
        assert "Mellomledere oppvekst" not in small  # cut at 80 columns
        await pilot.resize_terminal(160, 60)
        await pilot.pause()
        large = drawn(tree)
        assert "Skole Åsmark" in large and "Mellomledere oppvekst og helse" in large
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert drawn(tree) == small
