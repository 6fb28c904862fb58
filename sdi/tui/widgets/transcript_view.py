"""The transcript reader: a Line API widget that draws only the rows on screen, so a 20,000-word transcript
opens and scrolls as fast as a short one. Turns are wrapped once per width (`TranscriptLayout`); the cursor
moves by turn or sentence, and a selection grows by sentence or turn — the spans the coder codes."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sdi.nlp.quick_sentences import sentence_spans
from sdi.tui.context import tr
from sdi.tui.widgets.transcript_layout import HEADER, TEXT, TranscriptLayout
from sdi.workflow.anchor import FLAGGED
from sdi.workflow.code import CodingView
from sdi.workflow.transcript import TranscriptView, TurnView

GUTTER = 8  # "  123 ▌ ": source line number, cursor mark, space
_LAYERS = ("coded", "flagged", "sentence", "selection")  # drawn in this order; later ones win


class TranscriptReader(ScrollView, can_focus=True):
    """Reads one transcript; knows nothing of the store (the Coding screen feeds it turns and codings)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "transcript-view--gutter",
        "transcript-view--marker",
        "transcript-view--speaker",
        "transcript-view--role",
        "transcript-view--moderator",
        "transcript-view--coded",
        "transcript-view--flagged",
        "transcript-view--sentence",
        "transcript-view--selection",
    }
    HELP_TITLE: ClassVar[str] = "tui.help.reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "turn(1)", "tui.key.next_turn", show=False),
        Binding("up,k", "turn(-1)", "tui.key.previous_turn", show=False),
        Binding("shift+down,J", "sentence(1)", "tui.key.next_sentence", show=False),
        Binding("shift+up,K", "sentence(-1)", "tui.key.previous_sentence", show=False),
        Binding("s", "select_sentence", "tui.key.select_sentence"),
        Binding("t", "select_turn", "tui.key.select_turn"),
        Binding("escape", "escape", "tui.key.clear_selection", show=False),
        Binding("pagedown", "page(1)", "tui.key.page_down", show=False),
        Binding("pageup", "page(-1)", "tui.key.page_up", show=False),
        Binding("home,g", "edge(-1)", "tui.key.first_turn", show=False),
        Binding("end,G", "edge(1)", "tui.key.last_turn", show=False),
    ]

    class CursorMoved(Message):
        """The cursor is on another sentence or turn (the side panel follows it)."""

        def __init__(self, turn: TurnView | None) -> None:
            super().__init__()
            self.turn = turn

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._view: TranscriptView | None = None
        self._turns: list[TurnView] = []
        self._turn_starts: list[int] = []
        self._index: dict[int, int] = {}  # turn seq → position in _turns
        self._by_turn: list[list[CodingView]] = []
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._layout: TranscriptLayout | None = None
        self._uncoded_only = False
        self._speaker: str | None = None
        self.cursor_turn = 0
        self.cursor_sentence = 0
        self.selection: tuple[int, int] | None = None
        self.empty_message = ""

    # ---- data -------------------------------------------------------------------------------------------

    @property
    def transcript(self) -> TranscriptView | None:
        return self._view

    @property
    def current_turn(self) -> TurnView | None:
        return self._turns[self.cursor_turn] if self._turns else None

    @property
    def visible_turns(self) -> list[TurnView]:
        return [self._turns[i] for i in self._layout.visible] if self._layout else []

    def load(self, view: TranscriptView, codings: Sequence[CodingView]) -> None:
        """Show another transcript from its first turn, unfiltered."""
        self._view = view
        self._uncoded_only, self._speaker = False, None
        self._turns = list(view.turns)
        self._turn_starts = [turn.start for turn in self._turns]
        self._index = {turn.seq: index for index, turn in enumerate(self._turns)}
        self._sentences = {}
        self.cursor_turn = self.cursor_sentence = 0
        self.selection = None
        self.set_codings(codings, relayout=False)
        self._relayout()
        self.scroll_to(y=0, animate=False)
        self._moved()

    def set_codings(self, codings: Sequence[CodingView], *, relayout: bool = True) -> None:
        """New codings for the same transcript (after coding, renaming, undo)."""
        self._by_turn = [[] for _ in self._turns]
        for coding in codings:
            index = max(0, bisect_right(self._turn_starts, coding.start) - 1)
            end = max(coding.end, coding.start + 1)  # an orphaned coding shrunk to a point keeps its turn
            while index < len(self._turns) and self._turns[index].start < end:
                if self._turns[index].end >= coding.start:
                    self._by_turn[index].append(coding)
                index += 1
        if relayout and self._uncoded_only:
            self._relayout()
        self.refresh()

    def set_filters(self, *, uncoded_only: bool, speaker: str | None) -> None:
        self._uncoded_only, self._speaker = uncoded_only, speaker
        self.selection = None
        self._relayout()
        self._moved()

    def codings_of_turn(self, turn: TurnView | None = None) -> list[CodingView]:
        turn = turn or self.current_turn
        index = self._index.get(turn.seq) if turn else None
        return list(self._by_turn[index]) if index is not None and self._by_turn else []

    def current_span(self) -> tuple[int, int] | None:
        """What `c` codes: the selection, else the sentence under the cursor."""
        return self.selection or (self._sentence_at_cursor() if self._turns else None)

    def codings_at_cursor(self) -> list[CodingView]:
        """Codings that touch the selection or cursor sentence, else those of the cursor turn."""
        span = self.current_span()
        turn_codings = self.codings_of_turn()
        if span is None:
            return turn_codings
        touching = [c for c in turn_codings if c.start < span[1] and c.end > span[0]]
        return touching or turn_codings

    def span_text(self, start: int, end: int) -> str:
        """The words in [start, end) as one line (turn breaks become spaces)."""
        first = max(0, bisect_right(self._turn_starts, start) - 1)
        pieces: list[str] = []
        for turn in self._turns[first:]:
            if turn.start >= end:
                break
            pieces.append(turn.text[max(start, turn.start) - turn.start : min(end, turn.end) - turn.start])
        return " ".join(" ".join(pieces).split())

    def _is_visible(self, index: int) -> bool:
        turn = self._turns[index]
        if self._speaker is not None and turn.speaker != self._speaker:
            return False
        return not (self._uncoded_only and self._by_turn and self._by_turn[index])

    # ---- geometry ---------------------------------------------------------------------------------------

    @property
    def _text_width(self) -> int:
        return self.scrollable_content_region.width - GUTTER

    def _relayout(self) -> None:
        if not self._turns:
            self._layout = None
            self.virtual_size = Size(0, 0)
            self.refresh()
            return
        visible = [i for i in range(len(self._turns)) if self._is_visible(i)]
        self._layout = TranscriptLayout(self._turns, max(10, self._text_width), visible)
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._layout))
        if visible and self.cursor_turn not in self._layout.header_line:
            after = [i for i in visible if i > self.cursor_turn]
            self.cursor_turn = after[0] if after else visible[-1]
            self.cursor_sentence = 0
        self.refresh()
        self._scroll_to_cursor(header=True)

    def on_resize(self, event: events.Resize) -> None:
        if self._turns and (self._layout is None or self._layout.width != max(10, self._text_width)):
            self._relayout()

    def _sentences_of(self, index: int) -> list[tuple[int, int]]:
        if index not in self._sentences:
            turn = self._turns[index]
            self._sentences[index] = sentence_spans(turn.text, turn.start) or [(turn.start, turn.end)]
        return self._sentences[index]

    def _sentence_at_cursor(self) -> tuple[int, int]:
        sentences = self._sentences_of(self.cursor_turn)
        return sentences[min(self.cursor_sentence, len(sentences) - 1)]

    def _scroll_to_cursor(self, header: bool = False) -> None:
        layout = self._layout
        if layout is None or self.cursor_turn not in layout.header_line:
            return
        top, bottom = layout.rows_of_span(*self._sentence_at_cursor())
        if header:
            top = layout.header_line[self.cursor_turn]
        height = max(1, self.scrollable_content_region.height)
        y = round(self.scroll_offset.y)
        if top < y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom >= y + height:
            self.scroll_to(y=min(top, bottom - height + 1), animate=False, immediate=True)

    def _moved(self, header: bool = False) -> None:
        self._scroll_to_cursor(header)
        self.refresh()
        self.post_message(self.CursorMoved(self.current_turn))

    # ---- actions ----------------------------------------------------------------------------------------

    def _step_turn(self, delta: int, *, last_sentence: bool = False) -> bool:
        """Move the cursor to the next/previous visible turn; False at either end."""
        if self._layout is None or not self._layout.visible:
            return False
        visible = self._layout.visible
        position = visible.index(self.cursor_turn) if self.cursor_turn in self._layout.header_line else 0
        target = position + delta
        if not 0 <= target < len(visible):
            return False
        self.cursor_turn = visible[target]
        self.cursor_sentence = len(self._sentences_of(self.cursor_turn)) - 1 if last_sentence else 0
        return True

    def action_turn(self, delta: int) -> None:
        if self._step_turn(delta):
            self._moved(header=True)

    def action_sentence(self, delta: int) -> None:
        if not self._turns:
            return
        target = self.cursor_sentence + delta
        if 0 <= target < len(self._sentences_of(self.cursor_turn)):
            self.cursor_sentence = target
            self._moved()
        elif self._step_turn(delta, last_sentence=delta < 0):
            self._moved(header=delta > 0)

    def action_page(self, direction: int) -> None:
        if self._layout is None or not self._layout.visible:
            return
        row = self._layout.header_line[self.cursor_turn] + direction * self.scrollable_content_region.height
        row = min(max(0, row), len(self._layout) - 1)
        self.cursor_turn, self.cursor_sentence = self._layout.lines[row].turn, 0
        page = direction * self.scrollable_content_region.height
        self.scroll_to(y=self.scroll_offset.y + page, animate=False)
        self._moved(header=True)

    def action_edge(self, direction: int) -> None:
        if self._layout is None or not self._layout.visible:
            return
        self.cursor_turn = self._layout.visible[0 if direction < 0 else -1]
        self.cursor_sentence = 0
        self._moved(header=True)

    def _extend(self, span: tuple[int, int]) -> None:
        start, end = self.selection or span
        self.selection = (min(start, span[0]), max(end, span[1]))

    def action_select_sentence(self) -> None:
        """Select the cursor sentence; with a selection, extend it to here (or by one more sentence)."""
        if not self._turns:
            return
        sentence = self._sentence_at_cursor()
        if self.selection and self.selection[0] <= sentence[0] and sentence[1] <= self.selection[1]:
            self.action_sentence(1)
            sentence = self._sentence_at_cursor()
        self._extend(sentence)
        self._moved()

    def action_select_turn(self) -> None:
        """Select the cursor turn; with a selection, extend it to here (or by one more turn)."""
        turn = self.current_turn
        if turn is None:
            return
        if self.selection and self.selection[0] <= turn.start and turn.end <= self.selection[1]:
            self._step_turn(1)
            turn = self._turns[self.cursor_turn]
        self._extend((turn.start, turn.end))
        self._moved()

    def action_clear_selection(self) -> None:
        if self.selection is not None:
            self.selection = None
            self.refresh()

    def action_escape(self) -> None:
        """Clear the selection; with none, `escape` passes on to the screen (the walk back up)."""
        if self.selection is None:
            raise SkipAction()
        self.action_clear_selection()

    def go_to(self, offset: int) -> None:
        """The cursor on the sentence at character `offset`, its turn's header at the top of the view."""
        if not self._turns:
            return
        self.cursor_turn = max(0, bisect_right(self._turn_starts, offset) - 1)
        starts = [start for start, _ in self._sentences_of(self.cursor_turn)]
        self.cursor_sentence = max(0, bisect_right(starts, offset) - 1)
        self.selection = None
        if self._layout is not None and self.cursor_turn in self._layout.header_line:
            self.scroll_to(y=self._layout.header_line[self.cursor_turn], animate=False, immediate=True)
        self._moved()

    def on_click(self, event: events.Click) -> None:
        """Put the cursor on the clicked sentence."""
        if self._layout is None:
            return
        row = round(self.scroll_offset.y) + event.y
        if not 0 <= row < len(self._layout):
            return
        line = self._layout.lines[row]
        self.cursor_turn = line.turn
        offset = line.start + max(0, event.x - GUTTER)
        sentences = self._sentences_of(line.turn)
        self.cursor_sentence = max(0, bisect_right([s for s, _ in sentences], offset) - 1)
        self._moved()

    # ---- drawing ----------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        row = round(self.scroll_offset.y) + y
        layout = self._layout
        if layout is None or not layout.visible:
            if y == 0 and self.empty_message:
                return Strip([Segment("  " + self.empty_message, base)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if row >= len(layout):
            return Strip.blank(width, base)
        line = layout.lines[row]
        turn = self._turns[line.turn]
        style = self.get_component_rich_style
        text_style = style("transcript-view--moderator") if turn.is_moderator else base
        number = f"{turn.line:>5} " if line.kind == HEADER else " " * 6
        mark = "▌ " if line.turn == self.cursor_turn else "  "
        segments = [
            Segment(number, style("transcript-view--gutter")),
            Segment(mark, style("transcript-view--marker")),
        ]
        if line.kind == HEADER:
            segments.append(Segment(turn.speaker or "–", style("transcript-view--speaker")))
            extra = [turn.role] if turn.role and turn.role != turn.speaker else []
            if turn.time_start is not None:
                seconds = int(turn.time_start)
                extra.append(f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}")
            if extra:
                segments.append(Segment(" · " + " · ".join(extra), style("transcript-view--role")))
            lost = (
                sum(coding.status == "orphaned" for coding in self._by_turn[line.turn])
                if self._by_turn
                else 0
            )
            if lost:  # their words are gone from this version: shown here so they are not missed
                segments.append(
                    Segment(
                        "  ⚠ " + tr(self, "tui.transcript.orphaned", count=lost),
                        style("transcript-view--flagged"),
                    )
                )
        elif line.kind == TEXT:
            segments.extend(self._text_segments(line.turn, line.start, line.end, text_style))
        return Strip(segments).adjust_cell_length(width, base)

    def _text_segments(self, index: int, start: int, end: int, text_style: Style) -> list[Segment]:
        """The words of one row, split wherever coding, cursor sentence or selection begin or end."""
        turn = self._turns[index]
        layers: list[tuple[int, int, str]] = []
        for coding in self._by_turn[index] if self._by_turn else ():
            layer = "flagged" if coding.status in FLAGGED else "coded"
            if coding.start < end and coding.end > start:
                layers.append((coding.start, coding.end, layer))
        if index == self.cursor_turn:
            layers.append((*self._sentence_at_cursor(), "sentence"))
        if self.selection:
            layers.append((*self.selection, "selection"))
        cuts = sorted({start, end, *(p for s, e, _ in layers for p in (s, e) if start < p < end)})
        segments: list[Segment] = []
        for left, right in pairwise(cuts):
            style = text_style
            active = {name for s, e, name in layers if s < right and e > left}
            for name in _LAYERS:
                if name in active:
                    style += self.get_component_rich_style(f"transcript-view--{name}", partial=True)
            piece = turn.text[left - turn.start : right - turn.start].replace("\n", " ")
            segments.append(Segment(piece, style))
        return segments
