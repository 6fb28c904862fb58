"""Retrieval on the demo corpus itself (16 transcripts, ~34,000 words): lemma search with KWIC lines and
fuzzy quote retrieval, as a researcher meets them in `make run`. Called by bench/run.py, or alone:
`python bench/demo.py`."""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import imported_demo  # noqa: E402
from bench.timing import summary, timed  # noqa: E402

QUERIES = [
    "barnehage",
    "foreldre",
    '"ringe hjem"',
    "bekymring",
    "helsesykepleier",
    "taushetsplikt",
    "stafett*",
    "skole -barnehage",
    "samarbeid",
    "tillit",
]
REMEMBERED = [
    "noe om at ingen visste hvem som hadde stafettpinnen",
    "vi venter for lenge før vi ringer hjem",
    "foreldrene blir redde når barnevernet nevnes",
    "helsesykepleieren er bare her én dag i uka",
]


def run(demo: Path) -> dict[str, object]:
    """`demo` is an imported copy of the demo project."""
    from sdi.workflow.project import open_project
    from sdi.workflow.quote_finder import find_quote
    from sdi.workflow.search import pipeline, search

    project = open_project(demo, coder="bench", exact=True)
    try:
        pipeline(project)  # loaded once, as in a session that has searched before
        rng = random.Random(5)
        hits = [len(search(project, query, 50).hits) for query in QUERIES]
        kwic = summary(timed(lambda: search(project, rng.choice(QUERIES), 50), 60))
        fuzzy = summary(timed(lambda: find_quote(project, rng.choice(REMEMBERED)), 20))
    finally:
        project.close()
    return {"demo_search_kwic": {**kwic, "hits_per_query": hits}, "demo_fuzzy_quote": fuzzy}


if __name__ == "__main__":
    scratch = Path(tempfile.mkdtemp(prefix="sdi-bench-demo-"))
    try:
        for name, value in run(imported_demo(scratch / "demo")).items():
            print(name, value)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
