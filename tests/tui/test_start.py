"""How `sdi` starts the workbench (`sdi.tui.workbench`): Python's garbage collector waits until the first
screen is drawn, then runs again with what start-up made set aside; a process that turned the collector off
itself keeps it off; a start that fails still lets it run again. Each in a fresh process, as `sdi` runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

START = """\
import asyncio, gc, sys
from pathlib import Path
from sdi.workflow.project import open_project
from sdi.tui import workbench
from sdi.tui.app import WARM_UP_AFTER

if sys.argv[2] == "off":
    gc.disable()

async def main():
    app = workbench(open_project(Path(sys.argv[1]), coder="bench", exact=True))
    paused = not gc.isenabled()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        drawn = not gc.isenabled()
        await asyncio.sleep(WARM_UP_AFTER * 2)
        await pilot.pause()
        app.project._settle()
        print(paused, drawn, gc.isenabled(), gc.get_freeze_count() > 0, type(app.screen).__name__)

asyncio.run(main())
"""

FAILING = """\
import gc, sys
from pathlib import Path
from sdi.workflow.project import open_project
from sdi.tui import run_tui
from sdi.tui.app import SdiApp

def broken(self, *args, **kwargs):
    print(gc.isenabled(), end=" ")
    raise RuntimeError("the terminal went away")

SdiApp.run = broken
try:
    run_tui(open_project(Path(sys.argv[1]), coder="bench", exact=True))
except RuntimeError:
    print(gc.isenabled())
"""


def _run(script: str, *args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()


def test_the_collector_waits_until_the_first_screen_is_drawn(tui_demo: Path) -> None:
    assert _run(START, str(tui_demo), "on") == ["True", "True", "True", "True", "CorpusScreen"]


def test_a_collector_turned_off_before_stays_off(tui_demo: Path) -> None:
    assert _run(START, str(tui_demo), "off") == ["True", "True", "False", "False", "CorpusScreen"]


def test_a_failed_start_lets_the_collector_run_again(tui_demo: Path) -> None:
    assert _run(FAILING, str(tui_demo)) == ["False", "True"]
