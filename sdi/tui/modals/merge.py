"""The merge view (palette: «Slå sammen kodebok»): the project's codes against a codebook file in
`codebooks/`, or one coder's codes against another's. The proposed pairs — computed by
`sdi.workflow.exchange.merge` — are listed with a decision each; the highlighted pair is shown side by
side with its passages, and group conflicts are listed, never resolved. The researcher merges, renames
or keeps apart each pair; `ctrl+s` checks the decisions and answers them. `start_merge` then applies
them through `sdi.workflow.exchange.merge_apply`: one transaction, one undo step, like `sdi merge
--apply`."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from sdi.tui.context import refuse, sdi_app, tr
from sdi.tui.modals.base import SdiModal
from sdi.tui.modals.dialogs import InputModal
from sdi.tui.modals.picker import PickerModal
from sdi.workflow.errors import reportable_errors
from sdi.workflow.exchange.merge import Candidate, Decision, MergeProposal, Side, SideCode, merge_sources
from sdi.workflow.exchange.merge_apply import apply_merge, check_decisions
from sdi.workflow.exchange.merge_decisions import Choices, as_decisions, decide, proposed_choices
from sdi.workflow.likeness import explain

if TYPE_CHECKING:
    from sdi.tui.app import SdiApp

PASSAGES = 6  # passages shown per code


class MergeModal(SdiModal[list[Decision] | None]):
    """Answers the decisions (one per listed pair) on `ctrl+s`, or None on `escape`."""

    CSS_PATH = "merge.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('accept')", "tui.key.merge_accept", id="merge_accept"),
        Binding("r", "rename", "tui.key.merge_rename", id="merge_rename"),
        Binding("h", "decide('apart')", "tui.key.merge_apart", id="merge_apart"),
        Binding("ctrl+s", "apply", "tui.key.merge_apply", id="merge_apply"),
        Binding("escape", "cancel", "tui.key.cancel", id="cancel"),
    ]

    def __init__(self, proposal: MergeProposal) -> None:
        super().__init__()
        self.proposal = proposal
        # (left key, right key) → (action, new statement); proposed pairs start as merges, as in `sdi merge`
        self.decisions: Choices = proposed_choices(proposal)

    # ---- what is shown ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        left, right = self.proposal.left, self.proposal.right
        with Vertical(classes="dialog"):
            yield Label(self.tr("tui.merge.title", left=self._side_name(left), right=self._side_name(right)),
                        classes="title")  # fmt: skip
            with Horizontal(classes="body"):
                yield OptionList(*(Option(self._pair_row(p)) for p in self.proposal.pairs), id="pairs")
                with Horizontal(classes="sides"):
                    yield VerticalScroll(Static(id="left-code"), classes="side")
                    yield VerticalScroll(Static(id="right-code"), classes="side")
            yield Static(self._conflict_text(), id="conflicts")
            yield Label(self._summary_text(), id="summary")
            yield Label(self.tr("tui.merge.hint"), classes="hint")

    def on_mount(self) -> None:
        pairs = self.query_one("#pairs", OptionList)
        pairs.focus()
        if self.proposal.pairs:
            pairs.highlighted = 0
            self.call_after_refresh(self._show_pair)  # an update before the first layout keeps height 1
        else:
            self.query_one("#left-code", Static).update(Text(self.tr("tui.merge.no_pairs"), style="dim"))

    def _side_name(self, side: Side) -> str:
        if side.kind == "project":
            return self.tr("tui.merge.project", name=side.name)
        if side.kind == "file" and side.origin:
            return f"{Path(side.origin).name} ({side.name})"
        return side.name

    def _pair_row(self, pair: Candidate) -> Text:
        a, b = self.proposal.left.code(pair.left), self.proposal.right.code(pair.right)
        action, statement = self.decisions[(pair.left, pair.right)]
        mark = {"accept": ("✓", "green"), "rename": ("✎", "yellow"), "apart": ("·", "dim")}[action]
        score = self.tr("tui.merge.score", score=f"{pair.score:.0f}")
        how = self.tr("tui.merge.by_id") if pair.by_id else score
        row = Text(f"{mark[0]} ", style=f"bold {mark[1]}")
        row.append(f"«{a.statement if a else pair.left}»  ↔  «{b.statement if b else pair.right}»")
        row.append(f"  ({how}", style="dim")
        if self.proposal.conflict(pair):
            row.append(" · ⚠", style="bold red")
        row.append(")", style="dim")
        if not pair.by_id:
            row.append(f"\n  {explain(pair.shared, sdi_app(self).language)}", style="dim italic")
        row.append("\n  ")
        label = self.tr(f"tui.merge.{action}", statement=statement) if action == "rename" else None
        row.append(label or self.tr(f"tui.merge.{action}"), style=mark[1])
        return row

    def _code_text(self, code: SideCode | None) -> Text:
        if code is None:
            return Text("")
        text = Text(f"«{code.statement}»\n", style="bold")
        text.append(f"{code.author or '?'} · ", style="dim")
        group = self.tr("tui.merge.group", group=code.group) if code.group else self.tr("tui.merge.no_group")
        text.append(f"{group}\n", style="dim")
        if code.description:
            text.append(f"{code.description}\n", style="italic")
        for passage in code.passages[:PASSAGES]:
            text.append("\n– «" + " ".join(passage.words.split()) + "»")
            text.append(f"  {Path(passage.transcript).name}", style="dim")
        if len(code.passages) > PASSAGES:
            text.append("\n" + self.tr("tui.merge.more", count=len(code.passages) - PASSAGES), style="dim")
        if not code.passages:
            text.append("\n" + self.tr("tui.merge.no_passages"), style="dim")
        return text

    def _conflict_text(self) -> Text:
        """The group conflicts of the pairs that are to merge: those are the ones the team must settle."""
        merging = {key for key, (action, _) in self.decisions.items() if action != "apart"}
        clashes = [c for c in self.proposal.conflicts if (c.left, c.right) in merging]
        if not clashes:
            return Text(self.tr("tui.merge.no_conflicts"), style="dim")
        text = Text(self.tr("tui.merge.conflicts"), style="bold red")
        for clash in clashes:
            a, b = self.proposal.left.code(clash.left), self.proposal.right.code(clash.right)
            line = self.tr("tui.merge.conflict", left=a.statement if a else clash.left,
                           right=b.statement if b else clash.right, left_group=clash.left_group,
                           right_group=clash.right_group)  # fmt: skip
            text.append(f"\n  {line}")
        return text

    def _summary_text(self) -> str:
        merging = sum(action != "apart" for action, _ in self.decisions.values())
        text = self.tr("tui.merge.summary", pairs=len(self.decisions), merging=merging,
                       apart=len(self.decisions) - merging)  # fmt: skip
        return f"{text}. {self.tr('tui.merge.file_codes')}" if self.proposal.right.kind == "file" else text

    @property
    def current_pair(self) -> Candidate | None:
        index = self.query_one("#pairs", OptionList).highlighted
        return self.proposal.pairs[index] if index is not None else None

    @on(OptionList.OptionHighlighted, "#pairs")
    def _show_pair(self) -> None:
        pair = self.current_pair
        if pair is not None:
            left, right = self.proposal.left.code(pair.left), self.proposal.right.code(pair.right)
            self.query_one("#left-code", Static).update(self._code_text(left))
            self.query_one("#right-code", Static).update(self._code_text(right))

    # ---- deciding -----------------------------------------------------------------------------------

    def decide(self, pair: Candidate, action: str, statement: str = "") -> None:
        """One pair's decision (`merge_decisions.decide`: a merged right code keeps its other pairs apart)."""
        decide(self.proposal, self.decisions, pair, action, statement)
        pairs = self.query_one("#pairs", OptionList)
        for index, item in enumerate(self.proposal.pairs):
            pairs.replace_option_prompt_at_index(index, self._pair_row(item))
        self.query_one("#summary", Label).update(self._summary_text())
        self.query_one("#conflicts", Static).update(self._conflict_text())

    def action_decide(self, action: str) -> None:
        if (pair := self.current_pair) is not None:
            self.decide(pair, action)

    def action_rename(self) -> None:
        pair = self.current_pair
        if pair is None:
            return
        left = self.proposal.left.code(pair.left)
        current = self.decisions[(pair.left, pair.right)][1] or (left.statement if left else "")

        def renamed(statement: str | None) -> None:
            if statement and statement.strip():
                self.decide(pair, "rename", " ".join(statement.split()))

        self.app.push_screen(InputModal(self.tr("tui.merge.rename_title"), current), renamed)

    @property
    def answer(self) -> list[Decision]:
        return as_decisions(self.decisions)

    def action_apply(self) -> None:
        """Refuse contradicting decisions here, while they can still be changed."""
        try:
            check_decisions(self.proposal, self.answer)
        except reportable_errors() as error:
            refuse(self, error)
            return
        self.dismiss(self.answer)

    def action_cancel(self) -> None:
        self.dismiss(None)


