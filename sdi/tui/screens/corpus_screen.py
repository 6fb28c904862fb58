"""Step 1, raw data: the focus groups with their stages and transcripts, how big and how coded each is, who
took part, the stage summaries that carry one meeting's findings into the next, and the memos written on a
group, a stage or its transcript. An empty project opens on what to put in corpus/ and the key to import."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from sdi.tui.context import counted, sdi_app
from sdi.tui.importing import start_import
from sdi.tui.navigation import State
from sdi.tui.screens.base import SdiScreen
from sdi.tui.widgets.corpus_tree import CorpusTree
from sdi.workflow.check import brief
from sdi.workflow.corpus import (
    ParticipantView,
    participants_of_group,
    stage_view,
    supported_suffixes,
    update_stage_summary,
)
from sdi.workflow.memo_index import MemoListing, corpus_memos, corpus_target
from sdi.workflow.overview import StageStatus

MEMO_PREVIEW = 240  # characters of a memo shown on Korpus (cut with «…»; the memo browser has all of it)


def reflow(text: str) -> str:
    """Paragraphs joined into single lines (summaries come from front matter wrapped at ~100 columns)."""
    return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip()))


@dataclass(frozen=True)
class Entry:
    """What a tree node stands for; `key` identifies it across reloads."""

    kind: str  # "group" | "stage" | "transcript"
    group: str
    row: StageStatus | None = None

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.kind, self.group, self.row.stage if self.row else 0)


class CorpusScreen(SdiScreen):
    """Tree on the left, details of the highlighted group/stage on the right."""

    MODE = "corpus"
    CSS_PATH = "corpus_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,o", "open", "tui.key.open_transcript", key_display="enter/o", id="open"),
        Binding("e", "edit_summary", "tui.key.summary", id="edit_summary", tooltip="tui.key.edit_summary"),
        Binding("m", "memo", "tui.key.memo_here", show=False, id="memo"),
        Binding("i", "import", "tui.key.import_short", id="import", tooltip="tui.key.import"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._entry_nodes: dict[tuple[str, str, int], TreeNode[Entry]] = {}
        self._participants: dict[str, list[ParticipantView]] = {}
        self._summaries: dict[tuple[str, int], str] = {}
        self._memos: dict[tuple[str, int | None], list[MemoListing]] = {}

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="corpus-body"):
            tree: Tree[Entry] = CorpusTree("corpus", id="corpus-tree")
            tree.show_root = False
            tree.auto_expand = False
            tree.guide_depth = 3
            yield tree
            with VerticalScroll(id="corpus-detail"):
                yield Static(id="first-run")
                yield Static(id="stage-detail")
                yield Static(id="group-detail")

    def on_mount(self) -> None:
        self.query_one(Tree).focus()
        self.set_context(self.tr("tui.corpus.context"))

    @property
    def corpus_tree(self) -> Tree[Entry]:
        return self.query_one("#corpus-tree", Tree)

    def reload(self) -> None:
        """Relabel in place when the groups and stages are the same (the cursor stays), else rebuild."""
        self._participants.clear()
        self._summaries.clear()
        self._memos.clear()
        rows = sdi_app(self).status.rows
        self._first_run(not rows)
        entries = list(self._entries(rows))
        if [entry.key for entry in entries] == list(self._entry_nodes):
            for entry in entries:
                node = self._entry_nodes[entry.key]
                node.data = entry
                node.set_label(self._label(entry))
        else:
            self._build(entries)
        self._show_detail(self.corpus_tree.cursor_node)

    def _first_run(self, empty: bool) -> None:
        """An empty project: the key to import first, then what to put in corpus/ — the whole width."""
        panel = self.query_one("#first-run", Static)
        panel.display = empty
        self.corpus_tree.display = not empty
        self.query_one("#corpus-detail").set_class(empty, "-alone")
        if not empty:
            return
        corpus = self.project.config.corpus_dir
        try:
            folder = str(corpus.relative_to(self.project.root)) + "/"
        except ValueError:
            folder = str(corpus)
        text = Text()
        text.append(self.tr("tui.first_run.title") + "\n", style="bold")
        text.append(self.tr("tui.first_run.key") + "\n\n", style="bold reverse")
        text.append(self.tr("tui.first_run.body", folder=folder, suffixes=" ".join(supported_suffixes())))
        text.append("\n\n" + self.tr("tui.first_run.example") + "\n", style="bold")
        text.append(self.tr("tui.first_run.sample"), style="italic")
        panel.update(text)

    def _entries(self, rows: Iterable[StageStatus]) -> Iterable[Entry]:
        group = None
        for row in rows:
            if row.group != group:
                group = row.group
                yield Entry("group", row.group, row)
            yield Entry("stage", row.group, row)
            if row.document_id is not None:
                yield Entry("transcript", row.group, row)

    def _build(self, entries: list[Entry]) -> None:
        tree = self.corpus_tree
        cursor = tree.cursor_node.data.key if tree.cursor_node and tree.cursor_node.data else None
        tree.clear()
        self._entry_nodes.clear()
        parents: dict[str, TreeNode[Entry]] = {"group": tree.root}  # kind → the node it goes under
        for entry in entries:
            label = self._label(entry)
            if entry.kind == "transcript":
                node = parents["transcript"].add_leaf(label, data=entry)
            else:
                node = parents[entry.kind].add(label, data=entry, expand=True)
                parents["stage" if entry.kind == "group" else "transcript"] = node
            self._entry_nodes[entry.key] = node
        target = self._entry_nodes.get(cursor) if cursor else None
        self._put_cursor(target)

    def _put_cursor(self, node: TreeNode[Entry] | None) -> None:
        """Back on the node it was on before a rebuild, at once: the first screen is drawn once, with its
        cursor and details (`last_line` lays out the tree's lines, so each node knows its line)."""
        if self.corpus_tree.last_line < 0:
            return
        if node is not None:
            self.corpus_tree.move_cursor(node)
        else:
            self.corpus_tree.move_cursor_to_line(0)

    def _label(self, entry: Entry) -> Text:
        row = entry.row
        assert row is not None
        app = sdi_app(self)
        if entry.kind == "group":
            where = " · ".join(part for part in (row.site, row.category) if part)
            return Text.assemble((row.group, "bold"), (f"  {where}" if where else "", "dim"))
        if entry.kind == "stage":
            parts = [self.tr("tui.corpus.stage", number=row.stage)]
            if row.date:
                parts.append(self.tr("tui.date", date=row.date))
            if row.document_id is None:
                return Text(" · ".join(parts) + " · " + self.tr("tui.corpus.no_transcript"), style="dim")
            parts.append(self.tr("tui.corpus.coded", share=app.percent(row.coded_share)))
            return Text(" · ".join(parts))
        name = PurePosixPath(row.transcript or "").name
        speakers = counted(self, "tui.corpus.speakers", row.speakers)
        counts = self.tr("tui.corpus.counts", words=app.number(row.words), speakers=speakers)
        return Text.assemble((name, "underline"), (f"  {counts}", "dim"))

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[Entry]) -> None:
        self._show_detail(event.node)

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[Entry]) -> None:
        entry = event.node.data
        if entry and entry.kind == "transcript":
            self.action_open()
        else:
            event.node.toggle()

    def _entry(self) -> Entry | None:
        node = self.corpus_tree.cursor_node
        return node.data if node else None

    def action_open(self) -> None:
        entry = self._entry()
        if entry and entry.row and entry.row.document_id is not None and entry.kind != "group":
            sdi_app(self).open_transcript(entry.row.document_id)
        elif entry:
            self.corpus_tree.action_select_cursor()

    def action_edit_summary(self) -> None:
        entry = self._entry()
        if entry is None or entry.kind == "group" or entry.row is None:
            self.notify(self.tr("tui.corpus.pick_stage"), severity="warning")
            return
        row = entry.row
        title = self.tr("tui.corpus.summary_title", group=row.group, number=row.stage)

        def save(text: str | None) -> None:
            if text is None or text.strip() == self._summary(row.group, row.stage):
                return
            if self.perform(update_stage_summary, self.project, row.group, row.stage, text):
                self._summaries.pop((row.group, row.stage), None)
                self._show_detail(self.corpus_tree.cursor_node)
                self.after_write(self.tr("tui.corpus.summary_saved"), reload=False)

        from sdi.tui.modals.dialogs import TextModal  # loads when first opened

        self.app.push_screen(TextModal(title, self._summary(row.group, row.stage)), save)

    def _summary(self, group: str, number: int) -> str:
        if (group, number) not in self._summaries:
            view = self.attempt(stage_view, self.project, group, number)
            self._summaries[group, number] = view.summary if view else ""
        return self._summaries[group, number]

    def _members(self, group: str) -> list[ParticipantView]:
        if group not in self._participants:
            self._participants[group] = participants_of_group(self.project, group)
        return self._participants[group]

    def _show_detail(self, node: TreeNode[Entry] | None) -> None:
        entry = node.data if node else None
        stage_detail = self.query_one("#stage-detail", Static)
        group_detail = self.query_one("#group-detail", Static)
        if entry is None or entry.row is None:
            self._put_text(stage_detail, Text())
            self._put_text(group_detail, Text())
            return
        stage_detail.display = entry.kind != "group"
        if entry.kind != "group":
            self._put_text(stage_detail, self._stage_text(entry.row))
        self._put_text(group_detail, self._group_text(entry.row))

    def _put_text(self, panel: Static, text: Text) -> None:
        """Show `text` unless the panel shows it already (the tree says its first highlight only after the
        first screen is drawn: the same details drawn again would cost a second layout)."""
        if panel.content != text:
            panel.update(text)

    def _stage_text(self, row: StageStatus) -> Text:
        app = sdi_app(self)
        heading = self.tr("tui.corpus.stage", number=row.stage)
        if row.date:
            heading += " · " + self.tr("tui.date", date=row.date)
        lines: list[Text] = [Text(heading, style="bold")]
        if row.document_id is not None:
            lines.append(Text(row.transcript or "", style="dim"))
            lines.append(
                Text(
                    self.tr(
                        "tui.corpus.figures",
                        words=app.number(row.words),
                        speakers=counted(self, "tui.corpus.speakers", row.speakers),
                        turns=row.turns,
                        share=app.percent(row.coded_share),
                        codes=row.codes,
                    )
                )
            )
        lines.append(Text(""))
        lines.append(Text(self.tr("tui.corpus.summary"), style="bold"))
        summary = self._summary(row.group, row.stage)
        if summary:
            lines.append(Text(reflow(summary)))
        else:
            lines.append(Text(self.tr("tui.corpus.no_summary"), style="dim italic"))
        lines += self._memo_lines(row.group, row.stage)
        lines.append(Text(""))
        return Text("\n").join(lines)

    def _group_text(self, row: StageStatus) -> Text:
        lines: list[Text] = [Text(row.group, style="bold")]
        where = " · ".join(part for part in (row.site, row.category) if part)
        if where:
            lines.append(Text(where, style="dim"))
        lines.append(Text(""))
        lines.append(Text(self.tr("tui.corpus.participants"), style="bold"))
        for person in self._members(row.group):
            line = Text("• ")
            line.append(person.pseudonym, style="bold")
            parts = (person.role, person.service)
            role = ", ".join(part for part in parts if part and part != person.pseudonym)
            if role:
                line.append(f" — {role}")
            if person.is_moderator and person.pseudonym.casefold() != "moderator":
                line.append(f" ({self.tr('tui.corpus.moderator')})", style="dim")
            if person.attributes:
                details = ", ".join(f"{key} {value}" for key, value in person.attributes.items())
                line.append(f"  {details}", style="dim")
            lines.append(line)
        lines += self._memo_lines(row.group, None)
        return Text("\n").join(lines)

    # ---- memos, the walk back, importing ---------------------------------------------------------------

    def _memo_lines(self, group: str, number: int | None) -> list[Text]:
        """«Memoer»: those on the focus group and its participants, or on the stage and its transcript."""
        key = (group, number)
        if key not in self._memos:
            self._memos[key] = self.attempt(corpus_memos, self.project, group, number) or []
        memos = self._memos[key]
        if not memos:
            return []
        lines = [Text(""), Text(self.tr("tui.corpus.memos"), style="bold")]
        for listing in memos:
            line = Text("• ")
            kind = self.tr(f"tui.memos.kind.{listing.memo.target_type}")
            line.append(f"{kind} · {listing.memo.author or '–'}: ", style="dim")
            line.append(brief(listing.memo.text, MEMO_PREVIEW))
            lines.append(line)
        return lines

    def action_memo(self) -> None:
        """`m`: a memo on the highlighted transcript, stage or focus group."""
        entry = self._entry()
        if entry is None or entry.row is None:
            return
        row = entry.row
        if entry.kind == "transcript" and row.document_id is not None:
            target = ("document", row.document_id)
            title = self.tr("tui.memo.document", name=PurePosixPath(row.transcript or "").name)
        else:
            number = row.stage if entry.kind == "stage" else None
            found = self.attempt(corpus_target, self.project, row.group, number)
            if found is None:
                return
            target = found
            title = self.tr(f"tui.memo.{entry.kind}", name=row.group, number=row.stage)
        self.edit_memo(*target, title)

    def memo_written(self) -> None:
        self._memos.clear()
        self._show_detail(self.corpus_tree.cursor_node)

    def show_place(self, state: State) -> None:
        """The tree's cursor on a focus group (or its stage) a walk down came for."""
        group, stage = state.get("group"), state.get("stage")
        if not isinstance(group, str):
            return
        kind = "stage" if isinstance(stage, int) else "group"
        node = next(
            (
                node
                for (node_kind, name, number), node in self._entry_nodes.items()
                if node_kind == kind and name == group and (kind == "group" or number == stage)
            ),
            None,
        )
        if node is not None:
            self.call_after_refresh(self._put_cursor, node)
        self.corpus_tree.focus()

    def place(self) -> dict[str, object]:
        entry = self._entry()
        if entry is None or entry.row is None:
            return {}
        return {"group": entry.group, "stage": entry.row.stage if entry.kind != "group" else None}

    def action_import(self) -> None:
        """`i`: import corpus/ (new and changed files), the status line saying which file it is on."""
        start_import(sdi_app(self), self.after_write)
