"""Step 4, concept development (begrepsutvikling): one concept per code group — a name, a definition and
notes — written with ALL of the group's codings in context underneath, so the concept is checked against
the data it claims to sum up: the form takes the concept's pane and never covers the codings. Key quotes
are chosen from those codings (`k`, also while writing) and listed first."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from sdi.tui.context import sdi_app
from sdi.tui.modals.dialogs import ConfirmModal, InputModal
from sdi.tui.navigation import State
from sdi.tui.screens.base import CHECK_BINDINGS, WALK_BINDINGS, SdiScreen, Target
from sdi.tui.widgets.coding_list import CodingList
from sdi.tui.widgets.concept_form import ConceptDraft, ConceptForm
from sdi.tui.widgets.pick_list import PickList
from sdi.workflow.code_group import GroupSummary, codings_of_group, list_groups
from sdi.workflow.concept import (
    ConceptView,
    concept_of_group,
    concept_view,
    create_concept,
    delete_concept,
    set_key_quotes,
    update_concept,
)
from sdi.workflow.context import CodingContext


class ConceptScreen(SdiScreen):
    """Groups with their concepts on the left; the selected concept and its group's codings on the right."""

    MODE = "concepts"
    CSS_PATH = "concept_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        *WALK_BINDINGS,
        Binding("n", "new_concept", "tui.key.new_concept", show=False, id="new_concept"),
        Binding("e", "edit_concept", "tui.key.edit_concept", id="edit_concept"),
        Binding("k", "key_quote", "tui.key.key_quote_short", id="key_quote", tooltip="tui.key.key_quote"),
        Binding("q", "quote", "tui.key.quote", show=False, id="quote"),
        Binding("delete", "delete_concept", "tui.key.delete_concept", show=False, id="delete_concept"),
        *CHECK_BINDINGS,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.groups: list[GroupSummary] = []
        self.group_id: int | None = None
        self.concept: ConceptView | None = None
        self.contexts: list[CodingContext] = []
        self.editing: ConceptView | None = None  # the concept in the form, as it was when the form opened

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="concepts-body"):
            with Vertical(id="concept-groups-side"):
                yield Label(self.tr("tui.concepts.groups_title"), classes="pane-title")
                yield PickList(id="concept-groups")
            with Vertical(id="concept-side"):
                with VerticalScroll(id="concept-detail", can_focus=False):
                    yield Static(id="concept-text")
                yield ConceptForm(id="concept-form")
                yield Label("", id="group-codings-title", classes="pane-title")
                yield CodingList(id="group-codings")

    def on_mount(self) -> None:
        self.query_one(ConceptForm).display = False
        self.group_list.focus()

    @property
    def group_list(self) -> PickList:
        return self.query_one("#concept-groups", PickList)

    @property
    def codings(self) -> CodingList:
        return self.query_one(CodingList)

    @property
    def form(self) -> ConceptForm:
        return self.query_one(ConceptForm)

    @property
    def pane(self) -> str:
        return "codings" if self.codings.has_focus else "groups"

    # ---- loading ----------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.groups = list_groups(self.project)
        ids = [group.id for group in self.groups]
        if self.group_id not in ids:
            self.group_id = ids[0] if ids else None
        options = [Option(self._group_prompt(group), id=f"group-{group.id}") for group in self.groups]
        if not options:
            options = [Option(Text(self.tr("tui.concepts.no_groups"), style="dim"), disabled=True)]
        self.group_list.refill(options, f"group-{self.group_id}")
        with_concept = sum(1 for group in self.groups if group.concept)
        self.set_context(self.tr("tui.concepts.context", concepts=with_concept, groups=len(self.groups)))
        self._show_group()

    def _group_prompt(self, group: GroupSummary) -> Text:
        text = Text.assemble((group.name, "bold" if group.concept else ""))
        if group.concept:
            text.append("\n→ " + group.concept, style=self.group_list.mark_style)
        else:
            text.append("\n" + self.tr("tui.concepts.none"), style="dim italic")
        return text

    def _show_group(self, keep: int | None = None) -> None:
        """The concept of the selected group and all its codings, key quotes first."""
        group = self._group()
        concept_id = concept_of_group(self.project, group.id) if group else None
        self.concept = concept_view(self.project, concept_id) if concept_id is not None else None
        contexts = codings_of_group(self.project, group.id) if group else []
        keys = [quote.coding_id for quote in self.concept.key_quotes] if self.concept else []
        by_id = {context.coding_id: context for context in contexts}
        self.contexts = [by_id[i] for i in keys if i in by_id] + [
            c for c in contexts if c.coding_id not in keys
        ]
        shown = self.codings.highlighted_context()
        same = shown is not None and shown.coding_id in by_id  # the same group as before
        keep = keep if keep is not None else (shown.coding_id if shown and same else None)
        self.codings.show(self.contexts, keys=set(keys), statements=True, keep=keep, top=not same)
        self.query_one("#concept-text", Static).update(self._detail(group))
        title = self.tr(
            "tui.concepts.codings_title", codings=sdi_app(self).codings(len(contexts)), keys=len(keys)
        )
        self.query_one("#group-codings-title", Label).update(title)

    def _detail(self, group: GroupSummary | None) -> Text:
        if group is None:
            return Text(self.tr("tui.concepts.no_groups"), style="dim")
        concept = self.concept
        if concept is None:
            text = Text.assemble((self.tr("tui.concepts.no_concept", group=group.name), "italic"))
            if group.description:
                text.append("\n\n" + group.description, style="dim")
            return text
        text = Text.assemble((concept.name, "bold"))
        text.append("  " + self.tr("tui.concepts.from_group", group=group.name), style="dim")
        for heading, body in (
            ("tui.concept.definition", concept.definition),
            ("tui.concept.notes", concept.notes),
        ):
            text.append("\n\n" + self.tr(heading) + "\n", style="bold underline")
            text.append(body.strip() or self.tr("tui.concepts.empty"), style="" if body.strip() else "dim")
        return text

    def _group(self) -> GroupSummary | None:
        return next((group for group in self.groups if group.id == self.group_id), None)

    @on(OptionList.OptionHighlighted, "#concept-groups")
    def _group_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.highlighted_option is not event.option:
            return  # stale: the highlight moved on (a walk selected another group) before this arrived
        group_id = int((event.option.id or "group-0").removeprefix("group-"))
        if group_id != self.group_id:
            self.group_id = group_id
            self._show_group()

    # ---- what the keys act on ---------------------------------------------------------------------------

    def _coding(self) -> CodingContext | None:
        context = self.codings.highlighted_context() if self.pane == "codings" else None
        if context is None:
            self.notify(self.tr("tui.concepts.coding_first"), severity="warning")
        return context

    def _concept(self) -> ConceptView | None:
        if self.concept is None:
            self.notify(self.tr("tui.concepts.concept_first"), severity="warning")
        return self.concept

    def target(self) -> Target | None:
        if self.pane == "codings" and (context := self.codings.highlighted_context()):
            return Target("coding", context.coding_id, context.statement)
        if self.concept is not None:
            return Target("concept", self.concept.id, self.concept.name)
        group = self._group()
        return Target("code_group", group.id, group.name) if group else None

    # ---- the walk back ----------------------------------------------------------------------------------

    def place(self) -> dict[str, object]:
        context = self.codings.highlighted_context()
        return {"group": self.group_id, "pane": self.pane, "coding": context.coding_id if context else None}

    def show_place(self, state: State) -> None:
        group_id, coding = state.get("group"), state.get("coding")
        if (
            isinstance(group_id, int)
            and group_id != self.group_id
            and self.group_list.select_id(f"group-{group_id}")
        ):
            self.group_id = group_id
            self._show_group(keep=coding if isinstance(coding, int) else None)
        elif isinstance(coding, int):
            self.codings.select_id(f"coding-{coding}")
        (self.codings if state.get("pane") == "codings" else self.group_list).focus()

    def action_down(self) -> None:
        app = sdi_app(self)
        if self.pane == "groups" and self.group_id is not None:
            app.walk_down("code_groups", {"group": f"group-{self.group_id}", "pane": "codes"})
        elif self.pane == "codings" and (context := self.codings.highlighted_context()):
            app.walk_down("coding", {"document": context.document_id, "offset": context.start})

    def action_up(self) -> None:
        if self.editing is not None:  # while writing, escape in the codings goes back to the form
            self.local_up()
        else:
            super().action_up()

    def local_up(self) -> None:
        if self.editing is not None:  # from the codings back into the form, not away from it
            self.form.query_one("#definition").focus()
        else:
            self.group_list.focus()

    # ---- concepts ---------------------------------------------------------------------------------------

    def _after_change(self, keep: int | None = None) -> None:
        self.after_write()
        if keep is not None:
            self.codings.select_id(f"coding-{keep}")

    def action_new_concept(self) -> None:
        group = self._group()
        if group is None:
            return
        if self.concept is not None:
            self.notify(self.tr("tui.concepts.has_concept", group=group.name), severity="warning")
            return

        def named(name: str | None) -> None:
            if name and name.strip() and self.attempt(create_concept, self.project, group.id, name):
                self._after_change()

        self.app.push_screen(InputModal(self.tr("tui.concepts.new_title", group=group.name)), named)

    def action_edit_concept(self) -> None:
        """`e`: the concept's name, definition and notes in the upper pane, its codings still underneath."""
        if self.editing is not None:
            self.form.query_one("#definition").focus()
            return
        concept = self._concept()
        if concept is None:
            return
        self.editing = concept
        self.query_one("#concept-detail").display = False
        self.group_list.disabled = True  # the codings underneath stay this group's while writing
        self.form.open(
            self.tr("tui.concepts.edit_title", name=concept.name),
            ConceptDraft(concept.name, concept.definition, concept.notes),
        )

    @on(ConceptForm.Done)
    def _edited(self, event: ConceptForm.Done) -> None:
        concept, new = self.editing, event.draft
        if concept is None:
            return
        if new is not None and new != ConceptDraft(concept.name, concept.definition, concept.notes):
            draft, concept_id = new, concept.id

            def write(*, seen_version: int | None = None) -> None:
                update_concept(self.project, concept_id, name=draft.name, definition=draft.definition,
                               notes=draft.notes, seen_version=seen_version)  # fmt: skip

            if not self.edit(write, seen_version=concept.version):
                self._close_form()  # refused: the colleague's version is shown
                return
            self._close_form()
            self._after_change()
            return
        self._close_form()

    def _close_form(self) -> None:
        self.editing = None
        self.form.close()
        self.query_one("#concept-detail").display = True
        self.group_list.disabled = False
        self.group_list.focus()

    def action_delete_concept(self) -> None:
        if self.editing is not None:
            return
        concept = self._concept()
        if concept is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes and self.perform(delete_concept, self.project, concept.id):
                self._after_change()

        question = self.tr("tui.concepts.confirm_delete", name=concept.name)
        self.app.push_screen(ConfirmModal(question, self.tr("tui.delete")), confirmed)

    def action_key_quote(self) -> None:
        """Make the highlighted coding a key quote of the concept (appended last), or no longer one."""
        context = self._coding()
        concept = self._concept() if context else None
        if context is None or concept is None:
            return
        keys = [quote.coding_id for quote in concept.key_quotes]
        keys = (
            [i for i in keys if i != context.coding_id]
            if context.coding_id in keys
            else [*keys, context.coding_id]
        )
        if self.perform(set_key_quotes, self.project, concept.id, keys):
            self._after_change(keep=context.coding_id)

    def action_quote(self) -> None:
        context = self._coding()
        if context is not None:
            self.quote_coding(context.coding_id)
