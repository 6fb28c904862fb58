"""When the workbench loads SQLAlchemy and the models (`Project.warm_up`, a background thread):
`WARM_UP_AFTER` after its first screen is drawn — but when a key switched screens meanwhile, only once the
workbench has been idle that long, not while it builds the next screen (which would then take turns with
the import for the interpreter) — and at the latest `WARM_UP_LATEST` after the first screen."""

from __future__ import annotations

import time

import pytest

from sdi.tui.app import WARM_UP_AFTER, WARM_UP_IDLE, WARM_UP_LATEST, SdiApp
from sdi.workflow.project import Project


async def test_the_warm_up_waits_for_an_idle_moment(
    tui_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[float] = []
    monkeypatch.setattr(tui_project, "warm_up", lambda: started.append(time.monotonic()))
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        started.clear()  # what the app's own timer did meanwhile does not count here
        app._drawn_at = time.monotonic()
        wall, cpu = time.monotonic(), time.process_time()
        busy = (wall - WARM_UP_AFTER, cpu - WARM_UP_AFTER * (WARM_UP_IDLE + 0.1))  # building a screen
        app._warm_up_when_idle(busy)
        assert len(started) == 1  # no key switched screens: busy or not, as the first screen is drawn
        started.clear()
        await pilot.press("2")
        await pilot.pause()
        started.clear()
        app._drawn_at = time.monotonic()
        wall, cpu = time.monotonic(), time.process_time()
        busy = (wall - WARM_UP_AFTER, cpu - WARM_UP_AFTER * (WARM_UP_IDLE + 0.1))
        app._warm_up_when_idle(busy)
        assert started == []  # a screen switched to and the workbench busy: asked again WARM_UP_AFTER later
        idle = (wall - WARM_UP_AFTER, cpu - WARM_UP_AFTER * (WARM_UP_IDLE - 0.1))
        app._warm_up_when_idle(idle)
        assert len(started) == 1
        app._drawn_at = time.monotonic() - WARM_UP_LATEST
        app._warm_up_when_idle(busy)
        assert len(started) == 2  # at the latest: busy or not


async def test_the_workbench_warms_up_by_itself_after_its_first_screen(tui_project: Project) -> None:
    app = SdiApp(tui_project)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        deadline = time.monotonic() + WARM_UP_LATEST + 2 * WARM_UP_AFTER + 5
        while tui_project._store is None and time.monotonic() < deadline:
            await pilot.pause(WARM_UP_AFTER)
        tui_project._settle()
        assert tui_project._store is not None
