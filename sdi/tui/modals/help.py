"""`?`: the keys of the screen underneath, with what they do — collected from its active bindings, so the
list can never drift from what the keys really do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from sdi.tui.context import is_ours, said
from sdi.tui.modals.base import SdiModal

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp

Section = tuple[str, Sequence[tuple[str, str]]]  # heading, (key, description) rows


class HelpModal(SdiModal[None]):
    """Sections of key and description; any of `escape`, `?`, `q` closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "tui.key.close", id="close")
    ]

    def __init__(self, title: str, sections: Sequence[Section]) -> None:
        super().__init__()
        self.title_text, self.sections = title, list(sections)

    @property
    def keys(self) -> dict[str, str]:
        """Description → keys, over all sections."""
        return {description: key for _, rows in self.sections for key, description in rows}

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=12)
        table.add_column()
        for index, (heading, rows) in enumerate(self.sections):
            if index:
                table.add_row("", "")
            table.add_row(Text(heading, style="underline"), "")
            for key, description in rows:
                table.add_row(key, description)
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="title")
            with VerticalScroll():
                yield Static(table)
            yield Label(self.tr("tui.help_hint"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)


def show_help(app: SdiApp) -> None:
    """The keys of the screen underneath — sdi's own bindings (Textual's built-in ones are left out),
    grouped by where they act: the focused widget, the screen, everywhere."""
    sections: dict[str, dict[str, list[str]]] = {}
    for active in app.screen.active_bindings.values():  # with the keys of [keys] in sdi.toml
        binding = active.binding
        if not is_ours(binding.description):
            continue
        heading = app.tr(getattr(active.node, "HELP_TITLE", "tui.help.here"))
        text = said(app, binding.tooltip or binding.description)
        keys = sections.setdefault(heading, {}).setdefault(text, [])
        keys.append(app.get_key_display(binding))
    rows = [
        (heading, [(" / ".join(dict.fromkeys(keys)), text) for text, keys in entries.items()])
        for heading, entries in sections.items()
    ]
    mode = app.current_mode if app.current_mode in app.MODES else app.STEPS[0]
    app.push_screen(HelpModal(app.tr("tui.help_title", step=app.tr(f"tui.step.{mode}")), rows))
