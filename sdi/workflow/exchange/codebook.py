"""Codebooks in and out of the store: `sdi codebook import/export`, as our TOML, CSV or REFI-QDA.

Import is one transaction (a bad codebook changes nothing) and idempotent: objects are matched by their
stable id, existing ones are left as the researchers have them, and only what is new is added. Codings are
placed by their exact words in the transcript's current text; words that are missing or ambiguous stop the
import with a message naming them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sdi.i18n import Notice
from sdi.ingest.codebook import (
    Codebook,
    CodebookCode,
    CodebookConcept,
    CodebookGroup,
    CodingAnchor,
    KeyQuote,
    read_codebook,
)
from sdi.ingest.codebook_csv import read_codebook_csv
from sdi.ingest.model import IngestError
from sdi.nlp.known_names import KnownNames, pseudonymise_path
from sdi.storage.models import Code, CodeGroup, Coding, Concept, ConceptQuote, Document, Memo
from sdi.workflow.anchor import anchor_for
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project


@dataclass
class CodebookReport:
    groups: int = 0
    codes: int = 0
    codings: int = 0
    concepts: int = 0
    memos: int = 0
    skipped: int = 0  # objects already present (matched by id)
    warnings: list[str] = field(default_factory=list)
    recognised: int = 0  # codes of a REFI-QDA file recognised by name, description or codings

    @property
    def added(self) -> int:
        return self.groups + self.codes + self.codings + self.concepts + self.memos


def _locate(text: str, words: str, path: str, code: str) -> int:
    start = text.find(words)
    if start < 0:
        raise WorkflowError(key="exchange.words_missing", code=code, words=words[:60], path=path)
    if text.find(words, start + 1) >= 0:
        raise WorkflowError(key="exchange.words_ambiguous", code=code, words=words[:60], path=path)
    return start


SUFFIXES = (".toml", ".csv", ".qdc", ".qdpx")


def import_codebook_file(project: Project, path: Path) -> CodebookReport:
    """A codebook by its file's extension: our TOML, a CSV (spreadsheets, Taguette), or the codebook part
    of a REFI-QDA file (`.qdc`, or the codes, categories and Sets of a `.qdpx`)."""
    suffix = path.suffix.lower()
    if suffix in (".qdc", ".qdpx"):
        from sdi.workflow.exchange.refi_import import import_refi_file

        refi = import_refi_file(project, path, codebook_only=True)
        return CodebookReport(refi.groups, refi.codes, 0, refi.concepts, refi.memos, refi.skipped,
                              list(refi.warnings), sum(refi.recognised.values()))  # fmt: skip
    if suffix == ".csv":
        return import_codebook(project, read_codebook_csv(path), path.name, by_name=True)
    if suffix != ".toml":
        unknown = Notice("exchange.codebook_format", suffix=suffix or path.name, known=", ".join(SUFFIXES))
        raise IngestError(path, unknown)
    return import_codebook(project, read_codebook(path), path.name)


def import_codebook(
    project: Project, codebook: Codebook, source: str, *, by_name: bool = False
) -> CodebookReport:
    """Add what is new; `by_name`: a code or group the project has under the same name is that one (a CSV
    from a spreadsheet or Taguette carries no ids of ours)."""
    report = CodebookReport()
    with project.store.transaction() as session:
        coder = project.coder_id(session)
        groups = _import_groups(session, codebook.groups, report, by_name)
        documents = documents_by_path(project, session)
        codings_of: dict[tuple[str, str], int] = {}
        for position, item in enumerate(codebook.codes, start=1):
            code = session.scalar(select(Code).where(Code.uid == item.id))
            if code is None and by_name:
                wanted = " ".join(item.statement.split()).casefold()
                code = next((c for c in session.scalars(select(Code))
                             if " ".join(c.statement.split()).casefold() == wanted), None)  # fmt: skip
            if code is not None:
                report.skipped += 1
                continue
            group = groups.get(item.group) if item.group else None
            code = Code(
                uid=item.id,
                statement=item.statement,
                description=item.description,
                author_id=coder,
                group_id=group.id if group else None,
                position=position,
            )
            session.add(code)
            session.flush()
            report.codes += 1
            if item.memo:
                session.add(Memo(target_type="code", target_id=code.id, text=item.memo, author_id=coder))
                report.memos += 1
            for anchor in item.codings:
                codings_of[(item.id, anchor.transcript)] = _add_coding(
                    session, documents, code, item, anchor, coder
                )
                report.codings += 1
        session.flush()
        for group_item in codebook.groups:
            if group_item.concept is not None:
                _import_concept(session, groups[group_item.id], group_item.concept, codings_of, report)
        if report.added:
            project.record(
                session,
                "codebook-import",
                "project",
                None,
                f"importerte kodebok {source}",
                groups=report.groups,
                codes=report.codes,
                codings=report.codings,
            )
    return report


def _import_groups(
    session: Session, items: Iterable[CodebookGroup], report: CodebookReport, by_name: bool = False
) -> dict[str, CodeGroup]:
    groups: dict[str, CodeGroup] = {}
    for position, item in enumerate(items, start=1):
        group = session.scalar(select(CodeGroup).where(CodeGroup.uid == item.id))
        if group is None and by_name:
            group = session.scalar(select(CodeGroup).where(CodeGroup.name == item.name))
        if group is None:
            if session.scalar(select(CodeGroup.id).where(CodeGroup.name == item.name)) is not None:
                raise WorkflowError(key="exchange.group_name_taken", ident=item.id, name=item.name)
            if (
                item.rest
                and session.scalar(select(CodeGroup.id).where(CodeGroup.is_rest.is_(True))) is not None
            ):
                raise WorkflowError(key="exchange.rest_group_exists", ident=item.id)
            group = CodeGroup(
                uid=item.id,
                name=item.name,
                description=item.description,
                position=position,
                is_rest=item.rest,
            )
            session.add(group)
            report.groups += 1
        else:
            report.skipped += 1
        groups[item.id] = group
    session.flush()
    return groups


def _add_coding(
    session: Session, documents: dict[str, Document], code: Code, item: CodebookCode, anchor: CodingAnchor,
    coder: int,
) -> int:  # fmt: skip
    document = documents.get(anchor.transcript)
    if document is None:
        raise WorkflowError(key="exchange.code_no_transcript", code=item.id, transcript=anchor.transcript)
    start = _locate(document.text, anchor.words, anchor.transcript, item.id)
    spot = anchor_for(document.text, start, start + len(anchor.words))
    coding = Coding(
        code_id=code.id,
        document_id=document.id,
        start=start,
        end=start + len(anchor.words),
        coder_id=coder,
        anchor_text=spot.text,
        context_before=spot.before,
        context_after=spot.after,
        document_version=document.version,
    )
    session.add(coding)
    session.flush()
    return coding.id


def _import_concept(
    session: Session, group: CodeGroup, item: CodebookConcept, codings_of: dict[tuple[str, str], int],
    report: CodebookReport,
) -> None:  # fmt: skip
    if session.scalar(select(Concept.id).where(Concept.uid == item.id)) is not None:
        report.skipped += 1
        return
    if session.scalar(select(Concept.id).where(Concept.group_id == group.id)) is not None:
        raise WorkflowError(key="exchange.concept_exists", ident=item.id, group=group.name)
    concept = Concept(
        uid=item.id, group_id=group.id, name=item.name, definition=item.definition, notes=item.notes
    )
    session.add(concept)
    session.flush()
    report.concepts += 1
    for position, quote in enumerate(item.key_quotes):
        coding_id = codings_of.get((quote.code, quote.transcript))
        if coding_id is None:
            raise WorkflowError(key="exchange.concept_no_coding", ident=item.id, code=quote.code,
                                    transcript=quote.transcript)  # fmt: skip
        session.add(ConceptQuote(concept_id=concept.id, coding_id=coding_id, position=position))


def export_codebook(project: Project, *, with_codings: bool = False, title: str = "") -> Codebook:
    """The project's codebook as plain data, in a stable order (groups by position, codes by statement);
    transcripts are named by their public path (see `public_path`)."""
    public = public_path(project)
    with project.store.reading() as session:
        group_rows = session.scalars(
            select(CodeGroup).order_by(CodeGroup.is_rest, CodeGroup.position, CodeGroup.id)
        )
        group_uid = {}
        groups = []
        concepts = {c.group_id: c for c in session.scalars(select(Concept))}
        uid_of_code = dict(session.execute(select(Code.id, Code.uid)).all())
        for group in group_rows:
            group_uid[group.id] = group.uid
            concept = concepts.get(group.id)
            concept_item = None
            if concept is not None:
                quotes = tuple(
                    KeyQuote(uid_of_code[q.coding.code_id], public(q.coding.document.source_path))
                    for q in concept.key_quotes
                )
                concept_item = CodebookConcept(
                    concept.uid, concept.name, concept.definition, concept.notes, quotes
                )
            groups.append(
                CodebookGroup(group.uid, group.name, group.description, group.is_rest, concept_item)
            )
        memos: dict[int, list[str]] = {}
        for memo in session.scalars(select(Memo).where(Memo.target_type == "code").order_by(Memo.id)):
            memos.setdefault(memo.target_id or 0, []).append(memo.text)
        codings: dict[int, list[CodingAnchor]] = {}
        if with_codings:
            for coding, path in session.execute(
                select(Coding, Document.source_path)
                .join(Document, Document.id == Coding.document_id)
                .order_by(Document.source_path, Coding.start)
            ):
                if coding.end > coding.start:
                    codings.setdefault(coding.code_id, []).append(
                        CodingAnchor(public(path), coding.document.text[coding.start : coding.end])
                    )
        codes = tuple(
            CodebookCode(code.uid, code.statement, code.description,
                         group_uid.get(code.group_id) if code.group_id else None,
                         "\n\n".join(memos.get(code.id, [])), tuple(codings.get(code.id, [])))
            for code in session.scalars(select(Code).order_by(Code.statement, Code.id))
        )  # fmt: skip
    return Codebook(title or project.config.title, "", tuple(groups), codes)


def public_path(project: Project) -> Callable[[str], str]:
    """A transcript's path as it may leave the project: without the known names in its file name
    («corpus/intervju-kari-nordmann.md» → «corpus/intervju-person-a.md», by the name's pseudonym)."""
    known = project.config.known_names
    matcher = KnownNames(known, loose=True)
    return lambda path: pseudonymise_path(path, matcher, known)


def documents_by_path(project: Project, session: Session) -> dict[str, Document]:
    """The transcripts by path, also under their public path (see `public_path`), so a codebook written
    by sdi finds them again."""
    public = public_path(project)
    documents = {d.source_path: d for d in session.scalars(select(Document))}
    for path, document in list(documents.items()):
        documents.setdefault(public(path), document)
    return documents


def default_codebook_path(project: Project) -> Path:
    return project.config.codebooks_dir / "kodebok.toml"
