"""`enter` on a cell of the Matrise screen: the passages counted in it — who said it, where, the coded words
in their turn — and `enter` on one walks down to that line of the transcript (`escape` there comes back)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label

from sdi.tui.modals.base import SdiModal
from sdi.tui.widgets.coding_list import CodingList
from sdi.workflow.context import CodingContext


class PassagesModal(SdiModal[CodingContext | None]):
    """Dismissed with the chosen passage, or None."""

    CSS_PATH = "passages.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "tui.key.down", id="down"),
        Binding("escape", "close", "tui.key.close", id="close"),
    ]

    def __init__(self, title: str, contexts: Sequence[CodingContext]) -> None:
        super().__init__()
        self.title_text, self.contexts = title, list(contexts)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="title")
            yield CodingList(id="passages")
            yield Label(self.tr("mx.tui.passages_hint"), classes="hint")

    def on_mount(self) -> None:
        passages = self.query_one(CodingList)
        passages.show(self.contexts, statements=True, top=True)
        passages.focus()

    def action_open(self) -> None:
        context = self.query_one(CodingList).highlighted_context()
        if context is not None:
            self.dismiss(context)

    def action_close(self) -> None:
        self.dismiss(None)
