"""The decisions of a codebook merge, as the researchers make them: the default per pair, the rule that keeps
them from contradicting each other, and the decisions file (format `sdi-merge/1`) that `sdi merge` writes
as a template and reads back with `--apply`. The CLI and the TUI merge view both use what is here; applying
the decisions is `merge_apply`.

The file names what was merged (`[left]`, `[right]`: kind, origin, name), so `sdi merge --apply FILE` alone
rebuilds the same proposal (`proposal_from_file`). Its comments are bokmål, as the template always was."""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sdi import safe_toml
from sdi.config.files import toml_string, write_atomically
from sdi.i18n.outside import os_reason, toml_reason
from sdi.workflow.errors import WorkflowError
from sdi.workflow.exchange.merge import (
    Candidate,
    Decision,
    MergeProposal,
    Side,
    propose_coders,
    propose_files,
    propose_merge,
)
from sdi.workflow.likeness import explain
from sdi.workflow.project import Project

FORMAT = "sdi-merge/1"

Choices = dict[tuple[str, str], tuple[str, str]]  # (left key, right key) → (action, new statement)


# --- deciding ------------------------------------------------------------------------------------------


def proposed_choices(proposal: MergeProposal) -> Choices:
    """Where deciding starts: proposed pairs merge (`accept`), the other candidates are kept `apart`."""
    return {(p.left, p.right): ("accept" if p.proposed else "apart", "") for p in proposal.pairs}


def decide(
    proposal: MergeProposal, choices: Choices, pair: Candidate, action: str, statement: str = ""
) -> None:
    """One pair's decision, in place. A right code merges into one code only: merging it here keeps its
    other pairs apart, so the decisions never contradict each other."""
    choices[(pair.left, pair.right)] = (action, statement)
    if action != "apart":
        for other in proposal.pairs:
            if other.right == pair.right and other.left != pair.left:
                choices[(other.left, other.right)] = ("apart", "")


def as_decisions(choices: Mapping[tuple[str, str], tuple[str, str]]) -> list[Decision]:
    """The choices as the decisions `merge_apply.apply_merge` takes."""
    return [Decision(left, right, action, text) for (left, right), (action, text) in choices.items()]


# --- the decisions file --------------------------------------------------------------------------------


def _side_table(name: str, side: Side, root: Path) -> list[str]:
    origin = side.origin
    if side.kind == "file" and origin:
        path = Path(origin).resolve()
        origin = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    return [f"[{name}]", f"kind = {toml_string(side.kind)}", f"origin = {toml_string(origin)}",
            f"name = {toml_string(side.name)}", ""]  # fmt: skip


def _flat(text: str) -> str:
    return " ".join(text.split())


def render_decisions(proposal: MergeProposal, root: Path, language: str = "nb") -> str:
    """One [[pairs]] entry per candidate pair (with why it was paired); proposed pairs default to accept,
    the others to apart (`proposed_choices`). The comments are in `language`; the keys and values are the
    format's and the same in every language."""
    from sdi.i18n import t

    lines = [
        *(f"# {line}" for line in t("exchange.decisions_header", language).split("\n")),
        f"format = {toml_string(FORMAT)}",
        "",
        *_side_table("left", proposal.left, root.resolve()),
        *_side_table("right", proposal.right, root.resolve()),
    ]
    choices = proposed_choices(proposal)
    for number, pair in enumerate(proposal.pairs, start=1):
        a, b = proposal.left.code(pair.left), proposal.right.code(pair.right)
        assert a is not None and b is not None
        how = (t("exchange.decisions_same_id", language) if pair.by_id
               else t("exchange.decisions_likeness", language, score=f"{pair.score:.0f}"))  # fmt: skip
        lines += [
            "[[pairs]]",
            f"# {number}. {how}",
            "#   " + t("exchange.decisions_left", language, statement=_flat(a.statement),
                       author=a.author or "?", codings=len(a.passages)),
            "#   " + t("exchange.decisions_right", language, statement=_flat(b.statement),
                       author=b.author or "?", codings=len(b.passages)),
        ]  # fmt: skip
        if not pair.by_id:
            why = _flat(explain(pair.shared, language))
            lines.append("#   " + t("exchange.decisions_why", language, why=why))
        conflict = proposal.conflict(pair)
        if conflict:
            lines.append("#   " + t("exchange.decisions_conflict", language, left=_flat(conflict.left_group),
                                      right=_flat(conflict.right_group)))  # fmt: skip
        lines += [
            f"left = {toml_string(pair.left)}",
            f"right = {toml_string(pair.right)}",
            f"score = {pair.score}",
            f"decision = {toml_string(choices[(pair.left, pair.right)][0])}",
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
    written = render_decisions(proposal, project.root, project.config.language)
    return write_atomically(path, written)  # owner-only, whole or not at all


@dataclass(frozen=True)
class DecisionFile:
    """What a decisions file holds: both sides as (kind, origin, name), and one decision per pair."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    decisions: tuple[Decision, ...]


def read_decisions(path: Path) -> DecisionFile:
    """The decisions file at `path`, checked; a file that is not one is refused in one line naming it."""
    try:
        data = safe_toml.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise WorkflowError(key="exchange.decisions_unreadable", path=path, reason=os_reason(exc)) from None
    except UnicodeDecodeError as exc:
        raise WorkflowError(key="exchange.decisions_unreadable", path=path, reason=exc) from None
    except tomllib.TOMLDecodeError as exc:
        message, line = safe_toml.problem(exc)
        where = f"{path}:{line}" if line else path
        reason = toml_reason(message)
        raise WorkflowError(key="exchange.decisions_unreadable", path=where, reason=reason) from None
    if data.get("format") != FORMAT:
        raise WorkflowError(key="exchange.decisions_format", path=path, format=FORMAT)
    pairs = data.get("pairs", [])
    if not isinstance(pairs, list) or not all(isinstance(p, dict) for p in pairs):
        raise WorkflowError(key="exchange.decisions_pairs", path=path)
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
            raise WorkflowError(key="exchange.decisions_text", path=path, number=number)
        decisions.append(Decision(left, right, decision.strip().lower(), " ".join(statement.split())))
    return DecisionFile(sides[0], sides[1], tuple(decisions))


def proposal_from_file(project: Project, plan: DecisionFile) -> MergeProposal:
    """Rebuild the proposal a decisions file was written for, from the sides it names."""
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
    raise WorkflowError(key="exchange.decisions_sides")
