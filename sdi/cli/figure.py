"""`sdi figure`: a figure for a poster or a paper, as SVG or PNG in exports/ — a heatmap of a matrix, the SDI
concept map, or codings per focus group and stage as bars. The words a figure shows are checked for real
names before it is written (a picture cannot be read back for them)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from sdi.cli.common import EXIT_NAMES, opened
from sdi.cli.matrix import COLUMNS, MEASURES, ROWS
from sdi.i18n import t

KINDS = ("heatmap", "concept-map", "bars")
DEFAULT_NAMES = {"heatmap": "varmekart", "concept-map": "begrepskart", "bars": "kodinger-per-runde"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "figure",
        help="help.figure",
        description="desc.figure",
    )
    parser.add_argument("kind", choices=KINDS, metavar="meta.kind")
    parser.add_argument("--rows", choices=ROWS, default="code-group")
    parser.add_argument("--columns", choices=COLUMNS, default="group")
    parser.add_argument("--measure", choices=MEASURES, default="codings")
    parser.add_argument("--format", choices=("svg", "png"), default="svg")
    parser.add_argument("--output", "-o", type=Path, metavar="meta.file", help="help.figure.output")
    parser.add_argument("--allow-names", action="store_true", help="help.figure.allow_names")
    parser.set_defaults(handler=run)


def figure_of(project: Any, kind: str, rows: str = "code-group", columns: str = "group",
              measure: str = "codings") -> Any:  # fmt: skip
    from sdi.workflow.figure_data import figure_data

    return figure_data(project, kind.replace("-", "_"), rows.replace("-", "_"), columns, measure)


def names_allowed(
    figure: Any, names: tuple[str, ...], allowed: bool, target: str, language: str = "nb"
) -> bool:
    """False (and the names said on stderr) when the figure would show a real name from the key."""
    from sdi.export.figures import labels_of
    from sdi.workflow.name_check import find_names

    found = find_names(labels_of(figure), names)
    if not found or allowed:
        return True
    print(t("out.figure.names", language, path=target), file=sys.stderr)
    for where in found:
        print(f"  {where}", file=sys.stderr)
    print(t("out.figure.allow", language), file=sys.stderr)
    return False


def run(args: argparse.Namespace) -> int:
    from sdi.export.figures import write_figure
    from sdi.workflow.errors import WorkflowError

    with opened(args) as project:
        figure = figure_of(project, args.kind, args.rows, args.columns, args.measure)
        config = project.config
    path: Path = args.output or config.exports_dir / f"{DEFAULT_NAMES[args.kind]}.{args.format}"
    if path.suffix.lower() not in (".svg", ".png"):
        raise WorkflowError(key="error.figure.format", path=path)
    if not names_allowed(figure, tuple(config.known_names), args.allow_names, str(path), config.language):
        return EXIT_NAMES
    write_figure(path, figure)
    print(t("mx.written", config.language, path=path, what=figure.title))
    return 0
