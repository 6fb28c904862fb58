"""What every modal shares: binding descriptions in the project's language and `tr` for its strings."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from sdi.tui.context import tr, translate_tree

ResultType = TypeVar("ResultType")


class SdiModal(ModalScreen[ResultType]):
    """A modal whose binding descriptions are i18n keys."""

    def on_mount(self) -> None:
        translate_tree(self)

    def tr(self, key: str, **values: object) -> str:
        return tr(self, key, **values)
