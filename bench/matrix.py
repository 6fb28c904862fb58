"""Benchmark of the comparisons: `python bench/matrix.py --words 1000000`.

The corpus is bench/generate.py's, cut into 16 transcripts shaped like the demo study (eight focus groups —
four categories at two sites — in two stages each), imported, then coded the way a large study is: 2,000
codes in 60 code groups (40 of them with a concept), 20,000 codings on informants' turns (one in ten running
on into the next turn). Measured, each a median of repeated runs in one process (the store warm, as in the
workbench):

- the 60 × 16 matrix (code groups × transcripts, the report's table) — target < 300 ms;
- the same material by focus group, by participant, and 2,000 codes × 16 transcripts;
- co-occurrence of the 2,000 codes: same turn, overlapping codings, within 2 turns — target < 2 s;
- the floor: the raw rows the comparisons read (codings and turns, fetched with no ORM and no counting).

JSON to bench/results/<date>-<words>-matrix.json. Never part of the test suite."""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import CATEGORIES, generate  # noqa: E402
from bench.timing import summary, timed  # noqa: E402

SITES = ("Fjordvik", "Åsmark")
CODES, GROUPS, CONCEPTS, CODINGS = 2000, 60, 40, 20_000


def shape_like_the_demo(files: list[Path]) -> None:
    """Transcript n becomes focus group n // 2 (category × site) in stage n % 2 + 1."""
    for number, path in enumerate(files):
        group = number // 2
        category, site = CATEGORIES[(group // 2) % len(CATEGORIES)], SITES[group % 2]
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'^group = ".*"$', f'group = "{category} {site}"', text, count=1, flags=re.M)
        text = re.sub(r'^site = ".*"$', f'site = "{site}"', text, count=1, flags=re.M)
        text = re.sub(r'^category = ".*"$', f'category = "{category}"', text, count=1, flags=re.M)
        text = re.sub(r"^stage = \d+$", f"stage = {number % 2 + 1}", text, count=1, flags=re.M)
        path.write_text(text, encoding="utf-8")


def code_the_corpus(project, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    """2,000 codes in 60 groups (40 with a concept) and 20,000 codings, written in one transaction."""
    from sqlalchemy import insert, select

    from sdi.storage.models import Code, CodeGroup, Coding, Concept, Document, Utterance

    with project.store.transaction() as session:
        coder = project.coder_id(session)
        group_ids = []
        for n in range(GROUPS):
            group = CodeGroup(name=f"Kodegruppe {n + 1}", position=n)
            session.add(group)
            session.flush()
            group_ids.append(group.id)
            if n < CONCEPTS:
                session.add(Concept(group_id=group.id, name=f"Begrep {n + 1}"))
        session.execute(insert(Code), [
            {"statement": f"Kode {n + 1} om å vente og ringe hjem", "group_id": group_ids[n % GROUPS],
             "position": n // GROUPS, "author_id": coder}
            for n in range(CODES)
        ])  # fmt: skip
        code_ids = list(session.scalars(select(Code.id).order_by(Code.id)))
        texts = dict(session.execute(select(Document.id, Document.text)).all())
        turns = session.execute(
            select(Utterance.document_id, Utterance.start, Utterance.end, Utterance.is_moderator)
            .order_by(Utterance.document_id, Utterance.seq)
        ).all()
        informant = [n for n, turn in enumerate(turns) if not turn.is_moderator]
        weights = [1 / (rank + 1) ** 0.8 for rank in range(CODES)]  # some codes much used, most a little
        rows = []
        for code_id in rng.choices(code_ids, weights, k=CODINGS):
            n = rng.choice(informant)
            turn = turns[n]
            start = turn.start + rng.randrange(max(1, (turn.end - turn.start) // 2))
            end = min(turn.end, start + rng.randint(40, 220))
            following = turns[n + 1] if n + 1 < len(turns) else None
            if rng.random() < 0.1 and following is not None and following.document_id == turn.document_id:
                end = min(following.end, following.start + rng.randint(20, 120))
            text = texts[turn.document_id]
            rows.append({"code_id": code_id, "document_id": turn.document_id, "start": start, "end": end,
                         "coder_id": coder, "anchor_text": text[start:end], "status": "ok"})  # fmt: skip
        session.execute(insert(Coding), rows)


def floor(project) -> None:  # type: ignore[no-untyped-def]
    """What no counting can beat: the rows the comparisons read (every turn's transcript, start, end and
    participant; every coding's id, code, transcript, start and end), fetched raw from the driver."""
    with project.store.engine.connect() as connection:
        cursor = connection.connection.cursor()
        cursor.execute(
            'SELECT document_id, start, "end", participant_id FROM utterances ORDER BY document_id, seq'
        )
        cursor.fetchall()
        cursor.execute('SELECT id, code_id, document_id, start, "end" FROM codings ORDER BY id')
        cursor.fetchall()
        cursor.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    from sdi.workflow.cooccurrence import cooccurrence
    from sdi.workflow.corpus_import import import_paths
    from sdi.workflow.matrix import matrix
    from sdi.workflow.project import init_project, open_project
    from sdi.workflow.search import pipeline

    work = Path(tempfile.mkdtemp(prefix="sdi-bench-matrix-"))
    root = work / "big"
    init_project(root, "Benchmark")
    files = generate(root / "corpus", args.words, per_file=max(1, args.words // 16))
    shape_like_the_demo(files)
    project = open_project(root, coder="bench", exact=True)
    pipeline(project)
    report = import_paths(project, [])
    code_the_corpus(project, random.Random(11))
    table = matrix(project, "code_group", "transcript")
    results: dict[str, object] = {
        "words": sum(o.words for o in report.outcomes),
        "transcripts": len(files),
        "codings": table.total.codings,
        "turns_coded": table.total.turns,
        "shape": f"{len(table.rows)} x {len(table.columns)}",
        "participant_columns": len(matrix(project, "code_group", "participant").columns),
    }
    repeat = args.repeat

    def measure(name: str, action: Callable[[], object], runs: int = repeat) -> None:
        """Wall-clock median and p95, and the median of the process's CPU time (the machine is shared:
        CPU time shows the work itself when other jobs take the cores)."""
        cpu = []
        for _ in range(runs):
            start = time.process_time()
            action()
            cpu.append(time.process_time() - start)
        results[name] = {**summary(timed(action, runs)), "cpu_median_ms": statistics.median(cpu) * 1000}

    measure("floor_raw_rows", lambda: floor(project))
    measure("matrix_60x16_code_group_transcript", lambda: matrix(project, "code_group", "transcript"))
    measure("matrix_code_group_group", lambda: matrix(project, "code_group", "group"))
    measure("matrix_code_group_participant", lambda: matrix(project, "code_group", "participant"))
    measure("matrix_2000_codes_transcript", lambda: matrix(project, "code", "transcript"), 5)
    for mode, within in (("turn", 1), ("overlap", 1), ("near", 2)):
        name = f"cooccurrence_2000_{mode}"
        measure(name, lambda m=mode, w=within: cooccurrence(project, "code", m, w), 5)  # type: ignore[misc]
        results[name]["pairs"] = len(cooccurrence(project, "code", mode, within).pairs)  # type: ignore[index]
    floor_ms = results["floor_raw_rows"]["median_ms"]  # type: ignore[index]
    for name, value in results.items():
        if isinstance(value, dict) and name != "floor_raw_rows":
            value["vs_floor"] = value["median_ms"] / floor_ms
    project.close()
    out = REPO / "bench" / "results" / f"{time.strftime('%Y-%m-%d')}-{args.words}-matrix.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, value in results.items():
        print(f"{name:36} {value}")
    print(f"\n(written to {out.relative_to(REPO)})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
