"""The known-name matcher: every way a listed name can be written, with offsets into the text as written."""

from __future__ import annotations

import pytest

from sdi.nlp.known_names import KnownNames, fold, pseudonymise_path, words_of

KNOWN = KnownNames(["Kari Nordmann", "Åse", "Emil", "Lia skole"])


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Hei KARI NORDMANN!", "KARI NORDMANN"),
        ("hei kari nordmann.", "kari nordmann"),
        ("Ka\u00adri Nord\u00admann", "Ka\u00adri Nord\u00admann"),
        ("Ka\u200bri\u2060 Nordmann", "Ka\u200bri\u2060 Nordmann"),
        ("med Kari\n   Nordmann i går", "Kari\n   Nordmann"),
        ("Kari\u00a0Nordmann", "Kari\u00a0Nordmann"),
        ("A\u030ase kom", "A\u030ase"),
        ("ÅSE kom", "ÅSE"),
        ("på lia SKOLE", "lia SKOLE"),
    ],
)
def test_a_known_name_is_found_however_it_is_written(text: str, written: str) -> None:
    [match] = KNOWN.find(text)
    assert text[match.start : match.end] == written
    assert match.suffix_end == match.end


@pytest.mark.parametrize(
    ("text", "suffix"), [("Emils", "s"), ("EMILS", "S"), ("Emil's", "'s"), ("Emil’s", "’s")]
)
def test_genitives_are_part_of_the_match_and_kept_apart(text: str, suffix: str) -> None:
    [match] = KNOWN.find(text)
    assert (match.name, match.suffix(text)) == ("Emil", suffix)
    assert KNOWN.replace(f"{text} bil", {"Emil": "[barn]"}) == f"[barn]{suffix} bil"


@pytest.mark.parametrize("text", ["Emilie", "KariNordmann", "Kari Nordmannsen", "ase", "Lia skolen", "xEmil"])
def test_other_words_are_left_alone(text: str) -> None:
    assert KNOWN.find(text) == []


def test_loose_matching_reads_file_names() -> None:
    loose = KnownNames(["Kari Nordmann"], loose=True)
    for name in ("intervju-kari-nordmann.md", "intervju_KARI_NORDMANN_2.txt", "kari.nordmann.docx"):
        assert loose.find(name), name
    assert KnownNames(["Kari Nordmann"]).find("intervju-kari-nordmann.md") == []
    public = pseudonymise_path("corpus/fj/intervju-kari-nordmann.md", loose, {"Kari Nordmann": "[Person A]"})
    assert public == "corpus/fj/intervju-person-a.md"
    assert pseudonymise_path("corpus/kari_nordmann/bh-1.md", loose) == "corpus/navn/bh-1.md"


def test_fold_and_words() -> None:
    assert fold("KA\u00adRI A\u030aSE") == "kari åse"
    assert words_of(["Kari Nordmann", "Gunn-Elin"]) == {"kari", "nordmann", "gunn", "elin"}


def test_of_two_keys_alike_but_for_case_the_one_written_so_wins() -> None:
    matcher = KnownNames(["Åse", "ÅSE"])
    assert [m.name for m in matcher.find("Åse og ÅSE og åse")] == ["Åse", "ÅSE", "Åse"]


def test_a_one_word_name_that_is_an_ordinary_word_is_left_alone_in_lowercase() -> None:
    matcher = KnownNames(["Per", "Dag", "Kari", "Dag Solstad"])
    found = [m.name for m in matcher.find("Per kom en dag, to ganger per uke; PER og Dag. kari, dag solstad")]
    assert found == ["Per", "Per", "Dag", "Kari", "Dag Solstad"]
    assert [m.name for m in KnownNames(["Per"], common=None).find("per uke")] == ["Per"]
