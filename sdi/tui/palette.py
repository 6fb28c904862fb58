"""The command palette in the project's language: its placeholder, «no matches», the theme search and
Textual's own system commands (theme, quit, screenshot, maximise) — everything else in the palette comes
from `commands.py`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from sdi.i18n import t

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp


class SdiPalette(CommandPalette):
    """Textual's palette, speaking the project's language."""

    def __init__(
        self, language: str, providers: ProviderSource | None = None, placeholder: str = "tui.palette.search"
    ) -> None:
        super().__init__(providers, placeholder=t(placeholder, language), id="--command-palette")
        self.language = language

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """After a moment without hits for what is typed, say so (Textual says it in English)."""
        self._stop_no_matches_countdown()

        def nothing_found() -> None:
            if not search_value:  # browsing with nothing typed: no need to point out an empty list
                self._list_visible = False
                return
            message = Text(t("tui.palette.no_matches", self.language), style="not bold")
            self.query_one(CommandList).add_option(
                Option(Align.center(message), disabled=True, id=self._NO_MATCHES)
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, nothing_found)


def open_palette(app: SdiApp) -> None:
    if app.use_command_palette and not isinstance(app.screen, CommandPalette):
        app.push_screen(SdiPalette(app.language))


def search_themes(app: SdiApp) -> None:
    app.push_screen(SdiPalette(app.language, [ThemeProvider], "tui.palette.themes"))


def system_commands(app: SdiApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    """Textual's commands that sdi keeps, in the project's language (its key help panel is left out: `?`
    lists sdi's keys, and the palette has «Taster»)."""

    def command(name: str, run: Callable[[], object]) -> SystemCommand:
        return SystemCommand(app.tr(f"tui.sys.{name}"), app.tr(f"tui.sys.{name}_help"), run)

    yield command("theme", app.action_change_theme)
    yield command("quit", app.action_quit)
    if screen.maximized is not None:
        yield command("minimize", screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield command("maximize", screen.action_maximize)
    yield command("screenshot", lambda: app.set_timer(0.1, app.deliver_screenshot))
