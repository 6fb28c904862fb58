"""`sdi search QUERY`: lemma search with key-word-in-context lines; `--fuzzy` for a half-remembered quote."""

from __future__ import annotations

import argparse

from sdi.cli.common import count
from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    parser.add_argument(
        "--limit", "-n", type=count, default=20, help="at most this many results (default 20)"
    )
    add_filter_options(parser)
    parser.set_defaults(handler=run)


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """--group, --category, … : each may be repeated (any of its values); different options combine."""
    filters = parser.add_argument_group(
        "filters", "narrow the search; values ignore case; repeat an option for several values"
    )
    for option, dest, what in (
        ("--group", "groups", "focus group, e.g. 'Barnehage Åsmark'"),
        ("--category", "categories", "kind of group, e.g. barnehage, skole"),
        ("--site", "sites", "site (municipality)"),
        ("--stage", "stages", "stage number"),
        ("--role", "roles", "speaker role, e.g. 'pedagogisk leder'"),
        ("--participant", "participants", "participant pseudonym"),
        ("--code", "codes", "turns coded with this code (statement or id)"),
        ("--code-group", "code_groups", "turns coded with a code in this code group (name or id)"),
    ):
        filters.add_argument(option, dest=dest, action="append", default=[], metavar="VALUE", help=what)


def search_filter(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The filter the options describe (imported lazily: the workflow is not loaded for --help)."""
    from sdi.workflow.search_filter import SearchFilter

    names = ("groups", "categories", "sites", "stages", "roles", "participants", "codes", "code_groups")
    return SearchFilter(**{name: tuple(getattr(args, name)) for name in names})


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.search import search_at

    query = " ".join(args.query)
    within = search_filter(args)
    if args.fuzzy:
        return _fuzzy(args, query, within)
    result, config = search_at(args.project, args.coder, query, args.limit, within)
    lang = config.language
    if result.ignored:
        print(t("search.ignored", lang, words=", ".join(result.ignored)))
    for hit in result.hits:
        print(f"{hit.source_path}:{hit.line}  {_who(hit)}")
        print(f"    {hit.kwic()}")
    if result.total > len(result.hits):
        print(t("search.hits_limited", lang, shown=len(result.hits), count=result.total))
    else:
        print(t("search.hits", lang, count=len(result.hits)))
    return 0


def _fuzzy(args: argparse.Namespace, query: str, within) -> int:  # type: ignore[no-untyped-def]
    """The sentences (or whole turns, marked ¶) most like a half-remembered quote, with the score that
    ordered them and the words they share with it; one line saying so when none is close enough."""
    from sdi.workflow.likeness import RETRIEVAL_FLOOR, explain
    from sdi.workflow.quote_finder import find_quote_at

    found, config = find_quote_at(args.project, args.coder, query, args.limit, within)
    lang = config.language
    if not found:
        print(t("sim.no_match", lang, query=query, floor=RETRIEVAL_FLOOR))
        return 0
    for hit in found:
        turn = hit.turn
        mark = "¶ " if hit.unit == "turn" else ""
        print(f"{hit.score:5.1f}  {turn.source_path}:{turn.line}  {_who(turn)}  {mark}{hit.sentence}")
        print(f"       {explain(hit.shared, lang)}")
    return 0


def _who(hit) -> str:  # type: ignore[no-untyped-def]
    return f"{hit.speaker} ({hit.role})" if hit.role and hit.role != hit.speaker else hit.speaker
