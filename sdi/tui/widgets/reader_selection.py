"""The reader's selection: it grows (or shrinks) by word, character or display line from the caret, over
sentence and turn boundaries, or by sentence and turn (`s`, `t`), or is dragged with the mouse — always to
word boundaries, except character by character. A selection is an anchor and a moving head (either way
round); the caret follows the head, so the view follows what is being selected."""

from __future__ import annotations

from textual import events
from textual.actions import SkipAction
from textual.scroll_view import ScrollView

from sdi.tui.widgets.transcript_layout import TEXT, TranscriptLayout
from sdi.tui.widgets.transcript_paint import GUTTER
from sdi.tui.widgets.transcript_words import Span, TranscriptWords
from sdi.workflow.transcript import TurnView


class ReaderSelection(ScrollView):
    """The selecting half of `TranscriptReader`: its selecting actions and mouse handling, over the reader's
    words, layout and caret. The reader owns the caret; the few caret moves a selection makes are the
    reader's, named here and given by `TranscriptReader`."""

    _turns: list[TurnView]
    _words: TranscriptWords
    _layout: TranscriptLayout | None
    caret: int
    cursor_turn: int
    _anchor: int | None  # the selection: from anchor to head (either way round)
    _head: int
    _dragging: bool
    _drag_origin: int

    @property
    def selection(self) -> Span | None:
        """The selected characters [start, end), or None."""
        if self._anchor is None or self._anchor == self._head:
            return None
        return (min(self._anchor, self._head), max(self._anchor, self._head))

    @selection.setter
    def selection(self, span: Span | None) -> None:
        self._anchor, self._head = (span[0], span[1]) if span else (None, self.caret)
        self.refresh()

    # ---- the reader's caret, as the selection moves it (given by TranscriptReader) -------------------------

    @property
    def current_turn(self) -> TurnView | None:
        raise NotImplementedError

    def _set_caret(self, offset: int) -> None:
        raise NotImplementedError

    def _moved(self, header: bool = False) -> None:
        raise NotImplementedError

    def _caret_moved(self, header: bool = False) -> None:
        raise NotImplementedError

    def _sentence_at_cursor(self) -> Span:
        raise NotImplementedError

    def _step_turn(self, delta: int, *, last_sentence: bool = False) -> bool:
        raise NotImplementedError

    def action_sentence(self, delta: int) -> None:
        raise NotImplementedError

    # ---- selecting --------------------------------------------------------------------------------------

    def _extend(self, span: Span) -> None:
        """Grow the selection to cover `span` (a sentence, a turn)."""
        start, end = self.selection or span
        start, end = min(start, span[0]), max(end, span[1])
        self._anchor, self._head = (start, end) if span[1] >= end else (end, start)

    def _select_from_caret(self, delta: int) -> bool:
        """Start a selection at the caret's word, or grow one to the caret when the caret moved away from
        it (as `s` does); True when that was all this key press does."""
        word = self._words.word_at(self.caret)
        if word is None:
            return True
        selection = self.selection
        if selection is None:
            self._anchor, self._head = (word[0], word[1]) if delta > 0 else (word[1], word[0])
            return True
        if selection[0] <= self.caret < selection[1]:
            return False
        if self.caret >= selection[1]:
            self._anchor, self._head = selection[0], word[1]
        else:
            self._anchor, self._head = selection[1], word[0]
        return True

    def _head_moved(self) -> None:
        """The caret follows the moving end of the selection, so the view follows it too."""
        if self._anchor is not None:
            inside = self._head - 1 if self._head > self._anchor else self._head
            word = self._words.word_at(max(0, inside))
            self._set_caret(word[0] if word else self._head)
        self._moved()

    def action_extend_word(self, delta: int) -> None:
        """Grow (or shrink) the selection by a word, over sentence and turn boundaries."""
        if not self._turns or self._layout is None:
            return
        if not self._select_from_caret(delta):
            words, anchor, head = self._words, self._anchor or 0, self._head
            if delta > 0:
                moved = words.end_after(head) if head >= anchor else (words.next_word(head) or (anchor,))[0]
            else:
                moved = words.end_before(head) if head > anchor else words.start_before(head)
            if moved is not None:
                self._head = anchor if (head - anchor) * (moved - anchor) < 0 else moved
        self._head_moved()

    def action_extend_char(self, delta: int) -> None:
        """Grow (or shrink) the selection by one character."""
        if not self._turns:
            return
        if self.selection is None:
            self._anchor = self._head = self.caret
        self._head = self._words.step_char(self._head, delta)
        self._head_moved()

    def action_extend_line(self, delta: int) -> None:
        """Grow (or shrink) the selection by one display line, to a word boundary at the same column."""
        layout = self._layout
        if not self._turns or layout is None:
            return
        if self.selection is None:
            word = self._words.word_at(self.caret)
            if word is None:
                return
            self._anchor = self._head = word[0] if delta > 0 else word[1]
        anchor = self._anchor if self._anchor is not None else self._head
        row = layout.line_of_offset(self._head - 1 if self._head > anchor else self._head)
        column = self._head - layout.lines[row].start
        target_row = row + delta
        while 0 <= target_row < len(layout) and layout.lines[target_row].kind != TEXT:
            target_row += delta
        if 0 <= target_row < len(layout):
            line = layout.lines[target_row]
            target = min(line.start + column, line.end)
            forward = target > anchor or (target == anchor and delta > 0)
            head = self._words.snap_end(target) if forward else self._words.snap_start(target)
        else:
            line = layout.lines[row]
            head = line.end if delta > 0 else line.start
        self._head = head
        self._head_moved()

    def action_select_sentence(self) -> None:
        """Select the caret's sentence; with a selection, extend it to here (or by one more sentence)."""
        if not self._turns:
            return
        sentence = self._sentence_at_cursor()
        if self.selection and self.selection[0] <= sentence[0] and sentence[1] <= self.selection[1]:
            self.action_sentence(1)
            sentence = self._sentence_at_cursor()
        self._extend(sentence)
        self._moved()

    def action_select_turn(self) -> None:
        """Select the caret's turn; with a selection, extend it to here (or by one more turn)."""
        turn = self.current_turn
        if turn is None:
            return
        if self.selection and self.selection[0] <= turn.start and turn.end <= self.selection[1]:
            self._step_turn(1)
            turn = self._turns[self.cursor_turn]
        self._extend((turn.start, turn.end))
        self._moved()

    def action_clear_selection(self) -> None:
        if self._anchor is not None:
            self._anchor = None
            self.refresh()

    def action_escape(self) -> None:
        """Clear the selection; with none, `escape` passes on to the screen (the walk back up)."""
        if self.selection is None:
            raise SkipAction()
        self.action_clear_selection()

    # ---- the mouse --------------------------------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int | None:
        """The character offset under a point of the widget (a row's end beyond its last word)."""
        layout = self._layout
        if layout is None or not len(layout):
            return None
        row = min(max(0, round(self.scroll_offset.y) + y), len(layout) - 1)
        line = layout.lines[row]
        if line.kind != TEXT:
            return self._turns[line.turn].start
        return min(line.start + max(0, x - GUTTER), line.end)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Put the caret on the pressed word; dragging from there selects (shift+click extends)."""
        offset = self.offset_at(event.x, event.y)
        if offset is None or event.button != 1:
            return
        self.focus()
        word = self._words.word_at(offset)
        if event.shift and self.selection is not None:
            self._dragging = True
            self._drag_to(offset)
        else:
            self._anchor = None
            self._set_caret(word[0] if word else offset)
            self._drag_origin = offset
            self._dragging = True
            self._caret_moved()
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:  # a drag: the button went down here and is not up yet (the mouse is captured)
            return
        if event.y < 0:
            self.scroll_to(y=self.scroll_offset.y - 1, animate=False, immediate=True)
        elif event.y >= self.scrollable_content_region.height:
            self.scroll_to(y=self.scroll_offset.y + 1, animate=False, immediate=True)
        offset = self.offset_at(event.x, event.y)
        if offset is not None:
            self._drag_to(offset)

    def _drag_to(self, offset: int) -> None:
        """Select whole words from where the drag began (or the selection's far end) to `offset`."""
        words = self._words
        if self._anchor is None:
            word = words.word_at(self._drag_origin)
            if word is None or word[0] <= offset < word[1]:
                return
            self._anchor = word[0] if offset >= word[1] else word[1]
        self._head = words.snap_end(offset) if offset > self._anchor else words.snap_start(offset)
        if self._head == self._anchor:
            word = words.word_at(offset)
            if word is not None:
                self._head = word[1] if offset >= self._anchor else word[0]
        self._head_moved()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
