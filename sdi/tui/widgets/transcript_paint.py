"""Drawing the reader's rows: the gutter (source line, cursor mark), the words with what lies on them
(codings, the lit-up coding, the caret's sentence and word, the selection), and the stripe margin with the
code's name on the caret's line and where a stripe begins. One row at a time, from the layout and stripes
the reader keeps — nothing here walks the whole transcript."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.strip import Strip

from sdi.tui.context import tr
from sdi.tui.widgets.coding_stripes import Stripe, stripe_colour
from sdi.tui.widgets.transcript_layout import HEADER, TEXT
from sdi.workflow.anchor import FLAGGED
from sdi.workflow.code import CodingView

if TYPE_CHECKING:
    from sdi.tui.widgets.transcript_view import TranscriptReader

GUTTER = 8  # "  123 ▌ ": source line number, cursor mark, space
LABEL_MAX = 24  # the widest code name in the margin
LABEL_MIN = 10  # below this a name says too little: the margin shows stripes only
TEXT_WITH_LABEL = 56  # the text keeps at least this many columns before the margin gets names
FOCUS_TINT = 0.45  # how much of its stripe's colour a lit-up coding's words get as background
_LAYERS = ("coded", "flagged", "focus", "sentence", "caret", "selection")  # drawn in this order; later win

COMPONENTS = {
    "transcript-view--gutter",
    "transcript-view--marker",
    "transcript-view--speaker",
    "transcript-view--role",
    "transcript-view--moderator",
    "transcript-view--coded",
    "transcript-view--flagged",
    "transcript-view--focus",
    "transcript-view--sentence",
    "transcript-view--caret",
    "transcript-view--selection",
    "transcript-view--overflow",
}


def label_width(width: int, lanes: int) -> int:
    """Columns for code names beside the stripes in a reader `width` wide (0: no room)."""
    room = width - GUTTER - 1 - lanes
    label = min(LABEL_MAX, room - TEXT_WITH_LABEL - 1)
    return label if label >= LABEL_MIN else 0


def clip(text: str, width: int) -> str:
    """`text` in `width` cells, cut with «…»."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class ReaderPainter:
    """Draws rows for one reader; the colours follow the theme at each draw."""

    def __init__(self, reader: TranscriptReader) -> None:
        self.reader = reader

    def _style(self, name: str, partial: bool = False) -> Style:
        return self.reader.get_component_rich_style(f"transcript-view--{name}", partial=partial)

    def colour(self, coding: CodingView) -> str:
        reader = self.reader
        return stripe_colour(reader.group_order.get(coding.group_id or -1), reader.app.current_theme.dark)

    def line(self, y: int) -> Strip:
        reader = self.reader
        width = reader.scrollable_content_region.width
        base = reader.rich_style
        row = round(reader.scroll_offset.y) + y
        layout = reader._layout
        if layout is None or not layout.visible:
            if y == 0 and reader.empty_message:
                return Strip([Segment("  " + reader.empty_message, base)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if row >= len(layout):
            return Strip.blank(width, base)
        line = layout.lines[row]
        turn = reader._turns[line.turn]
        number = f"{turn.line:>5} " if line.kind == HEADER else " " * 6
        mark = "▌ " if line.turn == reader.cursor_turn else "  "
        segments = [Segment(number, self._style("gutter")), Segment(mark, self._style("marker"))]
        if line.kind == HEADER:
            segments += self._header(line.turn)
            return Strip(segments).adjust_cell_length(width, base)
        if line.kind == TEXT:
            text_style = self._style("moderator") if turn.is_moderator else base
            segments += self._words(line.turn, line.start, line.end, text_style)
        words = Strip(segments).adjust_cell_length(GUTTER + layout.width, base)
        return Strip.join([words, Strip(self._margin(row, base))]).adjust_cell_length(width, base)

    def _header(self, index: int) -> list[Segment]:
        reader = self.reader
        turn = reader._turns[index]
        segments = [Segment(turn.speaker or "–", self._style("speaker"))]
        extra = [turn.role] if turn.role and turn.role != turn.speaker else []
        if turn.time_start is not None:
            seconds = int(turn.time_start)
            extra.append(f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}")
        if extra:
            segments.append(Segment(" · " + " · ".join(extra), self._style("role")))
        lost = sum(c.status == "orphaned" for c in reader._by_turn[index]) if reader._by_turn else 0
        if lost:  # their words are gone from this version: shown here so they are not missed
            warning = "  ⚠ " + tr(reader, "tui.transcript.orphaned", count=lost)
            segments.append(Segment(warning, self._style("flagged")))
        return segments

    def _focus_style(self, coding: CodingView) -> Style:
        """The lit-up coding: its stripe's colour mixed into the background, and the words stressed."""
        background = self.reader.background_colors[1]
        tint = background.blend(Color.parse(self.colour(coding)), FOCUS_TINT)
        return self._style("focus", partial=True) + Style(bgcolor=tint.rich_color)

    def _words(self, index: int, start: int, end: int, text_style: Style) -> list[Segment]:
        """The words of one row, split wherever a coding, the lit-up coding, the caret's sentence or word,
        or the selection begins or ends."""
        reader = self.reader
        turn = reader._turns[index]
        layers: list[tuple[int, int, str]] = []
        for coding in reader._by_turn[index] if reader._by_turn else ():
            if coding.start < end and coding.end > start:
                layers.append((coding.start, coding.end, "flagged" if coding.status in FLAGGED else "coded"))
        focus = reader.focused_coding()
        if focus is not None and focus.start < end and focus.end > start:
            layers.append((focus.start, focus.end, "focus"))
        selection = reader.selection
        if index == reader.cursor_turn:
            if selection is None:  # what `c` codes: with a selection, the selection alone is marked
                layers.append((*reader._sentence_at_cursor(), "sentence"))
            word = reader._words.word_at(reader.caret)
            if word is not None:
                layers.append((*word, "caret"))
        if selection:
            layers.append((*selection, "selection"))
        cuts = sorted({start, end, *(p for s, e, _ in layers for p in (s, e) if start < p < end)})
        styles = {name: self._style(name, partial=True) for name in _LAYERS if name != "focus"}
        if focus is not None:
            styles["focus"] = self._focus_style(focus)
        segments: list[Segment] = []
        for left, right in pairwise(cuts):
            style = text_style
            active = {name for s, e, name in layers if s < right and e > left}
            for name in _LAYERS:
                if name in active:
                    style += styles[name]
            piece = turn.text[left - turn.start : right - turn.start].replace("\n", " ")
            segments.append(Segment(piece, style))
        return segments

    def _margin(self, row: int, base: Style) -> list[Segment]:
        """A space, one cell per lane (a bar where a coding passes, heavy for the lit-up one), and on wide
        readers the code's name: the lit-up (or first) coding's on the caret's line, else a stripe's that
        begins on this row."""
        reader = self.reader
        lanes = reader.lanes
        stripes = reader.stripes.by_row.get(row, [])
        focus = reader.focused_coding()
        in_lane: dict[int, Stripe] = {}
        for stripe in stripes:
            in_lane.setdefault(stripe.lane, stripe)
        if focus is not None:  # the lit-up coding's bar wins its lane
            for stripe in stripes:
                if stripe.coding.id == focus.id:
                    in_lane[stripe.lane] = stripe
        overflow = any(stripe.lane >= lanes for stripe in stripes)
        segments = [Segment(" ", base)]
        for lane in range(lanes):
            stripe = in_lane.get(lane)
            if overflow and lane == lanes - 1:
                segments.append(Segment("┇", self._style("overflow")))
            elif stripe is None:
                segments.append(Segment(" ", base))
            else:
                lit = focus is not None and stripe.coding.id == focus.id
                segments.append(Segment("█" if lit else "┃", base + Style(color=self.colour(stripe.coding))))
        label = label_width(reader.scrollable_content_region.width, lanes)
        if label:
            segments += self._label(row, stripes, focus, label, base)
        return segments

    def _label(
        self, row: int, stripes: list[Stripe], focus: CodingView | None, width: int, base: Style
    ) -> list[Segment]:
        reader = self.reader
        layout = reader._layout
        caret_row = layout is not None and layout.line_of_offset(reader.caret) == row
        chosen: Stripe | None = None
        bold = False
        if caret_row and stripes:
            chosen = next((s for s in stripes if focus is not None and s.coding.id == focus.id), stripes[0])
            bold = True
        elif row in reader.stripes.starting:
            chosen = min(reader.stripes.starting[row], key=lambda s: s.lane)
        if chosen is None:
            return [Segment(" " * (width + 1), base)]
        style = base + Style(color=self.colour(chosen.coding), bold=bold, dim=not bold)
        return [Segment(" ", base), Segment(clip(chosen.coding.statement, width).ljust(width), style)]
