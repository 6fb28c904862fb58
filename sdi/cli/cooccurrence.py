"""`sdi cooccurrence`: which codes (code groups, concepts) occur together — in the same turn, in overlapping
codings, or within N turns — with counts and Jaccard's measure (which corrects for how common each is);
printed as an aligned table or written as CSV/xlsx (xlsx: the pairs, and the square matrix when it is
small enough to read)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sdi.cli.common import opened
from sdi.cli.matrix import ROWS, add_file_options, print_sheet, write_sheets
from sdi.i18n import t

if TYPE_CHECKING:
    from sdi.export.spreadsheet import SheetTable
    from sdi.workflow.cooccurrence import Cooccurrence

MODES = ("turn", "overlap", "near")
SQUARE_LIMIT = 250  # rows of the square matrix sheet; beyond that only the pairs are written


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "cooccurrence",
        help="help.cooccurrence",
        description="desc.cooccurrence",
    )
    parser.add_argument("--rows", choices=ROWS, default="code")
    parser.add_argument("--by", choices=MODES, default="turn", help="help.cooccurrence.by")
    parser.add_argument("--within", type=int, default=1, metavar="N", help="help.cooccurrence.within")
    parser.add_argument("--top", type=int, default=30, metavar="N", help="help.cooccurrence.top")
    add_file_options(parser)
    parser.set_defaults(handler=run)


def pairs_sheet(found: Cooccurrence, language: str, top: int = 0) -> SheetTable:
    from sdi.export.spreadsheet import SheetTable

    keys = ("mx.cooc.first", "mx.cooc.second", "mx.cooc.count", "mx.cooc.units_first", "mx.cooc.units_second",
            "mx.cooc.jaccard")  # fmt: skip
    header = [t(key, language) for key in keys]
    pairs = found.pairs[:top] if top > 0 else found.pairs
    rows: list[list[str | int | float | None]] = [
        [found.items[p.first].label, found.items[p.second].label, p.count, found.units[p.first],
         found.units[p.second], round(p.jaccard, 4)]
        for p in pairs
    ]  # fmt: skip
    return SheetTable(t("mx.cooc.pairs", language), header, rows, decimals=frozenset({5}))


def square_sheet(found: Cooccurrence, language: str) -> SheetTable | None:
    """Items that occur with another × the same items, counts; None when there are too many to read."""
    from sdi.export.spreadsheet import SheetTable

    used = sorted({p.first for p in found.pairs} | {p.second for p in found.pairs})
    if not used or len(used) > SQUARE_LIMIT:
        return None
    table = found.square("count")
    header = [t(f"mx.rows.{found.rows_by}", language), *(found.items[i].label for i in used)]
    rows: list[list[str | int | float | None]] = [
        [found.items[i].label, *(table[i][j] for j in used)] for i in used
    ]
    return SheetTable(t("mx.cooc.square", language), header, rows)


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.cooccurrence import cooccurrence

    rows_by = args.rows.replace("-", "_")
    with opened(args) as project:
        config, coder = project.config, project.coder_name
        language = config.language
        found = cooccurrence(project, rows_by, args.by, args.within, language)
    mode = t(f"mx.cooc.mode.{args.by}", language, within=args.within)
    if args.format != "text":
        sheets = [pairs_sheet(found, language)]
        square = square_sheet(found, language)
        if square is not None and args.format == "xlsx":
            sheets.append(square)
        elif args.format == "xlsx" and found.pairs:
            print(t("mx.cooc.square_skipped", language, count=len(found.items), limit=SQUARE_LIMIT))
        return write_sheets(args, sheets, f"samforekomst-{args.rows}-{args.by}", tuple(config.known_names),
                            config.title, coder, language, config.exports_dir)  # fmt: skip
    print(t("mx.cooc.title", language, mode=mode, count=len(found.pairs)))
    if not found.pairs:
        print(t("mx.cooc.none", language))
        return 0
    print()
    print_sheet(pairs_sheet(found, language, args.top), language)
    if 0 < args.top < len(found.pairs):
        print(t("mx.cooc.shown", language, shown=args.top, count=len(found.pairs)))
    return 0
