"""`g` in the Code groups screen: suggested code groups — ungrouped codes that share content lemmas, with
the shared words shown. `enter` asks for a name and answers with the suggestion to accept (the screen
creates the group and moves the codes, one undo step); `d` dismisses one for the rest of the session.

The codebook is read when the dialog opens; the lemmatising and clustering run in a worker thread, so the
dialog opens at once even before the language pipeline has loaded."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sdi.tui.context import refuse
from sdi.tui.modals.base import SdiModal
from sdi.tui.modals.dialogs import InputModal
from sdi.workflow.errors import reportable_errors
from sdi.workflow.grouping import GroupingInput, GroupSuggestion, group_suggestions, grouping_input
from sdi.workflow.project import Project

Accepted = tuple[str, GroupSuggestion]  # the group's name, and the suggestion it was made from


class GroupingModal(SdiModal[Accepted | None]):
    """Suggestions best first; `dismissed` (code-id sets) is the screen's, so a dismissal outlives the
    dialog."""

    CSS_PATH = "grouping.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d,delete", "dismiss_suggestion", "tui.key.dismiss_suggestion", id="dismiss_suggestion"),
        Binding("escape", "cancel", "tui.key.cancel", id="cancel"),
    ]

    def __init__(self, project: Project, dismissed: set[frozenset[int]]) -> None:
        super().__init__()
        self.project, self.dismissed = project, dismissed
        self.suggestions: list[GroupSuggestion] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.tr("assist.groups.title"), classes="title")
            yield Label(self.tr("assist.groups.loading"), id="grouping-state", classes="state")
            yield OptionList(id="suggestions")
            yield Label(self.tr("assist.groups.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#suggestions").display = False
        given = grouping_input(self.project)
        self.run_worker(lambda: self._find(given), thread=True, exit_on_error=False, group="grouping")

    def _find(self, given: GroupingInput) -> None:
        """In a worker thread: lemmatise and cluster, then show the answer."""
        try:
            found = group_suggestions(self.project, given)
        except reportable_errors() as error:
            with suppress(RuntimeError):
                self.app.call_from_thread(refuse, self, error)
            found = []
        with suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._show, found)

    def _show(self, found: list[GroupSuggestion]) -> None:
        if not self.is_attached:
            return
        self.suggestions = [s for s in found if frozenset(s.code_ids) not in self.dismissed]
        options = self.query_one("#suggestions", OptionList)
        options.clear_options()
        options.add_options(Option(self._prompt(s), id=str(n)) for n, s in enumerate(self.suggestions))
        state = self.query_one("#grouping-state", Label)
        state.update(self.tr("assist.groups.none"))
        state.display = not self.suggestions
        options.display = bool(self.suggestions)
        if self.suggestions:
            options.highlighted = 0
            options.focus()

    def _prompt(self, suggestion: GroupSuggestion) -> Text:
        text = Text(self.tr("assist.groups.shared", words=", ".join(suggestion.shared)), style="bold")
        for statement in suggestion.statements:
            text.append(f"\n  • {statement}")
        return text

    def _highlighted(self) -> GroupSuggestion | None:
        options = self.query_one("#suggestions", OptionList)
        option = options.highlighted_option if options.display else None
        return self.suggestions[int(option.id)] if option is not None and option.id is not None else None

    @on(OptionList.OptionSelected, "#suggestions")
    def _accept(self, event: OptionList.OptionSelected) -> None:
        suggestion = self.suggestions[int(event.option.id or 0)]

        def named(name: str | None) -> None:
            if name and name.strip():
                self.dismiss((" ".join(name.split()), suggestion))

        title = self.tr("assist.groups.name_title", count=len(suggestion.code_ids))
        self.app.push_screen(InputModal(title, suggestion.name), named)

    def action_dismiss_suggestion(self) -> None:
        suggestion = self._highlighted()
        if suggestion is not None:
            self.dismissed.add(frozenset(suggestion.code_ids))
            self._show(self.suggestions)

    def action_cancel(self) -> None:
        self.dismiss(None)
