"""Coding-assistance benchmark: `python bench/assist.py [--codes 2000]`, also run by `bench/run.py`.

2,000 code statements cut from the demo corpus's informant sentences (deterministic). Measured, each
keystroke of a new code timed on its own: similar codes (the similarity engine, once the codes are read and
weighed — target < 10 ms per keystroke), and similar codes plus the closeness check once the pipeline is
loaded — the target is < 20 ms per keystroke. Also
the one-off costs: lemmatising the code list when a picker opens (cold and remembered), and the grouping
suggestions over a quarter of the codes left ungrouped. Results go to bench/results/<date>-assist.json."""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import corpus_turns  # noqa: E402
from bench.timing import summary  # noqa: E402

TYPED = [
    "foreldrene ringer ikke tilbake",
    "ingen visste hvem som hadde stafettpinnen",
    "loggen ligger i en perm",
]
PASSAGE = (
    "Vi ringer hjem, men foreldrene ringer ikke tilbake. Og da blir loggen liggende i en perm på kontoret, "
    "og ingen vet hvem som har stafettpinnen."
)


def statements(count: int, seed: int = 5) -> list[str]:
    """`count` distinct code-like statements: informant sentences of 4–12 words, recombined if needed."""
    informants, _ = corpus_turns()
    sentences = [
        " ".join(s.split()[:12])
        for turn in informants
        for s in re.split(r"(?<=[.!?])\s+", turn)
        if len(s.split()) >= 4
    ]
    rng = random.Random(seed)
    found = list(dict.fromkeys(sentences))
    while len(found) < count:
        a, b = rng.sample(sentences, 2)
        found.append(" ".join(a.split()[:5] + b.split()[-5:]))
        found = list(dict.fromkeys(found))
    rng.shuffle(found)
    return found[:count]


def per_keystroke(action) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for text in TYPED:
        for n in range(1, len(text) + 1):
            start = time.perf_counter()
            action(text[:n])
            times.append(time.perf_counter() - start)
    return times


def bench_assist(project, count: int = 2000) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The figures for one project (only its configured pipeline is used; codes are passed in)."""
    from sdi.workflow import code_assist
    from sdi.workflow.code import CodeSummary
    from sdi.workflow.code_assist import CodeAssist, Passage
    from sdi.workflow.grouping import GroupingInput, group_suggestions
    from sdi.workflow.search import pipeline

    texts = statements(count)
    codes = [CodeSummary(i, s, "", None, None, 1) for i, s in enumerate(texts)]
    passage = Passage(0, 0, len(PASSAGE), PASSAGE)
    results: dict[str, object] = {"codes": count}

    start = time.perf_counter()
    pipeline(project)
    results["pipeline_load_s"] = time.perf_counter() - start

    assist = CodeAssist(project, codes, passage)
    code_assist._lemma_memo.clear()
    start = time.perf_counter()
    assist.prepare_similar()
    results["prepare_similar_s"] = time.perf_counter() - start
    results["similar_per_keystroke"] = summary(per_keystroke(lambda t: assist.similar(t)))
    start = time.perf_counter()
    assist.prepare()
    results["prepare_cold_s"] = time.perf_counter() - start
    start = time.perf_counter()
    CodeAssist(project, codes, passage).prepare()
    results["prepare_remembered_s"] = time.perf_counter() - start

    def keystroke(text: str) -> None:
        assist.similar(text)
        assist.warnings(text)

    results["lemma_and_check_per_keystroke"] = summary(per_keystroke(keystroke))

    given = GroupingInput(tuple((c.id, c.statement) for c in codes), tuple(c.id for c in codes[: count // 4]))
    start = time.perf_counter()
    found = group_suggestions(project, given)
    results["grouping_suggestions"] = {
        "seconds": time.perf_counter() - start,
        "open_codes": len(given.open_codes),
        "suggestions": len(found),
        "codes_in_suggestions": sum(len(s.code_ids) for s in found),
    }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--codes", type=int, default=2000)
    args = parser.parse_args()
    from sdi.workflow.project import init_project, open_project

    with tempfile.TemporaryDirectory(prefix="sdi-bench-assist-") as folder:
        root = Path(folder) / "assist"
        init_project(root, "Benchmark")
        project = open_project(root, coder="bench", exact=True)
        try:
            results = bench_assist(project, args.codes)
        finally:
            project.close()
    out = REPO / "bench" / "results" / f"{time.strftime('%Y-%m-%d')}-assist.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"\n(written to {out.relative_to(REPO)})")


if __name__ == "__main__":
    main()
