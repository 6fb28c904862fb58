"""`sdi status`: the project at a glance, per focus group and stage — how much raw data there is and how far
the SDI chain has come (coded share, codes, code groups, concepts)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sdi.config import Config
from sdi.workflow.anchor import FLAGGED

if TYPE_CHECKING:  # imported where used: a cold `sdi status` on SQLite never loads SQLAlchemy
    from sdi.nlp.pipeline import PipelineInfo
    from sdi.storage.lean import Reader
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
    return nlp_description_of(project.config)


def nlp_description_of(config: Config) -> str:
    """`nlp_description` from the project's settings alone."""
    from sdi.nlp.pipeline import describe_pipeline

    return pipeline_said(describe_pipeline(config.nlp_model), config.language)


def pipeline_said(info: PipelineInfo, language: str) -> str:
    """What a pipeline is and lacks, in `language` (the pipeline's own `description` is English)."""
    from sdi.i18n import t

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
    status = ProjectStatus(config.title, project.store_url, project.coder_name, config.nlp_model)
    with project.reading_rows() as read:
        return _fill(read, status)


@dataclass(frozen=True)
class StatusReport:
    """What `sdi status` prints: the status, the pipeline in words, and the transcripts to index again."""

    status: ProjectStatus
    pipeline: str
    stale_documents: int
    stale_pipeline: str
    language: str


def status_report(start: Path | None = None, coder: str | None = None) -> StatusReport:
    """The project at `start` (or found from the cwd) at a glance. An SQLite store already at the current
    schema is read through `sdi.storage.lean` (no SQLAlchemy: this is what a cold `sdi status` pays for);
    anything else is opened, created or migrated the ordinary way."""
    from sdi.config import find_project, load_config
    from sdi.storage.faults import lock_timeout
    from sdi.storage.lean import sqlite_reader
    from sdi.storage.leftovers import remove_leftovers
    from sdi.workflow.project import chosen_coder, resolve_coder

    config = load_config(find_project((start or Path.cwd()).resolve()))
    remove_leftovers(config.state_dir)  # a killed `sdi db copy`'s snapshot, as every start does
    url = config.resolved_database_url()
    with sqlite_reader(url, lock_timeout()) as read:
        if read is not None:
            coder_name = chosen_coder(config, coder) or resolve_coder(config)
            status = _fill(read, ProjectStatus(config.title, url, coder_name, config.nlp_model))
            pipeline = _index_pipeline_name(config)
            stale = _stale(read, pipeline)
            return StatusReport(status, nlp_description_of(config), stale, pipeline, config.language)
    from sdi.workflow.project import open_project
    from sdi.workflow.reindex import plan

    project = open_project(start, coder=coder)
    try:
        status = project_status(project)
        stale_plan = plan(project)
    finally:
        project.close()
    return StatusReport(
        status, nlp_description_of(config), len(stale_plan.documents), stale_plan.pipeline, config.language
    )


def _index_pipeline_name(config: Config) -> str:
    """The name the index pipeline writes on what it indexes (as `sdi.workflow.reindex.plan` reads it)."""
    from sdi.nlp.pipeline import OFFLINE_NAME, describe_pipeline

    return describe_pipeline(OFFLINE_NAME if config.nlp_index == "lookup" else config.nlp_model).name


def _stale(read: Reader, pipeline: str) -> int:
    """How many transcripts another pipeline indexed (`sdi reindex` would index them again)."""
    return int(read("SELECT count(*) FROM documents WHERE pipeline != :name", name=pipeline)[0][0] or 0)


_STAGES = (
    "SELECT g.name, g.site, g.category, s.number, s.date, d.id, d.source_path, d.word_count "
    "FROM focus_groups g JOIN stages s ON s.group_id = g.id LEFT OUTER JOIN documents d ON d.stage_id = s.id "
    "ORDER BY g.site, g.category, g.name, s.number"
)
_SPEAKERS = (
    "SELECT document_id, count(DISTINCT speaker) FROM utterances "
    "WHERE is_moderator = false AND speaker != '' GROUP BY document_id"
)
_TURNS = 'SELECT document_id, count(*), sum("end" - start) FROM utterances GROUP BY document_id'
_CODINGS = (
    'SELECT c.document_id, c.start, c."end", c.code_id, k.group_id, c.status '
    "FROM codings c JOIN codes k ON k.id = c.code_id"
)


def _date(value: object) -> dt.date | None:
    """A stage's date as the engine returns it (a date, or SQLite's ISO text read without SQLAlchemy)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _fill(read: Reader, status: ProjectStatus) -> ProjectStatus:
    """`status` with its rows and totals, read with plain SQL (the same on every engine and path)."""
    stages = read(_STAGES)
    speakers = {document: count for document, count in read(_SPEAKERS)}
    turns: dict[int, int] = {}
    speech: dict[int, int] = {}
    for document, count, length in read(_TURNS):
        turns[document], speech[document] = count, length or 0
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    codes_in: dict[int, set[int]] = defaultdict(set)
    groups_in: dict[int, set[int]] = defaultdict(set)
    concept_of_group = {group: concept for group, concept in read("SELECT group_id, id FROM concepts")}
    for document_id, start, end, code_id, group_id, coding_status in read(_CODINGS):
        status.codings += 1
        if coding_status in FLAGGED:
            status.flagged_codings += 1
        if end > start:
            spans[document_id].append((start, end))
        codes_in[document_id].add(code_id)
        if group_id is not None:
            groups_in[document_id].add(group_id)
    for name, site, category, number, date, document_id, source_path, words in stages:
        row = StageStatus(name, site, category, number, _date(date), source_path, document_id)
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
    (codes, ungrouped), (groups,) = (
        read("SELECT count(*), count(*) - count(group_id) FROM codes")[0],
        read("SELECT count(*) FROM code_groups")[0],
    )
    status.codes, status.ungrouped_codes, status.code_groups = int(codes), int(ungrouped or 0), int(groups)
    status.concepts = len(concept_of_group)
    return status
