"""The top line of every screen: the SDI steps with their number keys, the active one marked, and what the
screen has open — the chain raw data → codes → groups → concepts → quotes stays in view (on a narrow screen
the other steps by number only, so what is open is not cut)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from sdi.tui.context import sdi_app, tr


class StepBar(Widget):
    """Steps on the left, context (e.g. the open transcript) on the right."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"step-bar--step", "step-bar--active", "step-bar--context"}
    context: reactive[str] = reactive("")

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode

    def render(self) -> Text:
        """On a narrow screen the steps not shown are numbers only, so what is open keeps its room."""
        steps = list(enumerate(sdi_app(self).STEPS, start=1))
        full = sum(len(f" {n} {tr(self, f'tui.step.{mode}')} ") for n, mode in steps)
        compact = bool(self.context) and full + 2 + len(self.context) > self.size.width
        line = Text(no_wrap=True, overflow="ellipsis")
        for number, mode in steps:
            active = mode == self.mode
            style = self.get_component_rich_style("step-bar--active" if active else "step-bar--step")
            name = f" {tr(self, f'tui.step.{mode}')}" if active or not compact else ""
            line.append(f" {number}{name} ", style=style)
        if self.context:
            line.append("  ")
            line.append(self.context, style=self.get_component_rich_style("step-bar--context"))
        return line
