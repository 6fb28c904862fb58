"""The Coding screen's side panel: the codings of the turn under the caret, and every code used in the
transcript with how often — where codes are renamed, deleted, uncoded and memoed. Each row starts with the
colour of its stripe in the reader, so a stripe is named here at any width."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sdi.tui.context import tr
from sdi.workflow.anchor import FLAGGED
from sdi.workflow.code import CodingView


class PanelList(OptionList):
    """An option list that highlights its first row when it gets the focus, so `r`, `delete`, `x` and `m`
    always have something to act on."""

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.action_first()


class CodePanel(Vertical):
    """Two lists; option ids are `coding-<id>` and `code-<id>` so a highlighted row names what it shows."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._turn: list[CodingView] = []
        self._shown: list[tuple[int, str, str, str]] | None = None  # what the turn list shows now
        self._statements: dict[int, str] = {}
        self.colour: Callable[[CodingView], str] = lambda coding: "green"  # the reader's stripe colour

    def compose(self) -> ComposeResult:
        yield Label(tr(self, "tui.panel.turn"), classes="panel-title")
        yield PanelList(id="turn-codings")
        yield Label(tr(self, "tui.panel.codes"), classes="panel-title")
        yield PanelList(id="all-codes")

    def show_turn(self, codings: Sequence[CodingView]) -> None:
        """The codings of the cursor turn; flagged ones marked ⚠ (their words changed on re-import)."""
        shown = [(c.id, c.statement, c.status, self.colour(c)) for c in codings]
        if shown == self._shown:
            return  # the same list (most cursor moves): rebuilding it would re-lay out the screen
        self._shown = shown
        self._turn = list(codings)
        options = self.query_one("#turn-codings", OptionList)
        previous = options.highlighted
        options.clear_options()
        for coding in self._turn:
            flagged = coding.status in FLAGGED
            label = Text.assemble(("⚠ ", "bold red") if flagged else ("┃ ", self.colour(coding)))
            label.append(coding.statement)
            options.add_option(Option(label, id=f"coding-{coding.id}"))
        if not self._turn:
            options.add_option(Option(Text(tr(self, "tui.panel.none"), style="dim"), disabled=True))
        elif previous is not None:
            options.highlighted = min(previous, len(self._turn) - 1)

    def show_codes(self, codings: Sequence[CodingView]) -> None:
        """Every code in the transcript with its number of codings here, most used first."""
        counts = Counter(coding.code_id for coding in codings)
        self._statements = {coding.code_id: coding.statement for coding in codings}
        first = {coding.code_id: coding for coding in reversed(codings)}
        options = self.query_one("#all-codes", OptionList)
        previous = options.highlighted
        options.clear_options()
        for code_id, count in sorted(counts.items(), key=lambda item: (-item[1], self._statements[item[0]])):
            label = Text.assemble(("┃", self.colour(first[code_id])))
            label.append(f"{count:>3} ", style="bold")
            label.append(self._statements[code_id])
            options.add_option(Option(label, id=f"code-{code_id}"))
        if not counts:
            options.add_option(Option(Text(tr(self, "tui.panel.no_codes"), style="dim"), disabled=True))
        elif previous is not None:
            options.highlighted = min(previous, len(counts) - 1)

    def highlighted_coding(self) -> CodingView | None:
        option = self.query_one("#turn-codings", OptionList).highlighted_option
        if option is None or not (option.id or "").startswith("coding-"):
            return None
        return next((c for c in self._turn if f"coding-{c.id}" == option.id), None)

    def highlighted_code(self) -> tuple[int, str] | None:
        option = self.query_one("#all-codes", OptionList).highlighted_option
        if option is None or not (option.id or "").startswith("code-"):
            return None
        code_id = int((option.id or "").removeprefix("code-"))
        return code_id, self._statements.get(code_id, "")

    @property
    def focus_target(self) -> str | None:
        """Which list has the focus: "coding", "code" or None."""
        if self.query_one("#turn-codings", OptionList).has_focus:
            return "coding"
        if self.query_one("#all-codes", OptionList).has_focus:
            return "code"
        return None
