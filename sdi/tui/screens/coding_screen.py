"""Step 2, empirically close coding: read a transcript, select any words — a word, a few words, across
sentences and turns — and name what they say in the informants' own words, reusing an existing code when
one already says it. Codings stand as coloured stripes beside the text; the reader can be narrowed to the
turns coded with one code (or group) and walked coding by coding."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import OptionList

from sdi.tui.context import sdi_app
from sdi.tui.modals.dialogs import ConfirmModal, InputModal
from sdi.tui.modals.picker import PickerModal
from sdi.tui.navigation import State
from sdi.tui.screens.base import CHECK_BINDINGS, SdiScreen, Target
from sdi.tui.screens.coding_filter import ALL, CodeFilter, filter_choices, next_coding
from sdi.tui.widgets.code_panel import CodePanel
from sdi.tui.widgets.coding_stripes import group_order
from sdi.tui.widgets.transcript_view import TranscriptReader
from sdi.workflow.code import (
    CodingView,
    code_passage,
    coding_count,
    codings_of_document,
    delete_code,
    remove_coding,
    rename_code,
)
from sdi.workflow.code_group import list_groups
from sdi.workflow.transcript import TranscriptView, list_transcripts, transcript_view

if TYPE_CHECKING:  # the picker (and its code suggestions) loads when a coding is made, not with the screen
    from sdi.tui.modals.code_picker import CodeChoice

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
        Binding("c", "code", "tui.key.code", id="code"),
        Binding("r", "rename", "tui.key.rename", show=False, id="rename_code"),
        Binding("delete", "delete_code", "tui.key.delete_code", show=False, id="delete_code"),
        Binding("x", "uncode", "tui.key.uncode", show=False, id="uncode"),
        Binding("m", "memo", "tui.key.memo", show=False, id="memo"),
        Binding("u", "toggle_uncoded", "tui.key.uncoded", show=False, id="uncoded_only"),
        Binding("f", "cycle_speaker", "tui.key.speaker", show=False, id="one_speaker"),
        Binding("v", "filter_code", "tui.key.filter_code", show=False, id="filter_code"),
        Binding("n", "jump(1)", "tui.key.next_coding", show=False, id="next_coding"),
        Binding("N", "jump(-1)", "tui.key.previous_coding", show=False, id="previous_coding"),
        Binding("o", "pick_transcript", "tui.key.pick_transcript", show=False, id="pick_transcript"),
        Binding("q", "quote", "tui.key.quote", show=False, id="quote"),
        Binding("escape", "up", "tui.key.up", show=False, id="up"),
        *CHECK_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.document_id: int | None = None
        self.view: TranscriptView | None = None
        self.codings: list[CodingView] = []
        self.uncoded_only = False
        self.speaker: str | None = None
        self.code_filter: CodeFilter | None = None

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
        self.panel.colour = self.reader.painter.colour
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
        """The caret on the line a walk down came for, with every turn shown so it can be seen."""
        offset = state.get("offset")
        if not isinstance(offset, int) or self.view is None:
            return
        if self.uncoded_only or self.speaker is not None or self.code_filter is not None:
            self._filter(uncoded_only=False, speaker=None, code_filter=None)
        self.reader.go_to(offset)
        self.reader.focus()

    def reload(self) -> None:
        """Open the app's chosen transcript (the first one if none is chosen); keep the caret on a reload."""
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
        self.reader.group_order = group_order([group.id for group in list_groups(self.project)])
        same = self.view is not None and self.view.id == view.id and self.view.version == view.version
        self.document_id, self.view, self.codings = view.id, view, codings
        if same:
            self.reader.set_codings(codings)
        else:
            self.uncoded_only, self.speaker, self.code_filter = False, None, None
            self.reader.load(view, codings)
        self._show_codings()

    def _refresh_codings(self) -> None:
        """After a change on this screen: reread the codings only, redraw, tell the other screens."""
        if self.document_id is None:
            return
        self.codings = codings_of_document(self.project, self.document_id)
        self.reader.set_codings(self.codings)
        self._show_codings()
        self.after_write(reload=False)

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
        if self.code_filter is not None:
            parts.append(self.tr("tui.coding.filter_code", name=self.code_filter.name))
        self.set_context(" · ".join(parts))

    @on(TranscriptReader.CursorMoved)
    def _cursor_moved(self, event: TranscriptReader.CursorMoved) -> None:
        self.panel.show_turn(self.reader.codings_of_turn(event.turn))

    @on(OptionList.OptionHighlighted, "#turn-codings")
    def _coding_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """A coding chosen in the side panel lights up its words and stripe in the reader."""
        if event.option_list.has_focus:
            coding = self.panel.highlighted_coding()
            self.reader.focus_coding(coding.id if coding else None)

    # ---- what an action applies to ---------------------------------------------------------------------

    def _target_coding(self) -> CodingView | None:
        """The highlighted coding in the panel, else the one under the caret (if it is only one)."""
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

    # ---- coding -----------------------------------------------------------------------------------------

    def action_code(self) -> None:
        """`c`: the selection (else the caret's sentence) — its exact words, turn by turn, shown in the
        picker — coded with a new or an existing code; one coding per turn, one undo step."""
        from sdi.tui.modals.code_picker import CodePicker

        reader = self.reader
        pieces = reader.current_pieces()
        if not pieces or self.document_id is None or not reader.visible_turns:
            return
        passage = [(reader.turn_at(start).speaker, reader.span_text(start, end)) for start, end in pieces]
        words = " ".join(text for _, text in passage)
        document_id = self.document_id
        seen = self.view.version if self.view is not None else None  # the text the offsets belong to

        def chosen(choice: CodeChoice | None) -> None:
            if choice is None:
                return
            existing = {"code_id": choice.code_id} if choice.code_id else {"statement": choice.statement}
            coded = self.attempt(code_passage, self.project, document_id, pieces, **existing,
                                 document_version=seen)  # fmt: skip
            if coded is None:
                return
            reader.action_clear_selection()
            self._refresh_codings()
            count = len(coded.coding_ids)
            key = "tui.coding.coded_turns" if count > 1 else "tui.coding.coded"
            if coded.moved:
                key = "safety.tui.coded_moved"
            self.notify(self.tr(key, statement=choice.statement, count=count))

        span = (document_id, pieces[0][0], pieces[-1][1])
        self.app.push_screen(CodePicker(self.project, shorten(words, PREFILL), passage, span), chosen)

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
            self.edit_memo("code", code[0], self.tr("tui.memo.code", name=code[1]))
        elif focus == "coding" and (coding := self.panel.highlighted_coding()):
            self.edit_memo("coding", coding.id, self.tr("tui.memo.coding", name=coding.statement))
        elif self.view is not None:
            self.edit_memo("document", self.view.id, self.tr("tui.memo.document", name=self.view.title))

    # ---- narrowing and walking the transcript -----------------------------------------------------------

    def _filter(self, *, uncoded_only: bool, speaker: str | None, code_filter: CodeFilter | None) -> None:
        self.uncoded_only, self.speaker, self.code_filter = uncoded_only, speaker, code_filter
        codes = code_filter.code_ids if code_filter else None
        self.reader.set_filters(uncoded_only=uncoded_only, speaker=speaker, codes=codes)
        self._update_context()

    def action_toggle_uncoded(self) -> None:
        self._filter(uncoded_only=not self.uncoded_only, speaker=self.speaker, code_filter=self.code_filter)

    def action_cycle_speaker(self) -> None:
        """Show only one speaker's turns — the informants first, the moderator last — then everyone."""
        if self.view is None:
            return
        turns = self.view.turns
        informants = [t.speaker for t in turns if t.speaker and not t.is_moderator]
        speakers = list(dict.fromkeys([*informants, *(t.speaker for t in turns if t.is_moderator)]))
        order: list[str | None] = [None, *speakers]
        speaker = order[(order.index(self.speaker) + 1) % len(order)] if self.speaker in order else None
        self._filter(uncoded_only=self.uncoded_only, speaker=speaker, code_filter=self.code_filter)

    def action_filter_code(self) -> None:
        """`v`: only the turns coded with a code (or any code of a code group) — or all turns again."""
        if self.view is None:
            return
        choices, filters = filter_choices(self.codings, list_groups(self.project), self.tr)
        if not filters:
            self.notify(self.tr("tui.coding.no_codes_here"), severity="warning")
            return
        current = self.code_filter.key if self.code_filter else ALL

        def picked(key: str | None) -> None:
            if key is not None:
                chosen = filters.get(key)
                self._filter(uncoded_only=self.uncoded_only, speaker=self.speaker, code_filter=chosen)

        self.app.push_screen(PickerModal(self.tr("tui.coding.filter_title"), choices, current), picked)

    def action_jump(self, direction: int) -> None:
        """`n`/`N`: the next (previous) coding of the filtered code, else of the code under the caret or
        highlighted in the panel, else any coding — from the caret on, round to the start at the end."""
        reader = self.reader
        if self.code_filter is not None:
            codes, name = self.code_filter.code_ids, self.code_filter.name
        elif self.panel.focus_target == "code" and (code := self.panel.highlighted_code()):
            codes, name = frozenset({code[0]}), code[1]
        elif (coding := reader.focused_coding()) is not None:
            codes, name = frozenset({coding.code_id}), coding.statement
        else:
            codes, name = None, ""
        visible = {turn.seq for turn in reader.visible_turns}
        shown = [c for c in self.codings if reader.turn_at(c.start).seq in visible]
        found, wrapped = next_coding(shown, reader.caret, direction, codes)
        if found is None:
            self.notify(self.tr("tui.coding.no_coding"), severity="warning")
            return
        reader.go_to(found.start)
        reader.focus_coding(found.id)
        if wrapped:  # the lit-up words and the code's name say the rest; going round is worth a word
            self.notify(self.tr("tui.coding.jump_wrapped", name=name or found.statement), timeout=3)

    def action_quote(self) -> None:
        """`q`: the coding under the caret into a quote set."""
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
        sdi_app(self).action_pick_transcript()
