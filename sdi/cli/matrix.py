"""`sdi matrix`: codes, code groups or concepts against focus groups, categories, sites, stages, transcripts,
roles or participants — codings, turns, speakers or the share of speakers per cell, with totals — printed
as an aligned table or written as CSV/xlsx for R, SPSS and Excel; `--stages` compares each focus group's
stages (what is new in stage 2, what is gone)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.cli.common import EXIT_NAMES, no_real_names_in, opened
from sdi.i18n import t

if TYPE_CHECKING:
    from sdi.export.spreadsheet import SheetTable
    from sdi.workflow.stage_comparison import StageChange

ROWS = ("code", "code-group", "concept")
COLUMNS = ("group", "category", "site", "stage", "transcript", "role", "participant")
MEASURES = ("codings", "turns", "speakers", "share")
FORMATS = ("text", "csv", "xlsx")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "matrix",
        help="help.matrix",
        description="desc.matrix",
    )
    parser.add_argument("--rows", choices=ROWS, default="code-group")
    parser.add_argument("--columns", choices=COLUMNS, default="group")
    parser.add_argument("--measure", choices=MEASURES, default="codings")
    parser.add_argument("--stages", action="store_true", help="help.matrix.stages")
    add_file_options(parser)
    parser.set_defaults(handler=run)


def add_file_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text", help="help.matrix.format")
    parser.add_argument("--output", "-o", type=Path, metavar="meta.file", help="help.matrix.output")
    parser.add_argument("--allow-names", action="store_true", help="help.matrix.allow_names")


def number(value: float | int | None, measure: str, language: str) -> str:
    """A cell as printed: counts as they are, shares in whole percent, nothing as «–»."""
    if value is None:
        return "–"
    if measure == "share":
        return f"{round(value * 100)}{' %' if language == 'nb' else '%'}"
    if isinstance(value, float):
        return f"{value:.3f}".replace(".", "," if language == "nb" else ".")
    return str(value)


def stages_sheet(changes: Sequence[StageChange], rows_by: str, language: str) -> SheetTable:
    from sdi.export.spreadsheet import SheetTable

    keys = ("mx.stages.group", "mx.stages.from", "mx.stages.to", "mx.stages.change", f"mx.rows.{rows_by}",
            "mx.stages.earlier", "mx.stages.later")  # fmt: skip
    header = [t(key, language) for key in keys]
    rows: list[list[str | int | float | None]] = []
    for change in changes:
        kinds = {"new": t("mx.stages.new", language, later=change.later),
                 "gone": t("mx.stages.gone", language, earlier=change.earlier),
                 "kept": t("mx.stages.kept", language)}  # fmt: skip
        start: list[str | int | float | None] = [change.group, change.earlier, change.later]
        rows += [[*start, kinds["new"], label, 0, count] for label, count in change.new]
        rows += [[*start, kinds["gone"], label, count, 0] for label, count in change.gone]
        rows += [[*start, kinds["kept"], label, before, after] for label, before, after in change.kept]
    return SheetTable(t("mx.stages.sheet", language), header, rows)


def print_sheet(sheet: SheetTable, language: str, measure: str = "") -> None:
    from sdi.cli.table import render

    numeric = [
        i > 0 and any(isinstance(row[i], int | float) for row in sheet.rows) for i in range(len(sheet.header))
    ]
    cells = [[value if isinstance(value, str) else number(value, measure, language) for value in row]
             for row in sheet.rows]  # fmt: skip
    print(render(sheet.header, cells, numeric))


def write_sheets(
    args: argparse.Namespace, sheets: Sequence[SheetTable], default: str, names: tuple[str, ...], title: str,
    author: str, language: str, exports: Path,
) -> int:  # fmt: skip
    """Write the sheets as the chosen format, read the file back for real names, say what was written."""
    from sdi.export.spreadsheet import write_tables
    from sdi.workflow.errors import WorkflowError

    path: Path = args.output or exports / f"{default}.{args.format}"
    if path.suffix.lower() != f".{args.format}":
        raise WorkflowError(key="error.matrix.format", path=path)
    write_tables(path, sheets, title=title, author=author, language=language)
    if not no_real_names_in(path, names, args.allow_names, language=language):
        return EXIT_NAMES
    what = t("mx.written_table", language, rows=len(sheets[0].rows), columns=len(sheets[0].header))
    print(t("mx.written", language, path=path, what=what))
    return 0


def run(args: argparse.Namespace) -> int:
    from sdi.export.spreadsheet import matrix_sheet
    from sdi.workflow.matrix import matrix
    from sdi.workflow.stage_comparison import changes_between_stages

    rows_by = args.rows.replace("-", "_")
    with opened(args) as project:
        config, coder = project.config, project.coder_name
        language = config.language
        table = matrix(project, rows_by, "transcript" if args.stages else args.columns, language)
    names = tuple(config.known_names)
    if args.stages:
        changes = changes_between_stages(table)
        sheet = stages_sheet(changes, rows_by, language)
        if args.format != "text":
            return write_sheets(args, [sheet], f"runder-{args.rows}", names, config.title, coder, language,
                                config.exports_dir)  # fmt: skip
        if not changes:
            print(t("mx.stages.none", language))
            return 0
        print_sheet(sheet, language)
        return 0
    measures = [args.measure, *(m for m in MEASURES if m != args.measure)]
    if args.format != "text":
        sheets = [matrix_sheet(table, measure, language) for measure in measures]  # one sheet per measure
        return write_sheets(args, sheets, f"matrise-{args.rows}-{args.columns}", names, config.title, coder,
                            language, config.exports_dir)  # fmt: skip
    if not table.rows:
        print(t("mx.empty", language))
        return 0
    rows_label = t(f"mx.rows.{rows_by}", language)
    print(t("mx.title", language, rows=rows_label, columns=t(f"mx.columns.{args.columns}", language),
            measure=t(f"mx.measure.{args.measure}", language)))  # fmt: skip
    print()
    print_sheet(matrix_sheet(table, args.measure, language), language, args.measure)
    if args.measure in ("speakers", "share"):
        print()
        print(t("mx.note.speakers", language))
    return 0
