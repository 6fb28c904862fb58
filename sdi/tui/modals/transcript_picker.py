"""`o`: choose which transcript to read and code, listed by focus group and stage."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sdi.tui.modals.base import SdiModal
from sdi.workflow.transcript import TranscriptSummary


class TranscriptPicker(SdiModal[int | None]):
    """Returns the chosen transcript's id, or None."""

    CSS_PATH = "transcript_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "tui.key.cancel", id="cancel")]

    def __init__(self, transcripts: Sequence[TranscriptSummary], current: int | None = None) -> None:
        super().__init__()
        self.transcripts, self.current = list(transcripts), current

    def compose(self) -> ComposeResult:
        options = [
            Option(Text.assemble(item.title, ("  " + item.source_path, "dim")), id=str(item.id))
            for item in self.transcripts
        ]
        with Vertical(classes="dialog"):
            yield Label(self.tr("tui.pick_transcript"), classes="title")
            yield OptionList(*options)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        ids = [item.id for item in self.transcripts]
        if self.current in ids:
            options.highlighted = ids.index(self.current)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
