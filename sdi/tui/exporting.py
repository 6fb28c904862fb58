"""Exports from the workbench: one palette command per export `sdi export` and `sdi refi export` make (each
quote set for a paper and for a poster, the report, the codebook, the REFI-QDA project and codebook). The
store is read at once; the file is written in a worker thread while the status line says what is being
written, and when it is done a notification gives the path — or says the file was removed because a real
name from the pseudonym key was in it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.publish import Export, Written, codebook_exports, quotes_export, refi_export, report_export
from sdi.tui.context import refusals, refuse
from sdi.workflow.errors import reportable_errors
from sdi.workflow.quote import list_quote_sets

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp

Command = tuple[str, Callable[[], object], str]
NOTICE_SECONDS = 12  # the path stays on screen long enough to be read and copied


def export_commands(app: SdiApp) -> list[Command]:
    """«Eksport: …» for every export, quote sets by name."""
    project = app.project
    commands: list[Command] = []
    for quote_set in list_quote_sets(project):
        for layout in ("paper", "poster"):
            name = app.tr(f"tui.export.quotes_{layout}", name=quote_set.name)
            what = app.tr(f"tui.export.what_quotes_{layout}", name=quote_set.name)

            def make(set_id: int = quote_set.id, layout: str = layout) -> list[Export]:
                return [quotes_export(project, set_id, layout)]

            commands.append((name, partial(start_export, app, make, what), app.tr("tui.export.quotes_help")))
    plain: list[tuple[str, Callable[[], list[Export]]]] = [
        ("report", lambda: [report_export(project)]),
        ("codebook", lambda: codebook_exports(project)),
        ("refi", lambda: [refi_export(project)]),
        ("refi_codebook", lambda: [refi_export(project, codebook_only=True)]),
    ]
    for kind, make_plain in plain:
        what = app.tr(f"tui.export.what_{kind}")
        run = partial(start_export, app, make_plain, what)
        commands.append((app.tr(f"tui.export.{kind}"), run, app.tr(f"tui.export.{kind}_help")))
    return commands


def shown_path(app: SdiApp, path: Path) -> str:
    """The path as the researcher finds it: relative to the project folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(app.project.root.resolve()))
    except ValueError:
        return str(path)


def start_export(app: SdiApp, make: Callable[[], list[Export]], what: str) -> None:
    """Read what the export needs now, then write it in a worker thread with a progress line showing."""
    try:
        exports = make()
    except reportable_errors() as error:
        refuse(app, error)
        return
    app.set_activity(app.tr("tui.export.running", what=what))

    def write() -> None:
        results: list[Written] = []
        try:
            results = [export.run() for export in exports]
        except refusals() as error:
            app.call_from_thread(finished, [], error)
            return
        app.call_from_thread(finished, results, None)

    def finished(results: list[Written], error: BaseException | None) -> None:
        app.set_activity("")
        if error is not None:
            refuse(app, error)
            return
        for written in results:
            path = shown_path(app, written.path)
            if written.kept:
                app.notify(app.tr("tui.export.done", what=what, path=path), timeout=NOTICE_SECONDS)
            else:
                names = ", ".join(written.names[:3])
                message = app.tr("tui.export.names", path=path, names=names)
                app.notify(message, severity="error", timeout=NOTICE_SECONDS)

    app.run_worker(write, thread=True, exit_on_error=False, group="export")