# ---- the palette command: pick, propose, decide, apply ---------------------------------------------


def merge_choices(app: SdiApp) -> list[tuple[str, str]]:
    """Picker entries: `file:<path>` for each codebook file, `coders:<a>\\t<b>` for each pair of coders."""
    sources = merge_sources(app.project)
    root = app.project.root
    choices = [(f"file:{path}", tr(app.screen, "tui.merge.file", name=path.relative_to(root).as_posix()))
               for path in sources.files]  # fmt: skip
    choices += [(f"coders:{a}\t{b}", tr(app.screen, "tui.merge.coders", left=a, right=b))
                for a, b in combinations(sources.coders, 2)]  # fmt: skip
    return choices


def propose(app: SdiApp, choice: str) -> MergeProposal:
    from sdi.workflow.exchange.merge import propose_coders, propose_merge

    kind, _, value = choice.partition(":")
    if kind == "file":
        return propose_merge(app.project, Path(value))
    left, _, right = value.partition("\t")
    return propose_coders(app.project, left, right)


def start_merge(app: SdiApp) -> None:
    """The whole round: what to merge with, the view, and the decisions applied as one undoable step."""
    choices = merge_choices(app)
    if not choices:
        app.notify(app.tr("tui.merge.nothing"), severity="warning")
        return

    def applied(proposal: MergeProposal, decisions: Sequence[Decision] | None) -> None:
        if decisions is None:
            return
        try:
            report = apply_merge(app.project, proposal, decisions)
        except reportable_errors() as error:
            refuse(app, error)
            return
        app.after_write(app.tr("tui.merge.done", merged=report.merged, renamed=report.renamed,
                          added=report.codes_added, moved=report.codings_moved,
                          codings=report.codings_added))  # fmt: skip
        if report.conflicts:
            app.notify(app.tr("tui.merge.conflicts_left", count=len(report.conflicts)), severity="warning")

    def show(proposal: MergeProposal) -> None:
        app.push_screen(MergeModal(proposal), lambda decisions: applied(proposal, decisions))

    def refused(error: BaseException) -> None:
        refuse(app, error)

    def match(choice: str) -> None:
        """In a worker thread: loading the language pipeline and matching codes can take a second, and the
        workbench stays responsive meanwhile."""
        try:
            proposal = propose(app, choice)
        except reportable_errors() as error:
            app.call_from_thread(refused, error)
            return
        app.call_from_thread(show, proposal)

    def picked(choice: str | None) -> None:
        if choice is None:
            return
        app.notify(app.tr("tui.merge.matching"))
        app.run_worker(lambda: match(choice), thread=True, exit_on_error=False, group="merge")

    app.push_screen(PickerModal(app.tr("tui.merge.pick_title"), choices), picked)
