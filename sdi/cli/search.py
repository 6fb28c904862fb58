"""`sdi search QUERY`: lemma search with key-word-in-context lines; `--fuzzy` for a half-remembered quote."""

from __future__ import annotations

import argparse

from sdi.cli.common import count
from sdi.i18n import t


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "search",
        help="help.search",
        description="desc.search",
    )
    parser.add_argument("query", nargs="+", metavar="meta.words", help="help.search.query")
    parser.add_argument("--fuzzy", "-f", action="store_true", help="help.search.fuzzy")
    parser.add_argument("--limit", "-n", type=count, default=20, metavar="meta.n", help="help.search.limit")
    add_filter_options(parser)
    parser.set_defaults(handler=run)


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """--group, --category, … : each may be repeated (any of its values); different options combine."""
    filters = parser.add_argument_group("help.search.filters", "desc.search.filters")
    for option, dest in (
        ("--group", "groups"),
        ("--category", "categories"),
        ("--site", "sites"),
        ("--stage", "stages"),
        ("--role", "roles"),
        ("--participant", "participants"),
        ("--code", "codes"),
        ("--code-group", "code_groups"),
    ):
        what = "help.search." + option.removeprefix("--").replace("-", "_")
        filters.add_argument(option, dest=dest, action="append", default=[], metavar="meta.value", help=what)


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
