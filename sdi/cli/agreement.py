"""`sdi agreement`: inter-coder agreement per code and overall, and the passages where coders differ."""

from __future__ import annotations

import argparse
import textwrap

from sdi.cli.common import count, opened
from sdi.cli.table import render


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "agreement",
        help="inter-coder agreement: percent, Cohen's kappa, Krippendorff's alpha, and the disagreements",
        description="How far two or more coders apply the same codes to the same units (the informants' "
        "sentences, or turns). A coder applied a code to a unit when one of their codings of it overlaps at "
        "least half of the unit or lies entirely inside it. Only transcripts a coder has coded count for "
        "that coder. Per code and overall (every unit × code a yes/no decision): percent agreement, Cohen's "
        "kappa (two coders) and Krippendorff's alpha (nominal); then the passages to discuss.",
    )
    parser.add_argument("--unit", choices=("sentence", "turn"), default="sentence", help="default: sentence")
    parser.add_argument("--coders", metavar="A,B,...", help="the coders to compare (default: all who coded)")
    parser.add_argument("--code", metavar="ID", help="only this code (its id or number)")
    parser.add_argument("--limit", "-n", type=count, default=50, help="show at most this many disagreements")
    parser.set_defaults(handler=run)


def _number(value: float | None, percent: bool = False) -> str:
    if value is None:
        return "–"
    return f"{100 * value:.1f} %" if percent else f"{value:.3f}"


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.agreement import agreement

    coders = [c.strip() for c in (args.coders or "").split(",") if c.strip()]
    with opened(args) as project:
        report = agreement(project, args.unit, coders, args.code)
    unit = "setninger" if report.unit == "sentence" else "ytringer"
    print(f"koderne {', '.join(report.coders)}: {report.transcripts} transkripsjoner kodet av minst to, "
          f"{report.units} {unit}")  # fmt: skip
    headers = ["kode", "enheter", *report.coders, "enighet", "kappa", "alfa"]
    rows = [
        [row.statement[:60], row.units, *row.applied, _number(row.percent, True), _number(row.kappa),
         _number(row.alpha)]
        for row in (*report.codes, *([report.overall] if report.overall else []))
    ]  # fmt: skip
    print(render(headers, rows, [False, *([True] * (len(headers) - 1))]))
    if report.overall:
        print("(«Alle koder»: hver enhet × kode er én ja/nei-beslutning)")
    if not report.disagreements:
        print("\ningen uenighet")
        return 0
    print(f"\n{len(report.disagreements)} {unit} der koderne er uenige:")
    for item in report.disagreements[: args.limit]:
        where = item.unit
        print(f"\n{where.source_path}:{where.line}  {where.speaker}")
        print(textwrap.fill(where.text, 100, initial_indent="    ", subsequent_indent="    "))
        for statement, yes, no in item.codes:
            print(f"    «{statement}»: {', '.join(yes)} ja; {', '.join(no)} nei")
    if len(report.disagreements) > args.limit:
        print(f"\n… og {len(report.disagreements) - args.limit} til (--limit)")
    return 0
