"""`sdi check`: verify the store's integrity and report what it finds (exit 1 when something is wrong)."""

from __future__ import annotations

import argparse

from sdi.cli.common import opened


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="verify the store's integrity",
        description="Verify the store: the engine's integrity check, foreign keys, every "
        "coding inside its transcript and on its words, every turn inside its text, and the "
        "search index. Reports only; changes nothing.",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.integrity import check_store

    with opened(args) as project:
        report = check_store(project)
    for problem in report.problems:
        print(f"FEIL: {problem}")
    for note in report.notes:
        print(f"merk: {note}")
    print("Lageret er i orden." if report.ok else f"{len(report.problems)} feil funnet.")
    return 0 if report.ok else 1
