"""Step 2, empirically close coding: read a transcript turn by turn, select sentences or turns, and name what
they say in the informants' own words — reusing an existing code when one already says it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal

from sdi.tui.context import sdi_app
from sdi.tui.modals.code_picker import CodeChoice, CodePicker
from sdi.tui.modals.dialogs import ConfirmModal, InputModal, TextModal
from sdi.tui.modals.transcript_picker import TranscriptPicker
from sdi.tui.navigation import State
from sdi.tui.screens.base import CHECK_BINDINGS, SdiScreen, Target
from sdi.tui.widgets.code_panel import CodePanel
from sdi.tui.widgets.transcript_view import TranscriptReader
from sdi.workflow.code import (
    CodingView,
    code_span,
    coding_count,
    codings_of_document,
    delete_code,
    remove_coding,
    rename_code,
)
from sdi.workflow.memo import delete_memo, memos_for, write_memo
from sdi.workflow.transcript import TranscriptView, list_transcripts, transcript_view

PREFILL = 120  # characters of the selected words put in the code picker's input


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary before `limit`, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


class CodingScreen(SdiScreen):
    """Reader on the left, the codes of the cursor turn and of the whole transcript on the right."""

    MODE = "coding"
    CSS_PATH = "coding_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "code", "tui.key.code"),
        Binding("r", "rename", "tui.key.rename", show=False),
        Binding("delete", "delete_code", "tui.key.delete_code", show=False),
        Binding("x", "uncode", "tui.key.uncode", show=False),
        Binding("m", "memo", "tui.key.memo", show=False),
        Binding("u", "toggle_uncoded", "tui.key.uncoded", show=False),
        Binding("f", "cycle_speaker", "tui.key.speaker", show=False),
        Binding("o", "pick_transcript", "tui.key.pick_transcript", show=False),
        Binding("q", "quote", "tui.key.quote", show=False),
        Binding("escape", "up", "tui.key.up", show=False),
        *CHECK_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.document_id: int | None = None
        self.view: TranscriptView | None = None
        self.codings: list[CodingView] = []
        self.uncoded_only = False
        self.speaker: str | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="coding-body"):
            yield TranscriptReader(id="reader")
            yield CodePanel(id="code-panel")

    @property
    def reader(self) -> TranscriptReader:
        return self.query_one(TranscriptReader)

    @property
    def panel(self) -> CodePanel:
        return self.query_one(CodePanel)

    def on_mount(self) -> None:
        self.reader.empty_message = self.tr("tui.coding.nothing")
        self.reader.focus()

    # ---- loading ----------------------------------------------------------------------------------------

    def sync(self) -> None:
        """A walk down may bring a transcript (and an offset, applied in `show_place`) along."""
        app = sdi_app(self)
        state = app.arrival(self.MODE, take=False)
        document = state.get("document") if state is not None else None
        if isinstance(document, int):
            app.document_id = document
        if app.document_id != self.document_id:
            self._seen_version = -1
        super().sync()

    def place(self) -> dict[str, object]:
        turn = self.reader.current_turn
        return {"document": self.document_id, "offset": turn.start if turn else 0}

    def show_place(self, state: State) -> None:
        """The cursor on the line a walk down came for, with every turn shown so it can be seen."""
        offset = state.get("offset")
        if not isinstance(offset, int) or self.view is None:
            return
        if self.uncoded_only or self.speaker is not None:
            self.uncoded_only, self.speaker = False, None
            self.reader.set_filters(uncoded_only=False, speaker=None)
            self._update_context()
        self.reader.go_to(offset)
        self.reader.focus()

    def reload(self) -> None:
        """Open the app's chosen transcript (the first one if none is chosen); keep the cursor on a reload."""
        app = sdi_app(self)
        if app.document_id is None:
            transcripts = list_transcripts(self.project)
            app.document_id = transcripts[0].id if transcripts else None
        if app.document_id is None:
            self._update_context()
            return
        view = self.attempt(transcript_view, self.project, app.document_id)
        if view is None:
            app.document_id = None
            return
        codings = codings_of_document(self.project, view.id)
        same = self.view is not None and self.view.id == view.id and self.view.version == view.version
        self.document_id, self.view, self.codings = view.id, view, codings
        if same:
            self.reader.set_codings(codings)
        else:
            self.uncoded_only, self.speaker = False, None
            self.reader.load(view, codings)
        self._show_codings()

    def _refresh_codings(self) -> None:
        """After a change on this screen: reread the codings only, redraw, tell the other screens."""
        if self.document_id is None:
            return
        self.codings = codings_of_document(self.project, self.document_id)
        self.reader.set_codings(self.codings)
        self._show_codings()
        self.changed()

    def _show_codings(self) -> None:
        self.panel.show_codes(self.codings)
        self.panel.show_turn(self.reader.codings_of_turn())
        self._update_context()

    def _update_context(self) -> None:
        if self.view is None:
            self.set_context(self.tr("tui.coding.nothing"))
            return
        parts = [self.view.title, self.tr("tui.words", words=sdi_app(self).number(self.view.words))]
        if self.uncoded_only:
            parts.append(self.tr("tui.coding.filter_uncoded"))
        if self.speaker is not None:
            parts.append(self.tr("tui.coding.filter_speaker", speaker=self.speaker))
        self.set_context(" · ".join(parts))

    @on(TranscriptReader.CursorMoved)
    def _cursor_moved(self, event: TranscriptReader.CursorMoved) -> None:
        self.panel.show_turn(self.reader.codings_of_turn(event.turn))

    # ---- what an action applies to ---------------------------------------------------------------------

    def _target_coding(self) -> CodingView | None:
        """The highlighted coding in the panel, else the one under the cursor (if it is only one)."""
        if self.panel.focus_target == "coding":
            return self.panel.highlighted_coding()
        here = self.reader.codings_at_cursor()
        highlighted = self.panel.highlighted_coding()
        if len(here) == 1:
            return here[0]
        if highlighted in here:
            return highlighted
        message = "tui.coding.choose_coding" if here else "tui.coding.no_coding"
        self.notify(self.tr(message), severity="warning")
        return None

    def _target_code(self) -> tuple[int, str] | None:
        if self.panel.focus_target == "code":
            return self.panel.highlighted_code()
        coding = self._target_coding()
        return (coding.code_id, coding.statement) if coding else None

    # ---- actions ----------------------------------------------------------------------------------------

    def action_code(self) -> None:
        span = self.reader.current_span()
        if span is None or self.document_id is None or not self.reader.visible_turns:
            return
        start, end = span
        words = self.reader.span_text(start, end)
        prefill = shorten(words, PREFILL)
        excerpt = shorten(words, 300) if prefill != words else ""
        document_id = self.document_id
        seen = self.view.version if self.view is not None else None  # the text the offsets belong to

        def chosen(choice: CodeChoice | None) -> None:
            if choice is None:
                return
            existing = {"code_id": choice.code_id} if choice.code_id else {"statement": choice.statement}
            done = self.attempt(code_span, self.project, document_id, start, end, **existing,
                                document_version=seen)  # fmt: skip
            if done is None:
                return
            self.reader.action_clear_selection()
            self._refresh_codings()
            key = "safety.tui.coded_moved" if done.moved else "tui.coding.coded"
            self.notify(self.tr(key, statement=choice.statement))

        self.app.push_screen(CodePicker(self.project, prefill, excerpt, (document_id, start, end)), chosen)

    def action_rename(self) -> None:
        target = self._target_code()
        if target is None:
            return
        code_id, statement = target
        seen = next((c.code_version for c in self.codings if c.code_id == code_id), None)

        def renamed(text: str | None) -> None:
            if not text or text.strip() == statement:
                return
            if seen is None:  # not on this page: the workflow checks nothing stale against it
                if self.perform(rename_code, self.project, code_id, text):
                    self._refresh_codings()
            elif self.edit(rename_code, self.project, code_id, text, seen_version=seen):
                self._refresh_codings()

        self.app.push_screen(InputModal(self.tr("tui.coding.rename_title"), statement), renamed)

    def action_delete_code(self) -> None:
        target = self._target_code()
        if target is None:
            return
        code_id, statement = target
        count = coding_count(self.project, code_id)

        def confirmed(yes: bool | None) -> None:
            if yes and self.attempt(delete_code, self.project, code_id) is not None:
                self._refresh_codings()
                self.notify(self.tr("tui.coding.deleted", statement=statement, codings=codings))

        codings = sdi_app(self).codings(count)
        question = self.tr("tui.coding.confirm_delete", statement=statement, codings=codings)
        self.app.push_screen(ConfirmModal(question, self.tr("tui.delete")), confirmed)

    def action_uncode(self) -> None:
        coding = self._target_coding()
        if coding is not None and self.perform(remove_coding, self.project, coding.id):
            self._refresh_codings()
            self.notify(self.tr("tui.coding.uncoded", statement=coding.statement))

    def action_memo(self) -> None:
        """A memo on what has the focus: a code or coding in the panel, else the transcript."""
        focus = self.panel.focus_target
        if focus == "code" and (code := self.panel.highlighted_code()):
            target, target_id, title = "code", code[0], self.tr("tui.memo.code", name=code[1])
        elif focus == "coding" and (coding := self.panel.highlighted_coding()):
            target, target_id, title = "coding", coding.id, self.tr("tui.memo.coding", name=coding.statement)
        elif self.view is not None:
            target, target_id = "document", self.view.id
            title = self.tr("tui.memo.document", name=self.view.title)
        else:
            return
        existing = memos_for(self.project, target, target_id)
        memo = existing[-1] if existing else None

        def written(text: str | None) -> None:
            if text is None or text == (memo.text if memo else ""):
                return
            if memo is not None and not text.strip():
                done = self.perform(delete_memo, self.project, memo.id)
            else:
                memo_id = memo.id if memo else None
                done = self.perform(write_memo, self.project, target, target_id, text, "", memo_id)
            if done:
                self.changed()
                self.notify(self.tr("tui.memo.saved"))

        self.app.push_screen(TextModal(title, memo.text if memo else ""), written)

    def action_toggle_uncoded(self) -> None:
        self.uncoded_only = not self.uncoded_only
        self.reader.set_filters(uncoded_only=self.uncoded_only, speaker=self.speaker)
        self._update_context()

    def action_cycle_speaker(self) -> None:
        """Show only one speaker's turns, the next speaker on each press, then everyone again."""
        if self.view is None:
            return
        speakers = list(dict.fromkeys(turn.speaker for turn in self.view.turns if turn.speaker))
        order: list[str | None] = [None, *speakers]
        self.speaker = order[(order.index(self.speaker) + 1) % len(order)] if self.speaker in order else None
        self.reader.set_filters(uncoded_only=self.uncoded_only, speaker=self.speaker)
        self._update_context()

    def action_quote(self) -> None:
        """`q`: the coding under the cursor into a quote set."""
        coding = self._target_coding()
        if coding is not None:
            self.quote_coding(coding.id)

    def target(self) -> Target | None:
        """A check is on the highlighted code or coding in the panel, else on the transcript."""
        focus = self.panel.focus_target
        if focus == "code" and (code := self.panel.highlighted_code()):
            return Target("code", code[0], code[1])
        if focus == "coding" and (coding := self.panel.highlighted_coding()):
            return Target("coding", coding.id, coding.statement)
        return Target("document", self.view.id, self.view.title) if self.view else None

    def action_pick_transcript(self) -> None:
        def picked(document_id: int | None) -> None:
            if document_id is not None:
                sdi_app(self).open_transcript(document_id)

        self.app.push_screen(TranscriptPicker(list_transcripts(self.project), self.document_id), picked)
