"""`sdi merge A.toml [B.toml] [--apply DECISIONS.toml]`: merge codebooks across coders.

Without --apply the proposal is printed side by side and a decisions template is written to
`codebooks/merge-<date>.toml`; the researchers edit it (accept / rename / apart per pair) and run the same
command with --apply. The decisions file is ours (format `sdi-merge/1`) and names what was merged, so
`sdi merge --apply FILE` alone rebuilds the same proposal."""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sdi import safe_toml
from sdi.cli.common import EXIT_NAMES, no_real_names_in, opened
from sdi.config import toml_string, write_atomically

if TYPE_CHECKING:
    from sdi.workflow.merge import Decision, MergeProposal, Side, SideCode
    from sdi.workflow.project import Project

FORMAT = "sdi-merge/1"
PASSAGES = 3  # passages shown per code


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "merge",
        help="merge two coders' codebooks (propose, decide, apply)",
        description="Compare this project's codes with another coder's codebook (exported with "
        "`sdi codebook export --with-codings`), or two codebook files with each other, or the codes of two "
        "coders in this store (--coders). Codes are paired by id, then by likeness of their lemmatised "
        "statements. Without --apply: print the pairs with their passages and write a decisions template "
        "to codebooks/merge-<date>.toml. With --apply: carry out the decisions in one transaction, as one "
        "undoable action. Differing code groups are listed, never decided.",
    )
    parser.add_argument("files", type=Path, nargs="*", metavar="CODEBOOK", help="one or two codebook files")
    parser.add_argument("--coders", metavar="A,B", help="merge the codes two coders made in this store")
    parser.add_argument(
        "--from",
        dest="names",
        metavar="NAME[,NAME]",
        help="who coded the codebook file(s); their codings are recorded as theirs (default: file name)",
    )
    parser.add_argument("--apply", type=Path, metavar="DECISIONS", help="apply an edited decisions file")
    parser.add_argument(
        "--replace-names",
        action="store_true",
        help="write real names the project knows into the decisions file as their pseudonyms, not refuse it",
    )
    parser.add_argument("--allow-names", action="store_true", help="keep a decisions file holding real names")
    parser.set_defaults(handler=run)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _propose(project: Project, args: argparse.Namespace) -> MergeProposal | None:
    from sdi.workflow.errors import WorkflowError
    from sdi.workflow.merge import propose_coders, propose_files, propose_merge

    coders, names = _split(args.coders), _split(args.names)
    if coders and args.files:
        raise WorkflowError("merge either codebook files or --coders, not both")
    if coders:
        if len(coders) != 2:
            raise WorkflowError("--coders needs two names: --coders kari,ola")
        return propose_coders(project, coders[0], coders[1])
    if len(args.files) == 1:
        return propose_merge(project, args.files[0], names[0] if names else "")
    if len(args.files) == 2:
        return propose_files(project, args.files[0], args.files[1], names)
    if args.files:
        raise WorkflowError("merge one codebook into the project, or two codebooks with each other")
    return None


def run(args: argparse.Namespace) -> int:
    from sdi.workflow.errors import WorkflowError
    from sdi.workflow.merge_apply import apply_merge

    with opened(args) as project:
        if args.apply is not None:
            plan = read_decisions(args.apply)
            if args.files and not args.names:  # the coders the template was written for
                args.names = plan.right[2] if len(args.files) == 1 else f"{plan.left[2]},{plan.right[2]}"
            proposal = _propose(project, args) or proposal_from_file(project, plan)
            report = apply_merge(project, proposal, plan.decisions)
            print(
                f"{report.merged} koder slått sammen ({report.renamed} med ny formulering), "
                f"{report.kept_apart} holdt adskilt, {report.codes_added} koder lagt til, "
                f"{report.codings_added} kodinger lagt til, {report.codings_moved} flyttet"
            )
            for conflict in report.conflicts:
                print(f"  ulike kodegrupper, ikke avgjort: {conflict}")
            return 0
        proposal = _propose(project, args)
        if proposal is None:
            raise WorkflowError("name a codebook file (or two), or --coders A,B")
        print(render_proposal(proposal))
        path = write_decisions(project, proposal)
        known = project.config.known_names
    if not no_real_names_in(path, known, args.allow_names, replace=args.replace_names):
        return EXIT_NAMES
    print(f"\nbeslutninger: {path} (rediger, og kjør med --apply {path})")
    return 0


