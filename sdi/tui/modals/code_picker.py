"""`c`: name what the selected words say. The input starts with the words themselves (in-vivo coding); below
it, the existing codes most like what is typed, updated on every keystroke — so a near-duplicate is reused
instead of a new code being made. The code list is read once when the dialog opens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from sdi.tui.context import sdi_app
from sdi.tui.modals.base import SdiModal
from sdi.workflow.code import CodeSummary, list_codes, suggest_codes
from sdi.workflow.project import Project

SUGGESTIONS = 8


@dataclass(frozen=True)
class CodeChoice:
    """The answer: an existing code (`code_id`) or a new one to create with `statement`."""

    statement: str
    code_id: int | None = None


class MatchList(OptionList):
    """The matches; `up` on the first one goes back to the input."""

    def action_cursor_up(self) -> None:
        if self.highlighted in (0, None):
            self.highlighted = None
            self.screen.query_one("#statement", Input).focus()
        else:
            super().action_cursor_up()


class CodePicker(SdiModal[CodeChoice | None]):
    """`enter` in the input: a new code; `down` into the matches and `enter`: reuse that code."""

    CSS_PATH = "code_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("down", "to_matches", "tui.key.to_matches", show=False),
    ]

    def __init__(self, project: Project, words: str, excerpt: str = "") -> None:
        super().__init__()
        self.project, self.words, self.excerpt = project, words, excerpt
        self.codes: list[CodeSummary] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.tr("tui.code_picker.title"), classes="title")
            if self.excerpt:
                yield Label(Text(self.excerpt, style="italic"), classes="excerpt")
            yield Input(self.words, placeholder=self.tr("tui.code_picker.placeholder"), id="statement")
            yield Label(self.tr("tui.code_picker.matches"), id="matches-title", classes="subtitle")
            yield MatchList(id="matches")
            yield Label(self.tr("tui.code_picker.hint"), classes="hint")

    def on_mount(self) -> None:
        self.codes = list_codes(self.project)
        self._suggest(self.words)
        self.query_one("#statement", Input).focus()

    @on(Input.Changed, "#statement")
    def _typed(self, event: Input.Changed) -> None:
        self._suggest(event.value)

    def _suggest(self, text: str) -> None:
        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        hits = suggest_codes(self.project, text, limit=SUGGESTIONS, codes=self.codes) if self.codes else []
        matches.add_options(
            Option(
                Text.assemble(code.statement, (f"  {sdi_app(self).codings(code.codings)}", "dim")),
                id=str(code.id),
            )
            for code, _score in hits
        )
        matches.highlighted = None
        matches.display = bool(hits)
        self.query_one("#matches-title").display = bool(hits)

    @on(Input.Submitted, "#statement")
    def _new_code(self, event: Input.Submitted) -> None:
        statement = " ".join(event.value.split())
        if statement:
            self.dismiss(CodeChoice(statement))
        else:
            self.notify(self.tr("tui.code_picker.empty"), severity="warning")

    @on(OptionList.OptionSelected, "#matches")
    def _reuse(self, event: OptionList.OptionSelected) -> None:
        code = next(c for c in self.codes if str(c.id) == event.option.id)
        self.dismiss(CodeChoice(code.statement, code.id))

    def action_to_matches(self) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.option_count and not matches.has_focus:
            matches.focus()
            matches.highlighted = 0

    def action_cancel(self) -> None:
        self.dismiss(None)
