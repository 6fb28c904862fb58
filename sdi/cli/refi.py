"""`sdi refi export [--codebook-only] [-o PATH]` / `sdi refi import FILE`: REFI-QDA exchange with NVivo,
ATLAS.ti, MAXQDA and QualCoder. Exports are read back and removed if a real name from the pseudonym key is
in them, like every other export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.cli.common import EXIT_NAMES, no_real_names, opened, said_in
from sdi.i18n import said, t

if TYPE_CHECKING:
    from sdi.workflow.exchange.refi_import import RefiReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "refi",
        help="help.refi",
        description="desc.refi",
    )
    actions = parser.add_subparsers(dest="action", metavar="meta.action", required=True)
    exp = actions.add_parser(
        "export",
        help="help.refi.export",
        description="desc.refi.export",
    )
    exp.add_argument("--codebook-only", action="store_true", help="help.refi.exp.codebook_only")
    exp.add_argument("--output", "-o", type=Path, metavar="meta.path", help="help.refi.exp.output")
    exp.add_argument("--allow-names", action="store_true", help="help.refi.exp.allow_names")
    exp.set_defaults(handler=run_export)
    imp = actions.add_parser(
        "import",
        help="help.refi.import",
        description="desc.refi.import",
    )
    imp.add_argument("file", type=Path, metavar="meta.file")
    imp.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    from sdi.publish import refi_export

    with opened(args) as project:
        export = refi_export(project, codebook_only=args.codebook_only, path=args.output)
    written = export.run(allow_names=args.allow_names)
    if not no_real_names(written, language=said_in(args)):
        return EXIT_NAMES
    counts = export.counts
    lang = said_in(args)
    print(t("out.refi.written", lang, path=written.path, codes=counts["codes"], groups=counts["groups"])
          + ("" if args.codebook_only else t(
              "out.refi.written_project", lang, transcripts=counts["transcripts"], codings=counts["codings"],
              participants=counts["participants"], memos=counts["memos"])))  # fmt: skip
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sdi.workflow.exchange.refi_import import import_refi_file

    with opened(args) as project:
        report = import_refi_file(project, args.file)
    lang = said_in(args)
    print(t("out.refi.imported", lang, file=args.file, transcripts=report.transcripts, matched=report.matched,
            codes=report.codes, groups=report.groups, codings=report.codings, memos=report.memos,
            participants=report.participants, quote_sets=report.quote_sets, quotes=report.quotes,
            key_quotes=report.key_quotes, skipped=report.skipped))  # fmt: skip
    for line in recognised_lines(report, lang):
        print(f"  {line}")
    for warning in report.warnings:
        print(t("out.warning", lang, warning=said(warning, lang)), file=sys.stderr)
    return 0


def recognised_lines(report: RefiReport, language: str = "nb") -> list[str]:
    """What the import recognised, and how: the lines under the summary."""
    lines = [said(report.positions, language)] if report.positions else []
    if report.recognised:
        found = report.recognised.most_common()
        ways = ", ".join(t("out.refi.way", language, count=n, way=w) for w, n in found)
        lines.append(t("out.refi.recognised", language, ways=ways))
    if report.codings_matched:
        lines.append(t("out.refi.codings_matched", language, count=report.codings_matched))
    if report.memos_matched or report.notes_skipped:
        matched, skipped = report.memos_matched, report.notes_skipped
        lines.append(t("out.refi.memos_matched", language, memos=matched, skipped=skipped))
    if report.attributes:
        lines.append(t("out.refi.attributes", language, count=report.attributes))
    return lines
