"""`sdi code similar TEXT`: the existing codes that say most nearly what TEXT says — the list the code picker
shows while a new code is typed, so a researcher (or a script) can check before writing a duplicate."""

from __future__ import annotations

import argparse
import json

from sdi.cli.common import count
from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "code",
        help="help.code",
        description="desc.code",
    )
    nouns = parser.add_subparsers(dest="code_command", metavar="meta.action", required=True)
    similar = nouns.add_parser(
        "similar",
        help="help.code.similar",
        description="desc.code.similar",
    )
    similar.add_argument("text", nargs="+", metavar="meta.text", help="help.code.similar.text")
    similar.add_argument("-n", "--limit", type=count, default=8, metavar="meta.n", help="help.code.similar.n")
    similar.add_argument(
        "--json",
        action="store_true",
        help="help.code.similar.json",
    )
    similar.set_defaults(handler=run_similar)


def run_similar(args: argparse.Namespace) -> int:
    from sdi.workflow.code_similarity import similar_codes_at
    from sdi.workflow.likeness import SAME_AT, explain

    text = " ".join(" ".join(args.text).split())
    found, config = similar_codes_at(args.project, args.coder, text, max(1, args.limit))
    lang = config.language
    if args.json:
        print(json.dumps([
            {"statement": code.statement, "score": likeness.score, "same": likeness.same, "id": code.id,
             "group": code.group_name, "codings": code.codings,
             "shared": [{"word": w, "other": o, "kind": k} for w, o, k in likeness.shared]}
            for code, likeness in found
        ], ensure_ascii=False, indent=1))  # fmt: skip
        return 0
    if not found:
        print(t("sim.no_similar", lang, text=text))
        return 0
    print(t("sim.header", lang, threshold=SAME_AT))
    for code, likeness in found:
        mark = "=" if likeness.same else " "
        print(f"{likeness.score:5.1f} {mark} {code.statement}")
        print(f"        {explain(likeness.shared, lang)}")
    return 0
