"""Bounded work on large and hostile input (issue 17): peak memory and time of the inputs that ran away, and
Word import against Markdown on the same words. `python bench/hostile.py [--what turns,big,keywords,word]`.

Each figure comes from a separate process (so its peak memory, VmHWM, is its own) running the sdi of
`--code DIR` (default: this checkout; give another checkout, e.g. the main branch, to measure "before" with
the same script). Word against Markdown: the same generated transcripts written both ways, each imported
into a fresh project, the language pipeline loaded before the clock starts; words/s are medians of
`--repeat` runs, the ratio is Markdown's over Word's in the same run. Results go to bench/results/; never
part of the test suite."""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import generate  # noqa: E402

PEAK = (
    "def peak():\n"
    "    for line in open('/proc/self/status'):\n"
    "        if line.startswith('VmHWM:'):\n"
    "            return int(line.split()[1]) / 1024\n"
)
IMPORT = (
    PEAK + "import json, sys, time\nfrom pathlib import Path\n"
    "from sdi.workflow.project import open_project\nfrom sdi.workflow.corpus_import import import_paths\n"
    "from sdi.workflow.search import pipeline\n"
    "p = open_project(Path(sys.argv[1]), exact=True)\npipeline(p)\n"
    "start = time.perf_counter()\nreport = import_paths(p, [])\nseconds = time.perf_counter() - start\n"
    "p.close()\n"
    "print(json.dumps({'seconds': seconds, 'peak_mb': peak(), 'failed': [o.message for o in report.failed],"
    " 'words': sum(o.words for o in report.outcomes)}))\n"
)
READ = (
    PEAK + "import json, sys, time\nfrom pathlib import Path\nfrom sdi.ingest import read_transcript\n"
    "files = sorted(p for p in (Path(sys.argv[1]) / 'corpus').iterdir())\nwords = 0\n"
    "start = time.perf_counter()\n"
    "for path in files:\n    words += len(read_transcript(path).text.split())\n"
    "seconds = time.perf_counter() - start\n"
    "print(json.dumps({'seconds': seconds, 'words': words, 'peak_mb': peak()}))\n"
)
KEYWORDS = (
    PEAK + "import json, sys, time\nfrom pathlib import Path\n"
    "from sdi.workflow.project import open_project\nfrom sdi.workflow.keywords import keywords_by\n"
    "p = open_project(Path(sys.argv[1]), exact=True)\n"
    "start = time.perf_counter()\nfound = keywords_by(p, 'group')\nseconds = time.perf_counter() - start\n"
    "p.close()\nprint(json.dumps({'seconds': seconds, 'peak_mb': peak(), 'slices': len(found)}))\n"
)


def project(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "corpus").mkdir()
    (folder / "sdi.toml").write_text('[project]\ntitle = "bench"\n', encoding="utf-8")
    return folder


