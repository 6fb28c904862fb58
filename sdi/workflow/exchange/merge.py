"""Merging two coders' codebooks — from their own copies (codebooks exported `--with-codings`) or from one
shared store. Codes are paired by stable id, then by likeness of their lemmatised statements; the researchers
decide per pair (accept, rename, keep apart). Differing groups are listed, never resolved: grouping is the
team's call. Applying the decisions is `merge_apply`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.ingest.codebook import Codebook, read_codebook
from sdi.nlp.similarity import SAME_AT, SimilarityEngine, SimilarityIndex
from sdi.storage.models import Code, CodeGroup, Coder, Coding, Document
from sdi.workflow.errors import WorkflowError
from sdi.workflow.likeness import project_engine, weigh
from sdi.workflow.project import Project

THRESHOLD = SAME_AT  # the similarity engine's "says the same": at or above, a pair is proposed for merging
CANDIDATE_AT = 35.0  # listed as a candidate to look at, proposed "apart"
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
    shared: tuple[tuple[str, str, str], ...] = ()  # why: (left word, right word, how they matched)


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


def conflict_between(a: SideCode, b: SideCode) -> GroupConflict | None:
    """Both grouped, in groups that are neither the same group (id) nor named alike."""
    if a.group and b.group and a.group_key != b.group_key and a.group.casefold() != b.group.casefold():
        return GroupConflict(a.key, b.key, a.group, b.group)
    return None


def _coder_row(session: Session, name: str) -> int:
    found = session.scalar(select(Coder.id).where(Coder.name == name))
    if found is None:
        raise WorkflowError(key="exchange.no_coder", name=name)
    return found


# --- proposing ---------------------------------------------------------------------------------------


def match(left: Side, right: Side, engine: SimilarityEngine, threshold: float = THRESHOLD) -> MergeProposal:
    """Pair codes by id, then by the similarity engine over their statements (one-to-one, best first).
    `engine` should weigh the words of both sides (`sdi.workflow.likeness.weigh`)."""
    right_keys = {c.key for c in right.codes}
    pairs = [Candidate(c.key, c.key, 100.0, True, True) for c in left.codes if c.key in right_keys]
    taken = {p.left for p in pairs}
    rest_left = [c for c in left.codes if c.key not in taken]
    rest_right = [c for c in right.codes if c.key not in taken]
    scored: list[tuple[float, int, int, tuple[tuple[str, str, str], ...]]] = []
    if rest_left and rest_right:
        index = SimilarityIndex(engine, [c.statement for c in rest_right])
        for i, code in enumerate(rest_left):
            for j, likeness in index.rank(code.statement, limit=len(rest_right)):
                if likeness.score < CANDIDATE_AT:
                    break
                scored.append((likeness.score, i, j, likeness.shared))
    scored.sort(key=lambda s: (-s[0], -len(s[3]), s[1], s[2]))
    proposed: set[tuple[int, int]] = set()
    for score, i, j, _ in scored:  # greedy, best first: each code is proposed for at most one merge
        if score >= threshold and all(i != a and j != b for a, b in proposed):
            proposed.add((i, j))
    listed: dict[int, int] = {}
    listed_right: dict[int, int] = {}
    for score, i, j, shared in scored:
        if (i, j) in proposed or listed.get(i, 0) < CANDIDATES or listed_right.get(j, 0) < CANDIDATES:
            listed[i] = listed.get(i, 0) + 1
            listed_right[j] = listed_right.get(j, 0) + 1
            pairs.append(Candidate(rest_left[i].key, rest_right[j].key, score, False, (i, j) in proposed,
                                   shared))  # fmt: skip
    found = (conflict_between(left.code(p.left), right.code(p.right)) for p in pairs)  # type: ignore[arg-type]
    return MergeProposal(left, right, tuple(pairs), tuple(c for c in found if c), threshold)


def _engine(project: Project, *sides: Side) -> SimilarityEngine:
    """The project's similarity engine, weighing the words of every statement on `sides`."""
    engine = project_engine(project)
    return weigh(project, engine, [engine.read(c.statement) for side in sides for c in side.codes])


def propose_merge(project: Project, other: Codebook | Path, other_name: str = "") -> MergeProposal:
    """The project's codes against another coder's codebook (a file, or one already read)."""
    if isinstance(other, Path):
        right = _file_side(read_codebook(other), str(other), other_name or other.stem)
    else:
        right = _file_side(other, "", other_name or other.title or "kodebok")
    with project.store.reading() as session:
        left = _store_side(session, "project", project.coder_name)
    return match(left, right, _engine(project, left, right))


def propose_files(project: Project, left: Path, right: Path, names: Sequence[str] = ()) -> MergeProposal:
    """Two codebook files against each other, to be merged into this project."""
    sides = [_file_side(read_codebook(path), str(path), names[n] if len(names) > n else path.stem)
             for n, path in enumerate((left, right))]  # fmt: skip
    return match(sides[0], sides[1], _engine(project, *sides))


@dataclass(frozen=True)
class MergeSources:
    """What the project can be merged with: codebook files in `codebooks/` and coders who made codes."""

    files: tuple[Path, ...]
    coders: tuple[str, ...]


def merge_sources(project: Project) -> MergeSources:
    """Codebook files (not the `merge-*.toml` decision files `sdi merge` writes there) and the coders who
    authored codes here, for a face to offer as choices."""
    folder = project.config.codebooks_dir
    files = sorted(p for p in folder.glob("*.toml") if p.is_file() and not p.name.startswith("merge-"))
    with project.store.reading() as session:
        coders = session.scalars(
            select(Coder.name).where(Coder.id.in_(select(Code.author_id))).order_by(Coder.name)
        )
        return MergeSources(tuple(files), tuple(coders))


def propose_coders(project: Project, left: str, right: str) -> MergeProposal:
    """The codes two coders created in this one store (by author), against each other."""
    if left == right:
        raise WorkflowError(key="exchange.two_coders")
    with project.store.reading() as session:
        sides = [_store_side(session, "coder", n, _coder_row(session, n)) for n in (left, right)]
    return match(sides[0], sides[1], _engine(project, *sides))
