"""How the two lists of step 3 read (`CodeGroupScreen`): a code group's row (name, rest mark, counts, its
concept), the row of the codes in no group, and a code's row (marked or not, its codings, speakers and where
it was heard)."""

from __future__ import annotations

from collections import defaultdict

from rich.style import Style
from rich.text import Text
from textual.dom import DOMNode

from sdi.tui.context import counted, sdi_app, tr
from sdi.workflow.code_group import CodeSpread, GroupSummary

UNGROUPED = "ungrouped"  # the list entry of codes in no group


def group_key(group_id: int | None) -> str:
    return UNGROUPED if group_id is None else f"group-{group_id}"


def spread_text(stages: tuple[str, ...]) -> str:
    """«Barnehage Fjordvik/1», «Barnehage Fjordvik/2» → «Barnehage Fjordvik 1+2»: where a code was heard."""
    by_group: dict[str, list[str]] = defaultdict(list)
    for stage in stages:
        group, _, number = stage.rpartition("/")
        by_group[group].append(number)
    return ", ".join(f"{group} {'+'.join(numbers)}" for group, numbers in by_group.items())


def ungrouped_row(node: DOMNode, count: int) -> Text:
    text = Text.assemble((tr(node, "tui.groups.ungrouped"), "italic"))
    text.append("\n" + counted(node, "tui.groups.codes", count), style="dim")
    return text


def group_row(node: DOMNode, group: GroupSummary, mark: Style) -> Text:
    """A group: its name, its counts and the concept made of it (in `mark`, the list's mark style)."""
    text = Text.assemble((group.name, "bold"))
    if group.is_rest:
        text.append(" " + tr(node, "tui.groups.rest_mark"), style="dim")
    counts = counted(node, "tui.groups.codes", group.codes) + " · " + sdi_app(node).codings(group.codings)
    text.append("\n" + counts, style="dim")
    if group.concept:
        text.append("\n→ " + tr(node, "tui.groups.concept", name=group.concept), style=mark)
    return text


def code_row(node: DOMNode, code: CodeSpread, marked: bool, mark_style: Style) -> Text:
    """A code: ● when marked for moving (in `mark_style`), its statement, codings, speakers and spread."""
    mark: Style | str = mark_style if marked else "dim"
    text = Text.assemble(("● " if marked else "○ ", mark))
    text.append(code.statement, style=mark if marked else "")
    facts = [sdi_app(node).codings(code.codings), counted(node, "tui.groups.speakers", code.speakers)]
    if code.stages:
        facts.append(spread_text(code.stages))
    text.append("\n  " + " · ".join(facts), style="dim")
    return text
