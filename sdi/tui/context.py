"""Small glue every face module needs: the running SdiApp with its project, strings in the project's
language, and binding descriptions said in it. Bindings carry catalogue keys (`tui.key.…`) as their
descriptions, because class-level BINDINGS cannot know the language; `said` turns them into text wherever
they are shown (the footer, `?`'s help, the palette)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

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


def said(node: DOMNode, text: str) -> str:
    """A binding's description or tooltip in the project's language: catalogue keys (`tui.…`) are looked up,
    anything else (Textual's own bindings) is shown as it is."""
    from sdi.i18n import catalogue

    return tr(node, text) if text.startswith("tui.") and text in catalogue() else text


def is_ours(text: str) -> bool:
    """Whether a binding's description is one of sdi's (a catalogue key), not one of Textual's built-ins."""
    return text.startswith("tui.")


def refusals() -> tuple[type[BaseException], ...]:
    """What a worker thread's write may end in that is shown as one line: the workflow's refusals and a
    file the system would not write."""
    from sdi.workflow.errors import reportable_errors

    return (OSError, *reportable_errors())
