"""Dunning's log-likelihood against values worked out by hand, and the keyword list built on it."""

from __future__ import annotations

import math

import pytest

from sdi.nlp.keywords import content_word, keywords, log_likelihood


def test_g2_matches_a_hand_computed_table() -> None:
    # A word seen 10 times in a slice of 100 words and 20 times in the other 1,000 words.
    # Expected counts under equal use: E1 = 100 · 30 / 1100 = 2.7273, E2 = 1000 · 30 / 1100 = 27.2727.
    # G² = 2 · (10 · ln(10 / 2.7273) + 20 · ln(20 / 27.2727)) = 2 · (12.9928 − 6.2031) = 13.5795
    assert log_likelihood(10, 20, 100, 1000) == pytest.approx(13.5795, abs=1e-4)
    # The same word seen from the rest's side is under-used there: same size, negative sign.
    assert log_likelihood(20, 10, 1000, 100) == pytest.approx(-13.5795, abs=1e-4)


def test_g2_of_a_word_only_one_side_uses() -> None:
    # 3 in 50 words, 0 in the other 50: E1 = E2 = 1.5, G² = 2 · 3 · ln(3 / 1.5) = 6 ln 2.
    assert log_likelihood(3, 0, 50, 50) == pytest.approx(6 * math.log(2))
    assert log_likelihood(0, 0, 50, 50) == 0.0
    assert log_likelihood(5, 5, 50, 50) == pytest.approx(0.0)


def test_keywords_are_over_used_content_words_above_the_thresholds() -> None:
    counts = {
        "Barnehage": {"stafettlogg": 12, "og": 40, "foreldre": 6, "skole": 1, "eh": 15, "2025": 9, "x": 9},
        "Skole": {"stafettlogg": 1, "og": 40, "foreldre": 6, "skole": 14, "eh": 1, "elev": 4},
    }
    stop = {"og", "eh"}.__contains__
    found = keywords(counts, stop=stop, min_count=5, min_g2=3.84)
    assert [k.lemma for k in found["Barnehage"]] == [
        "stafettlogg"
    ]  # not og/eh (stop), 2025/x, foreldre (even)
    best = found["Barnehage"][0]
    words, rest_words = sum(counts["Barnehage"].values()), sum(counts["Skole"].values())
    assert best.g2 == pytest.approx(log_likelihood(12, 1, words, rest_words))
    assert (best.count, best.rest) == (12, 1)
    assert best.per_thousand == pytest.approx(1000 * 12 / words)
    assert [k.lemma for k in found["Skole"]] == ["skole"]  # elev: below the minimum count
    assert [k.lemma for k in keywords(counts, stop=stop, min_count=4, min_g2=3.84)["Skole"]] == [
        "skole",
        "elev",
    ]
    assert keywords(counts, stop=stop, top=1, min_count=1, min_g2=0.0)["Barnehage"][0].lemma == "stafettlogg"


def test_content_words() -> None:
    never = lambda lemma: False  # noqa: E731
    assert content_word("e-post", never) and content_word("åsmark", never)
    assert not content_word("2025", never) and not content_word("x", never) and not content_word("§", never)
