"""Stop words for spoken Norwegian."""

from __future__ import annotations

from sdi.nlp.stopwords import is_stop, stop_words


def test_spacy_list_plus_speech() -> None:
    words = stop_words()
    assert {"og", "jeg", "ikke", "som"} <= words  # spaCy's nb list
    assert {"ikkje", "berre", "liksom", "sånn", "altså", "eh", "ehm", "mm", "jo", "da", "då", "eg", "ka",
            "heilt"} <= words


def test_study_themes_are_not_stop_words() -> None:
    assert not ({"saken", "kontakt", "tid", "folk"} & stop_words())


def test_lemma_counts_too() -> None:
    assert is_stop("Ikkje")
    assert is_stop("nokon", lemma="noen")
    assert not is_stop("barnehagen", lemma="barnehage")
