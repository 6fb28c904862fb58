"""What the Coding screen narrows the reader to and walks through: the turns coded with one code or with
any code of one code group (`v`), and the next or previous coding of a code (`n`/`N`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text

from sdi.tui.modals.picker import Choice
from sdi.workflow.code import CodingView
from sdi.workflow.code_group import GroupSummary

ALL = "all"  # the picker key of «all turns» (no code filter)


@dataclass(frozen=True)
class CodeFilter:
    """Show only the turns coded with one of `code_ids`; `name` says which (a code or a group)."""

    key: str
    name: str
    code_ids: frozenset[int]


def filter_choices(
    codings: Sequence[CodingView], groups: Sequence[GroupSummary], tr: Callable[..., str]
) -> tuple[list[Choice], dict[str, CodeFilter | None]]:
    """Picker choices: all turns, then each code of the transcript (most used first), then each code group
    that has codes here; and what each choice filters by."""
    counts = Counter(coding.code_id for coding in codings)
    statements = {coding.code_id: coding.statement for coding in codings}
    choices: list[Choice] = [(ALL, Text(tr("tui.coding.filter_all"), style="italic"))]
    filters: dict[str, CodeFilter | None] = {ALL: None}
    for code_id, count in sorted(counts.items(), key=lambda item: (-item[1], statements[item[0]])):
        key = f"code-{code_id}"
        choices.append((key, Text.assemble(statements[code_id], (f"  {count}", "dim"))))
        filters[key] = CodeFilter(key, statements[code_id], frozenset({code_id}))
    for group in groups:
        members = frozenset(c.code_id for c in codings if c.group_id == group.id)
        if members:
            key = f"group-{group.id}"
            label = tr("tui.coding.filter_group", name=group.name)
            choices.append((key, Text.assemble((label, "bold"), (f"  {len(members)}", "dim"))))
            filters[key] = CodeFilter(key, label, members)
    return choices, filters


def next_coding(
    codings: Sequence[CodingView], caret: int, direction: int, codes: frozenset[int] | None
) -> tuple[CodingView | None, bool]:
    """The first coding (of `codes`, or any) starting after the caret (before it, going back), and whether
    the search went round the end of the transcript to find it."""
    candidates = sorted(
        (c for c in codings if codes is None or c.code_id in codes), key=lambda c: (c.start, c.id)
    )
    if not candidates:
        return None, False
    if direction > 0:
        ahead = [c for c in candidates if c.start > caret]
        return (ahead[0], False) if ahead else (candidates[0], True)
    behind = [c for c in candidates if c.start < caret]
    return (behind[-1], False) if behind else (candidates[-1], True)
