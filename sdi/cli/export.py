"""`sdi export quotes SET`: a quote set as a Word document for a paper or a poster, checked for real names
before it is allowed to stay on disk."""

from __future__ import annotations

import argparse
from pathlib import Path

from sdi.cli.common import EXIT_NAMES, no_real_names, opened, slug


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
        "groups × stages, and the recorded deductive checks as a methods appendix "
        "(exports/analyserapport.docx).",
    )
    report.add_argument("--output", "-o", type=Path)
    report.add_argument("--allow-names", action="store_true", help="keep the file if it contains real names")
    report.set_defaults(handler=run_report)


def run_quotes(args: argparse.Namespace) -> int:
    from sdi.export.word import WordQuote, write_paper, write_poster
    from sdi.workflow.quote import find_quote_set, quote_set_export

    with opened(args) as project:
        data = quote_set_export(project, find_quote_set(project, args.set))
        language = project.config.language
        path = args.output or project.config.exports_dir / f"{slug(data.name, 'sitater')}-{args.layout}.docx"
    quotes = [
        WordQuote(q.display, q.original, q.edited, q.context.attribution_in(language),
                  q.context.concept or q.context.code_group, q.context.category or q.context.group)
        for q in data.quotes
    ]  # fmt: skip
    if args.layout == "paper":
        write_paper(
            path,
            data.name,
            data.description,
            quotes,
            language=language,
            block=args.block,
            appendix=args.appendix,
        )
    else:
        write_poster(path, data.name, quotes, data.participants_per_category, language=language)
    if not no_real_names(path, data.pseudonymised_names, args.allow_names):
        return EXIT_NAMES
    print(f"{path}: {len(quotes)} sitater ({args.layout})")
    return 0


def run_codebook(args: argparse.Namespace) -> int:
    from sdi.export.tables import write_codebook_csv, write_codebook_docx
    from sdi.workflow.report import codebook_rows

    with opened(args) as project:
        rows = codebook_rows(project)
        config = project.config
    written = []
    if args.format in ("docx", "both"):
        written.append(
            write_codebook_docx(config.exports_dir / "kodebok.docx", config.title, rows, config.language)
        )
    if args.format in ("csv", "both"):
        written.append(write_codebook_csv(config.exports_dir / "kodebok.csv", rows, config.language))
    names = tuple(config.known_names)
    if not all([no_real_names(path, names, args.allow_names) for path in written]):
        return EXIT_NAMES
    for path in written:
        print(f"{path}: {len(rows)} koder")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from sdi.export.tables import write_report
    from sdi.workflow.report import analysis_report

    with opened(args) as project:
        data = analysis_report(project)
        config = project.config
    path = args.output or config.exports_dir / "analyserapport.docx"
    write_report(path, data.title, data.sections, data.stages, data.spread, data.checks, config.language)
    if not no_real_names(path, data.pseudonymised_names, args.allow_names):
        return EXIT_NAMES
    print(f"{path}: {len(data.sections)} kodegrupper, {len(data.checks)} kontroller")
    return 0
