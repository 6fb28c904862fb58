"""Codings in context, for checking a code, group or concept back against the data: who said it, where and
when, with the coded words highlighted inside their turn. Long turns are cut around the coded words."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets.option_list import Option

from sdi.tui.context import tr
from sdi.tui.widgets.pick_list import PickList
from sdi.workflow.context import CodingContext

AROUND = 240  # characters of the turn shown before and after the coded words


def excerpt(turn: str, start: int, end: int, around: int = AROUND) -> tuple[str, int, int]:
    """The turn cut to `around` characters either side of [start, end) at word boundaries, with «…» where
    cut; returns the text and the coded span's new offsets in it."""
    start, end = max(0, min(start, len(turn))), max(0, min(end, len(turn)))
    left = 0 if start <= around else turn.find(" ", start - around, start) + 1 or start - around
    right = len(turn) if len(turn) - end <= around else turn.rfind(" ", end, end + around)
    right = right if right > end else end + around
    prefix = "… " if left > 0 else ""
    suffix = " …" if right < len(turn) else ""
    text = prefix + turn[left:right].replace("\n", " ") + suffix
    shift = len(prefix) - left
    return text, start + shift, end + shift


class CodingList(PickList):
    """Option ids are `coding-<id>`; codings in `keys` (key quotes) are marked ★."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "coding-list--header",
        "coding-list--meta",
        "coding-list--statement",
        "coding-list--coded",
        "coding-list--key",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.contexts: list[CodingContext] = []

    def show(
        self,
        contexts: Sequence[CodingContext],
        *,
        keys: Collection[int] = (),
        statements: bool = False,
        keep: int | None = None,
        top: bool = False,
    ) -> None:
        """Show `contexts` in their order; `statements` adds each coding's code (when codes are mixed)."""
        self.contexts = list(contexts)
        options: list[Option | None] = []
        for context in self.contexts:
            prompt = self._prompt(context, context.coding_id in keys, statements)
            options += [None] if options else []
            options.append(Option(prompt, id=f"coding-{context.coding_id}"))
        if not options:
            options = [Option(Text(tr(self, "tui.codings_none"), style="dim"), disabled=True)]
        self.refill(options, f"coding-{keep}" if keep is not None else None, top=top)

    def _prompt(self, context: CodingContext, key: bool, statement: bool) -> Text:
        def style(name: str) -> Style:
            return self.get_component_rich_style(name, partial=True)

        line = Text(no_wrap=False)
        if key:
            line.append("★ ", style("coding-list--key"))
        line.append(context.speaker or "–", style("coding-list--header"))
        meta = [context.role, context.group, tr(self, "tui.stage_short", number=context.stage)]
        meta.append(tr(self, "tui.line", line=context.line))
        line.append(" · " + " · ".join(part for part in meta if part), style("coding-list--meta"))
        if statement:
            line.append("\n" + context.statement, style("coding-list--statement"))
        text, start, end = excerpt(context.turn_text, context.start - context.turn_start,
                                   context.end - context.turn_start)  # fmt: skip
        body = Text(text)
        body.stylize(style("coding-list--coded"), start, end)
        line.append("\n")
        line.append_text(body)
        return line

    def highlighted_context(self) -> CodingContext | None:
        key = self.highlighted_id
        return next((c for c in self.contexts if f"coding-{c.coding_id}" == key), None)
