"""`sdi keywords`: the distinctive words of each focus group, category, site or stage, as a compact table."""

from __future__ import annotations

import argparse

from sdi.cli.common import count, opened
from sdi.cli.table import render
from sdi.i18n import t

SLICES = ("group", "category", "site", "stage")  # as sdi.workflow.keywords.SLICES, without importing it


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "keywords",
        help="help.keywords",
        description="desc.keywords",
    )
    parser.add_argument("--by", "-b", choices=SLICES, default="group", help="help.keywords.by")
    parser.add_argument("--top", "-n", type=count, default=10, metavar="meta.n", help="help.keywords.top")
    parser.add_argument(
        "--min-count",
        type=count,
        default=5,
        metavar="N",
        help="help.keywords.min_count",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.keywords import CRITICAL_1, keywords_by

    with opened(args) as project:
        slices = keywords_by(project, args.by, args.top, args.min_count)
    lang = project.config.language
    if not slices:
        print(t("kw.empty", lang))
        return 0
    if len(slices) == 1:
        print(t("kw.one_slice", lang, what=t(f"kw.by.{args.by}", lang).lower()))
        return 0
    rows: list[list[object]] = []
    for part in slices:
        name = t("kw.stage_name", lang, number=part.name) if args.by == "stage" else part.name
        if not part.keywords:
            rows.append([name, t("kw.none", lang), "", "", "", ""])
        for index, word in enumerate(part.keywords):
            g2, rate = _decimal(word.g2, lang), _decimal(word.per_thousand, lang)
            rows.append([name if index == 0 else "", word.lemma, g2, word.count, word.rest, rate])
    headers = [t(f"kw.by.{args.by}", lang), *(t(k, lang) for k in ("kw.lemma", "kw.g2", "kw.count", "kw.rest",
                                                                    "kw.rate"))]  # fmt: skip
    print(render(headers, rows, [False, False, True, True, True, True]))
    print(t("kw.note", lang, g2=_decimal(CRITICAL_1, lang, 2), count=args.min_count))
    return 0


def _decimal(value: float, lang: str, places: int = 1) -> str:
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if lang == "nb" else text
