"""Drawing the reader's rows: the gutter (source line, cursor mark), the words with what lies on them
(codings, the lit-up coding, the caret's sentence and word, the selection), and the stripe margin with the
code's name on the caret's line and where a stripe begins. One row at a time, from the layout and stripes
the reader keeps — nothing here walks the whole transcript."""

from __future__ import annotations

from dataclasses import dataclass
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
SENTENCE_TINT = 0.3  # how much of the theme's primary colour the caret's sentence gets as background
SELECTION_CONTRAST = 2.0  # the selection's background against the reader's, at the least (WCAG ratio)
_LAYERS = ("coded", "flagged", "sentence", "focus", "caret", "selection")  # drawn in this order; later win

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


def luminance(colour: Color) -> float:
    """WCAG relative luminance of a colour."""

    def channel(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(first: Color, second: Color) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def label_width(width: int, lanes: int) -> int:
    """Columns for code names beside the stripes in a reader `width` wide (0: no room)."""
    room = width - GUTTER - 1 - lanes
    label = min(LABEL_MAX, room - TEXT_WITH_LABEL - 1)
    return label if label >= LABEL_MIN else 0


def clip(text: str, width: int) -> str:
    """`text` in `width` cells, cut with «…»."""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


@dataclass
class Frame:
    """What every row of one drawing shares — styles, widths, the caret's row, the lit-up coding — worked
    out once for as long as the state it comes from is the same (Textual's styles are slow to ask per row)."""

    width: int
    base: Style
    styles: dict[str, Style]
    layers: dict[str, Style]
    label: int
    caret_row: int
    caret_word: tuple[int, int] | None
    sentence: tuple[int, int] | None
    selection: tuple[int, int] | None
    focus: CodingView | None


class ReaderPainter:
    """Draws rows for one reader; the colours follow the theme at each draw."""

    def __init__(self, reader: TranscriptReader) -> None:
        self.reader = reader
        self._frame: Frame | None = None
        self._stamp: tuple[object, ...] = ()
        self._looks: tuple[Style, dict[str, Style], dict[str, Style]] | None = None
        self._look_stamp: tuple[object, ...] = ()

    def _style(self, name: str, partial: bool = False) -> Style:
        return self.reader.get_component_rich_style(f"transcript-view--{name}", partial=partial)

    def colour(self, coding: CodingView) -> str:
        reader = self.reader
        return stripe_colour(reader.group_order.get(coding.group_id or -1), reader.app.current_theme.dark)

    def frame(self) -> Frame:
        """The shared part of drawing, rebuilt only when something it depends on changed."""
        reader = self.reader
        stamp = (
            reader.app.theme, reader.has_focus, reader.caret, reader._anchor, reader._head, reader._focus_id,
            id(reader._layout), id(reader._stripes), reader._codings_stamp, reader.empty_message,
        )  # fmt: skip  (the width is the layout's: a new width makes a new layout)
        if self._frame is not None and stamp == self._stamp:
            return self._frame
        width = reader.scrollable_content_region.width
        layout = reader._layout
        focus = reader.focused_coding()
        base, styles, layers = self._look()
        if focus is not None:
            layers = {**layers, "focus": self._focus_style(focus)}
        self._frame = Frame(
            width=width,
            base=base,
            styles=styles,
            layers=layers,
            label=label_width(width, reader.lanes),
            caret_row=layout.line_of_offset(reader.caret) if layout is not None else -1,
            caret_word=reader._words.word_at(reader.caret) if reader._turns else None,
            sentence=reader._sentence_at_cursor() if reader._turns else None,
            selection=reader.selection,
            focus=focus,
        )
        self._stamp = stamp
        return self._frame

    def _look(self) -> tuple[Style, dict[str, Style], dict[str, Style]]:
        """The theme's styles for the reader, asked once per theme and focus (the CSS changes with them)."""
        reader = self.reader
        stamp = (reader.app.theme, reader.has_focus)
        if self._looks is None or stamp != self._look_stamp:
            names = ("gutter", "marker", "speaker", "role", "moderator", "flagged", "overflow")
            styles = {name: self._style(name) for name in names}
            layers = {name: self._style(name, partial=True) for name in _LAYERS if name != "focus"}
            layers["selection"] = self._style("selection", partial=True) + self._selection_colours()
            layers["sentence"] = self._style("sentence", partial=True) + self._tint(SENTENCE_TINT)
            self._looks, self._look_stamp = (reader.rich_style, styles, layers), stamp
        return self._looks

    def _tint(self, share: float) -> Style:
        """A background of the theme's primary colour mixed into the reader's (a partial style would lose
        the CSS's transparency and paint the colour in full)."""
        reader = self.reader
        background = reader.background_colors[1]
        primary = Color.parse(reader.app.current_theme.primary)
        return Style(bgcolor=background.blend(primary, share).rich_color)

    def _selection_colours(self) -> Style:
        """The selection in the theme's own colour that stands out most from the reader's background (its
        primary colour when that does), with black or white text, whichever reads better on it — so the
        selected words are plain to see and to read in every theme (a test checks each)."""
        reader = self.reader
        theme = reader.app.current_theme
        background = reader.background_colors[1]
        candidates = [Color.parse(c) for c in (theme.primary, theme.accent, theme.secondary) if c]
        candidates.append(reader.styles.color)
        behind = next((c for c in candidates if contrast(c, background) >= SELECTION_CONTRAST), None)
        behind = behind or max(candidates, key=lambda c: contrast(c, background))
        text = max((Color(0, 0, 0), Color(255, 255, 255)), key=lambda c: contrast(c, behind))
        return Style(color=text.rich_color, bgcolor=behind.rich_color)

    def line(self, y: int) -> Strip:
        reader = self.reader
        frame = self.frame()
        width, base = frame.width, frame.base
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
        segments = [Segment(number, frame.styles["gutter"]), Segment(mark, frame.styles["marker"])]
        if line.kind == HEADER:
            segments += self._header(line.turn, frame)
            if not frame.label and line.turn == reader.cursor_turn and frame.focus is not None:
                segments += self._header_label(frame.focus, width - Strip(segments).cell_length, base)
            return Strip(segments).adjust_cell_length(width, base)
        if line.kind == TEXT:
            text_style = frame.styles["moderator"] if turn.is_moderator else base
            segments += self._words(line.turn, line.start, line.end, text_style, frame)
        segments = Strip(segments).adjust_cell_length(GUTTER + layout.width, base)._segments
        return Strip([*segments, *self._margin(row, frame)], width)

    def _header(self, index: int, frame: Frame) -> list[Segment]:
        reader = self.reader
        turn = reader._turns[index]
        segments = [Segment(turn.speaker or "–", frame.styles["speaker"])]
        extra = [turn.role] if turn.role and turn.role != turn.speaker else []
        if turn.time_start is not None:
            seconds = int(turn.time_start)
            extra.append(f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}")
        if extra:
            segments.append(Segment(" · " + " · ".join(extra), frame.styles["role"]))
        lost = sum(c.status == "orphaned" for c in reader._by_turn[index]) if reader._by_turn else 0
        if lost:  # their words are gone from this version: shown here so they are not missed
            warning = "  ⚠ " + tr(reader, "tui.transcript.orphaned", count=lost)
            segments.append(Segment(warning, frame.styles["flagged"]))
        return segments

    def _header_label(self, coding: CodingView, room: int, base: Style) -> list[Segment]:
        """Where the margin has no room for names: the lit-up coding's code on its turn's header line, in
        its stripe's colour, so what the bar beside the words means is said on screen at any width."""
        if room < LABEL_MIN + 4:
            return []
        style = base + Style(color=self.colour(coding), bold=True)
        return [Segment("  ┃ ", style), Segment(clip(coding.statement, room - 4), style)]

    def _focus_style(self, coding: CodingView) -> Style:
        """The lit-up coding: its stripe's colour mixed into the background, and the words stressed."""
        background = self.reader.background_colors[1]
        tint = background.blend(Color.parse(self.colour(coding)), FOCUS_TINT)
        return self._style("focus", partial=True) + Style(bgcolor=tint.rich_color)

    def _words(self, index: int, start: int, end: int, text_style: Style, frame: Frame) -> list[Segment]:
        """The words of one row, split wherever a coding, the lit-up coding, the caret's sentence or word,
        or the selection begins or ends."""
        reader = self.reader
        turn = reader._turns[index]
        layers: list[tuple[int, int, str]] = []
        for coding in reader._by_turn[index] if reader._by_turn else ():
            if coding.start < end and coding.end > start:
                layers.append((coding.start, coding.end, "flagged" if coding.status in FLAGGED else "coded"))
        focus, selection = frame.focus, frame.selection
        if focus is not None and focus.start < end and focus.end > start:
            layers.append((focus.start, focus.end, "focus"))
        if index == reader.cursor_turn:
            if selection is None and frame.sentence is not None:  # with a selection, it alone is marked
                layers.append((*frame.sentence, "sentence"))
            if frame.caret_word is not None:
                layers.append((*frame.caret_word, "caret"))
        if selection:
            layers.append((*selection, "selection"))
        cuts = sorted({start, end, *(p for s, e, _ in layers for p in (s, e) if start < p < end)})
        segments: list[Segment] = []
        for left, right in pairwise(cuts):
            style = text_style
            active = {name for s, e, name in layers if s < right and e > left}
            for name in _LAYERS:
                if name in active:
                    style += frame.layers[name]
            piece = turn.text[left - turn.start : right - turn.start].replace("\n", " ")
            segments.append(Segment(piece, style))
        return segments

    def _margin(self, row: int, frame: Frame) -> list[Segment]:
        """A space, one cell per lane (a bar where a coding passes, heavy for the lit-up one), and on wide
        readers the code's name: the lit-up (or first) coding's on the caret's line, else a stripe's that
        begins on this row."""
        reader = self.reader
        lanes, base, focus = reader.lanes, frame.base, frame.focus
        stripes = reader.stripes.by_row.get(row, [])
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
            here = in_lane.get(lane)
            if overflow and lane == lanes - 1:
                segments.append(Segment("┇", frame.styles["overflow"]))
            elif here is None:
                segments.append(Segment(" ", base))
            else:
                lit = focus is not None and here.coding.id == focus.id
                segments.append(Segment("█" if lit else "┃", base + Style(color=self.colour(here.coding))))
        if frame.label:
            segments += self._label(row, stripes, frame)
        return segments

    def _label(self, row: int, stripes: list[Stripe], frame: Frame) -> list[Segment]:
        reader = self.reader
        focus, width, base = frame.focus, frame.label, frame.base
        caret_row = frame.caret_row == row
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
