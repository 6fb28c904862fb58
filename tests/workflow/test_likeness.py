"""The similarity engine's word weights come from the project's own full-text index, on both engines: how
many turns use each word (document frequency), read in one query for a few words or many."""

from __future__ import annotations

import pytest

from sdi.storage.search_index import POSTGRES_TERMS_BY_FILTER, term_document_counts
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.likeness import MIN_TURNS, explain, project_weights
from sdi.workflow.project import Project
from tests.conftest import transcript_md, write

TURNS = [
    "P1: Barnehagen sender stafettloggen til skolen.",
    "P2: Barnehagene ringer foreldrene.",
    "P1: Foreldrene ringer ikke tilbake.",
    "P2: Vi ringer helsesykepleier.",
]


@pytest.fixture
def turns(project: Project) -> Project:
    body = "Moderator: Fortell.\n\n" + "\n\n".join(TURNS * 15) + "\n"
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, body))
    import_paths(project, [])
    return project


def test_document_frequency_of_lemmas_and_forms(turns: Project) -> None:
    with turns.store.reading() as session:
        total, counts = term_document_counts(session, ["barnehage", "ringe", "stafettlogg", "kaninfôr"])
    assert total == 61  # 60 informant turns and the moderator's
    assert counts == {"barnehage": 30, "ringe": 45, "stafettlogg": 15, "kaninfôr": 0}


def test_many_words_are_counted_alike_in_one_pass(turns: Project) -> None:
    words = ["barnehage", "ringe", "stafettlogg", "forelder", "helsesykepleier", "tilbake", "skole"]
    words += [f"ukjent{n}" for n in range(POSTGRES_TERMS_BY_FILTER)]  # beyond the per-word counts
    with turns.store.reading() as session:
        few = term_document_counts(session, words[:5])[1]
        many = term_document_counts(session, words)[1]
    assert {w: many[w] for w in few} == few
    assert many["forelder"] == 30 and many["ukjent3"] == 0


def test_weights_rank_rare_words_above_common_ones(turns: Project) -> None:
    weights = project_weights(turns, ["ringe", "stafettlogg", "ppt-rådgiver"])
    assert weights.documents == 61 > MIN_TURNS
    assert weights("stafettlogg") > weights("ringe")
    assert weights("ppt-rådgiver") == 1.0  # a compound no turn has: its rarest part counts


def test_a_young_project_weighs_every_word_alike(project: Project) -> None:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, "\n\n".join(TURNS) + "\n"))
    import_paths(project, [])
    weights = project_weights(project, ["ringe", "stafettlogg"])
    assert weights("ringe") == weights("stafettlogg")


def test_why_two_statements_matched_is_said_in_the_projects_language() -> None:
    shared = (("ringe", "ringe", "same"), ("forstå", "skjønne", "synonym"))
    assert explain(shared) == "felles: ringe, forstå ≈ skjønne (synonym)"
    assert explain(shared, "en") == "shared: ringe, forstå ≈ skjønne (synonym)"
    assert explain(()) == "ingen felles innholdsord"
