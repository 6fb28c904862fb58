"""The offline lemmatiser on real Norwegian: Bokmål inflection, speech and dialect, compounds, case."""

from __future__ import annotations

import pytest

from sdi.nlp.lemmatizer import Lemmatizer

INFLECTED = {
    "barnehage": "barnehagen barnehager barnehagene",
    "forelder": "foreldre foreldrene forelderen",
    "tjeneste": "tjenesten tjenester tjenestene",
    "bekymring": "bekymringen bekymringer bekymringene",
    "skole": "skolen skoler skolene",
    "lærer": "læreren lærere lærerne",
    "samarbeid": "samarbeidet",
    "sak": "saken saker sakene",
}
CASES = [(form, base) for base, forms in INFLECTED.items() for form in forms.split()]


@pytest.mark.parametrize(("form", "expected"), CASES)
def test_noun_inflections_give_the_base_form(lemma: Lemmatizer, form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [("får", "få"), ("ringte", "ringe"), ("snakket", "snakke"), ("visste", "vite"), ("skriver", "skrive"),
     ("går", "gå"), ("var", "være"), ("sa", "si")],
)
def test_verbs_prefer_the_common_reading(lemma: Lemmatizer, form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [("ikkje", "ikke"), ("eg", "jeg"), ("ka", "hva"), ("berre", "bare"), ("kjem", "komme"),
     ("heime", "hjemme"), ("òg", "også"), ("korleis", "hvordan"), ("mykje", "mye"), ("sjølv", "selv"),
     ("då", "da"), ("ho", "hun"), ("me", "vi"), ("dokker", "dere"), ("jenta", "jente"), ("boka", "bok"),
     ("mora", "mor"), ("skulen", "skole"), ("ungane", "unge")],
)
def test_spoken_and_dialect_forms_map_to_bokmal(lemma: Lemmatizer, form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [("stafettloggen", "stafettlogg"), ("stafettholderen", "stafettholder"),
     ("foreldresamtalene", "foreldresamtale"), ("barnehagelærerne", "barnehagelærer"),
     ("barnehagens", "barnehage"), ("stafettloggens", "stafettlogg"), ("PPT-tjenesten", "PPT-tjeneste")],
)
def test_compounds_and_genitives_use_the_head(lemma: Lemmatizer, form: str, expected: str) -> None:
    assert lemma(form) == expected


def test_capitals_follow_sentence_position(lemma: Lemmatizer) -> None:
    assert lemma("Barnehagen", sentence_start=True) == "barnehage"
    assert lemma("Stafettloggen", sentence_start=True) == "stafettlogg"
    assert lemma("Barnevernet", sentence_start=False) == "barnevern"  # inflected: a common noun
    assert lemma("Kari", sentence_start=False) == "Kari"  # unknown mid-sentence: a name
    assert lemma("Fjordvik", sentence_start=True) == "Fjordvik"  # unknown even lowercased
    assert lemma("Vi", sentence_start=False) == "vi"  # closed-class words are never names
    assert lemma("PPT", sentence_start=True) == "PPT"


def test_unknown_words_and_symbols_pass_through(lemma: Lemmatizer) -> None:
    assert lemma("xqzt") == "xqzt"
    assert lemma("3-4") == "3-4"
    assert lemma("…") == "…"
