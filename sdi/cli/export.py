"""`sdi export quotes SET`: a quote set as a Word document for a paper or a poster (A1 landscape, or A0/A2,
one panel per category, optionally with a figure); the codebook; the analysis report with its figures. Each
file is checked for real names before it is allowed to stay on disk."""

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
    from sdi.cli.figure import figure_of, names_allowed
    from sdi.export.word import WordQuote, write_paper, write_poster
    from sdi.workflow.quote import find_quote_set, quote_set_export

    figure = None
    with opened(args) as project:
        data = quote_set_export(project, find_quote_set(project, args.set))
        language, author = project.config.language, project.coder_name
        path = args.output or project.config.exports_dir / f"{slug(data.name, 'sitater')}-{args.layout}.docx"
        if args.layout == "poster" and args.figure:
            figure = figure_of(project, args.figure)
    names = data.pseudonymised_names
    if figure is not None and not names_allowed(figure, names, args.allow_names, str(path)):
        return EXIT_NAMES
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
            author=author,
        )
    else:
        from sdi.export.figures import render

        image = render(figure, "png") if figure is not None else None
        write_poster(path, data.name, quotes, data.participants_per_category, language=language,
                     author=author, size=args.size, figure=image,
                     figure_caption=figure.title if figure else "")  # fmt: skip
    if not no_real_names(path, data.pseudonymised_names, args.allow_names):
        return EXIT_NAMES
    print(f"{path}: {len(quotes)} sitater ({args.layout})")
    return 0


def run_codebook(args: argparse.Namespace) -> int:
    from sdi.export.tables import write_codebook_csv, write_codebook_docx
    from sdi.workflow.report import codebook_rows

    with opened(args) as project:
        rows = codebook_rows(project)
        config, author = project.config, project.coder_name
    written = []
    if args.format in ("docx", "both"):
        written.append(
            write_codebook_docx(
                config.exports_dir / "kodebok.docx", config.title, rows, config.language, author=author
            )
        )
    if args.format in ("csv", "both"):
        written.append(write_codebook_csv(config.exports_dir / "kodebok.csv", rows, config.language))
    names = tuple(config.pseudonyms)
    if not all([no_real_names(path, names, args.allow_names) for path in written]):
        return EXIT_NAMES
    for path in written:
        print(f"{path}: {len(rows)} koder")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from sdi.export.report import write_report
    from sdi.workflow.report import analysis_report

    with opened(args) as project:
        data = analysis_report(project)
        config = project.config
        figures = [] if args.no_figures else report_figures(project)
    path = args.output or config.exports_dir / "analyserapport.docx"
    write_report(path, data.title, data.sections, data.stages, data.spread, data.checks, config.language,
                 author=data.coder, memos=data.memos, figures=figures)  # fmt: skip
    if not no_real_names(path, data.pseudonymised_names, args.allow_names):
        return EXIT_NAMES
    print(f"{path}: {len(data.sections)} kodegrupper, {len(data.checks)} kontroller")
    return 0


def report_figures(project: object) -> list[object]:
    """The report's figures: the concept map, code groups × focus groups as a heatmap, codings per focus
    group and stage."""
    from sdi.workflow.figure_data import bars_of, concept_map_data, heatmap_of
    from sdi.workflow.matrix import build_matrix, read_coded_turns

    language = project.config.language  # type: ignore[attr-defined]
    coded = read_coded_turns(project, "code_group", language)  # type: ignore[arg-type]
    by_group = heatmap_of(build_matrix(coded, "group", language), "codings", language)
    by_stage = bars_of(build_matrix(coded, "transcript", language), language)
    return [concept_map_data(project), by_group, by_stage]  # type: ignore[arg-type]
