"""Whether two checkouts search alike: every query of the warm figures (`bench/cold.py`'s fifteen and the
index's own words it asks once each) at several limits, in each checkout's own process; the hits (order,
ties included), their scores, marked words and context lines and the totals must be identical.

    python bench/search_same.py --project DIR --before OTHER-PYTHON

Prints how much was compared, or the first difference (exit status 1)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.cold import QUERIES, once_queries  # noqa: E402

LIMITS = (1, 7, 50, 200)
DUMP = """\
import json, sys
from pathlib import Path
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import open_project
from sdi.workflow.search import search

queries, limits = json.loads(sys.argv[2]), json.loads(sys.argv[3])
project = open_project(Path(sys.argv[1]), coder="bench", exact=True)
found = {}
for query in queries:
    for limit in limits:
        try:
            result = search(project, query, limit)
        except WorkflowError as refused:
            found[f"{query} {limit}"] = str(refused)
            continue
        found[f"{query} {limit}"] = [result.total, [
            [h.utterance_id, h.score, [list(s) for s in h.spans], h.kwic(), h.text, h.line, h.speaker, h.role]
            for h in result.hits]]
project.close()
print(json.dumps(found, ensure_ascii=False))
"""


def dump(python: str, project: Path, queries: list[str]) -> dict[str, object]:
    command = [python, "-c", DUMP, str(project), json.dumps(queries), json.dumps(LIMITS)]
    out = subprocess.run(command, cwd=project, capture_output=True, text=True, check=True)
    found: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--project", type=Path, required=True, help="an imported SQLite project")
    parser.add_argument("--before", required=True, help="the interpreter of the other checkout")
    args = parser.parse_args()
    project = args.project.resolve()
    queries = QUERIES + once_queries(project)
    before, after = dump(args.before, project, queries), dump(sys.executable, project, queries)
    for key, was in before.items():
        if after.get(key) != was:
            print(f"DIFFERENT: {key!r}\n  before: {json.dumps(was, ensure_ascii=False)[:600]}\n"
                  f"  after:  {json.dumps(after.get(key), ensure_ascii=False)[:600]}")  # fmt: skip
            sys.exit(1)
    pages = [v for v in after.values() if isinstance(v, list)]
    hits = sum(len(page[1]) for page in pages)
    marked = sum(len(hit[2]) for page in pages for hit in page[1])
    print(f"identical: {len(before)} searches ({len(before) - len(pages)} refused alike), {hits} hits, "
          f"{marked} marked words, totals and context lines")  # fmt: skip


if __name__ == "__main__":
    main()
