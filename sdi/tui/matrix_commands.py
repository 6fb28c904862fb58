"""The comparisons in the palette and the files the workbench writes from them: open the Matrise screen, and
draw a figure (heatmap, concept map, codings per group and stage) or write a matrix as xlsx into exports/.
The store is read on the UI thread (it is quick); drawing and writing run in a worker thread (matplotlib and
openpyxl load on first use), and the path is shown when the file is there. Like the CLI, nothing showing a
real name from the pseudonym key is written."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sdi.tui.context import refuse, tr
from sdi.workflow.errors import reportable_errors

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp

Command = tuple[str, Callable[[], object], str]
FIGURES = ("heatmap", "concept_map", "bars")
FILE_NAMES = {"heatmap": "varmekart", "concept_map": "begrepskart", "bars": "kodinger-per-runde"}


def matrix_commands(app: SdiApp) -> list[Command]:
    """Palette entries: the Matrise screen and one per figure."""
    commands: list[Command] = [
        (tr(app, "mx.cmd.matrix"), partial(open_matrix, app), tr(app, "mx.cmd.matrix_help"))
    ]
    for kind in FIGURES:
        commands.append((tr(app, f"mx.cmd.figure.{kind}"), partial(draw_figure, app, kind),
                         tr(app, "mx.cmd.figure_help")))  # fmt: skip
    return commands


def open_matrix(app: SdiApp) -> None:
    """From the palette, like a step: a fresh start (the walk-back trail is forgotten)."""
    app.trail.clear()
    app.switch_mode("matrix")


def draw_figure(app: SdiApp, kind: str, figure: Any = None, name: str = "") -> None:
    """Read the figure's data now (unless given) and draw it to exports/<name>.svg in a worker."""
    from sdi.export.figures import labels_of
    from sdi.workflow.figure_data import figure_data

    if figure is None:
        try:
            figure = figure_data(app.project, kind)
        except reportable_errors() as error:
            refuse(app, error)
            return
    path = app.project.config.exports_dir / f"{name or FILE_NAMES[kind]}.svg"
    if not _without_names(app, labels_of(figure), path):
        return

    def write() -> None:
        from sdi.export.figures import write_figure

        write_figure(path, figure)

    _in_worker(app, path, write)


def write_spreadsheet(app: SdiApp, sheets: list[Any], name: str) -> None:
    """The sheets as exports/<name>.xlsx; read back for real names before it may stay."""
    from sdi.publish import names_in_export

    config = app.project.config
    path = config.exports_dir / f"{name}.xlsx"
    names = tuple(config.known_names)

    def write() -> None:
        from sdi.export.spreadsheet import write_xlsx

        write_xlsx(path, sheets, title=config.title, author=app.project.coder_name, language=config.language)
        found = names_in_export(path, names)
        if found:
            path.unlink()
            raise _Names(found)

    _in_worker(app, path, write)


class _Names(Exception):
    def __init__(self, found: list[str]) -> None:
        super().__init__(", ".join(found))


def _without_names(app: SdiApp, labels: list[tuple[str, str]], path: Path) -> bool:
    from sdi.workflow.name_check import find_names

    found = find_names(labels, tuple(app.project.config.known_names))
    if found:
        app.notify(tr(app, "mx.tui.names", path=path.name, found=", ".join(found)), severity="error")
    return not found


def _in_worker(app: SdiApp, path: Path, write: Callable[[], None]) -> None:
    app.notify(tr(app, "mx.tui.working", path=path.name))

    def work() -> None:
        try:
            write()
        except _Names as names:
            message = tr(app, "mx.tui.names", path=path.name, found=str(names))
            app.call_from_thread(app.notify, message, severity="error")
        except OSError as error:
            message = tr(app, "mx.tui.failed", path=path, error=error.strerror or error)
            app.call_from_thread(app.notify, message, severity="error")
        else:
            app.call_from_thread(app.notify, tr(app, "mx.tui.written", path=path))

    app.run_worker(work, thread=True, exit_on_error=False, group="matrix-files")
