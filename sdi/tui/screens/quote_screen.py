"""Step 5, quotes: codings gathered into quote sets for a poster or a paper, put in order, each with a display
version (cuts marked «[…]», hesitations tidied) while the original stays in the transcript — one `enter`
away, so a quote is always read back in its context before it is used."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sdi.tui.context import sdi_app
from sdi.tui.modals.dialogs import ConfirmModal, InputModal
from sdi.tui.modals.editors import QuoteEditor
from sdi.tui.navigation import State
from sdi.tui.screens.base import CHECK_BINDINGS, WALK_BINDINGS, SdiScreen, Target
from sdi.tui.widgets.pick_list import PickList
from sdi.workflow.quote import (
    QuoteSetSummary,
    QuoteView,
    create_quote_set,
    delete_quote_set,
    edit_display,
    list_quote_sets,
    move_quote,
    quotes_of_set,
    remove_quote,
    rename_quote_set,
    tidy_display,
)

LABEL = 60  # characters of a quote in dialog titles


def short(text: str, limit: int = LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


class QuoteScreen(SdiScreen):
    """Quote sets on the left, the selected set's quotes in their order on the right."""

    MODE = "quotes"
    CSS_PATH = "quote_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *WALK_BINDINGS,
        Binding("n", "new_set", "tui.key.new_set_short", id="new_set", tooltip="tui.key.new_set"),
        Binding("e", "edit_display", "tui.key.edit_display", id="edit_display"),
        Binding("t", "tidy", "tui.key.tidy_quote", show=False, id="tidy_quote"),
        Binding("o", "original", "tui.key.original_quote", show=False, id="original_quote"),
        Binding("x", "remove_quote", "tui.key.remove_quote", show=False, id="remove_quote"),
        Binding("ctrl+up,shift+up", "move_quote(-1)", "tui.key.quote_up", show=False, id="quote_up"),
        Binding("ctrl+down,shift+down", "move_quote(1)", "tui.key.quote_down", show=False, id="quote_down"),
        Binding("r", "rename_set", "tui.key.rename_set", show=False, id="rename_set"),
        Binding("delete", "delete_set", "tui.key.delete_set", show=False, id="delete_set"),
        *CHECK_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sets: list[QuoteSetSummary] = []
        self.set_id: int | None = None
        self.quotes: list[QuoteView] = []

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="quotes-body"):
            with Vertical(id="sets-side"):
                yield Label(self.tr("tui.quotes.sets_title"), classes="pane-title")
                yield PickList(id="sets")
            with Vertical(id="quotes-side"):
                yield Label("", id="quotes-title", classes="pane-title")
                yield PickList(id="quotes")

    def on_mount(self) -> None:
        self.set_list.focus()

    @property
    def set_list(self) -> PickList:
        return self.query_one("#sets", PickList)

    @property
    def quote_list(self) -> PickList:
        return self.query_one("#quotes", PickList)

    @property
    def pane(self) -> str:
        return "quotes" if self.quote_list.has_focus else "sets"

    # ---- loading ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.sets = list_quote_sets(self.project)
        ids = [item.id for item in self.sets]
        if self.set_id not in ids:
            self.set_id = ids[0] if ids else None
        options = [
            Option(
                Text.assemble((item.name, "bold"), ("\n" + self._count(item.quotes), "dim")),
                id=f"set-{item.id}",
            )
            for item in self.sets
        ]
        if not options:
            options = [Option(Text(self.tr("tui.quotes.no_sets"), style="dim italic"), disabled=True)]
        self.set_list.refill(options, f"set-{self.set_id}")
        total = sum(item.quotes for item in self.sets)
        self.set_context(self.tr("tui.quotes.context", sets=len(self.sets), quotes=self._count(total)))
        self._show_quotes()

    def _count(self, quotes: int) -> str:
        return self.tr("tui.quotes.count_one" if quotes == 1 else "tui.quotes.count", count=quotes)

    def _show_quotes(self, keep: int | None = None) -> None:
        current = keep if keep is not None else (quote.id if (quote := self._quote(warn=False)) else None)
        self.quotes = quotes_of_set(self.project, self.set_id) if self.set_id is not None else []
        options: list[Option | None] = []
        for quote in self.quotes:
            options += [None] if options else []
            options.append(Option(self._quote_prompt(quote), id=f"quote-{quote.id}"))
        if not options:
            options = [Option(Text(self.tr("tui.quotes.no_quotes"), style="dim italic"), disabled=True)]
        self.quote_list.refill(options, f"quote-{current}" if current is not None else None)
        name = next((item.name for item in self.sets if item.id == self.set_id), "")
        self.query_one("#quotes-title", Label).update(
            f"{name} ({self._count(len(self.quotes))})" if name else ""
        )

    def _quote_prompt(self, quote: QuoteView) -> Text:
        text = Text.assemble((f"{quote.position + 1:>2}  ", "bold"))
        text.append(f"«{quote.display}»")
        text.append("\n    — " + quote.context.attribution_in(sdi_app(self).language), style="dim")
        if quote.edited:
            mark = self.quote_list.mark_style
            text.append("  " + self.tr("tui.quotes.edited"), style=mark)
        text.append("\n    " + quote.context.statement, style="dim italic")
        return text

    @on(OptionList.OptionHighlighted, "#sets")
    def _set_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        set_id = int((event.option.id or "set-0").removeprefix("set-"))
        if set_id != self.set_id:
            self.set_id = set_id
            self._show_quotes()

    # ---- what the keys act on ---------------------------------------------------------------------------

    def _quote(self, warn: bool = True) -> QuoteView | None:
        key = self.quote_list.highlighted_id
        quote = next((q for q in self.quotes if f"quote-{q.id}" == key), None)
        if quote is None and warn:
            self.notify(self.tr("tui.quotes.quote_first"), severity="warning")
        return quote

    def _set(self) -> QuoteSetSummary | None:
        return next((item for item in self.sets if item.id == self.set_id), None)

    def target(self) -> Target | None:
        if self.pane == "quotes" and (quote := self._quote(warn=False)):
            return Target("quote", quote.id, short(quote.display))
        item = self._set()
        return Target("quote_set", item.id, item.name) if item else None

    # ---- the walk back ----------------------------------------------------------------------------------

    def place(self) -> dict[str, object]:
        quote = self._quote(warn=False)
        return {"set": self.set_id, "pane": self.pane, "quote": quote.id if quote else None}

    def show_place(self, state: State) -> None:
        set_id, quote = state.get("set"), state.get("quote")
        keep = quote if isinstance(quote, int) else None
        if isinstance(set_id, int) and set_id != self.set_id and self.set_list.select_id(f"set-{set_id}"):
            self.set_id = set_id
            self._show_quotes(keep=keep)
        elif keep is not None:
            self.quote_list.select_id(f"quote-{keep}")
        (self.quote_list if state.get("pane") == "quotes" else self.set_list).focus()

    def action_down(self) -> None:
        app = sdi_app(self)
        if self.pane == "sets" and self.set_id is not None:
            app.walk_down(self.MODE, {"set": self.set_id, "pane": "quotes"})
        elif self.pane == "quotes" and (quote := self._quote()):
            app.walk_down("coding", {"document": quote.context.document_id, "offset": quote.context.start})

    def local_up(self) -> None:
        self.set_list.focus()

    # ---- quote sets -------------------------------------------------------------------------------------

    def _after_change(self, keep: int | None = None) -> None:
        self.after_write()
        if keep is not None:
            self.quote_list.select_id(f"quote-{keep}")

    def action_new_set(self) -> None:
        def named(name: str | None) -> None:
            if name and name.strip():
                set_id = self.attempt(create_quote_set, self.project, name)
                if set_id is not None:
                    self.set_id = set_id
                    self._after_change()

        self.app.push_screen(InputModal(self.tr("tui.quote.new_set_title")), named)

    def action_rename_set(self) -> None:
        item = self._set()
        if item is None:
            return

        def renamed(name: str | None) -> None:
            if (
                name
                and name.strip() != item.name
                and self.perform(rename_quote_set, self.project, item.id, name)
            ):
                self._after_change()

        self.app.push_screen(InputModal(self.tr("tui.quotes.rename_title"), item.name), renamed)

    def action_delete_set(self) -> None:
        item = self._set()
        if item is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.perform(delete_quote_set, self.project, item.id):
                self._after_change()
                self.notify(self.tr("tui.quotes.deleted", name=item.name))

        question = self.tr("tui.quotes.confirm_delete", name=item.name, quotes=self._count(item.quotes))
        self.app.push_screen(ConfirmModal(question, self.tr("tui.delete")), confirmed)

    # ---- quotes -----------------------------------------------------------------------------------------

    def action_move_quote(self, delta: int) -> None:
        quote = self._quote()
        if quote is None:
            return
        position = quote.position + delta
        if 0 <= position < len(self.quotes) and self.perform(move_quote, self.project, quote.id, position):
            self._after_change(keep=quote.id)

    def _edit(self, text: str) -> None:
        """The display editor, starting from `text`; saving the original words unchanged clears the edit."""
        quote = self._quote()
        if quote is None:
            return

        def saved(display: str | None) -> None:
            if display is None or display.strip() == quote.display:
                return
            value = None if display.strip() == quote.original.strip() else display
            if self.perform(edit_display, self.project, quote.id, value):
                self._after_change(keep=quote.id)

        attribution = quote.context.attribution_in(sdi_app(self).language)
        title = self.tr("tui.quotes.edit_title", attribution=attribution)
        self.app.push_screen(QuoteEditor(title, text, quote.original), saved)

    def action_edit_display(self) -> None:
        if quote := self._quote():
            self._edit(quote.display)

    def action_tidy(self) -> None:
        if quote := self._quote():
            self._edit(tidy_display(quote.original))

    def action_original(self) -> None:
        quote = self._quote()
        if quote is not None and quote.edited and self.perform(edit_display, self.project, quote.id, None):
            self._after_change(keep=quote.id)
            self.notify(self.tr("tui.quotes.reverted"))

    def action_remove_quote(self) -> None:
        quote = self._quote()
        if quote is not None and self.perform(remove_quote, self.project, quote.id):
            self._after_change()
            self.notify(self.tr("tui.quotes.removed", quote=short(quote.display, 40)))
