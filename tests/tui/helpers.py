"""Small pilot helpers shared by the TUI tests."""

from __future__ import annotations

from textual.pilot import Pilot

from sdi.tui.app import SdiApp
from sdi.tui.screens.coding_screen import CodingScreen


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
