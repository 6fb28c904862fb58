"""Commands at the speed of thought: each command cold (a fresh process, as a researcher runs it from the
shell) as a ratio to a bare `python -c pass` measured in the same run, interleaved round by round so a
loaded machine weighs on both alike; the same searches warm (in-process, the session a workbench keeps);
and the workbench's time to ready (a fresh process until the Textual app is mounted and its first screen
drawn, headless).

    python bench/cold.py                          # the demo, imported into a scratch folder
    python bench/cold.py --project DIR            # an imported project (e.g. the 1,000,000-word corpus)
    python bench/cold.py --before OTHER/.venv/bin/python   # also the same commands with another checkout

`--before` runs every command with the other interpreter too (its own editable install of an older
checkout), in the same rounds: the before → after table of bench/README.md. Medians of `--repeat` runs
(≥ 5). The load average is printed with every figure: other work on the machine moves the absolute times,
not (much) the ratios. Results also go to bench/results/<date>-cold-<name>.json."""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import imported_demo  # noqa: E402
from bench.timing import summary  # noqa: E402
from bench.tui import FIRST_ACTION, READY  # noqa: E402  (the workbench's time to ready, as bench/tui.py)

REMEMBERED = "ingen visste hvem som hadde stafettpinnen"
COMMANDS: dict[str, list[str]] = {
    "sdi --help": ["--help"],
    "sdi status": ["status"],
    "sdi search WORD": ["search", "stafettlogg"],
    "sdi search --fuzzy TEXT": ["search", "--fuzzy", REMEMBERED],
    "sdi code similar TEXT": ["code", "similar", REMEMBERED],
}
TARGETS = {
    "sdi status": 8.0,
    "sdi search WORD": 10.0,
    "sdi search --fuzzy TEXT": 12.0,
    "sdi code similar TEXT": 12.0,
}
QUERIES = ["barnehage", "stafettlogg", "foreldre", '"ringe hjem"', "bekymring", "helsesykepleier",
           "taushetsplikt", "samtykke", "stafett*", "ppt -barnevern", "tolk", "perm", "skole", "rektor",
           "tilbakemelding"]  # fmt: skip


def load() -> float:
    return os.getloadavg()[0]


def _run(command: list[str], cwd: Path) -> float:
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=environment, check=True, capture_output=True)
    return time.perf_counter() - start


