"""Benchmark of filtered search and keywords: `python bench/search_filters.py --words 1000000`.

Generates the same corpus as `bench/run.py`, imports it, then measures lemma search and fuzzy retrieval with
and without filters (site, site + stage, role: the filter is a sub-select inside the ranked query), and
keywords by each slicing (counting the stored lemmas of every informant turn). Medians and p95 from this
run; JSON to bench/results/<date>-<words>-filters.json. Never part of the test suite."""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import generate  # noqa: E402
from bench.run import QUERIES, REMEMBERED, summary, timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    from sdi.workflow.corpus_import import import_paths
    from sdi.workflow.keywords import SLICES, keywords_by
    from sdi.workflow.project import init_project, open_project
    from sdi.workflow.quote_finder import find_quote
    from sdi.workflow.search import pipeline, search
    from sdi.workflow.search_filter import SearchFilter

    work = Path(tempfile.mkdtemp(prefix="sdi-bench-filters-"))
    root = work / "big"
    init_project(root, "Benchmark")
    generate(root / "corpus", args.words)
    project = open_project(root, coder="bench", exact=True)
    pipeline(project)
    report = import_paths(project, [])
    results: dict[str, object] = {"words": sum(o.words for o in report.outcomes)}
    filters = {
        "none": SearchFilter(),
        "site": SearchFilter(sites=("Åsmark",)),
        "site_stage": SearchFilter(sites=("fjordvik",), stages=("1",)),
        "role": SearchFilter(roles=("helsesykepleier",)),
    }
    rng = random.Random(3)
    for name, within in filters.items():
        results[f"search_{name}"] = summary(
            timed(lambda w=within: search(project, rng.choice(QUERIES), 50, w), 60)
        )
        results[f"fuzzy_{name}"] = summary(
            timed(lambda w=within: find_quote(project, rng.choice(REMEMBERED), 10, w), 12)
        )
    for by in SLICES:
        results[f"keywords_{by}"] = summary(timed(lambda b=by: keywords_by(project, b), 5))
    project.close()
    out = REPO / "bench" / "results" / f"{time.strftime('%Y-%m-%d')}-{args.words}-filters.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, value in results.items():
        print(f"{name:24} {value}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
