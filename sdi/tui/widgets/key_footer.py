"""The key footer of every step screen: Textual's `Footer`, with each key's description and tooltip said in
the project's language (sdi's bindings carry catalogue keys, `sdi.tui.context.said`). The keys it shows are
Textual's, so a key remapped in `[keys]` of `sdi.toml` shows as remapped."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

from sdi.tui.context import said


class KeyFooter(Footer):
    """The footer whose key descriptions are said in the project's language."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            description = getattr(widget, "description", None)
            if isinstance(description, str):
                widget.description = said(self, description)  # type: ignore[attr-defined]
            if isinstance(widget.tooltip, str):
                widget.tooltip = said(self, widget.tooltip)
            yield widget
