"""The Matrise screen driven by a pilot on the seeded demo analysis: opened from the palette, the same counts
as the workflow, `enter` on a cell → its passages → the transcript line, `escape` back to the same cell; rows,
columns and measure switched by keys; readable at 80×24 in a light and a dark theme; a heatmap and an xlsx
written from the screen."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from rich.style import Style
from textual.color import Color
from textual.widgets import DataTable

from sdi.tui.app import SdiApp
from sdi.tui.modals.passages import PassagesModal
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.screens.matrix_screen import MatrixScreen
from sdi.workflow.matrix import matrix
from sdi.workflow.project import Project
from tests.tui.helpers import messages, type_text


async def open_matrix(pilot) -> MatrixScreen:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await type_text(pilot, "matrise")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MatrixScreen), screen
    return screen


def shown(grid: DataTable, row: int) -> list[str]:  # type: ignore[type-arg]
    return [str(cell).strip() for cell in grid.get_row_at(row)]


async def test_a_cell_walks_down_to_its_passages_and_the_transcript_line(analysis_project: Project) -> None:
    expected = matrix(analysis_project, "code_group", "group")
    app = SdiApp(analysis_project)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_matrix(pilot)
        grid = screen.grid
        assert grid.row_count == len(expected.rows) + 1  # and the totals
        first = shown(grid, 0)
        assert first[0] == expected.rows[0].label
        assert first[1:-1] == [str(v) if v else "·" for v in expected.values("codings")[0]]
        assert first[-1] == str(expected.row_totals[0].codings)
        assert shown(grid, grid.row_count - 1)[-1] == str(expected.total.codings)
        column = next(c for c, v in enumerate(expected.values("codings")[0]) if v)
        await pilot.press(*["right"] * column)  # the cursor starts on the first number
        await pilot.pause()
        detail = str(screen.query_one("#matrix-cell").render())
        assert f"{expected.rows[0].label} × {expected.columns[column].label}" in detail
        await pilot.press("enter")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, PassagesModal)
        assert len(modal.contexts) == expected.cell(0, column).codings
        passage = modal.contexts[0]
        assert passage.group == expected.columns[column].label
        await pilot.press("enter")
        await pilot.pause()
        coding = app.screen
        assert isinstance(coding, CodingScreen)
        assert coding.document_id == passage.document_id
        turn = coding.reader.current_turn
        assert turn is not None and turn.start <= passage.start < turn.end  # on the passage's line
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert grid.cursor_coordinate == (0, column + 1)  # the same cell


async def test_rows_columns_and_measure_switch_by_keys(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_matrix(pilot)
        await pilot.press("c", "c")  # group → category → site
        await pilot.pause()
        assert screen.columns_by == "site"
        assert [str(c.label).strip() for c in screen.grid.columns.values()][1:3] == ["Fjordvik", "Åsmark"]
        await pilot.press("m", "m", "m")  # codings → turns → speakers → share
        await pilot.pause()
        assert screen.measure == "share" and shown(screen.grid, 0)[-1].endswith("%")
        await pilot.press("r")  # code groups → concepts
        await pilot.pause()
        assert screen.rows_by == "concept" and screen.grid.row_count == 3  # two concepts and the totals
        await pilot.press("r")  # → codes
        await pilot.pause()
        assert screen.rows_by == "code" and screen.grid.row_count == 40  # 39 codes and the totals
        choice = str(screen.query_one("#matrix-choice").render())
        assert choice.startswith("Rader: Kode · Kolonner: sted · Mål: andel av talerne")


async def test_the_heat_reads_in_light_and_dark_themes(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_matrix(pilot)
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            rows = [screen.grid.get_row_at(row)[1:-1] for row in range(screen.grid.row_count - 1)]
            cells = [cell for row in rows for cell in row]
            coloured = [cell.style for cell in cells if isinstance(cell.style, Style) and cell.style.bgcolor]
            assert len(coloured) == sum(1 for cell in cells if cell.plain.strip() not in ("·", "–"))
            for style in coloured:
                assert style.bgcolor is not None and style.color is not None
                background = Color.from_rich_color(style.bgcolor)
                foreground = Color.from_rich_color(style.color)
                assert abs(background.brightness - foreground.brightness) > 0.4, theme


async def test_figure_and_spreadsheet_from_the_screen(analysis_project: Project) -> None:
    app = SdiApp(analysis_project)
    exports: Path = analysis_project.config.exports_dir
    async with app.run_test(size=(80, 24)) as pilot:
        await open_matrix(pilot)
        await pilot.press("x", "f")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        sheet = exports / "matrise-code-group-group.xlsx"
        figure = exports / "varmekart-code-group-group-codings.svg"
        assert sheet.exists() and figure.exists()
        assert any(str(figure) in message for message in messages(app))
        assert load_workbook(sheet).sheetnames[0] == "Kodinger"
