"""Coding stripes, as NVivo draws them beside a document: one vertical bar per coding in a margin to the right
of the text, over the rows its words fill, coloured by the code's kodegruppe. Overlapping codings get lanes
side by side. Pure geometry over the reader's layout (no drawing), rebuilt when the layout or the codings
change; looking a row up is a dict access, so drawing a page stays as cheap as without stripes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from sdi.tui.widgets.transcript_layout import TranscriptLayout
from sdi.workflow.code import CodingView
from sdi.workflow.transcript import TurnView

MAX_LANES = 4  # stripes side by side; a row with more codings shows an overflow mark in the last lane

# Ten hues that stay apart from each other and readable on a dark and on a light background (the
# categorical palette of Sasha Trubetskoy's «20 distinct colours», its first ten, darker for light themes).
DARK_COLOURS = (
    "#e6194b", "#3cb44b", "#ffe119", "#4f8cff", "#f58231",
    "#c77dff", "#42d4f4", "#f032e6", "#bfef45", "#fabed4",
)  # fmt: skip
LIGHT_COLOURS = (
    "#c8102e", "#1e8a3a", "#9a7b00", "#1f4fd1", "#c85a00",
    "#7b2cbf", "#00829b", "#b0179f", "#5a7d00", "#b3476b",
)  # fmt: skip
UNGROUPED = "#8a8a8a"


def stripe_colour(order: int | None, dark: bool) -> str:
    """The colour of a code group by its place in the group list (None: not in a group)."""
    if order is None:
        return UNGROUPED
    colours = DARK_COLOURS if dark else LIGHT_COLOURS
    return colours[order % len(colours)]


class Stripe(NamedTuple):
    """One coding's bar over the rows of one turn."""

    lane: int
    top: int
    bottom: int
    coding: CodingView


@dataclass
class Stripes:
    """Per display row: the stripes that pass it (by lane) and those that start on it."""

    lanes: int = 0  # lanes needed (may exceed MAX_LANES)
    by_row: dict[int, list[Stripe]] = field(default_factory=dict)
    starting: dict[int, list[Stripe]] = field(default_factory=dict)
    of_coding: dict[int, list[Stripe]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        layout: TranscriptLayout,
        turns: Sequence[TurnView],
        by_turn: Sequence[Sequence[CodingView]],
    ) -> Stripes:
        """Stripes for the visible turns: a coding over two turns gets a bar in each (in the same lane when
        it is free), so every bar stands beside words of the coding."""
        pieces: list[tuple[int, int, int, CodingView]] = []
        for index in layout.visible:
            turn = turns[index]
            for coding in by_turn[index] if by_turn else ():
                start, end = max(coding.start, turn.start), min(max(coding.end, coding.start + 1), turn.end)
                if start >= end:
                    start, end = turn.start, max(turn.start + 1, turn.end)  # words gone: mark the turn
                top, bottom = layout.rows_of_span(start, end)
                pieces.append((top, -bottom, coding.id, coding))
        pieces.sort(key=lambda piece: piece[:3])
        stripes = cls()
        lane_ends: list[int] = []  # last row taken in each lane
        lane_of: dict[int, int] = {}
        for top, negative_bottom, _, coding in pieces:
            bottom = -negative_bottom
            lane = lane_of.get(coding.id)
            if lane is None or lane_ends[lane] >= top:
                lane = next((n for n, end in enumerate(lane_ends) if end < top), len(lane_ends))
            if lane == len(lane_ends):
                lane_ends.append(bottom)
            lane_ends[lane] = bottom
            lane_of[coding.id] = lane
            stripe = Stripe(lane, top, bottom, coding)
            stripes.starting.setdefault(top, []).append(stripe)
            stripes.of_coding.setdefault(coding.id, []).append(stripe)
            for row in range(top, bottom + 1):
                stripes.by_row.setdefault(row, []).append(stripe)
        stripes.lanes = len(lane_ends)
        return stripes

    def rows_of(self, coding_id: int) -> list[tuple[int, int]]:
        return [(stripe.top, stripe.bottom) for stripe in self.of_coding.get(coding_id, ())]


def group_order(group_ids: Sequence[int]) -> Mapping[int, int]:
    """Group id → its place in the group list (the colour of its stripes)."""
    return {group_id: place for place, group_id in enumerate(group_ids)}
