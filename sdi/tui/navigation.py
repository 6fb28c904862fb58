"""The walk back, SDI's deductive loop as navigation: `enter` goes down (concept → code group → code → its
codings → the transcript line) and `escape` goes back up the same path. The trail remembers, per step down,
which screen it left and what was selected there, so going up lands exactly where the researcher was."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

State = Mapping[str, object]  # what a screen had selected: ids and which pane had the focus
LIMIT = 50  # a walk is a few steps deep; an endless trail would only lead somewhere long forgotten


@dataclass(frozen=True)
class Place:
    """Where a step down started: the screen (mode) and its selection."""

    mode: str
    state: State = field(default_factory=dict)


class Trail:
    """A small stack of places; cleared when the researcher jumps to a step by number or palette."""

    def __init__(self) -> None:
        self._places: list[Place] = []

    def __len__(self) -> int:
        return len(self._places)

    def push(self, place: Place) -> None:
        self._places.append(place)
        del self._places[:-LIMIT]

    def pop(self) -> Place | None:
        return self._places.pop() if self._places else None

    def clear(self) -> None:
        self._places.clear()

    @property
    def places(self) -> tuple[Place, ...]:
        return tuple(self._places)