# --- the proposal, side by side ----------------------------------------------------------------------


def _column(code: SideCode, width: int) -> list[str]:
    lines = textwrap.wrap(f"«{code.statement}» ({code.author or '?'})", width) or [""]
    lines += textwrap.wrap(f"[{code.group}]" if code.group else "[ingen kodegruppe]", width)
    for passage in code.passages[:PASSAGES]:
        words = " ".join(passage.words.split())
        lines += textwrap.wrap(f"– «{words}» {Path(passage.transcript).name}", width, subsequent_indent="  ")
    if len(code.passages) > PASSAGES:
        lines.append(f"  … {len(code.passages) - PASSAGES} kodinger til")
    return lines


def _name(side: Side) -> str:
    if side.kind == "project":
        return "prosjektet"
    return Path(side.origin).name if side.kind == "file" and side.origin else side.name


def render_proposal(proposal: MergeProposal, width: int | None = None) -> str:
    """Each candidate pair: both codes with their passages in two columns, why they were paired, and any
    group conflict."""
    from sdi.workflow.likeness import explain

    total = width or max(80, min(160, shutil.get_terminal_size((110, 24)).columns))
    half = (total - 9) // 2
    left, right = proposal.left, proposal.right
    out = [f"{'venstre: ' + _name(left):<{half + 5}}   høyre: {_name(right)}", ""]
    for number, pair in enumerate(proposal.pairs, start=1):
        a, b = left.code(pair.left), right.code(pair.right)
        assert a is not None and b is not None
        how = "samme id" if pair.by_id else f"likhet {pair.score:.0f}"
        mark = "foreslått" if pair.proposed else "kandidat"
        out.append(f"{number:>3}. {how}, {mark}" + ("" if pair.by_id else f" — {explain(pair.shared)}"))
        first, second = _column(a, half), _column(b, half)
        for index in range(max(len(first), len(second))):
            one = first[index] if index < len(first) else ""
            two = second[index] if index < len(second) else ""
            out.append(f"     {one:<{half}} │ {two}".rstrip())
        conflict = proposal.conflict(pair)
        if conflict:
            out.append(f"     KONFLIKT: kodegruppe «{conflict.left_group}» / «{conflict.right_group}» "
                       "— avgjøres av dere, ikke her")  # fmt: skip
        out.append("")
    paired_left = {p.left for p in proposal.pairs}
    paired_right = {p.right for p in proposal.pairs}
    alone_left = sum(1 for c in left.codes if c.key not in paired_left)
    alone_right = sum(1 for c in right.codes if c.key not in paired_right)
    out.append(f"{len(proposal.pairs)} par ({sum(p.proposed for p in proposal.pairs)} foreslått, "
               f"grense {proposal.threshold:.0f}); uten motstykke: {alone_left} til venstre, "
               f"{alone_right} til høyre")  # fmt: skip
    if right.kind == "file":
        out.append("Koder fra kodebokfilene som ikke slås sammen, legges til som egne koder ved --apply.")
    return "\n".join(out)


# --- the decisions file ------------------------------------------------------------------------------