def _ready(python: str, project: Path, script: str = READY) -> float:
    """Seconds from starting the interpreter to the workbench's first screen drawn."""
    start = time.time()
    out = subprocess.run([python, "-c", script, str(project)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def _first_action(python: str, project: Path, delay: float) -> float:
    """Seconds from pressing `2` (the Coding screen) `delay` seconds after ready until it is drawn: a start
    that only moved work to later would show here."""
    command = [python, "-c", FIRST_ACTION, str(project), str(delay)]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


WORKBENCH_FIRST_ACTIONS = {"workbench: `2` at once after ready": 0.0, "workbench: `2` 1.5 s after ready": 1.5}


# The workbench's floor: a bare Textual app with one Static, drawn the same way (headless, 160×48)
BARE_TEXTUAL = """\
import asyncio, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("sdi")

async def main():
    async with Bare().run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        print(time.time(), flush=True)

asyncio.run(main())
"""


def compile_bytecode(python: str) -> None:
    """Write the bytecode of the checkout's `sdi` package, as an installation has it: the runs below do not
    write it (PYTHONDONTWRITEBYTECODE), and without it every run would compile each module it imports."""
    where = subprocess.run([python, "-c", "import sdi, os; print(os.path.dirname(sdi.__file__))"],
                           capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    subprocess.run([python, "-m", "compileall", "-q", where], capture_output=True, check=True)


def cold(pythons: dict[str, str], project: Path, repeat: int, workbench: bool) -> dict[str, object]:
    """Every command with every interpreter, and the floor, once per round; the order shuffled per round."""
    times: dict[tuple[str, str], list[float]] = {}
    floors: list[float] = []
    loads = [load()]
    rng = random.Random(18)
    bare: list[float] = []
    for python in pythons.values():
        compile_bytecode(python)
    for _ in range(repeat):
        jobs = [(label, name) for label in pythons for name in COMMANDS]
        jobs += [(label, name) for label in pythons
                 for name in ("workbench ready", *WORKBENCH_FIRST_ACTIONS)] if workbench else []  # fmt: skip
        rng.shuffle(jobs)
        floors.append(_run([next(iter(pythons.values())), "-c", "pass"], project))
        if workbench:
            bare.append(_ready(pythons["after"], project, BARE_TEXTUAL))
        for label, name in jobs:
            python = pythons[label]
            if name == "workbench ready":
                took = _ready(python, project)
            elif name in WORKBENCH_FIRST_ACTIONS:
                took = _first_action(python, project, WORKBENCH_FIRST_ACTIONS[name])
            else:
                took = _run([python, "-m", "sdi.cli.main", *COMMANDS[name]], project)
            times.setdefault((label, name), []).append(took)
        loads.append(load())
    floor = statistics.median(floors)
    rows = {
        f"{label}: {name}": {**summary(found), "ratio": statistics.median(found) / floor}
        for (label, name), found in sorted(times.items())
    }
    found: dict[str, object] = {"floor_ms": floor * 1000, "load": [min(loads), max(loads)], "commands": rows}
    if bare:
        found["bare_textual"] = {**summary(bare), "ratio": statistics.median(bare) / floor}
    return found


WARM = """\
import json, random, sys, time
from pathlib import Path
from sdi.workflow.code_assist import similar_codes
from sdi.workflow.project import open_project
from sdi.workflow.quote_finder import find_quote
from sdi.workflow.errors import WorkflowError
from sdi.workflow.search import search

queries, remembered = json.loads(sys.argv[2]), sys.argv[3]
once, warm_up = json.loads(sys.argv[4]), int(sys.argv[5])  # queries asked once each, after warm_up others
project = open_project(Path(sys.argv[1]), coder="bench", exact=True)
rng = random.Random(5)

def timed(action, repeat, clock=time.perf_counter):
    times = []
    for _ in range(repeat):
        start = clock()
        action()
        times.append(clock() - start)
    return times

def raw_match():  # the floor of a lemma search: its ranked FTS5 query alone (bm25 of every match, the
    # best 50), straight through the driver of a reading session, the query already lemmatised
    clauses = parsed[rng.choice(queries)]
    with project.store.reading() as session:
        raw = session.connection().connection.driver_connection
        raw.execute(FTS5_MATCH, {"expression": fts5_expression(clauses), "limit": 50}).fetchall()

from sdi.storage.search_query import FTS5_MATCH, fts5_expression
from sdi.workflow.search import _wanted_clauses, index_tagged
parsed = {query: _wanted_clauses(query, index_tagged(project.config))[0] for query in queries}
for query in queries:  # once each, as in a session that has searched before
    [hit.kwic() for hit in search(project, query, 50).hits]
find_quote(project, remembered)
similar_codes(project, remembered)
result = {
    "search_kwic": timed(lambda: [h.kwic() for h in search(project, rng.choice(queries), 50).hits], 60),
    "search_kwic_cpu": timed(lambda: [h.kwic() for h in search(project, rng.choice(queries), 50).hits], 60,
                             time.process_time),
    "fts5_ranked": timed(raw_match, 60),
}

def asked(query):  # a search with its context lines; False: a stop word, refused (in every checkout alike)
    try:
        return [hit.kwic() for hit in search(project, query, 50).hits] is not None
    except WorkflowError:
        return False

for query in once[:warm_up]:  # other queries first, so only the timed ones are new to the process
    asked(query)
times = []
for query in once[warm_up:]:
    start = time.perf_counter()
    if asked(query):
        times.append(time.perf_counter() - start)
result |= {
    "search_kwic_once": times,
    "fuzzy": timed(lambda: find_quote(project, remembered), 10),
    "code_similar": timed(lambda: similar_codes(project, remembered), 10),
}
project.close()
print(json.dumps(result))
"""


ONCE_QUERIES, ONCE_WARM_UP = 200, 40


def once_queries(project: Path) -> list[str]:
    """Words of the project's own index (in at least 20 turns, letters only, 4 or more), shuffled with a
    fixed seed: the first `ONCE_WARM_UP` warm a process up, each of the next `ONCE_QUERIES` is asked once —
    the warm search's figure where nothing about the query can have been kept from asking it before."""
    import sqlite3

    from sdi.config import load_config
    from sdi.storage.lean import sqlite_file

    path = sqlite_file(load_config(project).resolved_database_url())
    assert path is not None, "the warm figures need an SQLite project"
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        connection.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, 'utterance_fts', 'row')")
        rows = connection.execute("SELECT term FROM temp.words WHERE doc >= 20 AND length(term) >= 4")
        words = sorted(term for (term,) in rows if term.isalpha() and term not in QUERIES)
    finally:
        connection.close()
    random.Random(7).shuffle(words)
    return words[: ONCE_WARM_UP + ONCE_QUERIES]


def warm(pythons: dict[str, str], project: Path) -> dict[str, object]:
    """In-process, each interpreter in its own process (started in the project folder, so it imports its
    own checkout): lemma search with its context lines, fuzzy retrieval, code similarity, after one of
    each as in a session; and lemma search over queries each asked once (`once_queries`), so that nothing
    a process keeps from asking the same search before can make the figure."""
    found: dict[str, object] = {}
    once = once_queries(project)
    for label, python in pythons.items():
        started = load()
        command = [python, "-c", WARM, str(project), json.dumps(QUERIES), REMEMBERED, json.dumps(once),
                   str(ONCE_WARM_UP)]
        out = subprocess.run(command, cwd=project, capture_output=True, text=True, check=True)
        times = json.loads(out.stdout.strip().splitlines()[-1])
        found[label] = {"load": [started, load()], **{name: summary(v) for name, v in times.items()}}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--project", type=Path, help="an imported project (default: the demo, imported now)")
    parser.add_argument("--before", help="the interpreter of an older checkout, measured in the same rounds")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-workbench", action="store_true", help="skip the workbench's time to ready")
    parser.add_argument("--no-warm", action="store_true")
    parser.add_argument("--no-cold", action="store_true", help="only the warm figures")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="sdi-bench-cold-"))
    try:
        project = args.project.resolve() if args.project else imported_demo(scratch / "demo")
        pythons = {"after": sys.executable}
        if args.before:
            pythons = {"before": args.before, **pythons}
        result: dict[str, object] = {"project": str(project)}
        if not args.no_cold:
            result["cold"] = cold(pythons, project, max(5, args.repeat), not args.no_workbench)
        if not args.no_warm:
            result["warm"] = warm(pythons, project)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report(result)
    name = "demo" if not args.project else args.project.resolve().name
    name += "-warm" if args.no_cold else ""
    out = REPO / "bench" / "results" / f"{time.strftime('%Y-%m-%d')}-cold-{name}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


