"""The similarity engine's parts, without a project: how statements are read, how words relate, and how the
score is made (function words, negation, compounds, synonyms, ties) — over real Norwegian lemmatised by the
lookup lemmatiser. The calibration on the demo project is tests/workflow/test_similarity_set.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.nlp.similarity import SAME_AT, SimilarityEngine, SimilarityIndex, TermWeights, engine
from sdi.nlp.word_relations import Vocabulary


@pytest.fixture(scope="module")
def sim(lemma_cache: Path) -> SimilarityEngine:
    return engine(TermWeights(), str(lemma_cache))


def test_reading_keeps_content_and_polarity(sim: SimilarityEngine) -> None:
    read = sim.read("Foreldrene ringer ikkje tilbake, og eg veit ikke kvifor")
    assert read.content == ("forelder", "ringe", "tilbake", "vite")
    assert read.negated
    assert not sim.read("Foreldrene ringer tilbake").negated
    assert sim.read("Loggene er uoppdaterte").negated  # the prefix u- negates an unknown word
    assert "oppdatere" in sim.read("Loggene er uoppdaterte").content or "oppdatert" in sim.read(
        "Loggene er uoppdaterte"
    ).content
    assert sim.read("helt sikker, én gang").content == ("sikker", "gang")  # `helt` no form of `hele`; `én`


def test_compounds_split_on_known_words(sim: SimilarityEngine) -> None:
    parts = sim.relations.parts
    assert parts("stafettpinne") == ("stafett", "pinne")
    assert parts("undringssamtale") == ("undring", "samtale")  # linking -s-
    assert parts("ppt-rådgiver") == ("ppt", "rådgiver")
    assert parts("forelder") is None  # `for` is too short to be a first part
    assert parts("kjærlighet") is None  # `-het` is an ending, not a head


def test_words_relate_by_synonym_compound_stem_and_spelling(sim: SimilarityEngine) -> None:
    vocabulary = Vocabulary(sim.relations)
    vocabulary.add(["skjønne", "stafettholder", "logg", "redde", "sikre", "melde", "barnehage"])
    assert vocabulary.related("forstå")["skjønne"].kind == "synonym"
    assert vocabulary.related("stafettpinne")["stafettholder"].kind == "shared-modifier"
    assert vocabulary.related("stafettlogg")["logg"].kind == "head"
    assert vocabulary.related("redd")["redde"].kind == "stem"
    assert vocabulary.related("sikker")["sikre"].kind == "stem"
    assert vocabulary.related("melding")["melde"].kind == "stem"
    assert vocabulary.related("barnehgae")["barnehage"].kind == "typo"
    assert vocabulary.related("barnehgae")["barnehage"].strength < 0.5  # a weak signal only
    assert "barnehage" not in vocabulary.related("barnevern")  # sharing `barn-` is no relation


def test_identical_statements_score_100_and_inflection_does_not_matter(sim: SimilarityEngine) -> None:
    assert sim.compare("Forelder ringe ikke tilbake", "Forelder ringe ikke tilbake").score == 100.0
    assert sim.compare("foreldrene ringer ikke tilbake", "Forelder ringe ikke tilbake").score == 100.0


def test_one_shared_word_is_far_from_the_same(sim: SimilarityEngine) -> None:
    # The case: WRatio called these 85.5 alike.
    found = sim.compare("forelder ringe ikke tilbake",
                        "pedagogisk leder vente med å ringe hjem til hun være helt sikker")  # fmt: skip
    assert found.score < SAME_AT / 2
    assert found.shared == (("ringe", "ringe", "same"),)


def test_negation_lowers_the_score(sim: SimilarityEngine) -> None:
    yes = sim.compare("Foreldrene ringer tilbake", "Foreldrene ringer tilbake etter møtet")
    no = sim.compare("Foreldrene ringer ikke tilbake", "Foreldrene ringer tilbake etter møtet")
    assert no.score < yes.score


def test_a_query_of_function_words_counts_them_but_matches_no_content(sim: SimilarityEngine) -> None:
    unrelated = sim.compare("det er jo sånn at vi", "Ansatte skriver det samme i flere systemer")
    assert unrelated.score < SAME_AT / 2
    assert sim.compare("det er sånn det er", "Det er sånn det er.").score == 100.0  # remembered word for word
    assert sim.compare("det er sånn det er", "Det er sånn det er med stafettloggen.").score < 100


def test_word_order_is_a_small_bonus(sim: SimilarityEngine) -> None:
    same_order = sim.compare("foreldrene ringer ikke tilbake", "foreldrene ringer ikke tilbake")
    moved = sim.compare("foreldrene ringer ikke tilbake", "tilbake ringer foreldrene ikke")
    assert moved.score < same_order.score
    assert moved.score >= 85


def test_rare_words_weigh_more_than_common_ones() -> None:
    weights = TermWeights(1000, {"forelder": 400, "stafettlogg": 3, "aldri": 0})
    assert weights("stafettlogg") > weights("forelder")
    assert weights("aldri") == 1.0  # looked up, never used: as rare as it gets
    assert weights("ukjent") == TermWeights()("ukjent")  # not looked up: the default


def test_ranking_ties_are_broken_by_shared_rare_words_not_by_order(lemma_cache: Path) -> None:
    weights = TermWeights(1000, {"forelder": 400, "stafettlogg": 3, "ringe": 100, "lese": 100})
    sim = engine(weights, str(lemma_cache))
    codes = ["Foreldre leser", "Stafettlogg leses"]  # one shared word each, same length
    ranked = SimilarityIndex(sim, codes).rank("foreldre og stafettlogg leses", limit=2)
    assert [codes[i] for i, _ in ranked] == ["Stafettlogg leses", "Foreldre leser"]
    ranked = SimilarityIndex(sim, codes[::-1]).rank("foreldre og stafettlogg leses", limit=2)
    assert [codes[::-1][i] for i, _ in ranked] == ["Stafettlogg leses", "Foreldre leser"]


def test_the_index_scores_only_statements_with_a_related_word(sim: SimilarityEngine) -> None:
    filler = [f"Ansatte snakker om tema nummer {n} i møtet" for n in range(400)]
    codes = [*filler, "Forelder ringe ikke tilbake", "Rektor svarer aldri på e-post"]
    index = SimilarityIndex(sim, codes)
    ranked = index.rank("foreldrene ringer ikke tilbake", limit=3)
    assert codes[ranked[0][0]] == "Forelder ringe ikke tilbake"
    assert len(ranked) == 1  # nothing else shares a word with it
    assert index.rank("") == []
