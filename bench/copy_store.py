"""How long `sdi db copy` takes: a generated corpus (default 100,000 words) imported, then copied to a new
SQLite file and, under scripts/with-postgres, to a fresh PostgreSQL database — copy, index rebuild and
verification included. `python bench/copy_store.py --words 1000000`; never part of the test suite."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    from sdi.workflow.corpus_import import import_paths
    from sdi.workflow.database import copy_store
    from sdi.workflow.project import init_project, open_project

    work = Path(tempfile.mkdtemp(prefix="sdi-bench-copy-"))
    try:
        root = work / "big"
        init_project(root, "Benchmark")
        generate(root / "corpus", args.words)
        project = open_project(root, coder="bench", exact=True)
        try:
            import_paths(project, [])
            targets = [("sqlite", str(work / "copy.sqlite"))]
            server = os.environ.get("SDI_TEST_POSTGRES_URL", "")
            if server:
                targets.append(("postgresql", _fresh_database(server)))
            for name, url in targets:
                start = time.perf_counter()
                report = copy_store(project, url)
                seconds = time.perf_counter() - start
                assert report.ok, report.mismatched
                print(f"{args.words:,} words → {name}: {report.rows:,} rows in {seconds:.2f} s "
                      f"({report.rows / seconds:,.0f} rows/s, verified)")  # fmt: skip
        finally:
            project.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _fresh_database(server: str) -> str:
    import psycopg

    name = f"sdi_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name


if __name__ == "__main__":
    main()
