"""Step 3, code grouping (kodegruppering): related codes sorted into thematic groups from the code list
alone. SDI groups without re-reading the text, so the passages stay hidden until the researcher asks for
them (`enter` on a code). Groups on the left; the selected group's codes, with their spread, on the right."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sdi.tui.context import counted, sdi_app
from sdi.tui.modals.dialogs import ConfirmModal, InputModal
from sdi.tui.modals.grouping import Accepted, GroupingModal
from sdi.tui.modals.picker import Choice, PickerModal
from sdi.tui.navigation import State
from sdi.tui.screens.base import CHECK_BINDINGS, NEW, WALK_BINDINGS, SdiScreen, Target
from sdi.tui.screens.code_group_rows import UNGROUPED, code_row, group_key, group_row, ungrouped_row
from sdi.tui.widgets.coding_list import CodingList
from sdi.tui.widgets.pick_list import PickList
from sdi.workflow.code import rename_code
from sdi.workflow.code_group import (
    CodeSpread,
    GroupSummary,
    code_spread,
    codings_of_code,
    create_group,
    delete_group,
    list_groups,
    move_codes,
    order_groups,
    rename_group,
    rest_group,
)
from sdi.workflow.grouping import accept_suggestion


class CodeGroupScreen(SdiScreen):
    """`enter` walks down group → codes → a code's codings → the transcript; `escape` walks back."""

    MODE = "code_groups"
    CSS_PATH = "code_group_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *WALK_BINDINGS,
        Binding("space", "mark", "tui.key.mark", key_display="space", id="mark", tooltip="tui.key.mark_next"),
        Binding("m", "move", "tui.key.move_codes", id="move_codes"),
        Binding("n", "new_group", "tui.key.new_group", show=False, id="new_group"),
        Binding("r", "rename", "tui.key.rename_here", show=False, id="rename_here"),
        Binding("delete", "delete_group", "tui.key.delete_group", show=False, id="delete_group"),
        Binding("ctrl+up,shift+up", "shift_group(-1)", "tui.key.group_up", show=False, id="group_up"),
        Binding("ctrl+down,shift+down", "shift_group(1)", "tui.key.group_down", show=False, id="group_down"),
        Binding("R", "to_rest", "tui.key.rest_group", show=False, id="rest_group"),
        Binding("g", "suggest_groups", "tui.key.suggest_groups", show=False, id="suggest_groups"),
        *CHECK_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[GroupSummary] = []
        self.spread: list[CodeSpread] = []
        self.marked: dict[int, None] = {}  # code ids in the order they were marked
        self.group_key: str = UNGROUPED  # whose codes the right side shows
        self.code_id: int | None = None  # whose codings the right side shows, when it shows codings
        self.dismissed: set[frozenset[int]] = set()  # grouping suggestions put aside in this session

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="groups-body"):
            with Vertical(id="groups-side"):
                yield Label(self.tr("tui.groups.title"), classes="pane-title")
                yield PickList(id="groups")
            with Vertical(id="codes-side"):
                yield Label("", id="codes-title", classes="pane-title")
                yield PickList(id="codes")
                yield CodingList(id="codings")

    def on_mount(self) -> None:
        self.codings.display = False
        self.group_list.focus()

    @property
    def group_list(self) -> PickList:
        return self.query_one("#groups", PickList)

    @property
    def code_list(self) -> PickList:
        return self.query_one("#codes", PickList)

    @property
    def codings(self) -> CodingList:
        return self.query_one(CodingList)

    @property
    def pane(self) -> str:
        """Which list has the focus: "groups", "codes" or "codings"."""
        focused = self.focused
        return focused.id if isinstance(focused, PickList) and focused.id else "groups"

    # ---- loading ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.groups = list_groups(self.project)
        self.spread = code_spread(self.project)
        existing = {code.code_id for code in self.spread}
        self.marked = {code_id: None for code_id in self.marked if code_id in existing}
        if self.group_key not in {group_key(g.id) for g in self.groups}:
            self.group_key = UNGROUPED
        if self.code_id not in existing:
            self.code_id = None
        self._show_groups()
        self._show_right()

    def _codes_of(self, key: str) -> list[CodeSpread]:
        return [code for code in self.spread if group_key(code.group_id) == key]

    def _show_groups(self) -> None:
        ungrouped = len(self._codes_of(UNGROUPED))
        mark = self.group_list.mark_style
        options = [Option(ungrouped_row(self, ungrouped), id=UNGROUPED)]
        options += [Option(group_row(self, group, mark), id=group_key(group.id)) for group in self.groups]
        self.group_list.refill(options, self.group_key)
        parts = [counted(self, "tui.groups.ungrouped_count", ungrouped)]
        parts.append(counted(self, "tui.groups.group_count", len(self.groups)))
        if self.marked:
            parts.append(self.tr("tui.groups.marked", count=len(self.marked)))
        self.set_context(" · ".join(parts))

    def _show_right(self, keep_code: int | None = None) -> None:
        """The codes of the selected group, or (after `enter` on a code) that code's codings in context."""
        showing_codings = self.code_id is not None
        self.code_list.display = not showing_codings
        self.codings.display = showing_codings
        title = self.query_one("#codes-title", Label)
        if showing_codings:
            contexts = codings_of_code(self.project, self.code_id or 0)
            statement = next((c.statement for c in self.spread if c.code_id == self.code_id), "")
            title.update(self.tr("tui.groups.codings_title", statement=statement, count=len(contexts)))
            shown = self.codings.highlighted_context()
            same = shown is not None and shown.code_id == self.code_id
            self.codings.show(contexts, keep=shown.coding_id if shown and same else None, top=not same)
            return
        codes = self._codes_of(self.group_key)
        name = next((g.name for g in self.groups if group_key(g.id) == self.group_key), None)
        heading = self.tr("tui.groups.codes_in", name=name) if name else self.tr("tui.groups.ungrouped")
        title.update(f"{heading} ({len(codes)})")
        mark = self.code_list.mark_style
        options = [Option(code_row(self, code, code.code_id in self.marked, mark), id=f"code-{code.code_id}")
                   for code in codes]  # fmt: skip
        if not options:
            options = [Option(Text(self.tr("tui.groups.no_codes"), style="dim"), disabled=True)]
        self.code_list.refill(options, f"code-{keep_code}" if keep_code is not None else None)

    @on(OptionList.OptionHighlighted, "#groups")
    def _group_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.highlighted_option is not event.option:
            return  # stale: the highlight moved on (a walk selected another group) before this arrived
        key = event.option.id or UNGROUPED
        if key != self.group_key:
            self.group_key, self.code_id = key, None
            self._show_right()

    # ---- what the keys act on ---------------------------------------------------------------------------

    def _highlighted_code(self) -> CodeSpread | None:
        key = self.code_list.highlighted_id if self.code_list.display else None
        return next((c for c in self.spread if f"code-{c.code_id}" == key), None)

    def _group(self) -> GroupSummary | None:
        return next((g for g in self.groups if group_key(g.id) == self.group_key), None)

    def _codes_to_move(self) -> list[int]:
        """The marked codes, else the highlighted one when the codes have the focus."""
        if self.marked:
            return list(self.marked)
        code = self._highlighted_code() if self.pane == "codes" else None
        if code is None:
            self.notify(self.tr("tui.groups.mark_first"), severity="warning")
        return [code.code_id] if code else []

    def target(self) -> Target | None:
        pane = self.pane
        if pane == "codings" and (context := self.codings.highlighted_context()):
            return Target("coding", context.coding_id, context.statement)
        if pane == "codes" and (code := self._highlighted_code()):
            return Target("code", code.code_id, code.statement)
        group = self._group()
        return Target("code_group", group.id, group.name) if group else None

    # ---- the walk back ----------------------------------------------------------------------------------

    def place(self) -> dict[str, object]:
        code = self._highlighted_code()
        context = self.codings.highlighted_context() if self.code_id is not None else None
        return {
            "group": self.group_key,
            "pane": self.pane,
            "code": self.code_id or (code.code_id if code else None),
            "coding": context.coding_id if context else None,
        }

    def show_place(self, state: State) -> None:
        key = str(state.get("group", self.group_key))
        self.group_key = key if key in self.group_list.ids() else UNGROUPED
        self.group_list.select_id(self.group_key)
        pane = state.get("pane", "groups")
        code = state.get("code")
        self.code_id = code if pane == "codings" and isinstance(code, int) else None
        self._show_right(keep_code=code if isinstance(code, int) else None)
        coding = state.get("coding")
        if self.code_id is not None and isinstance(coding, int):
            self.codings.select_id(f"coding-{coding}")
        if pane == "groups":
            self.group_list.focus()
        else:
            (self.codings if self.code_id is not None else self.code_list).focus()

    def action_down(self) -> None:
        app = sdi_app(self)
        pane = self.pane
        if pane == "groups":
            app.walk_down(self.MODE, {"group": self.group_key, "pane": "codes"})
        elif pane == "codes" and (code := self._highlighted_code()):
            app.walk_down(self.MODE, {"group": self.group_key, "pane": "codings", "code": code.code_id})
        elif pane == "codings" and (context := self.codings.highlighted_context()):
            app.walk_down("coding", {"document": context.document_id, "offset": context.start})

    def local_up(self) -> None:
        if self.pane == "codings":
            self.show_place({"group": self.group_key, "pane": "codes", "code": self.code_id})
        else:
            self.group_list.focus()

    # ---- grouping ---------------------------------------------------------------------------------------

    def _after_change(self) -> None:
        self.after_write()

    def action_mark(self) -> None:
        """Mark or unmark the highlighted code, then step to the next one (marking runs of codes)."""
        code = self._highlighted_code() if self.pane == "codes" else None
        if code is None:
            self.notify(self.tr("tui.groups.codes_first"), severity="warning")
            return
        if code.code_id in self.marked:
            del self.marked[code.code_id]
        else:
            self.marked[code.code_id] = None
        self._show_groups()
        self._show_right(keep_code=code.code_id)
        self.code_list.action_cursor_down()

    def action_move(self) -> None:
        codes = self._codes_to_move()
        if not codes:
            return
        choices: list[Choice] = [(UNGROUPED, Text(self.tr("tui.groups.no_group"), style="italic"))]
        choices += [(group_key(g.id), g.name) for g in self.groups]
        choices.append((NEW, self.tr("tui.groups.new_choice")))
        title = counted(self, "tui.groups.move_title", len(codes))
        self.app.push_screen(
            PickerModal(title, choices, self.group_key), lambda key: self._move_to(codes, key)
        )

    def _move_to(self, codes: list[int], key: str | None) -> None:
        if key == NEW:
            self.app.push_screen(
                InputModal(self.tr("tui.groups.new_title")), lambda name: self._new(name, codes)
            )
            return
        if key is None:
            return
        group_id = None if key == UNGROUPED else int(key.removeprefix("group-"))
        moved = self.attempt(move_codes, self.project, codes, group_id)
        if moved is not None:
            self.marked.clear()
            self._after_change()
            name = next((g.name for g in self.groups if g.id == group_id), self.tr("tui.groups.no_group"))
            self.notify(counted(self, "tui.groups.moved", moved, name=name))

    def action_new_group(self) -> None:
        self.app.push_screen(InputModal(self.tr("tui.groups.new_title")), self._new)

    def _new(self, name: str | None, codes: list[int] | None = None) -> None:
        """A new group; with `codes` (from the move picker) they go into it and the view stays put."""
        if not name or not name.strip():
            return
        group_id = self.attempt(create_group, self.project, name)
        if group_id is None:
            return
        if codes:
            self._move_to(codes, group_key(group_id))
        else:
            self.group_key = group_key(group_id)
            self._after_change()

    def action_rename(self) -> None:
        """`r` renames the highlighted code when the codes have the focus, else the selected group."""
        code = self._highlighted_code() if self.pane == "codes" else None
        group = self._group()
        write: tuple[Callable[..., None], int, int]
        if code is not None:
            title, value = self.tr("tui.coding.rename_title"), code.statement
            write = (rename_code, code.code_id, code.version)
        elif group is not None:
            title, value = self.tr("tui.groups.rename_title"), group.name
            write = (rename_group, group.id, group.version)
        else:
            return

        def renamed(text: str | None) -> None:
            if not text or text.strip() == value:
                return
            if self.edit(write[0], self.project, write[1], text, seen_version=write[2]):
                self._after_change()

        self.app.push_screen(InputModal(title, value), renamed)

    def action_delete_group(self) -> None:
        group = self._group()
        if group is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.attempt(delete_group, self.project, group.id) is not None:
                self._after_change()
                self.notify(self.tr("tui.groups.deleted", name=group.name))

        question = self.tr("tui.groups.confirm_delete", name=group.name, count=group.codes)
        self.app.push_screen(ConfirmModal(question, self.tr("tui.delete")), confirmed)

    def action_shift_group(self, delta: int) -> None:
        """Move the selected group up or down the list (the rest group stays last)."""
        order = [g.id for g in self.groups if not g.is_rest]
        group = self._group()
        if group is None or group.id not in order:
            return
        index = order.index(group.id)
        target = index + delta
        if 0 <= target < len(order):
            order[index], order[target] = order[target], order[index]
            if self.perform(order_groups, self.project, order):
                self._after_change()

    def action_to_rest(self) -> None:
        """The marked (or highlighted) codes to the rest group, which is created on first use."""
        codes = self._codes_to_move()
        rest = self.attempt(rest_group, self.project) if codes else None
        if rest is not None:
            self._move_to(codes, group_key(rest))

    def action_suggest_groups(self) -> None:
        """Candidate groups among the ungrouped codes, by the words they share; accepting one is one undo."""
        self.app.push_screen(GroupingModal(self.project, self.dismissed), self._accept_suggestion)

    def _accept_suggestion(self, accepted: Accepted | None) -> None:
        if accepted is None:
            return
        name, suggestion = accepted
        group_id = self.attempt(accept_suggestion, self.project, name, suggestion.code_ids)
        if group_id is not None:
            self.marked.clear()
            self.group_key = group_key(group_id)
            self._after_change()
            self.notify(self.tr("assist.groups.accepted", name=name, count=len(suggestion.code_ids)))
