"""Speed of the similarity engine: `python bench/similarity_speed.py PROJECT` on an imported project (the
1,000,000-word bench corpus: `python bench/generate.py DIR/corpus --words 1000000`, `sdi init`, `sdi import`).

- fuzzy retrieval: 40 remembered quotes from the paraphrase set and the demo corpus, each timed once after
  one warm-up pass (p50, p95), beside the floor of the same run: the full-text query that fetches the
  candidate turns on its own;
- code suggestions: every keystroke of three statements typed against 2,000 codes (per keystroke);
- merge: two codebooks of 500 codes each proposed against each other (seconds), beside the floor of reading
  their 1,000 statements;
Targets (the similarity issue): retrieval p50 < 60 ms and p95 < 150 ms; < 10 ms per keystroke; merge < 3 s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.assist import TYPED, statements  # noqa: E402
from bench.timing import summary  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("project", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from sdi.ingest.codebook import Codebook, CodebookCode
    from sdi.workflow.code import CodeSummary
    from sdi.workflow.code_assist import CodeAssist
    from sdi.workflow.exchange.merge import _file_side, match
    from sdi.workflow.likeness import lookup_terms, project_engine, project_weights
    from sdi.workflow.project import open_project
    from sdi.workflow.quote_finder import _candidate_turns, _index_clauses, _telling, find_quote

    project = open_project(args.project, coder="bench", exact=True)
    data = tomllib.loads((REPO / "tests/nlp/paraphrases.toml").read_text(encoding="utf-8"))
    queries = [case["remembered"] for case in data["quote"]][:40]
    results: dict[str, object] = {}

    for query in queries:  # warm-up: the lemma table, the engine's memos, the database's pages
        find_quote(project, query)
    times = []
    for query in queries:
        start = time.perf_counter()
        find_quote(project, query)
        times.append(time.perf_counter() - start)
    results["fuzzy_retrieval"] = summary(times)
    engine = project_engine(project)
    floor = []
    for query in queries:
        read = engine.read(query)
        clauses = _index_clauses(engine, read)
        weights = project_weights(project, {w for c in clauses for w in c.words} | lookup_terms([read]))
        clauses = _telling(clauses, weights)
        start = time.perf_counter()
        with project.store.reading() as session:
            _candidate_turns(session, clauses, None)
        floor.append(time.perf_counter() - start)
    results["floor_candidate_query"] = summary(floor)

    codes = [CodeSummary(i, s, "", None, None, 1) for i, s in enumerate(statements(2000))]
    assist = CodeAssist(project, codes)
    start = time.perf_counter()
    assist.prepare_similar()
    results["codes_2000_prepare_s"] = round(time.perf_counter() - start, 3)
    keystrokes = [text[:n] for text in TYPED for n in range(1, len(text) + 1)]
    assist.similar("stafettlogen")  # warm-up: an unknown word loads the spelling matcher once
    per_key = []
    for text in keystrokes:
        start = time.perf_counter()
        assist.similar(text)
        per_key.append(time.perf_counter() - start)
    results["code_suggestions_per_keystroke"] = summary(per_key)

    texts = statements(1000, seed=11)
    books = [Codebook(f"bok {n}", codes=tuple(CodebookCode(f"{n}-{i}", s) for i, s in enumerate(part)))
             for n, part in enumerate((texts[:500], texts[500:]))]  # fmt: skip
    sides = [_file_side(book, "", book.title) for book in books]
    start = time.perf_counter()
    read = project_engine(project)
    for side in sides:
        for code in side.codes:
            read.read(code.statement + " ")  # not in the memo: the floor reads each statement once
    results["merge_floor_read_s"] = round(time.perf_counter() - start, 3)
    start = time.perf_counter()
    from sdi.workflow.exchange.merge import _engine

    proposal = match(sides[0], sides[1], _engine(project, *sides))
    results["merge_500x500_s"] = round(time.perf_counter() - start, 3)
    results["merge_pairs"] = len(proposal.pairs)
    project.close()
    print(json.dumps(results, indent=1))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
