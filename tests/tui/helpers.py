"""Small pilot helpers shared by the TUI tests."""

from __future__ import annotations

from typing import TypeVar

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from sdi.tui.app import SdiApp
from sdi.tui.modals.dialogs import InputModal
from sdi.tui.modals.picker import PickerModal
from sdi.tui.screens.base import SdiScreen
from sdi.tui.screens.coding_screen import CodingScreen
from sdi.tui.widgets.status_line import StatusLine

S = TypeVar("S", bound=SdiScreen)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key, as a coder would."""
    await pilot.press(*("space" if char == " " else char for char in text))


async def open_coding(pilot: Pilot[None]) -> CodingScreen:
    """Switch to the Coding screen (it opens the first transcript) and return it."""
    await pilot.press("2")
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, SdiApp) and app.current_mode == "coding"
    screen = app.screen
    assert isinstance(screen, CodingScreen)
    return screen


async def open_step(pilot: Pilot[None], key: str, kind: type[S]) -> S:
    """Press a step's number key and return the screen that is then shown."""
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    assert screen.MODE == SdiApp.STEPS[int(key) - 1]  # noqa: SIM300
    return screen


async def answer(pilot: Pilot[None], text: str) -> None:
    """Fill the open one-line dialog with `text` and press enter."""
    screen = pilot.app.screen
    assert isinstance(screen, InputModal), screen
    screen.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()


async def pick(pilot: Pilot[None], key: str) -> None:
    """Move the open picker's highlight down to the choice `key` with the arrow key, then press enter."""
    picker = pilot.app.screen
    assert isinstance(picker, PickerModal), picker
    keys = [choice for choice, _ in picker.choices]
    options = picker.query_one(OptionList)
    await pilot.press(*["down"] * (keys.index(key) - (options.highlighted or 0)))
    await pilot.press("enter")
    await pilot.pause()


def status(app: App[None]) -> str:
    """The status line of the screen shown."""
    return str(app.screen.query_one(StatusLine).render())


def messages(app: App[None]) -> list[str]:
    return [notification.message for notification in app._notifications]
