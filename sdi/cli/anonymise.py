"""`sdi anonymise`: list the names left in the stored transcripts with the pseudonyms proposed for them;
`--write-review` writes them to a file to accept, edit or reject; `--apply` writes the key and rewrites the
stored text (all proposals, or the accepted ones of `--review FILE`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.cli.common import opened
from sdi.i18n import t

if TYPE_CHECKING:
    from sdi.workflow.anonymise.names import NameProposal

SHOWN_PLACES = 3


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("anonymise", help="help.anonymise", description="desc.anonymise")
    parser.add_argument(
        "--write-review", nargs="?", const="", metavar="meta.file", help="help.anonymise.write_review"
    )
    parser.add_argument("--apply", action="store_true", help="help.anonymise.apply")
    parser.add_argument("--review", type=Path, metavar="meta.file", help="help.anonymise.review")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.anonymise.names import apply_decisions, as_proposed, find_names
    from sdi.workflow.anonymise.review import read_review, review_path, write_review
    from sdi.workflow.errors import WorkflowError
    from sdi.workflow.overview import nlp_description

    if args.review is not None and not args.apply:
        raise WorkflowError(key="anon.review_needs_apply")
    with opened(args) as project:
        language = project.config.language
        if args.apply and args.review is not None:
            decisions = read_review(args.review)
            if not decisions:
                print(t("anon.nothing", language))
                return 0
        else:
            proposals = find_names(project)
            if not proposals:
                print(t("anon.none", language))
                return 0
            decisions = as_proposed(proposals)
            if args.write_review is not None:
                path = write_review(review_path(project.config, args.write_review), proposals)
                print(t("anon.review_written", language, path=path, count=len(proposals)))
                return 0
            if not args.apply:
                print(t("anon.found", language, count=len(proposals), pipeline=nlp_description(project)))
                _table(proposals, language)
                print(t("anon.hint", language))
                return 0
        report = apply_decisions(project, decisions)
    print(
        t(
            "anon.applied",
            language,
            names=report.names,
            file=report.key_path,
            replacements=report.replacements,
            documents=report.documents,
        )
    )
    if report.flagged:
        print(t("anon.flagged", language, count=report.flagged))
    return 0


def _table(proposals: Sequence[NameProposal], language: str) -> None:
    from sdi.cli.table import render

    rows = []
    for proposal in proposals:
        places = [str(o) for o in proposal.occurrences[:SHOWN_PLACES]]
        if proposal.count > SHOWN_PLACES:
            places.append(t("anon.more", language, count=proposal.count - SHOWN_PLACES))
        replacement = proposal.replacement + (f" ({t('anon.reused', language)})" if proposal.reused else "")
        name = proposal.name
        if proposal.variants:
            name += " (" + t("anon.variants", language, forms=", ".join(proposal.variants)) + ")"
        kind = t(f"anon.kind.{proposal.kind}", language)
        rows.append([name, kind, str(proposal.count), replacement, "; ".join(places)])
    headers = [t(f"anon.col.{c}", language) for c in ("name", "kind", "count", "replacement", "where")]
    print(render(headers, rows, [False, False, True, False, False]))
