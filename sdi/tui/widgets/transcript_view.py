"""The transcript reader: a Line API widget that draws only the rows on screen, so a 20,000-word transcript
opens and scrolls as fast as a short one. Turns are wrapped once per width (`TranscriptLayout`); a caret
moves by word, sentence or turn; a selection grows by word, character, line, sentence or turn (or is dragged
with the mouse), across sentences and turns — the spans the coder codes. Codings show as stripes in a margin
beside the words (`coding_stripes`), coloured by code group, and the coding under the caret lights up its
words. Drawing is in `transcript_paint`."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from sdi.tui.widgets.coding_stripes import MAX_LANES, Stripes
from sdi.tui.widgets.reader_selection import ReaderSelection
from sdi.tui.widgets.transcript_layout import TranscriptLayout
from sdi.tui.widgets.transcript_paint import COMPONENTS, GUTTER, ReaderPainter, label_width
from sdi.tui.widgets.transcript_words import Span, TranscriptWords
from sdi.workflow.code import CodingView
from sdi.workflow.transcript import TranscriptView, TurnView


class TranscriptReader(ReaderSelection, can_focus=True):
    """Reads one transcript; knows nothing of the store (the Coding screen feeds it turns and codings)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = COMPONENTS
    HELP_TITLE: ClassVar[str] = "tui.help.reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "turn(1)", "tui.key.next_turn", show=False, id="next_turn"),
        Binding("up,k", "turn(-1)", "tui.key.previous_turn", show=False, id="previous_turn"),
        Binding("J", "sentence(1)", "tui.key.next_sentence", show=False, id="next_sentence"),
        Binding("K", "sentence(-1)", "tui.key.previous_sentence", show=False, id="previous_sentence"),
        Binding("right,l", "word(1)", "tui.key.next_word", show=False, id="next_word"),
        Binding("left,h", "word(-1)", "tui.key.previous_word", show=False, id="previous_word"),
        Binding("shift+right,L", "extend_word(1)", "tui.key.extend_word", show=False, id="extend_word"),
        Binding("shift+left,H", "extend_word(-1)", "tui.key.shrink_word", show=False, id="shrink_word"),
        Binding("shift+down", "extend_line(1)", "tui.key.extend_line", show=False, id="extend_line"),
        Binding("shift+up", "extend_line(-1)", "tui.key.shrink_line", show=False, id="shrink_line"),
        Binding("ctrl+shift+right,greater_than_sign", "extend_char(1)", "tui.key.extend_char", show=False,
                id="extend_char"),
        Binding("ctrl+shift+left,less_than_sign", "extend_char(-1)", "tui.key.shrink_char", show=False,
                id="shrink_char"),
        Binding("s", "select_sentence", "tui.key.sentence", id="select_sentence",
                tooltip="tui.key.select_sentence"),
        Binding("t", "select_turn", "tui.key.turn", id="select_turn", tooltip="tui.key.select_turn"),
        Binding("escape", "escape", "tui.key.clear_selection", show=False, id="clear_selection"),
        Binding("pagedown", "page(1)", "tui.key.page_down", show=False, id="page_down"),
        Binding("pageup", "page(-1)", "tui.key.page_up", show=False, id="page_up"),
        Binding("home,g", "edge(-1)", "tui.key.first_turn", show=False, id="first_turn"),
        Binding("end,G", "edge(1)", "tui.key.last_turn", show=False, id="last_turn"),
    ]

    class CursorMoved(Message):
        """The caret is on another word, sentence or turn (the side panel follows it)."""

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
        self._codings: list[CodingView] = []
        self._codings_stamp = 0  # counts new codings (the painter redraws what it kept from before)
        self._sentences: dict[int, list[Span]] = {}
        self._words = TranscriptWords([])
        self._layout: TranscriptLayout | None = None
        self._stripes = Stripes()
        self._lanes = 1  # stripe lanes the margin has room for
        self._group_order: Mapping[int, int] = {}
        self._uncoded_only = False
        self._speaker: str | None = None
        self._codes: frozenset[int] | None = None  # only turns coded with one of these codes
        self.caret = 0  # absolute offset of the caret's word
        self.cursor_turn = 0
        self.cursor_sentence = 0
        self._anchor = None
        self._head = 0
        self._focus_id: int | None = None  # a coding chosen in the side panel, shown lit up
        self._dragging = False
        self._drag_origin = 0
        self.painter = ReaderPainter(self)
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
        self._uncoded_only, self._speaker, self._codes = False, None, None
        self._turns = list(view.turns)
        self._turn_starts = [turn.start for turn in self._turns]
        self._index = {turn.seq: index for index, turn in enumerate(self._turns)}
        self._sentences = {}
        self._words = TranscriptWords(self._turns)
        self._anchor, self._focus_id = None, None
        self._set_caret(self._turns[0].start if self._turns else 0)
        self.set_codings(codings, relayout=False)
        self._relayout()
        self.scroll_to(y=0, animate=False)
        self._moved()

    def set_codings(self, codings: Sequence[CodingView], *, relayout: bool = True) -> None:
        """New codings for the same transcript (after coding, renaming, undo)."""
        self._codings = sorted(codings, key=lambda c: (c.start, c.id))
        self._codings_stamp += 1
        self._by_turn = [[] for _ in self._turns]
        for coding in self._codings:
            index = max(0, bisect_right(self._turn_starts, coding.start) - 1)
            end = max(coding.end, coding.start + 1)  # an orphaned coding shrunk to a point keeps its turn
            while index < len(self._turns) and self._turns[index].start < end:
                if self._turns[index].end >= coding.start:
                    self._by_turn[index].append(coding)
                index += 1
        if self._focus_id is not None and all(c.id != self._focus_id for c in self._codings):
            self._focus_id = None
        if relayout and (self._uncoded_only or self._codes is not None):
            self._relayout()
        elif relayout:
            self._restripe()
        self.refresh()

    def set_filters(
        self, *, uncoded_only: bool, speaker: str | None, codes: frozenset[int] | None = None
    ) -> None:
        self._uncoded_only, self._speaker, self._codes = uncoded_only, speaker, codes
        self._anchor = None
        self._relayout()
        self._moved()

    def codings_of_turn(self, turn: TurnView | None = None) -> list[CodingView]:
        turn = turn or self.current_turn
        index = self._index.get(turn.seq) if turn else None
        return list(self._by_turn[index]) if index is not None and self._by_turn else []

    def current_span(self) -> Span | None:
        """What `c` codes: the selection, else the sentence under the caret."""
        return self.selection or (self._sentence_at_cursor() if self._turns else None)

    def current_pieces(self) -> list[Span]:
        """`current_span` cut to the turns on show: one span per turn, as it will be coded."""
        span = self.current_span()
        return self._words.pieces(*span) if span else []

    def codings_at_cursor(self) -> list[CodingView]:
        """Codings under the caret; with a selection, those touching it; else those touching the caret's
        sentence, else those of its turn."""
        turn_codings = self.codings_of_turn()
        if self.selection is None:
            under = [c for c in turn_codings if c.start <= self.caret < c.end]
            if under:
                return under
        span = self.current_span()
        if span is None:
            return turn_codings
        touching = [c for c in turn_codings if c.start < span[1] and c.end > span[0]]
        return touching or turn_codings

    def focused_coding(self) -> CodingView | None:
        """The coding lit up: the one chosen in the side panel, else the shortest one under the caret."""
        if self._focus_id is not None:
            return next((c for c in self._codings if c.id == self._focus_id), None)
        under = [c for c in self.codings_of_turn() if c.start <= self.caret < c.end]
        return min(under, key=lambda c: (c.end - c.start, c.id)) if under else None

    @property
    def group_order(self) -> Mapping[int, int]:
        """Code group id → its colour (by its place in the group list)."""
        return self._group_order

    @group_order.setter
    def group_order(self, order: Mapping[int, int]) -> None:
        self._group_order = order
        self._codings_stamp += 1

    def focus_coding(self, coding_id: int | None) -> None:
        """Light up a coding's words and stripe (the side panel's highlighted coding), or stop doing so."""
        if coding_id != self._focus_id:
            self._focus_id = coding_id
            self.refresh()

    def span_text(self, start: int, end: int) -> str:
        """The words in [start, end) as one line (turn breaks become spaces)."""
        first = max(0, bisect_right(self._turn_starts, start) - 1)
        pieces: list[str] = []
        for turn in self._turns[first:]:
            if turn.start >= end:
                break
            pieces.append(turn.text[max(start, turn.start) - turn.start : min(end, turn.end) - turn.start])
        return " ".join(" ".join(pieces).split())

    def turn_at(self, offset: int) -> TurnView:
        return self._turns[self._words.turn_at(offset)]

    def _is_visible(self, index: int) -> bool:
        turn = self._turns[index]
        if self._speaker is not None and turn.speaker != self._speaker:
            return False
        coded = self._by_turn[index] if self._by_turn else []
        if self._codes is not None and not any(c.code_id in self._codes for c in coded):
            return False
        return not (self._uncoded_only and coded)

    # ---- geometry ---------------------------------------------------------------------------------------

    def _text_width(self, lanes: int) -> int:
        width = self.scrollable_content_region.width
        label = label_width(width, lanes)
        return max(10, width - GUTTER - 1 - lanes - (label + 1 if label else 0))

    def _relayout(self) -> None:
        if not self._turns:
            self._layout = None
            self.virtual_size = Size(0, 0)
            self.refresh()
            return
        visible = [i for i in range(len(self._turns)) if self._is_visible(i)]
        self._words.visible = visible
        self._layout = TranscriptLayout(self._turns, self._text_width(self._lanes), visible)
        self._stripes = Stripes.build(self._layout, self._turns, self._by_turn)
        wanted = max(1, min(MAX_LANES, self._stripes.lanes))
        if wanted != self._lanes:  # the margin grows or shrinks: wrap once more at the new width
            self._lanes = wanted
            self._layout = TranscriptLayout(self._turns, self._text_width(wanted), visible)
            self._stripes = Stripes.build(self._layout, self._turns, self._by_turn)
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._layout))
        if visible and self.cursor_turn not in self._layout.header_line:
            after = [i for i in visible if i > self.cursor_turn]
            self._set_caret(self._turns[after[0] if after else visible[-1]].start)
        self.refresh()
        self._scroll_to_cursor(header=True)

    def _restripe(self) -> None:
        """New codings on the same layout: new stripes; a new lane needed (or one freed) rewraps."""
        if self._layout is None:
            return
        self._stripes = Stripes.build(self._layout, self._turns, self._by_turn)
        if max(1, min(MAX_LANES, self._stripes.lanes)) != self._lanes:
            self._relayout()

    def on_resize(self, event: events.Resize) -> None:
        if self._turns and (self._layout is None or self._layout.width != self._text_width(self._lanes)):
            self._relayout()

    @property
    def lanes(self) -> int:
        return self._lanes

    @property
    def stripes(self) -> Stripes:
        return self._stripes

    def _sentences_of(self, index: int) -> list[Span]:
        if index not in self._sentences:
            turn = self._turns[index]
            self._sentences[index] = turn.sentences()
        return self._sentences[index]

    def _sentence_at_cursor(self) -> Span:
        sentences = self._sentences_of(self.cursor_turn)
        return sentences[min(self.cursor_sentence, len(sentences) - 1)]

    def _set_caret(self, offset: int) -> None:
        """The caret on the word at `offset`; its turn and sentence become the cursor's."""
        self.caret = offset
        if not self._turns:
            return
        self.cursor_turn = self._words.turn_at(offset)
        starts = [start for start, _ in self._sentences_of(self.cursor_turn)]
        self.cursor_sentence = max(0, bisect_right(starts, offset) - 1)

    def _scroll_to_cursor(self, header: bool = False) -> None:
        layout = self._layout
        if layout is None or self.cursor_turn not in layout.header_line:
            return
        top = bottom = layout.line_of_offset(self.caret)
        if not self.selection:
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

    # ---- moving the caret -------------------------------------------------------------------------------

    def _step_turn(self, delta: int, *, last_sentence: bool = False) -> bool:
        """Move the caret to the next/previous visible turn; False at either end."""
        if self._layout is None or not self._layout.visible:
            return False
        visible = self._layout.visible
        position = visible.index(self.cursor_turn) if self.cursor_turn in self._layout.header_line else 0
        target = position + delta
        if not 0 <= target < len(visible):
            return False
        index = visible[target]
        sentences = self._sentences_of(index)
        self._set_caret(sentences[-1][0] if last_sentence else self._turns[index].start)
        return True

    def _caret_moved(self, header: bool = False) -> None:
        self._focus_id = None
        self._moved(header)

    def action_turn(self, delta: int) -> None:
        if self._step_turn(delta):
            self._caret_moved(header=True)

    def action_sentence(self, delta: int) -> None:
        if not self._turns:
            return
        target = self.cursor_sentence + delta
        sentences = self._sentences_of(self.cursor_turn)
        if 0 <= target < len(sentences):
            self._set_caret(sentences[target][0])
            self._caret_moved()
        elif self._step_turn(delta, last_sentence=delta < 0):
            self._caret_moved(header=delta > 0)

    def action_word(self, delta: int) -> None:
        word = self._words.next_word(self.caret) if delta > 0 else self._words.previous_word(self.caret)
        if word is not None:
            self._set_caret(word[0])
            self._caret_moved()

    def action_page(self, direction: int) -> None:
        if self._layout is None or not self._layout.visible:
            return
        row = self._layout.header_line[self.cursor_turn] + direction * self.scrollable_content_region.height
        row = min(max(0, row), len(self._layout) - 1)
        self._set_caret(self._turns[self._layout.lines[row].turn].start)
        page = direction * self.scrollable_content_region.height
        self.scroll_to(y=self.scroll_offset.y + page, animate=False)
        self._caret_moved(header=True)

    def action_edge(self, direction: int) -> None:
        if self._layout is None or not self._layout.visible:
            return
        self._set_caret(self._turns[self._layout.visible[0 if direction < 0 else -1]].start)
        self._caret_moved(header=True)

    def go_to(self, offset: int, *, keep_selection: bool = False) -> None:
        """The caret on the word at character `offset`, its turn's header at the top of the view."""
        if not self._turns:
            return
        self._set_caret(offset)
        if not keep_selection:
            self._anchor = None
        if self._layout is not None and self.cursor_turn in self._layout.header_line:
            self.scroll_to(y=self._layout.header_line[self.cursor_turn], animate=False, immediate=True)
        self._moved()

    # ---- drawing ----------------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        return self.painter.line(y)
