"""`sdi import [PATHS]`: bring transcripts into the store (default: the project's corpus/ folder)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.cli.common import opened
from sdi.i18n import said, t

if TYPE_CHECKING:
    from sdi.workflow.corpus_import import ImportOutcome


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "import",
        help="help.corpus.import",
        description="desc.corpus.import",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="meta.path", help="help.corpus.paths")
    parser.add_argument("--quiet", "-q", action="store_true", help="help.corpus.quiet")
    parser.set_defaults(handler=run)


class _Progress:
    """One line per file on stdout; a live bar on stderr when it is a terminal."""

    def __init__(self, language: str, quiet: bool) -> None:
        self.language = language
        self.quiet = quiet
        self.live = sys.stderr.isatty()

    def __call__(self, index: int, total: int, outcome: ImportOutcome) -> None:
        if self.live:
            filled = int(30 * index / total) if total else 30
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {index}/{total}")
            sys.stderr.flush()
            if index == total:
                sys.stderr.write("\r" + " " * 50 + "\r")
        if outcome.action == "failed":
            print(f"  {t('failed', self.language)}: {said(outcome.message, self.language)}", file=sys.stderr)
        elif not self.quiet:
            detail = (
                f"{outcome.turns} {t('turns', self.language).lower()}, {outcome.words} "
                f"{t('words', self.language).lower()}"
            )
            if outcome.action == "updated":
                detail += f", {t('version', self.language)} {outcome.version}"
            print(f"[{index}/{total}] {outcome.path}: {t(outcome.action, self.language)} ({detail})")
        for warning in outcome.warnings:
            print(f"  ! {outcome.path}: {said(warning, self.language)}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.corpus_import import import_paths

    with opened(args) as project:
        language = project.config.language
        report = import_paths(project, args.paths, _Progress(language, args.quiet))
        print(
            t(
                "import_summary",
                language,
                files=len(report.outcomes),
                imported=report.count("imported"),
                updated=report.count("updated"),
                unchanged=report.count("unchanged") + report.count("metadata"),
                failed=len(report.failed),
            )
        )
        flagged = sum(o.flagged for o in report.outcomes)
        if flagged:
            print(t("flagged_after_import", language, n=flagged))
        return 1 if report.failed else 0
