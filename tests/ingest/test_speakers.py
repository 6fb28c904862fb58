"""Speaker labels, continuation lines, cues, timestamps and moderators in text transcripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from sdi.ingest import IngestError, IngestOptions, read_transcript
from sdi.ingest.speakers import LabelMatcher, looks_like_label, parse_timestamp

from .util import read, speakers, turn_texts, write


def parse(tmp_path: Path, text: str, name: str = "t.txt", **options: object):
    return read(write(tmp_path / name, text), **options)


@pytest.mark.parametrize(
    ("line", "label", "text"),
    [
        ("FB1: Ja, eh.", "FB1", "Ja, eh."),
        ("Speaker 1: hei", "Speaker 1", "hei"),
        ("Deltaker 3: hei", "Deltaker 3", "hei"),
        ("I: Hva tenker du?", "I", "Hva tenker du?"),
        ("Kari: ja", "Kari", "ja"),
        ("Kari Nordmann: ja", "Kari Nordmann", "ja"),
        ("[Kari] ja", "Kari", "ja"),
        ("[Kari]: ja", "Kari", "ja"),
        ("**Kari:** ja", "Kari", "ja"),
        ("**Kari**: ja", "Kari", "ja"),
        ("[00:12:30] Kari: ja", "Kari", "ja"),
        ("(00:12:30) Kari: ja", "Kari", "ja"),
        ("00:12:30 Kari: ja", "Kari", "ja"),
        ("00:12:30 - Kari: ja", "Kari", "ja"),
        ("Kari (00:12:30): ja", "Kari", "ja"),
        ("Moderator:", "Moderator", ""),
    ],
)
def test_label_forms(line: str, label: str, text: str) -> None:
    hit = LabelMatcher(Path("x.txt"), IngestOptions()).match(line)
    assert hit is not None
    assert (hit.label, hit.text) == (label, text)


@pytest.mark.parametrize(
    "line",
    [
        "Det er sånn: vi må gjøre noe.",
        "Kari sa: ja",
        "[utydelig] og så videre",
        "[Latter] og så videre",
        "(ler) ja: det",
        "Kl. 10:30 møttes vi",
        "10: tull",
        "Hei, Kari: hvordan går det?",
        "Pedagogisk leder: dette",
        "https://example.org: lenke",
        "En veldig lang etikett med mange ord: nei",
    ],
)
def test_not_labels(line: str) -> None:
    assert LabelMatcher(Path("x.txt"), IngestOptions()).match(line) is None


def test_declared_multiword_lowercase_label(tmp_path: Path) -> None:
    text = '+++\n[[participants]]\nlabel = "Pedagogisk leder"\n+++\nPedagogisk leder: dette\nKari sa: ja\n'
    parsed = parse(tmp_path, text, "t.md")
    assert speakers(parsed) == ["Pedagogisk leder"]
    assert turn_texts(parsed) == ["dette Kari sa: ja"]


def test_timestamps_parse() -> None:
    assert parse_timestamp("[00:12:30]") == 750.0
    assert parse_timestamp("01:02:03,5") == 3723.5
    assert parse_timestamp("2:05") == 125.0
    assert parse_timestamp("ingen tid") is None
    assert looks_like_label("FB1") and not looks_like_label("utydelig") and not looks_like_label("12")


def test_continuations_and_paragraph_breaks(tmp_path: Path) -> None:
    text = (
        "Moderator: første linje\nandre linje\n\n\ntredje avsnitt\n"
        "FB1: svar\n\n(pause)\n\n---\n# Del 2\nmer\n"
    )
    parsed = parse(tmp_path, text)
    assert turn_texts(parsed) == ["første linje andre linje\ntredje avsnitt", "svar\n(pause)\nmer"]
    assert [turn.line for turn in parsed.turns] == [1, 6]


def test_label_with_text_on_next_line(tmp_path: Path) -> None:
    parsed = parse(tmp_path, "Moderator:\n\nVelkommen.\nFB1:\nTakk.\n")
    assert turn_texts(parsed) == ["Velkommen.", "Takk."]


def test_text_before_first_label_is_unattributed(tmp_path: Path) -> None:
    parsed = parse(tmp_path, "# Tittel\n\nInnledende notat om opptaket.\n\nModerator: Velkommen.\n")
    assert speakers(parsed) == [None, "Moderator"]
    assert parsed.turns[0].line == 3


def test_no_labels_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "notater.txt", "Bare løpende tekst.\nDet er sånn: ingen etiketter.\n")
    with pytest.raises(IngestError, match="no speaker labels found") as info:
        read_transcript(path)
    assert "notater.txt" in str(info.value) and "Navn: …" in str(info.value)


def test_empty_turns_are_skipped_with_warning(tmp_path: Path) -> None:
    parsed = parse(tmp_path, "Moderator:\nFB1: svar\n")
    assert speakers(parsed) == ["FB1"]
    assert any("empty turn" in warning and "line 1" in warning for warning in parsed.warnings)


def test_only_empty_labels_is_no_labels(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no speaker labels"):
        read_transcript(write(tmp_path / "t.txt", "Innledning\nModerator:\n"))


def test_cues_and_offsets(tmp_path: Path) -> None:
    text = (
        "Moderator: Hei (ler).\n"
        "FB1: Ja [utydelig], (flere snakker samtidig) [avbrutt]\n[00:13:02]\nså (pause) videre.\n"
    )
    parsed = parse(tmp_path, text)
    cues = [[cue.text for cue in turn.cues] for turn in parsed.turns]
    assert cues == [
        ["(ler)"],
        ["[utydelig]", "(flere snakker samtidig)", "[avbrutt]", "[00:13:02]", "(pause)"],
    ]
    first = parsed.turns[0].cues[0]
    assert (first.start, first.end) == (4, 9)
    second = parsed.turns[1].cues[0]
    assert second.start == parsed.turns[1].start + 3


def test_long_parenthesis_is_not_a_cue(tmp_path: Path) -> None:
    parsed = parse(tmp_path, "Kari: Vi (og det var i fjor, da vi hadde ny leder og alt sammen) gjorde det.\n")
    assert parsed.turns[0].cues == ()


def test_timestamps_set_time_start(tmp_path: Path) -> None:
    parsed = parse(
        tmp_path, "[00:12:30] Moderator: hei\n00:13:02 FB1: svar\nFB2 (1:02:03.5): og\nKari: ingen\n"
    )
    assert [turn.time_start for turn in parsed.turns] == [750.0, 782.0, 3723.5, None]


def test_moderator_detection(tmp_path: Path) -> None:
    text = "I: spørsmål\nFB1: svar\nintervjuer: nei\nMODERATOR: ja\n"
    parsed = parse(tmp_path, text)
    assert [(turn.speaker, turn.is_moderator) for turn in parsed.turns] == [
        ("I", True),
        ("FB1", False),
        ("MODERATOR", True),
    ]
    mods = {person.label: person.is_moderator for person in parsed.meta.participants}
    assert mods == {"I": True, "FB1": False, "MODERATOR": True}


def test_custom_moderator_labels(tmp_path: Path) -> None:
    parsed = parse(tmp_path, "Leder: hei\nFB1: svar\n", moderator_labels=("Leder",))
    assert [turn.is_moderator for turn in parsed.turns] == [True, False]


def test_declared_moderator_flag(tmp_path: Path) -> None:
    text = (
        '+++\n[[participants]]\nlabel = "Anne"\nmoderator = true\n'
        '[[participants]]\nlabel = "FB1"\n+++\nAnne: hei\nFB1: ja\n'
    )
    parsed = parse(tmp_path, text, "t.md")
    assert [turn.is_moderator for turn in parsed.turns] == [True, False]
    assert [person.is_moderator for person in parsed.meta.participants] == [True, False]


def test_undeclared_speaker_warns_and_is_added(tmp_path: Path) -> None:
    text = '+++\n[[participants]]\nlabel = "FB1"\n+++\nModerator: hei\nFB1: ja\nFB2: jeg også\nFB2: igjen\n'
    parsed = parse(tmp_path, text, "t.md")
    assert speakers(parsed) == ["Moderator", "FB1", "FB2", "FB2"]
    assert parsed.warnings == ("undeclared speaker FB2 at line 7",)
    assert [person.label for person in parsed.meta.participants] == ["FB1", "Moderator", "FB2"]


def test_no_warning_without_declared_participants(tmp_path: Path) -> None:
    parsed = parse(tmp_path, "Kari: hei\nOla: hallo\n")
    assert parsed.warnings == ()
    assert [person.label for person in parsed.meta.participants] == ["Kari", "Ola"]


def test_custom_speaker_patterns_are_tried_first(tmp_path: Path) -> None:
    pattern = r"^<(?P<label>[^>]+)>\s*(?P<text>.*)$"
    parsed = parse(tmp_path, "<lærer a> hei\n<Kari> ja\nvidere\n", speaker_patterns=(pattern,))
    assert speakers(parsed) == ["lærer a", "Kari"]
    assert turn_texts(parsed) == ["hei", "ja videre"]


def test_custom_pattern_without_text_group(tmp_path: Path) -> None:
    parsed = parse(tmp_path, "-- Kari -- hei\n", speaker_patterns=(r"^-- (?P<label>\w+) --",))
    assert turn_texts(parsed) == ["hei"]


@pytest.mark.parametrize("pattern", [r"(?P<label>", r"^(\w+):"])
def test_invalid_speaker_patterns(tmp_path: Path, pattern: str) -> None:
    path = write(tmp_path / "t.txt", "Kari: hei\n")
    with pytest.raises(IngestError, match="speaker pattern") as info:
        read_transcript(path, IngestOptions(speaker_patterns=(pattern,)))
    assert "t.txt" in str(info.value)


def test_large_transcript_is_fast(tmp_path: Path) -> None:
    lines = [f"FB{i % 7}: Dette er linje {i} med Emil og Gunn Elin (ler)." for i in range(20000)]
    parsed = parse(tmp_path, "\n".join(lines), pseudonyms={"Emil": "[barn]", "Gunn Elin": "[ansatt]"})
    assert len(parsed.turns) == 20000
    assert "Emil" not in parsed.text
