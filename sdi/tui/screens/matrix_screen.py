"""The Matrise screen (from the palette): codes, code groups or concepts against focus groups, categories,
sites, stages, transcripts, roles or participants — codings, turns, speakers or the share of speakers per
cell, coloured by how much, with totals. `r`, `c` and `m` switch the rows, the columns and the measure;
`enter` on a cell lists its passages and walks down to the transcript line (`escape` comes back to the same
cell). `f` draws the matrix as a heatmap, `x` writes it as xlsx.

The colours are mixed from the theme's own surface towards one heat colour, and the figures take the colour
that reads on each mix, so the table reads in every theme; the first column stays while the table scrolls."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Vertical
from textual.theme import Theme
from textual.widgets import DataTable, Label, Static

from sdi.tui.context import sdi_app
from sdi.tui.matrix_commands import draw_figure, write_spreadsheet
from sdi.tui.modals.passages import PassagesModal
from sdi.tui.navigation import State
from sdi.tui.screens.base import SdiScreen
from sdi.workflow.coded_turns import ROWS, CodedTurns
from sdi.workflow.context import CodingContext
from sdi.workflow.matrix import COLUMNS, MEASURES, Cell, Matrix, build_matrix, cell_passages, read_coded_turns

HEAT = Color.parse("#e8590c")  # one heat colour, mixed into the theme's surface
ROW_LABEL, COLUMN_LABEL = 30, 16  # characters of the headings shown (the line below names the cell in full)
TOTAL = -1  # the row or column index of the totals


def short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class MatrixScreen(SdiScreen):
    """One DataTable; the cursor's cell is named in full, with all its counts, on the line below."""

    MODE = "matrix"
    CSS_PATH = "matrix_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "down", "tui.key.matrix_passages", show=False, id="down"),
        Binding("escape", "up", "tui.key.up", show=False, id="up"),
        Binding("r", "next_rows", "tui.key.matrix_rows", id="matrix_rows"),
        Binding("c", "next_columns", "tui.key.matrix_columns", id="matrix_columns"),
        Binding("m", "next_measure", "tui.key.matrix_measure", id="matrix_measure"),
        Binding("f", "figure", "tui.key.matrix_figure", show=False, id="matrix_figure"),
        Binding("x", "spreadsheet", "tui.key.matrix_spreadsheet", show=False, id="matrix_spreadsheet"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows_by, self.columns_by, self.measure = "code_group", "group", "codings"
        self.coded: CodedTurns | None = None
        self.table: Matrix | None = None
        self.coloured_for = ""  # the theme the heat was mixed for

    def compose_body(self) -> ComposeResult:
        with Vertical(id="matrix-body"):
            yield Label("", id="matrix-choice")
            yield DataTable(
                id="matrix", cursor_type="cell", fixed_columns=1, cursor_background_priority="css"
            )
            yield Static("", id="matrix-cell")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._recolour)
        self.grid.focus()

    @property
    def grid(self) -> DataTable[Text]:
        return self.query_one("#matrix", DataTable)

    # ---- loading ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.coded = None
        self.show_matrix()

    def show_matrix(self, cell: tuple[int, int] | None = None) -> None:
        """Read (only when the rows changed or the store did), count, and fill the table; the cursor stays
        on the same cell (or goes to `cell`)."""
        language = sdi_app(self).language
        if self.coded is None or self.coded.rows_by != self.rows_by:
            self.coded = self.attempt(read_coded_turns, self.project, self.rows_by, language)
        if self.coded is None:
            return
        self.table = build_matrix(self.coded, self.columns_by, language)
        keep = cell if cell is not None else self.grid.cursor_coordinate
        self._fill()
        if self.grid.row_count:
            row = min(keep[0], self.grid.row_count - 1)
            self.grid.move_cursor(row=row, column=min(max(keep[1], 1), len(self.grid.columns) - 1))
        what = self.tr("mx.title", rows=self.tr(f"mx.rows.{self.rows_by}"),
                       columns=self.tr(f"mx.columns.{self.columns_by}"),
                       measure=self.tr(f"mx.measure.{self.measure}"))  # fmt: skip
        self.set_context(what)
        choice = self.tr("mx.tui.choice", rows=self.tr(f"mx.rows.{self.rows_by}"),
                         columns=self.tr(f"mx.columns.{self.columns_by}"),
                         measure=self.tr(f"mx.measure.{self.measure}"))  # fmt: skip
        self.query_one("#matrix-choice", Label).update(
            Text.assemble((choice, "bold"), ("   " + self.tr("mx.tui.keys"), "dim"))
        )
        self._describe()

    def _fill(self) -> None:
        table, grid = self.table, self.grid
        assert table is not None
        grid.clear(columns=True)
        if not table.rows:
            grid.add_column(self.tr(f"mx.rows.{self.rows_by}"), key="label")
            grid.add_row(Text(self.tr("mx.tui.empty"), style="dim italic"))
            return
        values = table.values(self.measure)
        headers = [short(column.label, COLUMN_LABEL) for column in table.columns] + [self.tr("mx.total")]
        body = [[*values[r], table.row_totals[r].value(self.measure)] for r in range(len(table.rows))]
        body.append([*(c.value(self.measure) for c in table.column_totals), table.total.value(self.measure)])
        texts = [[self._number(value) for value in row] for row in body]
        widths = [max(len(headers[c]), *(len(row[c]) for row in texts)) for c in range(len(headers))]
        grid.add_column(Text(self.tr(f"mx.rows.{self.rows_by}"), style="bold"), key="label")
        for n, header in enumerate(headers):  # right-aligned by padding: every cell of a column as wide
            grid.add_column(Text(header.rjust(widths[n]), style="bold" if n == len(headers) - 1 else ""),
                            key="total" if n == len(headers) - 1 else f"c{n}")  # fmt: skip
        top = max((v for row in values for v in row if v is not None), default=0) or 1
        colours = self._heat_colours()
        self.coloured_for = self.app.theme
        last = len(headers) - 1
        for r, row in enumerate(table.rows):
            pairs = enumerate(zip(body[r][:last], texts[r][:last], strict=True))
            cells = [self._cell(value, text.rjust(widths[c]), top, colours) for c, (value, text) in pairs]
            total = Text(texts[r][last].rjust(widths[last]), style="bold")
            grid.add_row(Text(short(row.label, ROW_LABEL)), *cells, total, key=f"r{r}")
        totals = [Text(text.rjust(widths[c]), style="bold") for c, text in enumerate(texts[-1])]
        grid.add_row(Text(self.tr("mx.total"), style="bold"), *totals, key="total")

    def _heat_colours(self) -> list[tuple[Color, Color]]:
        """Ten steps from the theme's surface to the heat colour, each with a text colour that reads on it."""
        variables = self.app.get_css_variables()
        base = Color.parse(variables.get("surface") or variables.get("background") or "#1e1e1e")
        steps = []
        for step in range(10):
            background = base.blend(HEAT, 0.18 + 0.82 * step / 9)
            steps.append((background, background.get_contrast_text(1.0)))
        return steps

    def _cell(self, value: float | int | None, text: str, top: float, colours: list[tuple[Color, Color]]
              ) -> Text:  # fmt: skip
        """A number on its heat: no colour for nothing («·») or nothing to measure («–»)."""
        if value is None:
            return Text(text, style="dim")
        if not value:
            return Text("·".rjust(len(text)), style="dim")
        background, foreground = colours[min(9, int(9 * value / top))]
        return Text(text, style=Style(color=foreground.rich_color, bgcolor=background.rich_color))

    def _number(self, value: float | int | None) -> str:
        if value is None:
            return "–"
        if self.measure == "share":
            return sdi_app(self).percent(float(value)).replace(",0", "").replace(".0", "")
        return sdi_app(self).number(int(value))

    def _recolour(self, theme: Theme) -> None:
        if self.table is not None and self.is_current:
            self.show_matrix()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if self.table is not None and self.coloured_for != self.app.theme:  # changed on another screen
            self.show_matrix()

    # ---- the cell under the cursor ------------------------------------------------------------------------

    def _cursor_cell(self) -> tuple[int, int] | None:
        """(row, column) of the matrix under the cursor — TOTAL for the totals — or None on the labels."""
        table = self.table
        if table is None or not table.rows:
            return None
        row, column = self.grid.cursor_coordinate
        if column == 0:
            return None
        r = TOTAL if row >= len(table.rows) else row
        c = TOTAL if column > len(table.columns) else column - 1
        return r, c

    def _cell_counts(self, r: int, c: int) -> Cell:
        table = self.table
        assert table is not None
        if r == TOTAL:
            return table.total if c == TOTAL else table.column_totals[c]
        return table.row_totals[r] if c == TOTAL else table.cell(r, c)

    def _cell_name(self, r: int, c: int) -> str:
        table = self.table
        assert table is not None
        row = self.tr("mx.total") if r == TOTAL else table.rows[r].label
        column = self.tr("mx.total") if c == TOTAL else table.columns[c].label
        return self.tr("mx.tui.cell", row=row, column=column)

    def _describe(self) -> None:
        cell = self._cursor_cell()
        detail = self.query_one("#matrix-cell", Static)
        if cell is None:
            detail.update("")
            return
        counts = self._cell_counts(*cell)
        share = "–" if counts.share is None else sdi_app(self).percent(counts.share)
        detail.update(Text.assemble(
            (self._cell_name(*cell), "bold"), "\n",
            self.tr("mx.tui.counts", codings=counts.codings, turns=counts.turns, speakers=counts.speakers,
                    informants=counts.informants, share=share),
        ))  # fmt: skip

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._describe()

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_down()

    def _passages(self, r: int, c: int) -> list[CodingContext]:
        table = self.table
        assert table is not None
        if r == TOTAL and c == TOTAL:
            return []  # the whole study is not a list one reads through
        rows = range(len(table.rows)) if r == TOTAL else [r]
        columns = range(len(table.columns)) if c == TOTAL else [c]
        ids = sorted({i for row in rows for column in columns for i in table.passages.get((row, column), ())})
        merged = Matrix(table.rows_by, table.columns_by, table.rows, table.columns, {}, (), (), Cell(),
                        {(0, 0): tuple(ids)})  # fmt: skip
        return cell_passages(self.project, merged, 0, 0)

    # ---- actions ----------------------------------------------------------------------------------------

    def action_down(self) -> None:
        """The cell's passages; the one chosen is shown in the transcript, `escape` there comes back."""
        cell = self._cursor_cell()
        if cell is None:
            return
        contexts = self.attempt(self._passages, *cell)
        if not contexts:
            self.notify(self.tr("mx.tui.no_passages"))
            return
        title = self.tr("mx.tui.passages", cell=self._cell_name(*cell), count=len(contexts))

        def chosen(context: CodingContext | None) -> None:
            if context is not None:
                sdi_app(self).walk_down("coding", {"document": context.document_id, "offset": context.start})

        self.app.push_screen(PassagesModal(title, contexts), chosen)

    def _cycle(self, current: str, choices: tuple[str, ...]) -> str:
        return choices[(choices.index(current) + 1) % len(choices)]

    def action_next_rows(self) -> None:
        self.rows_by = self._cycle(self.rows_by, ROWS)
        self.show_matrix((0, 1))

    def action_next_columns(self) -> None:
        self.columns_by = self._cycle(self.columns_by, COLUMNS)
        self.show_matrix((self.grid.cursor_coordinate[0], 1))

    def action_next_measure(self) -> None:
        self.measure = self._cycle(self.measure, MEASURES)
        self.show_matrix()

    def action_figure(self) -> None:
        from sdi.workflow.figure_data import heatmap_of

        if self.table is not None and self.table.rows:
            figure = heatmap_of(self.table, self.measure, sdi_app(self).language)
            name = f"varmekart-{self.rows_by}-{self.columns_by}-{self.measure}".replace("_", "-")
            draw_figure(sdi_app(self), "heatmap", figure, name)

    def action_spreadsheet(self) -> None:
        from sdi.export.spreadsheet import matrix_sheet

        if self.table is not None and self.table.rows:
            language = sdi_app(self).language
            measures = [self.measure, *(m for m in MEASURES if m != self.measure)]
            sheets = [matrix_sheet(self.table, measure, language) for measure in measures]
            name = f"matrise-{self.rows_by}-{self.columns_by}".replace("_", "-")
            write_spreadsheet(sdi_app(self), sheets, name)

    # ---- the walk back ----------------------------------------------------------------------------------

    def place(self) -> dict[str, object]:
        row, column = self.grid.cursor_coordinate
        return {"rows": self.rows_by, "columns": self.columns_by, "measure": self.measure, "row": row,
                "column": column}  # fmt: skip

    def show_place(self, state: State) -> None:
        rows, columns, measure = state.get("rows"), state.get("columns"), state.get("measure")
        if rows in ROWS and columns in COLUMNS and measure in MEASURES:
            self.rows_by, self.columns_by, self.measure = str(rows), str(columns), str(measure)
        row, column = state.get("row"), state.get("column")
        cell = (row, column) if isinstance(row, int) and isinstance(column, int) else None
        self.show_matrix(cell)
        self.grid.focus()
