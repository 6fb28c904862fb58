"""The workbench: one screen per SDI step (switched with the number keys or the command palette), a status
line on every screen, light and dark themes, help for the keys, undo/redo of the coder's last actions, and
the walk back between the steps (`enter` down the SDI chain, `escape` back up the trail).

The app is handed an opened `Project` and reaches the store only through `sdi.workflow`."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import partial
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.theme import Theme

from sdi.i18n import t
from sdi.tui import started
from sdi.tui.commands import SdiCommands
from sdi.tui.context import refuse
from sdi.tui.keymap import user_keymap
from sdi.tui.modals.help import show_help
from sdi.tui.navigation import Place, State, Trail
from sdi.tui.palette import open_palette, search_themes, system_commands
from sdi.tui.screens.base import SdiScreen
from sdi.tui.screens.corpus_screen import CorpusScreen
from sdi.tui.widgets.status_line import StatusLine
from sdi.workflow.coder import needs_coder_choice
from sdi.workflow.errors import reportable_errors
from sdi.workflow.freshness import ChangeMark, change_mark
from sdi.workflow.overview import ProjectStatus, nlp_description, project_status
from sdi.workflow.preference import read_preferences, write_preference
from sdi.workflow.project import Project

if TYPE_CHECKING:  # the dialogs load when first opened, not before the first screen is drawn
    from textual.widget import AwaitMount

    from sdi.workflow.memo_index import MemoListing

STEPS: tuple[str, ...] = ("corpus", "coding", "code_groups", "concepts", "quotes")
DARK, LIGHT = "textual-dark", "textual-light"
POLL_SECONDS = 5.0  # how often the store is asked whether another coder changed something
WARM_UP_AFTER = 0.25  # seconds after the first screen is drawn: SQLAlchemy and the models load meanwhile
WARM_UP_IDLE = 0.2  # …after a key switched screens: once the process used less than this share of them
WARM_UP_LATEST = 3.0  # seconds after the first screen is drawn: then it loads whatever the workbench does
BLOCKED_IN_DIALOGS = frozenset(
    {"step", "undo", "redo", "help", "toggle_theme", "search", "keywords", "memos"}
)


def _coding_screen() -> Screen[Any]:
    from sdi.tui.screens.coding_screen import CodingScreen

    return CodingScreen()


def _code_group_screen() -> Screen[Any]:
    from sdi.tui.screens.code_group_screen import CodeGroupScreen

    return CodeGroupScreen()


def _concept_screen() -> Screen[Any]:
    from sdi.tui.screens.concept_screen import ConceptScreen

    return ConceptScreen()


def _quote_screen() -> Screen[Any]:
    from sdi.tui.screens.quote_screen import QuoteScreen

    return QuoteScreen()


def _matrix_screen() -> Screen[Any]:
    from sdi.tui.screens.matrix_screen import MatrixScreen

    return MatrixScreen()


class SdiApp(App[None]):
    """Screens find the project, the shared status and the formatting helpers here."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        "widgets/step_bar.tcss",
        "widgets/status_line.tcss",
        "widgets/transcript_view.tcss",
        "widgets/code_panel.tcss",
        "widgets/pick_list.tcss",
        "screens/corpus_screen.tcss",  # the first screen's own (as its CSS_PATH): parsed with the rest, once
    ]
    STEPS: ClassVar[tuple[str, ...]] = STEPS
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        "corpus": CorpusScreen,
        "coding": _coding_screen,  # the other screens load when first shown, not before the first is drawn
        "code_groups": _code_group_screen,
        "concepts": _concept_screen,
        "quotes": _quote_screen,
        "matrix": _matrix_screen,  # from the palette; not a step of its own
    }
    DEFAULT_MODE: ClassVar[str] = "corpus"
    HELP_TITLE: ClassVar[str] = "tui.help.everywhere"
    COMMANDS = App.COMMANDS | {SdiCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"step({n})", f"tui.step.{mode}", show=False, id=f"step_{mode}")
          for n, mode in enumerate(STEPS, 1)),
        Binding("question_mark", "help", "tui.key.help", id="help"),
        Binding("slash", "search", "tui.key.search", show=False, id="search"),
        Binding("M", "memos", "tui.key.memos", show=False, id="memos"),
        Binding("ctrl+t", "toggle_theme", "tui.key.theme", show=False, id="theme"),
        Binding("ctrl+z", "undo", "tui.key.undo", show=False, id="undo"),
        Binding("ctrl+y", "redo", "tui.key.redo", show=False, id="redo"),
        Binding("ctrl+q", "quit", "tui.key.quit", id="quit"),
        Binding("ctrl+p", "command_palette", "tui.key.palette", show=False, priority=True, id="palette"),
    ]

    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.language = project.config.language
        self.title = project.config.title
        self.version = 0  # bumped on every change; screens reload when theirs is older
        self.document_id: int | None = None  # the transcript the Coding screen shows
        self.trail = Trail()  # the walk back: where each step down started
        self._arrival: tuple[str, State] | None = None  # a selection waiting for its screen
        self._status: ProjectStatus | None = None
        self._nlp: str | None = None
        self._mark: ChangeMark | None = None  # the store's change mark when the screens last read it
        self.activity = ""  # what is under way (an export being written), shown in the status line
        self._drawn_at = 0.0  # when the first screen was drawn (the warm-up starts after it)
        self._switched = False  # a screen was switched to since the start
        saved = read_preferences(project).get("theme", DARK)
        self._saved_theme = saved if saved in self.available_themes else DARK
        if self._saved_theme != self.theme:  # setting it re-parses all CSS once the first screen is made
            self.theme = self._saved_theme
        self.set_keymap(user_keymap(project.config))  # [keys] in sdi.toml; a broken entry is a ConfigError

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self.poll_store)
        # the first screen reads plain SQL; what writes and the other screens need loads once it is drawn
        self.call_after_refresh(self._warm_up_when_idle)
        self.theme_changed_signal.subscribe(self, self._keep_theme)
        if needs_coder_choice(self.project):
            self.call_after_refresh(self.action_switch_coder, True)

    def _warm_up_when_idle(self, since: tuple[float, float] | None = None) -> None:
        """Start the warm-up `WARM_UP_AFTER` after the first screen is drawn — but when a screen has been
        switched to meanwhile (`2` pressed the moment Korpus appears), only once the workbench has been idle
        for that long, so the new screen is built (in plain SQL, as Korpus) without an import thread taking
        turns with it for the interpreter; at the latest `WARM_UP_LATEST` after the first screen."""
        now = (time.monotonic(), time.process_time())  # the process's CPU time counts every thread
        if since is None:
            self._drawn_at = now[0]
        else:
            started()  # the garbage collector, held back by `sdi.tui.workbench` until the first paint
            idle = now[1] - since[1] < WARM_UP_IDLE * (now[0] - since[0])
            if not self._switched or idle or now[0] - self._drawn_at >= WARM_UP_LATEST:
                self.project.warm_up()
                return
        self.set_timer(WARM_UP_AFTER, partial(self._warm_up_when_idle, now))

    def switch_mode(self, mode: str) -> AwaitMount:
        self._switched = True  # the warm-up waits for an idle moment (`_warm_up_when_idle`)
        return super().switch_mode(mode)

    # ---- shared state -----------------------------------------------------------------------------------

    @property
    def status(self) -> ProjectStatus:
        """The project at a glance, reread lazily after each change."""
        if self._status is None:
            self._status = project_status(self.project)
        return self._status

    @property
    def nlp_label(self) -> str:
        if self._nlp is None:
            self._nlp = nlp_description(self.project)
        return self._nlp

    def after_write(
        self, message: str = "", *, reload: bool = True, severity: SeverityLevel = "information"
    ) -> None:
        """After a write from a dialog, the palette or undo/redo: the step screen shown takes it in
        (`SdiScreen.after_write`, the one sequence); with a dialog in front, the store's change is noted
        (every screen rereads when shown next) and `message` said."""
        if isinstance(self.screen, SdiScreen):
            self.screen.after_write(message, reload=reload, severity=severity)
            return
        self.data_changed()
        if message:
            self.notify(message, severity=severity)

    def data_changed(self) -> None:
        """Something was written: new status, and every screen rereads when it is shown next."""
        self.version += 1
        self._status = None
        self._mark = self._read_mark()  # our own write: not a change by someone else

    def _read_mark(self) -> ChangeMark | None:
        try:
            return change_mark(self.project)
        except reportable_errors():  # the store cannot be read just now: look again next time
            return None

    def others_changed(self) -> bool:
        """Did another coder (or process) change the store since the screens last read it? If so, every
        screen rereads when it is shown next."""
        mark = self._read_mark()
        if mark is None:
            return False
        if self._mark is None or mark == self._mark:
            self._mark = mark
            return False
        self._mark = mark
        self.version += 1
        self._status = None
        return True

    def poll_store(self) -> None:
        """The periodic cheap check: when someone else changed something, the screen shown rereads at once
        (not while a dialog is open: it holds what it was opened with; the screen rereads when it closes).
        Not while the app is closing either: its screens are gone then."""
        try:
            screen = self.screen
        except ScreenStackError:
            return
        if isinstance(screen, SdiScreen) and self.others_changed():
            screen.sync()
            self.notify(self.tr("safety.tui.reloaded"))

    def set_activity(self, text: str) -> None:
        """Say in the status line what is under way (empty: nothing)."""
        self.activity = text
        for line in self.screen.query(StatusLine):
            line.refresh()

    def tr(self, key: str, **values: object) -> str:
        return t(key, self.language, **values)

    def percent(self, share: float) -> str:
        """Whole percent, with one decimal below 10 % so the first codings do not show as 0 %."""
        value = share * 100
        text = f"{value:.1f}" if 0 < value < 9.95 else f"{round(value)}"
        return self.tr("tui.percent", value=text.replace(".", "," if self.language == "nb" else "."))

    def codings(self, count: int) -> str:
        return self.tr("tui.codings_one" if count == 1 else "tui.codings", count=count)

    def number(self, value: int) -> str:
        return f"{value:,}".replace(",", "\u00a0" if self.language == "nb" else ",")

    def open_transcript(self, document_id: int) -> None:
        """Show a transcript in the Coding screen."""
        self.document_id = document_id
        if self.current_mode == "coding" and isinstance(self.screen, SdiScreen):
            self.screen.sync()
        else:
            self.switch_mode("coding")

    # ---- the walk back ----------------------------------------------------------------------------------

    def go(self, mode: str, state: State | None = None) -> None:
        """Show `mode`; its screen applies `state` (what to select) once it has reloaded."""
        self._arrival = (mode, state) if state else None
        if self.current_mode == mode and isinstance(self.screen, SdiScreen):
            self.screen.sync()
        else:
            self.switch_mode(mode)

    def arrival(self, mode: str, *, take: bool = True) -> State | None:
        """The selection waiting for `mode`'s screen, if any (taken: applied only once)."""
        if self._arrival is None or self._arrival[0] != mode:
            return None
        state = self._arrival[1]
        if take:
            self._arrival = None
        return state

    def walk_down(self, mode: str, state: State) -> None:
        """One step down the SDI chain: remember where we are, then show `state` in `mode`."""
        if isinstance(self.screen, SdiScreen):
            self.trail.push(Place(self.current_mode, self.screen.place()))
        self.go(mode, state)

    def walk_up(self) -> bool:
        """Back to where the last step down started; False when the trail is empty."""
        place = self.trail.pop()
        if place is None:
            return False
        self.go(place.mode, place.state)
        return True

    # ---- actions ----------------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Screen switching, undo and redo wait until an open dialog is answered."""
        return not (action in BLOCKED_IN_DIALOGS and isinstance(self.screen, ModalScreen))

    def action_step(self, number: int) -> None:
        """A jump to a step starts afresh: the walk-back trail is forgotten."""
        if 1 <= number <= len(self.STEPS):
            self.trail.clear()
            self._arrival = None
            self.switch_mode(self.STEPS[number - 1])

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def _keep_theme(self, theme: Theme) -> None:
        """Whichever way the theme was chosen (ctrl+t or the palette), the next start opens with it."""
        if theme.name == self._saved_theme:
            return
        self._saved_theme = theme.name
        with suppress(OSError):  # a read-only project folder: the theme lasts for this session only
            write_preference(self.project, "theme", theme.name)

    def action_help(self) -> None:
        show_help(self)

    def action_command_palette(self) -> None:
        open_palette(self)

    def action_change_theme(self) -> None:
        search_themes(self)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return system_commands(self, screen)

    def action_switch_coder(self, at_start: bool = False) -> None:
        """Pick who codes from the coders the project knows, or name a new one."""
        from sdi.tui.modals.coder import choose_coder

        choose_coder(self, at_start)

    def action_pick_transcript(self) -> None:
        from sdi.tui.modals.transcript_picker import TranscriptPicker
        from sdi.workflow.transcript import list_transcripts

        def picked(document_id: int | None) -> None:
            if document_id is not None:
                self.open_transcript(document_id)

        self.push_screen(TranscriptPicker(list_transcripts(self.project), self.document_id), picked)

    def action_search(self) -> None:
        """`/`: the search view over the screen in front; `enter` on a hit walks down to it in Coding."""
        from sdi.tui.modals.search import open_search

        if isinstance(self.screen, SdiScreen):
            open_search(self, self.screen)

    def action_memos(self) -> None:
        """`M`: every memo with its object; `enter` walks down to the object."""
        from sdi.tui.modals.memo_browser import MemoBrowser, open_object
        from sdi.workflow.memo_index import list_memos

        def chosen(listing: MemoListing | None) -> None:
            if listing is not None:
                open_object(self, listing)

        self.push_screen(MemoBrowser(list_memos(self.project)), chosen)

    def action_keywords(self) -> None:
        from sdi.tui.modals.keywords import KeywordsModal

        self.push_screen(KeywordsModal(self.project))

    def action_undo(self) -> None:
        self._history("undo")

    def action_redo(self) -> None:
        self._history("redo")

    def _history(self, name: str) -> None:
        """Undo or redo through `sdi.workflow.history`, which may not be installed yet."""
        try:
            from sdi.workflow.history import redo, undo
        except ImportError:
            self.notify(self.tr("tui.history.missing"), severity="warning")
            return
        try:
            description = (undo if name == "undo" else redo)(self.project)
        except reportable_errors() as error:
            refuse(self, error)
            return
        if description is None:
            self.notify(self.tr(f"tui.history.nothing_{name}"))
            return
        self.after_write(self.tr(f"tui.history.{name}_done", what=description))
