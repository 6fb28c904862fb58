"""`sdi check`: verify the store's integrity and report what it finds (exit 1 when something is wrong)."""

from __future__ import annotations

import argparse

from sdi.cli.common import opened, said_in
from sdi.i18n import said, t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="help.check",
        description="desc.check",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.integrity import check_store

    with opened(args) as project:
        report = check_store(project)
    lang = said_in(args)
    for problem in report.problems:
        print(t("out.check.problem", lang, problem=said(problem, lang)))
    for note in report.notes:
        print(t("out.check.note", lang, note=said(note, lang)))
    print(t("out.check.ok", lang) if report.ok else t("out.check.failed", lang, count=len(report.problems)))
    return 0 if report.ok else 1
