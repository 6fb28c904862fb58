"""A search finds, orders, counts and marks exactly what the plain definition says, however the warm path
gets there (one statement for the page, its turns and the count; marked words found without a Python step
per word): the hits (ties in turn order), their scores, the marked words, the context lines and the total
equal those of the index's own query (`search_index.match`, `count_matches`), the turn rows read apart and
each hit's words read one by one (`WordReadings.words`), on both engines."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sdi.nlp.word_readings import word_readings
from sdi.storage.search_index import count_matches, match
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.project import Project, open_project
from sdi.workflow.search import SearchResult, TurnHit, index_tagged, search, turn_rows
from tests.conftest import fjordvik_lookup_site

QUERIES = ["barnehage", "stafettlogg", "foreldre", '"ringe hjem"', "bekymring", "stafett*", "ppt -barnevern",
           "Barnevernet", "samarbeid", '"tidlig innsats"', "landet", "skole -barnehage", "tolk", "perm",
           "helsesykepleier", "ppt*", "Kari", "møte", "barn"]  # fmt: skip


def marked_by_definition(text: str, wanted: frozenset[str], prefixes: tuple[str, ...], tagged: bool) -> tuple:
    """Every word of `text`, read one by one, whose readings meet `wanted` or that begins with a prefix."""
    return tuple(
        (start, end)
        for start, end, readings in word_readings(tagged).words(text)
        if readings & wanted or (prefixes and text[start:end].lower().startswith(prefixes))
    )


def search_by_definition(project: Project, found: SearchResult, limit: int) -> tuple[list[TurnHit], int]:
    """The page `found`'s clauses give through the index's own query, each hit marked word by word."""
    tagged = index_tagged(project.config)
    clauses = list(found.clauses)
    stop = word_readings(tagged).stop
    asked = [c for c in clauses if not c.negated and c.kind != "prefix"]
    wanted = frozenset(w for c in asked for choice in c.alternatives() for w in choice if w not in stop)
    prefixes = tuple(c.words[0] for c in clauses if not c.negated and c.kind == "prefix")
    with project.store.reading() as session:
        scored = dict(match(session, clauses, limit))
        total = len(scored) if len(scored) < limit else count_matches(session, clauses)
        turns = turn_rows(session, list(scored))
    hits = [TurnHit(*turn, marked_by_definition(turn[8], wanted, prefixes, tagged), scored[turn[0]])
            for turn in turns]  # fmt: skip
    hits.sort(key=lambda hit: -hit.score)
    return hits, total


def _same(project: Project) -> int:
    compared = 0
    for query in QUERIES:
        for limit in (1, 3, 7, 50):
            found = search(project, query, limit)
            hits, total = search_by_definition(project, found, limit)
            assert [h.utterance_id for h in found.hits] == [h.utterance_id for h in hits], (query, limit)
            assert list(found.hits) == hits, (query, limit)
            assert [h.kwic() for h in found.hits] == [h.kwic() for h in hits], (query, limit)
            assert found.total == total, (query, limit)
            compared += sum(len(h.spans) for h in hits)
    return compared


def test_a_search_is_what_its_definition_says_on_the_demo(demo_analysis: Path) -> None:
    project = open_project(demo_analysis, coder="tester", exact=True)
    try:
        assert _same(project) > 500
        tied = search(project, "barnehage", 50).hits  # the demo has ties: kept in turn order
        assert any(a.score == b.score and a.utterance_id < b.utterance_id for a, b in pairwise(tied))
    finally:
        project.close()


def test_the_same_on_both_engines_with_a_lookup_index(tmp_path: Path, database_url: str) -> None:
    root = fjordvik_lookup_site(tmp_path / "second", database_url)
    project = open_project(root, coder="tester", exact=True)
    try:
        assert not import_paths(project, []).failed
        assert _same(project) > 100
    finally:
        project.close()


PIECES = ["barnehage", "Barnehagen", "barnehagene", "PPT-tjenesten", "ppt", "stafett-loggen", "Stafettloggen",
          "foreldre", "Foreldrene", "Landet", "landet", "Kari", "tolk", "x", "1", "_", "-", "--", "'", "’",
          " ", "  ", ". ", "? ", "! ", ": ", "«", "»", "\n", "…", "é", "Å", "ø"]  # fmt: skip
WANTED = [frozenset({"barnehage"}), frozenset({"land", "lande", "tolk"}), frozenset({"forelder", "foreldre"}),
          frozenset({"kari"}), frozenset()]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.sampled_from(WANTED),
    st.sampled_from([(), ("stafett",), ("ppt", "barn")]),
    st.booleans(),
)
def test_the_marked_words_are_those_read_one_by_one(
    text: str, wanted: frozenset[str], prefixes: tuple[str, ...], tagged: bool
) -> None:
    marker = word_readings(tagged).marker(wanted, prefixes)
    assert marker.spans(text) == marked_by_definition(text, wanted, prefixes, tagged)
    assert marker.spans(text) == marked_by_definition(text, wanted, prefixes, tagged)  # decided, then reused


def test_the_marks_stay_right_when_the_met_words_are_let_go(monkeypatch: pytest.MonkeyPatch) -> None:
    from sdi.nlp import word_readings as module
    from sdi.nlp.lemmatizer import lemmatizer
    from sdi.nlp.stopwords import stop_words

    monkeypatch.setattr(module, "MEMO_LIMIT", 6)  # the index of met words is let go every few texts
    readings = module.WordReadings(lemmatizer(), None, stop_words())
    barnehage, prefix = (
        readings.marker(frozenset({"barnehage"}), ()),
        readings.marker(frozenset(), ("stafett",)),
    )
    texts = [
        "Barnehagen ringte. Stafettloggen lå i barnehagen.",
        "Vi, i barnehagene, og stafett-loggen her",
        "barnehage barnehage-tilbud Barnehage",
        "Ingen ting her i det hele tatt, bare ord og ord",
    ] * 3
    generations = set()
    for text in texts:
        for marker, wanted, prefixes in (
            (barnehage, frozenset({"barnehage"}), ()),
            (prefix, frozenset(), ("stafett",)),
        ):
            expected = tuple(
                (s, e)
                for s, e, found in readings.words(text)
                if found & wanted or (prefixes and text[s:e].lower().startswith(prefixes))
            )
            assert marker.spans(text) == expected, text
        generations.add(readings.met.generation)
    assert len(generations) > 3 and barnehage.spans(texts[0]) and prefix.spans(texts[1])
