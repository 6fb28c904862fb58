"""The editor of a quote's display version (the original shown underneath, so every cut can be checked
against what was said). A concept is written in its own screen's form (`widgets/concept_form.py`), with the
codings it sums up in view."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from sdi.tui.modals.base import SdiModal
from sdi.workflow.quote import CUT, tidy_display


class QuoteEditor(SdiModal[str | None]):
    """The display version of a quote. `ctrl+r` turns the selected words into a cut «[…]», `ctrl+t` starts
    again from the tidied original, `ctrl+o` from the original itself."""

    CSS_PATH = "editors.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "tui.key.save", id="save"),
        Binding("ctrl+r", "cut", "tui.key.cut", id="cut"),
        Binding("ctrl+t", "fill(True)", "tui.key.tidy", id="tidy"),
        Binding("ctrl+o", "fill(False)", "tui.key.original", id="original"),
        Binding("escape", "cancel", "tui.key.cancel", id="cancel"),
    ]

    def __init__(self, title: str, display: str, original: str) -> None:
        super().__init__()
        self.title_text, self.display_text, self.original = title, display, original

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="title")
            yield TextArea(self.display_text, id="display", soft_wrap=True, show_line_numbers=False)
            yield Label(self.tr("tui.quote.original"), classes="field")
            yield Static(self.original, id="original")
            yield Label(self.tr("tui.quote.editor_hint"), classes="hint")

    @property
    def area(self) -> TextArea:
        return self.query_one("#display", TextArea)

    def on_mount(self) -> None:
        self.area.focus()
        self.area.move_cursor(self.area.document.end)

    def action_cut(self) -> None:
        """Replace the selection (or insert at the cursor) by the cut mark, spaced like a word."""
        area = self.area
        start, end = sorted((area.selection.start, area.selection.end))
        before = area.get_text_range((0, 0), start)
        mark = CUT if not before or before.endswith(" ") else f" {CUT}"
        area.replace(mark, start, end)

    def action_fill(self, tidy: bool) -> None:
        self.area.text = tidy_display(self.original) if tidy else self.original
        self.area.move_cursor(self.area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.area.text)

    def action_cancel(self) -> None:
        self.dismiss(None)
