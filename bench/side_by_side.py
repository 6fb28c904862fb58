"""sdi side by side with `qualitative-coding` (qc, https://pypi.org/project/qualitative-coding/) on the same
generated corpus, timed with the same timer, every command a cold process on both sides.

qc lives in its own venv (bench/.qc-venv, git-ignored), installed here on first use — never by `make test`.
qc codes in an editor: its settings take a custom editor command, so a small driver script stands in for the
researcher and writes the codes file (one line per corpus line, codes separated by commas). sdi gets the same
codings (every turn holding a keyword gets that keyword's code) through its workflow services.

A qc command that does not exist or fails is reported as such, not guessed."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from bench.timing import cold_process, summary

REPO = Path(__file__).resolve().parent.parent
QC_VERSION = "1.7.8"
QC_VENV = REPO / "bench" / ".qc-venv"
SDI = [sys.executable, "-m", "sdi.cli.main"]
# keyword in a turn → the code both tools give that turn (qc codes are [A-Za-z0-9_-])
CODES = {
    "stafettlogg": "stafettlogg",
    "taushetsplikt": "taushetsplikt",
    "helsesykepleier": "helsesykepleier",
    "samtykke": "samtykke",
    "tolk": "tolk",
    "bekymring": "bekymring",
}
FIND_CODE = "stafettlogg"

DRIVER = '''"""Stands in for the researcher in qc's editor: codes every line holding a keyword."""
import json, sys
from pathlib import Path
codes = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
lines = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
out = []
for line in lines:
    low = line.lower()
    out.append(", ".join(code for word, code in codes.items() if word in low))
