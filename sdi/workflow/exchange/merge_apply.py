"""Applying a codebook merge (`sdi merge --apply`, the TUI merge view): the researchers' decisions on a
`MergeProposal` carried out in one transaction and recorded as one undoable action. Codings follow the kept
code and keep their coders; codes of a codebook file that are not merged are added; a provenance memo on each
kept code says where it came from and which group conflict was left to the team."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sdi.i18n import t
from sdi.storage.models import Code, CodeGroup, Coding, Memo
from sdi.workflow.anchor import anchor_for
from sdi.workflow.errors import WorkflowError, require
from sdi.workflow.exchange.codebook import documents_by_path
from sdi.workflow.exchange.merge import (
    ACTIONS,
    Decision,
    GroupConflict,
    MergeProposal,
    MergeReport,
    Side,
    SideCode,
    conflict_between,
)
from sdi.workflow.project import Project, coder_row


def check_decisions(proposal: MergeProposal, decisions: Sequence[Decision]) -> list[Decision]:
    """The decisions that merge, after refusing any that are unknown or contradict each other."""
    seen: set[tuple[str, str]] = set()
    merging: dict[str, Decision] = {}
    renames: dict[str, str] = {}
    for d in decisions:
        where = {"left": d.left, "right": d.right}
        if proposal.left.code(d.left) is None or proposal.right.code(d.right) is None:
            raise WorkflowError(key="exchange.pair_unknown", **where)
        if d.action not in ACTIONS:
            raise WorkflowError(key="exchange.pair_action", action=d.action, **where)
        if (d.left, d.right) in seen:
            raise WorkflowError(key="exchange.pair_twice", **where)
        seen.add((d.left, d.right))
        if d.action == "apart":
            continue
        if d.action == "rename" and not d.statement:
            raise WorkflowError(key="exchange.pair_rename_empty", **where)
        if d.right in merging:
            raise WorkflowError(key="exchange.pair_merged_already", into=merging[d.right].left, **where)
        if d.action == "rename" and renames.setdefault(d.left, d.statement) != d.statement:
            raise WorkflowError(key="exchange.pair_renamed_twice", **where)
        merging[d.right] = d
    return list(merging.values())


class _Applier:
    def __init__(self, project: Project, session: Session, report: MergeReport) -> None:
        self.project, self.session, self.report = project, session, report
        self.documents = documents_by_path(project, session)  # also by the public paths codebooks carry
        self.position = session.scalar(select(func.max(Code.position))) or 0
        self.rows: dict[tuple[int, str], Code] = {}

    def coder(self, name: str) -> int:
        return coder_row(self.session, name)

    def code(self, side: Side, item: SideCode, *, fresh: bool = False) -> Code:
        """The row for a side's code: the store's own, or one made (or found by id) from a codebook file."""
        cached = self.rows.get((id(side), item.key))
        if cached is not None:
            return cached
        if item.code_id is not None:
            row = require(self.session, Code, item.code_id, "code")
        else:
            found = None if fresh else self.session.scalar(select(Code).where(Code.uid == item.key))
            row = found if found is not None else self._new_code(side, item, fresh)
            self.passages(row, side, item)
        self.rows[(id(side), item.key)] = row
        return row

    def _new_code(self, side: Side, item: SideCode, fresh: bool) -> Code:
        group = None
        if item.group_key:
            group = self.session.scalar(select(CodeGroup.id).where(CodeGroup.uid == item.group_key))
        self.position += 1
        row = Code(statement=item.statement, description=item.description, author_id=self.coder(side.name),
                   group_id=group, position=self.position)  # fmt: skip
        if not fresh:
            row.uid = item.key
        self.session.add(row)
        self.session.flush()
        self.report.codes_added += 1
        if item.memo:
            self.session.add(Memo(target_type="code", target_id=row.id, text=item.memo,
                                  author_id=row.author_id))  # fmt: skip
        return row

    def passages(self, row: Code, side: Side, item: SideCode) -> None:
        """Place a file's codings by their words, recorded under that file's coder (skipping repeats)."""
        coder = self.coder(side.name)
        for passage in item.passages:
            document = self.documents.get(passage.transcript)
            if document is None:
                raise WorkflowError(key="exchange.merge_no_transcript", code=item.key,
                                    transcript=passage.transcript)  # fmt: skip
            start = document.text.find(passage.words)
            if start < 0 or document.text.find(passage.words, start + 1) >= 0:
                key = "exchange.words_missing" if start < 0 else "exchange.merge_words_ambiguous"
                raise WorkflowError(key=key, code=item.key, words=passage.words[:60], path=passage.transcript)
            end = start + len(passage.words)
            if self.session.scalar(select(Coding.id).where(
                Coding.code_id == row.id, Coding.document_id == document.id, Coding.start == start,
                Coding.end == end, Coding.coder_id == coder,
            )) is not None:  # fmt: skip
                continue
            spot = anchor_for(document.text, start, end)
            self.session.add(Coding(code_id=row.id, document_id=document.id, start=start, end=end,
                                    coder_id=coder, anchor_text=spot.text, context_before=spot.before,
                                    context_after=spot.after, document_version=document.version))  # fmt: skip
            self.report.codings_added += 1
        self.session.flush()

    def note(self, target: Code, text: str, right: str) -> None:
        """The provenance memo, once: applying the same decisions again (`right` names the merged code's
        half of the text, which a rename of the kept code does not change) adds nothing."""
        title = t("exchange.merge_memo_title", self.project.config.language)
        same = select(Memo.id).where(
            Memo.target_type == "code",
            Memo.target_id == target.id,
            Memo.title == title,
            Memo.text.contains(right, autoescape=True),
        )
        if self.session.scalar(same) is None:
            self.session.add(Memo(target_type="code", target_id=target.id, title=title, text=text,
                                  author_id=self.project.coder_id(self.session)))  # fmt: skip

    def absorb(self, target: Code, side: Side, item: SideCode) -> None:
        """The right code's codings (and memos) follow the kept code; a store code then goes."""
        if item.code_id is None:
            self.passages(target, side, item)
            return
        row = require(self.session, Code, item.code_id, "code")
        if row.id == target.id:
            raise WorkflowError(key="exchange.merge_into_itself", statement=row.statement)
        for coding in self.session.scalars(select(Coding).where(Coding.code_id == row.id)):
            coding.code_id = target.id
            self.report.codings_moved += 1
        memos = select(Memo).where(Memo.target_type == "code", Memo.target_id == row.id)
        for memo in self.session.scalars(memos):
            memo.target_id = target.id
        self.session.flush()
        self.session.delete(row)
        self.session.flush()


