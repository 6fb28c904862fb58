"""The reader's geometry without an app: wrapping and the display line ↔ character offset mapping."""

from __future__ import annotations

from sdi.tui.widgets.transcript_layout import GAP, HEADER, TEXT, TranscriptLayout, wrap_spans
from sdi.workflow.transcript import TurnView


def turn(seq: int, text: str, start: int) -> TurnView:
    return TurnView(seq, seq * 2, f"P{seq}", "", False, text, start, start + len(text), None)


def test_wrap_breaks_on_whitespace_within_width() -> None:
    text = "Det er flere små ting som legger seg oppå hverandre."
    spans = wrap_spans(text, 20)
    assert [text[s:e] for s, e in spans] == ["Det er flere små", "ting som legger seg", "oppå hverandre."]
    assert all(e - s <= 20 for s, e in spans)


def test_wrap_cuts_a_word_longer_than_the_line_and_breaks_on_newlines() -> None:
    assert wrap_spans("abcdefghij", 4) == [(0, 4), (4, 8), (8, 10)]
    assert wrap_spans("ja\nnei", 40) == [(0, 2), (3, 6)]
    assert wrap_spans("   ", 10) == []


def test_layout_maps_rows_and_offsets_both_ways() -> None:
    first = "En to tre fire fem seks sju åtte."
    second = "Ni ti."
    turns = [turn(1, first, 0), turn(2, second, len(first) + 1)]
    layout = TranscriptLayout(turns, 12, [0, 1])
    kinds = [line.kind for line in layout.lines]
    assert kinds[0] == HEADER and GAP in kinds and kinds.count(HEADER) == 2
    assert all(line.end - line.start <= 12 for line in layout.lines if line.kind == TEXT)
    offset = first.index("sju")
    row = layout.line_of_offset(offset)
    assert layout.lines[row].start <= offset < layout.lines[row].end
    assert layout.rows_of_span(turns[1].start, turns[1].end) == (len(layout) - 1, len(layout) - 1)


def test_hidden_turns_have_no_rows() -> None:
    turns = [turn(1, "En.", 0), turn(2, "To.", 4), turn(3, "Tre.", 8)]
    layout = TranscriptLayout(turns, 40, [0, 2])
    assert set(layout.header_line) == {0, 2}
    assert {line.turn for line in layout.lines} == {0, 2}