Path(sys.argv[2]).write_text("\\n".join(out) + "\\n", encoding="utf-8")
'''


def qc_executable(log: list[str]) -> Path | None:
    """bench/.qc-venv/bin/qc, installing qualitative-coding into that venv when it is missing."""
    qc = QC_VENV / "bin" / "qc"
    if qc.exists():
        return qc
    try:
        subprocess.run([sys.executable, "-m", "venv", str(QC_VENV)], check=True, capture_output=True)
        subprocess.run(
            [str(QC_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet",
             f"qualitative-coding=={QC_VERSION}"],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    except subprocess.CalledProcessError as error:
        log.append(f"qc install failed: {(error.stderr or '').strip().splitlines()[-1:]}")
        return None
    return qc if qc.exists() else None


def _qc_project(root: Path, qc: Path) -> None:
    """A qc project whose editor is the driver script (settings.yaml written by hand, then `qc init`)."""
    import shlex

    root.mkdir(parents=True)
    (root / "driver.py").write_text(DRIVER, encoding="utf-8")
    (root / "codes.json").write_text(json.dumps(CODES), encoding="utf-8")
    python = shlex.quote(str(QC_VENV / "bin" / "python"))
    command = f'{python} driver.py "{{corpus_file_path}}" "{{codes_file_path}}" codes.json'
    settings = (
        f"qc_version: {QC_VERSION}\ncorpus_dir: corpus\ndatabase: qualitative_coding.sqlite3\n"
        "memos_dir: memos\n"
        "codebook: codebook.yaml\neditor: bench\nlog_file: qualitative_coding.log\nverbose: false\n"
        f"editors:\n  bench:\n    name: bench driver\n    code_command: '{command}'\n"
        "    memo_command: 'true'\n"
    )
    (root / "settings.yaml").write_text(settings, encoding="utf-8")
    subprocess.run([str(qc), "init"], cwd=root, check=True, capture_output=True)


def _try(name: str, action, results: dict, log: list[str]) -> None:  # type: ignore[no-untyped-def]
    try:
        results[name] = action()
    except subprocess.CalledProcessError as error:
        stderr = error.stderr.decode() if isinstance(error.stderr, bytes) else str(error.stderr or "")
        results[name] = {"failed": (stderr.strip().splitlines() or ["(no message)"])[-1][:200]}
        log.append(f"qc {name}: failed")


def run_qc(work: Path, files: list[Path], repeat: int) -> dict:
    """Times of qc's import, coded-passage retrieval, statistics, REFI-QDA export and cold start."""
    log: list[str] = []
    qc = qc_executable(log)
    if qc is None:
        return {"missing": True, "log": log}
    results: dict = {"version": QC_VERSION, "log": log}
    source = work / "qc-source"
    source.mkdir()
    for path in files:  # the very files sdi imports, as plain text (qc has no front-matter notion)
        (source / (path.stem + ".txt")).write_bytes(path.read_bytes())
    roots = []

    def fresh_import() -> None:
        root = work / f"qc-{len(roots)}"
        _qc_project(root, qc)
        roots.append(root)
        start = time.perf_counter()
        subprocess.run([str(qc), "corpus", "import", "-r", "-i", "verbatim", str(source)], cwd=root,
                       check=True, capture_output=True)  # fmt: skip
        times.append(time.perf_counter() - start)

    times: list[float] = []
    _try("import", lambda: [fresh_import() for _ in range(repeat)] and summary(times), results, log)
    if not roots:
        return results
    root = roots[0]
    coding: list[float] = []

    def code_all() -> dict:
        for path in files:
            start = time.perf_counter()
            subprocess.run([str(qc), "code", "bench", "-p", f"{path.stem}.txt"], cwd=root, check=True,
                           capture_output=True)  # fmt: skip
            coding.append(time.perf_counter() - start)
        return {**summary(coding), "note": "one `qc code` round trip per transcript, driver as editor"}

    _try("code_via_editor", code_all, results, log)
    listed = subprocess.run([str(qc), "codes", "find", FIND_CODE], cwd=root, capture_output=True, text=True)
    results["find_lines_out"] = len(listed.stdout.splitlines())
    _try(
        "codes_find", lambda: cold_process([str(qc), "codes", "find", FIND_CODE], root, repeat), results, log
    )
    _try("codes_stats", lambda: cold_process([str(qc), "codes", "stats"], root, repeat), results, log)
    _try("refi_export", lambda: cold_process([str(qc), "export", str(work / "qc-out.qdpx")], root, repeat),
         results, log)  # fmt: skip
    _try("cold_start", lambda: cold_process([str(qc), "version"], root, repeat), results, log)
    return results


SNIPPET = (
    "import sys\nfrom pathlib import Path\nfrom sdi.workflow.project import open_project\n"
    "from sdi.workflow.code import list_codes\nfrom sdi.workflow.code_group import codings_of_code\n"
    "p = open_project(Path('.'))\ncode = next(c for c in list_codes(p) if c.statement == sys.argv[1])\n"
    "for c in codings_of_code(p, code.id):\n    print(c.source_path, c.line, c.speaker, c.text)\n"
)


def code_like_qc(root: Path) -> int:
    """Give every turn holding a keyword its code, as the qc driver does per line; returns the codings."""
    from sqlalchemy import select

    from sdi.storage.models import Document, Utterance
    from sdi.workflow.code import code_span, create_code
    from sdi.workflow.project import open_project

    project = open_project(root, coder="bench", exact=True)
    ids = {word: create_code(project, code) for word, code in CODES.items()}
    with project.store.reading() as session:
        turns = session.execute(
            select(Utterance.document_id, Utterance.start, Utterance.end, Document.text).join(Document)
        ).all()
    count = 0
    for document_id, start, end, text in turns:
        low = text[start:end].lower()
        for word, code_id in ids.items():
            if word in low:
                code_span(project, document_id, start, end, code_id=code_id)
                count += 1
    project.close()
    return count


def run_sdi(work: Path, files: list[Path], repeat: int) -> dict:
    """sdi's equivalents, each a cold CLI process (coded passages: a cold process over the workflow
    service the Coding screen uses, as the CLI has no command that lists them)."""
    import shutil

    from sdi.workflow.project import init_project

    roots = []
    times: list[float] = []
    for number in range(repeat):
        root = work / f"sdi-{number}"
        init_project(root, "Benchmark")
        for path in files:
            shutil.copy(path, root / "corpus" / path.name)
        start = time.perf_counter()
        subprocess.run([*SDI, "import", "-q"], cwd=root, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        roots.append(root)
    results: dict = {"import": summary(times)}
    root = roots[0]
    results["codings"] = code_like_qc(root)
    results["codes_find"] = cold_process([sys.executable, "-c", SNIPPET, FIND_CODE], root, repeat)
    results["search"] = cold_process([*SDI, "search", "-n", "50", FIND_CODE], root, repeat)
    results["codes_stats"] = cold_process([*SDI, "status"], root, repeat)
    results["refi_export"] = cold_process([*SDI, "refi", "export", "-o", str(work / "sdi-out.qdpx")], root,
                                          repeat)  # fmt: skip
    results["cold_start"] = cold_process([*SDI, "--version"], root, repeat)
    return results


ROWS = (
    ("import", "import (`qc corpus import -r` / `sdi import`)"),
    ("codes_find", f"coded passages of «{FIND_CODE}» (`qc codes find` / codings_of_code)"),
    ("codes_stats", "code statistics (`qc codes stats` / `sdi status`)"),
    ("refi_export", "REFI-QDA export (`qc export` / `sdi refi export`)"),
    ("cold_start", "cold start (`qc version` / `sdi --version`)"),
)


def compare(sdi: dict, qc: dict) -> dict:
    """qc median / sdi median for each row (> 1: sdi is faster), or why there is no ratio."""
    table = {}
    for key, _label in ROWS:
        ours, theirs = sdi.get(key, {}), qc.get(key, {})
        if "median_ms" in ours and "median_ms" in theirs:
            table[key] = {"sdi_ms": ours["median_ms"], "qc_ms": theirs["median_ms"],
                          "qc_over_sdi": theirs["median_ms"] / ours["median_ms"]}  # fmt: skip
        else:
            table[key] = {
                "missing": theirs.get("failed") or ("qc not installed" if qc.get("missing") else "?")
            }
    return table


def side_by_side(work: Path, files: list[Path], repeat: int = 5) -> dict:
    sdi = run_sdi(work, files, repeat)
    qc = run_qc(work, files, repeat)
    return {"sdi": sdi, "qc": qc, "ratios": compare(sdi, qc)}


def print_table(result: dict) -> None:
    print("\nside by side with qualitative-coding (qc), cold processes, medians:")
    for key, label in ROWS:
        row = result["ratios"][key]
        if "missing" in row:
            print(f"  {label:70} qc: {row['missing']}")
        else:
            print(f"  {label:70} sdi {row['sdi_ms']:8.0f} ms  qc {row['qc_ms']:8.0f} ms  "
                  f"qc/sdi {row['qc_over_sdi']:5.1f}×")  # fmt: skip


if __name__ == "__main__":
    import tempfile

    sys.path.insert(0, str(REPO))
    from bench.generate import generate

    work = Path(tempfile.mkdtemp(prefix="sdi-qc-"))
    words = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    made = generate(work / "corpus", words)
    result = side_by_side(work, made)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    print_table(result)
