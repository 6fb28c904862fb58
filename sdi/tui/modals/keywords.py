"""The keyword table (from the command palette): the distinctive words of each focus group, category, site
or stage against the rest of the corpus, by log-likelihood — what each group talks about more than the
others, as a way into the material before and while coding. `b` changes the slicing."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Label

from sdi.tui.modals.base import SdiModal
from sdi.workflow.keywords import SLICES, KeywordSlice, keywords_by
from sdi.workflow.project import Project

TOP = 10


class KeywordsModal(SdiModal[None]):
    """Read-only; the counts come from the lemmas stored at import."""

    CSS_PATH = "keywords.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "tui.key.close", id="close"),
        Binding("b", "next_slicing", "tui.key.keywords_by", id="keywords_by"),
    ]

    def __init__(self, project: Project, by: str = "group") -> None:
        super().__init__()
        self.project, self.by = project, by
        self.slices: list[KeywordSlice] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("", id="keywords-title", classes="title")
            yield DataTable(id="keywords", cursor_type="row", zebra_stripes=True)
            yield Label(self.tr("tui.keywords.hint"), classes="hint")

    def on_mount(self) -> None:
        self.show()
        self.query_one(DataTable).focus()

    def show(self) -> None:
        self.slices = keywords_by(self.project, self.by, TOP)
        what = self.tr(f"kw.by.{self.by}").lower()
        self.query_one("#keywords-title", Label).update(self.tr("tui.keywords.title", by=what))
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(
            self.tr(f"kw.by.{self.by}"),
            self.tr("kw.lemma"),
            *(Text(self.tr(key), justify="right") for key in ("kw.g2", "kw.count", "kw.rest", "kw.rate")),
        )
        for part in self.slices:
            name = self.tr("kw.stage_name", number=part.name) if self.by == "stage" else part.name
            if not part.keywords:
                table.add_row(Text(name, style="bold"), Text(self.tr("kw.none"), style="dim"), "", "", "", "")
            for index, word in enumerate(part.keywords):
                numbers = (
                    self._decimal(word.g2),
                    str(word.count),
                    str(word.rest),
                    self._decimal(word.per_thousand),
                )
                table.add_row(
                    Text(name if index == 0 else "", style="bold"),
                    word.lemma,
                    *(Text(value, justify="right") for value in numbers),
                )

    def _decimal(self, value: float) -> str:
        text = f"{value:.1f}"
        return text.replace(".", ",") if str(getattr(self.app, "language", "nb")) == "nb" else text

    def action_next_slicing(self) -> None:
        self.by = SLICES[(SLICES.index(self.by) + 1) % len(SLICES)]
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)
