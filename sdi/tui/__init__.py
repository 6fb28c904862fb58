"""The terminal face of sdi: a Textual app over the workflow layer, one screen per SDI step.

`workbench` makes the app as `sdi` starts it. Until its first screen is drawn, Python's cyclic garbage
collector waits: start-up makes some 90,000 objects (Textual's classes, styles, widgets), nearly all of which
live as long as the app, and collecting among them while they were made took ~80 ms of a 0.8 s start. Once
the screen is drawn, `started` sets what start-up made aside as permanent (`gc.freeze`: later collections do
not walk it again) and lets the collector run as before."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp
    from sdi.workflow.project import Project

_paused: list[bool] = []  # True while `workbench` holds the collector back (a list: no `global`)


def workbench(project: Project) -> SdiApp:
    """The workbench on an already opened project (Textual is imported only now), not yet run."""
    if gc.isenabled() and not _paused:
        gc.disable()
        _paused.append(True)
    try:
        from sdi.tui.app import SdiApp

        return SdiApp(project)
    except BaseException:
        started()
        raise


def started() -> None:
    """The first screen is drawn (or the start failed): the collector runs again. Only what `workbench`
    paused is resumed, so a process that turned the collector off itself keeps it off."""
    if _paused:
        _paused.clear()
        gc.freeze()
        gc.enable()


def run_tui(project: Project) -> None:
    """Run the workbench on an already opened project until the researcher quits."""
    app = workbench(project)
    try:
        app.run()
    finally:
        started()
