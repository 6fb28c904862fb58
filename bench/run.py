"""sdi benchmarks: `make bench` (100,000 words) or `python bench/run.py --words 1000000`.

Every figure is a median (and p95 where repeated) measured in this run, with ratios against the floor (raw
spaCy tokenisation, a raw FTS5 query, raw python-docx writing) measured in the same run. Results go to
bench/results/<date>-<words>.json; never part of the test suite."""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import generate, imported_demo  # noqa: E402
from bench.side_by_side import print_table, side_by_side  # noqa: E402
from bench.timing import cold_process, summary, timed  # noqa: E402

SDI = [sys.executable, "-m", "sdi.cli.main"]
QUERIES = [
    "barnehage",
    "stafettlogg",
    "foreldre",
    '"ringe hjem"',
    "bekymring",
    "helsesykepleier",
    "taushetsplikt",
    "samtykke",
    "stafett*",
    "ppt -barnevern",
    "tolk",
    "perm",
    "skole",
    "rektor",
    "tilbakemelding",
]
REMEMBERED = [
    "noe om at ingen visste hvem som hadde stafettpinnen",
    "vi venter for lenge før vi ringer hjem",
    "loggen ligger bare i en perm på kontoret",
    "barnevernet svarer aldri når vi melder",
]


def cold(args: list[str], cwd: Path, repeat: int = 7) -> dict[str, float]:
    return cold_process(SDI + args, cwd, repeat)


PEAK = (
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            return int(line.split()[1]) / 1024\n"
)  # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child would report the parent's peak


def peak_rss_import(root: Path) -> float:
    """Peak RSS (MB) of a separate process that imports the corpus."""
    script = (
        PEAK + "import sys\nfrom pathlib import Path\n"
        "from sdi.workflow.project import open_project\nfrom sdi.workflow.corpus_import import import_paths\n"
        f"p = open_project(Path({str(root)!r}), exact=True)\nimport_paths(p, [])\np.close()\n"
        "print(peak())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated project")
    parser.add_argument("--no-qc", action="store_true", help="skip the side-by-side with qualitative-coding")
    args = parser.parse_args()
    from sdi.workflow.code_assist import CodeAssist
    from sdi.workflow.corpus_import import import_paths
    from sdi.workflow.project import init_project, open_project
    from sdi.workflow.quote_finder import find_quote
    from sdi.workflow.search import index_pipeline, search

    work = Path(tempfile.mkdtemp(prefix="sdi-bench-"))
    results: dict[str, object] = {
        "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cores",
        "python": platform.python_version(),
        "words": args.words,
    }
    demo = imported_demo(work / "demo")
    results["cli_help_cold"] = cold(["--help"], demo)
    from bench import demo as demo_bench
    from bench import tui as tui_bench

    results.update(demo_bench.run(demo))  # search and fuzzy retrieval on the demo corpus itself
    results.update(tui_bench.run(work, demo))  # TUI ready; a 20,000-word transcript in the Coding screen
    results["status_cold_demo"] = cold(["status"], demo)

    root = work / "big"
    init_project(root, "Benchmark")
    files = generate(root / "corpus", args.words)
    plain = sum(len(p.read_text(encoding="utf-8").split("+++", 2)[2].encode()) for p in files)
    project = open_project(root, coder="bench", exact=True)
    nlp = index_pipeline(project)  # load once: import throughput is measured warm, load time separately
    cpu, start = time.process_time(), time.perf_counter()
    report = import_paths(project, [])
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    words = sum(o.words for o in report.outcomes)
    results["import"] = {
        "pipeline": nlp.info.name,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "words": words,
        "words_per_s": words / elapsed,
        "files": len(files),
    }
    results["import_lookup"] = _fast_path_import(work, root)
    database = root / ".sdi" / "sdi.sqlite"
    size = database.stat().st_size + sum(p.stat().st_size for p in database.parent.glob("sdi.sqlite-*"))
    results["storage"] = {"db_bytes": size, "plain_text_bytes": plain, "ratio": size / plain}

    texts = [" ".join(p.read_text(encoding="utf-8").split("+++", 2)[2].split()) for p in files]
    import spacy

    blank = spacy.blank("nb")
    floor = timed(lambda: [len(blank(t)) for t in texts], 1)[0]
    results["floor_spacy_tokenise"] = {
        "seconds": floor,
        "words_per_s": words / floor,
        "import_vs_floor": elapsed / floor,
    }

    rng = random.Random(3)
    results["search_kwic"] = summary(timed(lambda: search(project, rng.choice(QUERIES), 50), 60))
    engine = project.store.engine
    with engine.connect() as connection:
        from sqlalchemy import text

        raw = timed(
            lambda: connection.execute(
                text(
                    "SELECT rowid FROM utterance_fts "
                    "WHERE utterance_fts MATCH 'lemmas : \"barnehage\"' LIMIT 50"
                )
            ).all(),
            60,
        )
    results["floor_fts5_query"] = summary(raw)
    results["fuzzy_quote"] = summary(timed(lambda: find_quote(project, rng.choice(REMEMBERED)), 12))

    from sdi.workflow.code import CodeSummary

    codes = [CodeSummary(i, f"{rng.choice(REMEMBERED)} {i}", "", None, None, 1) for i in range(2000)]
    typed = "ingen visste hvem som hadde stafettpinnen"
    keystrokes = [typed[: n + 1] for n in range(len(typed))]
    assist = CodeAssist(project, codes)
    assist.prepare_similar()
    results["code_suggestions_2000"] = summary(timed(lambda: [assist.similar(k) for k in keystrokes], 5))
    results["code_suggestions_2000"]["per_keystroke_ms"] = (
        results["code_suggestions_2000"]["median_ms"] / len(keystrokes)  # type: ignore[index]
    )

    from bench.assist import bench_assist

    results["code_assist_2000"] = bench_assist(project)  # lemmatised matches + closeness, grouping

    from sdi.export.word import WordQuote, write_paper

    quotes = [
        WordQuote(
            texts[0][i * 50 : i * 50 + 200],
            texts[0][i * 50 : i * 50 + 200],
            i % 5 == 0,
            "Pedagogisk leder, Barnehage Fjordvik, runde 1",
            f"Begrep {i % 26}",
            "Barnehage",
        )
        for i in range(1000)
    ]
    results["word_export_1000"] = summary(
        timed(lambda: write_paper(work / "q.docx", "Sitater", "", quotes), 3)
    )
    results["floor_docx_1000"] = summary(timed(lambda: _raw_docx(work / "raw.docx", quotes), 3))
    results["search_kwic"]["vs_fts5_floor"] = (  # type: ignore[index]
        results["search_kwic"]["median_ms"] / results["floor_fts5_query"]["median_ms"]  # type: ignore[index]
    )
    results["word_export_1000"]["vs_docx_floor"] = (  # type: ignore[index]
        results["word_export_1000"]["median_ms"] / results["floor_docx_1000"]["median_ms"]  # type: ignore[index]
    )
    project.close()

    for key, model in (("nlp_load_cached", "nb_core_news_sm"), ("nlp_load_offline", "offline")):
        loader = PEAK + (
            "import time\nstart = peak()\nt = time.perf_counter()\n"
            "from sdi.nlp.pipeline import load_pipeline\n"
            f"p = load_pipeline({model!r})\nprint(time.perf_counter() - t, peak() - start, p.info.name)\n"
        )
        load = subprocess.run([sys.executable, "-c", loader], capture_output=True, text=True, check=True)
        seconds, rss, name = load.stdout.split()
        results[key] = {"pipeline": name, "seconds": float(seconds), "added_rss_mb": float(rss)}
    results["import_peak_rss_mb"] = peak_rss_import(_fresh_copy(root, work))

    if not args.no_qc:
        results["side_by_side"] = side_by_side(work, files)

    stamp = time.strftime("%Y-%m-%d")
    out = REPO / "bench" / "results" / f"{stamp}-{args.words}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _print(results)
    if "side_by_side" in results:
        print_table(results["side_by_side"])  # type: ignore[arg-type]
    print(f"\n(written to {out.relative_to(REPO)})")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def _raw_docx(path: Path, quotes: list) -> None:  # type: ignore[type-arg]
    """The floor for the Word export: the same quotes written with python-docx directly, no styling."""
    import docx

    document = docx.Document()
    document.add_heading("Sitater", 0)
    for quote in quotes:
        document.add_paragraph(quote.text)
        document.add_paragraph(quote.attribution)
    document.save(str(path))