def _side_table(name: str, side: Side, root: Path) -> list[str]:
    origin = side.origin
    if side.kind == "file" and origin:
        path = Path(origin).resolve()
        origin = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    return [f"[{name}]", f"kind = {toml_string(side.kind)}", f"origin = {toml_string(origin)}",
            f"name = {toml_string(side.name)}", ""]  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def render_decisions(proposal: MergeProposal, root: Path) -> str:
    """One [[pairs]] entry per candidate pair (with why it was paired); proposed pairs default to accept,
    the others to apart."""
    from sdi.workflow.likeness import explain

    lines = [
        '# Sammenslåing av kodebøker. For hvert par: decision = "accept" (slå sammen; venstre kode',
        '# beholdes), "rename" (slå sammen under ny formulering i statement) eller "apart" (hold adskilt).',
        "# Par som fjernes, holdes adskilt. Ulike kodegrupper avgjøres ikke her: koden blir i venstre kodes",
        "# gruppe, og konflikten står i kodens memo.",
        f"format = {toml_string(FORMAT)}",
        "",
        *_side_table("left", proposal.left, root.resolve()),
        *_side_table("right", proposal.right, root.resolve()),
    ]
    for number, pair in enumerate(proposal.pairs, start=1):
        a, b = proposal.left.code(pair.left), proposal.right.code(pair.right)
        assert a is not None and b is not None
        how = "samme id" if pair.by_id else f"likhet {pair.score:.0f}"
        lines += [
            "[[pairs]]",
            f"# {number}. {how}",
            f"#   venstre: «{_flat(a.statement)}» ({a.author or '?'}, kodinger: {len(a.passages)})",
            f"#   høyre:   «{_flat(b.statement)}» ({b.author or '?'}, kodinger: {len(b.passages)})",
        ]
        if not pair.by_id:
            lines.append(f"#   hvorfor: {_flat(explain(pair.shared))}")
        conflict = proposal.conflict(pair)
        if conflict:
            lines.append(f"#   KONFLIKT: kodegruppe «{_flat(conflict.left_group)}» / "
                         f"«{_flat(conflict.right_group)}»")  # fmt: skip
        lines += [
            f"left = {toml_string(pair.left)}",
            f"right = {toml_string(pair.right)}",
            f"score = {pair.score}",
            f"decision = {toml_string('accept' if pair.proposed else 'apart')}",
            'statement = ""',
            "",
        ]
    return "\n".join(lines)


def write_decisions(project: Project, proposal: MergeProposal, today: dt.date | None = None) -> Path:
    """`codebooks/merge-<date>.toml`; an existing file (perhaps already edited) is never overwritten."""
    folder = project.config.codebooks_dir
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"merge-{(today or dt.date.today()).isoformat()}"
    path, number = folder / f"{stem}.toml", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.toml"
    return write_atomically(path, render_decisions(proposal, project.root))  # owner-only, whole or not at all


@dataclass(frozen=True)
class DecisionFile:
    left: tuple[str, ...]  # kind, origin, name
    right: tuple[str, ...]
    decisions: tuple[Decision, ...]


def read_decisions(path: Path) -> DecisionFile:
    from sdi.workflow.errors import WorkflowError
    from sdi.workflow.merge import Decision

    try:
        data = safe_toml.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise WorkflowError(f"{path}: cannot read the decisions ({exc})") from None
    if data.get("format") != FORMAT:
        raise WorkflowError(f'{path}: not a merge decisions file (expected format = "{FORMAT}")')
    pairs = data.get("pairs", [])
    if not isinstance(pairs, list) or not all(isinstance(p, dict) for p in pairs):
        raise WorkflowError(f"{path}: 'pairs' must be an array of tables ([[pairs]])")
    sides = []
    for name in ("left", "right"):
        table = data.get(name, {})
        table = table if isinstance(table, dict) else {}
        sides.append(tuple(str(table.get(k, "")) for k in ("kind", "origin", "name")))
    decisions = []
    for number, entry in enumerate(pairs, start=1):
        left, right, decision, statement = (entry.get(k, "") for k in ("left", "right", "decision",
                                                                      "statement"))  # fmt: skip
        if not all(isinstance(v, str) for v in (left, right, decision, statement)):
            raise WorkflowError(f"{path}: pair {number}: left, right, decision and statement must be text")
        decisions.append(Decision(left, right, decision.strip().lower(), " ".join(statement.split())))
    return DecisionFile(sides[0], sides[1], tuple(decisions))


def proposal_from_file(project: Project, plan: DecisionFile) -> MergeProposal:
    """Rebuild the proposal a decisions file was written for, from the sides it names."""
    from sdi.workflow.errors import WorkflowError
    from sdi.workflow.merge import propose_coders, propose_files, propose_merge

    (lk, lo, ln), (rk, ro, rn) = plan.left, plan.right

    def where(origin: str) -> Path:
        path = Path(origin)
        return path if path.is_absolute() else project.root / path

    if lk == "coder" and rk == "coder":
        return propose_coders(project, lo, ro)
    if lk == "project" and rk == "file" and ro:
        return propose_merge(project, where(ro), rn)
    if lk == "file" and rk == "file" and lo and ro:
        return propose_files(project, where(lo), where(ro), (ln, rn))
    raise WorkflowError("the decisions file does not say what was merged ([left] and [right])")
