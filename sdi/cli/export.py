"""`sdi export quotes SET`: a quote set as a Word document for a paper or a poster (A1 landscape, or A0/A2,
one panel per category, optionally with a figure); the codebook; the analysis report with its figures. Each
file is checked for real names before it is allowed to stay on disk (the writing is `sdi.publish`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sdi.cli.common import EXIT_NAMES, no_real_names, opened, said_in
from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "export",
        help="help.export",
        description="desc.export",
    )
    kinds = parser.add_subparsers(dest="kind", metavar="meta.what", required=True)
    quotes = kinds.add_parser(
        "quotes",
        help="help.export.quotes",
        description="desc.export.quotes",
    )
    quotes.add_argument("set", metavar="meta.set", help="help.export.quotes.set")
    quotes.add_argument("--layout", choices=("paper", "poster"), default="paper")
    quotes.add_argument("--block", action="store_true", help="help.export.quotes.block")
    quotes.add_argument("--appendix", action="store_true", help="help.export.quotes.appendix")
    quotes.add_argument("--size", choices=("A0", "A1", "A2"), default="A1", help="help.export.quotes.size")
    quotes.add_argument(
        "--figure", choices=("heatmap", "concept-map", "bars"), help="help.export.quotes.figure"
    )
    quotes.add_argument("--output", "-o", type=Path, metavar="meta.file", help="help.export.quotes.output")
    quotes.add_argument(
        "--allow-names",
        action="store_true",
        help="help.export.quotes.allow_names",
    )
    quotes.set_defaults(handler=run_quotes)
    codebook = kinds.add_parser(
        "codebook",
        help="help.export.codebook",
        description="desc.export.codebook",
    )
    codebook.add_argument("--format", choices=("docx", "csv", "both"), default="both")
    codebook.add_argument("--allow-names", action="store_true", help="help.export.codebook.allow_names")
    codebook.set_defaults(handler=run_codebook)
    report = kinds.add_parser(
        "report",
        help="help.export.report",
        description="desc.export.report",
    )
    report.add_argument("--output", "-o", type=Path, metavar="meta.file")
    report.add_argument("--no-figures", action="store_true", help="help.export.report.no_figures")
    report.add_argument("--allow-names", action="store_true", help="help.export.report.allow_names")
    report.set_defaults(handler=run_report)


def run_quotes(args: argparse.Namespace) -> int:
    from sdi.publish import quotes_export
    from sdi.workflow.quote import find_quote_set

    with opened(args) as project:
        export = quotes_export(project, find_quote_set(project, args.set), args.layout, path=args.output,
                               block=args.block, appendix=args.appendix, size=args.size,
                               figure=args.figure)  # fmt: skip
    written = export.run(allow_names=args.allow_names)
    if not no_real_names(written, language=said_in(args)):
        return EXIT_NAMES
    print(
        t(
            "out.export.quotes",
            said_in(args),
            path=written.path,
            quotes=export.counts["quotes"],
            layout=args.layout,
        )
    )
    return 0


def run_codebook(args: argparse.Namespace) -> int:
    from sdi.publish import codebook_exports

    formats = ("docx", "csv") if args.format == "both" else (args.format,)
    with opened(args) as project:
        exports = codebook_exports(project, formats)
    written = [export.run(allow_names=args.allow_names) for export in exports]
    if not all([no_real_names(item, language=said_in(args)) for item in written]):
        return EXIT_NAMES
    for export, item in zip(exports, written, strict=True):
        print(t("out.export.codebook", said_in(args), path=item.path, codes=export.counts["codes"]))
    return 0


def run_report(args: argparse.Namespace) -> int:
    from sdi.publish import report_export

    with opened(args) as project:
        export = report_export(project, path=args.output, figures=not args.no_figures)
    written = export.run(allow_names=args.allow_names)
    if not no_real_names(written, language=said_in(args)):
        return EXIT_NAMES
    print(t("out.export.report", said_in(args), path=written.path, groups=export.counts["groups"],
            checks=export.counts["checks"]))  # fmt: skip
    return 0
