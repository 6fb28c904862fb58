"""`sdi export quotes SET`: a quote set as a Word document for a paper or a poster, checked for real names
before it is allowed to stay on disk."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sdi.cli.common import open_from_args

EXIT_NAMES = 3


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "export",
        help="write quote sets to Word (exports/)",
        description="Write analysis results to files in exports/.",
    )
    kinds = parser.add_subparsers(dest="kind", metavar="WHAT", required=True)
    quotes = kinds.add_parser(
        "quotes",
        help="a quote set as a Word document",
        description="A quote set as a Word document: 'paper' puts quotes under headings by "
        "concept or code group with attributions; 'poster' gives each focus-group category a "
        "heading with N participants, a headline quote and the supporting quotes.",
    )
    quotes.add_argument("set", help="quote set name or id")
    quotes.add_argument("--layout", choices=("paper", "poster"), default="paper")
    quotes.add_argument("--block", action="store_true", help="block quotes instead of «…» quotation marks")
    quotes.add_argument(
        "--appendix", action="store_true", help="append the original wording of edited quotes"
    )
    quotes.add_argument("--output", "-o", type=Path, help="file (default: exports/<set>-<layout>.docx)")
    quotes.add_argument(
        "--allow-names",
        action="store_true",
        help="keep the file even if a real name from the pseudonym list is found in it",
    )
    quotes.set_defaults(handler=run_quotes)


def _slug(name: str) -> str:
    kept = "".join(ch.lower() if ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in kept.split("-") if part) or "sitater"


def run_quotes(args: argparse.Namespace) -> int:
    from sdi.export.names import names_in_export
    from sdi.export.word import WordQuote, write_paper, write_poster
    from sdi.workflow.quote import find_quote_set, quote_set_export

    project = open_from_args(args)
    try:
        data = quote_set_export(project, find_quote_set(project, args.set))
        language = project.config.language
        path = args.output or project.config.exports_dir / f"{_slug(data.name)}-{args.layout}.docx"
    finally:
        project.close()
    quotes = [
        WordQuote(q.display, q.original, q.edited, q.context.attribution_in(language),
                  q.context.concept or q.context.code_group, q.context.category or q.context.group)
        for q in data.quotes
    ]  # fmt: skip
    if args.layout == "paper":
        write_paper(
            path,
            data.name,
            data.description,
            quotes,
            language=language,
            block=args.block,
            appendix=args.appendix,
        )
    else:
        write_poster(path, data.name, quotes, data.participants_per_category, language=language)
    found = names_in_export(path, data.pseudonymised_names)
    if found and not args.allow_names:
        path.unlink()
        print(
            f"sdi: error: {path} contained real names from the pseudonym list and was removed:",
            file=sys.stderr,
        )
        for where in found:
            print(f"  {where}", file=sys.stderr)
        print("  (use --allow-names to keep such a file)", file=sys.stderr)
        return EXIT_NAMES
    print(f"{path}: {len(quotes)} sitater ({args.layout})")
    return 0
