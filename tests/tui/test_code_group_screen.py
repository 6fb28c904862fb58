"""The Code groups screen driven as a researcher would, on the seeded demo analysis: mark codes and move them
at once, create, rename, reorder and delete groups, the rest group, and the codings shown only on request."""

from __future__ import annotations

from sdi.tui.app import SdiApp
from sdi.tui.modals.dialogs import ConfirmModal, InputModal
from sdi.tui.modals.help import HelpModal
from sdi.tui.modals.picker import PickerModal
from sdi.tui.screens.code_group_rows import UNGROUPED, group_key, spread_text
from sdi.tui.screens.code_group_screen import CodeGroupScreen
from sdi.tui.screens.concept_screen import ConceptScreen
from sdi.tui.screens.quote_screen import QuoteScreen
from sdi.tui.widgets.step_bar import StepBar
from sdi.workflow.code_group import code_spread, list_groups
from sdi.workflow.project import Project, open_project
from tests.tui.helpers import answer, messages, open_step, pick

SIZE = (120, 40)


def ungrouped(project: Project) -> list[int]:
    return [code.code_id for code in code_spread(project) if code.group_id is None]


def test_spread_is_told_per_focus_group() -> None:
    stages = ("Barnehage Fjordvik/1", "Barnehage Fjordvik/2", "Skole Fjordvik/2")
    assert spread_text(stages) == "Barnehage Fjordvik 1+2, Skole Fjordvik 2"


