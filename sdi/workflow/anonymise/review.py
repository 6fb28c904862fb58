"""The review file of `sdi anonymise`: the proposals as TOML for the researcher to accept, edit or reject,
read back as decisions for `apply_decisions`.

It holds real names, so it is written owner-only under `.sdi/` (git-ignored) by default, like the key."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path

from sdi import safe_toml
from sdi.config import Config, in_private_folder, user_config_dir
from sdi.config.files import toml_string, write_atomically
from sdi.i18n.outside import os_reason
from sdi.workflow.anonymise.names import Decision, NameProposal
from sdi.workflow.errors import WorkflowError

REVIEW_NAME = "anonymisering.toml"
_HEADER = """\
# sdi anonymise: the names found in the stored transcripts and the pseudonyms proposed for them.
# Per name: set accept = false to leave it, or change `replacement`. Then run
#   sdi anonymise --apply --review {path}
# This file holds real names: keep it out of git and delete it when done.
"""


def default_review_path(state_dir: Path) -> Path:
    return state_dir / REVIEW_NAME


def review_path(config: Config, given: str | Path | None) -> Path:
    """Where to write the review file: `.sdi/anonymisering.toml`, or a path the researcher gave — refused
    unless it is inside `.sdi/` or sdi's user configuration folder, like the key (it holds real names)."""
    if not given:
        return default_review_path(config.state_dir)
    path = Path(given).expanduser()
    path = path if path.is_absolute() else Path.cwd() / path
    if not in_private_folder(config.root, path):
        raise WorkflowError(
            key="anon.review_outside", path=path, state_dir=config.state_dir, user_dir=user_config_dir()
        )
    return path


def write_review(path: Path, proposals: Sequence[NameProposal]) -> Path:
    """Write the proposals as an owner-only file (atomically). New names are accepted as proposed; a name
    the file already held keeps the researcher's decision and replacement, so a rejected word stays
    rejected from one run to the next."""
    earlier = _earlier_decisions(path) if path.exists() else {}
    lines = [_HEADER.format(path=path)]
    for proposal in proposals:
        replacement, accept = earlier.get(proposal.name, (proposal.replacement, True))
        where = ", ".join(toml_string(str(o)) for o in proposal.occurrences[:20])
        lines += [
            "",
            "[[name]]",
            f"name = {toml_string(proposal.name)}",
            f"replacement = {toml_string(replacement)}",
            f"accept = {'true' if accept else 'false'}",
            f"kind = {toml_string(proposal.kind)}",
            f"variants = [{', '.join(toml_string(v) for v in proposal.variants)}]",
            f"count = {proposal.count}",
            f"where = [{where}]",
        ]
    return write_atomically(path, "\n".join(lines) + "\n")  # owner-only, like the key


def read_review(path: Path) -> list[Decision]:
    """The accepted names of a review file; a problem is one error naming the file and line."""
    return [
        Decision(name, replacement, variants)
        for name, replacement, variants, accept in _entries(path)
        if accept
    ]


def _earlier_decisions(path: Path) -> dict[str, tuple[str, bool]]:
    return {name: (replacement, accept) for name, replacement, _variants, accept in _entries(path)}


def _entries(path: Path) -> list[tuple[str, str, tuple[str, ...], bool]]:
    """(name, replacement, variants, accept) of every [[name]] in the file, checked."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise WorkflowError(key="anon.review_unreadable", path=path, reason=os_reason(exc)) from None
    try:
        data = safe_toml.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _, line = safe_toml.problem(exc)
        where = f"{path}:{line}" if line else str(path)
        raise WorkflowError(key="anon.review_toml", where=where) from None
    entries = data.get("name", [])
    if not isinstance(entries, list):
        raise WorkflowError(key="anon.review_list", path=path)
    headers = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == "[[name]]"]
    decisions: list[tuple[str, str, tuple[str, ...], bool]] = []
    for index, entry in enumerate(entries):
        where = f"{path}:{headers[index]}" if index < len(headers) else str(path)
        name, replacement = entry.get("name"), entry.get("replacement")
        accept, variants = entry.get("accept", True), entry.get("variants", [])
        if not isinstance(name, str) or not name.strip():
            raise WorkflowError(key="anon.review_no_name", where=where)
        if not isinstance(replacement, str) or not replacement.strip():
            raise WorkflowError(key="anon.review_no_replacement", where=where, name=name)
        if not isinstance(accept, bool):
            raise WorkflowError(key="anon.review_accept", where=where)
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise WorkflowError(key="anon.review_variants", where=where)
        decisions.append((name, replacement, tuple(variants), accept))
    return decisions
