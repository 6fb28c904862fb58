"""How well sdi tells what says the same: `python bench/similarity.py [--json FILE] [--held-out]`.

Scores the paraphrase set (tests/nlp/paraphrases.toml) on a fresh copy of the demo project with the demo
codebook imported, through the same workflow calls the workbench and the CLI make:

- code suggestions: each way of saying a demo code, typed as a new code → is that code first (top-1) or
  among the first three (top-3) of the similar codes?
- retrieval: each remembered quote → is the sentence (or its turn) first / among the first three hits?
- same or not: a code and its second coder's wording at or above the "same" threshold (recall); two
  statements that share a word but not a meaning below it;
- merge: the demo codebook against a second coder's codebook made of those wordings plus the statements
  that only share a word with a demo code → precision and recall of the proposed pairs.

`--held-out` scores only the [[held_out]] part (written after tuning). Nothing here is a test; the tests
hold the engine to the figures (tests/nlp/test_similarity_set.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import imported_demo  # noqa: E402

PARAPHRASES = REPO / "tests/nlp/paraphrases.toml"


def load(held_out: bool = False) -> dict[str, Any]:
    data = tomllib.loads(PARAPHRASES.read_text(encoding="utf-8"))
    if held_out:
        part = data.get("held_out", {})
        return {key: part.get(key, []) for key in ("code", "quote", "different")}
    return data


def demo_project(folder: Path) -> Path:
    root = imported_demo(folder / "demo")
    import subprocess

    command = [sys.executable, "-m", "sdi.cli.main", "codebook", "import",
               str(REPO / "codebooks/demo-analyse.toml")]  # fmt: skip
    subprocess.run(command, cwd=root, check=True, capture_output=True)
    return root


def rank_of(items: list[Any], wanted: Any) -> int | None:
    for position, item in enumerate(items, 1):
        if wanted(item):
            return position
    return None


def _scorer(project: Any) -> tuple[float, Any]:
    """(threshold, score(a, b)) of "the same": the engine's; or, run on a checkout from before it (for the
    before/after figures), what the merge used then — WRatio over the pipeline's lemmas, from 85."""
    try:
        from sdi.nlp.similarity import SAME_AT
        from sdi.workflow.likeness import project_engine
    except ImportError:
        from rapidfuzz import fuzz, utils

        from sdi.workflow.search import pipeline

        nlp = pipeline(project)

        def lemmas(text: str) -> str:
            return " ".join(nlp.lemma_terms(text)) or text.lower()

        return 85.0, lambda a, b: fuzz.WRatio(lemmas(a), lemmas(b), processor=utils.default_process)
    engine = project_engine(project)

    def score(a: str, b: str) -> float:
        from sdi.workflow.likeness import weigh

        weigh(project, engine, [engine.read(a), engine.read(b)])
        return engine.compare(a, b).score

    return SAME_AT, score


