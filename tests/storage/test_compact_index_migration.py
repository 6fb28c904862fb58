"""Revision 20261123_0004 (compact search index): a project indexed at head goes down to the old layout and
back up, and every search, fuzzy retrieval and re-import answers as before; the spans encoding round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from sdi.storage.migrate import alembic_config, upgrade
from sdi.storage.models.search import decode_spans, encode_spans
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project, open_project
from sdi.workflow.quote_finder import find_quote
from sdi.workflow.search import search
from tests.conftest import transcript_md, write
from tests.workflow.test_search import STAGE_1

QUERIES = ("barnehage", "stafett*", "barnehagen*", '"ringe foreldre"', "papir -perm", "fôr", "helsesøster")


def _answers(project: Project) -> dict[str, object]:
    found: dict[str, object] = {
        q: sorted((h.utterance_id, h.spans) for h in search(project, q).hits) for q in QUERIES
    }
    found["fuzzy"] = [
        (m.sentence, m.start, m.end) for m in find_quote(project, "ingen visste hvem som hadde")
    ]
    return found


@pytest.mark.parametrize(
    "spans",
    [[], [[0, 5]], [[3, 9], [10, 40], [40, 41]], [[4, 9, "PER"], [12, 20, "GPE_LOC"]], [[5, 9], [2, 3]],
     [[0, 4, "has space"]]],
)  # fmt: skip
def test_spans_encoding_round_trips(spans: list[list[object]]) -> None:
    encoded = encode_spans(spans)
    assert decode_spans(encoded) == spans
    assert len(encoded) <= len(json.dumps(spans))


def test_compact_index_survives_down_and_up(project: Project, project_dir: Path, database_url: str) -> None:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, STAGE_1))
    import_paths(project, [])
    before = _answers(project)
    assert before["stafett*"] and before["fuzzy"]
    assert before["barnehagen*"] or database_url  # a word form after its lemma (PostgreSQL stems forms)
    engine = project.store.engine
    project.close()

    cfg = alembic_config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "20261123_0003")
    columns = {c["name"] for c in inspect(engine).get_columns("utterance_index")}
    assert {"lemmas", "pipeline", "document_id"} <= columns
    with engine.connect() as connection:
        lemmas, sentences = connection.execute(
            text("SELECT lemmas, sentences FROM utterance_index ORDER BY utterance_id LIMIT 1 OFFSET 1")
        ).one()
    assert "stafettlogg" in lemmas.split()  # SQLite: read back from the FTS5 index; PostgreSQL: kept
    assert isinstance(sentences, list) or json.loads(sentences)

    upgrade(engine, project_dir / ".sdi" / "backups")
    engine.dispose()
    columns = {c["name"] for c in inspect(engine).get_columns("utterance_index")}
    # PostgreSQL keeps `search` and the lemmas beside it (a tsvector mixes stems with the lemmas)
    assert columns - {"search", "lemmas"} == {"utterance_id", "sentences", "entities"}
    assert ("lemmas" in columns) == bool(database_url)
    reopened = open_project(project_dir, coder="tester", exact=True)
    try:
        assert _answers(reopened) == before
        path = reopened.root / "corpus/bh-1.md"
        path.write_text(path.read_text(encoding="utf-8").replace("Permen", "Mappa"), encoding="utf-8")
        import_paths(reopened, [])
        assert search(reopened, "mappe").hits and not search(reopened, "perm").hits
        assert len(search(reopened, "barnehage").hits) == len(before["barnehage"])  # type: ignore[arg-type]
    finally:
        reopened.close()


def test_stored_lemmas_only_in_the_index(project: Project) -> None:
    """The store keeps spans and the pipeline name once per transcript; no lemma text outside the index."""
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, STAGE_1))
    import_paths(project, [])
    with project.store.engine.connect() as connection:
        pipelines = connection.execute(text("SELECT pipeline FROM documents")).scalars().all()
        sentences = connection.execute(text("SELECT sentences FROM utterance_index")).scalars().all()
    assert pipelines and all(pipelines)
    assert all(not s.startswith("[") for s in sentences if s)
