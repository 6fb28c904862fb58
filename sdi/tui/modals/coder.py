"""Who codes: a picker of the coders the project knows, plus «new coder», shown at start when only the login
name is known (and others have coded) and from the palette («Bytt koder»)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sdi.tui.context import counted
from sdi.tui.modals.dialogs import InputModal
from sdi.tui.modals.picker import PickerModal
from sdi.workflow.coder import list_coders, switch_coder

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp

NEW = "\x00new"  # the picker key of «new coder», never a name


def choose_coder(app: SdiApp, at_start: bool = False) -> None:
    project = app.project
    choices = [
        (c.name, counted(app, "tui.coder.choice", c.codings, name=c.name)) for c in list_coders(project)
    ]
    choices.append((NEW, app.tr("tui.coder.new")))
    title = app.tr("tui.coder.who" if at_start else "tui.coder.title", login=project.coder_name)

    def named(name: str | None) -> None:
        if name and name.strip():
            _code_as(app, name)

    def picked(key: str | None) -> None:
        if key == NEW:
            app.push_screen(InputModal(app.tr("tui.coder.new_title")), named)
        elif key is not None:
            _code_as(app, key)

    app.push_screen(PickerModal(title, choices, project.coder_name), picked)


def _code_as(app: SdiApp, name: str) -> None:
    switch_coder(app.project, name)
    app.after_write(app.tr("tui.coder.now", name=app.project.coder_name))
