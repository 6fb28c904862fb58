"""What every step screen shares: the step bar on top, the status line and key footer below, binding
descriptions in the project's language, reloading when the data changed while it was hidden — and the
walk back (`enter` down, `escape` up) and recorded checks (`ctrl+k`, `a`) that every SDI step needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen

from sdi.tui.context import refuse, sdi_app, tr
from sdi.tui.navigation import State
from sdi.tui.widgets.key_footer import KeyFooter
from sdi.tui.widgets.status_line import StatusLine
from sdi.tui.widgets.step_bar import StepBar
from sdi.workflow.errors import reportable_errors
from sdi.workflow.project import Project

T = TypeVar("T")
NEW = "new"  # the picker key of «new …» entries

WALK_BINDINGS: list[BindingType] = [
    Binding("enter", "down", "tui.key.down", show=False, id="down"),
    Binding("escape", "up", "tui.key.up", show=False, id="up"),
]
CHECK_BINDINGS: list[BindingType] = [
    Binding("ctrl+k,exclamation_mark", "check", "tui.key.check", id="check"),
    Binding("a", "audit", "tui.key.audit", show=False, id="audit"),
]


@dataclass(frozen=True)
class Target:
    """What `ctrl+k` and `a` act on: an audit target type and id, and how the dialogs name it."""

    type: str
    id: int
    label: str


class SdiScreen(Screen[None]):
    """Subclasses set MODE, yield their body from `compose_body` and reread the store in `reload`."""

    MODE: ClassVar[str] = ""
    HELP_TITLE: ClassVar[str] = "tui.help.screen"

    def __init__(self) -> None:
        super().__init__()
        self._seen_version = -1

    @property
    def project(self) -> Project:
        return sdi_app(self).project

    def tr(self, key: str, **values: object) -> str:
        return tr(self, key, **values)

    def compose(self) -> ComposeResult:
        yield StepBar(self.MODE)
        yield from self.compose_body()
        yield StatusLine()
        yield KeyFooter(compact=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    def reload(self) -> None:
        """Reread everything this screen shows from the store."""

    def on_screen_resume(self) -> None:
        self.sync()

    def sync(self) -> None:
        """Reload if something changed since this screen last looked (another screen, undo, redo, another
        coder), then select what a walk down or up brought along."""
        app = sdi_app(self)
        app.others_changed()
        if self._seen_version != app.version:
            self._seen_version = app.version
            self.reload()
        state = app.arrival(self.MODE)
        if state is not None:
            self.show_place(state)
        self.query_one(StatusLine).refresh()

    def after_write(
        self, message: str = "", *, reload: bool = True, severity: SeverityLevel = "information"
    ) -> None:
        """The one sequence after a write, wherever it was made (this screen, a dialog over it, the palette,
        undo/redo — `SdiApp.after_write` comes here): every screen learns that the store changed and rereads
        when it is shown next; this one rereads now, unless it already shows the change itself
        (`reload=False`: the Coding screen redraws only its codings); the status line is redrawn; and
        `message`, if any, is said."""
        app = sdi_app(self)
        app.data_changed()
        self._seen_version = app.version
        if reload:
            self.reload()
        self.query_one(StatusLine).refresh()
        if message:
            app.notify(message, severity=severity)

    def attempt(self, action: Callable[..., T], *args: object, **kwargs: object) -> T | None:
        """Run a workflow call; a refusal is shown as one line instead of a traceback."""
        try:
            return action(*args, **kwargs)
        except reportable_errors() as error:
            refuse(self, error)
            return None

    def perform(self, action: Callable[..., object], *args: object, **kwargs: object) -> bool:
        """Run a workflow write that returns nothing; True when it went through."""
        try:
            action(*args, **kwargs)
        except reportable_errors() as error:
            refuse(self, error)
            return False
        return True

    def edit(self, action: Callable[..., object], *args: object, seen_version: int) -> bool:
        """Run a write on a shared object (rename a code, group or concept) with the version this screen
        showed: a colleague's change since is refused with a message and the screen shows their version."""
        if self.perform(action, *args, seen_version=seen_version):
            return True
        self.after_write()  # reread at once, so the newer state is what the coder sees
        return False

    def set_context(self, text: str) -> None:
        """What the screen has open, shown in the step bar."""
        self.query_one(StepBar).context = text

    # ---- the walk back ----------------------------------------------------------------------------------

    def place(self) -> dict[str, object]:
        """What is selected now, for `show_place` when the walk comes back up here."""
        return {}

    def show_place(self, state: State) -> None:
        """Select what `state` names (ids, the focused pane)."""

    def local_up(self) -> None:
        """`escape` with nothing on the trail: one level up within this screen, if it has levels."""

    def action_up(self) -> None:
        if not sdi_app(self).walk_up():
            self.local_up()

    # ---- checks and the audit log -----------------------------------------------------------------------

    def target(self) -> Target | None:
        """The object under the cursor that a check or the audit log is about."""
        return None

    def _target_or_warn(self) -> Target | None:
        target = self.target()
        if target is None:
            self.notify(self.tr("tui.check.no_target"), severity="warning")
        return target

    def action_check(self) -> None:
        """Record a deductive check on the object under the cursor, in one line."""
        from sdi.tui.modals.dialogs import InputModal
        from sdi.workflow.check import record_check  # the dialogs and the ORM's workflow load on first use

        target = self._target_or_warn()
        if target is None:
            return

        def noted(note: str | None) -> None:
            recorded = note and self.attempt(record_check, self.project, target.type, target.id, note)
            if recorded:
                self.notify(self.tr("tui.check.recorded", target=target.label))

        title = self.tr("tui.check.title", target=target.label)
        self.app.push_screen(InputModal(title, placeholder=self.tr("tui.check.placeholder")), noted)

    def action_audit(self) -> None:
        from sdi.tui.modals.audit import AuditModal
        from sdi.workflow.check import audit_log, transcript_log

        target = self._target_or_warn()
        if target is not None:
            if target.type == "document":  # a transcript's log holds its codings too
                events = transcript_log(self.project, target.id)
            else:
                events = audit_log(self.project, target.type, target.id)
            self.app.push_screen(AuditModal(self.tr("tui.audit.title", target=target.label), events))

    # ---- memos ------------------------------------------------------------------------------------------

    def edit_memo(self, target_type: str, target_id: int, title: str) -> None:
        """Write (or rewrite) the memo on an object; emptied, it is deleted. Every screen's `m`."""
        from sdi.tui.modals.dialogs import TextModal
        from sdi.workflow.memo import delete_memo, memos_for, write_memo

        existing = memos_for(self.project, target_type, target_id)
        memo = existing[-1] if existing else None

        def written(text: str | None) -> None:
            if text is None or text == (memo.text if memo else ""):
                return
            if memo is not None and not text.strip():
                done = self.perform(delete_memo, self.project, memo.id)
            elif not text.strip():
                return
            else:
                memo_id = memo.id if memo else None
                done = self.perform(write_memo, self.project, target_type, target_id, text, "", memo_id)
            if done:
                self.after_write(self.tr("tui.memo.saved"), reload=False)
                self.memo_written()

        self.app.push_screen(TextModal(title, memo.text if memo else ""), written)

    def memo_written(self) -> None:
        """After a memo was written here: show it (screens that list memos redraw)."""

    # ---- quoting ----------------------------------------------------------------------------------------

    def quote_coding(self, coding_id: int) -> None:
        """`q`: put a coding into a quote set, chosen from a small list (or a new one named on the spot)."""
        from sdi.tui.modals.dialogs import InputModal
        from sdi.tui.modals.picker import PickerModal
        from sdi.workflow.quote import add_quote, create_quote_set, list_quote_sets

        sets = list_quote_sets(self.project)
        choices = [(str(s.id), f"{s.name}  ({s.quotes})") for s in sets]
        choices.append((NEW, self.tr("tui.quote.new_set_choice")))
        names = {str(s.id): s.name for s in sets}

        def add(set_id: int, name: str) -> None:
            if self.attempt(add_quote, self.project, set_id, coding_id) is not None:
                self.after_write(self.tr("tui.quote.added", name=name), reload=False)

        def named(name: str | None) -> None:
            if name and name.strip():
                set_id = self.attempt(create_quote_set, self.project, name)
                if set_id is not None:
                    add(set_id, " ".join(name.split()))

        def picked(key: str | None) -> None:
            if key == NEW:
                self.app.push_screen(InputModal(self.tr("tui.quote.new_set_title")), named)
            elif key is not None:
                add(int(key), names[key])

        self.app.push_screen(PickerModal(self.tr("tui.quote.pick_set"), choices), picked)
