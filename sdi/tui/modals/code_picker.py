"""`c`: name what the selected words say. Above the input, the exact words that will be coded, turn by turn
with their speakers (a passage over several turns becomes one coding per turn, and the title says so). The
input starts with the words themselves (in-vivo coding); below it, the closeness warnings on what is typed
and the existing codes most like it, updated on every keystroke — so a near-duplicate is reused instead of
a new code being made, and a topic label is caught before it is one. The code list is read once when the
dialog opens; the language pipeline is loaded (and the codes lemmatised) in a worker thread, and until
then the matches are over the raw text."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from sdi.tui.context import sdi_app
from sdi.tui.modals.base import SdiModal
from sdi.workflow.code import list_codes
from sdi.workflow.code_assist import CodeAssist, passage_of
from sdi.workflow.code_list import CodeSummary
from sdi.workflow.errors import describe, reportable_errors
from sdi.workflow.project import Project

SUGGESTIONS = 8


@dataclass(frozen=True)
class CodeChoice:
    """The answer: an existing code (`code_id`) or a new one to create with `statement`."""

    statement: str
    code_id: int | None = None
    wider: bool = False  # the wider passage was chosen (ctrl+w), not the one first shown


class MatchList(OptionList):
    """The matches; `up` on the first one goes back to the input."""

    def action_cursor_up(self) -> None:
        if self.highlighted in (0, None):
            self.highlighted = None
            self.screen.query_one("#statement", Input).focus()
        else:
            super().action_cursor_up()


class CodePicker(SdiModal[CodeChoice | None]):
    """`enter` in the input: a new code; `down` into the matches and `enter`: reuse that code."""

    CSS_PATH = "code_picker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "tui.key.cancel", id="cancel"),
        Binding("down", "to_matches", "tui.key.to_matches", show=False, id="to_matches"),
        Binding("ctrl+w", "widen", "tui.key.widen", show=False, id="widen"),
    ]

    def __init__(
        self,
        project: Project,
        words: str,
        passage: Sequence[tuple[str, str]] = (),
        span: tuple[int, int, int] | None = None,
        wider: Sequence[tuple[str, str]] = (),
    ) -> None:
        """`words` prefill the input; `passage` is what will be coded, as (speaker, exact words) per turn;
        `span` (transcript id, start, end) is the passage's stretch, for the closeness check. With `wider`
        (a search hit's whole turn), `ctrl+w` switches between the two and the answer says which."""
        super().__init__()
        self.project, self.words, self.passage, self.span = project, words, list(passage), span
        self.narrow, self.wider, self.widened = list(passage), list(wider), False
        self.codes: list[CodeSummary] = []
        self.assist: CodeAssist | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.tr("tui.code_picker.title"), classes="title")
            if self.passage:
                yield Label(self._passage_title(), classes="subtitle", id="passage-title")
                with VerticalScroll(id="passage"):
                    yield Static(self._passage_text(), id="passage-words")
            yield Input(self.words, placeholder=self.tr("tui.code_picker.placeholder"), id="statement")
            yield Label("", id="warnings")
            yield Label(self.tr("tui.code_picker.matches"), id="matches-title", classes="subtitle")
            yield MatchList(id="matches")
            yield Label(self.tr("tui.code_picker.hint"), classes="hint")

    def _passage_title(self) -> str:
        words = sum(len(text.split()) for _, text in self.passage)
        if len(self.passage) > 1:
            title = self.tr("tui.code_picker.passage_turns", words=words, turns=len(self.passage))
        else:
            title = self.tr("tui.code_picker.passage", words=words)
        if self.wider:
            title += " " + self.tr("tui.code_picker.narrower" if self.widened else "tui.code_picker.wider")
        return title

    def action_widen(self) -> None:
        """`ctrl+w`: the whole turn instead of the sentences (and back)."""
        if not self.wider:
            return
        self.widened = not self.widened
        self.passage = self.wider if self.widened else self.narrow
        self.query_one("#passage-title", Label).update(self._passage_title())
        self.query_one("#passage-words", Static).update(self._passage_text())

    def _passage_text(self) -> Text:
        """Every word that will be coded, none cut: speaker, then «the words»."""
        text = Text()
        for index, (speaker, words) in enumerate(self.passage):
            if index:
                text.append("\n")
            text.append(f"{speaker or '–'}: ", style="bold")
            text.append(f"«{words}»", style="italic")
        return text

    def on_mount(self) -> None:
        self.codes = list_codes(self.project)
        try:
            passage = passage_of(self.project, *self.span) if self.span else None
        except reportable_errors():  # the transcript went meanwhile: match codes, check nothing
            passage = None
        self.assist = CodeAssist(self.project, self.codes, passage)
        self._suggest(self.words)
        self._warn(self.words)
        self.query_one("#statement", Input).focus()
        self.run_worker(self._prepare, thread=True, exit_on_error=False, group="code-assist")

    def _prepare(self) -> None:
        """In a worker thread: read and weigh the codes (the similar codes show), then load the pipeline
        for the closeness check (the warnings show)."""
        if self.assist is None:
            return
        try:
            self.assist.prepare_similar()
            with suppress(RuntimeError):  # the app closed meanwhile
                self.app.call_from_thread(self._similar_ready)
            self.assist.prepare()
        except reportable_errors() as error:  # raw matches go on; say why the rest does not come
            with suppress(RuntimeError):
                said = describe(error, str(getattr(self.app, "language", "nb")))
                self.app.call_from_thread(self.notify, said, severity="warning")
            return
        with suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._assist_ready)

    def _similar_ready(self) -> None:
        if self.is_attached:
            self._suggest(self.query_one("#statement", Input).value)

    def _assist_ready(self) -> None:
        if not self.is_attached:
            return
        text = self.query_one("#statement", Input).value
        self._suggest(text)
        self._warn(text)
        if self.assist is not None and self.assist.problem:
            self.notify(
                self.tr("assist.closeness.guide_problem", error=self.assist.problem), severity="warning"
            )

    @on(Input.Changed, "#statement")
    def _typed(self, event: Input.Changed) -> None:
        self._suggest(event.value)
        self._warn(event.value)

    def _warn(self, text: str) -> None:
        """One line per closeness warning on `text` (none before the pipeline is ready)."""
        found = self.assist.warnings(text) if self.assist is not None else []
        lines = [self.tr(f"assist.closeness.{w.kind}", words=", ".join(w.words)) for w in found]
        label = self.query_one("#warnings", Label)
        label.update(Text("\n".join(lines)))
        label.display = bool(lines)

    def _suggest(self, text: str) -> None:
        matches = self.query_one("#matches", OptionList)
        matches.clear_options()
        hits = self.assist.similar(text, SUGGESTIONS) if self.assist is not None and self.codes else []
        matches.add_options(
            Option(
                Text.assemble(
                    (f"{likeness.score:3.0f} ", "bold" if likeness.same else "dim"),
                    code.statement,
                    (f"  {self.tr('sim.same')}", "bold") if likeness.same else "",
                    (f"  {sdi_app(self).codings(code.codings)}", "dim"),
                ),
                id=str(code.id),
            )
            for code, likeness in hits
        )
        matches.highlighted = None
        matches.display = bool(hits)
        self.query_one("#matches-title").display = bool(hits)

    @on(Input.Submitted, "#statement")
    def _new_code(self, event: Input.Submitted) -> None:
        statement = " ".join(event.value.split())
        if statement:
            self.dismiss(CodeChoice(statement, wider=self.widened))
        else:
            self.notify(self.tr("tui.code_picker.empty"), severity="warning")

    @on(OptionList.OptionSelected, "#matches")
    def _reuse(self, event: OptionList.OptionSelected) -> None:
        code = next(c for c in self.codes if str(c.id) == event.option.id)
        self.dismiss(CodeChoice(code.statement, code.id, wider=self.widened))

    def action_to_matches(self) -> None:
        matches = self.query_one("#matches", OptionList)
        if matches.option_count and not matches.has_focus:
            matches.focus()
            matches.highlighted = 0

    def action_cancel(self) -> None:
        self.dismiss(None)
