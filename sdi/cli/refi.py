"""`sdi refi export [--codebook-only] [-o PATH]` / `sdi refi import FILE`: REFI-QDA exchange with NVivo,
ATLAS.ti, MAXQDA and QualCoder. Exports are read back and removed if a real name from the pseudonym key is
in them, like every other export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.cli.common import EXIT_NAMES, no_real_names, opened

if TYPE_CHECKING:
    from sdi.workflow.exchange.refi_import import RefiReport


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "refi",
        help="exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder (REFI-QDA .qdpx/.qdc)",
        description="REFI-QDA, the exchange standard of qualitative analysis tools: a project (.qdpx) with "
        "transcripts, participants, codes, code groups, codings and memos, or a codebook (.qdc).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    exp = actions.add_parser(
        "export",
        help="write the project (.qdpx) or its codebook (.qdc)",
        description="Write the project as a REFI-QDA project (default: exports/<title>.qdpx), or with "
        "--codebook-only its codes and code groups (default: exports/<title>.qdc). The file is read back "
        "and removed if it contains a real name from the pseudonym key.",
    )
    exp.add_argument("--codebook-only", action="store_true", help="only codes and code groups (.qdc)")
    exp.add_argument("--output", "-o", type=Path, metavar="PATH", help="file to write")
    exp.add_argument("--allow-names", action="store_true", help="keep a file that contains real names")
    exp.set_defaults(handler=run_export)
    imp = actions.add_parser(
        "import",
        help="add a .qdpx project or .qdc codebook from another tool",
        description="Add what is new in a REFI-QDA file: transcripts (matched to existing ones by path or "
        "identical text), codes, sets as code groups, codings, memos, coders, participants, and sdi's own "
        "quote sets and key quotes. A known transcript with other words becomes its next version (codings "
        "follow their words), or, when the file coded an older version, the file's codings move forward to "
        "the current text. One transaction: a bad file changes nothing; importing the same file again adds "
        "nothing.",
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    from sdi.publish import refi_export

    with opened(args) as project:
        export = refi_export(project, codebook_only=args.codebook_only, path=args.output)
    written = export.run(allow_names=args.allow_names)
    if not no_real_names(written):
        return EXIT_NAMES
    counts = export.counts
    print(f"{written.path}: {counts['codes']} koder, {counts['groups']} kodegrupper"
          + ("" if args.codebook_only else f", {counts['transcripts']} transkripsjoner, {counts['codings']} "
             f"kodinger, {counts['participants']} deltakere, {counts['memos']} notater (memoer og sitater)"))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from sdi.workflow.exchange.refi_import import import_refi_file

    with opened(args) as project:
        report = import_refi_file(project, args.file)
    print(
        f"{args.file}: {report.transcripts} nye og {report.matched} kjente transkripsjoner, "
        f"{report.codes} koder, {report.groups} kodegrupper, {report.codings} kodinger, "
        f"{report.memos} memoer, {report.participants} deltakere, {report.quote_sets} sitatsett, "
        f"{report.quotes} sitater, {report.key_quotes} nøkkelsitater lagt til; "
        f"{report.skipped} fantes fra før"
    )
    for line in recognised_lines(report):
        print(f"  {line}")
    for warning in report.warnings:
        print(f"  advarsel: {warning}", file=sys.stderr)
    return 0


def recognised_lines(report: RefiReport) -> list[str]:
    """What the import recognised, and how: the lines under the summary."""
    lines = [report.positions.replace("positions:", "posisjoner:", 1)] if report.positions else []
    if report.recognised:
        ways = ", ".join(f"{n} ved {way}" for way, n in report.recognised.most_common())
        lines.append(f"koder med andre GUID-er gjenkjent: {ways}")
    if report.codings_matched:
        lines.append(f"{report.codings_matched} kodinger gjenkjent ved samme kode på samme ord")
    if report.memos_matched or report.notes_skipped:
        lines.append(f"{report.memos_matched} memoer fantes fra før (samme tekst på samme sted); "
                     f"{report.notes_skipped} tomme notater og egne markører ble ikke memoer")  # fmt: skip
    if report.attributes:
        lines.append(f"{report.attributes} transkripsjoner fikk en egenskap fra et dokumentsett")
    return lines
