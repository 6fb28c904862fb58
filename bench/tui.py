"""Workbench benchmarks: TUI ready on the demo (cold process), and a 20,000-word transcript in the Coding
screen (first page, cursor moves), coded as a researcher would have it half way through: about one turn in
three coded with one of 24 codes in 6 code groups, some codings overlapping, a few over two turns — so the
coding stripes are drawn too. Driven headless through Textual's pilot, which draws every frame as a
terminal would; called by bench/run.py, or alone: `python bench/tui.py`."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import generate, imported_demo  # noqa: E402
from bench.timing import summary  # noqa: E402

# The app made as `sdi` makes it (`sdi.tui.workbench`); a checkout from before that function made it directly.
MAKE_APP = """\
import asyncio, sys, time
from pathlib import Path
from sdi.workflow.project import open_project
try:
    from sdi.tui import workbench
except ImportError:
    def workbench(project):
        from sdi.tui.app import SdiApp
        return SdiApp(project)
"""

READY = MAKE_APP + """
async def main():
    app = workbench(open_project(Path(sys.argv[1]), coder="bench", exact=True))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        print(time.time(), flush=True)

asyncio.run(main())
"""

# The first action after ready: the Coding screen (`2`), at once or after the researcher has looked at
# Korpus for `sys.argv[2]` seconds — what a start that leaves work for later would only have moved.
FIRST_ACTION = MAKE_APP + """
async def main():
    app = workbench(open_project(Path(sys.argv[1]), coder="bench", exact=True))
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await asyncio.sleep(float(sys.argv[2]))
        start = time.perf_counter()
        await pilot.press("2")
        await pilot.pause()
        assert type(app.screen).__name__ == "CodingScreen", app.screen
        print(time.perf_counter() - start, flush=True)

asyncio.run(main())
"""


def tui_ready(demo: Path, repeat: int = 5) -> dict[str, float]:
    """Wall time from starting `python` to the first screen drawn, with the demo imported."""
    times = []
    for _ in range(repeat):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", READY, str(demo)], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]) - start)
    return summary(times)


async def _open_big(root: Path, moves: int) -> dict[str, object]:
    from sdi.tui.app import SdiApp
    from sdi.tui.screens.coding_screen import CodingScreen
    from sdi.workflow.project import open_project
    from sdi.workflow.transcript import list_transcripts

    project = open_project(root, coder="bench", exact=True)
    document = list_transcripts(project)[0].id
    app = SdiApp(project)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        app.open_transcript(document)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CodingScreen)
        reader = screen.reader
        page = [reader.render_line(y) for y in range(reader.size.height)]  # the page, drawn line by line
        first_page = time.perf_counter() - start
        assert page and reader._layout is not None
        reopen = []  # the Coding screen exists (any later open): load, lay out, draw the first page
        for _ in range(5):
            app.action_step(1)
            await pilot.pause()
            begun = time.perf_counter()
            app.open_transcript(document)
            await pilot.pause()
            page = [reader.render_line(y) for y in range(reader.size.height)]
            reopen.append(time.perf_counter() - begun)
        steps = []
        for number in range(moves):
            key = "j" if number < moves // 2 else "J"  # by turn, then by sentence
            begun = time.perf_counter()
            await pilot.press(key)
            steps.append(time.perf_counter() - begun)
        idle = []  # the pilot's own cost per key (a key nothing is bound to): the floor of the figure above
        for _ in range(moves // 4):
            begun = time.perf_counter()
            await pilot.press("f19")
            idle.append(time.perf_counter() - begun)
        direct = []  # the reader's own work per move: move the cursor, then draw every visible line
        for number in range(moves):
            begun = time.perf_counter()
            if number % 2:
                reader.action_sentence(1)
            else:
                reader.action_turn(1)
            for y in range(reader.size.height):
                reader.render_line(y)
            direct.append(time.perf_counter() - begun)
        words = sum(len(turn.text.split()) for turn in reader._turns)
    project.close()
    return {
        "first_page_ms": first_page * 1000,  # includes creating the Coding screen (its CSS, its widgets)
        "reopen_first_page": summary(reopen),
        "words": words,
        "cursor_move_pilot": summary(steps),
        "pilot_idle_key": summary(idle),
        "cursor_move_and_redraw": summary(direct),
    }


def seed_codings(project) -> int:  # type: ignore[no-untyped-def]
    """Codings on the big transcript through the workflow (any version of sdi has these calls): every third
    turn's first half coded, every ninth also its whole, every 27th together with the next turn."""
    from sdi.workflow.code import add_coding, create_code
    from sdi.workflow.code_group import create_group, move_codes
    from sdi.workflow.transcript import list_transcripts, transcript_view

    document = list_transcripts(project)[0].id
    turns = transcript_view(project, document).turns
    codes = [create_code(project, f"Kode {number} sier noe med informantenes ord") for number in range(24)]
    for number in range(6):
        group = create_group(project, f"Gruppe {number}")
        move_codes(project, codes[number * 4 : number * 4 + 4], group)
    made = 0
    for index, turn in enumerate(turns):
        if index % 3 or len(turn.text) < 20:
            continue
        add_coding(project, codes[index % 24], document, turn.start, turn.start + len(turn.text) // 2)
        made += 1
        if index % 9 == 0:
            add_coding(project, codes[(index + 5) % 24], document, turn.start, turn.end)
            made += 1
        if index % 27 == 0 and index + 1 < len(turns):
            add_coding(project, codes[(index + 11) % 24], document, turn.start + 5, turns[index + 1].end)
            made += 1
    return made


def big_transcript(work: Path, moves: int = 200) -> dict[str, object]:
    from sdi.workflow.corpus_import import import_paths
    from sdi.workflow.project import init_project, open_project

    root = work / "big-transcript"
    init_project(root, "Lang transkripsjon")
    generate(root / "corpus", 20_000, per_file=20_000)
    project = open_project(root, coder="bench", exact=True)
    import_paths(project, [])
    codings = seed_codings(project)
    project.close()
    return {"codings": codings, **asyncio.run(_open_big(root, moves))}


def run(work: Path, demo: Path) -> dict[str, object]:
    return {"tui_ready_demo": tui_ready(demo), "coding_screen_20k": big_transcript(work)}


if __name__ == "__main__":
    scratch = Path(tempfile.mkdtemp(prefix="sdi-bench-tui-"))
    try:
        for name, value in run(scratch, imported_demo(scratch / "demo")).items():
            print(name, value)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
