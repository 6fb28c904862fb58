"""The analysis as plain data for reports: the codebook table (codes with group, counts, first and last use)
and the SDI chain concept → code group → codes → quotes, with the concepts' notes, the memos, the deductive
checks and the spread of each code group over focus groups and stages."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from sdi.storage.models import Code, CodeGroup, Coding, Document, FocusGroup, Stage
from sdi.workflow.check import AuditView, audit_log
from sdi.workflow.code_group import codings_of_group, list_groups
from sdi.workflow.concept import list_concepts
from sdi.workflow.context import CodingContext
from sdi.workflow.project import Project
from sdi.workflow.report_memos import MemoNote, report_memos


@dataclass(frozen=True)
class CodebookRow:
    statement: str
    description: str
    group: str
    codings: int
    first_used: dt.datetime | None
    last_used: dt.datetime | None


@dataclass(frozen=True)
class GroupSection:
    name: str
    description: str
    concept: str | None
    definition: str
    codes: tuple[tuple[str, int], ...]  # statement, codings
    quotes: tuple[CodingContext, ...]  # key quotes when there is a concept, else the first codings
    notes: str = ""  # the concept's notes
    memos: tuple[MemoNote, ...] = ()  # on the group, its concept and its codes


@dataclass(frozen=True)
class AnalysisReport:
    title: str
    sections: tuple[GroupSection, ...]
    stages: tuple[str, ...]  # "Barnehage Fjordvik, runde 1", in order
    spread: dict[str, dict[str, int]]  # code group -> stage label -> codings
    checks: tuple[AuditView, ...]
    pseudonymised_names: tuple[str, ...]
    memos: tuple[MemoNote, ...] = ()  # on anything else (transcripts, codings, the project, …)
    coder: str = ""


def codebook_rows(project: Project) -> list[CodebookRow]:
    with project.store.reading() as session:
        rows = session.execute(
            select(Code.statement, Code.description, CodeGroup.name, func.count(Coding.id),
                   func.min(Coding.created_at), func.max(Coding.created_at))
            .outerjoin(CodeGroup, CodeGroup.id == Code.group_id)
            .outerjoin(Coding, Coding.code_id == Code.id)
            .group_by(Code.id, Code.statement, Code.description, CodeGroup.name)
            .order_by(CodeGroup.name, Code.statement)
        ).all()  # fmt: skip
    return [CodebookRow(s, d, g or "", n, first, last) for s, d, g, n, first, last in rows]


def analysis_report(project: Project, quotes_per_group: int = 3) -> AnalysisReport:
    concepts = {c.group_id: c for c in list_concepts(project)}
    with project.store.reading() as session:
        memos = report_memos(session, project.config.language)
        codes_by_group: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for group_id, statement, count in session.execute(
            select(Code.group_id, Code.statement, func.count(Coding.id))
            .outerjoin(Coding, Coding.code_id == Code.id)
            .group_by(Code.id, Code.group_id, Code.statement)
            .order_by(Code.statement)
        ):
            codes_by_group[group_id or 0].append((statement, count))
        stage_rows = session.execute(
            select(FocusGroup.name, Stage.number).join(Stage, Stage.group_id == FocusGroup.id)
            .order_by(FocusGroup.name, Stage.number)
        ).all()  # fmt: skip
        stages = tuple(f"{name}, runde {number}" for name, number in stage_rows)
        spread: dict[str, dict[str, int]] = defaultdict(dict)
        for group_name, focus_group, number, count in session.execute(
            select(CodeGroup.name, FocusGroup.name, Stage.number, func.count(Coding.id))
            .join(Code, Code.group_id == CodeGroup.id)
            .join(Coding, Coding.code_id == Code.id)
            .join(Document, Document.id == Coding.document_id)
            .join(Stage, Stage.id == Document.stage_id)
            .join(FocusGroup, FocusGroup.id == Stage.group_id)
            .group_by(CodeGroup.name, FocusGroup.name, Stage.number)
        ):
            spread[group_name][f"{focus_group}, runde {number}"] = count
    sections = []
    for group in list_groups(project):
        concept = concepts.get(group.id)
        quotes = (
            concept.key_quotes
            if concept and concept.key_quotes
            else tuple(codings_of_group(project, group.id)[:quotes_per_group])
        )
        sections.append(GroupSection(group.name, group.description, concept.name if concept else None,
                                     concept.definition if concept else "", tuple(codes_by_group[group.id]),
                                     tuple(quotes), concept.notes if concept else "",
                                     memos.by_group.get(group.id, ())))  # fmt: skip
    return AnalysisReport(
        project.config.title,
        tuple(sections),
        stages,
        dict(spread),
        tuple(reversed(audit_log(project, checks_only=True))),
        tuple(project.config.known_names),
        memos.others,
        project.coder_name,
    )
