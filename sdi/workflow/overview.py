"""`sdi status`: the project at a glance, per focus group and stage — how much raw data there is and how far
the SDI chain has come (coded share, codes, code groups, concepts)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select

from sdi.storage.models import Code, CodeGroup, Coding, Concept, Document, FocusGroup, Stage, Utterance
from sdi.workflow.anchor import FLAGGED
from sdi.workflow.project import Project


@dataclass
class StageStatus:
    group: str
    site: str
    category: str
    stage: int
    date: dt.date | None
    transcript: str | None  # source path
    document_id: int | None
    words: int = 0
    speakers: int = 0  # informants who spoke (the moderator not counted)
    turns: int = 0
    coded_share: float = 0.0
    codes: int = 0
    code_groups: int = 0
    concepts: int = 0


@dataclass
class ProjectStatus:
    title: str
    database: str
    coder: str
    nlp_model: str
    rows: list[StageStatus] = field(default_factory=list)
    codes: int = 0
    ungrouped_codes: int = 0
    code_groups: int = 0
    concepts: int = 0
    codings: int = 0
    flagged_codings: int = 0

    @property
    def transcripts(self) -> int:
        return sum(1 for row in self.rows if row.document_id is not None)

    @property
    def groups(self) -> int:
        return len({row.group for row in self.rows})

    @property
    def words(self) -> int:
        return sum(row.words for row in self.rows)

    @property
    def coded_share(self) -> float:
        total = sum(row.words for row in self.rows)
        return sum(row.coded_share * row.words for row in self.rows) / total if total else 0.0


def nlp_description(project: Project) -> str:
    """Which language pipeline analyses use and what it lacks, in the project's language — found without
    loading spaCy."""
    from sdi.i18n import t
    from sdi.nlp.pipeline import describe_pipeline

    info = describe_pipeline(project.config.nlp_model)
    language = project.config.language
    features = (("nlp.pos", info.has_pos), ("nlp.entities", info.has_entities))
    lacking = [t(key, language) for key, has in features if not has]
    lacks = t("nlp.lacks", language, what=", ".join(lacking)) if lacking else ""
    if info.kind == "offline":
        if not info.missing:
            return t("nlp.offline_chosen", language, lacks=lacks)
        text = t("nlp.offline", language, model=info.missing, lacks=lacks)
        return text + (t("nlp.shipped_failed", language, reason=info.failure) if info.failure else "")
    if info.kind == "shipped":
        text = t("nlp.shipped", language, model=info.name, lacks=lacks)
        return text + (t("nlp.missing", language, model=info.missing) if info.missing else "")
    return t("nlp.model", language, model=info.name, lacks=lacks)


def _union_length(spans: list[tuple[int, int]]) -> int:
    total = 0
    current_start = current_end = -1
    for start, end in sorted(spans):
        if start > current_end:
            total += max(0, current_end - current_start)
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    return total + max(0, current_end - current_start)


def project_status(project: Project) -> ProjectStatus:
    config = project.config
    status = ProjectStatus(config.title, project.store.url, project.coder_name, config.nlp_model)
    with project.store.reading() as session:
        stages = session.execute(
            select(FocusGroup, Stage, Document.id, Document.source_path, Document.word_count)
            .join(Stage, Stage.group_id == FocusGroup.id)
            .outerjoin(Document, Document.stage_id == Stage.id)
            .order_by(FocusGroup.site, FocusGroup.category, FocusGroup.name, Stage.number)
        ).all()
        speakers = dict(
            session.execute(
                select(Utterance.document_id, func.count(func.distinct(Utterance.speaker)))
                .where(Utterance.is_moderator.is_(False), Utterance.speaker != "")
                .group_by(Utterance.document_id)
            ).all()
        )
        turns = dict(
            session.execute(select(Utterance.document_id, func.count()).group_by(Utterance.document_id)).all()
        )
        speech = dict(
            session.execute(
                select(Utterance.document_id, func.sum(Utterance.end - Utterance.start)).group_by(
                    Utterance.document_id
                )
            ).all()
        )
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        codes_in: dict[int, set[int]] = defaultdict(set)
        groups_in: dict[int, set[int]] = defaultdict(set)
        concept_of_group = dict(session.execute(select(Concept.group_id, Concept.id)).all())
        for document_id, start, end, code_id, group_id, coding_status in session.execute(
            select(
                Coding.document_id, Coding.start, Coding.end, Coding.code_id, Code.group_id, Coding.status
            ).join(Code, Code.id == Coding.code_id)
        ):
            status.codings += 1
            if coding_status in FLAGGED:
                status.flagged_codings += 1
            if end > start:
                spans[document_id].append((start, end))
            codes_in[document_id].add(code_id)
            if group_id is not None:
                groups_in[document_id].add(group_id)
        for group, stage, document_id, source_path, words in stages:
            row = StageStatus(
                group.name, group.site, group.category, stage.number, stage.date, source_path, document_id
            )
            if document_id is not None:
                row.words = words or 0
                row.speakers = speakers.get(document_id, 0)
                row.turns = turns.get(document_id, 0)
                total = speech.get(document_id) or 0
                row.coded_share = min(1.0, _union_length(spans[document_id]) / total) if total else 0.0
                row.codes = len(codes_in[document_id])
                row.code_groups = len(groups_in[document_id])
                row.concepts = sum(1 for g in groups_in[document_id] if g in concept_of_group)
            status.rows.append(row)
        status.codes = session.scalar(select(func.count()).select_from(Code)) or 0
        status.ungrouped_codes = (
            session.scalar(select(func.count()).select_from(Code).where(Code.group_id.is_(None))) or 0
        )
        status.code_groups = session.scalar(select(func.count()).select_from(CodeGroup)) or 0
        status.concepts = len(concept_of_group)
    return status
