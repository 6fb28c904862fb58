"""What every modal shares: `tr` for its strings (binding descriptions are said where they are shown)."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from sdi.tui.context import tr

ResultType = TypeVar("ResultType")


class SdiModal(ModalScreen[ResultType]):
    """A modal whose binding descriptions are i18n keys."""

    def tr(self, key: str, **values: object) -> str:
        return tr(self, key, **values)
