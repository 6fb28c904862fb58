"""Small glue every face module needs: the running SdiApp with its project, strings in the project's
language, and binding descriptions translated per instance (class-level BINDINGS cannot know the language)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from textual.binding import BindingsMap
from textual.dom import DOMNode

from sdi.i18n import t
from sdi.workflow.errors import describe

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp


def sdi_app(node: DOMNode) -> SdiApp:
    return cast("SdiApp", node.app)


def tr(node: DOMNode, key: str, **values: object) -> str:
    """`key` in the language of the project the running app has open."""
    return t(key, str(getattr(node.app, "language", "nb")), **values)


def counted(node: DOMNode, key: str, count: int, **values: object) -> str:
    """`key` for `count` things: its `…_one` form for exactly one («1 taler», not «1 talere»)."""
    from sdi.i18n import catalogue

    one = f"{key}_one"
    return tr(node, one if count == 1 and one in catalogue() else key, count=count, **values)


def refuse(node: DOMNode, error: BaseException) -> None:
    """A refusal from the workflow or the store, as one notification in the project's language."""
    language = str(getattr(node.app, "language", "nb"))
    node.app.notify(describe(error, language), title=t("tui.error", language), severity="error")


def translate_bindings(node: DOMNode, language: str) -> None:
    """Replace binding descriptions and tooltips that are i18n keys (`tui.…`) by their text, on this
    instance only. The description is the footer's short word; a tooltip, where there is one, says it in
    full for the help and the palette."""

    def said(text: str) -> str:
        return t(text, language) if text.startswith("tui.") else text

    keys = {
        key: [
            replace(binding, description=said(binding.description), tooltip=said(binding.tooltip))
            for binding in bindings
        ]
        for key, bindings in node._bindings.key_to_bindings.items()
    }
    node._bindings = BindingsMap.from_keys(keys)


def translate_tree(root: DOMNode) -> None:
    """Translate the bindings of `root` and everything under it (screens call this when mounted)."""
    language = str(getattr(root.app, "language", "nb"))
    translate_bindings(root, language)
    for node in root.query("*"):
        translate_bindings(node, language)
    root.refresh_bindings()