def report(result: dict[str, object]) -> None:
    measured = result.get("cold", {"load": [0, 0], "floor_ms": 0, "commands": {}})
    assert isinstance(measured, dict)
    low, high = measured["load"]
    print(f"floor `python -c pass`: {measured['floor_ms']:.0f} ms (load {low:.1f}–{high:.1f})")
    for name, figures in measured["commands"].items():
        target = TARGETS.get(name.split(": ", 1)[1])
        goal = f"  (target ≤ {target:g}×)" if target else ""
        print(f"  {name:34} {figures['median_ms']:7.0f} ms  {figures['ratio']:5.1f}×{goal}")
    if "bare_textual" in measured:
        bare = measured["bare_textual"]
        print(f"  {'floor: a bare Textual app ready':34} {bare['median_ms']:7.0f} ms  {bare['ratio']:5.1f}×")
    warm_results = result.get("warm", {})
    assert isinstance(warm_results, dict)
    for label, warm_figures in warm_results.items():
        low, high = warm_figures["load"]
        print(f"warm, {label} (load {low:.1f}–{high:.1f}):")
        for name in ("search_kwic", "search_kwic_cpu", "search_kwic_once", "fts5_ranked", "fuzzy",
                     "code_similar"):
            if name not in warm_figures:  # an older checkout's run
                continue
            figures = warm_figures[name]
            print(f"  {name:14} p50 {figures['median_ms']:.2f} ms, p95 {figures['p95_ms']:.2f} ms")


if __name__ == "__main__":
    main()
