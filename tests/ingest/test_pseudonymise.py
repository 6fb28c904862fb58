"""Pseudonymisation: no mapped name may survive into stored text, speakers or metadata."""

from __future__ import annotations

from pathlib import Path

from sdi.ingest.model import ParticipantInfo
from sdi.ingest.pseudonymise import Pseudonymiser

from .util import read, speakers, turn_texts, write


def test_whole_words_any_case_longest_first_genitive() -> None:
    pseudo = Pseudonymiser({"Emil": "[barn]", "Gunn Elin": "[helsesykepleier]", "Gunn": "[ansatt]"})
    assert pseudo.apply("Emils mor og Emil.") == "[barn]s mor og [barn]."
    assert pseudo.apply("Emilie og emil og EMIL og EmilX") == "Emilie og [barn] og [barn] og EmilX"
    assert pseudo.apply("GUNN ELINS kontor, gunn\nelin") == "[helsesykepleier]S kontor, [helsesykepleier]"
    assert pseudo.apply("Gunn Elin og Gunn") == "[helsesykepleier] og [ansatt]"
    assert pseudo.apply("Gunn  Elin\tsa") == "[helsesykepleier]\tsa"
    assert pseudo.apply("med Gunn\nElin") == "med [helsesykepleier]"
    assert pseudo.apply("Emil's bil") == "[barn]'s bil"
    assert pseudo.apply("(Emil)") == "([barn])"


def test_soft_hyphens_zero_width_and_decomposed_letters_do_not_hide_a_name() -> None:
    pseudo = Pseudonymiser({"Kari Nordmann": "[helsesykepleier]", "Åse": "[barn]"})
    for written in ("Ka\u00adri Nord\u00admann", "Kari\u200b Nord\u200dmann", "KA\u00adRI\nNORDMANN"):
        assert pseudo.apply(f"Hei {written}, og A\u030ase.") == "Hei [helsesykepleier], og [barn]."
    assert pseudo.spans("ja, ka\u00adri nordmanns") == [(4, 19, "[helsesykepleier]s")]


def test_empty_mapping_is_identity() -> None:
    assert Pseudonymiser({}).apply("Emil") == "Emil"
    assert Pseudonymiser({"  ": "x", "Same": "Same"}).mapping == {}


def test_participants_override_project_list() -> None:
    people = [ParticipantInfo("Kari", "Deltaker 1"), ParticipantInfo("FB1", "FB1")]
    pseudo = Pseudonymiser.build({"Kari": "X", "Ola": "Y"}, people)
    assert pseudo.mapping == {"Kari": "Deltaker 1", "Ola": "Y"}


def test_transcript_is_pseudonymised_everywhere(tmp_path: Path) -> None:
    text = """+++
title = "Samtale i Solbakken barnehage"
summary = "Kari og Gunn Elin snakket om Emils uke."
site = "Solbakken barnehage"
[[participants]]
label = "Kari"
pseudonym = "Deltaker 1"
role = "Lærer i Solbakken barnehage"
[[participants]]
label = "Moderator"
moderator = true
+++
Moderator: Hei Kari, hvordan var Emils uke i Solbakken barnehage?
Kari: Den var fin. Gunn
Elin sa at Emil lo (ler).
Ola: Og Kari var der.
"""
    pseudonyms = {
        "Emil": "[barn]",
        "Gunn Elin": "[helsesykepleier]",
        "Solbakken barnehage": "[barnehage]",
        "Ola": "FB9",
    }
    parsed = read(write(tmp_path / "t.md", text), pseudonyms=pseudonyms)
    for name in ("Kari", "Emil", "Gunn Elin", "Solbakken", "Ola"):
        assert name not in parsed.text
        assert name not in (parsed.meta.summary or "") + (parsed.meta.title or "")
        assert all(name not in (turn.speaker or "") for turn in parsed.turns)
    assert speakers(parsed) == ["Moderator", "Deltaker 1", "FB9"]
    assert turn_texts(parsed)[0] == "Hei Deltaker 1, hvordan var [barn]s uke i [barnehage]?"
    # "Gunn Elin" is wrapped across two source lines and still replaced.
    assert turn_texts(parsed)[1] == "Den var fin. [helsesykepleier] sa at [barn] lo (ler)."
    assert parsed.meta.summary == "Deltaker 1 og [helsesykepleier] snakket om [barn]s uke."
    assert parsed.meta.site == "Solbakken barnehage"  # an identifier, deliberately left as written
    kari = parsed.meta.participants[0]
    assert (kari.label, kari.pseudonym, kari.role) == ("Kari", "Deltaker 1", "Lærer i [barnehage]")
    ola = parsed.meta.participants[-1]
    assert (ola.label, ola.pseudonym) == ("Ola", "FB9")
    # Bracketed pseudonyms are not reported as cues.
    assert [cue.text for turn in parsed.turns for cue in turn.cues] == ["(ler)"]


def test_offsets_refer_to_pseudonymised_text(tmp_path: Path) -> None:
    parsed = read(
        write(tmp_path / "t.txt", "Kari: Bartholomeus (ler) ja\n"), pseudonyms={"Bartholomeus": "B"}
    )
    cue = parsed.turns[0].cues[0]
    assert parsed.text[cue.start : cue.end] == "(ler)" and cue.start == 2


def test_default_pseudonym_goes_through_project_list(tmp_path: Path) -> None:
    text = '+++\n[[participants]]\nlabel = "Kari"\n+++\nKari: hei\n'
    parsed = read(write(tmp_path / "t.md", text), pseudonyms={"Kari": "Deltaker 2"})
    assert speakers(parsed) == ["Deltaker 2"]
    assert parsed.meta.participants[0].pseudonym == "Deltaker 2"


def test_undeclared_warning_uses_pseudonym(tmp_path: Path) -> None:
    text = '+++\n[[participants]]\nlabel = "FB1"\n+++\nFB1: hei\nKari: hallo\n'
    parsed = read(write(tmp_path / "t.md", text), pseudonyms={"Kari": "Deltaker 2"})
    assert parsed.warnings == ("undeclared speaker Deltaker 2 at line 6",)
