"""The top line of every screen: the SDI steps with their number keys, the active one marked, and what the
screen has open — the chain raw data → codes → groups → concepts → quotes stays in view."""

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
        line = Text(no_wrap=True, overflow="ellipsis")
        for number, mode in enumerate(sdi_app(self).STEPS, start=1):
            active = mode == self.mode
            style = self.get_component_rich_style("step-bar--active" if active else "step-bar--step")
            line.append(f" {number} {tr(self, f'tui.step.{mode}')} ", style=style)
        if self.context:
            line.append("  ")
            line.append(self.context, style=self.get_component_rich_style("step-bar--context"))
        return line
