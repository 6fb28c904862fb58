"""The review of `sdi anonymise` in the workbench: every name found with its proposed pseudonym; the
researcher accepts (`a`), rejects (`r`) or edits (`e`) each, and applies the accepted ones (`ctrl+s`).

Opened from the command palette («Anonymiser …»). Finding and applying are `sdi.workflow.anonymise.names`;
this modal only keeps the decisions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from sdi.tui.context import refuse
from sdi.tui.modals.base import SdiModal
from sdi.tui.modals.dialogs import InputModal
from sdi.workflow.anonymise.names import AnonymiseReport, Decision, NameProposal, apply_decisions, find_names
from sdi.workflow.errors import reportable_errors

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp

SHOWN_PLACES = 8


@dataclass
class Choice:
    """One row of the review: the proposal, the replacement as edited, and whether it is accepted."""

    proposal: NameProposal
    replacement: str
    accepted: bool = True


class AnonymiseModal(SdiModal[AnonymiseReport | None]):
    """Returns the report of the applied names, or None when closed without applying."""

    CSS_PATH = "anonymise.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide(True)", "tui.key.anon_accept", id="anon_accept"),
        Binding("r", "decide(False)", "tui.key.anon_reject", id="anon_reject"),
        Binding("e", "edit", "tui.key.anon_edit", id="anon_edit"),
        Binding("ctrl+s", "apply", "tui.key.anon_apply", id="anon_apply"),
        Binding("escape", "close", "tui.key.anon_close", id="close"),
    ]

    def __init__(self, proposals: list[NameProposal]) -> None:
        super().__init__()
        self.choices = [Choice(p, p.replacement) for p in proposals]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.tr("anon.title", count=len(self.choices)), classes="title")
            yield DataTable(cursor_type="row", zebra_stripes=True)
            yield Label("", id="places", classes="places")
            yield Label("", id="summary", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for column in ("decision", "name", "kind", "count", "replacement", "where"):
            table.add_column(self.tr(f"anon.col.{column}"), key=column)
        for index, choice in enumerate(self.choices):
            p = choice.proposal
            name = p.name + (f" ({', '.join(p.variants)})" if p.variants else "")
            where = str(p.occurrences[0]) if p.occurrences else ""
            table.add_row(
                self._decision(choice), name, self.tr(f"anon.kind.{p.kind}"), str(p.count),
                choice.replacement, where, key=str(index),
            )  # fmt: skip
        table.focus()
        self._summary()

    @on(DataTable.RowHighlighted)
    def _show_places(self, event: DataTable.RowHighlighted) -> None:
        """Every place the highlighted name stands (the table shows only the first)."""
        if 0 <= event.cursor_row < len(self.choices):
            places = self.choices[event.cursor_row].proposal.occurrences
            shown = ", ".join(str(o) for o in places[:SHOWN_PLACES])
            if len(places) > SHOWN_PLACES:
                shown += " " + self.tr("anon.more", count=len(places) - SHOWN_PLACES)
            self.query_one("#places", Label).update(shown)

    @property
    def decisions(self) -> list[Decision]:
        return [
            Decision(c.proposal.name, c.replacement, c.proposal.variants) for c in self.choices if c.accepted
        ]

    def _current(self) -> tuple[int, Choice] | None:
        table = self.query_one(DataTable)
        if not self.choices or table.cursor_row < 0:
            return None
        return table.cursor_row, self.choices[table.cursor_row]

    def _decision(self, choice: Choice) -> str:
        return self.tr("anon.accepted" if choice.accepted else "anon.rejected")

    def _summary(self) -> None:
        accepted = sum(c.accepted for c in self.choices)
        text = self.tr("anon.summary", accepted=accepted, rejected=len(self.choices) - accepted)
        self.query_one("#summary", Label).update(text)

    def action_decide(self, accept: bool) -> None:
        current = self._current()
        if current is None:
            return
        index, choice = current
        choice.accepted = accept
        table = self.query_one(DataTable)
        table.update_cell(str(index), "decision", self._decision(choice))
        table.move_cursor(row=min(index + 1, len(self.choices) - 1))
        self._summary()

    def action_edit(self) -> None:
        current = self._current()
        if current is None:
            return
        index, choice = current

        def edited(value: str | None) -> None:
            if value is not None and value.strip():
                choice.replacement, choice.accepted = value.strip(), True
                table = self.query_one(DataTable)
                table.update_cell(str(index), "replacement", choice.replacement)
                table.update_cell(str(index), "decision", self._decision(choice))
                self._summary()

        title = self.tr("anon.edit_title", name=choice.proposal.name)
        self.app.push_screen(InputModal(title, choice.replacement), edited)

    def action_apply(self) -> None:
        app: SdiApp = self.app  # type: ignore[assignment]
        try:
            report = apply_decisions(app.project, self.decisions)
        except reportable_errors() as error:
            refuse(self, error)
            return
        self.dismiss(report)  # `open_review` takes it in (`after_write`)

    def action_close(self) -> None:
        self.dismiss(None)


def open_review(app: SdiApp) -> None:
    """Find the names (read-only, in a worker thread: on a large corpus it takes a while) and show the
    review; when names were applied, the screen rereads."""

    def done(report: AnonymiseReport | None) -> None:
        if report is not None:
            app.after_write(app.tr("anon.done", names=report.names, replacements=report.replacements,
                                   documents=report.documents))  # fmt: skip

    def show(proposals: list[NameProposal]) -> None:
        if not proposals:
            app.notify(app.tr("anon.none"))
            return
        app.push_screen(AnonymiseModal(proposals), done)

    def refused(error: BaseException) -> None:
        refuse(app, error)

    def find() -> None:
        try:
            proposals = list(find_names(app.project))
        except reportable_errors() as error:
            app.call_from_thread(refused, error)
            return
        app.call_from_thread(show, proposals)

    app.notify(app.tr("anon.finding"))
    app.run_worker(find, thread=True, exit_on_error=False, group="anonymise")
