"""A search hit's passage (the sentence around its first match) and the codings already on it."""

from __future__ import annotations

import pytest

from sdi.workflow.code import code_span
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.passage import hit_passage, passage
from sdi.workflow.project import Project
from sdi.workflow.quote_finder import find_quote
from sdi.workflow.search import search
from tests.conftest import transcript_md, write

BODY = """\
Moderator: Hva med stafettloggen?

P1: Vi ringer foreldrene først. Stafettloggen ligger i en perm på kontoret. Ingen leser den.
"""


@pytest.fixture
def indexed(project: Project) -> Project:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, BODY))
    assert not import_paths(project, []).failed
    return project


def test_the_passage_is_the_sentence_of_the_first_match(indexed: Project) -> None:
    (hit,) = [h for h in search(indexed, "perm").hits]
    found = hit_passage(indexed, hit)
    assert found.text == "Stafettloggen ligger i en perm på kontoret."
    assert found.codings == ()
    fuzzy = find_quote(indexed, "ingen leser den", limit=1)[0]
    assert hit_passage(indexed, fuzzy.turn).text == "Ingen leser den."


def test_codings_on_the_passage_most_covering_first(indexed: Project) -> None:
    hit = search(indexed, "perm").hits[0]
    found = hit_passage(indexed, hit)
    _, small = code_span(indexed, hit.document_id, found.start, found.start + 13, statement="Loggen")
    _, whole = code_span(indexed, hit.document_id, found.start - 5, found.end, statement="Loggen i permen")
    code_span(indexed, hit.document_id, found.end + 1, found.end + 10, statement="Ingen leser")  # after it
    again = passage(indexed, hit.document_id, found.start, found.end)
    assert again.codings == ((whole, "Loggen i permen"), (small, "Loggen"))
