"""`sdi codebook import FILE` / `sdi codebook export [FILE]`: codebooks as diff-friendly TOML files."""

from __future__ import annotations

import argparse
from pathlib import Path

from sdi.cli.common import EXIT_NAMES, no_real_names, opened


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "codebook",
        help="import or export a codebook (codebooks/*.toml)",
        description="Codebooks as diff-friendly TOML files with stable ids (format "
        "sdi-codebook/1): codes, code groups, concepts, memos and, optionally, codings "
        "anchored by their exact words.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="add a codebook's groups, codes, codings and concepts",
        description="Add what is new in a codebook (matched by id); existing objects are "
        "left as they are. One transaction: a bad codebook changes nothing.",
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=run_import)
    exp = actions.add_parser(
        "export",
        help="write the project's codebook",
        description="Write the project's codebook in a stable order (default: codebooks/kodebok.toml).",
    )
    exp.add_argument("file", type=Path, nargs="?")
    exp.add_argument("--with-codings", action="store_true", help="include codings, anchored by their words")
    exp.add_argument(
        "--replace-names",
        action="store_true",
        help="write real names the project knows as their pseudonyms instead of refusing the file",
    )
    exp.add_argument("--allow-names", action="store_true", help="keep the file even if it holds real names")
    exp.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace) -> int:
    from sdi.workflow.codebook import import_codebook_file

    with opened(args) as project:
        report = import_codebook_file(project, args.file)
    print(
        f"{args.file}: {report.groups} kodegrupper, {report.codes} koder, {report.codings} kodinger, "
        f"{report.concepts} begreper, {report.memos} memoer lagt til; {report.skipped} fantes fra før"
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    """The codebook file goes to git and to colleagues: read back and refused (or written with the
    pseudonyms, --replace-names) when a real name the project knows is in it, like every export."""
    from sdi.export.codebook_file import write_codebook
    from sdi.workflow.codebook import default_codebook_path, export_codebook

    with opened(args) as project:
        codebook = export_codebook(project, with_codings=args.with_codings)
        path = write_codebook(codebook, args.file or default_codebook_path(project))
        known = project.config.known_names
    if not no_real_names(path, known, args.allow_names, replace=args.replace_names):
        return EXIT_NAMES
    print(f"{path}: {len(codebook.codes)} koder, {len(codebook.groups)} kodegrupper")
    return 0
