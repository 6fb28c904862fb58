"""Lemma search and fuzzy quote retrieval over the engine's own full-text index (SQLite FTS5 / PostgreSQL)."""

from __future__ import annotations

import pytest

from sdi.nlp.similarity import SAME_AT
from sdi.workflow.corpus_import import import_paths
from sdi.workflow.errors import WorkflowError
from sdi.workflow.project import Project
from sdi.workflow.quote_finder import find_quote
from sdi.workflow.search import parse_query, reindex_missing, search
from tests.conftest import transcript_md, write

STAGE_1 = """\
Moderator: Hvordan er samarbeidet mellom barnehagen og skolen?

P1: Barnehagene sender stafettloggen til skolen, men ingen visste hvem som hadde stafettpinnen.

P2: I barnehager flest er det sånn, altså. Vi venter for lenge før vi ringer foreldrene.

P1: Det er for mye papir. Permen står i hylla, fôret til kaninen står ved siden av.

P2: Før i tida var det bedre, da snakket vi med helsesøster hver uke.
"""


@pytest.fixture
def indexed(project: Project) -> Project:
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, STAGE_1))
    import_paths(project, [])
    return project


def lines(project: Project, query: str) -> list[int]:
    return sorted(h.line for h in search(project, query).hits)


def test_lemma_search_finds_inflected_forms(indexed: Project) -> None:
    result = search(indexed, "barnehage")
    assert len(result.hits) == 3  # barnehagen (moderator), barnehagene, barnehager
    texts = {h.text[s:e] for h in result.hits for s, e in h.spans}
    assert texts == {"barnehagen", "Barnehagene", "barnehager"}
    first = result.hits[0]
    assert first.source_path == "corpus/bh-1.md" and first.group == "Barnehage Fjordvik" and first.stage == 1
    assert "[" in first.kwic() and "]" in first.kwic()


def test_phrase_exclusion_and_prefix(indexed: Project) -> None:
    assert len(search(indexed, '"ringe foreldre"').hits) == 1  # «ringer foreldrene»
    assert len(search(indexed, "barnehage -stafettlogg").hits) == 2
    prefix = search(indexed, "stafett*")
    assert len(prefix.hits) == 1
    assert {prefix.hits[0].text[s:e] for s, e in prefix.hits[0].spans} == {"stafettloggen", "stafettpinnen"}


def test_diacritics_are_kept_apart(indexed: Project) -> None:
    fodder = search(indexed, "fôr*").hits
    assert [h.text[s:e] for h in fodder for s, e in h.spans] == ["fôret"]  # not «for» or «før»
    before = search(indexed, "før*").hits
    assert sorted(h.text[s:e] for h in before for s, e in h.spans) == ["Før", "før"]


def test_stop_words_alone_are_not_a_search(indexed: Project) -> None:
    with pytest.raises(WorkflowError, match="at least one word"):
        search(indexed, "og det -barnehage")
    assert search(indexed, "det barnehage").ignored == ("det",)


def test_query_language() -> None:
    assert parse_query('barn "ringe hjem" -perm stafett* *') == [
        ("term", "barn", False),
        ("phrase", "ringe hjem", False),
        ("term", "perm", True),
        ("prefix", "stafett", False),
    ]


def test_fuzzy_retrieval_finds_a_half_remembered_quote(indexed: Project) -> None:
    found = find_quote(indexed, "noe om at ingen visste hvem som hadde stafettpinnen")
    assert found[0].sentence.endswith("ingen visste hvem som hadde stafettpinnen.")
    assert found[0].score >= SAME_AT
    assert {word for word, _, _ in found[0].shared} == {"vite", "stafettpinne"}
    assert found[0].turn.speaker == "P1" and found[0].turn.line > 0
    paraphrase = find_quote(indexed, "vi ventet altfor lenge med å ringe til foreldrene")
    assert "Vi venter for lenge før vi ringer foreldrene." in paraphrase[0].sentence


def test_reimport_keeps_the_index_in_step(indexed: Project) -> None:
    path = indexed.root / "corpus/bh-1.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Permen står i hylla", "Mappa står i hylla"),
                    encoding="utf-8")  # fmt: skip
    import_paths(indexed, [])
    assert search(indexed, "mappe").hits
    with pytest.raises(WorkflowError):
        search(indexed, "-x")
    assert not [h for h in search(indexed, "perm").hits]
    assert reindex_missing(indexed) == 0


def test_a_turn_longer_than_any_spoken_one_is_indexed_by_the_lookup_rules(project: Project) -> None:
    """A pasted document as one turn is not given to the model (seconds of work for nothing a search
    needs); its words are found all the same, and the ordinary turns keep the model's lemmas."""
    from sdi.nlp.pipeline import OFFLINE_NAME
    from sdi.storage.search_index import turn_lemmas
    from sdi.workflow.search import LONG_TURN, index_pipeline

    sentence = "Landet er stort, sa stafettholderen. "
    times = LONG_TURN // len(sentence) + 10
    body = f"Moderator: Hva skjedde?\n\nP1: {sentence * times}\n\nP2: {sentence}\n"
    write(project.root, "corpus/bh-1.md", transcript_md("Barnehage Fjordvik", 1, body))
    import_paths(project, [])
    assert index_pipeline(project).info.name != OFFLINE_NAME  # the project indexes with a model
    with project.store.reading() as session:
        lemmas = sorted(turn_lemmas(session).values(), key=len)
    assert lemmas[-1].startswith("lande være stor")  # the long turn: the lookup rule reads a verb
    assert "land være stor si stafettholder" in lemmas  # P2's turn: the model's part of speech chose the noun
    hits = search(project, "stafettholder").hits
    assert {h.speaker for h in hits} == {"P1", "P2"}
    assert {len(h.spans) for h in hits if h.speaker == "P1"} == {times}
    assert {h.speaker for h in search(project, "land").hits} == {"P1", "P2"}
