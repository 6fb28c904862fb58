"""`sdi agreement`: inter-coder agreement per code and overall, and the passages where coders differ."""

from __future__ import annotations

import argparse
import textwrap

from sdi.cli.common import count, opened, said_in
from sdi.cli.table import render
from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "agreement",
        help="help.agreement",
        description="desc.agreement",
    )
    parser.add_argument(
        "--unit", choices=("sentence", "turn"), default="sentence", help="help.agreement.unit"
    )
    parser.add_argument("--coders", metavar="A,B,...", help="help.agreement.coders")
    parser.add_argument("--code", metavar="meta.id", help="help.agreement.code")
    parser.add_argument(
        "--limit", "-n", type=count, default=50, metavar="meta.n", help="help.agreement.limit"
    )
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
    lang = said_in(args)
    unit = t("out.agreement.sentences" if report.unit == "sentence" else "out.agreement.turns", lang)
    print(t("out.agreement.header", lang, coders=", ".join(report.coders), transcripts=report.transcripts,
            units=report.units, unit=unit))  # fmt: skip
    headers = [t("out.agreement.code", lang), t("out.agreement.units", lang), *report.coders,
               *(t(f"out.agreement.{key}", lang) for key in ("percent", "kappa", "alpha"))]  # fmt: skip
    rows = [
        [row.statement[:60], row.units, *row.applied, _number(row.percent, True), _number(row.kappa),
         _number(row.alpha)]
        for row in (*report.codes, *([report.overall] if report.overall else []))
    ]  # fmt: skip
    print(render(headers, rows, [False, *([True] * (len(headers) - 1))]))
    if report.overall:
        print(t("out.agreement.all_codes", lang))
    if not report.disagreements:
        print("\n" + t("out.agreement.none", lang))
        return 0
    print("\n" + t("out.agreement.disagree", lang, count=len(report.disagreements), unit=unit))
    for item in report.disagreements[: args.limit]:
        where = item.unit
        print(f"\n{where.source_path}:{where.line}  {where.speaker}")
        print(textwrap.fill(where.text, 100, initial_indent="    ", subsequent_indent="    "))
        for statement, yes, no in item.codes:
            print(
                "    "
                + t("out.agreement.votes", lang, statement=statement, yes=", ".join(yes), no=", ".join(no))
            )
    if len(report.disagreements) > args.limit:
        print("\n" + t("out.agreement.more", lang, count=len(report.disagreements) - args.limit))
    return 0
