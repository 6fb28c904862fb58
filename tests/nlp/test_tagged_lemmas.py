"""The model's part of speech choosing between the lookup table's readings, with the model's own lemma
where the table has none — over a small readings table we write, and the real one."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.nlp.pos_readings import Readings, encode, read_or_build
from sdi.nlp.tagged_lemmas import candidates, tagged_lemma

SMALL = Readings(
    {
        "landet": encode({"n": ["land"], "v": ["lande"], "a": ["lande"]}),
        "land": encode({"n": ["land"]}),
        "lande": encode({"v": ["lande"]}),
        "saken": encode({"n": ["sake"]}),  # the packaged data lost `sak` here
        "sak": encode({"n": ["sak"]}),
        "sake": encode({"n": ["sake"]}),
        "nytt": encode({"a": ["nyte"]}),  # a slip in the data
        "ny": encode({"a": ["ny"]}),
        "barnehagelærerne": encode({"n": ["barnehagelærer"]}),
    }
)


def test_the_part_of_speech_chooses_the_reading() -> None:
    assert tagged_lemma("landet", "NOUN", "lande", SMALL) == "land"
    assert tagged_lemma("landet", "VERB", "land", SMALL) == "lande"
    assert tagged_lemma("Landet", "NOUN", "", SMALL) == "land"  # a capital at a sentence start


def test_the_models_lemma_stays_when_the_table_lists_it_or_knows_it_as_a_lemma() -> None:
    assert tagged_lemma("landet", "NOUN", "land", SMALL) == "land"
    assert tagged_lemma("nytt", "ADJ", "ny", SMALL) == "ny"  # `ny` is an adjective lemma of its own


def test_a_misspelt_model_lemma_gives_way_to_the_table() -> None:
    assert tagged_lemma("barnehagelærerne", "NOUN", "barnehagelærern", SMALL) == "barnehagelærer"


def test_regular_noun_readings_the_data_lost_come_back() -> None:
    assert candidates(SMALL, "saken", "NOUN") == ("sake", "sak")
    assert tagged_lemma("saken", "NOUN", "sak", SMALL) == "sak"


def test_without_a_table_reading_the_model_decides_and_without_either_nobody_does() -> None:
    assert tagged_lemma("stafettloggen", "NOUN", "stafettlogg", SMALL) == "stafettlogg"
    assert tagged_lemma("stafettloggen", "NOUN", "", SMALL) is None  # the lookup lemmatiser's turn
    assert tagged_lemma("Kari", "PROPN", "Kari", SMALL) == "Kari"
    assert tagged_lemma("ham", "PRON", "han", SMALL) == "han"  # closed classes: the model's lemma


def test_dialect_forms_take_their_bokmal_lemma() -> None:
    assert tagged_lemma("ikkje", "ADV", "ikkje", SMALL) == "ikke"
    assert tagged_lemma("eg", "PRON", "eg", SMALL) == "jeg"


@pytest.fixture(scope="module")
def real(lemma_cache: Path) -> Readings:
    return read_or_build(lemma_cache)


def test_the_real_table_keeps_every_reading_by_part_of_speech(real: Readings) -> None:
    assert real.get("landet", "NOUN") == ("land",) and real.get("landet", "VERB") == ("lande",)
    assert real.get("livet", "NOUN") == ("liv",)
    assert real.get("får", "VERB") == ("få",) and real.get("får", "NOUN") == ("får",)
    assert real.get("norske", "ADJ") == ("norsk",)
    assert real.get("ukjentord", "NOUN") == ()
    assert real.get("landet", "PRON") == ()
    assert tagged_lemma("livet", "NOUN", "livet", real) == "liv"  # the model unsure, the table knows


def test_an_unknown_compound_noun_takes_the_lookup_rule_over_a_made_up_model_lemma() -> None:
    def guess(lower: str) -> str | None:
        return {"stafettholder": "stafettholder", "stafettholderen": "stafettholder"}.get(lower)

    assert tagged_lemma("stafettholder", "NOUN", "stafettholde", SMALL, guess) == "stafettholder"
    assert tagged_lemma("stafettholderen", "NOUN", "stafettholder", SMALL, guess) == "stafettholder"
    assert tagged_lemma("landet", "NOUN", "lande", SMALL, guess) == "land"  # the table first
    assert tagged_lemma("stafettholder", "VERB", "stafettholde", SMALL, guess) == "stafettholde"
