"""The tree of focus groups, stages and transcripts on Korpus: Textual's `Tree`, drawn once at start.

Textual's tree forgets every drawn line on each resize. The first resize arrives only after the first screen
is drawn, at the size it was drawn at, so the tree was drawn twice before the researcher could press a key.
Its lines are remembered per width already (the width is part of each line's cache key), so a resize to the
size the tree was last drawn at needs no new drawing; any other resize is Textual's as before."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import Tree

T = TypeVar("T")


class CorpusTree(Tree[T]):
    """A `Tree` that is not redrawn by a resize to the size it was drawn at."""

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(label, id=id)
        self._drawn_at: Size | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawn_at = self.size
        return super().render_lines(crop)

    def _on_resize(self, event: events.Resize) -> None:
        if event.size == self._drawn_at:
            event.prevent_default()  # Tree's own handler would clear every line and draw them again
            self._line_cache.grow(event.size.height)
