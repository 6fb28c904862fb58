"""`sdi search QUERY`: lemma search with key-word-in-context lines; `--fuzzy` for a half-remembered quote."""

from __future__ import annotations

import argparse

from sdi.cli.common import opened


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "search",
        help="find turns by lemma, phrase or prefix; --fuzzy for a half-remembered quote",
        description="Search the transcripts. Words match every inflected form (barnehage finds barnehagen, "
        'barnehager, barnehagene); "several words" is a phrase; -word excludes; pre* is a prefix. '
        "With --fuzzy the query is a half-remembered or paraphrased sentence, and the closest sentences are "
        "shown with a score (0–100).",
    )
    parser.add_argument("query", nargs="+", help="what to look for")
    parser.add_argument("--fuzzy", "-f", action="store_true", help="find the sentences most like the query")
    parser.add_argument("--limit", "-n", type=int, default=20, help="at most this many results (default 20)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.search import find_quote, search

    query = " ".join(args.query)
    with opened(args) as project:
        if args.fuzzy:
            for found in find_quote(project, query, args.limit):
                turn = found.turn
                print(f"{found.score:5.1f}  {turn.source_path}:{turn.line}  {turn.speaker}  {found.sentence}")
            return 0
        result = search(project, query, args.limit)
    if result.ignored:
        print(f"(ignored stop words: {', '.join(result.ignored)})")
    for hit in result.hits:
        who = f"{hit.speaker} ({hit.role})" if hit.role else hit.speaker
        print(f"{hit.source_path}:{hit.line}  {who}")
        print(f"    {hit.kwic()}")
    print(f"{len(result.hits)} treff")
    return 0
