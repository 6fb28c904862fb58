"""`sdi merge A.toml [B.toml] [--apply DECISIONS.toml]`: merge codebooks across coders.

Without --apply the proposal is printed side by side and a decisions template is written to
`codebooks/merge-<date>.toml`; the researchers edit it (accept / rename / apart per pair) and run the same
command with --apply. The decisions file (format `sdi-merge/1`, shared with the TUI merge view) is
`sdi.workflow.exchange.merge_decisions`; it names what was merged, so `sdi merge --apply FILE` alone rebuilds
the same proposal."""

from __future__ import annotations

import argparse
import shutil
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.cli.common import EXIT_NAMES, no_real_names_in, opened, said_in
from sdi.i18n import t

if TYPE_CHECKING:
    from sdi.workflow.exchange.merge import MergeProposal, Side, SideCode
    from sdi.workflow.project import Project

PASSAGES = 3  # passages shown per code


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("merge", help="help.merge", description="desc.merge")
    parser.add_argument("files", type=Path, nargs="*", metavar="meta.codebook", help="help.merge.files")
    parser.add_argument("--coders", metavar="A,B", help="help.merge.coders")
    parser.add_argument("--from", dest="names", metavar="NAME[,NAME]", help="help.merge.from")
    parser.add_argument("--apply", type=Path, metavar="meta.decisions", help="help.merge.apply")
    parser.add_argument("--replace-names", action="store_true", help="help.merge.replace_names")
    parser.add_argument("--allow-names", action="store_true", help="help.merge.allow_names")
    parser.set_defaults(handler=run)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _propose(project: Project, args: argparse.Namespace) -> MergeProposal | None:
    from sdi.workflow.errors import WorkflowError
    from sdi.workflow.exchange.merge import propose_coders, propose_files, propose_merge

    coders, names = _split(args.coders), _split(args.names)
    if coders and args.files:
        raise WorkflowError(key="exchange.merge_files_or_coders")
    if coders:
        if len(coders) != 2:
            raise WorkflowError(key="exchange.merge_two_coders")
        return propose_coders(project, coders[0], coders[1])
    if len(args.files) == 1:
        return propose_merge(project, args.files[0], names[0] if names else "")
    if len(args.files) == 2:
        return propose_files(project, args.files[0], args.files[1], names)
    if args.files:
        raise WorkflowError(key="exchange.merge_how_many")
    return None


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.errors import WorkflowError
    from sdi.workflow.exchange.merge_apply import apply_merge
    from sdi.workflow.exchange.merge_decisions import proposal_from_file, read_decisions, write_decisions

    lang = said_in(args)
    with opened(args) as project:
        if args.apply is not None:
            plan = read_decisions(args.apply)
            if args.files and not args.names:  # the coders the template was written for
                args.names = plan.right[2] if len(args.files) == 1 else f"{plan.left[2]},{plan.right[2]}"
            proposal = _propose(project, args) or proposal_from_file(project, plan)
            report = apply_merge(project, proposal, plan.decisions)
            print(t("out.merge.applied", lang, merged=report.merged, renamed=report.renamed,
                    apart=report.kept_apart, codes=report.codes_added, codings=report.codings_added,
                    moved=report.codings_moved))  # fmt: skip
            for conflict in report.conflicts:
                print(t("out.merge.conflict", lang, conflict=conflict))
            return 0
        proposed = _propose(project, args)
        if proposed is None:
            raise WorkflowError(key="exchange.merge_nothing_named")
        print(render_proposal(proposed, lang))
        path = write_decisions(project, proposed)
        known = project.config.known_names
    if not no_real_names_in(path, known, args.allow_names, replace=args.replace_names):
        return EXIT_NAMES
    print(t("out.merge.decisions", lang, path=path))
    return 0


# --- the proposal, side by side ----------------------------------------------------------------------


def _column(code: SideCode, width: int, lang: str) -> list[str]:
    lines = textwrap.wrap(f"«{code.statement}» ({code.author or '?'})", width) or [""]
    lines += textwrap.wrap(f"[{code.group}]" if code.group else t("out.merge.no_group", lang), width)
    for passage in code.passages[:PASSAGES]:
        words = " ".join(passage.words.split())
        lines += textwrap.wrap(f"– «{words}» {Path(passage.transcript).name}", width, subsequent_indent="  ")
    if len(code.passages) > PASSAGES:
        lines.append(t("out.merge.more_codings", lang, count=len(code.passages) - PASSAGES))
    return lines


def _name(side: Side, lang: str) -> str:
    if side.kind == "project":
        return t("out.merge.project", lang)
    return Path(side.origin).name if side.kind == "file" and side.origin else side.name


def render_proposal(proposal: MergeProposal, lang: str, width: int | None = None) -> str:
    """Each candidate pair: both codes with their passages in two columns, why they were paired, and any
    group conflict."""
    from sdi.workflow.likeness import explain

    total = width or max(80, min(160, shutil.get_terminal_size((110, 24)).columns))
    half = (total - 9) // 2
    left, right = proposal.left, proposal.right
    heading = t("out.merge.left", lang, name=_name(left, lang))
    out = [f"{heading:<{half + 5}}   {t('out.merge.right', lang, name=_name(right, lang))}", ""]
    for number, pair in enumerate(proposal.pairs, start=1):
        a, b = left.code(pair.left), right.code(pair.right)
        assert a is not None and b is not None
        how = t("out.merge.same_id", lang) if pair.by_id else t("out.merge.likeness", lang, score=pair.score)
        mark = t("out.merge.proposed" if pair.proposed else "out.merge.candidate", lang)
        out.append(f"{number:>3}. {how}, {mark}" + ("" if pair.by_id else f" — {explain(pair.shared)}"))
        first, second = _column(a, half, lang), _column(b, half, lang)
        for index in range(max(len(first), len(second))):
            one = first[index] if index < len(first) else ""
            two = second[index] if index < len(second) else ""
            out.append(f"     {one:<{half}} │ {two}".rstrip())
        conflict = proposal.conflict(pair)
        if conflict:
            out.append(t("out.merge.group_conflict", lang, left=conflict.left_group,
                         right=conflict.right_group))  # fmt: skip
        out.append("")
    paired_left = {p.left for p in proposal.pairs}
    paired_right = {p.right for p in proposal.pairs}
    alone_left = sum(1 for c in left.codes if c.key not in paired_left)
    alone_right = sum(1 for c in right.codes if c.key not in paired_right)
    proposed = sum(p.proposed for p in proposal.pairs)
    out.append(t("out.merge.summary", lang, pairs=len(proposal.pairs), threshold=proposal.threshold,
                 proposed=proposed, left=alone_left, right=alone_right))  # fmt: skip
    if right.kind == "file":
        out.append(t("out.merge.files_added", lang))
    return "\n".join(out)
