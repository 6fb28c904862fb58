"""The search view (`/` and the palette) and the keyword table: hits with their context and speaker, filters,
the walk down to the transcript line and back, and a hit's passage into a quote set."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select

from sdi.tui.app import SdiApp
from sdi.tui.modals.code_picker import CodePicker
from sdi.tui.modals.keywords import KeywordsModal
from sdi.tui.modals.picker import PickerModal
from sdi.tui.modals.search import HitList, SearchModal
from sdi.tui.screens.code_group_screen import CodeGroupScreen
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.workflow.code import code_span, codings_of_document
from sdi.workflow.passage import hit_passage
from sdi.workflow.project import Project
from sdi.workflow.quote import list_quote_sets, quotes_of_set
from sdi.workflow.search import search
from sdi.workflow.search_filter import SearchFilter
from tests.tui.helpers import answer, messages, open_step, pick, type_text

SIZE = (120, 40)


async def open_search(pilot, query: str = "") -> SearchModal:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await pilot.pause()
    modal = pilot.app.screen
    assert isinstance(modal, SearchModal)
    if query:
        await type_text(pilot, query)
        await pilot.press("enter")
        await pilot.pause()
    return modal


def hit_lines(modal: SearchModal) -> list[str]:
    hits = modal.query_one(HitList)
    return [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]


async def test_search_filter_and_walk_down_to_the_turn_and_back(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        groups = await open_step(pilot, "3", CodeGroupScreen)
        modal = await open_search(pilot, "stafettlogg")
        everything = list(modal.hits)
        assert len(everything) > 10 and modal.query_one(HitList).has_focus
        first = hit_lines(modal)[0]
        assert f"{everything[0].source_path}:{everything[0].line}" in first and everything[0].speaker in first
        assert "stafettlogg" in first.lower()

        modal.query_one("#filter-sites", Select).value = "Åsmark"
        modal.query_one("#filter-categories", Select).value = "Skole"
        await pilot.pause()
        narrowed = list(modal.hits)
        assert narrowed and len(narrowed) < len(everything)
        assert {h.source_path.split("/")[1] for h in narrowed} == {"asmark"}
        assert all("/skole-" in h.source_path for h in narrowed)
        assert all("Skole Åsmark" in line for line in hit_lines(modal))

        await pilot.press("down", "enter")  # the second hit → the Coding screen at that turn
        await pilot.pause()
        target = narrowed[1]
        coding = app.screen
        assert isinstance(coding, CodingScreen) and coding.document_id == target.document_id
        assert coding.reader.current_turn is not None and coding.reader.current_turn.line == target.line
        await pilot.press("escape")  # the walk back: where the search was opened
        await pilot.pause()
        assert app.screen is groups


async def test_fuzzy_toggle_finds_a_half_remembered_quote(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, "1", type(app.screen))
        modal = await open_search(pilot)
        await pilot.press("ctrl+f")
        assert modal.fuzzy
        await type_text(pilot, "ingen visste hvem som hadde stafettpinnen")
        await pilot.press("enter")
        await pilot.pause()
        assert modal.hits
        assert hit_lines(modal)[0].lstrip().startswith("100.0")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SearchModal)


async def test_an_unknown_or_empty_search_is_one_line(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_search(pilot, "og")
        assert modal.hits == []
        summary = str(modal.query_one("#summary").render())
        assert "minst ett ord å lete etter" in summary  # the refusal in the project's language


async def test_an_uncoded_hit_is_coded_then_quoted(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        coding = await open_step(pilot, "2", CodingScreen)
        modal = await open_search(pilot, "stafettlogg")
        modal.query_one("#filter-roles", Select).value = "Kontaktlærer"
        await pilot.pause()
        hit = modal.hits[0]
        passage = hit_passage(tui_project, hit)
        assert passage.codings == () and "stafettlogg" in passage.text.lower()
        modal.query_one(HitList).focus()
        await pilot.press("q")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CodePicker)
        assert picker.query_one("#statement", Input).value.split()[0] == passage.text.split()[0]
        await pilot.press("enter")  # a new code with the passage's own words
        await pilot.pause()
        await pick(pilot, "new")
        await answer(pilot, "Artikkel om stafettloggen")
        assert isinstance(app.screen, SearchModal)
        sets = list_quote_sets(tui_project)
        assert [(s.name, s.quotes) for s in sets] == [("Artikkel om stafettloggen", 1)]
        quote = quotes_of_set(tui_project, sets[0].id)[0]
        assert quote.original == passage.text
        assert any("Artikkel om stafettloggen" in m for m in messages(app))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is coding
    coded = [c for c in codings_of_document(tui_project, hit.document_id) if c.start == passage.start]
    assert [(c.end, c.statement) for c in coded] == [(passage.end, " ".join(passage.text.split()))]


async def test_a_coded_hit_goes_straight_to_the_quote_sets(tui_project: Project) -> None:
    within = SearchFilter(roles=("Kontaktlærer",))
    hit = search(tui_project, "stafettlogg", 5, within).hits[0]
    passage = hit_passage(tui_project, hit)
    _, coding_id = code_span(
        tui_project, hit.document_id, passage.start, passage.end, statement="Loggen ligger"
    )
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        modal = await open_search(pilot, "stafettlogg")
        modal.query_one("#filter-roles", Select).value = "Kontaktlærer"
        await pilot.pause()
        assert modal.hits[0].utterance_id == hit.utterance_id
        modal.query_one(HitList).focus()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, PickerModal)  # the quote-set picker of the Coding screen's `q`
        await pick(pilot, "new")
        await answer(pilot, "Plakat")
    (quote_set,) = list_quote_sets(tui_project)
    assert [q.context.coding_id for q in quotes_of_set(tui_project, quote_set.id)] == [coding_id]
    assert coding_id in {c.id for c in codings_of_document(tui_project, hit.document_id)}


async def test_search_and_keywords_from_the_palette(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        for typed, kind in (("Søk i transkripsjonene", SearchModal), ("Nøkkelord per gruppe", KeywordsModal)):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await type_text(pilot, typed)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, kind), app.screen
            if kind is SearchModal:
                await pilot.press("escape")
                await pilot.pause()
        keywords = app.screen
        assert isinstance(keywords, KeywordsModal) and keywords.by == "group"
        table = keywords.query_one(DataTable)
        names = [s.name for s in keywords.slices]
        assert len(names) == 8 and "Barnehage Åsmark" in names
        first_rows = [str(table.get_row_at(i)[1]) for i in range(3)]
        assert first_rows == [k.lemma for k in keywords.slices[0].keywords[:3]]
        await pilot.press("b")
        await pilot.pause()
        assert keywords.by == "category" and keywords.slices[0].name == "Barnehage"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, KeywordsModal)


async def test_the_coding_screen_shows_a_coding_made_from_the_search_view(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=SIZE) as pilot:
        coding = await open_step(pilot, "2", CodingScreen)
        view = coding.view
        assert view is not None
        before = len(coding.codings)
        modal = await open_search(pilot)
        modal.query_one("#filter-groups", Select).value = view.group
        modal.query_one("#filter-stages", Select).value = str(view.stage)
        await type_text(pilot, "barn")
        await pilot.press("enter")
        await pilot.pause()
        assert modal.hits and {h.document_id for h in modal.hits} == {view.id}
        await pilot.press("q")
        await pilot.pause()
        await answer_code(pilot)
        await pick(pilot, "new")
        await answer(pilot, "Plakat")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is coding and len(coding.codings) == before + 1


async def answer_code(pilot) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(pilot.app.screen, CodePicker)
    await pilot.press("enter")
    await pilot.pause()
