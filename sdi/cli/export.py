"""`sdi export quotes SET`: a quote set as a Word document for a paper or a poster (A1 landscape, or A0/A2,
one panel per category, optionally with a figure); the codebook; the analysis report with its figures. Each
file is checked for real names before it is allowed to stay on disk (the writing is `sdi.publish`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sdi.cli.common import EXIT_NAMES, no_real_names, opened


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "export",
        help="write quote sets to Word (exports/)",
        description="Write analysis results to files in exports/.",
    )
    kinds = parser.add_subparsers(dest="kind", metavar="WHAT", required=True)
    quotes = kinds.add_parser(
        "quotes",
        help="a quote set as a Word document",
        description="A quote set as a Word document: 'paper' puts quotes under headings by "
        "concept or code group with attributions; 'poster' gives each focus-group category a "
        "heading with N participants, a headline quote and the supporting quotes.",
    )
    quotes.add_argument("set", help="quote set name or id")
    quotes.add_argument("--layout", choices=("paper", "poster"), default="paper")
    quotes.add_argument("--block", action="store_true", help="block quotes instead of «…» quotation marks")
    quotes.add_argument(
        "--appendix", action="store_true", help="append the original wording of edited quotes"
    )
    quotes.add_argument("--size", choices=("A0", "A1", "A2"), default="A1", help="poster paper (default A1)")
    quotes.add_argument(
        "--figure", choices=("heatmap", "concept-map", "bars"), help="a figure under the poster's panels"
    )
    quotes.add_argument("--output", "-o", type=Path, help="file (default: exports/<set>-<layout>.docx)")
    quotes.add_argument(
        "--allow-names",
        action="store_true",
        help="keep the file even if a real name from the pseudonym list is found in it",
    )
    quotes.set_defaults(handler=run_quotes)
    codebook = kinds.add_parser(
        "codebook",
        help="the codebook as Word and/or CSV",
        description="Codes with descriptions, code group, number of codings, first and "
        "last use — as a Word table (exports/kodebok.docx) and/or CSV (exports/kodebok.csv).",
    )
    codebook.add_argument("--format", choices=("docx", "csv", "both"), default="both")
    codebook.add_argument("--allow-names", action="store_true", help="keep files that contain real names")
    codebook.set_defaults(handler=run_codebook)
    report = kinds.add_parser(
        "report",
        help="the analysis report in Word",
        description="Concepts → code groups → codes → quotes with counts, a table of code "
        "groups × stages, concept notes and memos, figures (concept map, heatmap, codings per group and "
        "stage), and the recorded deductive checks as a methods appendix (exports/analyserapport.docx).",
    )
    report.add_argument("--output", "-o", type=Path)
    report.add_argument("--no-figures", action="store_true", help="leave out the figures (faster)")
    report.add_argument("--allow-names", action="store_true", help="keep the file if it contains real names")
    report.set_defaults(handler=run_report)


def run_quotes(args: argparse.Namespace) -> int:
    from sdi.publish import quotes_export
    from sdi.workflow.quote import find_quote_set

    with opened(args) as project:
        export = quotes_export(project, find_quote_set(project, args.set), args.layout, path=args.output,
                               block=args.block, appendix=args.appendix, size=args.size,
                               figure=args.figure)  # fmt: skip
    written = export.run(allow_names=args.allow_names)
    if not no_real_names(written):
        return EXIT_NAMES
    print(f"{written.path}: {export.counts['quotes']} sitater ({args.layout})")
    return 0


def run_codebook(args: argparse.Namespace) -> int:
    from sdi.publish import codebook_exports

    formats = ("docx", "csv") if args.format == "both" else (args.format,)
    with opened(args) as project:
        exports = codebook_exports(project, formats)
    written = [export.run(allow_names=args.allow_names) for export in exports]
    if not all([no_real_names(item) for item in written]):
        return EXIT_NAMES
    for export, item in zip(exports, written, strict=True):
        print(f"{item.path}: {export.counts['codes']} koder")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from sdi.publish import report_export

    with opened(args) as project:
        export = report_export(project, path=args.output, figures=not args.no_figures)
    written = export.run(allow_names=args.allow_names)
    if not no_real_names(written):
        return EXIT_NAMES
    print(f"{written.path}: {export.counts['groups']} kodegrupper, {export.counts['checks']} kontroller")
    return 0