def _provenance(left: SideCode, right: SideCode, right_side: Side, conflict: GroupConflict | None) -> str:
    text = f"Slått sammen fra «{left.statement}» ({left.author or '?'}) og {_theirs(right, right_side)}."
    for what, value in (("Beskrivelse", right.description), ("Memo", right.memo)):
        if value and (what == "Beskrivelse" or right.code_id is None):  # a store code's memos move along
            text += f"\n\n{what} hos {right.author or right_side.name}: {value}"
    if conflict:
        text += (f"\n\nUlike kodegrupper: «{conflict.left_group}» / «{conflict.right_group}» "
                 "— ikke avgjort ved sammenslåingen.")  # fmt: skip
    return text


def apply_merge(project: Project, proposal: MergeProposal, decisions: Sequence[Decision]) -> MergeReport:
    """Carry out the decisions in one transaction (any bad decision changes nothing), as one undo step.

    Pairs without a decision are kept apart. Codes of a codebook file that are not merged are added."""
    merging = check_decisions(proposal, decisions)
    report = MergeReport()
    left, right = proposal.left, proposal.right
    with project.store.transaction() as session:
        work = _Applier(project, session, report)
        merged_right = {d.right for d in merging}
        for d in merging:
            a, b = left.code(d.left), right.code(d.right)
            assert a is not None and b is not None
            target = work.code(left, a)
            work.absorb(target, right, b)
            if clash := conflict_between(a, b):
                report.conflicts.append(f"«{a.statement}»: «{clash.left_group}» / «{clash.right_group}»")
            work.note(target, _provenance(a, b, right, clash), _theirs(b, right))
            if d.action == "rename":
                target.statement = d.statement
                report.renamed += 1
            report.merged += 1
        report.kept_apart = len({d.right for d in decisions if d.action == "apart"} - merged_right)
        apart_by_id = {d.right for d in decisions if d.action == "apart" and d.left == d.right}
        for item in left.codes if left.kind == "file" else ():
            work.code(left, item)
        for item in right.codes if right.kind == "file" else ():
            if item.key not in merged_right:  # same id kept apart on purpose: a code of its own
                work.code(right, item, fresh=item.key in apart_by_id)
        session.flush()
        project.record(session, "merge", "project", None,
                       f"slo sammen {report.merged} koder ({_label(left)} + {_label(right)})",
                       merged=report.merged, renamed=report.renamed, added=report.codes_added,
                       codings_added=report.codings_added, codings_moved=report.codings_moved,
                       conflicts=report.conflicts)  # fmt: skip
    return report


def _theirs(right: SideCode, side: Side) -> str:
    origin = f", {Path(side.origin).name}" if side.kind == "file" and side.origin else ""
    return f"«{right.statement}» ({right.author or side.name}{origin})"


def _label(side: Side) -> str:
    return (Path(side.origin).name if side.kind == "file" else "") or side.name
