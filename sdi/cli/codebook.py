"""`sdi codebook import FILE` / `sdi codebook export [FILE]`: codebooks as diff-friendly TOML files, as CSV
(spreadsheets, Taguette) or as REFI-QDA (.qdc, or the codebook part of a .qdpx), chosen by the extension."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sdi.cli.common import EXIT_NAMES, no_real_names_in, opened, said_in
from sdi.i18n import said, t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "codebook",
        help="help.codebook",
        description="desc.codebook",
    )
    actions = parser.add_subparsers(dest="action", metavar="meta.action", required=True)
    imp = actions.add_parser(
        "import",
        help="help.codebook.import",
        description="desc.codebook.import",
    )
    imp.add_argument("file", type=Path, metavar="meta.file")
    imp.set_defaults(handler=run_import)
    exp = actions.add_parser(
        "export",
        help="help.codebook.export",
        description="desc.codebook.export",
    )
    exp.add_argument("file", type=Path, nargs="?", metavar="meta.file")
    exp.add_argument("--with-codings", action="store_true", help="help.codebook.exp.with_codings")
    exp.add_argument(
        "--replace-names",
        action="store_true",
        help="help.codebook.exp.replace_names",
    )
    exp.add_argument("--allow-names", action="store_true", help="help.codebook.exp.allow_names")
    exp.set_defaults(handler=run_export)


def run_import(args: argparse.Namespace) -> int:
    from sdi.workflow.exchange.codebook import import_codebook_file

    with opened(args) as project:
        report = import_codebook_file(project, args.file)
    lang = said_in(args)
    print(
        t("out.codebook.imported", lang, file=args.file, groups=report.groups, codes=report.codes,
          codings=report.codings, concepts=report.concepts, memos=report.memos, skipped=report.skipped)
        + (t("out.codebook.recognised", lang, count=report.recognised) if report.recognised else "")
    )  # fmt: skip
    for warning in report.warnings:
        print(t("out.warning", lang, warning=said(warning, lang)), file=sys.stderr)
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
        print(t("out.codebook.format", said_in(args), path=path, suffix=suffix, known=known), file=sys.stderr)
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
    if not no_real_names_in(written, names, args.allow_names, replace=replace, language=said_in(args)):
        return EXIT_NAMES
    print(t("out.codebook.written", said_in(args), path=written, codes=counts[0], groups=counts[1]))
    return 0
