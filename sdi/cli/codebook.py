"""`sdi codebook import FILE` / `sdi codebook export [FILE]`: codebooks as diff-friendly TOML files, as CSV
(spreadsheets, Taguette) or as REFI-QDA (.qdc, or the codebook part of a .qdpx), chosen by the extension."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sdi.cli.common import EXIT_NAMES, no_real_names_in, opened


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "codebook",
        help="import or export a codebook (.toml, .csv, .qdc, .qdpx)",
        description="Codebooks as diff-friendly TOML files with stable ids (format "
        "sdi-codebook/1): codes, code groups, concepts, memos and, optionally, codings "
        "anchored by their exact words. By the file's extension also CSV (columns name, description, "
        "group, memo, id: what spreadsheets and Taguette read) and REFI-QDA (.qdc, or the codes, "
        "categories and Sets of a .qdpx) for NVivo, ATLAS.ti, MAXQDA and QualCoder.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="add a codebook's groups, codes, codings and concepts",
        description="Add what is new in a codebook (matched by id; a CSV's codes and groups also by "
        "name, a REFI-QDA file's codes also by name and place or description); existing objects are "
        "left as they are. One transaction: a bad codebook changes nothing.",
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=run_import)
    exp = actions.add_parser(
        "export",
        help="write the project's codebook",
        description="Write the project's codebook in a stable order (default: codebooks/kodebok.toml); "
        "FILE's extension chooses the format: .toml, .csv, .qdc or .qdpx. A CSV, .qdc or .qdpx is read "
        "back and removed if it contains a real name from the pseudonym key.",
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
    from sdi.workflow.exchange.codebook import import_codebook_file

    with opened(args) as project:
        report = import_codebook_file(project, args.file)
    print(
        f"{args.file}: {report.groups} kodegrupper, {report.codes} koder, {report.codings} kodinger, "
        f"{report.concepts} begreper, {report.memos} memoer lagt til; {report.skipped} fantes fra før"
        + (f" ({report.recognised} koder gjenkjent ved navn, beskrivelse eller kodinger)" if report.recognised
           else "")
    )  # fmt: skip
    for warning in report.warnings:
        print(f"  advarsel: {warning}", file=sys.stderr)
    return 0


def run_export(args: argparse.Namespace) -> int:
    """The codebook file goes to git and to colleagues: read back and refused (or, TOML and CSV, written with
    the pseudonyms: --replace-names) when a real name the project knows is in it, like every export."""
    from sdi.export.codebook_file import write_codebook, write_codebook_csv
    from sdi.export.refi import write_qdc, write_qdpx
    from sdi.workflow.exchange.codebook import SUFFIXES, default_codebook_path, export_codebook
    from sdi.workflow.exchange.refi import gather_refi

    path = args.file
    suffix = path.suffix.lower() if path is not None else ".toml"
    if suffix not in SUFFIXES:
        known = ", ".join(SUFFIXES)
        print(f"sdi: error: {path}: unknown codebook format '{suffix}': use {known}", file=sys.stderr)
        return 2
    with opened(args) as project:
        if suffix in (".qdc", ".qdpx"):
            data = gather_refi(project, codebook_only=True)
            written = (write_qdc if suffix == ".qdc" else write_qdpx)(data, path)
            counts = (sum(c.codable for c in data.codes), len(data.sets))
        else:
            codebook = export_codebook(project, with_codings=args.with_codings)
            writer = write_codebook_csv if suffix == ".csv" else write_codebook
            written = writer(codebook, path or default_codebook_path(project))
            counts = (len(codebook.codes), len(codebook.groups))
        names = project.config.known_names
    replace = args.replace_names if suffix in (".toml", ".csv") else None
    if not no_real_names_in(written, names, args.allow_names, replace=replace):
        return EXIT_NAMES
    print(f"{written}: {counts[0]} koder, {counts[1]} kodegrupper")
    return 0
