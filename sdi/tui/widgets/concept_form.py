"""The concept written where it is read from: name, definition and notes in the Begreper screen's upper
pane, in place of the concept's text, while all of the group's codings stay in view underneath — `tab`
goes down into them (and `k` still makes a key quote) and back up. `ctrl+s` saves all three fields,
`escape` leaves the concept as it was."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, TextArea

from sdi.tui.context import tr


@dataclass(frozen=True)
class ConceptDraft:
    name: str
    definition: str
    notes: str


class ConceptForm(Vertical):
    """Hidden until `open`; answers with `Done` (None: cancelled)."""

    HELP_TITLE: ClassVar[str] = "tui.help.concept_form"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "tui.key.save", id="save_concept"),
        Binding("escape", "cancel", "tui.key.cancel", id="cancel_concept"),
    ]

    class Done(Message):
        def __init__(self, draft: ConceptDraft | None) -> None:
            super().__init__()
            self.draft = draft

    def compose(self) -> ComposeResult:
        yield Label("", id="form-title", classes="title")
        yield Label(tr(self, "tui.concept.name"), classes="field")
        yield Input(id="name", select_on_focus=False, compact=True)
        yield Label(tr(self, "tui.concept.definition"), classes="field")
        yield TextArea(id="definition", soft_wrap=True, show_line_numbers=False)
        yield Label(tr(self, "tui.concept.notes"), classes="field")
        yield TextArea(id="notes", soft_wrap=True, show_line_numbers=False)
        yield Label(tr(self, "tui.concept.form_hint"), classes="hint")

    @property
    def editing(self) -> bool:
        return bool(self.display)

    def open(self, title: str, draft: ConceptDraft) -> None:
        self.query_one("#form-title", Label).update(title)
        self.query_one("#name", Input).value = draft.name
        self.query_one("#definition", TextArea).text = draft.definition
        self.query_one("#notes", TextArea).text = draft.notes
        self.display = True
        area = self.query_one("#definition", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def draft(self) -> ConceptDraft:
        return ConceptDraft(
            self.query_one("#name", Input).value,
            self.query_one("#definition", TextArea).text,
            self.query_one("#notes", TextArea).text,
        )

    def close(self) -> None:
        self.display = False

    def action_save(self) -> None:
        self.post_message(self.Done(self.draft()))

    def action_cancel(self) -> None:
        self.post_message(self.Done(None))
