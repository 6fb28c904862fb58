"""`M` (or «Memoer» in the palette): every memo of the project, newest first, each with what it is about —
a code, a coding, a transcript, a group, a stage, a concept, a quote set. Typing narrows the list (every
word must be in the memo, its object or its author); `enter` opens the object where the SDI step shows it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from sdi.tui.modals.audit import local
from sdi.tui.modals.base import SdiModal
from sdi.workflow.check import brief
from sdi.workflow.memo_index import MemoListing

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp

PREVIEW = 160  # characters of a memo's text in the list (cut with «…»)


def matches(listing: MemoListing, words: Sequence[str], kind: str) -> bool:
    """Does every word occur in the memo, its object, its kind or its author (any case)?"""
    memo = listing.memo
    haystack = " ".join((memo.text, memo.title, listing.label, memo.author, kind)).casefold()
    return all(word in haystack for word in words)


class MemoList(OptionList):
    """The memos; `up` on the first one goes back to the search field."""

    def action_cursor_up(self) -> None:
        if self.highlighted in (0, None):
            self.screen.query_one("#memo-search", Input).focus()
        else:
            super().action_cursor_up()


class MemoBrowser(SdiModal[MemoListing | None]):
    """Returns the memo whose object to open, or None."""

    CSS_PATH = "memo_browser.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.close", id="close"),
        Binding("down", "to_list", "tui.key.to_memos", show=False, id="to_memos"),
    ]

    def __init__(self, listings: Sequence[MemoListing]) -> None:
        super().__init__()
        self.listings = list(listings)
        self.shown: list[MemoListing] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.tr("tui.memos.title", count=len(self.listings)), classes="title")
            yield Input(placeholder=self.tr("tui.memos.placeholder"), id="memo-search")
            yield Label("", id="memo-count")
            yield MemoList(id="memo-list")
            yield Label(self.tr("tui.memos.hint"), classes="hint")

    def on_mount(self) -> None:
        self._show("")
        self.query_one("#memo-search", Input).focus()

    def kind(self, listing: MemoListing) -> str:
        return self.tr(f"tui.memos.kind.{listing.memo.target_type}")

    def _prompt(self, listing: MemoListing) -> Text:
        memo = listing.memo
        about = listing.label if not listing.gone else self.tr("tui.memos.gone")
        style = "dim" if listing.gone else "bold"
        line = Text.assemble((self.kind(listing) + ": ", "dim"), (about, style))
        when = f"{local(memo.updated_at):{self.tr('tui.audit.stamp')}}"
        line.append(f"  · {memo.author or '–'} · {when}", style="dim")
        line.append("\n" + brief(memo.text or memo.title, PREVIEW))
        return line

    def _show(self, query: str) -> None:
        words = query.casefold().split()
        self.shown = [item for item in self.listings if matches(item, words, self.kind(item))]
        options = self.query_one(MemoList)
        options.clear_options()
        for index, listing in enumerate(self.shown):
            if index:
                options.add_option(None)
            options.add_option(Option(self._prompt(listing), id=str(listing.memo.id)))
        if not self.listings:
            summary = self.tr("tui.memos.none")
        else:
            summary = self.tr("tui.memos.shown", shown=len(self.shown), count=len(self.listings))
        self.query_one("#memo-count", Label).update(summary)
        if self.shown:
            options.highlighted = 0

    @on(Input.Changed, "#memo-search")
    def _typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#memo-search")
    def _submitted(self) -> None:
        option = self.query_one(MemoList).highlighted_option
        if option is not None:
            self.dismiss(next(item for item in self.shown if str(item.memo.id) == option.id))

    @on(OptionList.OptionSelected, "#memo-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(item for item in self.shown if str(item.memo.id) == event.option.id))

    def action_to_list(self) -> None:
        options = self.query_one(MemoList)
        if options.option_count and not options.has_focus:
            options.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_object(app: SdiApp, listing: MemoListing) -> None:
    """Walk down to what a memo is about, on the screen of its SDI step (`escape` walks back)."""
    kind, target = listing.memo.target_type, listing.memo.target_id
    if listing.gone:
        app.notify(app.tr("tui.memos.gone"), severity="warning")
    elif kind in ("document", "coding", "utterance") and listing.document_id is not None:
        app.walk_down("coding", {"document": listing.document_id, "offset": listing.offset})
    elif kind in ("quote_set", "quote") and listing.set_id is not None:
        app.walk_down("quotes", {"set": listing.set_id, "pane": "quotes" if kind == "quote" else "sets",
                                 "quote": target})  # fmt: skip
    elif kind == "code":
        group = "ungrouped" if listing.group_id is None else f"group-{listing.group_id}"
        app.walk_down("code_groups", {"group": group, "pane": "codes", "code": target})
    elif kind == "code_group":
        app.walk_down("code_groups", {"group": f"group-{listing.group_id}", "pane": "groups"})
    elif kind == "concept":
        app.walk_down("concepts", {"group": listing.group_id, "pane": "groups"})
    else:  # the project, a focus group, a stage, a participant: Korpus
        app.walk_down("corpus", {"group": listing.focus_group, "stage": listing.stage})