def child(script: str, root: Path, code: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(code), "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(  # run in the project folder: `-c` puts the working folder first on the path
        [sys.executable, "-c", script, str(root)], capture_output=True, text=True, env=env, cwd=root
    )
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["?"])[-1]}
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def one_word_turns(path: Path, turns: int = 400_000) -> Path:
    """400,000 one-word turns: «P1: ja» line after line (2.8 MB)."""
    rng = random.Random(5)
    words = ("ja", "nei", "jo", "mm", "nettopp", "kanskje")
    lines = ['+++\ngroup = "Mange"\nstage = 1\n+++\n']
    lines += [f"P{1 + i % 2}: {rng.choice(words)}" for i in range(turns)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def big_transcript(path: Path, mib: int = 48) -> Path:
    """One transcript of `mib` MiB of ordinary turns (the demo's, recombined)."""
    with tempfile.TemporaryDirectory() as folder:
        made = generate(Path(folder), 8_000_000 * mib // 48, per_file=8_000_000 * mib // 48)[0]
        text = made.read_bytes()
    path.write_bytes(text[: mib * 1024 * 1024].rsplit(b"\n", 1)[0] + b"\n")
    return path


def as_docx(markdown: Path, target: Path, layout: str) -> Path:
    """The same transcript as a Word file the way Word writes one: front matter paragraphs, then either a
    paragraph per turn (`Label: text`, split into runs of a few words with their own formatting, as Word's
    revision marks split them) or a speaker | text table."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    lines = [line for line in markdown.read_text(encoding="utf-8").split("\n") if line.strip()]
    close = lines.index("+++", 1)
    for line in lines[: close + 1]:
        document.add_paragraph(line)
    turns = [line.split(": ", 1) for line in lines[close + 1 :] if ": " in line and not line.startswith("#")]
    if layout == "table":
        table = document.add_table(rows=len(turns), cols=2)
        for row, (speaker, text) in zip(table.rows, turns, strict=True):
            row.cells[0].text, row.cells[1].text = speaker, text
    else:
        for speaker, text in turns:
            paragraph = document.add_paragraph(style="Normal")
            words = f"{speaker}: {text}".split(" ")
            for start in range(0, len(words), 4):
                run = paragraph.add_run(" ".join(words[start : start + 4]) + " ")
                run.font.size = Pt(11)
    document.save(str(target))
    return target


def measure_turns(work: Path, code: Path) -> dict[str, object]:
    root = project(work / "turns")
    one_word_turns(root / "corpus" / "mange.md")
    return {"file_mb": (root / "corpus" / "mange.md").stat().st_size / 2**20, **child(IMPORT, root, code)}


def measure_big(work: Path, code: Path) -> dict[str, object]:
    root = project(work / "big")
    big_transcript(root / "corpus" / "stor.md")
    return {"file_mb": (root / "corpus" / "stor.md").stat().st_size / 2**20, **child(IMPORT, root, code)}


def measure_keywords(work: Path, code: Path, words: int) -> dict[str, object]:
    root = project(work / "keywords")
    generate(root / "corpus", words, per_file=50_000)
    imported = child(IMPORT, root, code)
    runs = [child(KEYWORDS, root, code) for _ in range(3)]
    seconds = [float(str(run["seconds"])) for run in runs if "seconds" in run]
    peaks = [float(str(run["peak_mb"])) for run in runs if "peak_mb" in run]
    return {"words": imported.get("words"), "import": imported, "runs": runs,
            "keywords_median_s": statistics.median(seconds), "keywords_peak_mb": max(peaks)}  # fmt: skip


def measure_word(work: Path, code: Path, words: int, repeat: int) -> dict[str, object]:
    sources = generate(work / "source", words, per_file=16_000)
    kinds = ("markdown", "word", "word-table")
    results: dict[str, list[dict[str, object]]] = {kind: [] for kind in kinds}
    for attempt in range(repeat):
        for kind in kinds:  # alternating, so a busy moment hits each alike
            root = project(work / f"{kind}-{attempt}")
            for source in sources:
                if kind == "markdown":
                    (root / "corpus" / source.name).write_bytes(source.read_bytes())
                else:
                    layout = "table" if kind == "word-table" else "paragraphs"
                    as_docx(source, root / "corpus" / source.with_suffix(".docx").name, layout)
            results[kind].append(child(IMPORT, root, code))
            results.setdefault(f"{kind} (reading only)", []).append(child(READ, root, code))
    rates = {
        kind: statistics.median(float(str(run["words"])) / float(str(run["seconds"])) for run in runs)
        for kind, runs in results.items()
    }
    return {"words_per_s": rates, "markdown_over_word": rates["markdown"] / rates["word"],
            "markdown_over_word_table": rates["markdown"] / rates["word-table"], "runs": results}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--what", default="turns,big,keywords,word")
    parser.add_argument("--code", type=Path, default=REPO, help="the sdi checkout to measure")
    parser.add_argument("--label", default="after")
    parser.add_argument("--keyword-words", type=int, default=2_000_000)
    parser.add_argument("--word-words", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    wanted = args.what.split(",")
    results: dict[str, object] = {"code": str(args.code), "label": args.label}
    with tempfile.TemporaryDirectory(prefix="sdi-hostile-") as folder:
        work = Path(folder)
        for what in wanted:
            started = time.perf_counter()
            if what == "turns":
                results[what] = measure_turns(work, args.code)
            elif what == "big":
                results[what] = measure_big(work, args.code)
            elif what == "keywords":
                results[what] = measure_keywords(work, args.code, args.keyword_words)
            elif what == "word":
                results[what] = measure_word(work, args.code, args.word_words, args.repeat)
            summary = {k: v for k, v in dict(results[what]).items() if k != "runs"}  # type: ignore[call-overload]
            print(f"{what} ({time.perf_counter() - started:.0f} s): {json.dumps(summary)}", flush=True)
    out = REPO / "bench" / "results" / f"{time.strftime('%Y-%m-%d')}-hostile-{args.label}.json"
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written to {out}")


if __name__ == "__main__":
    main()