async def test_the_code_list_without_the_text(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        groups = list_groups(analysis_project)
        assert screen.group_list.ids() == [UNGROUPED, *(group_key(g.id) for g in groups)]
        assert screen.query_one(StepBar).context.startswith("4 ugrupperte koder · 8 kodegrupper")
        assert len(screen.code_list.ids()) == 4 and not screen.codings.display  # no text until asked
        await pilot.press("down")
        assert screen.group_key == group_key(groups[0].id)
        assert len(screen.code_list.ids()) == groups[0].codes
        prompt = str(screen.code_list.get_option_at_index(0).prompt)
        assert "Man venter med å ta opp bekymringen" in prompt and "3 talere" in prompt
        await pilot.press("enter", "enter")  # into the codes, then the first code's codings in context
        assert screen.pane == "codings" and screen.codings.display and not screen.code_list.display
        assert len(screen.codings.contexts) == 3
        await pilot.press("escape")  # back to the code list (the trail knows where we were)
        assert screen.pane == "codes" and screen.code_list.display


async def test_mark_three_codes_and_move_them_at_once(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        codes = ungrouped(analysis_project)
        await pilot.press("enter")  # into the ungrouped codes
        assert screen.pane == "codes"
        await pilot.press("space", "space", "space")  # each mark steps to the next code
        assert list(screen.marked) == codes[:3]
        assert "3 merket" in screen.query_one(StepBar).context
        assert str(screen.code_list.get_option_at_index(0).prompt).startswith("● ")
        hole = next(g for g in list_groups(analysis_project) if g.name == "Det sorte hullet")
        await pilot.press("m")
        assert isinstance(app.screen, PickerModal) and "3 koder" in app.screen.title_text
        await pick(pilot, group_key(hole.id))
        spread = {code.code_id: code.group_id for code in code_spread(analysis_project)}
        assert [spread[code] for code in codes[:3]] == [hole.id] * 3
        assert screen.marked == {} and len(screen.code_list.ids()) == 1
        assert screen.query_one(StepBar).context.startswith("1 ugruppert kode ·")  # one, said as one
        assert "Flyttet 3 koder til «Det sorte hullet»" in messages(app)
        assert next(g for g in screen.groups if g.id == hole.id).codes == hole.codes + 3


async def test_move_one_code_into_a_new_group_and_the_rest_group(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        first, second, *_ = ungrouped(analysis_project)
        await pilot.press("enter", "m")  # nothing marked: the highlighted code moves
        await pick(pilot, "new")
        await answer(pilot, "Når foreldrene ikke forstår")
        new = next(g for g in list_groups(analysis_project) if g.name == "Når foreldrene ikke forstår")
        assert {c.code_id: c.group_id for c in code_spread(analysis_project)}[first] == new.id
        await pilot.press("R")  # the next one to the rest group
        rest = next(g for g in list_groups(analysis_project) if g.is_rest)
        assert {c.code_id: c.group_id for c in code_spread(analysis_project)}[second] == rest.id
        assert screen.group_key == UNGROUPED


async def test_create_rename_reorder_and_delete_a_group(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        await pilot.press("n")
        await answer(pilot, "Tillit til systemet")
        names = [g.name for g in list_groups(analysis_project)]
        assert names[-2:] == ["Tillit til systemet", "Restgruppe"]  # new groups go last, before the rest
        created = next(g for g in list_groups(analysis_project) if g.name == "Tillit til systemet")
        assert screen.group_key == group_key(created.id)
        await pilot.press("r")
        assert isinstance(app.screen, InputModal) and app.screen.value == "Tillit til systemet"
        await answer(pilot, "Tillit til hjelpeapparatet")
        await pilot.press("ctrl+up")
        names = [g.name for g in list_groups(analysis_project)]
        assert names[-3:] == [
            "Tillit til hjelpeapparatet",
            "Når undringen går tapt i oversettelsen",
            "Restgruppe",
        ]
        assert screen.group_list.highlighted_id == group_key(created.id)
        await pilot.press("ctrl+down", "delete")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert "Tillit til hjelpeapparatet" not in [g.name for g in list_groups(analysis_project)]


async def test_a_group_carrying_a_concept_is_not_deleted(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, "3", CodeGroupScreen)
        await pilot.press("down", "delete", "y")
        await pilot.pause()
        assert any("bærer begrepet «Sikkerhetsventing»" in message for message in messages(app))
        assert list_groups(analysis_project)[0].name == "Å vente til man er sikker"


async def test_r_on_a_code_renames_the_code(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_step(pilot, "3", CodeGroupScreen)
        code = ungrouped(analysis_project)[0]
        await pilot.press("enter", "r")
        await answer(pilot, "Foreldrene forstår ikke hva undring er")
        statements = {c.code_id: c.statement for c in code_spread(analysis_project)}
        assert statements[code] == "Foreldrene forstår ikke hva undring er"
        assert "Foreldrene forstår ikke" in str(screen.code_list.get_option_at_index(0).prompt)


async def test_an_english_project_gets_english_steps_3_to_5(analysis_project: Project) -> None:
    config = analysis_project.root / "sdi.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('language = "nb"', 'language = "en"'), encoding="utf-8"
    )
    project = open_project(analysis_project.root, coder="tester", exact=True)
    try:
        app = SdiApp(project)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_step(pilot, "3", CodeGroupScreen)
            assert screen.query_one(StepBar).context.startswith("4 ungrouped codes · 8 code groups")
            assert str(screen.group_list.get_option_at_index(0).prompt).startswith("Ungrouped")
            concepts = await open_step(pilot, "4", ConceptScreen)
            assert concepts.query_one(StepBar).context == "2 of 8 code groups have a concept"
            await pilot.press("tab")
            assert "stage 1 · line" in str(concepts.codings.get_option_at_index(0).prompt)
            await open_step(pilot, "5", QuoteScreen)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpModal)
            assert (
                app.screen.keys["Note a check"] == "^k / !" and app.screen.keys["Quote up"] == "^↑ / shift+↑"
            )
    finally:
        project.close()


async def test_a_refusal_is_shown_in_norwegian(analysis_project: Project) -> None:
    taken = list_groups(analysis_project)[0].name
    app = SdiApp(analysis_project)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, "3", CodeGroupScreen)
        await pilot.press("n")
        await answer(pilot, taken)
        assert f"det finnes allerede en kodegruppe som heter «{taken}»" in messages(app)
        assert [g.name for g in list_groups(analysis_project)].count(taken) == 1