def evaluate(root: Path, data: dict[str, Any]) -> dict[str, Any]:
    from sdi.workflow.code_assist import similar_codes
    from sdi.workflow.project import open_project

    try:
        from sdi.workflow.quote_finder import find_quote
    except ImportError:  # a checkout from before the similarity engine
        from sdi.workflow.search import find_quote  # type: ignore[attr-defined,no-redef]

    project = open_project(root, coder="bench", exact=True)
    threshold, same_score = _scorer(project)
    results: dict[str, Any] = {"threshold": threshold}
    misses: list[str] = []

    code_ranks = []
    for case in data["code"]:
        for said in case["said"]:
            found = similar_codes(project, said, 10)
            rank = rank_of(found, lambda hit, c=case: hit[0].statement == c["code"])
            code_ranks.append(rank)
            if rank != 1:
                first = found[0][0].statement if found else "-"
                misses.append(f"code  #{rank}  «{said}» → «{case['code']}» (first: «{first}»)")
    results["code_suggestions"] = _accuracy(code_ranks)

    quote_ranks = []
    times = []
    for case in data["quote"]:
        if not _in_store(project, case["file"], case["words"]):
            raise SystemExit(f"paraphrase set: «{case['words']}» is not in {case['file']} as imported")
        start = time.perf_counter()
        found = find_quote(project, case["remembered"], 10)
        times.append(time.perf_counter() - start)
        rank = rank_of(found, lambda hit, c=case: hit.turn.source_path == c["file"]
                       and c["words"] in " ".join(hit.turn.text.split()))
        quote_ranks.append(rank)
        if rank != 1:
            first = found[0].sentence[:70] if found else "-"
            misses.append(f"quote #{rank}  «{case['remembered']}» → «{case['words']}» (first: «{first}»)")
    results["retrieval"] = _accuracy(quote_ranks)
    results["retrieval"]["median_ms"] = round(1000 * sorted(times)[len(times) // 2], 1) if times else None

    if data.get("different"):
        pairs = [(c["code"], c["said"][0]) for c in data["code"]]
        others = [(d["a"], d["b"]) for d in data["different"]]
        same = [same_score(a, b) for a, b in pairs]
        different = [same_score(a, b) for a, b in others]
        results["same"] = {
            "paraphrases_at_or_above": sum(s >= threshold for s in same) / len(same),
            "different_below": sum(s < threshold for s in different) / len(different),
            "paraphrase_scores": _spread(same),
            "different_scores": _spread(different),
        }
        misses += [f"same? {s:5.1f}  «{a}» / «{b}»" for (a, b), s in zip(pairs, same, strict=True)
                   if s < threshold]  # fmt: skip
        misses += [f"diff! {s:5.1f}  «{a}» / «{b}»" for (a, b), s in zip(others, different, strict=True)
                   if s >= threshold]  # fmt: skip
        results["merge"] = _merge(project, data, misses)
    project.close()
    results["misses"] = misses
    return results


def _in_store(project: Any, path: str, words: str) -> bool:
    """Whether the transcript imported from `path` holds `words` (pseudonyms replaced, as stored)."""
    from sqlalchemy import select

    from sdi.storage.models import Document

    with project.store.reading() as session:
        texts = session.scalars(select(Document.text).where(Document.source_path == path))
        return any(words in " ".join(text.split()) for text in texts)


def _merge(project: Any, data: dict[str, Any], misses: list[str]) -> dict[str, Any]:
    from sdi.ingest.codebook import Codebook, CodebookCode
    from sdi.workflow.exchange.merge import propose_merge

    codes = [CodebookCode(id=f"b{n:03d}", statement=c["said"][0]) for n, c in enumerate(data["code"])]
    gold = {c["said"][0]: c["code"] for c in data["code"]}
    codes += [CodebookCode(id=f"d{n:03d}", statement=d["b"]) for n, d in enumerate(data["different"])]
    start = time.perf_counter()
    proposal = propose_merge(project, Codebook(title="andre koder", codes=tuple(codes)), "andre")
    seconds = time.perf_counter() - start
    left = {c.key: c.statement for c in proposal.left.codes}
    right = {c.key: c.statement for c in proposal.right.codes}
    proposed = [(left[p.left], right[p.right]) for p in proposal.pairs if p.proposed and not p.by_id]
    right_ok = [gold.get(r) == lft for lft, r in proposed]
    for (lft, r), ok in zip(proposed, right_ok, strict=True):
        if not ok:
            misses.append(f"merge wrong: «{lft}» ~ «{r}»")
    found = {r for (lft, r), ok in zip(proposed, right_ok, strict=True) if ok}
    misses += [f"merge missed: «{code}» ~ «{said}»" for said, code in gold.items() if said not in found]
    return {
        "proposed": len(proposed),
        "precision": round(sum(right_ok) / len(proposed), 3) if proposed else None,
        "recall": round(len(found) / len(gold), 3),
        "seconds": round(seconds, 2),
    }


def _accuracy(ranks: list[int | None]) -> dict[str, Any]:
    n = len(ranks)
    return {
        "cases": n,
        "top1": round(sum(r == 1 for r in ranks) / n, 3) if n else None,
        "top3": round(sum(r is not None and r <= 3 for r in ranks) / n, 3) if n else None,
    }


def _spread(scores: list[float]) -> dict[str, float]:
    ordered = sorted(scores)
    return {"min": ordered[0], "median": ordered[len(ordered) // 2], "max": ordered[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--held-out", action="store_true", help="score the held-out part only")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = evaluate(demo_project(Path(folder)), load(args.held_out))
    for name in ("code_suggestions", "retrieval"):
        r = results[name]
        print(f"{name:17} top-1 {r['top1']:.3f}  top-3 {r['top3']:.3f}  ({r['cases']} cases)")
    if "same" in results:
        s = results["same"]
        print(f"same (≥ {results['threshold']}): paraphrases {s['paraphrases_at_or_above']:.3f}, "
              f"different below {s['different_below']:.3f}; "
              f"scores {s['paraphrase_scores']} / {s['different_scores']}")
        m = results["merge"]
        print(f"merge: {m['proposed']} proposed, precision {m['precision']}, recall {m['recall']} "
              f"({m['seconds']} s)")
    if args.misses:
        print("\n".join(results["misses"]))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