def _fresh_copy(root: Path, work: Path) -> Path:
    copy = work / "rss"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".sdi"))
    return copy


def _fast_path_import(work: Path, root: Path) -> dict[str, object]:
    """The same files imported with `[nlp] index = "lookup"` (the fast path: lookup lemmas in the index)."""
    from sdi.workflow.corpus_import import import_paths
    from sdi.workflow.project import init_project, open_project
    from sdi.workflow.search import index_pipeline

    fast = work / "big-lookup"
    init_project(fast, "Benchmark, lookup index")
    config = fast / "sdi.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('index = "pipeline"', 'index = "lookup"'),
                      encoding="utf-8")  # fmt: skip
    shutil.copytree(root / "corpus", fast / "corpus", dirs_exist_ok=True)
    project = open_project(fast, coder="bench", exact=True)
    nlp = index_pipeline(project)
    cpu, start = time.process_time(), time.perf_counter()
    report = import_paths(project, [])
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    project.close()
    words = sum(o.words for o in report.outcomes)
    return {"pipeline": nlp.info.name, "seconds": elapsed, "cpu_seconds": cpu, "words": words,
            "words_per_s": words / elapsed}  # fmt: skip


def _print(results: dict[str, object]) -> None:
    print(f"machine: {results['machine']}, Python {results['python']}, {results['words']:,} words")
    for name, value in results.items():
        if name == "side_by_side":
            continue
        if isinstance(value, dict):
            shown = ", ".join(
                f"{k}={v:,.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in value.items()
            )
            print(f"{name:24} {shown}")
        elif name == "import_peak_rss_mb":
            print(f"{name:24} {value:,.0f} MB")


if __name__ == "__main__":
    main()
