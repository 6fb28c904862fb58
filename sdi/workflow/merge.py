"""Merging two coders' codebooks — from their own copies (codebooks exported `--with-codings`) or from one
shared store. Codes are paired by stable id, then by likeness of their lemmatised statements; the researchers
decide per pair (accept, rename, keep apart). Differing groups are listed, never resolved: grouping is the
team's call. Applying is one transaction and one undoable action, and codings keep their coders."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sdi.ingest.codebook import Codebook, read_codebook
from sdi.storage.models import Code, CodeGroup, Coder, Coding, Document, Memo
from sdi.workflow.anchor import anchor_for
from sdi.workflow.errors import WorkflowError, require
from sdi.workflow.project import Project

THRESHOLD = 85.0  # WRatio on lemmas at or above which a pair is proposed for merging
CANDIDATE_AT = 60.0  # listed as a candidate to look at, proposed "apart"
CANDIDATES = 3  # candidates listed per code
ACTIONS = ("accept", "rename", "apart")


@dataclass(frozen=True)
class Passage:
    transcript: str  # project-relative path
    words: str


@dataclass(frozen=True)
class SideCode:
    key: str  # the code's stable id
    statement: str
    author: str
    description: str = ""
    memo: str = ""
    group: str | None = None  # group name
    group_key: str | None = None  # group id
    passages: tuple[Passage, ...] = ()
    code_id: int | None = None  # the row, when the code is in this project's store (its memos stay on it)


@dataclass(frozen=True)
class Side:
    """One side of a merge: the project's codes, one coder's codes in it, or a codebook file."""

    kind: str  # "project" | "coder" | "file"
    origin: str  # file path, coder name, or "" for the project
    name: str  # who coded (the coder the file's codings are recorded under)
    codes: tuple[SideCode, ...]

    def code(self, key: str) -> SideCode | None:
        return next((c for c in self.codes if c.key == key), None)


@dataclass(frozen=True)
class Candidate:
    left: str
    right: str
    score: float
    by_id: bool
    proposed: bool  # suggested for merging (id match, or best match at or above the threshold)


@dataclass(frozen=True)
class GroupConflict:
    left: str
    right: str
    left_group: str
    right_group: str


@dataclass(frozen=True)
class MergeProposal:
    left: Side
    right: Side
    pairs: tuple[Candidate, ...]
    conflicts: tuple[GroupConflict, ...]
    threshold: float = THRESHOLD

    def conflict(self, pair: Candidate) -> GroupConflict | None:
        return next((c for c in self.conflicts if (c.left, c.right) == (pair.left, pair.right)), None)


@dataclass(frozen=True)
class Decision:
    left: str
    right: str
    action: str  # accept | rename | apart
    statement: str = ""


@dataclass
class MergeReport:
    merged: int = 0
    renamed: int = 0
    kept_apart: int = 0
    codes_added: int = 0
    codings_added: int = 0
    codings_moved: int = 0
    conflicts: list[str] = field(default_factory=list)


# --- the sides ---------------------------------------------------------------------------------------


def _store_side(session: Session, kind: str, name: str, author_id: int | None = None) -> Side:
    query = select(Code).order_by(Code.statement, Code.id)
    if author_id is not None:
        query = query.where(Code.author_id == author_id)
    codes = list(session.scalars(query))
    groups = {g.id: g for g in session.scalars(select(CodeGroup))}
    authors = dict(session.execute(select(Coder.id, Coder.name)).all())
    rows = session.execute(
        select(Coding.code_id, Coding.document_id, Coding.start, Coding.end)
        .where(Coding.code_id.in_([c.id for c in codes]), Coding.end > Coding.start)
        .order_by(Coding.document_id, Coding.start)
    ).all()
    wanted = select(Document.id, Document.source_path, Document.text).where(
        Document.id.in_({r[1] for r in rows})
    )
    texts = {i: (path, text) for i, path, text in session.execute(wanted)}  # each transcript read once
    passages: dict[int, list[Passage]] = {}
    for code_id, document_id, start, end in rows:
        path, text = texts[document_id]
        passages.setdefault(code_id, []).append(Passage(path, text[start:end]))
    items = tuple(
        SideCode(c.uid, c.statement, authors.get(c.author_id or 0, ""), c.description,
                 "", groups[c.group_id].name if c.group_id else None,
                 groups[c.group_id].uid if c.group_id else None, tuple(passages.get(c.id, [])), c.id)
        for c in codes
    )  # fmt: skip
    return Side(kind, name if kind == "coder" else "", name, items)


def _file_side(book: Codebook, origin: str, name: str) -> Side:
    groups = {g.id: g.name for g in book.groups}
    items = tuple(
        SideCode(c.id, c.statement, name, c.description, c.memo, groups.get(c.group) if c.group else None,
                 c.group, tuple(Passage(a.transcript, a.words) for a in c.codings))
        for c in book.codes
    )  # fmt: skip
    return Side("file", origin, name, items)


def _conflict(a: SideCode, b: SideCode) -> GroupConflict | None:
    """Both grouped, in groups that are neither the same group (id) nor named alike."""
    if a.group and b.group and a.group_key != b.group_key and a.group.casefold() != b.group.casefold():
        return GroupConflict(a.key, b.key, a.group, b.group)
    return None


def _coder_row(session: Session, name: str) -> int:
    found = session.scalar(select(Coder.id).where(Coder.name == name))
    if found is None:
        raise WorkflowError(f"no coder called «{name}» in this project")
    return found


# --- proposing ---------------------------------------------------------------------------------------


def match(
    left: Side, right: Side, lemmas: Callable[[str], str], threshold: float = THRESHOLD
) -> MergeProposal:
    """Pair codes by id, then by WRatio over their lemmatised statements (one-to-one, best first)."""
    from rapidfuzz import fuzz, process, utils

    right_keys = {c.key for c in right.codes}
    pairs = [Candidate(c.key, c.key, 100.0, True, True) for c in left.codes if c.key in right_keys]
    taken = {p.left for p in pairs}
    rest_left = [c for c in left.codes if c.key not in taken]
    rest_right = [c for c in right.codes if c.key not in taken]
    scored: list[tuple[float, int, int]] = []
    if rest_left and rest_right:
        matrix = process.cdist([lemmas(c.statement) for c in rest_left],
                               [lemmas(c.statement) for c in rest_right],
                               scorer=fuzz.WRatio, processor=utils.default_process)  # fmt: skip
        scored = [(float(matrix[i][j]), i, j) for i in range(len(rest_left)) for j in range(len(rest_right))
                  if matrix[i][j] >= CANDIDATE_AT]  # fmt: skip
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    proposed: set[tuple[int, int]] = set()
    for score, i, j in scored:  # greedy, best first: each code is proposed for at most one merge
        if score >= threshold and all(i != a and j != b for a, b in proposed):
            proposed.add((i, j))
    listed: dict[int, int] = {}
    listed_right: dict[int, int] = {}
    for score, i, j in scored:
        if (i, j) in proposed or listed.get(i, 0) < CANDIDATES or listed_right.get(j, 0) < CANDIDATES:
            listed[i] = listed.get(i, 0) + 1
            listed_right[j] = listed_right.get(j, 0) + 1
            pairs.append(Candidate(rest_left[i].key, rest_right[j].key, round(score, 1), False,
                                   (i, j) in proposed))  # fmt: skip
    found = (_conflict(left.code(p.left), right.code(p.right)) for p in pairs)  # type: ignore[arg-type]
    return MergeProposal(left, right, tuple(pairs), tuple(c for c in found if c), threshold)


def _lemmatiser(project: Project) -> Callable[[str], str]:
    from sdi.workflow.search import pipeline

    nlp = pipeline(project)
    return lambda text: " ".join(nlp.lemma_terms(text)) or text.lower()


def propose_merge(project: Project, other: Codebook | Path, other_name: str = "") -> MergeProposal:
    """The project's codes against another coder's codebook (a file, or one already read)."""
    if isinstance(other, Path):
        right = _file_side(read_codebook(other), str(other), other_name or other.stem)
    else:
        right = _file_side(other, "", other_name or other.title or "kodebok")
    with project.store.reading() as session:
        left = _store_side(session, "project", project.coder_name)
    return match(left, right, _lemmatiser(project))


def propose_files(project: Project, left: Path, right: Path, names: Sequence[str] = ()) -> MergeProposal:
    """Two codebook files against each other, to be merged into this project."""
    sides = [_file_side(read_codebook(path), str(path), names[n] if len(names) > n else path.stem)
             for n, path in enumerate((left, right))]  # fmt: skip
    return match(sides[0], sides[1], _lemmatiser(project))


def propose_coders(project: Project, left: str, right: str) -> MergeProposal:
    """The codes two coders created in this one store (by author), against each other."""
    if left == right:
        raise WorkflowError("name two different coders")
    with project.store.reading() as session:
        sides = [_store_side(session, "coder", n, _coder_row(session, n)) for n in (left, right)]
    return match(sides[0], sides[1], _lemmatiser(project))


# --- applying ----------------------------------------------------------------------------------------


def _check(proposal: MergeProposal, decisions: Sequence[Decision]) -> list[Decision]:
    """The decisions that merge, after refusing any that are unknown or contradict each other."""
    seen: set[tuple[str, str]] = set()
    merging: dict[str, Decision] = {}
    renames: dict[str, str] = {}
    for d in decisions:
        where = f"pair {d.left} / {d.right}"
        if proposal.left.code(d.left) is None or proposal.right.code(d.right) is None:
            raise WorkflowError(f"{where}: no such code on that side (did the codebooks change?)")
        if d.action not in ACTIONS:
            raise WorkflowError(f"{where}: decision must be accept, rename or apart, not «{d.action}»")
        if (d.left, d.right) in seen:
            raise WorkflowError(f"{where}: decided twice")
        seen.add((d.left, d.right))
        if d.action == "apart":
            continue
        if d.action == "rename" and not d.statement:
            raise WorkflowError(f"{where}: rename needs the new statement")
        if d.right in merging:
            raise WorkflowError(f"{where}: the right code is already merged into {merging[d.right].left}")
        if d.action == "rename" and renames.setdefault(d.left, d.statement) != d.statement:
            raise WorkflowError(f"{where}: the left code is renamed twice, differently")
        merging[d.right] = d
    return list(merging.values())


class _Applier:
    def __init__(self, project: Project, session: Session, report: MergeReport) -> None:
        self.project, self.session, self.report = project, session, report
        self.documents = {d.source_path: d for d in session.scalars(select(Document))}
        self.position = session.scalar(select(func.max(Code.position))) or 0
        self.rows: dict[tuple[int, str], Code] = {}

    def coder(self, name: str) -> int:
        found = self.session.scalar(select(Coder.id).where(Coder.name == name))
        if found is None:
            self.session.add(coder := Coder(name=name))
            self.session.flush()
            found = coder.id
        return found

    def code(self, side: Side, item: SideCode, *, fresh: bool = False) -> Code:
        """The row for a side's code: the store's own, or one made (or found by id) from a codebook file."""
        cached = self.rows.get((id(side), item.key))
        if cached is not None:
            return cached
        if item.code_id is not None:
            row = require(self.session, Code, item.code_id, "code")
        else:
            row = None if fresh else self.session.scalar(select(Code).where(Code.uid == item.key))
            if row is None:
                row = self._new_code(side, item, fresh)
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
                raise WorkflowError(f"code {item.key}: no transcript {passage.transcript} in the project")
            start = document.text.find(passage.words)
            if start < 0 or document.text.find(passage.words, start + 1) >= 0:
                problem = "are not in" if start < 0 else "occur more than once in"
                raise WorkflowError(f"code {item.key}: the words «{passage.words[:60]}» {problem} "
                                    f"{passage.transcript}")  # fmt: skip
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
        same = select(Memo.id).where(
            Memo.target_type == "code",
            Memo.target_id == target.id,
            Memo.title == "Sammenslåing",
            Memo.text.contains(right, autoescape=True),
        )
        if self.session.scalar(same) is None:
            self.session.add(Memo(target_type="code", target_id=target.id, title="Sammenslåing", text=text,
                                  author_id=self.project.coder_id(self.session)))  # fmt: skip

    def absorb(self, target: Code, side: Side, item: SideCode) -> None:
        """The right code's codings (and memos) follow the kept code; a store code then goes."""
        if item.code_id is None:
            self.passages(target, side, item)
            return
        row = require(self.session, Code, item.code_id, "code")
        if row.id == target.id:
            raise WorkflowError(f"«{row.statement}» cannot be merged into itself")
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
    merging = _check(proposal, decisions)
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
            if clash := _conflict(a, b):
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
