"""`a`: the audit log of one object, newest first — what was done to it and which deductive checks were
recorded on it, the trail a methods appendix is written from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from sdi.tui.modals.base import SdiModal
from sdi.workflow.check import AuditView


def local(moment: dt.datetime) -> dt.datetime:
    """The store keeps UTC (SQLite hands it back without a zone); the researcher reads local time."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone()


class AuditModal(SdiModal[None]):
    """The events as a table; recorded checks stand out. `escape` or `a` closes."""

    CSS_PATH = "audit.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,a,q", "close", "tui.key.close", id="close")]

    def __init__(self, title: str, events: Sequence[AuditView]) -> None:
        super().__init__()
        self.title_text, self.events = title, list(events)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="title")
            with VerticalScroll():
                yield Static(self._table() if self.events else Text(self.tr("tui.audit.empty"), style="dim"))
            yield Label(self.tr("tui.audit.hint"), classes="hint")

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_column(style="dim", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        stamp = self.tr("tui.audit.stamp")
        for event in self.events:
            check = event.action == "check"
            what = Text(self.tr("tui.audit.check") + " " if check else "", style="bold green")
            what.append(event.summary, style="bold" if check else "")
            table.add_row(f"{local(event.at):{stamp}}", event.coder, what)
        return table

    @property
    def summaries(self) -> list[str]:
        return [event.summary for event in self.events]

    def action_close(self) -> None:
        self.dismiss(None)
