"""What every step screen shares: the step bar on top, the status line and key footer below, binding
descriptions in the project's language, and reloading when the data changed while it was hidden."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from sdi.tui.context import sdi_app, tr, translate_tree
from sdi.tui.widgets.status_line import StatusLine
from sdi.tui.widgets.step_bar import StepBar
from sdi.workflow.errors import reportable_errors
from sdi.workflow.project import Project

T = TypeVar("T")


class SdiScreen(Screen[None]):
    """Subclasses set MODE, yield their body from `compose_body` and reread the store in `reload`."""

    MODE: ClassVar[str] = ""
    HELP_TITLE: ClassVar[str] = "tui.help.screen"

    def __init__(self) -> None:
        super().__init__()
        self._seen_version = -1

    @property
    def project(self) -> Project:
        return sdi_app(self).project

    def tr(self, key: str, **values: object) -> str:
        return tr(self, key, **values)

    def compose(self) -> ComposeResult:
        yield StepBar(self.MODE)
        yield from self.compose_body()
        yield StatusLine()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def reload(self) -> None:
        """Reread everything this screen shows from the store."""

    def on_mount(self) -> None:
        translate_tree(self)

    def on_screen_resume(self) -> None:
        self.sync()

    def sync(self) -> None:
        """Reload if something changed since this screen last looked (another screen, undo, redo)."""
        version = sdi_app(self).version
        if self._seen_version != version:
            self._seen_version = version
            self.reload()
        self.query_one(StatusLine).refresh()

    def changed(self) -> None:
        """After this screen wrote something: new status for every screen, no reload of this one."""
        app = sdi_app(self)
        app.data_changed()
        self._seen_version = app.version
        self.query_one(StatusLine).refresh()

    def attempt(self, action: Callable[..., T], *args: object, **kwargs: object) -> T | None:
        """Run a workflow call; a refusal is shown as one line instead of a traceback."""
        try:
            return action(*args, **kwargs)
        except reportable_errors() as error:
            self.notify(str(error), title=self.tr("tui.error"), severity="error")
            return None

    def perform(self, action: Callable[..., object], *args: object) -> bool:
        """Run a workflow write that returns nothing; True when it went through."""
        try:
            action(*args)
        except reportable_errors() as error:
            self.notify(str(error), title=self.tr("tui.error"), severity="error")
            return False
        return True

    def set_context(self, text: str) -> None:
        """What the screen has open, shown in the step bar."""
        self.query_one(StepBar).context = text
