"""Tidying a model's entities: a sentence-initial common word the model did not tag as a proper noun is
not part of a name, and a one-character entity is no name."""

from __future__ import annotations

from sdi.nlp.entity_cleanup import trimmed


def is_common(word: str) -> bool:
    return word.lower() in {"leste", "dødssyke", "per", "dommer"}


def test_a_leading_common_word_at_a_sentence_start_goes() -> None:
    words = [("Leste", True, "VERB"), ("Karl", False, "PROPN"), ("Marx", False, "PROPN")]
    assert trimmed(words, is_common) == (1, 2)
    assert trimmed([("Dommer", True, "NOUN"), ("Finn", False, "PROPN")], is_common) == (1, 1)


def test_a_name_that_is_also_a_common_word_stays() -> None:
    assert trimmed([("Per", True, "PROPN"), ("Olav", False, "PROPN")], is_common) == (0, 2)
    assert trimmed([("Leste", False, "VERB"), ("Marx", False, "PROPN")], is_common) == (0, 2)  # mid-sentence
    assert trimmed([("Dødssyke", True, "ADJ")], is_common) == (0, 1)  # never the whole entity


def test_one_character_is_no_name() -> None:
    assert trimmed([("B", False, "PROPN")], is_common) is None
    assert trimmed([("Ås", False, "PROPN")], is_common) == (0, 1)
