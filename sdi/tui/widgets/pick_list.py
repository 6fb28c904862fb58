"""Lists of the later steps (groups, codes, concepts, quote sets, quotes, codings). Their `enter` and `space`
belong to the screen — `enter` walks down the SDI chain, `space` marks — so the list keeps only movement."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class PickList(OptionList, inherit_bindings=False):
    """An option list without `enter`; options carry string ids so a selection survives a reload."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"pick-list--mark"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", show=False, id="list_down"),
        Binding("up", "cursor_up", show=False, id="list_up"),
        Binding("home", "first", show=False, id="list_first"),
        Binding("end", "last", show=False, id="list_last"),
        Binding("pagedown", "page_down", show=False, id="list_page_down"),
        Binding("pageup", "page_up", show=False, id="list_page_up"),
    ]

    @property
    def mark_style(self) -> Style:
        """How marked things (marked codes, concepts, edited quotes) stand out, in the theme's colours."""
        return self.get_component_rich_style("pick-list--mark", partial=True)

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.action_first()

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def ids(self) -> list[str]:
        return [option.id or "" for option in self.options]

    def refill(self, options: Iterable[Option | None], keep: str | None = None, *, top: bool = False) -> None:
        """New options (None: a separator line); the highlight goes back to `keep` (by id), else stays at the
        same row — or goes to the first one when `top` (the list now shows something else)."""
        previous = 0 if top else self.highlighted
        self.clear_options()
        self.add_options(options)
        self.select_id(keep, fallback=previous)

    def select_id(self, key: str | None, fallback: int | None = 0) -> bool:
        """Highlight the option with id `key`; else row `fallback` (clamped). True when `key` was found."""
        ids = self.ids()
        if key is not None and key in ids:
            self.highlighted = ids.index(key)
            return True
        if fallback is not None and ids:
            self.highlighted = min(max(0, fallback), len(ids) - 1)
        return False
